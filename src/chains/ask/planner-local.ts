// The local (no-LLM) planner: cue words decide the kind of question, chrono-node and calendar rules
// the time range, and the workspace's own vocabulary (intents, channels, themes, segments) the filters.
import { stopwordsFor, words } from '../../text/tokenize.ts'
import { makeRange, previousOf, resolveTimeExpressions } from './time.ts'
import type { AskFilters, AskKind, AskPlan, AskPlanner, AskVocabulary, PlanRequest, TimeRange } from './types.ts'

/** No time in the question: every stored message counts, up to now. */
export const ALL_TIME_FROM = '1970-01-01T00:00:00.000Z'

const KIND_CUES: Array<[AskKind, RegExp]> = [
  ['examples', /\b(examples?|show me|show|quotes?|samples?|list (?:some |the )?(?:messages|tweets|posts))\b/i],
  ['compare', /\b(compare[ds]?|comparison|versus|vs\.?|grew|grown|grow|growing|increased?|rose|risen|rising|declined?|fell|fallen|dropped|decreased?|more than|fewer than|less than)\b/i],
  ['trend', /\b(how (?:did|has|have|does|do|is|was) .{0,80}\b(?:change[ds]?|evolved?|develop(?:ed)?|move[ds]?|trend(?:ed)?|shift(?:ed)?)|trends?|over time|week by week|per week|weekly|month by month)\b/i],
  ['count', /\b(how many|number of|count|what share|which share|what percent(?:age)?|what proportion|what fraction|how much of|how often|percentage of|share of)\b/i],
  ['why', /\b(why|what (?:do|did|are|were|is|was)|reasons?|main (?:issues|topics|problems)|about what)\b/i],
]
const SHARE_CUE = /\b(share|percent(?:age)?|proportion|fraction|ratio|%)/i

const SENTIMENT_CUES: Array<['negative' | 'positive' | 'neutral', RegExp]> = [
  ['negative', /\b(unhappy|complain(?:s|ed|ing|ts?)?|angry|upset|frustrat(?:ed|ion)|dissatisfied|negative|annoyed|disappointed|furious|bad experiences?|mad at)\b/i],
  ['positive', /\b(happy|praised?|praising|positive|satisfied|pleased|delighted|love[ds]?|compliments?|thank(?:ed|s)?|grateful)\b/i],
  ['neutral', /\bneutral\b/i],
]

/** Channel names people use → the channel ids ingestion stores. */
const CHANNEL_WORDS: Array<[string, RegExp]> = [
  ['x', /\b(twitter|tweets?|tweeted|(?:on|via|from) x|x posts?)\b/i],
  ['instagram', /\b(instagram|insta|ig)\b/i],
  ['facebook', /\b(facebook|fb|messenger)\b/i],
  ['whatsapp', /\b(whats ?app)\b/i],
  ['email', /\b(e-?mails?|by mail)\b/i],
  ['chat', /\b((?:live |web )?chat)\b/i],
]

/** Language names and adjectives → ISO 639-1 ("French-speaking", "francophone", "Korean"). */
const LANGUAGE_WORDS: Record<string, string[]> = {
  en: ['english', 'anglophone'], fr: ['french', 'francophone'], es: ['spanish', 'hispanophone'], de: ['german', 'germanophone'],
  pt: ['portuguese', 'brazilian', 'lusophone'], it: ['italian'], ko: ['korean'], th: ['thai'], ja: ['japanese'], zh: ['chinese', 'mandarin'],
  nl: ['dutch', 'flemish'], ar: ['arabic'], hi: ['hindi'], ru: ['russian'], pl: ['polish'], tr: ['turkish'], sv: ['swedish'], id: ['indonesian'],
  vi: ['vietnamese'],
}

/** Everyday words for the default taxonomy's intents; a workspace's own intents match by name. */
const INTENT_SYNONYMS: Record<string, string[]> = {
  delivery: ['delivery', 'deliveries', 'shipping', 'shipment', 'parcel', 'package', 'courier', 'tracking', 'late order', 'backorder'],
  billing: ['billing', 'bill', 'charged', 'charge', 'double charge', 'invoice', 'refund', 'payment', 'overcharged', 'price rise', 'price increase'],
  bug_outage: ['outage', 'crash', 'crashes', 'crashing', 'bug', 'broken', 'error', 'not loading'],
  account_login: ['login', 'log in', 'sign in', 'password', 'locked out', 'account access', 'two-factor', '2fa'],
  cancellation: ['cancel', 'cancellation', 'cancelling', 'canceling', 'churn', 'leaving'],
  feature_request: ['feature request', 'feature', 'suggestion'],
  praise: ['praise', 'compliment'],
  question: ['questions'],
}

/** Words of the question that say what is asked, not what about: kept out of the retrieval topic. */
const NON_TOPIC = new Set([
  'how', 'many', 'much', 'share', 'percentage', 'percent', 'proportion', 'fraction', 'why', 'what', 'which', 'who', 'when', 'customers',
  'customer', 'people', 'users', 'messages', 'message', 'tweets', 'tweet', 'posts', 'post', 'conversations', 'complaints', 'complaint',
  'complain', 'complaining', 'complained', 'examples', 'example', 'show', 'me', 'change', 'changed', 'sentiment', 'grew', 'most', 'period',
  'between', 'since', 'speaking', 'count', 'number', 'compare', 'compared', 'trend', 'did', 'do', 'were', 'was', 'about', 'unhappy',
  'happy', 'angry', 'upset', 'negative', 'positive', 'neutral', 'praise', 'reason', 'reasons', 'main', 'week', 'month', 'year', 'days',
  'say', 'saying', 'said', 'says', 'talk', 'talking', 'think', 'thinking', 'feel', 'feeling', 'felt', 'write', 'writing', 'wrote',
  'mention', 'mentioning', 'mentioned', 'problem', 'problems', 'issue', 'issues', 'topic', 'topics', 'common', 'often', 'top',
])

export interface LocalPlannerOptions {
  /** Add the previous period of the same length to count/why/trend plans (for "change vs previous"). */
  comparePrevious?: boolean
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A phrase as a case-insensitive whole-word pattern; a trailing plural "s" is tolerated. */
function phrasePattern(phrase: string): RegExp {
  const body = phrase.trim().split(/[\s_]+/).map(escapeRe).join('[\\s_-]+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, 'iu')
}

/** The longest matching phrase wins: "customer service issue" over "issue", "double charge" over "charge". */
function bestMatch<T>(text: string, candidates: Array<{ value: T; phrase: string }>): { value: T; phrase: string; index: number } | undefined {
  let best: { value: T; phrase: string; index: number } | undefined
  for (const c of candidates) {
    if (c.phrase.trim().length < 2) continue
    const m = phrasePattern(c.phrase).exec(text)
    if (m && (!best || m[0].length > best.phrase.length)) best = { value: c.value, phrase: m[0], index: m.index }
  }
  return best
}

export function intentPhrases(vocabulary: AskVocabulary): Array<{ value: string; phrase: string }> {
  return vocabulary.intents.flatMap((intent) => {
    const phrases = [intent.name.replace(/_/g, ' '), ...(INTENT_SYNONYMS[intent.name] ?? [])]
    // A short description is a label ("Late Flight"); a long one is prose and would match anything.
    if (intent.description.trim().split(/\s+/).length <= 4) phrases.push(intent.description)
    // "complaint" is how people say negative, not which intent.
    return phrases.filter((p) => !/^complain/i.test(p)).map((phrase) => ({ value: intent.name, phrase }))
  })
}

export function detectKind(question: string): AskKind {
  for (const [kind, cue] of KIND_CUES) if (cue.test(question)) return kind
  return 'why'
}

export function matchFilters(question: string, vocabulary: AskVocabulary): { filters: AskFilters; spans: string[] } {
  const filters: AskFilters = { customerRole: 'customer' }
  const spans: string[] = []
  for (const [sentiment, cue] of SENTIMENT_CUES) {
    const m = cue.exec(question)
    if (m) {
      filters.sentiment = sentiment
      break
    }
  }
  for (const [channel, cue] of CHANNEL_WORDS) {
    const m = cue.exec(question)
    if (m) {
      filters.channel = channel
      break
    }
  }
  for (const [code, names] of Object.entries(LANGUAGE_WORDS)) {
    const m = new RegExp(`\\b(${names.join('|')})(?:[- ]speaking)?\\b`, 'i').exec(question)
    if (m) {
      filters.language = code
      spans.push(m[0])
      break
    }
  }
  const segment: Record<string, string> = {}
  for (const [key, values] of Object.entries(vocabulary.segments)) {
    const hit = bestMatch(question, values.map((value) => ({ value, phrase: value })))
    if (hit) {
      segment[key] = hit.value
      spans.push(hit.phrase)
    }
  }
  if (Object.keys(segment).length > 0) filters.segment = segment
  // Segment values are names ("United"); they must not be read as intents or themes too.
  const rest = spans.reduce((text, span) => text.replace(span, ' '), question)
  const intent = bestMatch(rest, intentPhrases(vocabulary))
  if (intent) filters.intent = intent.value
  const theme = bestMatch(rest, vocabulary.themes.map((label) => ({ value: label, phrase: label })))
  if (theme) filters.theme = theme.value
  return { filters, spans }
}

export function topicOf(question: string, spans: string[]): string | undefined {
  const text = spans.reduce((t, span) => t.replace(span, ' '), question)
  const stop = stopwordsFor('en')
  const kept = words(text).filter((w) => !stop.has(w) && !NON_TOPIC.has(w) && !/^\d+$/.test(w))
  return kept.length > 0 ? [...new Set(kept)].join(' ') : undefined
}

/** Plans a question without any model: deterministic, and the fallback of the LLM planner. */
export function planLocally(question: string, now: Date, vocabulary: AskVocabulary, opts: LocalPlannerOptions = {}): AskPlan {
  const time = resolveTimeExpressions(question, now)
  const kind = detectKind(question)
  const { filters, spans } = matchFilters(question, vocabulary)
  return buildPlan({ kind, ranges: time.ranges, filters, topic: topicOf(question, [...time.spans, ...spans]), wantsShare: SHARE_CUE.test(question), now, planner: 'local', comparePrevious: opts.comparePrevious })
}

/** Shared by both planners: ranges and kind → time range and previous range. */
export function buildPlan(input: {
  kind: AskKind
  ranges: TimeRange[]
  filters: AskFilters
  topic?: string
  wantsShare: boolean
  now: Date
  planner: 'local' | 'llm'
  comparePrevious?: boolean
}): AskPlan {
  const { kind, ranges, now } = input
  const filters = { ...input.filters }
  // "sentiment about the app": with no intent or theme naming the subject, count the messages that mention it.
  if (input.topic && !filters.intent && !filters.theme && !filters.mentions && (kind === 'trend' || kind === 'why' || kind === 'count')) {
    const terms = input.topic.split(/\s+/).filter((w) => /^[\p{L}\p{N}]{3,}$/u.test(w)).slice(0, 6)
    if (terms.length > 0) filters.mentions = terms.join(' or ')
  }
  let timeRange: TimeRange
  let previousRange: TimeRange | undefined
  if (ranges.length === 0) {
    timeRange = makeRange(new Date(ALL_TIME_FROM), now, 'all time')
  } else if (kind === 'compare' && ranges.length >= 2) {
    previousRange = ranges[0]
    timeRange = ranges[ranges.length - 1]!
  } else {
    timeRange = ranges[0]!
    if (kind === 'compare' || input.comparePrevious !== false) previousRange = previousOf(timeRange)
  }
  return {
    kind,
    timeRange,
    ...(previousRange ? { previousRange } : {}),
    filters,
    ...(input.topic ? { topic: input.topic } : {}),
    wantsShare: input.wantsShare,
    planner: input.planner,
  }
}

export function createLocalPlanner(opts: LocalPlannerOptions = {}): AskPlanner {
  return {
    mode: 'local',
    async plan(req: PlanRequest) {
      return { plan: planLocally(req.question, req.now, req.vocabulary, opts), degraded: false }
    },
  }
}
