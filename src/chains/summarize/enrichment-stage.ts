// Enrichment stage 4 (see pipeline/enrichment.ts): after classification, every conversation with changed
// messages gets its summary refreshed. With an LLM the refresh is a debounced SUMMARIZE_JOB (handled in
// ./service.ts), so a busy conversation costs one call, not one per message; the local summarizer costs
// nothing, so its refresh is done here at once, for all the batch's conversations in one read and one
// write (a job per conversation cost more round trips than the rest of enrichment).
import type { EnrichmentStage } from '../../pipeline/enrichment.ts'
import type { Db } from '../../store/db.ts'
import { summariesRepo } from '../../store/summaries.ts'
import { SUMMARIZE_JOB, type SummaryService } from './service.ts'

/** `debounceMs` 0: summarise within the stage; otherwise enqueue one pending refresh job per conversation. */
export function summaryRefreshStage(db: Db, service: SummaryService, debounceMs: number): EnrichmentStage {
  return {
    name: 'summarize',
    async run(messages) {
      const byWorkspace = new Map<string, Set<string>>()
      for (const m of messages) byWorkspace.set(m.workspaceId, (byWorkspace.get(m.workspaceId) ?? new Set()).add(m.conversationId))
      for (const [workspaceId, conversations] of byWorkspace) {
        if (debounceMs === 0) await service.refreshMany(workspaceId, [...conversations])
        else await summariesRepo(db).enqueueRefresh(workspaceId, [...conversations], SUMMARIZE_JOB, debounceMs)
      }
    },
  }
}
