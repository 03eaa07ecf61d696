// Eval suite `replies`: the brand's earlier conversations are its history; for each held-back pair,
// the customer's side is ingested alone and Parley is asked for 3 drafts, scored best-of-3 against
// the reply the brand really sent (ROUGE-L, chrF), beside two retrieval baselines.
//
// Leakage guards: pairs cut from one thread share turns (a later pair's context holds an earlier
// pair's reply), so history and test are split by thread, never by pair; and each test conversation
// is deleted after it is answered, so no held-back text ever becomes a candidate for another.
import { VOICE_SETTING } from '../../src/store/voice-setting.ts'
import { cosine } from '../../src/embeddings/embedder.ts'
import { stripFrame } from '../../src/chains/replies/clean.ts'
import { suggestReplies } from '../../src/chains/replies/service.ts'
import { rowToConversation } from '../../src/pipeline/dataset-import.ts'
import { ingestInBatches } from '../../src/pipeline/ingest-batches.ts'
import { replyRetrievalRepo } from '../../src/store/reply-retrieval.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { loadReplyPairs, type ReplyPairRow } from '../datasets.ts'
import { EntityIndex, foreignEntityRate } from '../foreign-entities.ts'
import { bestOfK, chrF, mean, percentile, rougeL } from '../metrics.ts'
import type { Suite, SuiteContext } from '../runner.ts'

export const SUGGESTIONS_PER_PAIR = 3
/** Share of threads used as history when no --train file is given (earliest threads first). */
export const DEFAULT_HISTORY_SHARE = 0.7
const EMBED_BATCH = 256

/**
 * Scores compare the body of a reply: without the customer's @handle it opens with on X, the greeting,
 * and the agent's sign-off or initials ("^JS"), which drafts leave out on purpose. Applied alike to
 * drafts, baselines and the reference.
 */
export function replyBody(text: string): string {
  return stripFrame(text).trim()
}

/** Pairs of one thread share this key: an explicit conversation id, else the thread's first turn. */
export function threadKey(row: ReplyPairRow): string {
  const conversationId = (row as Record<string, unknown>).conversation_id
  if (typeof conversationId === 'string') return `c:${conversationId}`
  return `t:${row.company ?? ''}:${(row.context[0]?.text ?? row.customer).trim()}`
}

/**
 * Pairs of one thread repeat its earlier turns in their context; the longest pair already holds every
 * turn (context + customer + agent reply), so it alone is stored as the thread's conversation.
 */
export function longestPerThread(rows: ReplyPairRow[]): ReplyPairRow[] {
  const longest = new Map<string, ReplyPairRow>()
  for (const r of rows) {
    const key = threadKey(r)
    const seen = longest.get(key)
    if (!seen || r.context.length > seen.context.length) longest.set(key, r)
  }
  return [...longest.values()]
}

export function splitByThread(rows: ReplyPairRow[], historyShare: number): { history: ReplyPairRow[]; test: ReplyPairRow[] } {
  const order = [...new Set(rows.map(threadKey))]
  const historyThreads = new Set(order.slice(0, Math.round(order.length * historyShare)))
  return { history: rows.filter((r) => historyThreads.has(threadKey(r))), test: rows.filter((r) => !historyThreads.has(threadKey(r))) }
}

interface PastPair { customer: string; reply: string }

function pastPairs(rows: ReplyPairRow[]): PastPair[] {
  const pairs: PastPair[] = []
  for (const row of rows) {
    const turns = [...row.context, { speaker: 'customer' as const, text: row.customer }, { speaker: 'agent' as const, text: row.agent_reply }]
    turns.forEach((t, i) => {
      if (t.speaker === 'agent' && i > 0 && turns[i - 1].speaker === 'customer' && t.text.trim()) pairs.push({ customer: turns[i - 1].text, reply: t.text })
    })
  }
  // The same exchange appears in every later pair of its thread; count it once.
  return [...new Map(pairs.map((p) => [`${p.customer}\u0000${p.reply}`, p])).values()]
}

function mostFrequent(pairs: PastPair[]): string {
  const counts = new Map<string, { n: number; text: string }>()
  for (const p of pairs) {
    const key = replyBody(p.reply).toLowerCase()
    const entry = counts.get(key) ?? { n: 0, text: replyBody(p.reply) }
    entry.n++
    counts.set(key, entry)
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.text ?? ''
}

async function embedAll(ctx: SuiteContext<'reply_pairs'>, texts: string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = []
  for (let i = 0; i < texts.length; i += EMBED_BATCH) out.push(...(await ctx.services.embedder.embed(texts.slice(i, i + EMBED_BATCH), { kind: 'passage' })))
  return out
}

async function ingest(ctx: SuiteContext<'reply_pairs'>, workspaceId: string, conversations: unknown[]): Promise<string[]> {
  const ids: string[] = []
  await ingestInBatches(ctx.services.db, workspaceId, conversations, {
    afterBatch: async ({ response }) => {
      for (const r of response.results) if (r.status !== 'rejected' && r.id) ids.push(r.id)
      await ctx.services.worker.drain()
    },
  })
  return ids
}

const score = (candidates: string[], reference: string) => ({
  rougeL: candidates.length ? bestOfK(candidates.map(replyBody), replyBody(reference), rougeL).score : 0,
  chrF: candidates.length ? bestOfK(candidates.map(replyBody), replyBody(reference), (c, r) => chrF(c, r)).score : 0,
})

const BRAND_HANDLE = /^[\p{L}\p{N}_.]{1,50}$/u

/**
 * Turns that need no reply, appended after the agent's real reply in a held-back thread: closing
 * thanks, a plain "ok", emoji only, and the customer talking to someone else. With the held-back
 * customer turns (which do need one) they make shouldReply a two-sided test that "always reply" fails.
 */
export const NO_REPLY_TURNS = [
  'Thanks!', 'ok', '👍', 'Thank you so much 🙏', 'great, thanks', 'Ok thanks', '🙏🙏', 'cheers', 'Perfect, thank you!',
  'merci !', 'danke', 'gracias 😊', 'obrigado', 'grazie mille', '@{friend} haha told you so', '@{friend} lol see you tonight',
  'thx', '😂😂', 'got it, thanks', 'Cool.',
]

/** A draft is "close" to what the agent wrote at this chrF; the reliability table measures confidence against it. */
export const CLOSE_CHRF = 0.5
const RELIABILITY_BINS = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001]

export function reliability(points: Array<{ confidence: number; close: boolean }>) {
  const bins = RELIABILITY_BINS.slice(0, -1).map((lo, i) => {
    const hi = RELIABILITY_BINS[i + 1]
    const inBin = points.filter((p) => p.confidence >= lo && p.confidence < hi)
    return { range: `${lo.toFixed(1)}–${Math.min(1, hi).toFixed(1)}`, n: inBin.length, mean_confidence: mean(inBin.map((p) => p.confidence)), share_close: mean(inBin.map((p) => (p.close ? 1 : 0))) }
  })
  const n = points.length
  const ece = n ? bins.reduce((sum, b) => sum + (b.n ? (b.n / n) * Math.abs(b.share_close - b.mean_confidence) : 0), 0) : Number.NaN
  return { bins, ece }
}

export function precisionRecall(items: Array<{ needsReply: boolean; shouldReply: boolean }>) {
  const tp = items.filter((i) => i.needsReply && i.shouldReply).length
  const fp = items.filter((i) => !i.needsReply && i.shouldReply).length
  const fn = items.filter((i) => i.needsReply && !i.shouldReply).length
  return { precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0 }
}

export const repliesSuite: Suite<'reply_pairs'> = {
  name: 'replies',
  description: 'Reply drafts: best-of-3 ROUGE-L and chrF against the real agent reply, beside most_frequent and nearest_neighbour baselines',
  format: 'reply_pairs',
  prompts: ['replies'],
  async run(ctx) {
    const rows = ctx.dataset.rows
    let history: ReplyPairRow[]
    let test: ReplyPairRow[]
    if (ctx.args.train) {
      test = rows
      const testThreads = new Set(test.map(threadKey))
      history = (await loadReplyPairs(ctx.args.train)).rows.filter((r) => !testThreads.has(threadKey(r)))
    } else {
      ;({ history, test } = splitByThread(rows, ctx.args.split ?? DEFAULT_HISTORY_SHARE))
    }
    ctx.log(`replies: ${history.length} history pairs, ${test.length} held-back pairs`)
    const suggester = ctx.args.mode === 'llm' ? ctx.services.chains.replies : ctx.services.chains.localReplies
    const deps = { db: ctx.services.db, embedder: ctx.services.embedder, suggester }

    // One workspace per brand: a brand's drafts may only draw on its own history.
    const companies = [...new Set(test.map((r) => r.company ?? ''))]
    const ours: Array<{ rougeL: number; chrF: number }> = []
    const frequent: Array<{ rougeL: number; chrF: number }> = []
    const nearest: Array<{ rougeL: number; chrF: number }> = []
    const nearest3: Array<{ rougeL: number; chrF: number }> = []
    const latencies: number[] = []
    const grounded: number[] = []
    let shouldReply = 0
    let degraded = 0
    const leaks: Array<{ foreign: string[] }> = []
    const leakExamples: string[] = []
    const triggering: Array<{ needsReply: boolean; shouldReply: boolean }> = []
    const calibration: Array<{ confidence: number; close: boolean }> = []
    let withDrafts = 0
    const progress = ctx.progress(`suggest ${ctx.dataset.name}`, test.length)
    for (const company of companies) {
      const brandHistory = history.filter((r) => (r.company ?? '') === company)
      const brandTest = test.filter((r) => (r.company ?? '') === company)
      const workspaceId = company === '' && companies.length === 1
        ? ctx.workspaceId
        : (await workspacesRepo(ctx.services.db).create(`eval-replies-${company || 'all'}-${Date.now()}`)).id
      // A brand's workspace knows its own handle, as a configured one would (PUT /v1/settings/voice).
      if (BRAND_HANDLE.test(company)) await workspacesRepo(ctx.services.db).setSetting(workspaceId, VOICE_SETTING, { handles: [`@${company}`] })
      await ingest(ctx, workspaceId, longestPerThread(brandHistory).map((r, i) => rowToConversation(r, i).conversation))

      const pairs = pastPairs(brandHistory)
      const pairVectors = await embedAll(ctx, pairs.map((p) => p.customer))
      const frequentReply = mostFrequent(pairs)
      const entities = new EntityIndex({ brandHandles: [`@${company}`] })
      longestPerThread(brandHistory).forEach((r) => entities.add(`history:${threadKey(r)}`, [...r.context.map((t) => t.text), r.customer, r.agent_reply]))

      for (const [i, row] of brandTest.entries()) {
        // The customer's side only: the agent reply is what is being predicted.
        const held = rowToConversation({ ...row, id: `heldout:${row.id}`, agent_reply: '' }, brandHistory.length + i).conversation
        const [conversationId] = await ingest(ctx, workspaceId, [held])
        const started = performance.now()
        const res = conversationId ? await suggestReplies(deps, workspaceId, conversationId, { n: SUGGESTIONS_PER_PAIR, tone: 'friendly', mode: 'public' }) : undefined
        latencies.push(performance.now() - started)
        if (conversationId) await replyRetrievalRepo(ctx.services.db).removeConversation(workspaceId, conversationId)
        const drafts = res?.suggestions.map((s) => s.text) ?? []
        if (res?.shouldReply) shouldReply++
        if (res?.degraded) degraded++
        if (drafts.length > 0) withDrafts++
        triggering.push({ needsReply: true, shouldReply: res?.shouldReply ?? false })
        const currentTexts = [...row.context.map((t) => t.text), row.customer]
        for (const d of drafts) {
          const foreign = entities.foreignIn(d, { conversationId: `test:${threadKey(row)}`, texts: currentTexts })
          leaks.push({ foreign })
          if (foreign.length && leakExamples.length < 5) leakExamples.push(`${row.id}: ${foreign.join(', ')}`)
        }
        for (const s of res?.suggestions ?? []) calibration.push({ confidence: s.confidence, close: chrF(replyBody(s.text), replyBody(row.agent_reply)) >= CLOSE_CHRF })
        ours.push(score(drafts, row.agent_reply))
        grounded.push(res?.suggestions.filter((s) => s.sources.some((src) => src.type === 'past_reply')).length ?? 0)
        frequent.push(score(frequentReply ? [frequentReply] : [], row.agent_reply))

        const [query] = await embedAll(ctx, [row.customer])
        const ranked = pairVectors.map((v, k) => ({ k, s: cosine(v, query) })).sort((a, b) => b.s - a.s)
        nearest.push(score(ranked.slice(0, 1).map((x) => pairs[x.k].reply), row.agent_reply))
        nearest3.push(score(ranked.slice(0, 3).map((x) => pairs[x.k].reply), row.agent_reply))
        progress.tick(1)
      }

      // The other side of shouldReply: the thread answered, then a turn that needs no reply.
      for (const [i, row] of brandTest.slice(0, Math.ceil(brandTest.length / 2)).entries()) {
        const closing = NO_REPLY_TURNS[i % NO_REPLY_TURNS.length].replace('{friend}', `friend_${i}`)
        const answered = rowToConversation({ ...row, id: `closing:${row.id}` }, brandHistory.length + brandTest.length + i).conversation as { messages: Array<Record<string, unknown>> }
        const last = answered.messages[answered.messages.length - 1]
        const customerTurn = answered.messages.find((m) => m.role === 'customer') ?? last
        answered.messages.push({ ...customerTurn, externalId: `${String(last.externalId)}:closing`, text: closing, sentAt: new Date(Date.parse(String(last.sentAt)) + 60_000).toISOString() })
        const [conversationId] = await ingest(ctx, workspaceId, [answered])
        const res = conversationId ? await suggestReplies(deps, workspaceId, conversationId, { n: 1, tone: 'friendly', mode: 'public' }) : undefined
        if (conversationId) await replyRetrievalRepo(ctx.services.db).removeConversation(workspaceId, conversationId)
        triggering.push({ needsReply: false, shouldReply: res?.shouldReply ?? true })
      }
    }
    progress.done()
    const triggerScores = precisionRecall(triggering)
    const calibrated = reliability(calibration)
    const foreignRate = foreignEntityRate(leaks)
    const summary = (xs: Array<{ rougeL: number; chrF: number }>) => ({ rouge_l: mean(xs.map((x) => x.rougeL)), chrf: mean(xs.map((x) => x.chrF)) })
    const n = test.length
    return {
      n,
      metrics: {
        // Best of the 3 drafts, as an agent picks one; the baselines offer one reply (top3: three).
        ...summary(ours),
        should_reply_agreement: n ? shouldReply / n : 0,
        should_reply_precision: triggerScores.precision,
        should_reply_recall: triggerScores.recall,
        with_drafts: n ? withDrafts / n : 0,
        // Share of drafts holding another conversation's identifier, amount, e-mail, phone, handle or name.
        foreign_entity_rate: foreignRate,
        // The gate compares floors only: 1 − foreign_entity_rate, held at 1.
        no_foreign_entity: 1 - foreignRate,
        calibration_ece: calibrated.ece,
      },
      baselines: {
        most_frequent: summary(frequent),
        nearest_neighbour: summary(nearest),
        nearest_neighbour_best_of_3: summary(nearest3),
      },
      details: {
        history_pairs: history.length,
        companies: companies.length,
        degraded,
        latency_ms: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
        drafts_from_past_replies_per_pair: mean(grounded),
        should_reply_set: { needs_reply: triggering.filter((t) => t.needsReply).length, no_reply: triggering.filter((t) => !t.needsReply).length },
        foreign_entity_examples: leakExamples,
        reliability: { close: `chrF ≥ ${CLOSE_CHRF}`, bins: calibrated.bins },
      },
    }
  },
}
