// The dataset file formats Parley reads: JSONL streamed line by line, the row shapes (classification,
// reply pairs, summarisation, airline) and how a row's format is recognised. `parley import` turns
// them into conversations (dataset-import.ts); the eval harness loads them as datasets (evals/datasets.ts).
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { z } from 'zod'

export class JsonlSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${file}:${line}: not valid JSON (${detail})`)
    this.name = 'JsonlSyntaxError'
  }
}

export type JsonlRecord = { line: number; value: unknown }

export type RawEntry = { line: number; value: unknown } | { line: number; error: JsonlSyntaxError }

export async function* jsonlEntries(path: string): AsyncGenerator<RawEntry> {
  const stream = createReadStream(path, { encoding: 'utf8' })
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let line = 0
  try {
    for await (const raw of lines) {
      line++
      const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim()
      if (text === '') continue
      try {
        yield { line, value: JSON.parse(text) }
      } catch (error) {
        yield { line, error: new JsonlSyntaxError(path, line, (error as Error).message) }
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`dataset file not found: ${path}`)
    throw error
  } finally {
    lines.close()
    stream.destroy()
  }
}

export function checkLimit(limit: number | undefined): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new RangeError(`limit must be a positive integer, got ${limit}`)
  }
}

/**
 * Streams one parsed JSON value per non-blank line, with its 1-based line number.
 * Throws JsonlSyntaxError (message "file:line: …") at the first malformed line.
 */
export async function* readJsonl(path: string, options: { limit?: number } = {}): AsyncGenerator<JsonlRecord> {
  checkLimit(options.limit)
  let count = 0
  for await (const entry of jsonlEntries(path)) {
    if ('error' in entry) throw entry.error
    yield entry
    if (options.limit !== undefined && ++count >= options.limit) return
  }
}

// ---------------------------------------------------------------------------
// Row shapes. Extra fields are kept (e.g. `language`, `topic`): suites slice results by them.

const id = z.union([z.string(), z.number()]).transform(String)
const turn = z.object({ speaker: z.string(), text: z.string() })
const conversationTurn = z.object({ speaker: z.enum(['customer', 'agent']), text: z.string() })

export const datasetSchemas = {
  classification: z.looseObject({
    id,
    text: z.string(),
    label: z.union([z.string(), z.number()]).transform(String),
  }),
  reply_pairs: z.looseObject({
    id,
    company: z.string().nullish().transform((company) => company ?? undefined),
    context: z.array(conversationTurn),
    customer: z.string(),
    agent_reply: z.string(),
  }),
  summarisation: z
    .looseObject({
      id,
      dialog: z.array(turn).min(1),
      summaries: z.array(z.string()).min(1).optional(),
      // Single-reference files (e.g. SAMSum) carry `summary` only; it becomes a one-item list.
      summary: z.string().optional(),
    })
    .refine((row) => row.summaries !== undefined || row.summary !== undefined, {
      message: 'needs "summaries" (or a single "summary")',
      path: ['summaries'],
    })
    .transform(({ summaries, summary, ...rest }) => ({
      ...rest,
      summaries: summaries ?? [summary as string],
    })),
  /** Parley's own ingest format (demo/conversations.jsonl): suites that need whole conversations read it. */
  conversation: z.looseObject({
    externalId: z.string(),
    channel: z.string(),
    messages: z.array(z.looseObject({ role: z.enum(['customer', 'agent']), text: z.string(), sentAt: z.string() })).min(1),
    metadata: z.record(z.string(), z.unknown()).default({}),
  }),
  airline: z.looseObject({
    id,
    text: z.string(),
    label: z.string(),
    negative_reason: z.string().nullable(),
    airline: z.string(),
    created_at: z.string(),
  }),
} as const

export type DatasetFormat = keyof typeof datasetSchemas
export type ClassificationRow = z.output<typeof datasetSchemas.classification>
export type ReplyPairRow = z.output<typeof datasetSchemas.reply_pairs>
export type SummarisationRow = z.output<typeof datasetSchemas.summarisation>
export type AirlineRow = z.output<typeof datasetSchemas.airline>
export type ConversationRow = z.output<typeof datasetSchemas.conversation>
export type RowOf<F extends DatasetFormat> = z.output<(typeof datasetSchemas)[F]>

// Most specific first: an airline row is also a valid classification row, and some reply-pair
// files also carry the whole `dialog`.
const formatKeys: ReadonlyArray<[DatasetFormat, ReadonlyArray<string | readonly string[]>]> = [
  ['conversation', ['externalId', 'channel', 'messages']],
  ['airline', ['id', 'text', 'label', 'negative_reason', 'airline', 'created_at']],
  ['reply_pairs', ['id', 'context', 'customer', 'agent_reply']],
  ['summarisation', ['id', 'dialog', ['summaries', 'summary']]],
  ['classification', ['id', 'text', 'label']],
]

/**
 * Which known format a row has, judged by its keys (values are checked by the loaders).
 * Throws an error naming the closest format and the keys it lacks.
 */
export function detectFormat(row: unknown): DatasetFormat {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    throw new Error(`expected a JSON object per line, got ${Array.isArray(row) ? 'an array' : typeof row}`)
  }
  const has = (key: string) => (row as Record<string, unknown>)[key] !== undefined
  const candidates = formatKeys.map(([format, keys]) => {
    const missing = keys.filter((key) => (typeof key === 'string' ? !has(key) : !key.some(has)))
    return { format, missing, matched: (keys.length - missing.length) / keys.length }
  })
  const match = candidates.find((candidate) => candidate.missing.length === 0)
  if (match) return match.format
  const closest = candidates.reduce((best, candidate) => (candidate.matched > best.matched ? candidate : best))
  const missing = closest.missing.map((key) => (typeof key === 'string' ? key : key.join(' or '))).join(', ')
  const present = Object.keys(row).join(', ') || 'none'
  throw new Error(`row matches no known dataset format: closest is ${closest.format}, missing ${missing} (keys present: ${present})`)
}
