// Catch-up through Chatwoot's REST API: account webhooks are sent once with no retry, so anything
// missed (Parley down, a network blip) is pulled here. Conversations come newest activity first;
// paging stops at the first one older than `since`.
import type { Db } from '../../store/db.ts'
import type { ConnectionRef } from './mapping.ts'
import type { ChatwootClient } from './client.ts'
import { ingestChatwoot } from './ingest.ts'
import type { ChatwootMessage } from './payloads.ts'

/** A guard against a runaway loop on a huge account; the next run continues from where time stands. */
const MAX_CONVERSATION_PAGES = 40
const MAX_MESSAGE_PAGES = 25

const activityOf = (c: { last_activity_at?: number | null; timestamp?: number | null }) => (c.last_activity_at ?? c.timestamp ?? 0) * 1000
const createdMs = (m: ChatwootMessage) => (typeof m.created_at === 'number' ? m.created_at * 1000 : Date.parse(m.created_at))

export async function syncConnection(db: Db, workspaceId: string, conn: ConnectionRef, client: ChatwootClient, since: Date) {
  let conversations = 0
  let changedMessages = 0
  for (let page = 1; page <= MAX_CONVERSATION_PAGES; page++) {
    const batch = await client.listConversations(page)
    if (batch.length === 0) break
    let reachedOlder = false
    for (const conv of batch) {
      if (activityOf(conv) < since.getTime()) {
        reachedOlder = true
        continue
      }
      const messages: ChatwootMessage[] = []
      let before: number | undefined
      for (let p = 0; p < MAX_MESSAGE_PAGES; p++) {
        const msgs = await client.listMessages(conv.id, before)
        if (msgs.length === 0) break
        messages.push(...msgs)
        const oldest = msgs.reduce((a, b) => (a.id < b.id ? a : b))
        if (createdMs(oldest) < since.getTime()) break
        before = oldest.id
      }
      const out = await ingestChatwoot(db, workspaceId, conn, conv, messages.filter((m) => createdMs(m) >= since.getTime()), { withStatus: true })
      conversations++
      changedMessages += out.changedMessages
    }
    if (reachedOlder) break
  }
  return { conversations, changedMessages }
}
