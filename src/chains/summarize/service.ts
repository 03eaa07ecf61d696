// Conversation summaries: what the customer wanted, what was done, what is still open. Stored with a
// hash of the conversation's messages, so a summary is only recomputed when the conversation changed
// (or the summarizer did).
import { createHash } from 'node:crypto'
import type { Logger } from 'pino'
import type { JobHandler } from '../../pipeline/worker.ts'
import type { Db } from '../../store/db.ts'
import { summariesRepo, type DialogMessage, type StoredSummary } from '../../store/summaries.ts'
import { summarizeDialog, type DialogTurn } from './local.ts'

export const SUMMARIZE_JOB = 'summarize'
export const LOCAL_SUMMARY_VERSION = 'summarize-local@2'
/** With an LLM, wait this long after a change so a busy conversation costs one call, not one per message. */
export const LLM_SUMMARY_DEBOUNCE_MS = 60_000

export interface SummaryResult {
  summary: string
  wanted: string | null
  done: string | null
  open: string | null
  version: string
  degraded: boolean
  degradedReason?: string
}

export interface ConversationSummarizer {
  readonly mode: 'local' | 'llm'
  readonly version: string
  summarize(workspaceId: string, dialog: DialogTurn[], opts?: { signal?: AbortSignal }): Promise<SummaryResult>
}

export const localSummarizer: ConversationSummarizer = {
  mode: 'local',
  version: LOCAL_SUMMARY_VERSION,
  async summarize(_workspaceId, dialog) {
    const s = summarizeDialog(dialog)
    return { summary: s.summary, wanted: s.wanted || null, done: s.done || null, open: s.open, version: LOCAL_SUMMARY_VERSION, degraded: false }
  },
}

export function dialogHash(messages: DialogMessage[]): string {
  return createHash('sha256').update(messages.map((m) => m.contentHash).join('\n')).digest('hex').slice(0, 32)
}

export type SummaryService = ReturnType<typeof createSummaryService>

export function createSummaryService(deps: { db: Db; summarizer: ConversationSummarizer; log: Logger }) {
  const repo = summariesRepo(deps.db)
  return {
    get: (workspaceId: string, conversationId: string) => repo.get(workspaceId, conversationId),

    /**
     * Summarises the conversation unless its stored summary is for the same messages and summarizer.
     * Returns undefined when the conversation is not in the workspace.
     */
    async refresh(workspaceId: string, conversationId: string, opts: { force?: boolean; signal?: AbortSignal } = {}): Promise<StoredSummary | undefined> {
      const messages = await repo.dialog(workspaceId, conversationId)
      if (!messages) return undefined
      const contentHash = dialogHash(messages)
      const stored = await repo.get(workspaceId, conversationId)
      if (!opts.force && stored && stored.contentHash === contentHash && stored.version === deps.summarizer.version) return stored
      // Only an imported transcript of named people is told by name; a customer's handle never is.
      const dialog = messages.map((m) => ({ speaker: m.speakerName ?? m.role, text: m.text }))
      const result = messages.length === 0
        ? { summary: 'No messages yet.', wanted: null, done: null, open: null, version: deps.summarizer.version, degraded: false }
        : await deps.summarizer.summarize(workspaceId, dialog, { signal: opts.signal })
      await repo.upsert(workspaceId, {
        conversationId,
        summary: result.summary,
        wanted: result.wanted,
        done: result.done,
        open: result.open,
        version: result.version,
        degraded: result.degraded,
        contentHash,
      })
      return repo.get(workspaceId, conversationId)
    },
  }
}

/** Handles the SUMMARIZE_JOB that enrichment-stage.ts enqueues: one refresh per job's conversation. */
export function summarizeJobHandler(service: SummaryService): JobHandler {
  return async (jobs) => {
    for (const job of jobs) {
      const conversationId = job.payload.conversationId
      if (!job.workspaceId || typeof conversationId !== 'string') continue
      await service.refresh(job.workspaceId, conversationId)
    }
  }
}
