// validate → normalise → upsert (one transaction) → enqueue enrichment. Used by the API and `parley import`.
// What enrichment then does to the stored messages, stage by stage, is listed in ./enrichment.ts.
import type { ZodError } from 'zod'
import type { Db } from '../store/db.ts'
import { conversationKey, upsertConversations, type ConversationUpsert, type MessageUpsert } from '../store/conversations.ts'
import { enqueueEnrichment } from './enrichment.ts'
import { conversationInput, type IngestItemResult, type IngestResponse } from './ingest-schema.ts'
import { ingestedMessages, truncatedMessages } from './metrics.ts'
import { contentHash, normaliseIngestedText } from './normalise.ts'

export function zodIssues(err: ZodError, prefix = '') {
  return err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: i.message,
  }))
}

interface Accepted {
  index: number
  key: string
  conv: ConversationUpsert
  msgs: MessageUpsert[]
  truncated: string[]
}

export async function ingestConversations(db: Db, workspaceId: string, items: unknown[]): Promise<IngestResponse> {
  const results: IngestItemResult[] = new Array(items.length)
  const accepted: Accepted[] = []
  const seen = new Set<string>()

  items.forEach((raw, index) => {
    const parsed = conversationInput.safeParse(raw)
    const rawId = (raw as { externalId?: unknown })?.externalId
    // Echoed in the result, which the idempotency store keeps as jsonb: no NUL there either.
    const externalId = typeof rawId === 'string' ? rawId.replaceAll('\u0000', '') : undefined
    if (!parsed.success) {
      results[index] = { index, externalId, status: 'rejected', errors: zodIssues(parsed.error, `conversations.${index}`) }
      return
    }
    const c = parsed.data
    const key = conversationKey(c.channel, c.externalId)
    if (seen.has(key)) {
      results[index] = { index, externalId, status: 'rejected', errors: [{ path: `conversations.${index}.externalId`, message: 'duplicate of an earlier conversation in this batch' }] }
      return
    }
    const errors: Array<{ path: string; message: string }> = []
    const msgIds = new Set<string>()
    const msgs: MessageUpsert[] = []
    const truncated: string[] = []
    c.messages.forEach((m, j) => {
      const path = `conversations.${index}.messages.${j}`
      if (msgIds.has(m.externalId)) errors.push({ path: `${path}.externalId`, message: 'duplicate message externalId in this conversation' })
      msgIds.add(m.externalId)
      const { text, truncated: cut } = normaliseIngestedText(m.text)
      if (cut) truncated.push(m.externalId)
      if (!text) errors.push({ path: `${path}.text`, message: 'text is empty after removing control characters and whitespace' })
      const sentAt = new Date(m.sentAt).toISOString()
      const language = m.language?.toLowerCase() ?? null
      msgs.push({
        conversationKey: key,
        externalId: m.externalId,
        role: m.role,
        author: m.author ?? null,
        text,
        language,
        sentAt,
        contentHash: contentHash([m.role, m.author, text, sentAt, language]),
      })
    })
    if (errors.length > 0) {
      results[index] = { index, externalId, status: 'rejected', errors }
      return
    }
    seen.add(key)
    accepted.push({
      index,
      key,
      conv: {
        channel: c.channel,
        externalId: c.externalId,
        customerHandle: c.customer.handle,
        customerName: c.customer.name ?? null,
        status: c.status ?? null,
        metadata: c.metadata ?? {},
      },
      msgs,
      truncated,
    })
  })

  if (accepted.length > 0) {
    const outcome = await db.transaction(async (tx) => {
      const out = await upsertConversations(tx, workspaceId, accepted.map((a) => a.conv), accepted.flatMap((a) => a.msgs))
      // Same transaction: a message acknowledged to the client always has its enrichment job.
      await enqueueEnrichment(tx, workspaceId, out.changedMessageIds)
      return out
    })
    for (const a of accepted) {
      const conv = outcome.conversations.get(a.key)!
      const counts = { created: 0, updated: 0, unchanged: 0 }
      for (const m of a.msgs) counts[outcome.messages.get(`${a.key}\u0000${m.externalId}`) ?? 'unchanged']++
      const status = conv.created ? 'created' : conv.changed || counts.created + counts.updated > 0 ? 'updated' : 'unchanged'
      results[a.index] = { index: a.index, externalId: a.conv.externalId, status, id: conv.id, messages: counts, ...(a.truncated.length > 0 ? { truncated: a.truncated } : {}) }
    }
  }

  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0, messages: { created: 0, updated: 0, unchanged: 0 } }
  for (const r of results) {
    totals[r.status]++
    if (r.messages) for (const k of ['created', 'updated', 'unchanged'] as const) totals.messages[k] += r.messages[k]
  }
  ingestedMessages.inc({ outcome: 'created' }, totals.messages.created)
  ingestedMessages.inc({ outcome: 'updated' }, totals.messages.updated)
  ingestedMessages.inc({ outcome: 'unchanged' }, totals.messages.unchanged)
  truncatedMessages.inc(accepted.reduce((n, a) => n + a.truncated.length, 0))
  return { results, totals }
}
