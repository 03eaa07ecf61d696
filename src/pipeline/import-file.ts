// Import a file into a workspace, then let the worker enrich it: shared by `parley import`, the tests and scripts.
import { createProgress, type ProgressOptions } from '../progress.ts'
import type { Db } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'
import { readImportRows, rowToConversation } from './dataset-import.ts'
import { ingestInBatches, type IngestResponse } from './ingest-batches.ts'
import { MAX_CONVERSATIONS_PER_BATCH } from './ingest-schema.ts'
import type { Worker } from './worker.ts'

export const DEFAULT_IMPORT_BATCH = 200

/** What an import needs from the running services: the store, and the worker that enriches what it stored. */
export interface ImportTarget {
  db: Db
  worker: Pick<Worker, 'drain'>
}

/** Rows the import will iterate (what its progress counts): one cheap pass over the file, so the total is exact, not a guess from its size. */
export async function countImportRows(file: string, limit?: number): Promise<number> {
  let rows = 0
  for await (const _row of readImportRows(file, { limit })) rows++
  return rows
}

export type ImportOptions = { limit?: number; batch?: number; enrich?: boolean; quiet?: boolean; progress?: ProgressOptions }
type IngestBatch = (conversations: AsyncIterable<unknown>, afterBatch: (batch: { size: number; response: IngestResponse }) => void) => Promise<unknown>

export async function importFile(s: ImportTarget, workspaceId: string, file: string, opts: ImportOptions) {
  const result = await readAndIngest(file, opts, (conversations, afterBatch) =>
    ingestInBatches(s.db, workspaceId, conversations, { batchSize: opts.batch ?? DEFAULT_IMPORT_BATCH, afterBatch }),
  )
  if (opts.enrich !== false) {
    // Enrichment queues follow-up jobs (summaries), so progress is against the jobs queued now and
    // the bar stops at 100% while the follow-ups finish.
    const queued = Math.max(1, (await jobsRepo(s.db).depth()).queued)
    const enrich = opts.quiet ? undefined : createProgress('enrich (jobs)', queued, opts.progress)
    let done = 0
    await s.worker.drain((n) => {
      const step = Math.min(n, queued - done)
      done += step
      if (step > 0) enrich?.tick(step)
    })
    enrich?.done()
  }
  return result
}

/**
 * The same import through a running service's `POST /v1/conversations` (what `parley import` does while
 * a service holds the embedded store): the same rows, batches and totals; the service's worker enriches.
 */
export async function importFileThroughService(post: (conversations: unknown[]) => Promise<IngestResponse>, file: string, opts: ImportOptions) {
  const batchSize = Math.min(opts.batch ?? DEFAULT_IMPORT_BATCH, MAX_CONVERSATIONS_PER_BATCH)
  return readAndIngest(file, opts, async (conversations, afterBatch) => {
    let batch: unknown[] = []
    const flush = async () => {
      if (batch.length) afterBatch({ size: batch.length, response: await post(batch) })
      batch = []
    }
    for await (const conversation of conversations) {
      batch.push(conversation)
      if (batch.length >= batchSize) await flush()
    }
    await flush()
  })
}

async function readAndIngest(file: string, opts: ImportOptions, ingest: IngestBatch) {
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0, messages: 0 }
  const rejections: string[] = []
  const progress = opts.quiet ? undefined : createProgress(`import ${file}`, await countImportRows(file, opts.limit), opts.progress)
  // Rows that are not conversations at all are rejected here; the rest are judged by ingestion.
  async function* conversations() {
    let index = 0
    for await (const row of readImportRows(file, { limit: opts.limit })) {
      try {
        yield rowToConversation(row, index).conversation
      } catch (err) {
        // A row rejected here never reaches a batch, so it is counted as done now.
        progress?.tick(1)
        totals.rejected++
        if (rejections.length < 5) rejections.push(`row ${index + 1}: ${err instanceof Error ? err.message : String(err)}`)
      }
      index++
    }
  }
  await ingest(conversations(), ({ size: stored, response }) => {
    for (const r of response.results) {
      totals[r.status]++
      if (r.status === 'rejected' && rejections.length < 5) rejections.push(`${r.externalId ?? `#${r.index}`}: ${r.errors?.map((e) => `${e.path} ${e.message}`).join('; ')}`)
    }
    totals.messages += response.totals.messages.created + response.totals.messages.updated
    progress?.tick(stored)
  })
  progress?.done()
  return { totals, rejections }
}
