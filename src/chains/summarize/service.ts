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
export const LOCAL_SUMMARY_VERSION = 'summarize-local@14'
/** Outdated summaries are queued this many conversations to a statement. */
const OUTDATED_CHUNK = 1_000
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
    async refresh(workspaceId: string, conversationId: string, opts: RefreshOptions = {}): Promise<StoredSummary | undefined> {
      const found = await refreshMany(workspaceId, [conversationId], opts)
      return found === 0 ? undefined : repo.get(workspaceId, conversationId)
    },

    refreshMany,

    /**
     * Queues a refresh of every summary an earlier version of this summariser wrote: after an upgrade a
     * store otherwise keeps them until its conversations change (round 16's "they" for the customer
     * reached new conversations only). Returns how many were queued.
     */
    async enqueueOutdated(): Promise<number> {
      let queued = 0
      for (const [workspaceId, ids] of await repo.outdated(deps.summarizer.version)) {
        for (let i = 0; i < ids.length; i += OUTDATED_CHUNK) queued += await repo.enqueueRefresh(workspaceId, ids.slice(i, i + OUTDATED_CHUNK), SUMMARIZE_JOB, 0)
      }
      if (queued > 0) deps.log.info({ queued, version: deps.summarizer.version }, 'summaries of an earlier version queued for a refresh')
      return queued
    },
  }

  /**
   * `refresh` for many conversations of one workspace: one read of all their messages, one of their
   * stored summaries' sources and one multi-row write (per conversation those were four round trips,
   * the largest cost of enrichment). Returns how many of the conversations are in the workspace.
   */
  async function refreshMany(workspaceId: string, conversationIds: string[], opts: RefreshOptions = {}): Promise<number> {
    const dialogs = await repo.dialogs(workspaceId, conversationIds)
    const stored = opts.force ? new Map<string, { contentHash: string; version: string }>() : await repo.sources(workspaceId, [...dialogs.keys()])
    const fresh: Array<Omit<StoredSummary, 'updatedAt'>> = []
    try {
      for (const [conversationId, messages] of dialogs) {
        const contentHash = dialogHash(messages)
        const before = stored.get(conversationId)
        if (before && before.contentHash === contentHash && before.version === deps.summarizer.version) continue
        // Only an imported transcript of named people is told by name; a customer's handle never is.
        const dialog = messages.map((m) => ({ speaker: m.speakerName ?? m.role, text: m.text, language: m.language }))
        const result = messages.length === 0
          ? { summary: 'No messages yet.', wanted: null, done: null, open: null, version: deps.summarizer.version, degraded: false }
          : await deps.summarizer.summarize(workspaceId, dialog, { signal: opts.signal })
        const { summary, wanted, done, open, version, degraded } = result
        fresh.push({ conversationId, summary, wanted, done, open, version, degraded, contentHash })
      }
    } finally {
      // Written even when a later conversation failed: a retry then skips the ones already summarised
      // (no second LLM call for them).
      await repo.upsertMany(workspaceId, fresh)
    }
    return dialogs.size
  }
}

export interface RefreshOptions {
  force?: boolean
  signal?: AbortSignal
}

/** Handles the SUMMARIZE_JOB that enrichment-stage.ts enqueues: the claimed jobs' conversations, one batch per workspace. */
export function summarizeJobHandler(service: SummaryService): JobHandler {
  return async (jobs) => {
    const byWorkspace = new Map<string, Set<string>>()
    for (const job of jobs) {
      const conversationId = job.payload.conversationId
      if (!job.workspaceId || typeof conversationId !== 'string') continue
      const ids = byWorkspace.get(job.workspaceId)
      if (ids) ids.add(conversationId)
      else byWorkspace.set(job.workspaceId, new Set([conversationId]))
    }
    for (const [workspaceId, ids] of byWorkspace) await service.refreshMany(workspaceId, [...ids])
  }
}
