// Bench section `backlog`: does enrichment keep pace with ingestion? A client ingests flat out (100
// conversations per call) while the worker runs beside it, as on a server; the clock runs from the
// first ingest call until /ready's backlog is 0 (every message embedded and classified). Embedded PGlite
// always; a PostgreSQL server too when BENCH_DATABASE_URL names one, on a private database: the same
// run with one in-process worker, then the backlog drained by 1 and by 2 separate `parley worker`
// processes (bench/worker-processes.ts), which says whether enrichment scales with workers.
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { ingestInBatches } from '../src/pipeline/ingest-batches.ts'
import type { Services } from '../src/services.ts'
import { measureHttpBurst, HTTP_CLIENTS, HTTP_CONVERSATIONS_PER_REQUEST } from './backlog-http.ts'
import { generateConversations } from './corpus.ts'
import { addScaling, measureWorkerProcesses } from './worker-processes.ts'
import { enrichedSoFar, openFreshServerServices, openFreshServices, round, untilBacklogEmpty, vectorIndexSettled, type BenchOptions, type BenchSection, type Cell } from './harness.ts'

const CONVERSATIONS_PER_CALL = 100
const CORPUS_SEED = 13

/** Worker processes draining the server's backlog, one row each. */
const WORKER_PROCESSES = [1, 2]

export const BACKLOG_SIZES = [20_000, 100_000]
export const QUICK_BACKLOG_SIZES = [2_000, 10_000]

const corpus = (size: number) => generateConversations({ messages: size, seed: CORPUS_SEED, idPrefix: `backlog${size}` })

async function measure(backend: string, size: number, services: Services[], workspaceId: string, opts: BenchOptions): Promise<Record<string, Cell>> {
  const conversations = corpus(size)
  opts.progress(`backlog: ${backend}, ${size} messages, ${services.length} worker(s)`)
  for (const s of services) await s.worker.start()
  const baseline = await enrichedSoFar()
  const started = performance.now()
  const totals = await ingestInBatches(services[0].db, workspaceId, conversations, { batchSize: CONVERSATIONS_PER_CALL })
  const ingestSeconds = (performance.now() - started) / 1000
  const emptyAt = await untilBacklogEmpty(services[0].db, totals.messages.created, baseline)
  if (emptyAt === null) throw new Error(`backlog of ${size} messages not empty within 10 minutes`)
  const emptySeconds = (emptyAt.at - started) / 1000
  let indexSeconds: number | null = null
  const embedderId = services[0].embedder.id
  const indexDeadline = performance.now() + 600_000
  const settled = () => vectorIndexSettled(services[0].db, embedderId)
  while (!(await settled()) && performance.now() < indexDeadline) await new Promise((r) => setTimeout(r, 250))
  if (await settled()) indexSeconds = (performance.now() - started) / 1000 - emptySeconds
  for (const s of services) await s.worker.stop()
  const messages = totals.messages.created
  return {
    backend,
    workers: services.length,
    messages,
    'ingest s': round(ingestSeconds, 1),
    'ingest msg/s': round(messages / ingestSeconds),
    'until empty s': round(emptySeconds, 1),
    'end-to-end msg/s': round(messages / emptySeconds),
    'ingest/until-empty': round(ingestSeconds / emptySeconds, 2),
    'index build after s': indexSeconds === null ? null : round(indexSeconds, 1),
  }
}

/** The in-process worker on a server: ingest and enrichment in one process, as `WORKER=inprocess` runs. */
async function serverRun(url: string, size: number, opts: BenchOptions): Promise<Record<string, Cell>> {
  const { close, ...s } = await openFreshServerServices(url, `parley_bench_${process.pid}_${size}`, createBuiltinEmbedder())
  try {
    return await measure('pg server', size, [s.services], s.workspaceId, opts)
  } finally {
    await close()
  }
}

export const backlogSection: BenchSection = {
  name: 'backlog',
  title: 'Ingest flat out with the worker beside it: time from the first message until the enrichment backlog is empty',
  async run(opts) {
    const rows: Array<Record<string, Cell>> = []
    for (const size of opts.backlogMessages) {
      const fresh = await openFreshServices(createBuiltinEmbedder())
      try {
        // The same poll interval as the server runs below, so the backends compare.
        rows.push(await measure('pglite', size, [fresh.services], fresh.workspaceId, opts))
      } finally {
        await fresh.close()
      }
      rows.push(await measureHttpBurst(corpus(size), opts))
      const url = process.env.BENCH_DATABASE_URL
      if (url) {
        rows.push(await serverRun(url, size, opts))
        const processRows: Array<Record<string, Cell>> = []
        for (const workers of WORKER_PROCESSES) processRows.push(await measureWorkerProcesses(url, corpus(size), workers, opts))
        addScaling(processRows)
        rows.push(...processRows)
      }
    }
    return {
      rows,
      notes: [
        `ingestConversations with ${CONVERSATIONS_PER_CALL} conversations per call, builtin embedder, local classifier and summaries, one in-process worker (pglite)`,
        'until empty: from the first ingest call until enrichmentBacklog() is 0; ingest/until-empty ≥ 0.6 means enrichment keeps pace',
        `pglite http: ${HTTP_CLIENTS} clients POST /v1/conversations (${HTTP_CONVERSATIONS_PER_REQUEST} conversations a request) to a listening buildApp with the in-process worker, server defaults; ingest-only s is the same requests on a fresh store with the worker off, and ingest-only/until-empty (≥ 0.6 is issue 16's target) is the fair ratio: ingest s of the run with enrichment grows when enrichment holds the cores or the event loop`,
        'cpu s: CPU seconds of the whole process (server, worker, PGlite thread and the 4 clients) during the run with enrichment',
        'index build after: the background index build after the backlog emptied (a first index: searches are exact until then; a rebuild: the old index serves)',
        ...(process.env.BENCH_DATABASE_URL
          ? [
              'pg server: the in-process worker beside ingest, as for pglite',
              `pg server processes (workers ${WORKER_PROCESSES.join(', ')}): the corpus stored with no worker, then drained by that many \`parley worker\` processes, timed from the jobs' release until the backlog is 0; vs 1 worker ≥ 1.6 is issue 16's target. The server runs on the same cores as the workers, and load is the 1-minute load average at the start`,
            ]
          : ['set BENCH_DATABASE_URL to a PostgreSQL server with pgvector to add the server rows (the in-process worker, then 1 and 2 worker processes)']),
      ],
    }
  },
}
