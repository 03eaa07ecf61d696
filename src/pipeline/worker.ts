// A Postgres-backed job queue consumer. Crash-safe: a job is only marked done after its work committed.
// A worker heartbeats its running jobs; one that dies stops, and after its lease (JOB_LEASE_SECONDS)
// another worker takes them. An embedded store has one process by construction: its first worker puts
// every job left 'running' back in the queue at once.
// It knows no job kind itself: services.ts gives it a handler per kind (enrichment.ts, summaries, themes…).
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import type { Db } from '../store/db.ts'
import { jobsRepo, STALE_JOB_SECONDS, type Job } from '../store/jobs.ts'
import { refreshStaleStatistics } from '../store/statistics.ts'
import { jobDuration, jobsProcessed, jobsReclaimed } from './metrics.ts'

export type JobHandler = (jobs: Job[]) => Promise<void>

export interface WorkerOptions {
  batch: number
  pollMs: number
  log: Logger
  /** One handler per job kind; a job of another kind fails permanently. */
  handlers: Record<string, JobHandler>
  /** Runs once when the worker starts, before it claims jobs (e.g. enqueueing a recurring job's next run). */
  onStart?: () => Promise<void>
  /** Seconds a running job stays this worker's without a heartbeat (server mode); default STALE_JOB_SECONDS. */
  leaseSeconds?: number
}

/** A server worker claims as if at least this many workers shared the queue (it cannot see idle ones). */
const SERVER_MIN_WORKERS = 2

/** Embedded stores whose leftover running jobs were already reclaimed by a worker of this process. */
const recoveredStores = new WeakSet<Db>()

export interface Worker {
  /** Processes every ready job, then resolves; for tests, the eval harness and the CLI. */
  drain(onBatch?: (jobs: number) => void): Promise<number>
  /** Resolves once `onStart` ran and polling began. */
  start(): Promise<void>
  stop(): Promise<void>
  readonly running: boolean
}

export function createWorker(db: Db, opts: WorkerOptions): Worker {
  const jobs = jobsRepo(db)
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  const handlers = opts.handlers
  let timer: NodeJS.Timeout | undefined
  let stopped = true
  let inFlight: Promise<number> | undefined

  const leaseSeconds = opts.leaseSeconds ?? STALE_JOB_SECONDS
  // On a server, other worker processes may share the queue: claim a fair part of a backlog (jobs.claim),
  // not all of it up to the batch, or the first worker holds most of it while the next one idles. An
  // embedded store has one worker by construction.
  const share = db.kind === 'pg' ? { workers: SERVER_MIN_WORKERS, minJobs: Math.ceil(opts.batch / 4) } : undefined

  async function recoverEmbeddedStore() {
    if (db.kind !== 'pglite' || recoveredStores.has(db)) return
    recoveredStores.add(db)
    const n = await jobs.reclaimAllRunning()
    if (n > 0) {
      jobsReclaimed.inc(n)
      opts.log.warn({ jobs: n }, 'requeued jobs a previous process left running')
    }
  }

  /** Keeps the leases of this worker's running jobs fresh while `fn` runs. */
  async function withHeartbeat<T>(fn: () => Promise<T>): Promise<T> {
    const beat = setInterval(() => {
      jobs.heartbeat(workerId).catch((err) => opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'job heartbeat failed'))
    }, Math.max(200, (leaseSeconds * 1000) / 3))
    beat.unref?.()
    try {
      return await fn()
    } finally {
      clearInterval(beat)
    }
  }

  async function runBatch(): Promise<number> {
    await recoverEmbeddedStore()
    // Jobs are claimed in groups so one handler call sees many of them: enrichment jobs merge into
    // big embedding batches, and per-conversation summary jobs do not cost a round trip each.
    const claimed = await jobs.claim(workerId, opts.batch, undefined, leaseSeconds, share)
    if (claimed.length === 0) return 0
    return withHeartbeat(async () => {
      // On a server, a burst outruns autovacuum: fresh statistics first, or the handlers' plans assume empty tables.
      await refreshStaleStatistics(db).catch((err) => opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'refreshing planner statistics failed'))
      return runClaimed(claimed)
    })
  }

  async function runClaimed(claimed: Job[]): Promise<number> {
    const byKind = new Map<string, Job[]>()
    for (const j of claimed) {
      const group = byKind.get(j.kind)
      if (group) group.push(j)
      else byKind.set(j.kind, [j])
    }
    for (const [kind, group] of byKind) {
      const handler = handlers[kind]
      if (!handler) {
        for (const j of group) await jobs.fail(j, `no handler for job kind ${kind}`, true)
        continue
      }
      const end = jobDuration.startTimer({ kind })
      try {
        await handler(group)
        end({ outcome: 'done' })
        await jobs.completeMany(group.map((j) => j.id))
        jobsProcessed.inc({ kind, outcome: 'done' }, group.length)
      } catch (err) {
        end({ outcome: 'error' })
        if (group.length === 1) {
          await failJob(group[0], err)
          continue
        }
        // Isolate the bad job: run each alone so one poisoned job does not fail its neighbours.
        for (const j of group) {
          try {
            await handler([j])
            await jobs.complete(j.id)
            jobsProcessed.inc({ kind, outcome: 'done' })
          } catch (e) {
            await failJob(j, e)
          }
        }
      }
    }
    return claimed.length
  }

  async function failJob(job: Job, err: unknown) {
    const message = err instanceof Error ? err.message : String(err)
    opts.log.warn({ kind: job.kind, job: job.id, attempt: job.attempts, err: message }, 'job failed; will retry with backoff')
    const outcome = await jobs.fail(job, message)
    jobsProcessed.inc({ kind: job.kind, outcome })
  }

  async function drain(onBatch?: (jobs: number) => void): Promise<number> {
    let total = 0
    for (;;) {
      const n = await runBatch()
      if (n === 0) return total
      total += n
      onBatch?.(n)
    }
  }

  function schedule(delay: number) {
    if (stopped) return
    timer = setTimeout(async () => {
      inFlight = drain().catch((err) => {
        opts.log.error({ err: err instanceof Error ? err.message : String(err) }, 'worker loop error')
        return 0
      })
      await inFlight
      inFlight = undefined
      schedule(opts.pollMs)
    }, delay)
    timer.unref?.()
  }

  return {
    drain,
    async start() {
      if (!stopped) return
      stopped = false
      try {
        await opts.onStart?.()
      } catch (err) {
        stopped = true
        throw err
      }
      schedule(0)
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await inFlight
    },
    get running() {
      return !stopped
    },
  }
}
