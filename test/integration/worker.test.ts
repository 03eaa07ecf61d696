// The worker survives failing jobs and dead workers; ingestion never acknowledges a message without its job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENRICH_JOB, ENRICH_JOB_SIZE, type EnrichmentStage } from '../../src/pipeline/enrichment.ts'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import { DEFAULT_MAX_ATTEMPTS, jobsRepo } from '../../src/store/jobs.ts'
import { rmSync } from 'node:fs'
import pino from 'pino'
import { createBuiltinEmbedder } from '../../src/embeddings/builtin.ts'
import { createServices } from '../../src/services.ts'
import { conversation, createTestServices, createWorkspace, freshDataDir, testConfig } from '../helpers/services.ts'

const POISON = 'POISON-7f3a'
const FLAKY = 'FLAKY-c21e'
const flakyFailures = new Set<string>()

/** Throws on every batch holding a poisoned message, and once per flaky message. */
const failingStage: EnrichmentStage = {
  name: 'explode-on-marker',
  async run(messages) {
    if (messages.some((m) => m.text.includes(POISON))) throw new Error('stage exploded on a poisoned message')
    const flaky = messages.find((m) => m.text.includes(FLAKY) && !flakyFailures.has(m.id))
    if (flaky) {
      flakyFailures.add(flaky.id)
      throw new Error('transient failure')
    }
  },
}

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices({ stages: [failingStage] })
})
afterAll(async () => t?.close())

const db = () => t.services.db

async function embedded(workspaceId: string, externalIds: string[]): Promise<string[]> {
  const { rows } = await db().query<{ external_id: string }>(
    `SELECT m.external_id FROM messages m JOIN message_embeddings e ON e.message_id = m.id AND e.model = $3
     WHERE m.workspace_id = $1 AND m.external_id = ANY($2::text[]) ORDER BY m.external_id`,
    [workspaceId, externalIds, t.services.embedder.id],
  )
  return rows.map((r) => r.external_id)
}

async function jobOf(workspaceId: string, messageExternalId: string) {
  const { rows } = await db().query<{ id: string; status: string; attempts: number; last_error: string | null; delay: number }>(
    `SELECT j.id::text, j.status, j.attempts, j.last_error, extract(epoch FROM j.run_after - now())::float AS delay
     FROM jobs j JOIN messages m ON j.payload->'messageIds' ? m.id::text
     WHERE j.workspace_id = $1 AND m.external_id = $2 ORDER BY j.id DESC LIMIT 1`,
    [workspaceId, messageExternalId],
  )
  return rows[0]
}

describe('worker', () => {
  it('keeps enriching other jobs while a failing one backs off, then gives up on it after max attempts', async () => {
    const ws = await createWorkspace(t.services)
    // Separate ingests make separate jobs; the worker claims them together and must isolate the bad one.
    await ingestConversations(db(), ws.id, [conversation('good1', [['customer', 'my card was declined']])])
    await ingestConversations(db(), ws.id, [conversation('bad', [['customer', `this one carries ${POISON}`]])])
    await ingestConversations(db(), ws.id, [conversation('good2', [['customer', 'the delivery is late']])])

    expect(await t.services.worker.drain()).toBeGreaterThanOrEqual(3)
    expect(await embedded(ws.id, ['good1-m0', 'good2-m0'])).toEqual(['good1-m0', 'good2-m0'])

    let job = await jobOf(ws.id, 'bad-m0')
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'stage exploded on a poisoned message' })
    const delays = [job.delay]
    while (job.status === 'queued') {
      const attempts = job.attempts
      await t.services.worker.drain()
      expect((await jobOf(ws.id, 'bad-m0')).attempts).toBe(attempts) // still backing off
      await db().query(`UPDATE jobs SET run_after = now() WHERE id = $1`, [job.id])
      await t.services.worker.drain()
      job = await jobOf(ws.id, 'bad-m0')
      expect(job.attempts).toBe(attempts + 1)
      if (job.status === 'queued') delays.push(job.delay)
    }
    expect(job).toMatchObject({ status: 'failed', attempts: DEFAULT_MAX_ATTEMPTS })
    expect(delays).toHaveLength(DEFAULT_MAX_ATTEMPTS - 1)
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]) // exponential backoff

    // Later work is still processed.
    await ingestConversations(db(), ws.id, [conversation('good3', [['customer', 'thanks, all sorted']])])
    expect(await t.services.worker.drain()).toBeGreaterThanOrEqual(1)
    expect(await embedded(ws.id, ['good3-m0'])).toEqual(['good3-m0'])
    expect((await jobOf(ws.id, 'good3-m0')).status).toBe('done')
  })

  it('completes a job on retry after a transient failure', async () => {
    const ws = await createWorkspace(t.services)
    await ingestConversations(db(), ws.id, [conversation('flaky', [['customer', `sometimes ${FLAKY}`]])])
    await t.services.worker.drain()
    const job = await jobOf(ws.id, 'flaky-m0')
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'transient failure' })
    await db().query(`UPDATE jobs SET run_after = now() WHERE id = $1`, [job.id])
    await t.services.worker.drain()
    expect(await jobOf(ws.id, 'flaky-m0')).toMatchObject({ status: 'done', attempts: 2 })
  })

  it('reclaims a job left running by a killed worker once it is stale, not before', async () => {
    const ws = await createWorkspace(t.services)
    await t.services.worker.drain() // an empty queue, so the dying worker claims exactly this job
    await ingestConversations(db(), ws.id, [conversation('orphan', [['customer', 'the worker died holding me']])])
    const claimed = await jobsRepo(db()).claim('worker-that-dies', 10, [ENRICH_JOB])
    expect(claimed).toHaveLength(1)

    await t.services.worker.drain()
    expect(await jobOf(ws.id, 'orphan-m0')).toMatchObject({ status: 'running', attempts: 1 }) // a live worker may still be on it

    await db().query(`UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE id = $1`, [claimed[0].id])
    await t.services.worker.drain()
    expect(await jobOf(ws.id, 'orphan-m0')).toMatchObject({ status: 'done', attempts: 2 })
    expect(await embedded(ws.id, ['orphan-m0'])).toEqual(['orphan-m0'])
  })
})

describe('ingestion and its jobs', () => {
  it('enqueues a job for every acknowledged message, in chunks of ENRICH_JOB_SIZE', async () => {
    const ws = await createWorkspace(t.services)
    const many = Array.from({ length: ENRICH_JOB_SIZE + 44 }, (_, i) => ['customer', `message number ${i}`] as ['customer', string])
    const res = await ingestConversations(db(), ws.id, [conversation('long', many), conversation('short', [['customer', 'hi'], ['agent', 'hello']])])
    expect(res.totals.messages.created).toBe(ENRICH_JOB_SIZE + 46)

    const { rows } = await db().query<{ messages: number; jobs: number; uncovered: number; duplicated: number }>(
      `SELECT (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS messages,
              (SELECT count(*)::int FROM jobs WHERE workspace_id = $1 AND kind = $2) AS jobs,
              (SELECT count(*)::int FROM messages m WHERE m.workspace_id = $1 AND NOT EXISTS
                 (SELECT 1 FROM jobs j WHERE j.workspace_id = $1 AND j.kind = $2 AND j.payload->'messageIds' ? m.id::text)) AS uncovered,
              (SELECT count(*)::int FROM (SELECT mid FROM jobs j, jsonb_array_elements_text(j.payload->'messageIds') AS mid
                 WHERE j.workspace_id = $1 AND j.kind = $2 GROUP BY mid HAVING count(*) > 1) d) AS duplicated`,
      [ws.id, ENRICH_JOB],
    )
    expect(rows[0]).toEqual({ messages: ENRICH_JOB_SIZE + 46, jobs: 2, uncovered: 0, duplicated: 0 })
  })

  it('stores nothing when its job cannot be enqueued: no message without a job', async () => {
    const ws = await createWorkspace(t.services)
    await db().query(`ALTER TABLE jobs ADD CONSTRAINT test_refuse_enrich CHECK (kind <> 'enrich') NOT VALID`)
    try {
      await expect(ingestConversations(db(), ws.id, [conversation('lost', [['customer', 'never acknowledged']])])).rejects.toThrow(/test_refuse_enrich/)
    } finally {
      await db().query(`ALTER TABLE jobs DROP CONSTRAINT test_refuse_enrich`)
    }
    const { rows } = await db().query<{ c: number; m: number }>(
      `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS c, (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS m`,
      [ws.id],
    )
    expect(rows[0]).toEqual({ c: 0, m: 0 })
  })
})

describe('the weekly theme schedule', () => {
  it('is not written by building services, only when a worker starts, and only once', async () => {
    const s = await createTestServices({ env: { WORKER: 'inprocess', WORKER_POLL_MS: '60000' } })
    try {
      const schedules = async () =>
        (await s.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'themes-schedule'`)).rows[0].n
      expect(await schedules()).toBe(0)
      await s.services.worker.start()
      await s.services.worker.stop()
      expect(await schedules()).toBe(1)
      await s.services.worker.start()
      expect(await schedules()).toBe(1)
    } finally {
      await s.close()
    }
  })
})

describe('crash recovery of an embedded store', () => {
  it("requeues a dead process's running jobs on the next start at once, not after the lease", async () => {
    const dir = freshDataDir()
    const open = () => createServices(testConfig({ DATA_DIR: dir, JOB_LEASE_SECONDS: '3600' }), { embedder: createBuiltinEmbedder(), log: pino({ level: 'silent' }) })
    try {
      const first = await open()
      const ws = await createWorkspace(first)
      await ingestConversations(first.db, ws.id, [conversation('left-running', [['customer', 'the process died holding me']])])
      expect(await jobsRepo(first.db).claim('process-that-dies', 10, [ENRICH_JOB])).toHaveLength(1)
      await first.close() // as if killed: the job stays 'running' in the data dir

      const second = await open()
      try {
        await second.worker.drain()
        const { rows } = await second.db.query<{ status: string; n: number }>(
          `SELECT j.status, (SELECT count(*)::int FROM enrichments WHERE workspace_id = $1) AS n FROM jobs j WHERE j.workspace_id = $1 AND j.kind = $2`,
          [ws.id, ENRICH_JOB],
        )
        expect(rows).toEqual([{ status: 'done', n: 1 }])
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
