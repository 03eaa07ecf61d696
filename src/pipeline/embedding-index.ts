// Background (re)build of a model's vector index (store/vector-index.ts). IVFFlat learns its lists from
// the vectors present when it is built, so it is built once a model has vectors and rebuilt each time
// they double. While the store is small that happens at once (milliseconds); above, the embedding
// stage enqueues EMBEDDING_INDEX_JOB, which waits until no enrichment job is left (an import's vectors
// all in), then builds once. Until a first index exists searches scan exactly, which is slower but
// returns the true nearest neighbours, and /ready says the index is building; an outgrown index keeps
// serving (on a server through the REINDEX CONCURRENTLY) until its replacement is in.
//
// Not mid-burst: when a client ingests flat out, the worker often empties the queue between two ingest
// calls. A build started then holds the embedded store while ingest waits, and the next doubling comes
// soon after. So the job also waits until no enrichment job has arrived for a moment: it
// remembers the newest one it saw, and builds only when none newer was created within the last
// INDEX_BUILD_QUIET_SECONDS. A drain after an import (the jobs all queued before it) builds at once.
// Steady trickle traffic after an import would keep the queue from ever being quiet: after
// INDEX_BUILD_MAX_QUIET_WAIT_SECONDS of such waiting the index is built anyway.
import type { Db } from '../store/db.ts'
import {
  ANN_INDEX_INLINE_BUILD_MAX_VECTORS, annIndexLists, annIndexOutgrown, buildModelIndex, countModelVectors, modelIndexLists,
} from '../store/vector-index.ts'
import { jobsRepo } from '../store/jobs.ts'
import type { JobHandler } from './worker.ts'

export const EMBEDDING_INDEX_JOB = 'embedding-index'
/** How long the build re-waits when the enrichment jobs left are running elsewhere or backing off. */
export const INDEX_BUILD_DEFER_SECONDS = 2
/** The build waits until no new enrichment job was created for this long (see above). */
export const INDEX_BUILD_QUIET_SECONDS = 3
export const INDEX_BUILD_MAX_QUIET_WAIT_SECONDS = 60

export interface IndexFit {
  vectors: number
  /** The lists of the model's index, null while there is none. */
  lists: number | null
}

/**
 * Builds the model's index when it is missing or outgrown: at once while the store is small, else in
 * the background. Run after writes and when a worker starts (a store migrated from the HNSW index, or
 * one whose build a crash cut short). Returns what it found.
 */
export async function fitModelIndex(db: Db, model: string, waitFor: string): Promise<IndexFit> {
  const vectors = await countModelVectors(db, model)
  const lists = await modelIndexLists(db, model)
  if (vectors === 0 || (lists !== null && !annIndexOutgrown(lists, vectors))) return { vectors, lists }
  if (vectors < ANN_INDEX_INLINE_BUILD_MAX_VECTORS) {
    await buildModelIndex(db, model)
    return { vectors, lists: annIndexLists(vectors) }
  }
  await scheduleIndexBuild(db, model, waitFor)
  return { vectors, lists }
}

/** Whether a build is queued or running: it sizes the index for what is stored when it runs. */
export async function indexBuildPending(db: Db): Promise<boolean> {
  const { ready, later } = await jobsRepo(db).pending(EMBEDDING_INDEX_JOB)
  return ready + later > 0
}

/** Enqueues the build unless one is already pending; `waitFor` names the jobs the build waits for. */
export async function scheduleIndexBuild(db: Db, model: string, waitFor: string): Promise<void> {
  if (await indexBuildPending(db)) return
  const jobs = jobsRepo(db)
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
