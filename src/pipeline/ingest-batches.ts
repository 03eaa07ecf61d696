// The one loop that feeds many conversations to ingestConversations: `parley import`, the evals and the
// bench all store through it, so batch sizes and result positions cannot drift apart between them.
import type { Db } from '../store/db.ts'
import { ingestConversations } from './ingest.ts'
import { MAX_CONVERSATIONS_PER_BATCH } from './ingest-schema.ts'

export type IngestResponse = Awaited<ReturnType<typeof ingestConversations>>
export type IngestTotals = IngestResponse['totals']

export interface IngestedBatch {
  /** Position of the batch's first conversation in the whole input: `offset + result.index` is the input position. */
  offset: number
  size: number
  response: IngestResponse
}

export interface IngestInBatchesOptions {
  /** Conversations per ingestConversations call (one transaction); never more than the API accepts. */
  batchSize?: number
  /** Awaited after each batch is stored and before the next is read: drain the worker, tick a bar, stop on rejects. */
  afterBatch?: (batch: IngestedBatch) => Promise<void> | void
}

export async function ingestInBatches(
  db: Db,
  workspaceId: string,
  conversations: Iterable<unknown> | AsyncIterable<unknown>,
  opts: IngestInBatchesOptions = {},
): Promise<IngestTotals> {
  const batchSize = Math.min(opts.batchSize ?? MAX_CONVERSATIONS_PER_BATCH, MAX_CONVERSATIONS_PER_BATCH)
  const totals: IngestTotals = { created: 0, updated: 0, unchanged: 0, rejected: 0, messages: { created: 0, updated: 0, unchanged: 0 } }
  let batch: unknown[] = []
  let offset = 0
  const flush = async () => {
    if (batch.length === 0) return
    const response = await ingestConversations(db, workspaceId, batch)
    for (const k of ['created', 'updated', 'unchanged', 'rejected'] as const) totals[k] += response.totals[k]
    for (const k of ['created', 'updated', 'unchanged'] as const) totals.messages[k] += response.totals.messages[k]
    const done = { offset, size: batch.length, response }
    offset += batch.length
    batch = []
    await opts.afterBatch?.(done)
  }
  for await (const conversation of conversations) {
    batch.push(conversation)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  return totals
}
