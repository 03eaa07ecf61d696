// Chatwoot → Parley's conversation model. Incoming messages are the customer's, outgoing and template
// ones the agent's; private notes (Parley's own among them) and activity lines are never conversation
// text. Chatwoot ids become external ids, so a message seen twice (webhook and catch-up, or an edit) is
// the same stored message.
import type { ConversationUpsert, MessageUpsert } from '../../store/conversations.ts'
import { conversationKey } from '../../store/conversations.ts'
import type { ChatwootOrigin } from '../../store/integrations.ts'
import { contentHash, normaliseIngestedText } from '../../pipeline/normalise.ts'
import { messageTypeOf, type ChatwootConversation, type ChatwootMessage } from './payloads.ts'

/** Chatwoot inbox channel class → Parley channel (it sets the reply length limit and mode). */
const CHANNELS: Record<string, string> = {
  'Channel::WebWidget': 'chat',
  'Channel::Api': 'chat',
  'Channel::Email': 'email',
  'Channel::Whatsapp': 'whatsapp',
  'Channel::Sms': 'sms',
  'Channel::TwilioSms': 'sms',
  'Channel::FacebookPage': 'facebook',
  'Channel::Instagram': 'instagram',
  'Channel::TwitterProfile': 'x',
  'Channel::Telegram': 'chat',
  'Channel::Line': 'chat',
}

export const channelOf = (c: ChatwootConversation) => CHANNELS[c.channel ?? ''] ?? 'other'
export const conversationExternalId = (connectionId: string, conversationId: number) => `chatwoot:${connectionId}:${conversationId}`
export const messageExternalId = (messageId: number) => `chatwoot:${messageId}`

const STATUSES: Record<string, 'open' | 'pending' | 'resolved'> = { open: 'open', pending: 'pending', snoozed: 'pending', resolved: 'resolved' }

export interface ConnectionRef {
  id: string
  accountId: number
}

export function mapConversation(conn: ConnectionRef, c: ChatwootConversation, opts: { withStatus: boolean }): ConversationUpsert {
  const contact = c.meta?.sender
  const origin: ChatwootOrigin = { connectionId: conn.id, accountId: conn.accountId, conversationId: c.id, labels: c.labels ?? [] }
  return {
    channel: channelOf(c),
    externalId: conversationExternalId(conn.id, c.id),
    // The contact id, not an e-mail or phone number: no contact details are copied out of Chatwoot.
    customerHandle: contact?.id !== undefined ? `contact:${contact.id}` : `conversation:${c.id}`,
    customerName: contact?.name ?? null,
    status: opts.withStatus && c.status ? (STATUSES[c.status] ?? null) : null,
    metadata: { chatwoot: { ...origin, inboxId: c.inbox_id ?? null } },
  }
}

export type SkipReason = 'private' | 'activity' | 'unknown_type'

/** The stored form of a message, or why it is not conversation text. */
export function mapMessage(conv: ConversationUpsert, m: ChatwootMessage): MessageUpsert | SkipReason {
  if (m.private) return 'private'
  const type = messageTypeOf(m)
  if (type === 'activity') return 'activity'
  if (type !== 'incoming' && type !== 'outgoing' && type !== 'template') return 'unknown_type'
  const role = type === 'incoming' ? 'customer' : 'agent'
  // A deleted message keeps its place with no text; an attachment-only message has none to begin with.
  const deleted = m.content_attributes?.deleted === true
  const text = deleted ? '' : normaliseIngestedText(m.content ?? '').text
  const sentAt = new Date(typeof m.created_at === 'number' ? m.created_at * 1000 : m.created_at).toISOString()
  const author = m.sender?.name ?? null
  return {
    conversationKey: conversationKey(conv.channel, conv.externalId),
    externalId: messageExternalId(m.id),
    role,
    author,
    text,
    language: null,
    sentAt,
    contentHash: contentHash([role, author, text, sentAt, null]),
  }
}
