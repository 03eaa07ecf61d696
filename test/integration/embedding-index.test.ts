// The background HNSW build after a bulk load waits for the queue to be quiet: not while enrichment
// jobs are pending, not while new ones keep arriving (a burst the worker keeps up with), but at once
// when nothing arrived since it last looked (a drain after an import), and anyway after a long wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  EMBEDDING_INDEX_JOB, embeddingIndexHandlers, INDEX_BUILD_MAX_QUIET_WAIT_SECONDS, INDEX_BUILD_QUIET_SECONDS, scheduleIndexBuild,
} from '../../src/pipeline/embedding-index.ts'
import { ENRICH_JOB } from '../../src/pipeline/enrichment.ts'
import type { Db } from '../../src/store/db.ts'
import { dropModelIndex, modelIndexReady, registerModel } from '../../src/store/embeddings.ts'
import { jobsRepo, type Job } from '../../src/store/jobs.ts'
import { openTestDb } from '../helpers/services.ts'

const MODEL = 'test:index-debounce'

describe('embedding index build debounce', () => {
  let db: Db
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ db, cleanup } = await openTestDb())
    await registerModel(db, MODEL, 8)
    await dropModelIndex(db, MODEL)
  })
  afterEach(async () => cleanup())

  const handler = () => embeddingIndexHandlers(db)[EMBEDDING_INDEX_JOB]
  /** An enrichment job the worker already finished (it kept up with ingest). */
  async function finishedEnrichJob(): Promise<string> {
    const id = await jobsRepo(db).enqueue(null, ENRICH_JOB, { messageIds: [] })
    await jobsRepo(db).complete(id)
    return id
  }
  /** The queued index job, made due now, claimed as the worker would. */
  async function claimIndexJob(): Promise<Job> {
    await db.query(`UPDATE jobs SET run_after = now() WHERE kind = $1 AND status = 'queued'`, [EMBEDDING_INDEX_JOB])
    const claimed = await jobsRepo(db).claim('test-worker', 10, [EMBEDDING_INDEX_JOB])
    expect(claimed).toHaveLength(1)
    return claimed[0]
  }
  const queuedIndexJobs = async () =>
    (await db.query<{ payload: Record<string, unknown>; wait: number }>(
      `SELECT payload, extract(epoch FROM run_after - now())::float AS wait FROM jobs WHERE kind = $1 AND status = 'queued'`,
      [EMBEDDING_INDEX_JOB],
    )).rows

  it('builds at once when no enrichment job arrived since it was scheduled (a drain after an import)', async () => {
    await finishedEnrichJob()
    await scheduleIndexBuild(db, MODEL, ENRICH_JOB)
    await handler()([await claimIndexJob()])
    expect(await modelIndexReady(db, MODEL)).toBe(true)
    expect(await queuedIndexJobs()).toEqual([])
  })

  it('waits while enrichment jobs keep arriving, then builds once they stop', async () => {
    await finishedEnrichJob()
    await scheduleIndexBuild(db, MODEL, ENRICH_JOB)
    const newer = await finishedEnrichJob() // the burst goes on; the queue is empty again
    await handler()([await claimIndexJob()])
    expect(await modelIndexReady(db, MODEL)).toBe(false)
    const [deferred] = await queuedIndexJobs()
    expect(deferred.payload.seenJob).toBe(newer)
    expect(deferred.wait).toBeGreaterThan(INDEX_BUILD_QUIET_SECONDS - 1)

    await handler()([await claimIndexJob()]) // nothing new since: the burst is over
    expect(await modelIndexReady(db, MODEL)).toBe(true)
  })

  it('waits while enrichment jobs are pending', async () => {
    await scheduleIndexBuild(db, MODEL, ENRICH_JOB)
    await jobsRepo(db).enqueue(null, ENRICH_JOB, { messageIds: [] })
    await handler()([await claimIndexJob()])
    expect(await modelIndexReady(db, MODEL)).toBe(false)
    expect(await queuedIndexJobs()).toHaveLength(1)
  })

  it('builds anyway after waiting too long for a quiet moment (steady trickle after an import)', async () => {
    await scheduleIndexBuild(db, MODEL, ENRICH_JOB)
    await finishedEnrichJob()
    const longAgo = Date.now() - (INDEX_BUILD_MAX_QUIET_WAIT_SECONDS + 5) * 1000
    await db.query(`UPDATE jobs SET payload = payload || jsonb_build_object('quietWaitSince', $2::bigint) WHERE kind = $1`, [EMBEDDING_INDEX_JOB, longAgo])
    await handler()([await claimIndexJob()])
    expect(await modelIndexReady(db, MODEL)).toBe(true)
  })
})
