// The enrichment pipeline: what happens to a message after ingest stored it. Ingest enqueues ENRICH_JOB
// with the ids of changed messages; the worker hands each batch of those jobs to enrichJobHandler, which
// runs the stages below, in this order, over the messages:
//
//   1. embed      a vector per message, for search and retrieval      pipeline/embedding-stage.ts
//   2. classify   sentiment, intent, language, needs-reply, urgency    chains/classify/enrichment-stage.ts
//                 (in three steps: classify-read, classify, classify-write; see stepwise)
//   3. summarize  one debounced summary refresh per conversation       chains/summarize/enrichment-stage.ts
//                 (its SUMMARIZE_JOB is handled by chains/summarize/service.ts)
//   4. notify     outbound webhooks and Chatwoot write-back for the     integrations/drafts.ts
//                 enriched messages (queues jobs; sends nothing itself)
//
// The stages are built in services.ts (they need the embedder and the chains); this file fixes their order.
// A claim's messages go through them in chunks of whole conversations, pipelined (runPipelined): every
// chunk meets the stages in this order, and each stage takes the chunks one at a time, in order. A stage
// that reads or writes the store around a long compute is split into steps, each a stage of the pipeline.
import type { Db, Queryable } from '../store/db.ts'
import { ENRICH_JOB, jobsRepo } from '../store/jobs.ts'
import { loadStageMessages, type StageMessage } from '../store/messages.ts'
import { enrichedMessages, enrichmentStageDuration, timed } from './metrics.ts'
import type { JobHandler } from './worker.ts'

export { ENRICH_JOB }
/** Message ids per enrichment job: big enough to batch embedding calls, small enough to retry cheaply. */
export const ENRICH_JOB_SIZE = 256
/**
 * Messages per pipeline chunk. A claim can carry up to WORKER_BATCH × ENRICH_JOB_SIZE (16k) messages;
 * they go through the stages in chunks of about this many (whole conversations), so the embedded
 * store writes one chunk while the main thread embeds and classifies the next (see enrichJobHandler).
 */
export const ENRICH_CHUNK_MESSAGES = 2_048

export interface EnrichmentStage {
  readonly name: string
  /** Must be idempotent: a retried job runs every stage again over the same messages. */
  run(messages: StageMessage[]): Promise<void>
  /**
   * The stage as consecutive steps (read the store, compute, write the store) that runPipelined runs as
   * stages of their own, so one chunk's reads and writes on the store's thread overlap another chunk's
   * compute on the main thread. `run` does the same as running them in order (see stepwise).
   */
  readonly steps?: readonly EnrichmentStage[]
}

/** A stage made of steps that hand each chunk's state on through `state` (one object per chunk). */
export function stepwise<S>(name: string, steps: Array<{ name: string; run(messages: StageMessage[], state: S): Promise<void> }>, init: () => S): EnrichmentStage {
  // Keyed by the chunk itself: runPipelined gives every step the same array, and a chunk that fails
  // half way leaves nothing behind once it is dropped.
  const states = new WeakMap<StageMessage[], S>()
  const stateOf = (messages: StageMessage[]) => {
    let state = states.get(messages)
    if (!state) states.set(messages, (state = init()))
    return state
  }
  const asStages: EnrichmentStage[] = steps.map((step, i) => ({
    name: step.name,
    async run(messages) {
      try {
        await step.run(messages, stateOf(messages))
      } finally {
        if (i === steps.length - 1) states.delete(messages)
      }
    },
  }))
  return {
    name,
    steps: asStages,
    async run(messages) {
      try {
        for (const step of asStages) await step.run(messages)
      } finally {
        states.delete(messages)
      }
    },
  }
}

export interface EnrichmentStages {
  embed: EnrichmentStage
  classify: EnrichmentStage
  /** Weeks whose themes late messages outgrew, computed again in the background. */
  themeWeeks: EnrichmentStage
  summarize: EnrichmentStage
  notify: EnrichmentStage
}

/** A chunk's messages by workspace, in their order: each stage works workspace by workspace (audit, labels). */
export function groupByWorkspace(messages: StageMessage[]): Map<string, StageMessage[]> {
  const byWorkspace = new Map<string, StageMessage[]>()
  for (const m of messages) {
    const group = byWorkspace.get(m.workspaceId)
    if (group) group.push(m) // not a spread per message: quadratic in a 16k-message batch
    else byWorkspace.set(m.workspaceId, [m])
  }
  return byWorkspace
}

/** The stages in the order they run; `extra` ones (tests inject failing stages) run last. */
export function enrichmentPipeline(stages: EnrichmentStages, extra: EnrichmentStage[] = []): EnrichmentStage[] {
  return [stages.embed, stages.classify, stages.themeWeeks, stages.summarize, stages.notify, ...extra]
}

/** Enqueues enrichment of the messages in jobs of ENRICH_JOB_SIZE, in one statement; returns how many jobs. */
export async function enqueueEnrichment(tx: Queryable, workspaceId: string, messageIds: string[]): Promise<number> {
  const payloads: Array<{ messageIds: string[] }> = []
  for (let i = 0; i < messageIds.length; i += ENRICH_JOB_SIZE) payloads.push({ messageIds: messageIds.slice(i, i + ENRICH_JOB_SIZE) })
  return jobsRepo(tx).enqueueMany(workspaceId, ENRICH_JOB, payloads)
}

/** Loads the jobs' messages (each from its job's workspace) and runs every stage over them. */
export function enrichJobHandler(db: Db, stages: EnrichmentStage[]): JobHandler {
  return async (jobs) => {
    const idsByWorkspace = new Map<string, Set<string>>()
    for (const job of jobs) {
      if (!job.workspaceId) continue
      const ids = idsByWorkspace.get(job.workspaceId) ?? new Set<string>()
      for (const id of (job.payload.messageIds as string[] | undefined) ?? []) ids.add(id)
      idsByWorkspace.set(job.workspaceId, ids)
    }
    const messages: StageMessage[] = []
    for (const [workspaceId, ids] of idsByWorkspace) messages.push(...(await loadStageMessages(db, workspaceId, [...ids])))
    await runPipelined(stages, chunkByConversation(messages, ENRICH_CHUNK_MESSAGES))
    enrichedMessages.inc(messages.length)
  }
}

/**
 * Consecutive runs of about `size` messages that never split a conversation: the classifier reads a
 * message with its conversation's others, and a summary covers all of a conversation's new messages.
 * `messages` come grouped by workspace and conversation (loadStageMessages orders them so).
 */
export function chunkByConversation(messages: StageMessage[], size: number): StageMessage[][] {
  const chunks: StageMessage[][] = []
  let chunk: StageMessage[] = []
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    const prev = messages[i - 1]
    const sameConversation = prev !== undefined && prev.conversationId === m.conversationId && prev.workspaceId === m.workspaceId
    if (chunk.length >= size && !sameConversation) {
      chunks.push(chunk)
      chunk = []
    }
    chunk.push(m)
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

/** A chunk not started because another chunk failed: the other chunk's error is the one to report. */
class ChunkSkipped extends Error {
  constructor() {
    super('skipped: another chunk of the batch failed')
  }
}

/**
 * Runs every chunk through the stages as a pipeline: a chunk enters a stage once it left the previous
 * stage and the chunk before it left this one. So each stage still sees one chunk at a time, in order
 * (no stage runs twice at once), but a chunk's store writes (vectors, enrichments) overlap the next
 * chunk's embedding and classification on the main thread, and no stage holds the event loop, which the
 * API shares, for a whole 16k-message claim. Resolves when every chunk is through, or rejects with the
 * first error once nothing is running any more (the worker then retries the jobs one by one, and must
 * not do so while a stage of this call still writes).
 */
export async function runPipelined(pipeline: EnrichmentStage[], chunks: StageMessage[][]): Promise<void> {
  const stages = pipeline.flatMap((stage) => stage.steps ?? [stage])
  const stageFree: Array<Promise<unknown>> = stages.map(() => Promise.resolve())
  let failed = false
  const done = chunks.map((chunk) => {
    let previous: Promise<unknown> = Promise.resolve()
    stages.forEach((stage, s) => {
      const ready = Promise.all([previous, stageFree[s]])
      const ran = ready.then(() => {
        if (failed) throw new ChunkSkipped()
        return timed(enrichmentStageDuration, { stage: stage.name }, () => stage.run(chunk))
      })
      ran.catch(() => {
        failed = true
      })
      previous = ran
      // The next chunk may use this stage once this chunk is done with it, or has given up.
      stageFree[s] = ran.catch(() => undefined)
    })
    return previous
  })
  const outcomes = await Promise.allSettled(done)
  await Promise.allSettled(stageFree)
  const firstError = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected' && !(o.reason instanceof ChunkSkipped))
  if (firstError) throw firstError.reason
}
