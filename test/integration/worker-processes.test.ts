// Several workers on one queue (issue 16): a server worker claims a fair part of a backlog, not all of it;
// a burst's tables get planner statistics before enrichment reads them; and two `parley worker`
// processes on a real PostgreSQL server split one backlog, every message enriched once.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuiltinEmbedder } from '../../src/embeddings/builtin.ts'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import { bootstrapDefaultWorkspace, createServices } from '../../src/services.ts'
import type { Db } from '../../src/store/db.ts'
import { ENRICH_JOB, jobsRepo } from '../../src/store/jobs.ts'
import { enrichmentBacklog } from '../../src/store/readiness.ts'
import { ANALYZE_MIN_CHANGED_ROWS, refreshStaleStatistics } from '../../src/store/statistics.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { createPgServerDatabase, openPgServerDb, PG_SERVER_SKIP_REASON } from '../helpers/pg-socket.ts'
import { conversation, openTestDb, testConfig } from '../helpers/services.ts'

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url))
const serverSkip = PG_SERVER_SKIP_REASON ? ` (skipped: ${PG_SERVER_SKIP_REASON})` : ''
let seq = 0

type Opened = { db: Db; cleanup: () => Promise<void> }
const backends: Array<[string, () => Promise<Opened>]> = [['pglite', openTestDb]]
if (!PG_SERVER_SKIP_REASON) backends.push(['PostgreSQL server', openPgServerDb])

describe.each(backends)('claims shared fairly (%s)', (_name, open) => {
  let db: Db
  let cleanup: (() => Promise<void>) | undefined
  beforeAll(async () => {
    ;({ db, cleanup } = await open())
  })
  afterAll(async () => cleanup?.())

  it('takes an equal part of what is ready among the busy workers and itself, at least two and never below the minimum', async () => {
    const jobs = jobsRepo(db)
    const kind = `share-${process.pid}-${++seq}`
    for (let i = 0; i < 40; i++) await jobs.enqueue(null, kind, { i })
    const share = { workers: 2, minJobs: 3 }
    // Alone, a worker still leaves half for a second one: 40 ready → 20, although its batch allows 64.
    expect(await jobs.claim('a', 64, [kind], 30, share)).toHaveLength(20)
    // a holds jobs: b is one of two → half of the 20 left.
    expect(await jobs.claim('b', 64, [kind], 30, share)).toHaveLength(10)
    // a and b hold jobs: c is one of three → a third of the 10 left, rounded up.
    expect(await jobs.claim('c', 64, [kind], 30, share)).toHaveLength(4)
    // 6 left among four busy: a share of 2, but the minimum is 3; then the batch limits.
    expect(await jobs.claim('d', 64, [kind], 30, share)).toHaveLength(3)
    expect(await jobs.claim('a', 2, [kind], 30, share)).toHaveLength(2)
    // Without a share (an embedded store's one worker) the batch alone limits the claim.
    expect(await jobs.claim('e', 64, [kind])).toHaveLength(1)
    const { rows } = await db.query<{ n: number; claimed: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT id) FILTER (WHERE status = 'running' AND attempts = 1)::int AS claimed FROM jobs WHERE kind = $1`,
      [kind],
    )
    expect(rows[0]).toEqual({ n: 40, claimed: 40 })
    await db.query(`UPDATE jobs SET status = 'done' WHERE kind = $1`, [kind]) // a to e are busy no more
  })

  it('leaves a dead worker out of the count: jobs whose lease ran out are claimable, not a busy worker', async () => {
    const jobs = jobsRepo(db)
    const kind = `share-dead-${process.pid}-${++seq}`
    for (let i = 0; i < 8; i++) await jobs.enqueue(null, kind, { i })
    expect(await jobs.claim('dead', 4, [kind], 1)).toHaveLength(4)
    await db.query(`UPDATE jobs SET locked_at = now() - interval '5 seconds' WHERE kind = $1 AND locked_by = 'dead'`, [kind])
    // 8 claimable (4 queued, 4 expired), one live worker (itself) counted as two: 4.
    const taken = await jobs.claim('alive', 64, [kind], 1, { workers: 2, minJobs: 1 })
    expect(taken).toHaveLength(4)
  })
})

describe('planner statistics after a burst', () => {
  it('are no business of an embedded store (PGlite re-analyzes in its own vector write)', async () => {
    const { db, cleanup } = await openTestDb()
    try {
      expect(await refreshStaleStatistics(db)).toEqual([])
    } finally {
      await cleanup()
    }
  })

  it.skipIf(PG_SERVER_SKIP_REASON)(`are refreshed on a server for the tables a burst grew by half (and by 1,000 rows), once, whichever worker comes first${serverSkip}`, async () => {
    const { db, cleanup } = await openPgServerDb()
    try {
      // Autovacuum (once a minute) must not analyze them first: this checks the worker's own refresh.
      await db.exec(`ALTER TABLE messages SET (autovacuum_enabled = false); ALTER TABLE conversations SET (autovacuum_enabled = false)`)
      const ws = await workspacesRepo(db).create(`stats-${process.pid}`)
      const conversations = Array.from({ length: 600 }, (_, c) =>
        conversation(`stats-${c}`, [
          ['customer', `order ${c} has not arrived`],
          ['agent', `sorry, checking order ${c}`],
        ]),
      )
      for (let i = 0; i < conversations.length; i += 100) await ingestConversations(db, ws.id, conversations.slice(i, i + 100))
      // The server's table counters are flushed at the end of a transaction, at most once a second per session.
      const stale = async () => {
        const { rows } = await db.query<{ relname: string; analyzed: boolean }>(
          `SELECT relname, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname IN ('messages', 'conversations') ORDER BY relname`,
        )
        return rows
      }
      expect(ANALYZE_MIN_CHANGED_ROWS).toBeGreaterThan(600)
      expect(ANALYZE_MIN_CHANGED_ROWS).toBeLessThanOrEqual(1200)
      expect(await stale()).toEqual([
        { relname: 'conversations', analyzed: false },
        { relname: 'messages', analyzed: false },
      ])
      let refreshed: string[] = []
      for (let i = 0; i < 30 && !refreshed.includes('public.messages'); i++) {
        refreshed = [...refreshed, ...(await Promise.all([refreshStaleStatistics(db), refreshStaleStatistics(db)])).flat()]
        if (!refreshed.includes('public.messages')) await new Promise((r) => setTimeout(r, 200))
      }
      // Two workers at once: one analyzes, the other then finds nothing stale.
      expect(refreshed.filter((t) => t === 'public.messages')).toEqual(['public.messages'])
      // 1,200 new messages are enough to matter; 600 conversations are under ANALYZE_MIN_CHANGED_ROWS.
      expect(await stale()).toEqual([
        { relname: 'conversations', analyzed: false },
        { relname: 'messages', analyzed: true },
      ])
      expect(await refreshStaleStatistics(db)).not.toContain('public.messages')
    } finally {
      await cleanup()
    }
  }, 60_000)
})

/** `parley worker` as its own process (node --import tsx, so the pid is the worker's); resolves its summary on exit. */
function startWorker(databaseUrl: string) {
  const { DATA_DIR: _dataDir, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker'], {
    env: { ...inherited, DATABASE_URL: databaseUrl, EMBEDDINGS: 'builtin', LOG_LEVEL: 'warn', WORKER_BATCH: '4', WORKER_POLL_MS: '50' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  const exited = new Promise<string>((resolve) => child.once('exit', () => resolve(err)))
  const running = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (err.includes('worker running')) {
        clearInterval(poll)
        resolve()
      }
    }, 20)
    void exited.then((text) => {
      clearInterval(poll)
      reject(new Error(`parley worker ended before it ran: ${text.slice(-2000)}`))
    })
  })
  running.catch(() => undefined)
  return { child, running, exited }
}

describe('two worker processes on one server', () => {
  it.skipIf(PG_SERVER_SKIP_REASON)(`split one backlog between them and enrich every message exactly once${serverSkip}`, async () => {
    const { databaseUrl, cleanup } = await createPgServerDatabase()
    const workers: Array<ReturnType<typeof startWorker>> = []
    const services = await createServices(testConfig({ DATABASE_URL: databaseUrl }), { embedder: createBuiltinEmbedder(), log: pino({ level: 'silent' }) })
    try {
      const { db } = services
      const { workspaceId } = await bootstrapDefaultWorkspace(db)
      const conversations = Array.from({ length: 400 }, (_, c) =>
        conversation(`split-${c}`, [
          ['customer', `my parcel ${c} is late, where is it?`],
          ['agent', `sorry about parcel ${c}, checking now`],
          ['customer', `thanks, parcel ${c} still missing`],
        ]),
      )
      let acknowledged = 0
      for (let i = 0; i < conversations.length; i += 20) acknowledged += (await ingestConversations(db, workspaceId, conversations.slice(i, i + 20))).totals.messages.created
      // Held until both processes run, so neither drains the queue alone before the other started.
      await db.query(`UPDATE jobs SET run_after = now() + interval '1 day' WHERE kind = $1`, [ENRICH_JOB])
      workers.push(startWorker(databaseUrl), startWorker(databaseUrl))
      await Promise.all(workers.map((w) => w.running))
      await db.query(`UPDATE jobs SET run_after = now() WHERE kind = $1`, [ENRICH_JOB])
      const deadline = Date.now() + 90_000
      while ((await enrichmentBacklog(db)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      for (const w of workers) w.child.kill('SIGTERM')
      const summaries = await Promise.all(workers.map((w) => w.exited))
      const enrichedBy = summaries.map((text) => {
        const done = /worker stopped: \d+ jobs done.*?, (\d+) messages enriched/.exec(text)
        if (!done) throw new Error(`no summary from parley worker: ${text.slice(-2000)}`)
        return Number(done[1])
      })
      const { rows } = await db.query<{ jobs: number; done: number; again: number; enriched: number }>(
        `SELECT count(*)::int AS jobs, count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE attempts <> 1)::int AS again,
                (SELECT count(*)::int FROM enrichments e JOIN messages m ON m.id = e.message_id AND m.content_hash = e.content_hash WHERE e.workspace_id = $2) AS enriched
         FROM jobs WHERE kind = $1`,
        [ENRICH_JOB, workspaceId],
      )
      expect(acknowledged).toBe(1200)
      expect(rows[0]).toEqual({ jobs: 20, done: 20, again: 0, enriched: 1200 })
      // Each process did part of the work, and their parts add up to the whole: nothing twice.
      expect(enrichedBy.every((n) => n > 0)).toBe(true)
      expect(enrichedBy[0] + enrichedBy[1]).toBe(1200)
    } finally {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL')
      await services.close()
      await cleanup()
    }
  }, 180_000)
})
