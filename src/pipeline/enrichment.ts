// The enrichment pipeline: what happens to a message after ingest stored it. Ingest enqueues ENRICH_JOB
// with the ids of changed messages; the worker hands each batch of those jobs to enrichJobHandler, which
// runs the stages below, in this order, over the messages:
//
//   1. embed      a vector per message, for search and retrieval      pipeline/embedding-stage.ts
//   2. classify   sentiment, intent, language, needs-reply, urgency    chains/classify/enrichment-stage.ts
//   3. summarize  one debounced summary refresh per conversation       chains/summarize/enrichment-stage.ts
//                 (its SUMMARIZE_JOB is handled by chains/summarize/service.ts)
//   4. notify     outbound webhooks and Chatwoot write-back for the     integrations/drafts.ts
//                 enriched messages (queues jobs; sends nothing itself)
//
// The stages are built in services.ts (they need the embedder and the chains); this file fixes their order.
import type { Db, Queryable } from '../store/db.ts'
import { ENRICH_JOB, jobsRepo } from '../store/jobs.ts'
import { loadStageMessages, type StageMessage } from '../store/messages.ts'
import { enrichedMessages, enrichmentStageDuration, timed } from './metrics.ts'
import type { JobHandler } from './worker.ts'

export { ENRICH_JOB }
/** Message ids per enrichment job: big enough to batch embedding calls, small enough to retry cheaply. */
export const ENRICH_JOB_SIZE = 256

export interface EnrichmentStage {
  readonly name: string
  /** Must be idempotent: a retried job runs every stage again over the same messages. */
  run(messages: StageMessage[]): Promise<void>
}

export interface EnrichmentStages {
  embed: EnrichmentStage
  classify: EnrichmentStage
  summarize: EnrichmentStage
  notify: EnrichmentStage
}

/** The stages in the order they run; `extra` ones (tests inject failing stages) run last. */
export function enrichmentPipeline(stages: EnrichmentStages, extra: EnrichmentStage[] = []): EnrichmentStage[] {
  return [stages.embed, stages.classify, stages.summarize, stages.notify, ...extra]
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
    for (const stage of stages) await timed(enrichmentStageDuration, { stage: stage.name }, () => stage.run(messages))
    enrichedMessages.inc(messages.length)
  }
}
