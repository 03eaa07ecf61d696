// Names and describes a theme without an LLM: the label comes from its most distinctive key phrases,
// the quotes are chosen by maximal marginal relevance (central to the theme, yet unlike each other),
// and the description ties both together.
import { contentWords, isGenericWord, stopwordsFor, words } from '../../text/tokenize.ts'
import { canonicalWord, ELIDED_ARTICLE, isProductWord, productNoun } from './cross-lingual.ts'
import { isThemeWord, type Keyphrase } from './keyphrases.ts'

const MAX_QUOTES = 5
const MIN_QUOTES = 3
/** Weight of centrality against novelty in MMR; higher picks more typical, more alike quotes. */
const MMR_LAMBDA = 0.7
/** Cosine above which two messages say the same thing (retweets, copy-paste complaints). */
const NEAR_DUPLICATE_SIMILARITY = 0.95
/** Off-topic members (far below the most central one) are quoted only when nothing else is left. */
const MIN_RELATIVE_CENTRALITY = 0.5
/** MMR only looks at the most central messages: enough for variety, cheap for big themes. */
const MMR_CANDIDATES = 200
const MAX_LABEL_LENGTH = 48
const MAX_LABEL_WORDS = 4
/** Phrases a label may be made of: the theme's most distinctive ones. */
const LABEL_CANDIDATES = 5
/** A bigram leads the label when this share of the theme's messages uses it. */
const LABEL_BIGRAM_SUPPORT = 0.12
/** Some key phrase of a theme is said by at least this many of its messages before one names it. */
const MIN_LABEL_MESSAGES = 2
/** A second phrase joins the label when this share of messages uses it and it scores near the first. */
const LABEL_EXTRA_SUPPORT = 0.12
const LABEL_EXTRA_WEIGHT = 0.6
const MAX_QUOTE_IN_DESCRIPTION = 160
/** A quote says something about the theme with at least this many content words (not "Thanks!", not a bare number). */
const MIN_QUOTE_CONTENT_WORDS = 3

export interface ClusterDescription {
  label: string
  description: string
  representativeIdx: number[]
  /** True when no key phrase named the theme and the label is the opening words of its most central message. */
  labelFromQuote: boolean
}

export function describeCluster(input: {
  keyphrases: Keyphrase[]
  texts: string[]
  vectors: Float32Array[]
  /** Per text, whether the message only closes its case ("Perfect, thank you!"). */
  closes?: boolean[]
  /** Per text, the intent the classifier read, if any. */
  intents?: Array<string | null>
  centroid: Float32Array
  /** Messages in the theme when `texts` are a sample of them (a big week's words); `texts.length` otherwise. */
  volume?: number
  /** Names read over the whole week (properNouns): a small theme says a name too few times to tell it is one. */
  names?: ReadonlySet<string>
}): ClusterDescription {
  const representativeIdx = representativeQuotes(input.texts, input.vectors, input.centroid, input.closes, input.intents)
  // Names (a town, the company, a person the masking missed) say where or who, not what: a label is
  // made of the other phrases ("Horsforth down" → what is down), while key phrases keep them.
  // The week's names count too: "Brightwave app" named a theme of nine sign-in messages, whose
  // customers wrote "Brightwave" twice in mid-sentence (a name needs three).
  const names = new Set([...properNouns(input.texts), ...(input.names ?? [])])
  const nameless = input.keyphrases.filter((k) => !k.phrase.split(' ').some((w) => names.has(w) || isContractedStopword(w)))
  const labelPhrases = nameless.length > 0 ? nameless : input.keyphrases
  // When no phrase is said by two of its messages, each is one message's, not the theme's: "Food money"
  // named a theme of three (a double charge that was "my food money for the week", a thank-you, an
  // e-mail address). The label is then made as for a quote (labelInEnglish).
  const shared = input.keyphrases.some((k) => (k.messages ?? MIN_LABEL_MESSAGES) >= MIN_LABEL_MESSAGES)
  const named = shared ? phraseLabel(labelPhrases, input.texts, names) ?? labelFrom(labelPhrases) : null
  const label = named ?? fallbackLabel(input.texts[representativeIdx[0]])
  const typical = representativeIdx.length > 0 ? input.texts[representativeIdx[0]] : undefined
  const description = themeDescription({ label, keyphrases: input.keyphrases.map((k) => k.phrase), volume: input.volume ?? input.texts.length, typical })
  return { label, description, representativeIdx, labelFromQuote: named === null }
}

function representativeQuotes(texts: string[], vectors: Float32Array[], centroid: Float32Array, closes: boolean[] = [], intents: Array<string | null> = []): number[] {
  const centrality = vectors.map((v) => dot(v, centroid))
  const byCentrality = (a: number, b: number) => centrality[b] - centrality[a] || a - b
  // A message that only closes its case is no quote of the theme: "Perfect, thank you!" was one of the
  // three quotes of "Price rise". Fewer quotes rather than that, unless the theme has nothing else.
  // Nor is one about another subject than most of its messages: "Charged twice" quoted "Order [ORDER_1]
  // was supposed to arrive yesterday. Nothing." (a delivery, 3 of its 17 messages).
  const subject = majorityIntent(intents)
  const otherSubject = (i: number) => subject !== null && intents[i] != null && !SUBJECTLESS.has(intents[i]!) && intents[i] !== subject
  const nonEmpty = texts.map((_, i) => i).filter((i) => texts[i].trim().length > 0)
  const opening = nonEmpty.filter((i) => !closes[i] && !otherSubject(i))
  const said = opening.length > 0 ? opening : nonEmpty
  const informative = said.filter((i) => isInformative(texts[i]))
  // Too few informative messages: messages that name something come next; a bare "Thanks!" or a bare
  // identifier only when the theme has nothing else to show.
  const want = Math.min(MIN_QUOTES, said.length)
  const fill = () => {
    const rest = said.filter((i) => !isInformative(texts[i]))
    const somewhat = rest.filter((i) => topicWords(texts[i]).length > 0)
    const naming = [...informative, ...somewhat]
    return naming.length >= want ? naming : [...naming, ...rest.filter((i) => topicWords(texts[i]).length === 0).sort(byCentrality).slice(0, want - naming.length)]
  }
  const candidates = (informative.length >= want ? informative : fill())
    .sort(byCentrality)
    .slice(0, MMR_CANDIDATES)

  const floor = candidates.length > 0 ? MIN_RELATIVE_CENTRALITY * centrality[candidates[0]] : 0
  const onTopic = candidates.filter((i) => centrality[i] >= floor)
  const chosen: number[] = []
  const seenTexts = new Set<string>()
  const remaining = new Set(onTopic.length >= MIN_QUOTES ? onTopic : candidates)
  while (chosen.length < MAX_QUOTES && remaining.size > 0) {
    let best = -1
    let bestScore = -Infinity
    for (const i of remaining) {
      const redundancy = chosen.length === 0 ? 0 : Math.max(...chosen.map((j) => dot(vectors[i], vectors[j])))
      const score = MMR_LAMBDA * centrality[i] - (1 - MMR_LAMBDA) * redundancy
      if (score > bestScore) {
        bestScore = score
        best = i
      }
    }
    remaining.delete(best)
    const key = comparable(texts[best])
    const duplicate = seenTexts.has(key) || chosen.some((j) => dot(vectors[best], vectors[j]) >= NEAR_DUPLICATE_SIMILARITY)
    if (duplicate) continue
    seenTexts.add(key)
    chosen.push(best)
  }
  // A theme of near-identical messages still deserves its minimum of quotes, but the same words twice
  // are one quote ("When will my Brightbox arrive?" was all three quotes of its theme), and an
  // off-topic member is no better a second one ("I'm deaf, can you contact me by text?").
  for (const i of onTopic.length > 0 ? onTopic : candidates) {
    if (chosen.length >= Math.min(MIN_QUOTES, candidates.length)) break
    const key = comparable(texts[i])
    if (chosen.includes(i) || seenTexts.has(key)) continue
    seenTexts.add(key)
    chosen.push(i)
  }
  return chosen
}

/** What an intent of the default taxonomy is called in an English label ("Wifi router connection problems"). */
const INTENT_NOUNS: Record<string, string> = {
  bug_outage: 'problems', billing: 'billing', delivery: 'delivery', account_login: 'sign-in problems', cancellation: 'cancellations',
  feature_request: 'requests', connectivity: 'connection problems', product_fault: 'faults', pricing: 'prices', appointment: 'engineer visits', question: 'questions',
  complaint: 'complaints',
}
/** Intents that close or colour a thread rather than say what it is about. */
const NOT_A_TOPIC = new Set(['praise', 'other'])
/** Intents of a message's kind, not its subject: a question or a complaint may be about the theme's subject. */
const SUBJECTLESS: ReadonlySet<string> = new Set([...NOT_A_TOPIC, 'question', 'complaint'])
/** An intent names the theme when this share of its topical messages has it... */
const LABEL_INTENT_SHARE = 0.35
/** ...and a product word joins the label when this share of the theme's messages says it, in any language. */
const LABEL_PRODUCT_SHARE = 0.2
const LABEL_PRODUCT_WORDS = 2

/**
 * The label in the report's language (English): kept when its words are English (said in the theme's
 * English messages, or product words) and name something, otherwise made of the product words the
 * theme's messages share across languages ("app", "update", mapped by cross-lingual.ts) and its
 * dominant intent's name, e.g. "Mise jour" → "App update problems". Null intents and closers
 * ("praise", "other") name nothing; a theme mostly of praise says so ("Praise: …").
 */
export function labelInEnglish(input: LabelInput): string {
  const label = englishLabel(input)
  // A theme of thanks says so: "Faultless switched" named four customers pleased since switching.
  const praise = input.intents.filter((intent) => intent === PRAISE_INTENT).length
  return praise * 2 > input.intents.length && !/^(?:praise|thanks)\b/i.test(label) ? `Praise: ${label.charAt(0).toLocaleLowerCase()}${label.slice(1)}` : label
}

interface LabelInput {
  label: string; labelFromQuote?: boolean; texts: string[]; languages: Array<string | null>; intents: Array<string | null>
  /** Words the week's English messages say (englishWordsOf): a theme's key phrases are read from the weeks before it too. */
  englishWords?: ReadonlySet<string>
}

const PRAISE_INTENT = 'praise'

function englishLabel(input: LabelInput): string {
  const { label, texts, languages, intents } = input
  const saidInEnglish = new Set(texts.filter((_, i) => languages[i] === 'en').flatMap((t) => words(t)))
  // A word is English when English messages say it, or it is the map's own product word ("app", not "appli"):
  // "Moving house" was rewritten "Broadband prices" as this week's four movers never wrote "house".
  const isEnglish = (w: string) => saidInEnglish.has(w) || input.englishWords?.has(w) || (isProductWord(w) && canonicalWord(w) === w) || /^[\d.]+$/.test(w)
  const own = words(label)
  // A quote's opening words ("Um, so my bill is") are English but no label, and one word that is not a
  // product names no topic ("Twice", "Cancel", "Arriving"): the product words and intent say more
  // ("Billing", "Contract cancellations", "Sign-in problems" on the demo).
  const vague = input.labelFromQuote || (own.length === 1 && !productNoun(own[0]))
  // ...and the theme's own messages say it: a word of the week's English alone may be a context week's ("Pause
  // wifi" for eighteen router messages, none of which asked to pause anything).
  const theirs = own.every((w) => saidInEnglish.has(w) || isProductWord(w)) || own.some((w) => saidInEnglish.has(w) && !isProductWord(w))
  if (own.length > 0 && own.every(isEnglish) && theirs && !vague) return label
  const productCounts = new Map<string, number>()
  for (const text of texts.slice(0, MAX_PHRASE_TEXTS)) {
    const seen = new Set(words(text).map((w) => productNoun(w.replace(ELIDED_ARTICLE, ''))).filter((w): w is string => w !== null))
    for (const w of seen) productCounts.set(w, (productCounts.get(w) ?? 0) + 1)
  }
  const read = Math.min(texts.length, MAX_PHRASE_TEXTS)
  const products = [...productCounts]
    .filter(([, n]) => n >= LABEL_PRODUCT_SHARE * read)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, LABEL_PRODUCT_WORDS)
    .map(([w]) => w)
  const intentCounts = new Map<string, number>()
  for (const intent of intents) if (intent && !NOT_A_TOPIC.has(intent)) intentCounts.set(intent, (intentCounts.get(intent) ?? 0) + 1)
  const topical = [...intentCounts.values()].reduce((a, b) => a + b, 0)
  const ranked = [...intentCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const [intent, count] = ranked[0] ?? [null, 0]
  // Two intents as common name neither: four messages on the difference between two fibre plans, one read
  // as connectivity and one as a question, were "Broadband connection problems" (alphabetical order won).
  const decided = count > (ranked[1]?.[1] ?? 0)
  const noun = intent && decided && count >= LABEL_INTENT_SHARE * topical ? INTENT_NOUNS[intent] ?? intent.replace(/_/g, ' ') : null
  // One product word before the intent's name ("App problems"), two without one ("App update issues").
  const parts = noun ? products.slice(0, 1) : [...products]
  if (noun && !parts.some((p) => noun.includes(p))) parts.push(noun)
  // An intent's name alone ("Problems") says too little: which language the theme is in says more. One that
  // names a subject says it, with the language when not English: two themes of French follow-ups (an
  // e-mail address handed over for a password reset, the dates of a double charge) were both "Messages in French".
  if (products.length === 0) {
    const language = languageName(languages)
    // Only an intent most of its messages have: one billing message among two thanks is no billing theme.
    if (noun && !VAGUE_NOUNS.has(noun) && count * 2 > intents.length) return capitalise(language ? `${noun} in ${language}` : noun)
    return (language && `Messages in ${language}`) ?? (parts.length > 0 && parts[0] !== 'issues' ? capitalise(parts.join(' ')) : label)
  }
  // Without a decided intent the theme's kind says the rest: questions when half its topical messages
  // ask, issues otherwise ("App update issues").
  if (!noun) parts.push((intentCounts.get('question') ?? 0) * 2 >= topical && topical > 0 ? 'questions' : 'issues')
  return capitalise(parts.join(' '))
}

/**
 * The quotes with the one that says what the theme is about first: of the intent most of its messages
 * have, and opening its conversation. "Billing in Thai" led with a thank-you for a polite engineer (one
 * of its three messages), and "Charged twice" with "Sent you my order number ([ORDER_1])…", a reply to
 * the agent. The lead quote is the one the description shows. Indices are into the members.
 */
export function leadWithSubject(picked: number[], intents: Array<string | null>, opens: boolean[]): number[] {
  const subject = majorityIntent(intents)
  const about = (i: number) => subject === null || intents[i] === subject
  const lead = picked.find((i) => about(i) && opens[i]) ?? picked.find(about) ?? picked.find((i) => opens[i])
  return lead === undefined ? picked : [lead, ...picked.filter((i) => i !== lead)]
}

/** The topical intent most of a theme's messages have (more than half of them), if any. */
function majorityIntent(intents: Array<string | null>): string | null {
  const counts = new Map<string, number>()
  for (const intent of intents) if (intent && !NOT_A_TOPIC.has(intent)) counts.set(intent, (counts.get(intent) ?? 0) + 1)
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [null, 0]
  return top !== null && n * 2 > intents.length ? top : null
}

/** English messages whose words are read for englishWordsOf: a uniform sample, as telling as all. */
const ENGLISH_WORDS_TEXTS = 5000

/** The words a week's English messages say (with its context weeks), for labelInEnglish. */
export function englishWordsOf(texts: string[], languages: Array<string | null>): Set<string> {
  const english = texts.filter((_, i) => languages[i] === 'en')
  const step = Math.max(1, Math.ceil(english.length / ENGLISH_WORDS_TEXTS))
  return new Set(english.filter((_, i) => i % step === 0).flatMap((t) => words(t)))
}

/** Intent nouns that name no subject on their own ("Problems", "Requests"). */
const VAGUE_NOUNS: ReadonlySet<string> = new Set(['problems', 'requests', 'faults', 'questions', 'complaints'])

/** The language most of a theme is told in, by its English name, when that is not English ("Thai"). */
function languageName(languages: Array<string | null>): string | null {
  const counts = new Map<string, number>()
  for (const language of languages) if (language) counts.set(language, (counts.get(language) ?? 0) + 1)
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (!top || top === 'en' || n * 2 < languages.length) return null
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(top)
    return name && name !== top ? name : null
  } catch {
    return null
  }
}

/** A language is one a theme spans when this share of its messages (and two) are in it. */
const SPAN_LANGUAGE_SHARE = 0.15
const SPAN_LANGUAGE_MIN_MESSAGES = 2

/**
 * The quotes of a theme told in several languages show each of them: for every language that holds a
 * sizeable part of the theme and has no quote yet, its most central informative message is added, or
 * takes the place of the last quote of the language quoted most. Indices are into the members.
 */
export function spreadQuotesOverLanguages(input: { picked: number[]; languages: Array<string | null>; texts: string[]; vectors: Float32Array[]; centroid: Float32Array }): number[] {
  const { languages, texts, vectors, centroid } = input
  const counts = new Map<string, number>()
  for (const language of languages) if (language) counts.set(language, (counts.get(language) ?? 0) + 1)
  const spanned = [...counts]
    .filter(([, n]) => n >= SPAN_LANGUAGE_MIN_MESSAGES && n >= SPAN_LANGUAGE_SHARE * languages.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([language]) => language)
  const picked = [...input.picked]
  if (spanned.length < 2) return picked
  for (const language of spanned) {
    if (picked.some((i) => languages[i] === language)) continue
    let best = -1
    let bestScore = -Infinity
    languages.forEach((l, i) => {
      if (l !== language || !isInformative(texts[i])) return
      const score = dot(vectors[i], centroid)
      if (score > bestScore) (bestScore = score), (best = i)
    })
    if (best < 0) continue
    if (picked.length < MAX_QUOTES) {
      picked.push(best)
      continue
    }
    const quoted = new Map<string | null, number>()
    for (const i of picked) quoted.set(languages[i], (quoted.get(languages[i]) ?? 0) + 1)
    const [most, times] = [...quoted].sort((a, b) => b[1] - a[1])[0]
    if (times < 2) break
    const replace = picked.map((i, at) => ({ i, at })).filter(({ i }) => languages[i] === most).pop()!
    picked[replace.at] = best
  }
  return picked
}

function isInformative(text: string): boolean {
  return topicWords(text).length >= MIN_QUOTE_CONTENT_WORDS
}

/** Words that say something: not stop words, not thanks or greetings, not a masked placeholder or a number. */
function topicWords(text: string): string[] {
  const unmasked = text.replace(/\[(?:[A-Z]+(?:_\d+)?|…)\]/g, ' ')
  return contentWords(unmasked, stopwordsFor()).filter((w): w is string => w !== null && !isGenericWord(w) && !/^\d+$/.test(w))
}

/** Handles and links differ between otherwise identical messages. */
function comparable(text: string): string {
  return text.replace(/https?:\/\/\S+|@\w+/g, '').replace(/\W+/g, ' ').trim().toLowerCase()
}

/**
 * 2–4 words from the theme's most distinctive phrases (generic words are already out of them): a
 * bigram names a topic best ("charged twice", "voice remote") when enough of the theme says it, and a
 * second word is added when it is about as distinctive, in rank order, never a second form of the
 * first ("Flight flights" on airline_dev).
 */
function labelFrom(keyphrases: Keyphrase[]): string | null {
  const top = keyphrases.slice(0, LABEL_CANDIDATES)
  if (top.length === 0) return null
  const first = top.find((k) => k.phrase.includes(' ') && (k.support ?? 1) >= LABEL_BIGRAM_SUPPORT && namesAThing(k.phrase)) ?? top[0]
  // A lone word is named better by a bigram around it ("twice" → "charged twice"): one of the most
  // distinctive phrases, or one further down that weighs about as much as the word.
  const around = (k: Keyphrase, rank: number) => k.phrase.split(' ').length === 2 && namesAThing(k.phrase) && k.phrase.split(' ').includes(first.phrase) &&
    (rank < LABEL_CANDIDATES || k.weight >= LABEL_BIGRAM_AROUND_WEIGHT * first.weight)
  const head = first.phrase.includes(' ') ? first : (keyphrases.find(around) ?? first)
  if (head.phrase.includes(' ')) return capitalise(head.phrase.slice(0, MAX_LABEL_LENGTH))
  // A single word takes one more word said about as often, read as one noun phrase ("App login",
  // "Wifi router"), never two phrases stacked with a comma.
  const extra = top.find((k) => k !== head && !k.phrase.includes(' ') && !sameWord(k.phrase, head.phrase) &&
    (k.support ?? 1) >= LABEL_EXTRA_SUPPORT && k.weight >= LABEL_EXTRA_WEIGHT * head.weight)
  const pair = extra ? [head, extra].sort((a, b) => keyphrases.indexOf(a) - keyphrases.indexOf(b)).map((k) => k.phrase) : [head.phrase]
  // A state is said after what is in it: "Internet down", not "Down internet".
  if (pair.length === 2 && SAID_AFTER.has(pair[0]) && !SAID_AFTER.has(pair[1])) pair.reverse()
  return capitalise(pair.join(' ').slice(0, MAX_LABEL_LENGTH))
}

/**
 * Verbs a request opens with: a phrase starting with one names the asking, not the thing ("Add dark"
 * for a theme whose customers asked to "add a dark mode", where "dark mode" was a phrase too).
 */
const REQUEST_VERBS = new Set(['add', 'want', 'need', 'make', 'bring', 'allow', 'let', 'get', 'give', 'please', 'could', 'can', 'would'])
const namesAThing = (phrase: string) => !REQUEST_VERBS.has(phrase.split(' ')[0]!)

/** Words of a state that an English label puts after the thing: "Internet down", "Parcel missing", "Bill twice". */
const SAID_AFTER = new Set(['down', 'dead', 'broken', 'slow', 'late', 'missing', 'twice', 'again', 'gone', 'offline', 'stuck', 'wrong', 'delayed', 'cancelled', 'canceled'])

/** A bigram around a lone head word takes its place when it weighs at least this share of the word. */
const LABEL_BIGRAM_AROUND_WEIGHT = 0.5

/** "flight" and "flights", "fly" and "flying": one word, inflected. */
function sameWord(a: string, b: string): boolean {
  const stem = (w: string) => w.replace(/(?:ing|ed|es|s)$/, '').replace(/e$/, '').replace(/(.)\1$/, '$1')
  return stem(a) === stem(b)
}

/** Small words a phrase may keep inside it ("crashes at login", "charged twice on bill"). */
const PHRASE_CONNECTORS = new Set(['at', 'on', 'in', 'of', 'to', 'for', 'with', 'à', 'de', 'du', 'au', 'zu', 'im', 'al', 'di'])
const MAX_PHRASE_WORDS = 5
/** A phrase names the theme when at least this share of its messages (and two) say it word for word. */
const PHRASE_SUPPORT = 0.1
/** ...and at least this share of the messages that use the theme's most distinctive phrase. */
const PHRASE_HEAD_SHARE = 0.4
/** A theme's phrases are counted over this many of its messages: as telling as all, and a 50k week stays fast. */
const MAX_PHRASE_TEXTS = 1000

/**
 * Words that join two things rather than say one: a run of words through one is two phrases stacked
 * ("Password and the reset" from "I forgot my password and the reset email never comes").
 */
const COORDINATORS = new Set(['and', 'or', 'but', 'nor', 'plus', 'then', 'et', 'ou', 'mais', 'und', 'oder', 'aber', 'pero', 'mas', 'ma', 'oppure'])

/**
 * A message's clauses: a label's run of words never crosses a full stop, a question mark or a comma
 * ("Outage in leeds internet" was read across "Is there an outage in Leeds? Internet has been down").
 */
function clauses(text: string): string[][] {
  return text.split(/[.!?;:,…\n]+(?=\s|$)|[!?;…\n]+/u).map((clause) => words(clause)).filter((tokens) => tokens.length > 0)
}

/**
 * The label as the customers themselves put it: the most used run of words (up to five, starting and
 * ending on a topic word, only small connectors between, within one clause and through no name or
 * "and") that joins two of the theme's most distinctive words, e.g. "app crashes at login" rather
 * than "App, login". Null when no such run is said by enough of the theme.
 */
function phraseLabel(keyphrases: Keyphrase[], texts: string[], names: ReadonlySet<string>): string | null {
  const distinctive = new Map<string, number>()
  keyphrases.slice(0, LABEL_CANDIDATES).forEach((k, rank) => {
    for (const word of k.phrase.split(' ')) if (!distinctive.has(word)) distinctive.set(word, LABEL_CANDIDATES - rank)
  })
  if (distinctive.size < 2) return null
  const counts = new Map<string, { count: number; score: number }>()
  const read = texts.slice(0, MAX_PHRASE_TEXTS)
  for (const text of read) {
    const seen = new Set<string>()
    for (const tokens of clauses(text)) for (let start = 0; start < tokens.length; start++) {
      if (!distinctive.has(tokens[start])) continue
      for (let end = start + 1; end < Math.min(tokens.length, start + MAX_PHRASE_WORDS); end++) {
        const word = tokens[end]
        if (distinctive.has(word)) {
          const run = tokens.slice(start, end + 1)
          const key = run.join(' ')
          const topic = new Set(run.filter((w) => distinctive.has(w)))
          if (topic.size < 2 || seen.has(key)) continue
          seen.add(key)
          let score = 0
          for (const w of topic) score += distinctive.get(w)!
          const entry = counts.get(key) ?? { count: 0, score }
          entry.count++
          counts.set(key, entry)
        } else if ((!PHRASE_CONNECTORS.has(word) && !isThemeWord(word)) || COORDINATORS.has(word) || names.has(word)) {
          break
        }
      }
    }
  }
  // The phrase has to say the theme's most distinctive phrase, and about as often as the theme does:
  // a phrase of one language's minority ("app fica bloqueada") does not name a theme told in several.
  const head = keyphrases[0]
  const headWords = head.phrase.split(' ')
  const minCount = Math.max(2, Math.ceil(PHRASE_SUPPORT * read.length), Math.ceil(PHRASE_HEAD_SHARE * (head.support ?? 0) * read.length))
  let best: string | null = null
  let bestScore = 0
  for (const [phrase, { count, score }] of counts) {
    if (count < minCount || !headWords.every((w) => phrase.split(' ').includes(w))) continue
    const value = count * score
    // On equal evidence the fuller phrase says more ("app crashes at login" over "app crashes").
    if (value > bestScore || (value === bestScore && best !== null && phrase.length > best.length)) (bestScore = value), (best = phrase)
  }
  return best && best.length <= MAX_LABEL_LENGTH ? capitalise(best) : null
}

/** Endings of English contractions typed without the apostrophe ("thats", "youre", "theyve"). */
const CONTRACTED = [/s$/, /nt$/, /re$/, /ve$/, /ll$/, /d$/, /m$/]

/** "thats" is "that's": a stop word whose apostrophe was left out names nothing, in a label least of all. */
function isContractedStopword(word: string): boolean {
  const stopwords = stopwordsFor('en')
  return CONTRACTED.some((ending) => {
    const match = word.match(ending)
    if (!match || match.index === 0) return false
    const at = match.index! + (match[0] === 'nt' ? 1 : 0)
    return stopwords.has(`${word.slice(0, at)}'${word.slice(at)}`)
  })
}

/** A word is a name when it is written capitalised at least this share of the times it is not the first of a sentence... */
const NAME_CAPITALISED_SHARE = 0.9
/** ...and it is seen there this often. */
const NAME_MIN_MENTIONS = 3

/**
 * Words the theme's customers write capitalised inside a sentence nearly every time: names of places,
 * companies and people ("Horsforth", "Brightwave"), not the things a theme is about, which are written
 * in lower case by most ("app", "router", "bill"). Product words of cross-lingual.ts are never names.
 */
export function properNouns(texts: string[]): Set<string> {
  const mentions = new Map<string, { capitalised: number; all: number }>()
  // A uniform sample: a week's texts are in sent order.
  const step = Math.max(1, Math.ceil(texts.length / MAX_PHRASE_TEXTS))
  for (const text of texts.filter((_, i) => i % step === 0)) {
    for (const match of text.matchAll(/(?<=[\p{L}\p{N},;:'’)] +)(\p{L}[\p{L}'’-]*)/gu)) {
      const word = match[1]
      const entry = mentions.get(word.toLowerCase()) ?? { capitalised: 0, all: 0 }
      entry.all++
      if (word[0] !== word[0].toLowerCase() && word.slice(1) === word.slice(1).toLowerCase()) entry.capitalised++
      mentions.set(word.toLowerCase(), entry)
    }
  }
  const names = new Set<string>()
  for (const [word, { capitalised, all }] of mentions) {
    if (all >= NAME_MIN_MENTIONS && capitalised >= NAME_CAPITALISED_SHARE * all && !isProductWord(word)) names.add(word)
  }
  return names
}

function fallbackLabel(text: string | undefined): string {
  const words = (text ?? '').replace(/https?:\/\/\S+|@\w+/g, '').trim().split(/\s+/).slice(0, 5).join(' ')
  return words ? capitalise(words) : 'Unlabelled theme'
}

/** What the report says of a theme: its size, the words its messages use most, and its lead quote as shown. */
export function themeDescription(input: { label: string; keyphrases: string[]; volume: number; typical?: string }): string {
  const { label, volume } = input
  const phrases = input.keyphrases.slice(0, 5).map((k) => `“${k}”`)
  const about = phrases.length > 0 ? ` Messages most often mention ${listOf(phrases)}.` : ''
  const typical = input.typical ? ` A typical message: “${shorten(input.typical)}”` : ''
  return `${label}: ${volume} message${volume === 1 ? '' : 's'}.${about}${typical}`.trim()
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function shorten(text: string): string {
  const clean = text.replace(/https?:\/\/\S+/g, '').replace(/\s+/g, ' ').trim()
  return clean.length <= MAX_QUOTE_IN_DESCRIPTION ? clean : `${clean.slice(0, MAX_QUOTE_IN_DESCRIPTION - 1).trimEnd()}…`
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1)
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0
  for (let d = 0; d < a.length; d++) sum += a[d] * b[d]
  return sum
}
