// Bench rows `pg server processes` (bench/backlog.ts): do separate worker processes on one PostgreSQL server share
// the queue without double work, and does enrichment scale with them? A private database gets the corpus
// through ingest with no worker running; its enrichment jobs are held back while N `parley worker`
// processes (the real CLI entry, src/cli.ts) start; then they are released at once and the clock runs
// until the backlog is empty (enrichmentBacklog(), what /ready reports). Process start-up (module load,
// store connection) is not timed, so one and two workers start the race alike.
//
// Where the time goes: the CPU of the worker processes and of the server's processes (backends, WAL
// writer, autovacuum…, read from /proc when the server runs on this machine) over the same interval.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { ingestInBatches } from '../src/pipeline/ingest-batches.ts'
import type { Db } from '../src/store/db.ts'
import { ENRICH_JOB } from '../src/store/jobs.ts'
import { enrichmentBacklog } from '../src/store/readiness.ts'
import { generateConversations, type BenchConversation } from './corpus.ts'
import { readProcStat } from './proc-stat.ts'
import { openFreshServerServices, round, vectorIndexSettled, type BenchOptions, type Cell } from './harness.ts'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const INGEST_CONVERSATIONS_PER_CALL = 100
const POLL_MS = 100
const DRAIN_TIMEOUT_MS = 600_000
const START_TIMEOUT_MS = 120_000

/** user + system CPU seconds of a process from /proc, or null (gone, or not on this machine). */
const processCpuSeconds = (pid: number) => readProcStat(`/proc/${pid}/stat`)?.cpuSeconds ?? null
const parentPid = (pid: number) => readProcStat(`/proc/${pid}/stat`)?.parentPid ?? null

/**
 * CPU of every process of the PostgreSQL server (the postmaster's children: backends, WAL writer,
 * checkpointer, autovacuum) from `start()` on, sampled as the run goes: a process that ends between two
 * samples loses its last slice. Null when the server is not a process of this machine.
 */
async function serverCpuMeter(db: Db) {
  const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
  const postmaster = parentPid(rows[0].pid)
  if (postmaster === null || processCpuSeconds(postmaster) === null) return null
  const seen = new Map<number, { first: number; last: number }>()
  const sample = (fresh: boolean) => {
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry)
      if (!Number.isInteger(pid) || parentPid(pid) !== postmaster) continue
      const cpu = processCpuSeconds(pid)
      if (cpu === null) continue
      const known = seen.get(pid)
      if (known) known.last = cpu
      else seen.set(pid, { first: fresh ? cpu : 0, last: cpu })
    }
  }
  return {
    start: () => sample(true),
    sample: () => sample(false),
    seconds: () => [...seen.values()].reduce((sum, p) => sum + p.last - p.first, 0),
  }
}

interface WorkerProcess {
  child: ChildProcess
  /** Resolves when the worker claims jobs. */
  running: Promise<void>
  /** Resolves with the counts the worker printed when it stopped. */
  stopped: Promise<{ messages: number; jobs: number }>
}

/** Starts `parley worker` (one Node process: `node --import tsx`, so its pid is the worker's) on `databaseUrl`. */
function startWorkerProcess(databaseUrl: string): WorkerProcess {
  const { DATA_DIR: _dataDir, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker'], {
    cwd: REPO_ROOT,
    env: { ...inherited, DATABASE_URL: databaseUrl, EMBEDDINGS: 'builtin', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  const running = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`parley worker did not start within ${START_TIMEOUT_MS / 1000} s: ${err.slice(-2000)}`)), START_TIMEOUT_MS)
    child.stderr!.on('data', (d) => {
      err += d
      if (err.includes('worker running')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`parley worker ended (${code ?? signal}) before it ran: ${err.slice(-2000)}`))
    })
  })
  running.catch(() => undefined)
  const stopped = new Promise<{ messages: number; jobs: number }>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      const done = /worker stopped: (\d+) jobs done.*?, (\d+) messages enriched/.exec(err)
      if (done) resolve({ jobs: Number(done[1]), messages: Number(done[2]) })
      else reject(new Error(`parley worker ended (${code ?? signal}) without its summary: ${err.slice(-2000)}`))
    })
  })
  stopped.catch(() => undefined)
  return { child, running, stopped }
}

/** Seconds from `since` until each worker finished its last enrichment job, earliest first: the gap is one worker idling while the other still works. */
async function lastJobDone(db: Db, since: Date): Promise<number[]> {
  const { rows } = await db.query<{ s: number }>(
    `SELECT extract(epoch FROM max(updated_at) - $2::timestamptz)::float8 AS s FROM jobs WHERE kind = $1 AND status = 'done' GROUP BY locked_by ORDER BY 1`,
    [ENRICH_JOB, since.toISOString()],
  )
  return rows.map((r) => round(r.s, 1))
}

/** Enrichment jobs as the workers left them: every one done, each claimed once, no message enriched twice. */
async function queueOutcome(db: Db) {
  const { rows } = await db.query<{ created: number; done: number; reclaimed: number; enriched: number }>(
    `SELECT count(*)::int AS created, count(*) FILTER (WHERE status = 'done')::int AS done,
            count(*) FILTER (WHERE attempts > 1)::int AS reclaimed,
            (SELECT count(*)::int FROM enrichments) AS enriched
     FROM jobs WHERE kind = $1`,
    [ENRICH_JOB],
  )
  return rows[0]
}

/**
 * One row: `workers` worker processes drain the enrichment of `conversations` stored with no worker
 * running. The drain is timed from the moment the held jobs are released until the backlog is 0.
 */
export async function measureWorkerProcesses(url: string, conversations: BenchConversation[], workers: number, opts: BenchOptions): Promise<Record<string, Cell>> {
  const store = await openFreshServerServices(url, `parley_bench_${process.pid}_${conversations.length}c_${workers}p`, createBuiltinEmbedder())
  const processes: WorkerProcess[] = []
  try {
    const { db } = store.services
    opts.progress(`worker processes: ingesting ${conversations.length} conversations, no worker running`)
    const ingestStarted = performance.now()
    const totals = await ingestInBatches(db, store.workspaceId, conversations, { batchSize: INGEST_CONVERSATIONS_PER_CALL })
    const ingestSeconds = (performance.now() - ingestStarted) / 1000
    const messages = totals.messages.created
    // Held back while the processes start, so none gets a head start.
    await db.query(`UPDATE jobs SET run_after = now() + interval '1 day' WHERE kind = $1 AND status = 'queued'`, [ENRICH_JOB])
    opts.progress(`worker processes: starting ${workers} × parley worker`)
    for (let i = 0; i < workers; i++) processes.push(startWorkerProcess(store.databaseUrl))
    await Promise.all(processes.map((p) => p.running))

    const serverCpu = await serverCpuMeter(db)
    const workerCpuAtStart = processes.map((p) => processCpuSeconds(p.child.pid!))
    const load = loadavg()[0]
    serverCpu?.start()
    const { rows: released } = await db.query<{ at: Date }>(`UPDATE jobs SET run_after = now() WHERE kind = $1 AND status = 'queued' RETURNING now() AS at`, [ENRICH_JOB])
    const started = performance.now()
    opts.progress(`worker processes: ${workers} worker(s) draining ${messages} messages`)
    let emptyAt: number | null = null
    while (performance.now() - started < DRAIN_TIMEOUT_MS) {
      serverCpu?.sample()
      if ((await enrichmentBacklog(db)) === 0) {
        emptyAt = performance.now()
        break
      }
      await new Promise((r) => setTimeout(r, POLL_MS))
    }
    if (emptyAt === null) throw new Error(`${workers} worker process(es) did not empty a backlog of ${messages} messages within ${DRAIN_TIMEOUT_MS / 60_000} minutes`)
    serverCpu?.sample()
    const workerCpu = processes.map((p, i) => {
      const now = processCpuSeconds(p.child.pid!)
      return now === null || workerCpuAtStart[i] === null ? null : now - workerCpuAtStart[i]!
    })
    const drainSeconds = (emptyAt - started) / 1000

    // The index build the last bulk load scheduled runs on the workers too: let it finish before they stop.
    const indexDeadline = performance.now() + DRAIN_TIMEOUT_MS
    const settled = () => vectorIndexSettled(db, store.services.embedder.id)
    while (!(await settled()) && performance.now() < indexDeadline) await new Promise((r) => setTimeout(r, 250))
    const indexSeconds = (await settled()) ? (performance.now() - emptyAt) / 1000 : null

    for (const p of processes) p.child.kill('SIGTERM')
    const done = await Promise.all(processes.map((p) => p.stopped))
    const outcome = await queueOutcome(db)
    const finished = await lastJobDone(db, new Date(released[0].at))
    const enrichedByWorkers = done.reduce((sum, d) => sum + d.messages, 0)
    const sum = (xs: Array<number | null>) => (xs.some((x) => x === null) ? null : round(xs.reduce((a: number, x) => a + x!, 0), 1))
    return {
      backend: 'pg server processes',
      workers,
      messages,
      'ingest s': round(ingestSeconds, 1),
      'drain s': round(drainSeconds, 1),
      'drain msg/s': round(messages / drainSeconds),
      'worker cpu s': sum(workerCpu),
      'server cpu s': serverCpu ? round(serverCpu.seconds(), 1) : null,
      'cores busy': serverCpu && workerCpu.every((c) => c !== null) ? round((serverCpu.seconds() + workerCpu.reduce((a: number, c) => a + c!, 0)) / drainSeconds, 2) : null,
      'messages per worker': done.map((d) => d.messages).join(' / '),
      'last job done s': finished.join(' / '),
      'enriched twice': enrichedByWorkers - messages,
      'enrichment rows': outcome.enriched,
      'jobs done/created': `${outcome.done}/${outcome.created}`,
      'jobs claimed twice': outcome.reclaimed,
      'index build after s': indexSeconds === null ? null : round(indexSeconds, 1),
      load: round(load, 1),
    }
  } finally {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    await store.close()
  }
}

/** The 2-worker row's drain rate over the 1-worker row's (issue 16 asks ≥ 1.6), set on the 2-worker row. */
export function addScaling(rows: Array<Record<string, Cell>>): void {
  const one = rows.find((r) => r.workers === 1)
  for (const r of rows) {
    r['vs 1 worker'] = one && typeof one['drain msg/s'] === 'number' && typeof r['drain msg/s'] === 'number' ? round(r['drain msg/s'] / one['drain msg/s'], 2) : null
  }
}

// `BENCH_DATABASE_URL=… npx tsx bench/worker-processes.ts [messages] [workers,…]`: these rows alone, as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.BENCH_DATABASE_URL
  if (!url) throw new Error('set BENCH_DATABASE_URL to a PostgreSQL server with pgvector')
  const size = Number(process.argv[2] ?? 20_000)
  const counts = (process.argv[3] ?? '1,2').split(',').map(Number)
  const conversations = generateConversations({ messages: size, seed: 13, idPrefix: `backlog${size}` })
  const opts = { quick: false, sizes: [], ingestMessages: 0, backlogMessages: [size], themesMessages: 0, progress: (m: string) => process.stderr.write(`${m}\n`) }
  const rows: Array<Record<string, Cell>> = []
  for (const n of counts) rows.push(await measureWorkerProcesses(url, conversations, n, opts))
  addScaling(rows)
  console.log(JSON.stringify(rows, null, 2))
}
