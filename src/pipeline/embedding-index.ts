// Background (re)build of a model's HNSW index after a bulk load. The embedding stage drops the index
// when a large batch arrives and enqueues EMBEDDING_INDEX_JOB; the job waits until no enrichment job is
// left (an import's vectors all in), then builds the index once. Until then searches scan exactly, which
// is slower but returns the true nearest neighbours, and /ready says the index is building.
//
// Not mid-burst: when a client ingests flat out, the worker often empties the queue between two ingest
// calls. A build started then (seconds at 20k vectors, tens at 100k) holds the embedded store while
// ingest waits, and once the index exists the next batches go into it a vector at a time, the slow path
// the bulk load avoids. So the job also waits until no enrichment job has arrived for a moment: it
// remembers the newest one it saw, and builds only when none newer was created within the last
// INDEX_BUILD_QUIET_SECONDS. A drain after an import (the jobs all queued before it) builds at once.
// Steady trickle traffic after an import would keep the queue from ever being quiet: after
// INDEX_BUILD_MAX_QUIET_WAIT_SECONDS of such waiting the index is built anyway.
import type { Db } from '../store/db.ts'
import { buildModelIndex } from '../store/embeddings.ts'
import { jobsRepo } from '../store/jobs.ts'
import type { JobHandler } from './worker.ts'

export const EMBEDDING_INDEX_JOB = 'embedding-index'
/** How long the build re-waits when the enrichment jobs left are running elsewhere or backing off. */
export const INDEX_BUILD_DEFER_SECONDS = 2
/** The build waits until no new enrichment job was created for this long (see above). */
export const INDEX_BUILD_QUIET_SECONDS = 3
export const INDEX_BUILD_MAX_QUIET_WAIT_SECONDS = 60

/** Enqueues the build unless one is already pending; `kinds` names the jobs the build waits for. */
export async function scheduleIndexBuild(db: Db, model: string, waitFor: string): Promise<void> {
  const jobs = jobsRepo(db)
  const { ready, later } = await jobs.pending(EMBEDDING_INDEX_JOB)
  if (ready + later > 0) return
  // Enqueued after the enrichment jobs already queued, so the worker claims those first.
  const newest = await jobs.newest(waitFor, INDEX_BUILD_QUIET_SECONDS)
  await jobs.enqueue(null, EMBEDDING_INDEX_JOB, { model, waitFor, seenJob: newest?.id ?? null })
}

export function embeddingIndexHandlers(db: Db): Record<string, JobHandler> {
  return {
    [EMBEDDING_INDEX_JOB]: async (group) => {
      const jobs = jobsRepo(db)
      for (const job of group) {
        const model = String(job.payload.model)
        const waitFor = String(job.payload.waitFor)
        const { ready, later } = await jobs.pending(waitFor)
        const newest = await jobs.newest(waitFor, INDEX_BUILD_QUIET_SECONDS)
        const { quietWaitSince, ...rest } = job.payload
        const payload = { ...rest, seenJob: newest?.id ?? null }
        if (ready + later > 0) {
          // Still loading: build once at the end, not after every batch. A fresh job, so no attempt is
          // spent; queued behind the ready enrichment jobs, or a little later when none is ready.
          await jobs.enqueue(null, EMBEDDING_INDEX_JOB, payload, undefined, ready > 0 ? 0 : INDEX_BUILD_DEFER_SECONDS)
          continue
        }
        const waitingSince = typeof quietWaitSince === 'number' ? quietWaitSince : Date.now()
        const waitedTooLong = Date.now() - waitingSince > INDEX_BUILD_MAX_QUIET_WAIT_SECONDS * 1000
        if (newest?.recent && newest.id !== (job.payload.seenJob ?? null) && !waitedTooLong) {
          // The queue is empty, but jobs arrived since the last look: a burst may still be going on.
          await jobs.enqueue(null, EMBEDDING_INDEX_JOB, { ...payload, quietWaitSince: waitingSince }, undefined, INDEX_BUILD_QUIET_SECONDS)
          continue
        }
        await buildModelIndex(db, model, { concurrently: db.kind === 'pg' })
      }
    },
  }
}
