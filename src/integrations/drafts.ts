// After enrichment: tell subscribers a conversation was enriched, and draft replies once for each new
// customer message that needs one, when someone will use them (a Chatwoot connection that posts notes,
// or a suggestions.ready subscriber). Nothing here sends anything to a customer.
import type { Logger } from 'pino'
import { suggestReplies, type ReplyDeps } from '../chains/replies/service.ts'
import { groupByWorkspace, type EnrichmentStage } from '../pipeline/enrichment.ts'
import type { JobHandler } from '../pipeline/worker.ts'
import type { Db } from '../store/db.ts'
import { autoDraftsRepo, chatwootNotesRepo, connectionsRepo, integrationReadsRepo } from '../store/integrations.ts'
import { jobsRepo } from '../store/jobs.ts'
import { emitWebhookEvent, hasSubscribers } from '../webhooks/events.ts'
import { CHATWOOT_NOTE_JOB } from './chatwoot/jobs.ts'

export const AUTODRAFT_JOB = 'replies.autodraft'
/** Older customer messages (history from an import or a first sync) get no automatic drafts. */
const AUTODRAFT_MAX_AGE_HOURS = 48

export function integrationsStage(db: Db): EnrichmentStage {
  const reads = integrationReadsRepo(db)
  const drafts = autoDraftsRepo(db)
  const connections = connectionsRepo(db)
  return {
    name: 'integrations',
    async run(messages) {
      for (const [workspaceId, group] of groupByWorkspace(messages)) {
        const ids = group.map((m) => m.id)
        if (await hasSubscribers(db, workspaceId, 'conversation.enriched')) {
          // Only what subscribers were not told yet: relabelling after an upgrade sent every message again, changed or not.
          const rows = (await reads.enrichedSummary(workspaceId, ids)).map((r) => ({ ...r, labels: [r.sentiment, r.intent, r.needsReply, r.urgency, r.language].join('|') }))
          const news = rows.filter((r) => r.labels !== r.notifiedLabels)
          const byConversation = new Map<string, typeof news>()
          for (const r of news) byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r])
          for (const [conversationId, msgs] of byConversation) {
            await emitWebhookEvent(db, workspaceId, 'conversation.enriched', {
              conversationId, externalId: msgs[0].externalId, channel: msgs[0].channel,
              messages: msgs.map((m) => ({ id: m.messageId, externalId: m.messageExternalId, role: m.role, sentiment: m.sentiment, intent: m.intent, needsReply: m.needsReply, urgency: m.urgency, language: m.language })),
            })
          }
          await reads.markNotified(workspaceId, news.map((r) => ({ messageId: r.messageId, labels: r.labels })))
        }
        const candidates = (await drafts.candidates(workspaceId, ids, AUTODRAFT_MAX_AGE_HOURS)).filter((c) => c.needsReply)
        if (candidates.length === 0) continue
        const wantedBySubscribers = await hasSubscribers(db, workspaceId, 'suggestions.ready')
        for (const c of candidates) {
          const conn = c.origin ? await connections.get(workspaceId, c.origin.connectionId) : undefined
          if (!wantedBySubscribers && !conn?.options.postNotes) continue
          if (await drafts.claim(workspaceId, c.messageId)) {
            await jobsRepo(db).enqueue(workspaceId, AUTODRAFT_JOB, { messageId: c.messageId, conversationId: c.conversationId })
          }
        }
      }
    },
  }
}

export function autodraftHandler(deps: ReplyDeps & { log: Logger }): JobHandler {
  const db: Db = deps.db
  const drafts = autoDraftsRepo(db)
  const reads = integrationReadsRepo(db)
  return async (jobs) => {
    for (const job of jobs) {
      const workspaceId = job.workspaceId
      const { messageId, conversationId } = job.payload as { messageId: string; conversationId: string }
      if (!workspaceId) continue
      let run = await drafts.get(workspaceId, messageId)
      if (!run) continue
      if (run.status === 'pending') {
        const res = await suggestReplies(deps, workspaceId, conversationId, { n: 3, tone: 'friendly' })
        if (!res || !res.shouldReply || res.suggestions.length === 0) {
          await drafts.finish(workspaceId, messageId, 'skipped', [])
          continue
        }
        const ids = res.suggestions.map((s) => s.id)
        const note = res.note ?? null
        await drafts.finish(workspaceId, messageId, 'drafted', ids, note)
        run = { status: 'drafted', suggestionIds: ids, note }
        await emitWebhookEvent(db, workspaceId, 'suggestions.ready', {
          conversationId, messageId, language: res.language, channel: res.channel, degraded: res.degraded, note,
          // What to check before sending goes with each draft, as the API gives it: a subscriber may show or post it.
          suggestions: res.suggestions.map((s) => ({ id: s.id, text: s.text, approach: s.approach, confidence: s.confidence, claims: s.claims, repeats: s.repeats, placeholders: s.placeholders })),
        })
      }
      if (run.status !== 'drafted') continue
      const origin = await reads.conversationOriginOfMessage(workspaceId, messageId)
      if (origin && (await chatwootNotesRepo(db).claim(workspaceId, origin.connectionId, messageId))) {
        await jobsRepo(db).enqueue(workspaceId, CHATWOOT_NOTE_JOB, { connectionId: origin.connectionId, messageId })
      }
    }
  }
}
