// Chatwoot's shapes as they arrive: webhook bodies (Message#webhook_data, Conversation#webhook_data) and
// REST API objects (push_event_data). Both are parsed leniently: Chatwoot adds fields between versions,
// and only what is read here is required.
import { z } from 'zod'

const id = z.coerce.number().int()

export const chatwootSender = z
  .object({ id: id.optional(), name: z.string().nullish(), type: z.string().nullish(), email: z.string().nullish(), phone_number: z.string().nullish() })
  .passthrough()

export const chatwootConversation = z
  .object({
    id, // display_id: the number the REST API expects in /conversations/{id}
    inbox_id: id.nullish(),
    status: z.string().nullish(),
    labels: z.array(z.string()).nullish(),
    channel: z.string().nullish(),
    meta: z.object({ sender: chatwootSender.nullish() }).passthrough().nullish(),
    last_activity_at: z.number().nullish(),
    timestamp: z.number().nullish(),
    messages: z.array(z.unknown()).nullish(),
  })
  .passthrough()
export type ChatwootConversation = z.infer<typeof chatwootConversation>

/** Webhooks send message_type as a name and created_at as ISO time; the REST API sends integers. */
export const chatwootMessage = z
  .object({
    id,
    content: z.string().nullish(),
    created_at: z.union([z.string(), z.number()]),
    message_type: z.union([z.enum(['incoming', 'outgoing', 'activity', 'template']), z.number().int()]),
    private: z.boolean().nullish(),
    content_type: z.string().nullish(),
    content_attributes: z.record(z.string(), z.unknown()).nullish(),
    sender: chatwootSender.nullish(),
    attachments: z.array(z.unknown()).nullish(),
  })
  .passthrough()
export type ChatwootMessage = z.infer<typeof chatwootMessage>

export const MESSAGE_EVENTS = ['message_created', 'message_updated'] as const
export const CONVERSATION_EVENTS = ['conversation_created', 'conversation_updated', 'conversation_status_changed'] as const
export type ChatwootEvent = (typeof MESSAGE_EVENTS)[number] | (typeof CONVERSATION_EVENTS)[number]

export const messageEvent = chatwootMessage.extend({ event: z.enum(MESSAGE_EVENTS), conversation: chatwootConversation, account: z.object({ id }).passthrough().nullish() })
export const conversationEvent = chatwootConversation.extend({ event: z.enum(CONVERSATION_EVENTS) })

const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'] as const
export function messageTypeOf(m: Pick<ChatwootMessage, 'message_type'>): (typeof MESSAGE_TYPES)[number] | undefined {
  return typeof m.message_type === 'number' ? MESSAGE_TYPES[m.message_type] : m.message_type
}

export function isKnownEvent(event: unknown): event is ChatwootEvent {
  return (MESSAGE_EVENTS as readonly unknown[]).includes(event) || (CONVERSATION_EVENTS as readonly unknown[]).includes(event)
}
