// Eval suite `ask-demo`: the questions of issue #12 asked of the shipped demo corpus, in the languages
// its customers write, with answers computed from the file (evals/demo-questions.ts). The scenario
// labels are withheld from ingestion, so Parley answers from its own labels, themes and timestamps.
//
// Scoring: a count is read from the answer's count figure in the unit the question asks ("messages
// about" → messages, "customers" → conversations); it is right within 25% and its interval, when it
// has one, should hold the truth. A comparison is right when both periods' customers are within 25%
// and the answer says the direction the truth took. Rankings, exact care figures, example citations,
// the spike and honest "cannot answer / data ends" replies are right or wrong. `answered_correct` is
// the share right overall.
import type { AskFigure, AskResult } from '../../src/chains/ask/types.ts'
import { OTHER_INTENT } from '../../src/chains/classify/taxonomy.ts'
import { conversationExternalIds } from '../../src/store/ask.ts'
import {
  awaitingCount, channelWithMostComplaints, complaintShareByChannel, customerMessages, DEMO_NOW, firstResponseMinutes, isoWeekRange, median, monthRange,
  round1, topComplaintOf, topComplaintTopicIn, topicCount, TOPICS, type CustomerMessage, type Range, type Topic,
} from '../demo-questions.ts'
import { mean } from '../metrics.ts'
import type { Suite, SuiteContext, SuiteResult } from '../runner.ts'
import type { ConversationRow } from '../../src/pipeline/dataset-formats.ts'

type Ctx = SuiteContext<'conversation'>
type Kind = 'count' | 'rank' | 'theme_rank' | 'compare' | 'exact' | 'examples' | 'spike' | 'honest'

/** A count is right when within this share of the truth. */
export const COUNT_TOLERANCE = 0.25

interface Scored {
  correct: boolean
  relativeError?: number
  covered?: boolean
  precision?: number
  got?: unknown
  expected?: unknown
}

interface Question {
  kind: Kind
  question: string
  now?: string
  score(result: AskResult, tools: Tools): Promise<Scored> | Scored
}

interface Tools {
  ctx: Ctx
  scenarioOf(conversationId: string): string | undefined
}

const PERIODS: Array<{ words: string; range: Range }> = [
  { words: 'in September', range: monthRange(2026, 9) },
  { words: 'in October', range: monthRange(2026, 10) },
  { words: 'in week 44', range: isoWeekRange(2026, 44) },
]

type Unit = 'messages' | 'conversations'

/** The figure a count question is answered by: the first plain count in the unit asked for. */
const countFigure = (result: AskResult, unit: Unit) => result.figures.find((f) => f.kind === 'count' && !f.group && f.unit === unit)

function scoreCount(result: AskResult, truth: { messages: number; conversations: number }, unit: Unit): Scored {
  const expected = truth[unit]
  const figure = countFigure(result, unit)
  if (!figure) return { correct: false, relativeError: 1, expected }
  const relativeError = Math.abs(figure.value - expected) / Math.max(1, expected)
  const covered = figure.estimate ? figure.estimate.low <= expected && expected <= figure.estimate.high : undefined
  return { correct: relativeError <= COUNT_TOLERANCE, relativeError, covered, got: figure.value, expected: `${expected} ${unit}` }
}

/** The top named row of the answer's ranking: `other` is what matched no subject, never the answer. */
const topRow = (result: AskResult) =>
  result.figures.filter((f) => f.kind === 'breakdown' && f.group?.intent !== OTHER_INTENT).sort((a, b) => b.value - a.value)[0]

const namesTopic = (row: AskFigure | undefined, topic: Topic) =>
  Boolean(row && ((row.group?.intent && topic.intents.includes(row.group.intent)) || (row.group?.theme && topic.themePattern.test(row.group.theme))))

const topicOfScenario = (scenario: string | undefined) => Object.values(TOPICS).find((t) => scenario && t.scenarios.includes(scenario))

function countQuestions(messages: CustomerMessage[]): Question[] {
  const out: Question[] = []
  for (const key of ['billing', 'delivery', 'wifi', 'password', 'cancellation', 'app'] as const) {
    const topic = TOPICS[key]!
    for (const period of PERIODS) {
      const truth = topicCount(messages, topic, period.range)
      out.push({ kind: 'count', question: `How many messages about ${topic.words} ${period.words}?`, score: (r) => scoreCount(r, truth, 'messages') })
      out.push({ kind: 'count', question: `How many customers complained about ${topic.words} ${period.words}?`, score: (r) => scoreCount(r, truth, 'conversations') })
    }
  }
  const outage = topicCount(messages, TOPICS.outage!, { from: '2026-10-27T00:00:00.000Z', to: '2026-10-30T00:00:00.000Z' })
  out.push({ kind: 'count', question: 'How many messages about the outage from 27 to 29 October?', score: (r) => scoreCount(r, outage, 'messages') })
  const billingFr = topicCount(messages, TOPICS.billing!, monthRange(2026, 10))
  out.push({ kind: 'count', question: 'Combien de messages sur la facturation en octobre ?', score: (r) => scoreCount(r, billingFr, 'messages') })
  const deliveryDe = topicCount(messages, TOPICS.delivery!, monthRange(2026, 9))
  out.push({ kind: 'count', question: 'Wie viele Nachrichten zur Lieferung im September?', score: (r) => scoreCount(r, deliveryDe, 'messages') })
  // A thing named in the asker's language: the customers wrote in five, the weekly themes are labelled in English.
  const named: Array<[string, Topic, Range, Unit]> = [
    ['Wie viele Nachrichten über das WLAN im Oktober?', TOPICS.wifi!, monthRange(2026, 10), 'messages'],
    ['Combien de clients se sont plaints de la télécommande en septembre ?', TOPICS.remote!, monthRange(2026, 9), 'conversations'],
    ['¿Cuántos mensajes sobre el mando a distancia en septiembre?', TOPICS.remote!, monthRange(2026, 9), 'messages'],
    ["Combien de messages sur l'appli en novembre ?", TOPICS.app!, monthRange(2026, 11), 'messages'],
    ['Quantas mensagens sobre o aplicativo em novembro?', TOPICS.app!, monthRange(2026, 11), 'messages'],
  ]
  for (const [question, topic, range, unit] of named) {
    const truth = topicCount(messages, topic, range)
    out.push({ kind: 'count', question, score: (r) => scoreCount(r, truth, unit) })
  }
  return out
}

/**
 * "Did delivery complaints go up in October?": right when both months' customers who complained are
 * within the tolerance of the truth and the answer says the direction the truth took.
 */
function compareQuestions(messages: CustomerMessage[]): Question[] {
  const [september, october] = [monthRange(2026, 9), monthRange(2026, 10)]
  const now = topicCount(messages, TOPICS.delivery!, october).conversations
  const before = topicCount(messages, TOPICS.delivery!, september).conversations
  const direction = now > before ? 'up' : now < before ? 'down' : 'about the same'
  const compare = (question: string): Question => ({
    kind: 'compare',
    question,
    score: (r) => {
      const got = r.figures.find((f) => f.kind === 'count' && !f.group && f.unit === 'conversations')?.value
      const gotBefore = r.figures.find((f) => f.kind === 'previous_count' && f.unit === 'conversations')?.value
      const near = (x: number | undefined, truth: number) => x !== undefined && Math.abs(x - truth) <= COUNT_TOLERANCE * Math.max(1, truth)
      const said = new RegExp(`customers complained[^.]*: ${direction}`).test(r.answer)
      return { correct: near(got, now) && near(gotBefore, before) && said, got: { october: got, september: gotBefore, said }, expected: { october: now, september: before, direction } }
    },
  })
  return [compare('Did delivery complaints go up in October?'), compare('Did delivery complaints go up in October compared with September?')]
}

function rankQuestions(messages: CustomerMessage[]): Question[] {
  const channel = channelWithMostComplaints(messages)
  const byChannel = (question: string): Question => ({
    kind: 'rank',
    question,
    score: (r) => ({ correct: topRow(r)?.group?.channel === channel, got: topRow(r)?.group?.channel, expected: channel }),
  })
  const french = topicOfScenario(topComplaintOf(messages, 'fr'))
  const byTopic = (question: string): Question => ({
    kind: 'rank',
    question,
    score: (r) => ({ correct: Boolean(french) && namesTopic(topRow(r), french!), got: topRow(r)?.group, expected: french?.words }),
  })
  // "Which theme has the most complaints": ranked by the weekly themes' stored members.
  const octoberTop = TOPICS[topComplaintTopicIn(messages, monthRange(2026, 10)) ?? '']
  const byTheme = (question: string): Question => ({
    kind: 'theme_rank',
    question,
    score: (r) => ({
      correct: Boolean(octoberTop) && Boolean(topRow(r)?.group?.theme) && namesTopic(topRow(r), octoberTop!),
      got: r.figures.filter((f) => f.kind === 'breakdown').slice(0, 3).map((f) => `${f.group?.theme}: ${Math.round(f.value)}`),
      expected: octoberTop?.words,
    }),
  })
  // "Which channel has the highest share of complaints?": each channel's share of complaining
  // conversations, right when every channel's is within the tolerance of the truth and its interval holds it.
  const shares = complaintShareByChannel(messages)
  const byRate = (question: string): Question => ({
    kind: 'rank',
    question,
    score: (r) => {
      const rows = new Map(r.figures.filter((f) => f.kind === 'breakdown' && f.unit === 'percent' && f.group?.channel).map((f) => [f.group!.channel!, f]))
      const errors = [...shares].map(([channel, truth]) => {
        const f = rows.get(channel)
        return f ? { error: Math.abs(f.value - truth) / truth, covered: f.estimate !== undefined && f.estimate.low <= truth && truth <= f.estimate.high } : { error: 1, covered: false }
      })
      const relativeError = Math.max(...errors.map((e) => e.error))
      const covered = errors.every((e) => e.covered)
      return { correct: relativeError <= COUNT_TOLERANCE && covered, relativeError, covered, got: Object.fromEntries([...rows].map(([c, f]) => [c, f.value])), expected: Object.fromEntries([...shares].map(([c, v]) => [c, Math.round(10 * v) / 10])) }
    },
  })
  return [
    byRate('Which channel has the highest share of complaints?'),
    byRate('Quel canal a la plus forte proportion de réclamations ?'),
    byTheme('Which theme has the most complaints in October?'),
    byTheme('Quel thème a le plus de réclamations en octobre ?'),
    byChannel('Which channel has the most complaints?'),
    byChannel('Quel canal a le plus de réclamations ?'),
    byChannel('Welcher Kanal hat die meisten Beschwerden?'),
    byChannel('¿Qué canal tiene más quejas?'),
    byChannel('Qual canal tem mais reclamações?'),
    byTopic('What do French-speaking customers complain about most?'),
    byTopic('De quoi les clients francophones se plaignent-ils le plus ?'),
  ]
}

function exactQuestions(rows: ConversationRow[]): Question[] {
  const awaiting = awaitingCount(rows)
  const awaitingQ = (question: string): Question => ({
    kind: 'exact',
    question,
    score: (r) => {
      const got = r.figures.find((f) => f.kind === 'awaiting_reply')?.value
      return { correct: got === awaiting, got, expected: awaiting }
    },
  })
  const medianOf = (channel?: string) => round1(median(firstResponseMinutes(channel ? rows.filter((r) => r.channel === channel) : rows)))
  const medianFigure = (r: AskResult, channel?: string) =>
    r.figures.find((f) => f.kind === 'response_time' && f.group?.measure === 'median' && (channel ? f.group?.channel === channel : !f.group?.channel))?.value
  const channels = [...new Set(rows.map((r) => r.channel))].sort()
  const perChannel = (question: string): Question => ({
    kind: 'exact',
    question,
    score: (r) => {
      const got = Object.fromEntries(channels.map((c) => [c, medianFigure(r, c)]))
      const expected = Object.fromEntries(channels.map((c) => [c, medianOf(c)]))
      return { correct: channels.every((c) => got[c] === expected[c]), got, expected }
    },
  })
  const onX = (question: string): Question => ({
    kind: 'exact',
    question,
    score: (r) => ({ correct: r.plan.filters.channel === 'x' && medianFigure(r) === medianOf('x'), got: medianFigure(r), expected: medianOf('x') }),
  })
  return [
    awaitingQ('How many conversations are still waiting for a reply?'),
    awaitingQ('Combien de conversations attendent encore une réponse ?'),
    awaitingQ('Wie viele Gespräche warten noch auf eine Antwort?'),
    awaitingQ('¿Cuántas conversaciones siguen esperando respuesta?'),
    awaitingQ('Quantas conversas ainda estão aguardando resposta?'),
    perChannel('How fast do we reply on each channel?'),
    onX('How fast do we reply on X?'),
  ]
}

function exampleQuestions(): Question[] {
  const examples = (question: string, topic: Topic): Question => ({
    kind: 'examples',
    question,
    score: (r, tools) => {
      const cited = r.citations.map((c) => tools.scenarioOf(c.conversationId))
      const precision = cited.length ? cited.filter((s) => s && topic.scenarios.includes(s)).length / cited.length : 0
      return { correct: precision >= 0.85, precision, got: cited.length, expected: topic.words }
    },
  })
  return [
    examples('Show examples of billing complaints', TOPICS.billing!),
    examples('Show me messages about delivery delays', TOPICS.delivery!),
    examples('Examples of customers who cannot reset their password', TOPICS.password!),
    examples('Montre des exemples de plaintes sur le wifi', TOPICS.wifi!),
  ]
}

function spikeQuestions(): Question[] {
  // Ground truth: the theme (or intent) that grew most in W44 is the regional outage of 27–29 Oct.
  const spike = (question: string, now: string): Question => ({
    kind: 'spike',
    question,
    now,
    async score(r, tools) {
      const grown = r.figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
      if (grown?.group?.theme) {
        const report = await tools.ctx.services.themes.report(tools.ctx.workspaceId, '2026-W44')
        const theme = report.themes.find((t) => t.label === grown.group!.theme)
        const quoted = theme?.quotes.map((q) => tools.scenarioOf(q.conversationId)) ?? []
        const outage = quoted.filter((s) => s === 'regional_outage').length
        return { correct: outage * 2 > quoted.length, got: grown.group.theme, expected: 'regional_outage' }
      }
      const moved = r.figures
        .filter((f) => f.kind === 'breakdown' && f.previousValue !== undefined && f.group?.intent && f.group.intent !== OTHER_INTENT)
        .sort((a, b) => b.value - b.previousValue! - (a.value - a.previousValue!))[0]
      return { correct: namesTopic(moved, TOPICS.outage!), got: moved?.group, expected: 'regional_outage' }
    },
  })
  return [spike('Why did volume spike last week?', '2026-11-03T09:00:00Z'), spike('Why did volume spike in week 44?', DEMO_NOW)]
}

function honestQuestions(messages: CustomerMessage[]): Question[] {
  const lastDay = messages.map((m) => m.sentAt).sort().at(-1)!.slice(0, 10)
  return [
    {
      kind: 'honest',
      question: 'How many complaints last week?',
      now: '2026-12-15T09:00:00Z',
      score: (r) => ({ correct: r.dataEndsAt?.slice(0, 10) === lastDay && r.suggestedRange !== undefined, got: r.dataEndsAt, expected: lastDay }),
    },
    {
      kind: 'honest',
      question: 'blorp zzz quux?',
      score: (r) => ({ correct: r.plan.understood === false, got: r.plan.understood }),
    },
  ]
}

export function demoQuestions(rows: ConversationRow[]): Question[] {
  const messages = customerMessages(rows)
  return [...countQuestions(messages), ...rankQuestions(messages), ...compareQuestions(messages), ...exactQuestions(rows), ...exampleQuestions(), ...spikeQuestions(), ...honestQuestions(messages)]
}

const shareCorrect = (scored: Array<{ kind: Kind; s: Scored }>, kind: Kind) => mean(scored.filter((x) => x.kind === kind).map((x) => (x.s.correct ? 1 : 0)))

export const askDemoSuite: Suite<'conversation'> = {
  name: 'ask-demo',
  description: "issue #12's questions (counts, rankings, care KPIs, examples, spike, honesty) on the demo corpus, truth from its scenario labels",
  format: 'conversation',
  prompts: ['ask-plan', 'ask-answer', 'classify'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const rows = ctx.dataset.rows
    if (!rows.some((r) => typeof r.metadata.scenario === 'string')) throw new Error('ask-demo: the conversations carry no metadata.scenario to compute answers from')
    // The scenario is the answer key: Parley never sees it.
    await ctx.ingestRows(rows, { omitFields: ['metadata'] })
    const externalOf = await conversationExternalIds(ctx.services.db, ctx.workspaceId)
    const scenarioByExternal = new Map(rows.map((r) => [r.externalId, String(r.metadata.scenario)]))
    const tools: Tools = { ctx, scenarioOf: (id) => scenarioByExternal.get(externalOf.get(id) ?? '') }

    const questions = demoQuestions(rows)
    const scored: Array<{ kind: Kind; question: string; s: Scored }> = []
    const progress = ctx.progress('ask-demo questions', questions.length)
    for (const q of questions) {
      const result = await ctx.services.chains.ask.ask(ctx.workspaceId, q.question, { now: new Date(q.now ?? DEMO_NOW) })
      scored.push({ kind: q.kind, question: q.question, s: await q.score(result, tools) })
      progress.tick(1)
    }
    progress.done()
    const counts = scored.filter((x) => x.kind === 'count')
    const covered = counts.filter((x) => x.s.covered !== undefined).map((x) => (x.s.covered ? 1 : 0))
    return {
      n: questions.length,
      metrics: {
        answered_correct: mean(scored.map((x) => (x.s.correct ? 1 : 0))),
        figure_relative_error: median(counts.map((x) => x.s.relativeError ?? 1)),
        count_within_tolerance: shareCorrect(scored, 'count'),
        interval_coverage: mean(covered),
        rank_correct: shareCorrect(scored, 'rank'),
        // Apart from rank_correct: it measures the weekly themes' clustering as much as the ranking.
        theme_rank_correct: shareCorrect(scored, 'theme_rank'),
        compare_correct: shareCorrect(scored, 'compare'),
        exact_correct: shareCorrect(scored, 'exact'),
        citation_precision: mean(scored.filter((x) => x.kind === 'examples').map((x) => x.s.precision ?? 0)),
        spike_correct: shareCorrect(scored, 'spike'),
        honest_correct: shareCorrect(scored, 'honest'),
      },
      details: {
        questions_by_kind: Object.fromEntries(['count', 'rank', 'theme_rank', 'compare', 'exact', 'examples', 'spike', 'honest'].map((k) => [k, scored.filter((x) => x.kind === k).length])),
        estimated_counts: covered.length,
        per_question: scored.map((x) => ({ kind: x.kind, question: x.question, correct: x.s.correct, got: x.s.got, expected: x.s.expected, relative_error: x.s.relativeError, covered: x.s.covered, precision: x.s.precision })),
      },
    }
  },
}
