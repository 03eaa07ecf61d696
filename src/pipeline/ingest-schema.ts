// The conversation format accepted by POST /v1/conversations and `parley import`: one schema for both.
import { z } from 'zod'

export const MAX_CONVERSATIONS_PER_BATCH = 500
export const MAX_MESSAGES_PER_CONVERSATION = 1000
/** Longer input is rejected as malformed; anything up to it is accepted and capped at MAX_MESSAGE_CHARS. */
export const MAX_RAW_MESSAGE_CHARS = 100_000
export const MAX_MESSAGE_CHARS = 10_000
export const MAX_METADATA_BYTES = 16_384
export const KNOWN_CHANNELS = ['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat', 'sms', 'other'] as const

const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'lowercase letters, digits, - or _ (max 32)')
// Postgres text and jsonb cannot hold NUL: refused per item here rather than failing the whole batch in SQL.
const NO_NUL = 'must not contain NUL (\\u0000) characters'
const label = (min: number, max: number) => z.string().trim().min(min).max(max).refine((s) => !s.includes('\u0000'), NO_NUL)
const externalId = label(1, 256)
const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((m) => JSON.stringify(m).length <= MAX_METADATA_BYTES, `metadata is larger than ${MAX_METADATA_BYTES} bytes`)
  .refine((m) => !JSON.stringify(m).includes('\\u0000'), NO_NUL)

export const messageInput = z.object({
  externalId,
  role: z.enum(['customer', 'agent']),
  author: label(0, 256).optional(),
  text: z.string().max(MAX_RAW_MESSAGE_CHARS, `text is longer than ${MAX_RAW_MESSAGE_CHARS} characters`),
  sentAt: z.iso.datetime({ offset: true }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a BCP-47 language tag such as en or pt-BR')
    .optional(),
})

export const conversationInput = z.object({
  channel: slug.describe(`one of ${KNOWN_CHANNELS.join(', ')}, or your own slug`),
  externalId,
  customer: z.union(
    [
      label(1, 256).transform((handle) => ({ handle, name: undefined as string | undefined })),
      z.object({ handle: label(1, 256), name: label(0, 256).optional() }),
    ],
    // A union's own message is "Invalid input": say what goes here when it is missing.
    { error: (issue) => (issue.input === undefined ? 'required: the customer’s handle ("@ana"), or { handle, name }' : undefined) },
  ),
  status: z.enum(['open', 'pending', 'resolved', 'closed']).optional(),
  messages: z.array(messageInput).min(1).max(MAX_MESSAGES_PER_CONVERSATION),
  metadata: metadata.optional(),
})

/** The envelope is checked strictly; each conversation is then validated on its own (per-item results). */
export const ingestBatchEnvelope = z.object({
  conversations: z.array(z.unknown()).min(1).max(MAX_CONVERSATIONS_PER_BATCH),
})


export const itemStatus = z.enum(['created', 'updated', 'unchanged', 'rejected'])

export const ingestItemResult = z.object({
  index: z.number().int(),
  externalId: z.string().optional(),
  status: itemStatus,
  id: z.string().optional(),
  messages: z
    .object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() })
    .optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  truncated: z
    .array(z.string())
    .optional()
    .describe(`externalIds of this conversation's messages whose text was cut at ${MAX_MESSAGE_CHARS} characters (stored and enriched as cut)`),
})
export type IngestItemResult = z.infer<typeof ingestItemResult>

export const ingestResponse = z.object({
  results: z.array(ingestItemResult),
  totals: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    messages: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  }),
})
export type IngestResponse = z.infer<typeof ingestResponse>
