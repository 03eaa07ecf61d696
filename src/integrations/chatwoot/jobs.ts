// The Chatwoot job kinds: an accepted webhook's work, the private note write-back and the periodic
// catch-up. Each is idempotent, so the queue's retries (with backoff) never duplicate anything.
import type { Logger } from 'pino'
import type { JobHandler } from '../../pipeline/worker.ts'
import type { OutboundPolicy } from '../../safety/outbound-url.ts'
import type { SecretBox } from '../../safety/secret-box.ts'
import type { Db } from '../../store/db.ts'
import { autoDraftsRepo, chatwootNotesRepo, connectionsRepo, enqueueJobAt, integrationAuditRepo, integrationReadsRepo, receiptsRepo } from '../../store/integrations.ts'
import { clientFor } from './connection.ts'
import { ingestChatwoot } from './ingest.ts'
import { formatNote, parleyLabels } from './note.ts'
import { conversationEvent, messageEvent, MESSAGE_EVENTS } from './payloads.ts'
import { syncConnection } from './sync.ts'

export const CHATWOOT_EVENT_JOB = 'chatwoot.event'
export const CHATWOOT_NOTE_JOB = 'chatwoot.note'
export const CHATWOOT_SYNC_JOB = 'chatwoot.sync'
/** Receipts only need to outlive the accepted timestamp window (5 min); a day is plenty. */
const RECEIPT_RETENTION_HOURS = 24
/** A catch-up re-reads this far behind the last one, so nothing at the seam is missed. */
const SYNC_OVERLAP_MS = 10 * 60_000
const FIRST_SYNC_LOOKBACK_MS = 24 * 60 * 60_000

export interface ChatwootJobDeps {
  db: Db
  box: SecretBox
  policy: OutboundPolicy
  log: Logger
  syncIntervalMinutes: number
  clock: () => Date
}

export function chatwootJobHandlers(deps: ChatwootJobDeps): Record<string, JobHandler> {
  const { db } = deps
  const connections = connectionsRepo(db)
  const notes = chatwootNotesRepo(db)
  const reads = integrationReadsRepo(db)
  const audit = integrationAuditRepo(db)

  return {
    async [CHATWOOT_EVENT_JOB](jobs) {
      for (const job of jobs) {
        const workspaceId = job.workspaceId
        const conn = workspaceId ? await connections.get(workspaceId, String(job.payload.connectionId)) : undefined
        if (!workspaceId || !conn) continue // deleted meanwhile: nothing to do
        const body = job.payload.body as Record<string, unknown>
        if ((MESSAGE_EVENTS as readonly unknown[]).includes(body.event)) {
          const parsed = messageEvent.safeParse(body)
          if (!parsed.success) continue
          // The conversation's status rides along on every message event: kept current, not only on status changes.
          await ingestChatwoot(db, workspaceId, conn, parsed.data.conversation, [parsed.data], { withStatus: true })
        } else {
          const parsed = conversationEvent.safeParse(body)
          if (!parsed.success) continue
          await ingestChatwoot(db, workspaceId, conn, parsed.data, [], { withStatus: true })
        }
        await receiptsRepo(db).purgeOlderThan(workspaceId, RECEIPT_RETENTION_HOURS)
      }
    },

    async [CHATWOOT_NOTE_JOB](jobs) {
      for (const job of jobs) {
        const workspaceId = job.workspaceId
        const { connectionId, messageId } = job.payload as { connectionId: string; messageId: string }
        if (!workspaceId) continue
        const conn = await connections.get(workspaceId, connectionId)
        const note = await notes.get(workspaceId, connectionId, messageId)
        if (!conn || !note || note.status !== 'pending') continue
        const run = await autoDraftsRepo(db).get(workspaceId, messageId)
        const origin = await reads.conversationOriginOfMessage(workspaceId, messageId)
        if (!run || run.status !== 'drafted' || !origin || !conn.options.postNotes) {
          await notes.finish(workspaceId, connectionId, messageId, 'skipped', null)
          continue
        }
        const drafts = await reads.drafts(workspaceId, run.suggestionIds)
        const enrichment = (await reads.enrichmentOf(workspaceId, messageId)) ?? {}
        const client = clientFor(conn, deps.box, deps.policy)
        try {
          const posted = await client.createPrivateNote(origin.conversationId, formatNote(drafts, { ...enrichment, note: run.note }))
          await notes.finish(workspaceId, connectionId, messageId, 'posted', Number.isFinite(posted.id) ? posted.id : null)
          await audit.record(workspaceId, connectionId, 'note_posted', { conversation: origin.conversationId, chatwootMessageId: posted.id, drafts: drafts.length })
        } catch (err) {
          await audit.record(workspaceId, connectionId, 'note_failed', { conversation: origin.conversationId, attempt: job.attempts, error: err instanceof Error ? err.message : String(err) })
          throw err // the queue retries with backoff
        }
        if (conn.options.applyLabels) {
          const labels = [...new Set([...(origin.labels ?? []).filter((l) => !l.startsWith('parley-')), ...parleyLabels(enrichment)])]
          // Labels are a convenience: a failure is audited, the note stands.
          await client.setLabels(origin.conversationId, labels).then(
            () => audit.record(workspaceId, connectionId, 'labels_applied', { conversation: origin.conversationId, labels }),
            (err: unknown) => deps.log.warn({ connection: connectionId, err: err instanceof Error ? err.message : String(err) }, 'could not apply Chatwoot labels'),
          )
        }
      }
    },

    async [CHATWOOT_SYNC_JOB](jobs) {
      for (const job of jobs) {
        const workspaceId = job.workspaceId
        const conn = workspaceId ? await connections.get(workspaceId, String(job.payload.connectionId)) : undefined
        if (!workspaceId || !conn) continue
        const started = deps.clock()
        const since = typeof job.payload.since === 'string'
          ? new Date(job.payload.since)
          : new Date((conn.lastSyncedAt ? new Date(conn.lastSyncedAt).getTime() : started.getTime() - FIRST_SYNC_LOOKBACK_MS) - SYNC_OVERLAP_MS)
        try {
          const result = await syncConnection(db, workspaceId, conn, clientFor(conn, deps.box, deps.policy), since)
          await connections.markSynced(workspaceId, conn.id, started)
          await audit.record(workspaceId, conn.id, 'sync_done', { ...result, since: since.toISOString() })
        } catch (err) {
          deps.log.warn({ connection: conn.id, err: err instanceof Error ? err.message : String(err) }, 'Chatwoot catch-up failed; next run retries')
        }
        // The periodic chain re-arms itself whatever happened; one-off syncs (with `since`) do not.
        if (job.payload.periodic === true && deps.syncIntervalMinutes > 0) {
          await schedulePeriodicSync(db, workspaceId, conn.id, deps.syncIntervalMinutes)
        }
      }
    },
  }
}

export async function schedulePeriodicSync(db: Db, workspaceId: string, connectionId: string, minutes: number) {
  await enqueueJobAt(db, workspaceId, CHATWOOT_SYNC_JOB, { connectionId, periodic: true }, new Date(Date.now() + minutes * 60_000), 1)
}
