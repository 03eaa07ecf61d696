// Enrichment stage 3 (see pipeline/enrichment.ts): after classification, every conversation with changed
// messages gets one pending summary refresh (debounced when an LLM is called, immediate for the local
// summarizer, which costs nothing). The SUMMARIZE_JOB it enqueues is handled in ./service.ts.
import type { EnrichmentStage } from '../../pipeline/enrichment.ts'
import type { Db } from '../../store/db.ts'
import { summariesRepo } from '../../store/summaries.ts'
import { SUMMARIZE_JOB } from './service.ts'

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
