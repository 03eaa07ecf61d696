// Eval suite `knowledge`: do reply drafts drawn from the knowledge base quote the right article? Runs on
// the shipped demo (demo/conversations.jsonl with demo/knowledge.jsonl beside it, or any corpus laid out
// the same way). Half the conversations (even lines) are the brand's history; each English opening of
// the other half is asked for drafts as a new conversation, as an agent would, through suggestReplies.
// The articles are English, so only English openings can be answered from them.
//
// Ground truth: the scenario of the probed conversation (metadata.scenario, withheld from ingestion)
// and the articles that answer it (ARTICLES_OF, read off the demo's scenario list and article titles).
// - offered: share of the openings whose scenario has an article that got a knowledge draft;
// - precision: share of the knowledge drafts whose article answers the scenario;
// - wrong_per_100: knowledge drafts from an article that does not answer, per 100 openings (praise
//   and app feedback have no article: any draft from one is wrong).
// Lines 1, 5, 9, … are the dev half (tune there); lines 3, 7, 11, … the test half, reported apart.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { suggestReplies } from '../../src/chains/replies/service.ts'
import { conversationExternalIds } from '../../src/store/ask.ts'
import { KNOWLEDGE_EMBED_JOB, knowledgeRepo } from '../../src/store/knowledge.ts'
import { jobsRepo } from '../../src/store/jobs.ts'
import type { ConversationRow } from '../../src/pipeline/dataset-formats.ts'
import type { Suite, SuiteContext, SuiteResult } from '../runner.ts'

type Ctx = SuiteContext<'conversation'>

/** The articles (externalId) that answer each demo scenario; an empty list: none does. */
export const ARTICLES_OF: Record<string, string[]> = {
  router_wifi: ['kb-wifi-dropouts', 'kb-hub-restart', 'kb-new-hub-setup'],
  billing_double_charge: ['kb-billing-duplicate', 'kb-refund-policy'],
  password_reset: ['kb-password-reset'],
  delivery_delay: ['kb-delivery-times'],
  plan_question: ['kb-plans-prices', 'kb-moving-home'],
  cancellation: ['kb-cancellation-policy', 'kb-refund-policy'],
  remote_backorder: ['kb-voice-remote-backorder', 'kb-delivery-times'],
  app_52_crash: ['kb-app-52-login-crash'],
  regional_outage: ['kb-outages-credits', 'kb-hub-restart'],
  praise_support: [],
  app_feedback: [],
}

const LANGUAGE = 'en'
const PROBE_PREFIX = 'probe-'

interface Probe {
  externalId: string
  scenario: string
  split: 'dev' | 'test'
  row: ConversationRow
}

interface Outcome {
  probe: Probe
  article?: string
}

function probesOf(rows: ConversationRow[]): { history: ConversationRow[]; probes: Probe[] } {
  const history: ConversationRow[] = []
  const probes: Probe[] = []
  rows.forEach((row, i) => {
    if (i % 2 === 0) return void history.push(row)
    const opening = row.messages.find((m) => m.role === 'customer')
    const scenario = typeof row.metadata.scenario === 'string' ? row.metadata.scenario : undefined
    if (!opening || (opening as { language?: string }).language !== LANGUAGE || !scenario || !(scenario in ARTICLES_OF)) return
    probes.push({
      externalId: `${PROBE_PREFIX}${row.externalId}`,
      scenario,
      split: i % 4 === 1 ? 'dev' : 'test',
      row: { ...row, externalId: `${PROBE_PREFIX}${row.externalId}`, messages: [{ ...opening, externalId: `${PROBE_PREFIX}${row.externalId}-m1` }], metadata: {} },
    })
  })
  return { history, probes }
}

function score(outcomes: Outcome[]): Record<string, number> {
  const answerable = outcomes.filter((o) => ARTICLES_OF[o.probe.scenario]!.length > 0)
  const offered = outcomes.filter((o) => o.article)
  const right = offered.filter((o) => ARTICLES_OF[o.probe.scenario]!.includes(o.article!))
  return {
    offered: answerable.length ? answerable.filter((o) => o.article).length / answerable.length : 0,
    precision: offered.length ? right.length / offered.length : 1,
    wrong_per_100: outcomes.length ? (100 * (offered.length - right.length)) / outcomes.length : 0,
  }
}

async function loadArticles(ctx: Ctx): Promise<string[]> {
  const file = join(dirname(ctx.args.data), 'knowledge.jsonl')
  const text = await readFile(file, 'utf8').catch(() => {
    throw new Error(`${file}: the knowledge suite reads the articles beside the conversations`)
  })
  const repo = knowledgeRepo(ctx.services.db)
  const ids: string[] = []
  for (const line of text.split('\n').filter((l) => l.trim())) {
    const article = JSON.parse(line) as { externalId: string; title: string; body: string; language?: string; tags?: string[] }
    await repo.upsert(ctx.workspaceId, article)
    ids.push(article.externalId)
  }
  await jobsRepo(ctx.services.db).enqueue(ctx.workspaceId, KNOWLEDGE_EMBED_JOB, {})
  await ctx.services.worker.drain()
  return ids
}

export const knowledgeSuite: Suite<'conversation'> = {
  name: 'knowledge',
  description: 'Knowledge drafts for new English openings of the demo: offered when an article answers, from the right article',
  format: 'conversation',
  prompts: ['replies'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const { history, probes } = probesOf(ctx.dataset.rows)
    await ctx.ingestRows(history, { omitFields: ['metadata'] })
    const articleIds = await loadArticles(ctx)
    ctx.log(`knowledge: ${articleIds.length} articles, ${history.length} conversations of history, ${probes.length} English openings asked`)
    await ctx.ingestRows(probes.map((p) => p.row))
    const idOf = new Map([...(await conversationExternalIds(ctx.services.db, ctx.workspaceId))].map(([id, external]) => [external, id]))
    const externalOfArticle = new Map((await knowledgeRepo(ctx.services.db).list(ctx.workspaceId, 1_000)).map((a) => [a.id, a.externalId]))
    const deps = { db: ctx.services.db, embedder: ctx.services.embedder, suggester: ctx.services.chains.replies }
    const outcomes: Outcome[] = []
    const examples: Array<Record<string, unknown>> = []
    const progress = ctx.progress('knowledge drafts', probes.length)
    for (const probe of probes) {
      const conversationId = idOf.get(probe.externalId)
      const res = conversationId ? await suggestReplies(deps, ctx.workspaceId, conversationId, { n: 3, tone: 'friendly', mode: 'public' }) : undefined
      const source = res?.suggestions.flatMap((s) => s.sources).find((s) => s.type === 'knowledge')
      const article = source?.articleId ? (externalOfArticle.get(source.articleId) ?? undefined) : undefined
      outcomes.push({ probe, article })
      if (article && !ARTICLES_OF[probe.scenario]!.includes(article)) examples.push({ conversation: probe.row.externalId, scenario: probe.scenario, article, score: source?.score })
      progress.tick()
    }
    progress.done()
    const test = score(outcomes.filter((o) => o.probe.split === 'test'))
    const dev = score(outcomes.filter((o) => o.probe.split === 'dev'))
    return {
      n: outcomes.length,
      metrics: { ...test, dev_offered: dev.offered, dev_precision: dev.precision, dev_wrong_per_100: dev.wrong_per_100 },
      details: { wrong_articles: examples },
    }
  },
}
