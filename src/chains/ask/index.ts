// The ask chain: plan → figures (SQL) → citations (hybrid retrieval) → answer. The planner and the
// answerer each have an LLM and a local implementation; the LLM ones fall back to local on failure
// and the result then says `degraded` with the reason.
import type { Embedder } from '../../embeddings/embedder.ts'
import type { LlmContext } from '../../llm/context.ts'
import type { Queryable } from '../../store/db.ts'
import { segmentValues, themeLabels, workspaceChannels } from '../../store/ask.ts'
import { dataExtent, type DataExtent } from '../../store/ask-figures.ts'
import { brandHandlesOf } from '../../store/voice-setting.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import { maskPersonal, personTokens } from '../../safety/personal.ts'
import { taxonomyOf } from '../classify/workspace-labels.ts'
import { isoWeekOf, weekRange } from '../themes/week.ts'
import { createLlmAnswerer } from './answer-llm.ts'
import { createLocalAnswerer, prefaceOf, quote } from './answer-local.ts'
import { asksThemesGrown, computeFigures } from './figures.ts'
import { labelsIn } from './labels/index.ts'
import { answerLanguage } from './phrases/index.ts'
import { createLlmPlanner } from './planner-llm.ts'
import { createLocalPlanner, describePlan, explainedWords, narrowerWords, partOfIntentWords } from './planner-local.ts'
import { DEFAULT_CITATIONS, retrieve } from './retrieve.ts'
import { ensureWeeksOf, eventWeeks, resolveTheme, themeGroupsOf, themeQuery, themeWords, unusedTopicWords, type ThemeWeeks } from './theme-filter.ts'
import { makeRange, previousOf, rangeLabel, startOf } from './time.ts'
import type { AskChain, AskFilters, AskPlan, AskVocabulary, PlanOverrides, TimeRange } from './types.ts'

/** Workspace setting: { segments: ["airline", "region"] } — conversation metadata keys a question may filter on. */
export const ASK_SETTING = 'ask'
export const EXAMPLES_CITATIONS = 8
export const CITATION_EXCERPT_CHARS = 400

export interface AskChainDeps {
  db: Queryable
  embedder: Embedder
  clock: () => Date
  llm?: LlmContext
  redactHandles?: boolean
  /** Computes the weeks a theme question needs when they have no themes yet; without it only stored weeks are matched. */
  themes?: ThemeWeeks
}

export function segmentKeysOf(settings: Record<string, unknown>): string[] {
  const segments = (settings[ASK_SETTING] as { segments?: unknown } | undefined)?.segments
  return Array.isArray(segments) ? segments.filter((s): s is string => typeof s === 'string') : []
}

export async function loadVocabulary(db: Queryable, workspaceId: string): Promise<AskVocabulary> {
  const settings = (await workspacesRepo(db).get(workspaceId))?.settings ?? {}
  const [channels, themes, segments] = await Promise.all([
    workspaceChannels(db, workspaceId),
    themeLabels(db, workspaceId),
    segmentValues(db, workspaceId, segmentKeysOf(settings)),
  ])
  return { intents: taxonomyOf(settings).map(({ name, description }) => ({ name, description })), channels, themes, segments }
}

export function createAskChain(deps: AskChainDeps): AskChain {
  const planner = deps.llm ? createLlmPlanner(deps.llm, { redactHandles: deps.redactHandles }) : createLocalPlanner()
  const answerer = deps.llm ? createLlmAnswerer(deps.llm, { redactHandles: deps.redactHandles }) : createLocalAnswerer()
  return {
    mode: deps.llm ? 'llm' : 'local',
    async ask(workspaceId, question, opts = {}) {
      const now = opts.now ?? deps.clock()
      const vocabulary = await loadVocabulary(deps.db, workspaceId)
      const planned = await planner.plan({ question, now, vocabulary, workspaceId, signal: opts.signal })
      const read = applyOverrides(planned.plan, opts.overrides)
      // A reader who edited the filters named the theme (or removed it) themselves: the topic no longer decides.
      const explained = explainedWords(read.filters, vocabulary)
      const query = opts.overrides?.filters ? themeWords(read.filters.theme ?? '') : themeQuery(read, explained, narrowerWords(read))
      const themeDeps = { db: deps.db, themes: deps.themes }
      let resolvedTheme = await resolveTheme(themeDeps, workspaceId, read, query, now)
      const left = opts.overrides?.filters || resolvedTheme.plan.filters.theme || !read.wantsShare ? [] : unusedTopicWords(read, explained)
      if (left.length) {
        // "What share of delivery messages were about the voice remote?" asks for a part of the intent: a
        // weekly theme mostly about the intent that goes by those words narrows it, as "the outage" narrows
        // connectivity; a theme about something else ("billing and the router") does not. A count keeps the
        // whole intent: "password resets" are all of account login, of which its theme caught a quarter.
        const within = await resolveTheme(themeDeps, workspaceId, read, left, now, { withinIntent: read.filters.intent })
        if (within.plan.filters.theme) resolvedTheme = within
      }
      if (!opts.overrides?.timeRange) resolvedTheme = eventWeeks(resolvedTheme)
      const { filters } = resolvedTheme
      const unused = opts.overrides?.filters ? [] : [...unusedTopicWords(resolvedTheme.plan, explained), ...partOfIntentWords(resolvedTheme.plan)]
      const narrowed = unused.length
        ? { ...resolvedTheme.plan, notNarrowedBy: unused.join(' '), understoodAs: `${resolvedTheme.plan.understoodAs ?? ''}; not narrowed by "${unused.join(' ')}": the intent ${read.filters.intent} names the subject` }
        : resolvedTheme.plan
      // Where the workspace's data starts and ends, read once for both checks that need it.
      const extent = await dataExtent(deps.db, workspaceId, now.toISOString())
      const { plan, dataStartsAt } = withinData(extent, narrowed)
      // "Why did volume spike": the themes that grew are read from both periods' weekly runs, computed
      // now when missing, so the answer does not depend on whether someone opened a report first.
      if (asksThemesGrown(plan)) await ensureWeeksOf({ db: deps.db, themes: deps.themes }, workspaceId, plan, now)
      // The store reads the theme's members; the plan returned shows the theme by its words and labels.
      const resolved = { ...plan, filters }
      // "Which theme has the most …": the themes of the plan's weeks, computed now when missing.
      const themeGroups = plan.kind === 'rank' && plan.groupBy === 'theme' ? await themeGroupsOf({ db: deps.db, themes: deps.themes }, workspaceId, plan, now) : undefined
      const language = answerLanguage(question)
      const computed = await computeFigures(deps.db, workspaceId, resolved, {
        intents: vocabulary.intents.map((i) => i.name), asOf: now.toISOString(), extent, labels: labelsIn(language), ...(themeGroups?.length ? { themeGroups } : {}),
      })
      // Against a period the data only partly covers, a change in percent is no figure: "3100%" beside the caveat.
      const figures = dataStartsAt ? computed.filter((f) => f.kind !== 'change') : computed
      // Care figures and measures of conversations count conversations; their quotes would say nothing about a time or a mean.
      const ofConversations = plan.kind === 'awaiting' || plan.kind === 'response_time' || plan.measure !== undefined
      const matched = figures.find((f) => f.kind === 'count' && (f.unit === 'messages' || ofConversations))?.value ?? 0
      // Ranked by a time of sending alone, every message is behind the figures: a few found by the question's words say nothing.
      const bySendingTime = plan.kind === 'rank' && (plan.groupBy === 'day' || plan.groupBy === 'weekday' || plan.groupBy === 'hour') && !plan.filters.sentiment && !plan.filters.intent
      const retrieved = matched > 0 && !ofConversations && !bySendingTime
        ? await retrieve(deps, workspaceId, resolved, question, plan.kind === 'examples' ? EXAMPLES_CITATIONS : DEFAULT_CITATIONS)
        : []
      // Citations are read and forwarded like theme quotes: personal data stays masked, the customer's own
      // name too ("That's not good enough, honestly. Rhiannon" was quoted with it).
      const brandHandles = retrieved.length ? await brandHandlesOf(deps.db, workspaceId) : []
      const citations = retrieved.map(({ people, ...r }, i) => ({ ...r, n: i + 1, text: quote(maskPersonal(r.text, personTokens(people), brandHandles), CITATION_EXCERPT_CHARS) }))
      const ends = matched > 0 ? undefined : whereDataEnds(extent, plan)
      const starts = dataStartsAt ? { dataStartsAt } : {}
      const answered = await answerer.answer({ question, plan, figures, citations, workspaceId, signal: opts.signal, ...ends, ...starts })
      const degradedReason = planned.degradedReason ?? answered.degradedReason
      const preface = prefaceOf({ question, plan, ...ends, ...starts })
      return {
        answer: preface ? `${preface} ${answered.answer}` : answered.answer,
        language,
        figures,
        citations,
        plan,
        degraded: planned.degraded || answered.degraded,
        ...(degradedReason ? { degradedReason } : {}),
        ...ends,
        ...starts,
      }
    },
  }
}

/**
 * The plan against the data the workspace holds. A period before the first stored message is no
 * baseline: "How many billing messages were there in September?" said "up from 3 in the previous period
 * (1 Aug – 31 Aug)", the demo's first day, and "last 90 days" "none in the previous period". The previous
 * period a count or trend adds on its own is dropped when it begins before the first message's day; one the
 * question asks to compare against is kept, and the answer says it is only partly covered (`dataStartsAt`).
 */
export function withinData(extent: DataExtent | undefined, asked: AskPlan): { plan: AskPlan; dataStartsAt?: string } {
  const plan = latestWeeksWithData(extent, latestWeekWithData(extent, asked))
  if (!plan.previousRange) return { plan }
  if (!extent || Date.parse(plan.previousRange.from) >= startOf('day', new Date(extent.first)).getTime()) return { plan }
  if (plan.kind === 'compare') return { plan, dataStartsAt: extent.first }
  const { previousRange: _dropped, ...rest } = plan
  return { plan: rest }
}

const DAY_MS = 86_400_000

/**
 * "Which themes grew?" names no period and was read as last week: when the data ends before it, the
 * week of the last message is compared with the one before (it said there was no data for last week).
 */
function latestWeekWithData(extent: DataExtent | undefined, plan: AskPlan): AskPlan {
  if (!plan.periodAssumed || !extent || Date.parse(extent.last) >= Date.parse(plan.timeRange.from)) return plan
  const week = isoWeekOf(new Date(extent.last))
  const { from, to } = weekRange(week)
  const timeRange = makeRange(from, to, `the last week with data (${rangeLabel(from, to)})`)
  return { ...plan, timeRange, previousRange: previousOf(timeRange), understoodAs: describePlan({ ...plan, timeRange }, plan) }
}

/**
 * "Lately" is the four weeks up to the last message when the data ends before now: on a stored history,
 * "Les clients se plaignent-ils encore de la facturation ?" compared 9 Nov – 7 Dec (a day and a half of
 * data) with the four full weeks before, and said billing complaints were down 90.9%.
 */
function latestWeeksWithData(extent: DataExtent | undefined, plan: AskPlan): AskPlan {
  if (!plan.recent || !extent || Date.parse(extent.last) + DAY_MS >= Date.parse(plan.timeRange.to)) return plan
  const to = startOf('day', new Date(Date.parse(extent.last) + DAY_MS))
  const timeRange = makeRange(new Date(to.getTime() - (Date.parse(plan.timeRange.to) - Date.parse(plan.timeRange.from))), to)
  return { ...plan, timeRange, ...(plan.previousRange ? { previousRange: previousOf(timeRange) } : {}), understoodAs: describePlan({ ...plan, timeRange }, plan) }
}

/**
 * A reader's edits of the reading replace the planner's: the time range (a compared period moves with
 * it) and the filters as a whole. The plan says it was edited and describes itself again.
 */
export function applyOverrides(plan: AskPlan, overrides: PlanOverrides | undefined): AskPlan {
  if (!overrides || (!overrides.timeRange && !overrides.filters)) return plan
  const next: AskPlan = { ...plan, edited: true, understood: true }
  if (overrides.timeRange) {
    next.timeRange = makeRange(new Date(overrides.timeRange.from), new Date(overrides.timeRange.to))
    if (plan.previousRange) next.previousRange = previousOf(next.timeRange)
  }
  if (overrides.filters) {
    const given = Object.entries(overrides.filters).filter(([, v]) => v !== undefined && v !== '' && !(typeof v === 'object' && Object.keys(v).length === 0))
    next.filters = { ...(Object.fromEntries(given) as Omit<AskFilters, 'customerRole'>), customerRole: 'customer' }
    delete next.themeMatched
  }
  next.understoodAs = `${describePlan(next, { kind: next.kind, groupBy: next.groupBy, top: next.top })} (edited)`
  return next
}

/**
 * The range asked about holds no data but older data exists (a stored history asked about "last week"):
 * where the data ends, and the range of the same length ending there, to offer instead.
 */
export function whereDataEnds(extent: DataExtent | undefined, plan: AskPlan): { dataEndsAt: string; suggestedRange: TimeRange } | undefined {
  if (!extent || Date.parse(extent.last) >= Date.parse(plan.timeRange.from)) return undefined
  const length = Math.max(DAY_MS, Date.parse(plan.timeRange.to) - Date.parse(plan.timeRange.from))
  const to = startOf('day', new Date(Date.parse(extent.last) + DAY_MS))
  const from = new Date(Math.max(Date.parse(extent.first) - (Date.parse(extent.first) % DAY_MS), to.getTime() - length))
  return { dataEndsAt: extent.last, suggestedRange: makeRange(from, to) }
}
