// Background (re)build of a model's HNSW index after a bulk load. The embedding stage drops the index
// when a large batch arrives and enqueues EMBEDDING_INDEX_JOB; the job waits until no enrichment job is
// left (an import's vectors all in), then builds the index once. Until then searches scan exactly, which
// is slower but returns the true nearest neighbours, and /ready says the index is building.
import type { Db } from '../store/db.ts'
import { buildModelIndex } from '../store/embeddings.ts'
import { jobsRepo } from '../store/jobs.ts'
import type { JobHandler } from './worker.ts'

export const EMBEDDING_INDEX_JOB = 'embedding-index'
/** How long the build re-waits when the enrichment jobs left are running elsewhere or backing off. */
export const INDEX_BUILD_DEFER_SECONDS = 2

/** Enqueues the build unless one is already pending; `kinds` names the jobs the build waits for. */
export async function scheduleIndexBuild(db: Db, model: string, waitFor: string): Promise<void> {
  const jobs = jobsRepo(db)
  const { ready, later } = await jobs.pending(EMBEDDING_INDEX_JOB)
  if (ready + later > 0) return
  // Enqueued after the enrichment jobs already queued, so the worker claims those first.
  await jobs.enqueue(null, EMBEDDING_INDEX_JOB, { model, waitFor })
}

export function embeddingIndexHandlers(db: Db): Record<string, JobHandler> {
  return {
    [EMBEDDING_INDEX_JOB]: async (group) => {
      const jobs = jobsRepo(db)
      for (const job of group) {
        const model = String(job.payload.model)
        const waitFor = String(job.payload.waitFor)
        const { ready, later } = await jobs.pending(waitFor)
        if (ready + later > 0) {
          // Still loading: build once at the end, not after every batch. A fresh job, so no attempt is
          // spent; queued behind the ready enrichment jobs, or a little later when none is ready.
          await jobs.enqueue(null, EMBEDDING_INDEX_JOB, job.payload, undefined, ready > 0 ? 0 : INDEX_BUILD_DEFER_SECONDS)
          continue
        }
        await buildModelIndex(db, model, { concurrently: db.kind === 'pg' })
      }
    },
  }
}
