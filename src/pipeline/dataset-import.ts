// Turns rows of the known file formats into conversations of the ingest format, so `parley import`
// and the eval harness load any of them through the same ingestion path.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parse } from 'csv-parse'
import { datasetSchemas, detectFormat, JsonlSyntaxError, type DatasetFormat } from './dataset-formats.ts'

/** Datasets carry no timestamps for turns; synthetic ones keep the turn order and a plausible spacing. */
export const SYNTHETIC_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0)
const TURN_SPACING_MS = 5 * 60_000

interface Turn {
  role: 'customer' | 'agent'
  text: string
  /** The speaker's name in a transcript of named people (DialogSum's "#Person1#"); else derived from the role. */
  author?: string
}

function conversationOf(id: string, index: number, turns: Turn[], extra: { channel?: string; createdAt?: string; language?: string; metadata?: Record<string, unknown> }) {
  const start = extra.createdAt ? Date.parse(extra.createdAt) : SYNTHETIC_EPOCH + index * 3_600_000
  return {
    channel: extra.channel ?? 'x',
    externalId: id,
    customer: { handle: `customer-${id}` },
    messages: turns.map((t, i) => ({
      externalId: `${id}:${i}`,
      role: t.role,
      author: t.author ?? (t.role === 'agent' ? 'agent' : `customer-${id}`),
      text: t.text,
      sentAt: new Date((Number.isFinite(start) ? start : SYNTHETIC_EPOCH) + i * TURN_SPACING_MS).toISOString(),
      ...(extra.language && t.role === 'customer' ? { language: extra.language } : {}),
    })),
    metadata: extra.metadata ?? {},
  }
}

const speakerRole = (s: string): 'customer' | 'agent' => (/^(agent|support|brand|assistant|staff)/i.test(s) ? 'agent' : 'customer')
/**
 * A transcript of named people (DialogSum's "#Person1#"/"#Person2#", SAMSum's first names) has no
 * customer or agent: its first speaker is stored as the customer and everyone else as the agent, so
 * the conversation keeps two sides, and each speaker's name stays the message's author. The
 * conversation is marked with `metadata.speakers = "named"` so the summariser tells it by those
 * names (as the reference summaries do) rather than by role. Returns the first speaker, or undefined
 * when the speakers are roles.
 */
export const NAMED_SPEAKERS = 'named'
function namedSpeakers(dialog: Array<{ speaker: string }>): string | undefined {
  const speakers = new Set(dialog.map((t) => t.speaker))
  if (speakers.size < 2 || [...speakers].some((s) => /^(customer|agent|user|assistant|support|bot|brand|staff)$/i.test(s))) return undefined
  return dialog[0].speaker
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', french: 'fr', spanish: 'es', german: 'de', portuguese: 'pt', italian: 'it', arabic: 'ar', hindi: 'hi', korean: 'ko', thai: 'th',
}
const languageOf = (v: unknown) => (typeof v === 'string' ? (LANGUAGE_NAMES[v.toLowerCase()] ?? (/^[a-z]{2}$/.test(v) ? v : undefined)) : undefined)

function isConversationRow(row: unknown): boolean {
  return typeof row === 'object' && row !== null && 'messages' in row && 'channel' in row
}

/** One row of any known format → one conversation (raw: validated by ingestion like API input). */
export function rowToConversation(row: unknown, index: number): { format: DatasetFormat; conversation: unknown } {
  if (row instanceof JsonlSyntaxError) throw row
  if (isConversationRow(row)) return { format: 'conversation', conversation: row }
  const format = detectFormat(row)
  switch (format) {
    case 'conversation':
      return { format, conversation: row }
    case 'reply_pairs': {
      const r = datasetSchemas.reply_pairs.parse(row)
      const turns: Turn[] = [...r.context.map((t) => ({ role: t.speaker, text: t.text })), { role: 'customer', text: r.customer }, { role: 'agent', text: r.agent_reply }]
      return { format, conversation: conversationOf(r.id, index, turns.filter((t) => t.text.trim()), { metadata: r.company ? { company: r.company } : {} }) }
    }
    case 'summarisation': {
      const r = datasetSchemas.summarisation.parse(row)
      const named = namedSpeakers(r.dialog)
      const turns = r.dialog
        .map((t): Turn => (named ? { role: t.speaker === named ? 'customer' : 'agent', text: t.text, author: t.speaker } : { role: speakerRole(t.speaker), text: t.text }))
        .filter((t) => t.text.trim())
      return { format, conversation: conversationOf(r.id, index, turns, named ? { metadata: { speakers: NAMED_SPEAKERS } } : {}) }
    }
    case 'airline': {
      const r = datasetSchemas.airline.parse(row)
      return {
        format,
        conversation: conversationOf(r.id, index, [{ role: 'customer', text: r.text }], {
          createdAt: r.created_at,
          metadata: { label: r.label, negative_reason: r.negative_reason, airline: r.airline },
        }),
      }
    }
    case 'classification': {
      const r = datasetSchemas.classification.parse(row)
      const language = languageOf((row as Record<string, unknown>).language)
      return {
        format,
        conversation: conversationOf(r.id, index, [{ role: 'customer', text: r.text }], {
          language,
          createdAt: typeof (row as Record<string, unknown>).created_at === 'string' ? ((row as Record<string, unknown>).created_at as string) : undefined,
          metadata: { label: r.label },
        }),
      }
    }
  }
}

/**
 * Streams rows of a JSONL or CSV file. CSV: either one message per row (conversation_id, channel,
 * customer, message_id, role, text, sent_at[, language]) grouped into conversations, or id,text,label rows.
 */
export async function* readImportRows(path: string, opts: { limit?: number } = {}): AsyncGenerator<unknown> {
  if (!/\.csv$/i.test(path)) {
    yield* readJsonlRows(path, opts.limit)
    return
  }
  // A row with too few or too many cells is still yielded, so validation rejects that row alone.
  const parser = createReadStream(path).pipe(parse({ columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }))
  let pending: { key: string; conv: any } | undefined
  let count = 0
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    if (opts.limit !== undefined && count >= opts.limit) return
    if (!('conversation_id' in rec)) {
      count++
      yield rec
      continue
    }
    const key = `${rec.channel}\u0000${rec.conversation_id}`
    if (pending && pending.key !== key) {
      count++
      yield pending.conv
      pending = undefined
    }
    pending ??= { key, conv: { channel: rec.channel || 'other', externalId: rec.conversation_id, customer: { handle: rec.customer || 'unknown' }, messages: [] } }
    pending.conv.messages.push({
      externalId: rec.message_id || String(pending.conv.messages.length),
      role: rec.role,
      author: rec.author || undefined,
      text: rec.text,
      sentAt: rec.sent_at,
      ...(rec.language ? { language: rec.language } : {}),
    })
  }
  if (pending && (opts.limit === undefined || count < opts.limit)) yield pending.conv
}

/**
 * JSONL rows; a line that is not JSON is yielded as a JsonlSyntaxError in its place (rowToConversation
 * throws it), so one corrupt line is one rejected row instead of an import stopped halfway.
 */
async function* readJsonlRows(path: string, limit?: number): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })
  let line = 0
  let count = 0
  for await (const raw of lines) {
    line++
    const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim()
    if (text === '') continue
    if (limit !== undefined && count >= limit) break
    count++
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      value = new JsonlSyntaxError(path, line, (err as Error).message)
    }
    yield value
  }
}
