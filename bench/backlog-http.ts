// The `backlog` section's HTTP rows (issue 16's done-when): a burst through the API. A real listening
// Fastify app (`buildApp`, as `npm start` builds it, default settings: load shedding, rate limit, the
// in-process worker's batch and poll interval) on 127.0.0.1; 4 clients POST /v1/conversations 100
// conversations a request, flat out, until the corpus is in.
//
// Two fresh stores, the same requests:
//   1. ingest only: the worker is not started. The time until the last POST returned is what ingest
//      alone costs the client.
//   2. with enrichment: the worker runs as in `npm start`; the clock runs from the first POST until the
//      enrichment backlog is 0.
// The ratio is (1) over (2). Ingest time is taken from a run without enrichment on purpose: in run 2
// enrichment shares the cores and the event loop, so its ingest takes longer, and a worker that blocks
// the loop for seconds would stretch that ingest and so *raise* a ratio taken within one run. (2)'s
// ingest time is reported beside it.
import type { AddressInfo } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { buildApp } from '../src/app.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { bootstrapDefaultWorkspace } from '../src/services.ts'
import { takeStatementCpu, type StatementCpu } from '../src/store/pglite.ts'
import { generateConversations, type BenchConversation } from './corpus.ts'
import { sampleThreadCpu, type ThreadSample } from './thread-cpu.ts'
import { enrichedSoFar, openFreshServices, round, untilBacklogEmpty, type BenchOptions, type BenchServices, type Cell } from './harness.ts'

export const HTTP_CLIENTS = 4
export const HTTP_CONVERSATIONS_PER_REQUEST = 100
const KEY = 'pk_bench_backlog_http_0123456789abcdef'
const BACKLOG_DEADLINE_MS = 600_000

interface PostTotals {
  messages: number
  requests: number
  /** 503 answers (load shedding); the client waited Retry-After and sent the request again. */
  shed: number
}

/** CPU seconds of every thread of this process (the PGlite worker thread included) from `from` to `to`. */
function cpuSeconds(from: NodeJS.CpuUsage, to = process.cpuUsage()): number {
  return (to.user - from.user + to.system - from.system) / 1e6
}

/** `clients` loops share the request bodies (JSON made before the clock starts) and POST them in order. */
async function postAll(baseUrl: string, bodies: string[], clients: number): Promise<PostTotals> {
  const totals: PostTotals = { messages: 0, requests: 0, shed: 0 }
  let next = 0
  async function client() {
    while (next < bodies.length) {
      const body = bodies[next++]
      for (;;) {
        const res = await fetch(`${baseUrl}/v1/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
          body,
        })
        totals.requests++
        if (res.status === 503) {
          totals.shed++
          await res.arrayBuffer()
          await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000))
          continue
        }
        const json = (await res.json()) as { totals?: { rejected: number; messages: { created: number } } }
        if (res.status !== 200 || !json.totals || json.totals.rejected > 0) throw new Error(`POST /v1/conversations answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`)
        totals.messages += json.totals.messages.created
        break
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client))
  return totals
}

/**
 * Where the CPU of a run went: the main thread's seconds, PGlite's thread by statement, and every
 * thread's load over time (`threads`, from the first POST: the last POST returned at `ingestSeconds`, the
 * backlog was empty at `untilEmptySeconds`, and the vector index build follows).
 */
export interface RunProfile { mainThreadCpu: number; statements: StatementCpu[]; threads: ThreadSample[]; ingestSeconds: number; untilEmptySeconds: number | null }

/** One fresh store behind a listening app; `withWorker` starts the in-process worker as `npm start` does. */
async function run(bodies: string[], withWorker: boolean): Promise<{ ingestSeconds: number; untilEmptySeconds: number | null; cpu: number; posted: PostTotals; loopDelayMaxMs: number; loopDelayP99Ms: number; profile: RunProfile }> {
  // The server's own defaults for the worker (batch, poll interval) and load shedding; the bench's
  // settings otherwise (silent log, builtin embedder, the store in a temp dir).
  const fresh: BenchServices & { close(): Promise<void> } = await openFreshServices(createBuiltinEmbedder(), { WORKER_POLL_MS: undefined })
  try {
    const { services } = fresh
    await bootstrapDefaultWorkspace(services.db, KEY)
    const app = await buildApp(services, { logger: false })
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const { port } = app.server.address() as AddressInfo
      if (withWorker) await services.worker.start()
      const loop = monitorEventLoopDelay({ resolution: 10 })
      loop.enable()
      const baseline = await enrichedSoFar()
      await takeStatementCpu(services.db) // what the setup cost is not the run's
      const mainCpu = process.threadCpuUsage()
      const cpu = process.cpuUsage()
      const started = performance.now()
      const threads = sampleThreadCpu()
      const posted = await postAll(`http://127.0.0.1:${port}`, bodies, HTTP_CLIENTS)
      const ingestSeconds = (performance.now() - started) / 1000
      let untilEmptySeconds: number | null = null
      // CPU until the last POST returned (ingest only) or until the backlog was empty (the build after it left out).
      let cpuS = cpuSeconds(cpu)
      if (withWorker) {
        const empty = await untilBacklogEmpty(services.db, posted.messages, baseline, BACKLOG_DEADLINE_MS)
        if (empty !== null) {
          untilEmptySeconds = (empty.at - started) / 1000
          cpuS = cpuSeconds(cpu, empty.cpu)
        }
      }
      loop.disable()
      const threadSamples = threads.stop()
      const mainUsed = process.threadCpuUsage(mainCpu)
      // Read before the worker stops: the statements until now (the index build after the burst included).
      const statements = (await takeStatementCpu(services.db)) ?? []
      await services.worker.stop()
      const profile = { mainThreadCpu: (mainUsed.user + mainUsed.system) / 1e6, statements, threads: threadSamples, ingestSeconds, untilEmptySeconds }
      return { ingestSeconds, untilEmptySeconds, cpu: cpuS, posted, loopDelayMaxMs: loop.max / 1e6, loopDelayP99Ms: loop.percentile(99) / 1e6, profile }
    } finally {
      await app.close()
    }
  } finally {
    await fresh.close()
  }
}

/** The HTTP row for one corpus: ingest-only time, time until enriched, their ratio. */
export async function measureHttpBurst(conversations: BenchConversation[], opts: BenchOptions, onProfile?: (ingestOnly: RunProfile, enriched: RunProfile) => void): Promise<Record<string, Cell>> {
  const bodies: string[] = []
  for (let i = 0; i < conversations.length; i += HTTP_CONVERSATIONS_PER_REQUEST) {
    bodies.push(JSON.stringify({ conversations: conversations.slice(i, i + HTTP_CONVERSATIONS_PER_REQUEST) }))
  }
  opts.progress(`backlog: http, ${bodies.length} requests by ${HTTP_CLIENTS} clients, worker off (ingest only)`)
  const only = await run(bodies, false)
  opts.progress(`backlog: http, the same requests with the in-process worker, until the backlog is empty`)
  const enriched = await run(bodies, true)
  onProfile?.(only.profile, enriched.profile)
  const messages = enriched.posted.messages
  const until = enriched.untilEmptySeconds
  return {
    backend: 'pglite http',
    workers: 1,
    messages,
    'ingest s': round(enriched.ingestSeconds, 1),
    'ingest msg/s': round(messages / enriched.ingestSeconds),
    'until empty s': until === null ? null : round(until, 1),
    'end-to-end msg/s': until === null ? null : round(messages / until),
    'ingest/until-empty': until === null ? null : round(enriched.ingestSeconds / until, 2),
    'index build after s': null,
    'ingest-only s': round(only.ingestSeconds, 1),
    'ingest-only msg/s': round(only.posted.messages / only.ingestSeconds),
    'ingest-only/until-empty': until === null ? null : round(only.ingestSeconds / until, 2),
    'cpu s': round(enriched.cpu, 1),
    'ingest-only cpu s': round(only.cpu, 1),
    'shed 503': enriched.posted.shed + only.posted.shed,
    'loop delay p99 ms': round(enriched.loopDelayP99Ms),
    'loop delay max ms': round(enriched.loopDelayMaxMs),
  }
}

function printProfile(name: string, p: RunProfile) {
  const store = p.statements.reduce((sum, s) => sum + s.cpuMs, 0) / 1000
  console.error(`${name}: main thread ${p.mainThreadCpu.toFixed(2)} CPU s, PGlite thread ${store.toFixed(2)} CPU s (until the worker stopped)`)
  for (const s of p.statements.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 25)) {
    console.error(`${(s.cpuMs / 1000).toFixed(2).padStart(8)} s ${String(s.calls).padStart(6)}×  ${s.statement}`)
  }
  if (p.threads.length === 0) return
  const empty = p.untilEmptySeconds === null ? '' : `, the backlog was empty at ${p.untilEmptySeconds.toFixed(1)} s, the index build followed`
  console.error(`cores busy per thread (the last POST returned at ${p.ingestSeconds.toFixed(1)} s${empty}):\n       s   main  PGlite  helpers`)
  for (const t of p.threads) {
    console.error(`${t.at.toFixed(1).padStart(8)} ${t.main.toFixed(2).padStart(6)} ${t.workers.toFixed(2).padStart(7)} ${t.helpers.toFixed(2).padStart(8)}`)
  }
}

// `npx tsx bench/backlog-http.ts [messages] [--profile]`: the HTTP rows alone, for iterating on enrichment
// speed; --profile adds each thread's CPU, PGlite's by statement, and how busy each thread was every half
// second (on stderr).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 20_000)
  const profile = process.argv.includes('--profile')
  const conversations = generateConversations({ messages: size, seed: 13, idPrefix: `backlog${size}` })
  const row = await measureHttpBurst(
    conversations,
    { quick: false, sizes: [], ingestMessages: 0, backlogMessages: [size], themesMessages: 0, progress: (m) => process.stderr.write(`${m}\n`) },
    profile ? (only, enriched) => { printProfile('ingest only', only); printProfile('with enrichment', enriched) } : undefined,
  )
  console.log(JSON.stringify(row, null, 2))
}
