// The background vector index build after a first import (or once the vectors doubled) waits for the queue to be quiet: not while enrichment
// jobs are pending, not while new ones keep arriving (a burst the worker keeps up with), but at once
// when nothing arrived since it last looked (a drain after an import), and anyway after a long wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  EMBEDDING_INDEX_JOB, embeddingIndexHandlers, fitModelIndex, INDEX_BUILD_MAX_QUIET_WAIT_SECONDS, INDEX_BUILD_QUIET_SECONDS, indexBuildPending,
  scheduleIndexBuild,
} from '../../src/pipeline/embedding-index.ts'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import { ENRICH_JOB } from '../../src/pipeline/enrichment.ts'
import type { Db } from '../../src/store/db.ts'
import { annIndexLists, modelIndexLists, modelIndexReady, registerModel } from '../../src/store/vector-index.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { jobsRepo, type Job } from '../../src/store/jobs.ts'
import { openTestDb } from '../helpers/services.ts'

const MODEL = 'test:index-debounce'

describe('embedding index build debounce', () => {
  let db: Db
  let cleanup: () => Promise<void>
  beforeEach(async () => {
    ;({ db, cleanup } = await openTestDb())
    await registerModel(db, MODEL, 8)
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

describe('fitting the index to the vectors stored', () => {
  let db: Db
  let cleanup: () => Promise<void>
  let ws: string
  beforeEach(async () => {
    ;({ db, cleanup } = await openTestDb())
    await registerModel(db, MODEL, 8)
    ws = (await workspacesRepo(db).create('fit')).id
  })
  afterEach(async () => cleanup())

  let batch = 0
  async function addVectors(n: number) {
    const externalId = `fit-${++batch}`
    await ingestConversations(db, ws, [{
      channel: 'chat', externalId, customer: '@fit',
      messages: Array.from({ length: n }, (_, i) => ({ externalId: `${externalId}-${i}`, role: 'customer' as const, author: '@fit', text: `message ${externalId} ${i}`, sentAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() })),
    }])
    const { rows } = await db.query<{ id: string; content_hash: string }>(
      `SELECT m.id, m.content_hash FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.external_id = $1`, [externalId])
    await db.writeEmbeddings(rows.map((r, i) => ({ messageId: r.id, workspaceId: ws, model: MODEL, vector: new Float32Array(8).map((_, d) => Math.sin(i * 7 + d * 13 + batch)), contentHash: r.content_hash })))
    // The vectors are written here: the enrichment jobs the ingest queued would only hold the build back.
    await db.query(`DELETE FROM jobs WHERE kind = $1`, [ENRICH_JOB])
  }

  it('builds nothing for a model without vectors, and a small store\'s index at once', async () => {
    expect(await fitModelIndex(db, MODEL, ENRICH_JOB)).toEqual({ vectors: 0, lists: null })
    expect(await modelIndexReady(db, MODEL)).toBe(false)
    await addVectors(40)
    expect(await fitModelIndex(db, MODEL, ENRICH_JOB)).toEqual({ vectors: 40, lists: annIndexLists(40) })
    expect(await modelIndexLists(db, MODEL)).toBe(annIndexLists(40))
    expect(await indexBuildPending(db)).toBe(false)
  })

  it('queues the rebuild of an index the vectors outgrew, which the old one serves until the job runs', async () => {
    await addVectors(40)
    await fitModelIndex(db, MODEL, ENRICH_JOB)
    await addVectors(1_000)
    expect(await fitModelIndex(db, MODEL, ENRICH_JOB)).toEqual({ vectors: 1_040, lists: annIndexLists(40) })
    expect(await modelIndexLists(db, MODEL)).toBe(annIndexLists(40))
    expect(await indexBuildPending(db)).toBe(true)
    await db.query(`UPDATE jobs SET run_after = now() WHERE kind = $1`, [EMBEDDING_INDEX_JOB])
    const [job] = await jobsRepo(db).claim('test-worker', 10, [EMBEDDING_INDEX_JOB])
    await embeddingIndexHandlers(db)[EMBEDDING_INDEX_JOB]([job])
    expect(await modelIndexLists(db, MODEL)).toBe(annIndexLists(1_040))
    expect(await fitModelIndex(db, MODEL, ENRICH_JOB)).toEqual({ vectors: 1_040, lists: annIndexLists(1_040) })
  })

  it('builds the index of a store that has vectors but lost its index (a migrated store, a cut-short build)', async () => {
    await addVectors(600)
    await addVectors(600)
    expect(await modelIndexReady(db, MODEL)).toBe(false)
    expect(await fitModelIndex(db, MODEL, ENRICH_JOB)).toEqual({ vectors: 1_200, lists: null })
    expect(await indexBuildPending(db)).toBe(true)
  })
})
