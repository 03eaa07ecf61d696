// Stores what a Chatwoot event or a catch-up page carries, through the same idempotent upsert as
// POST /v1/conversations, and queues enrichment for messages that have text.
import { enqueueEnrichment } from '../../pipeline/enrichment.ts'
import type { Db } from '../../store/db.ts'
import { upsertConversations, type MessageUpsert } from '../../store/conversations.ts'
import { chatwootNotesRepo, integrationReadsRepo } from '../../store/integrations.ts'
import { mapConversation, mapMessage, type ConnectionRef, type SkipReason } from './mapping.ts'
import type { ChatwootConversation, ChatwootMessage } from './payloads.ts'

export interface IngestOutcome {
  conversationId: string
  changedMessages: number
  skipped: Partial<Record<SkipReason | 'own_note', number>>
}

export async function ingestChatwoot(
  db: Db,
  workspaceId: string,
  conn: ConnectionRef,
  conversation: ChatwootConversation,
  messages: ChatwootMessage[],
  opts: { withStatus: boolean },
): Promise<IngestOutcome> {
  const conv = mapConversation(conn, conversation, opts)
  const skipped: IngestOutcome['skipped'] = {}
  const notes = chatwootNotesRepo(db)
  const upserts: MessageUpsert[] = []
  for (const m of messages) {
    const mapped = mapMessage(conv, m)
    if (typeof mapped === 'string') {
      skipped[mapped] = (skipped[mapped] ?? 0) + 1
      continue
    }
    // Parley's notes are private and skipped above; this also catches one a person made public.
    if (await notes.isOwnNote(workspaceId, conn.id, m.id)) {
      skipped.own_note = (skipped.own_note ?? 0) + 1
      continue
    }
    upserts.push(mapped)
  }
  return db.transaction(async (tx) => {
    const out = await upsertConversations(tx, workspaceId, [conv], upserts)
    const toEnrich = await integrationReadsRepo(tx).withText(workspaceId, out.changedMessageIds)
    await enqueueEnrichment(tx, workspaceId, toEnrich)
    const [stored] = out.conversations.values()
    return { conversationId: stored.id, changedMessages: out.changedMessageIds.length, skipped }
  })
}
