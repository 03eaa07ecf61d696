// The local (no-LLM) planner: cue words (question-cues.ts) decide the kind of question, chrono-node and
// calendar rules the time range, and the workspace's own vocabulary (intents, channels, themes, segments)
// the filters.
import { stopwordsFor, words } from '../../text/tokenize.ts'
import { detectLanguage } from '../classify/language.ts'
import { MESSAGE_KIND_INTENTS } from '../classify/taxonomy.ts'
import { add, englishTimeWords, makeRange, nextOf, previousOf, resolveTimeExpressions, type ResolvedTime } from './time.ts'
import { anyNameQuery, namesOf, withSupportNamed } from './subject-words.ts'
import { AGENT_WORK_NOT_COMPUTED, AVERAGES_NOT_COMPUTED, AWAITING_CUE, BY_CUSTOMER_NOT_COMPUTED, BY_SLOT_NOT_COMPUTED, CHANGED_CUE, CHANNEL_WORDS, COMPARATIVE_FEELING, COMPLAINT_WORD, CONVERSATIONS_CUE, COUNTED_CONVERSATIONS, CUSTOMERS_CUE, DID_MOVE, DIRECTION_CUE, ELIDED, EVENT_TIME, GROUP_WORDS, HABITUAL_WEEKDAY, INTENT_SYNONYMS, isCueWord, KIND_CUES, LANGUAGE_WORDS, LEAST_CUE, MEASURE_CUES, MENTIONS_CUE, MOST_CUE, NON_TOPIC, NOT_COMPUTED, PER_GROUP_CUE, PRIORITY_CUE, RANK_CUE, RATE_CUE, RECENT_CUE, RESPONSE_TIME_CUE, SENTIMENT_ASKED, SENTIMENT_CUES, SHARE_CUE, SIDE_BY_SIDE, SPIKE_CUE, THEME_RATE_NOT_COMPUTED, topCount, waitedMinutes, WHICH_CUE, withinMinutes } from './question-cues.ts'
import type { AskFilters, AskKind, AskPlan, AskPlanner, AskVocabulary, GroupBy, PlanRequest, TimeRange } from './types.ts'

/** No time in the question: every stored message counts, up to now. */
export const ALL_TIME_FROM = '1970-01-01T00:00:00.000Z'

/**
 * Words that name one kind of event within an intent rather than the intent itself: "the outage" is a
 * connectivity subject, but not every connectivity message (a wifi dropout at home) is about it. A
 * question naming one is narrowed by the weekly theme the word names, when there is one.
 */
const NARROWER_THAN_INTENT: Record<string, Array<{ names: string[]; words: string[]; sharesOnly?: true }>> = {
  // The English words a theme's label or key phrases would name it by ← the question's words, in the supported languages.
  connectivity: [{ names: ['outage'], words: ['outage', 'outages', 'panne', 'pannes', 'störung', 'störungen', 'ausfall', 'netzausfall', 'avería', 'caída', 'queda'] }],
  // "What share of billing messages were about duplicate payments?" was answered with billing's share of
  // every message: the week's theme is "Charged twice". Only in a share, which asks for the part: "how
  // many customers were charged twice?" is how many complained about billing in the words they use
  // most, and the weekly themes caught 16 of the demo's 29 such September conversations.
  billing: [{
    sharesOnly: true,
    names: ['twice', 'duplicate', 'double'],
    words: ['twice', 'duplicate', 'duplicates', 'duplicated', 'double', 'deux', 'doublon', 'doublons', 'doppelt', 'doppelte', 'zweimal', 'duplicado', 'duplicados', 'duplicada', 'doble', 'duplicata', 'duplicato', 'doppio'],
  }],
}

/** The question's words that name a part of its intent (see NARROWER_THAN_INTENT), each with the English words a theme is named by. */
export function narrowerWords(plan: Pick<AskPlan, 'filters' | 'wantsShare'>): Map<string, string[]> {
  const parts = (plan.filters.intent ? NARROWER_THAN_INTENT[plan.filters.intent] ?? [] : []).filter((p) => !p.sharesOnly || plan.wantsShare)
  return new Map(parts.flatMap(({ names, words }) => words.map((w) => [w, names] as const)))
}

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
  return readKind(question).kind
}

/** The kind of question, whether a cue decided it (else the default 'why'), and for rankings what is ranked. */
export function readKind(asked: string): { kind: AskKind; cued: boolean; groupBy?: GroupBy; top?: number; ascending?: boolean } {
  // A price rise is a subject, not a rise asked about: "Qu'est-ce que les clients ont dit sur la hausse des prix ?" was a comparison.
  const question = asked.replace(PRICE_RISE, ' ')
  if (AWAITING_CUE.test(question)) return { kind: 'awaiting', cued: true }
  if (RESPONSE_TIME_CUE.test(question)) return { kind: 'response_time', cued: true }
  const compared = KIND_CUES.some(([kind, cue]) => kind === 'compare' && cue.test(question))
  if (compared || SPIKE_CUE.test(question) || CHANGED_CUE.test(question)) return { kind: 'compare', cued: true }
  const top = topCount(question)
  // "la plus calme" says "la plus" of the least: the most is looked for without the least's words.
  const least = LEAST_CUE.test(question) && !MOST_CUE.test(question.replace(new RegExp(LEAST_CUE.source, 'giu'), ' '))
  // A superlative of feeling ranks too: "Welches Thema ist am negativsten?" has no word for "most".
  if ((top !== undefined || (RANK_CUE.test(question) && (MOST_CUE.test(question) || least || RATE_CUE.test(question)))) && !KIND_CUES[0]![1].test(question)) {
    const groupBy = GROUP_WORDS.find(([, re]) => re.test(question))?.[0] ?? (top !== undefined ? 'intent' : undefined)
    if (groupBy) return { kind: 'rank', cued: true, groupBy, ...(top ? { top } : {}), ...(least ? { ascending: true } : {}) }
  }
  // "What is the sentiment by channel?" was read as all messages' sentiment.
  if (RATE_CUE.test(question) || PER_GROUP_CUE.test(question)) {
    const groupBy = GROUP_WORDS.find(([group, re]) => (group === 'channel' || group === 'language') && re.test(question))?.[0]
    if (groupBy) return { kind: 'rank', cued: true, groupBy }
  }
  for (const [kind, cue] of KIND_CUES) if (cue.test(question)) return { kind, cued: true }
  return { kind: 'why', cued: false }
}

export function matchFilters(question: string, vocabulary: AskVocabulary): { filters: AskFilters; spans: string[]; sentimentLast?: boolean } {
  const filters: AskFilters = { customerRole: 'customer' }
  const spans: string[] = []
  let sentimentAt = -1
  let sentimentWord = ''
  for (const [sentiment, cue] of SENTIMENT_CUES) {
    const m = cue.exec(question)
    if (m) {
      filters.sentiment = sentiment
      sentimentAt = m.index
      sentimentWord = m[0]
      break
    }
  }
  for (const [channel, cue] of CHANNEL_WORDS) {
    const m = cue.exec(question)
    if (m) {
      filters.channel = channel
      // The channel says where, not what about: "messages on Instagram" counted those mentioning "instagram" (0).
      spans.push(m[0])
      break
    }
  }
  for (const [code, names] of Object.entries(LANGUAGE_WORDS)) {
    const m = new RegExp(`(?<![\\p{L}])(${names.join('|')})(?:[- ]speaking)?(?![\\p{L}])`, 'iu').exec(question)
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
  // Themes are not read here: the ask chain matches the topic words against the weekly themes of the
  // weeks asked about (theme-filter.ts), computing them if needed, so a question reads the same whether
  // or not a report was opened first.
  const intentAt = intent ? (phrasePattern(intent.phrase).exec(question)?.index ?? -1) : -1
  // One word naming both ("What share of messages in October were praise?") names the intent: as a sentiment
  // too it counted positive praise only, as a share of the positive messages (12.6%), not of all of them.
  // A longer intent phrase keeps its sentiment word's meaning: "flight attendant complaints" are negative.
  if (intent && sentimentAt >= 0 && sentimentAt === intentAt && !/\s/.test(intent.phrase.trim()) && sentimentWord.length >= intent.phrase.trim().length - 2) {
    delete filters.sentiment
    sentimentAt = -1
  }
  return { filters, spans, ...(sentimentAt >= 0 && intentAt >= 0 ? { sentimentLast: sentimentAt > intentAt } : {}) }
}

/** Channel names people use, as words: they say where, not what about. */
const CHANNEL_NAME_WORDS = ['twitter', 'tweet', 'tweets', 'tweeted', 'instagram', 'insta', 'facebook', 'messenger', 'whatsapp', 'email', 'emails', 'e-mail', 'mail', 'chat', 'posts']

/** Topic words the plan already explains (the matched intent's phrases, channel names): they never name a theme. */
export function explainedWords(filters: AskFilters, vocabulary: AskVocabulary): Set<string> {
  const phrases = filters.intent ? intentPhrases(vocabulary).filter((p) => p.value === filters.intent).map((p) => p.phrase) : []
  return new Set([...phrases, ...CHANNEL_NAME_WORDS].flatMap((p) => words(p)))
}

/**
 * Words that find their intent but name only a part of it: "How many customers asked about refunds in
 * October?" was answered with every billing message (55, double charges among them) as if they were refunds.
 */
const PART_OF_INTENT: Record<string, ReadonlySet<string>> = {
  billing: new Set(['refund', 'refunds', 'refunded', 'remboursement', 'remboursements', 'reembolso', 'reembolsos', 'rimborso', 'rimborsi']),
}

/** The question's words that name only a part of the intent it is counted by (the answer says they are not counted apart). */
export function partOfIntentWords(plan: Pick<AskPlan, 'filters' | 'topic' | 'kind'>): string[] {
  const part = plan.filters.intent ? PART_OF_INTENT[plan.filters.intent] : undefined
  if (!part || plan.filters.theme || plan.kind === 'rank' || plan.kind === 'awaiting' || plan.kind === 'response_time') return []
  return words(plan.topic ?? '').filter((w) => part.has(w))
}


const INVERTED_VERB = /\p{L}-(?:t-)?(?:il|elle|on|ils|elles)$/u

export function topicOf(question: string, spans: string[]): string | undefined {
  const text = spans.reduce((t, span) => t.replace(span, ' '), question)
  const stop = stopwordsFor('*')
  // The pooled list keeps foreign stopwords that are English words ("die"): the question's own language drops them.
  // "Wie viele Beschwerden über die App" had the topic "die app", and matched seven themes.
  const language = detectLanguage(question).language
  const own = language === 'und' || language === 'en' ? undefined : stopwordsFor(language)
  // A French verb asked by inversion is no topic: "L'appli plante-t-elle toujours ?" said "plante-t-elle" was not counted apart.
  const kept = words(text).map((w) => w.replace(ELIDED, '')).filter((w) => w && !stop.has(w) && !own?.has(w) && !NON_TOPIC.has(w) && !/^\d+$/.test(w) && !isCueWord(w) && !INVERTED_VERB.test(w))
  return kept.length > 0 ? [...new Set(kept)].join(' ') : undefined
}

/** Every subject intent the question names, in the order of the vocabulary. */
function intentsNamed(question: string, vocabulary: AskVocabulary): string[] {
  const named = intentPhrases(vocabulary).filter(({ value, phrase }) => !MESSAGE_KIND_INTENTS.has(value) && phrase.trim().length >= 2 && phrasePattern(phrase).test(question))
  return [...new Set(named.map(({ value }) => value))]
}

/** How far back "lately" or "still" reaches: four of the weeks the theme report counts by. */
export const RECENT_WEEKS = 4

/**
 * A question that names no dates but says "lately", "still" or "these days" is about the past four weeks,
 * compared with the four before; the words that said so are returned, so the answer can say how it read them.
 */
function recentIfUndated(time: ResolvedTime, question: string, kind: AskKind, now: Date): ResolvedTime & { recent?: string } {
  if (time.ranges.length > 0 || kind === 'awaiting') return time
  const words = RECENT_CUE.exec(question)?.[0]
  if (!words) return time
  const range = makeRange(add('week', now, -RECENT_WEEKS), now, `past ${RECENT_WEEKS} weeks`)
  return { ranges: [range], spans: [...time.spans, words], since: false, recent: words }
}

/** "than" before a period, in the supported languages (the period itself is English by now). */
const THAN = String.raw`(?<![\p{L}])(?:than|que|qu['’]|als|do que(?:\s+n[oa])?|di quanto|rispetto (?:a|al|alla|allo))`
/** "since" before a period, in the supported languages (the period itself is English by now). */
const SINCE = String.raw`(?<![\p{L}])(?:since|depuis|seit|desde|dal|dall['’]|da)`
/** What changed, in the supported languages: with "since" and a period, this period against that one. */
const CHANGED_SINCE_VERB = /(?<![\p{L}])(?:chang(?:ed|es)|(?:a|ont) chang[ée]|ver[äa]ndert|(?:ha|han) cambiado|cambi[óo]|mud(?:ou|aram)|(?:è|sono) cambiat[oaie])(?![\p{L}])/iu
/** "What's new this week?" searched for messages saying "new": it asks for an overview. */
const WHATS_NEW = /\bwhat(?:['’]s| is) new\b/i
/** A price rise named as a subject (see readKind). */
const PRICE_RISE = /(?<![\p{L}])(?:price (?:rise|increase|hike)s?|(?:hausse|augmentation)s? (?:des|de|du) (?:prix|tarifs?)|preiserh[öo]hung(?:en)?|(?:subida|aumento)s? (?:de|del|de los|do|dos|da|das) (?:pre[çc]os?|precios?|tarifas?)|aument[oi] (?:dei|del|di) (?:prezzi|prezzo|tariff[ae]))(?![\p{L}])/iu

/** The words of a price rise: its rise is no word to search for ("the price rise" counted messages saying "rise", "la subida de precios" "subida"). */
const PRICE_WORD = /^(?:prices?|prix|preise?|precios?|pre[çc]os?|prezz[io])$/iu
const RISE_WORD = /^(?:rises?|increases?|hikes?|hausses?|augmentations?|subidas?|aumentos?)$/iu

/** Plans a question without any model: deterministic, and the fallback of the LLM planner. */
export function planLocally(asked: string, now: Date, vocabulary: AskVocabulary, opts: LocalPlannerOptions = {}): AskPlan {
  // Month names and relative periods of the other languages read as English from here on.
  const labels = intentPhrases(vocabulary).map(({ phrase }) => phrase.toLowerCase())
  const question = withSupportNamed(englishTimeWords(asked), (phrase) => labels.some((label) => label.includes(phrase.toLowerCase())))
  const cued = readKind(question)
  const asWritten = recentIfUndated(resolveTimeExpressions(question, now), question, cued.kind, now)
  const grewUnnamed = cued.kind === 'compare' && asWritten.ranges.length === 0 && (DIRECTION_CUE.test(question) || CHANGED_CUE.test(question))
  // "Which themes grew?" names no period: the last week against the one before, as the weekly report compares.
  const periodAssumed = grewUnnamed && WHICH_CUE.test(question)
  const namedTime = periodAssumed ? resolveTimeExpressions(`${question} last week`, now) : asWritten
  // "Are customers angrier than last week?" compares this week with last week, not last week with the one before.
  // …and so do "que le mois dernier", "als letzten Monat", "do que no mês passado", "rispetto al mese scorso" (read as last month against the one before).
  const beforePeriod = (word: string) => namedTime.ranges.length === 1 && new RegExp(`${word}\\s+(?:in\\s+|during\\s+)?${escapeRe(namedTime.spans[0]!)}`, 'iu').test(question)
  const thanOnly = cued.kind === 'compare' && beforePeriod(THAN)
  // "What changed since last month?" read as last month against the one before (a trend in the other languages).
  const changedSince = CHANGED_SINCE_VERB.test(question) && beforePeriod(SINCE)
  const time = (thanOnly || changedSince) && Date.parse(namedTime.ranges[0]!.to) < now.getTime() ? { ...namedTime, ranges: [namedTime.ranges[0]!, nextOf(namedTime.ranges[0]!, now)] } : namedTime
  let read = changedSince ? { kind: 'compare' as const, cued: true } : grewUnnamed && !periodAssumed ? { ...cued, kind: 'trend' as const } : cued
  if (HABITUAL_WEEKDAY.test(question) && read.kind !== 'awaiting' && read.kind !== 'response_time' && read.kind !== 'examples') read = { kind: 'rank', cued: true, groupBy: 'weekday' }
  const { filters, spans, sentimentLast } = matchFilters(question, vocabulary)
  // The verb of "Did the number of messages drop…?" is what is asked, not a subject; so is "what's new".
  const askWords = [DID_MOVE.exec(question)?.[1], WHATS_NEW.exec(question)?.[0]].filter((w): w is string => w !== undefined)
  spans.push(...askWords)
  // Two channels named ("WhatsApp vs email") are compared by ranking the channels: the first alone was counted.
  const channels = CHANNEL_WORDS.filter(([, cue]) => cue.test(question))
  const among = channels.length > 1 && read.kind !== 'awaiting' && read.kind !== 'response_time' && read.kind !== 'examples' ? channels.map(([channel]) => channel) : undefined
  if (among) {
    read = { kind: 'rank', cued: true, groupBy: 'channel' }
    delete filters.channel
    for (const [, cue] of channels) spans.push(cue.exec(question)![0])
  }
  // Two subjects named side by side are ranked among themselves: "Compare billing and delivery complaints in
  // October" compared October's delivery with September's, and said billing was not counted apart.
  const subjects = among ? [] : intentsNamed(question, vocabulary)
  const sideBySide = subjects.length > 1 && read.kind !== 'awaiting' && read.kind !== 'response_time' && read.kind !== 'examples' && read.kind !== 'trend' &&
    ((read.kind === 'compare' && time.ranges.length < 2) || ((read.kind !== 'rank' || read.groupBy === 'intent') && SIDE_BY_SIDE.test(question)))
  if (sideBySide) {
    read = { kind: 'rank', cued: true, groupBy: 'intent' }
    delete filters.intent
  }
  // "What should we fix first?": the problem most customers complain about, as "What do customers complain about most?".
  const priority = PRIORITY_CUE.exec(question)?.[0]
  if (priority && (read.kind === 'why' || read.kind === 'rank')) {
    read = { ...read, kind: 'rank', cued: true, groupBy: read.groupBy ?? 'intent' }
    filters.sentiment ??= 'negative'
    spans.push(priority)
  }
  // "What are the top reasons customers cancel?": a message has one subject, so subjects ranked within
  // cancellation were each subject's whole count, said to be "about cancellation" (connectivity 256, more
  // than all cancellation messages). Its reasons are the weekly themes its messages fall in or, in a
  // workspace without themes yet, what its messages say.
  const withinSubject = read.kind === 'rank' && read.groupBy === 'intent' && !sideBySide && filters.intent !== undefined && !MESSAGE_KIND_INTENTS.has(filters.intent)
  if (withinSubject) read = vocabulary.themes.length > 0 ? { ...read, groupBy: 'theme' } : { kind: 'why', cued: true }
  // "What is the most common question?", "Which topics get the most praise?": a message's intent is its
  // subject or its kind (a question, praise), never both, so a kind cannot narrow a ranking of subjects (it
  // ranked the question intent alone). Praise is the positive messages; a question is any message, said so.
  const kindRanked = read.kind === 'rank' && read.groupBy === 'intent' && filters.intent && MESSAGE_KIND_INTENTS.has(filters.intent) ? filters.intent : undefined
  if (kindRanked) {
    delete filters.intent
    if (kindRanked === 'praise') filters.sentiment ??= 'positive'
  }
  // A group's rate ("the most negative channel", "sentiment on WhatsApp against email") is of a label:
  // how the messages feel, asked without a class, is their negative share.
  const sentimentAsked = SENTIMENT_ASKED.test(question)
  const byGroupRate = read.kind === 'rank' && (read.groupBy === 'channel' || read.groupBy === 'language') &&
    (SHARE_CUE.test(question) || RATE_CUE.test(question) || ((among !== undefined || PER_GROUP_CUE.test(question)) && (sentimentAsked || COMPARATIVE_FEELING.test(question))))
  // "Which topic is the most negative?", "which intent has the highest share of negative messages": each
  // subject's own sentiment share. "Which topic has the highest share of complaints?" is the topics' part
  // of the complaints, which their counts rank.
  const intentRanked = read.kind === 'rank' && read.groupBy === 'intent'
  const byIntentRate = intentRanked && !filters.intent && (filters.sentiment !== undefined || sentimentAsked) &&
    (RATE_CUE.test(question) || (SHARE_CUE.test(question) && !COMPLAINT_WORD.test(question)))
  const byRate = byGroupRate || byIntentRate
  if (byRate && !filters.sentiment && !filters.intent && sentimentAsked) filters.sentiment = 'negative'
  // Asked for a measure no figure computes, the other words are about that measure ("messages per conversation"), not a subject.
  const bySlot = read.kind === 'rank' && (read.groupBy === 'weekday' || read.groupBy === 'hour')
  const measure = bySlot ? undefined : MEASURE_CUES.find(([cue]) => cue.test(question))?.[1]
  // A response time's mean is computed: "How long on average does it take us to reply?" is answered.
  // …and how fast agents replied is: "How fast did our agents handle…" is a response time.
  // …and so are the customers waiting longest: "Quels clients attendent une réponse depuis le plus longtemps ?" was a ranking of people.
  const computed = ([, what]: [RegExp, string]) => (read.kind === 'response_time' || read.kind === 'awaiting') && (what === AVERAGES_NOT_COMPUTED || what === AGENT_WORK_NOT_COMPUTED || (read.kind === 'awaiting' && what === BY_CUSTOMER_NOT_COMPUTED))
  const themeRate = read.kind === 'rank' && read.groupBy === 'theme' && (RATE_CUE.test(question) || (SHARE_CUE.test(question) && !COMPLAINT_WORD.test(question)))
  const notComputed = bySlot || measure ? undefined : themeRate ? THEME_RATE_NOT_COMPUTED : HABITUAL_WEEKDAY.test(question) ? BY_SLOT_NOT_COMPUTED : NOT_COMPUTED.find((entry) => entry[0].test(question) && !computed(entry))?.[1]
  // …and a comparison it reads ("more than once") compares nothing that was asked, nor does a ranking of dates
  // ("which weekday is busiest"): the period is counted. A measure of conversations is a count of them.
  if (measure || (notComputed && (read.kind === 'compare' || (read.kind === 'rank' && read.groupBy === 'day')))) read = { kind: 'count', cued: true }
  const unplacedTime = time.ranges.length === 0 ? EVENT_TIME.exec(question)?.[0] : undefined
  // The share's words say what is asked: "Quelle part des messages…" searched for "part".
  const shareWords = SHARE_CUE.exec(question)?.[0]
  const countedConversations = COUNTED_CONVERSATIONS.exec(question)?.[0]
  const topic = notComputed || measure || read.kind === 'rank' || read.kind === 'awaiting' || read.kind === 'response_time'
    ? undefined
    : topicOf(question, [...time.spans, ...spans, ...(shareWords ? [shareWords] : []), ...(countedConversations ? [countedConversations] : [])])
  const threshold = read.kind === 'response_time' ? withinMinutes(question) : undefined
  const waited = read.kind === 'awaiting' ? waitedMinutes(question) : undefined
  // "Happier", "angrier", "more negative": how the messages feel compared, which is their share.
  const comparative = read.kind === 'compare' && COMPARATIVE_FEELING.test(question)
  const plan = buildPlan({ kind: read.kind, ranges: time.ranges, filters, topic, wantsShare: intentRanked ? byIntentRate : SHARE_CUE.test(question) || byRate || comparative, now, planner: 'local', comparePrevious: opts.comparePrevious })
  const { customerRole: _role, ...named } = filters
  const understood = !notComputed && (read.cued || Object.keys(named).length > 0 || time.ranges.length > 0)
  // "What share of billing messages were negative": the filter named last is the part asked about.
  const wantsShare = plan.wantsShare && sentimentLast !== undefined
  // A measure of conversations is not compared with the period before: "more than once last month" asks about last month.
  const { previousRange: _compared, ...uncompared } = plan
  return {
    ...(measure ? uncompared : plan),
    ...(wantsShare ? { sharePart: sentimentLast ? 'sentiment' as const : 'intent' as const } : {}),
    // A share of complaints is of the customers who complained: "which channel has the highest share of complaints".
    ...(CUSTOMERS_CUE.test(question) || countedConversations || priority || (byRate && COMPLAINT_WORD.test(question)) || (SHARE_CUE.test(question) && CONVERSATIONS_CUE.test(question)) ? { countsCustomers: true } : {}),
    ...(plan.filters.mentions && MENTIONS_CUE.test(question) ? { literal: true } : {}),
    ...(unplacedTime ? { unplacedTime } : {}),
    ...(periodAssumed ? { periodAssumed } : {}),
    ...(asWritten.recent ? { recent: asWritten.recent } : {}),
    ...(withinSubject && read.groupBy === 'theme' ? { rankedWithin: filters.intent } : {}),
    ...(notComputed ? { notComputed } : {}),
    ...(measure ? { measure } : {}),
    ...(kindRanked && kindRanked !== 'praise' ? { notNarrowedBy: kindRanked } : {}),
    ...(read.groupBy ? { groupBy: read.groupBy } : {}),
    ...(read.top ? { top: read.top } : {}),
    ...(read.ascending ? { ascending: true } : {}),
    ...(threshold ? { withinMinutes: threshold } : {}),
    ...(waited ? { waitingMinutes: waited } : {}),
    ...(among ? { among } : sideBySide ? { among: subjects } : {}),
    understood,
    understoodAs: describePlan({ ...plan, ...(measure ? { measure } : {}) }, read),
  }
}

/** The plan in words: what the answer is about, shown with it (and alone when the question could not be mapped). */
export function describePlan(plan: AskPlan, read: { kind: AskKind; groupBy?: GroupBy; top?: number }): string {
  const { customerRole: _role, ...filters } = plan.filters
  const parts = [`${read.kind}${read.groupBy ? ` by ${read.groupBy}` : ''}${read.top ? ` (top ${read.top})` : ''}${plan.measure ? ` of ${plan.measure.replace(/_/g, ' ')}` : ''}`, plan.timeRange.label]
  const named = Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
  if (named.length) parts.push(named.join(', '))
  if (plan.topic) parts.push(`topic "${plan.topic}"`)
  return parts.join('; ')
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
  // Examples and comparisons too: "Did messages about zebras grow in October?" compared every message.
  if (input.topic && !filters.intent && !filters.theme && !filters.mentions && kind !== 'rank' && kind !== 'awaiting' && kind !== 'response_time') {
    // An elided article is not the word: "l'appli" is "appli" (it was no word, and every message was counted);
    // a short word is one when it names a thing ("tv").
    const words = input.topic.split(/[\s'’]+/u)
    const priceRise = words.some((w) => PRICE_WORD.test(w))
    const terms = words.filter((w) => (/^[\p{L}\p{N}]{3,}$/u.test(w) || namesOf(w).length > 1) && !(priceRise && RISE_WORD.test(w))).slice(0, 6)
    if (terms.length > 0) filters.mentions = terms.map(anyNameQuery).join(' or ')
  }
  let timeRange: TimeRange
  let previousRange: TimeRange | undefined
  if (ranges.length === 0) {
    timeRange = makeRange(new Date(ALL_TIME_FROM), now, 'all time')
  } else if (kind === 'compare' && ranges.length >= 2) {
    // The earlier period is the baseline whichever the question names first: "did it go up in October
    // compared with September" compares October against September.
    const [earliest, ...later] = [...ranges].sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
    previousRange = earliest
    timeRange = later[later.length - 1]!
  } else {
    timeRange = ranges[0]!
    const periodless = kind === 'rank' || kind === 'awaiting' || kind === 'response_time'
    if (kind === 'compare' || (input.comparePrevious !== false && !periodless)) previousRange = previousOf(timeRange)
  }
  return {
    kind,
    timeRange,
    ...(previousRange ? { previousRange } : {}),
    filters,
    ...(input.topic ? { topic: input.topic } : {}),
    wantsShare: input.wantsShare,
    ...(filters.theme ? { themeMatched: filters.theme } : {}),
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
