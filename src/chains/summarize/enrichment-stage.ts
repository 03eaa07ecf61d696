// After classification, every conversation with changed messages gets one pending summary refresh
// (debounced when an LLM is called, immediate for the local summarizer, which costs nothing).
import type { EnrichmentStage } from '../../pipeline/stages.ts'
import type { JobHandler } from '../../pipeline/worker.ts'
import type { Db } from '../../store/db.ts'
import { summariesRepo } from '../../store/summaries.ts'
import { SUMMARIZE_JOB, type SummaryService } from './service.ts'

export function summaryRefreshStage(db: Db, debounceMs: number): EnrichmentStage {
  return {
    name: 'summarize',
    async run(messages) {
      const byWorkspace = new Map<string, Set<string>>()
      for (const m of messages) byWorkspace.set(m.workspaceId, (byWorkspace.get(m.workspaceId) ?? new Set()).add(m.conversationId))
      for (const [workspaceId, conversations] of byWorkspace) {
        await summariesRepo(db).enqueueRefresh(workspaceId, [...conversations], SUMMARIZE_JOB, debounceMs)
      }
    },
  }
}

export function summarizeJobHandler(service: SummaryService): JobHandler {
  return async (jobs) => {
    for (const job of jobs) {
      const conversationId = job.payload.conversationId
      if (!job.workspaceId || typeof conversationId !== 'string') continue
      await service.refresh(job.workspaceId, conversationId)
    }
  }
}
