// Reply suggestion without an LLM, the Smart Reply way: the candidates are this brand's own past
// replies (and accepted suggestions) to customer messages like this one. They are cleaned of the old
// conversation's specifics, grouped (a reply the brand sent many times is a trusted one), ranked by
// similarity × frequency, picked for diversity of approach (MMR), and framed for this customer.
import { MESSAGE_KIND_INTENTS, PRAISE_INTENT, PROBLEM_INTENTS } from '../classify/taxonomy.ts'
import { assessNeedsReply, CLOSING_REASONS, ONLY_CLOSING_REASONS } from '../classify/urgency.ts'
import { ESCALATION_CUES, foldText, REPEATED_CUES, thanksCue } from '../classify/plain-cues.ts'
import { detectLanguage } from '../classify/language.ts'
import type { SuggestionSource } from '../../store/suggestions.ts'
import { sentencesOf } from '../../text/sentences.ts'
import { letterAndDigitRuns } from '../../text/tokenize.ts'
import { claimsOf, doneInConversation, unbackedClaims, type ActionClaim } from './claims.ts'
import { ASKS_GIVEN_CONFIDENCE, asksDetailsOpenly, asksForGiven, givenDetails, onlyAsksForGiven, sentPrivately, withoutAskingForGiven } from './asks-given.ts'
import { approachOf, cleanReply, frameDraftDetailed, opensWithGreeting, stripFrame } from './clean.ts'
import { escalationReply, fallbackTemplates, TEMPLATES } from './fallback-replies.ts'
import { knowledgeAnswer, type KnowledgeAnswer } from './knowledge-draft.ts'
import { aboutOtherSubjectOnly, answersOtherProblem, problemsIn, subjectProblem, withoutOtherProblemSentences } from './problems.ts'
import { triggerTurns } from './retrieve.ts'
import { REPEATS_STEP_CONFIDENCE, REPEATS_STEP_RANK, repeatedSteps, stepsTakenIn, withoutRepeatedSteps, type RepeatableStep } from './steps-taken.ts'
import { placeholdersIn, slotContextFor, type SlotContext } from './template.ts'
import type { Approach, Draft, ReplyCandidate, ReplyRequest, ReplyResult, ReplySuggester, Retrieval } from './types.ts'

/** Near-identical replies (word-set Jaccard at least this) are one reply sent several times. */
const SAME_REPLY_JACCARD = 0.6
/**
 * Weight of where the past case stood (the turn before its customer message, against the turn before
 * this one), against how close its customer message is to this one: a follow-up is answered as the
 * past cases at the same point were.
 */
const CONTEXT_WEIGHT = 0.5
/**
 * A follow-up whose stage some past case clearly shares (the turn before matches at least
 * CLEAR_CONTEXT) is not answered from past cases at another stage: those whose turn before matches
 * less than CONTEXT_FLOOR_SHARE of the best are left out, however often their reply was sent.
 */
const CLEAR_CONTEXT = 0.5
const CONTEXT_FLOOR_SHARE = 0.5
/** Weight of how often the brand sent a reply, against how similar its question was. */
const FREQUENCY_WEIGHT = 0.25
/**
 * A reply opening with a yes or a no answered its own customer's question; below this relevance the
 * current question is another one, and the opener goes: "Will I get an email confirming the refund?"
 * got "No, you won't: the duplicate came from a payment retry…" (0.13). A customer who asks nothing is
 * answered no yes or no at any relevance: "I was charged twice this month" got that same reply (0.35).
 */
const SAME_QUESTION_RELEVANCE = 0.5
const YES_NO_OPENER = /^(?:yes|no|yep|nope|yeah|sí|si|oui|non|ja|nein|sim|não|nao)\b[^.!?:;\n]{0,30}[.!:;,]\s+(?=\S)/iu
/**
 * …and so does an opener cheering the news its customer gave: "Mi router no funciona… ya lo he reiniciado"
 * got "¡Genial! Podrás volver a activar el acceso biométrico…" (0.20).
 */
const CHEER_OPENER = new RegExp(
  '^¡?(?:great|perfect|awesome|brilliant|fantastic|excellent|glad|happy to hear|good to hear|congratulations|congrats|genial|perfecto|estupendo|enhorabuena|felicidades|qué bien|nos alegra|parfait|génial|félicitations|ravis?|toll|perfekt|glückwunsch|das freut uns|freut uns|ótimo|otimo|perfeito|parabéns|que bom|ottimo|perfetto|complimenti|che bello)\\b[^.!?:;\\n]{0,30}!\\s+(?=\\S)',
  'iu',
)

function withoutOtherAnswer(body: string, relevance: number, asked: boolean): string | null {
  const openers = relevance < SAME_QUESTION_RELEVANCE ? [YES_NO_OPENER, CHEER_OPENER] : asked ? [] : [YES_NO_OPENER]
  const opener = openers.find((o) => o.test(body))
  if (!opener) return body
  const rest = body.replace(opener, '')
  return rest.length > 0 ? `${rest[0]!.toUpperCase()}${rest.slice(1)}` : null
}

/** Relevance first: a different approach is preferred only among candidates scoring within this share of the best one left. */
const NEAR_EQUAL_SHARE = 0.04
/** A reply stating an action this conversation does not show (refunded, sent…) ranks below an equal one that promises. */
const UNBACKED_CLAIM_RANK = 0.93
/** …and is trusted less: the agent must confirm the action before sending. */
const UNBACKED_CLAIM_CONFIDENCE = 0.6
/**
 * A reply that asks for a detail the customer already gave (see asks-given.ts) ranks below one that
 * uses it: bw-whatsapp-0077 wrote "Order BW-8042600" and its first draft ended "Could you send us your order number?".
 */
const ASKS_GIVEN_RANK = 0.85
/**
 * A reply to a past message the classifier read as about another subject (billing against account
 * login) ranks below one to the same subject: the builtin embedder is lexical, and "Can I pay my bill
 * with PayPal?" was nearest to "Trying to log in to pay my bill…", whose locked-account reply came first.
 */
const OTHER_SUBJECT_RANK = 0.85
/** What a reply to another subject may still offer: a question, nothing of the other case's facts or steps. */
const ASKS_ONLY: ReadonlySet<Approach> = new Set(['ask_dm', 'ask_details', 'check_and_follow_up'])
/** …and is trusted less: its words matched, its subject did not. */
export const OTHER_SUBJECT_CONFIDENCE = 0.7
/** A draft cut for the channel limit says less than the reply it came from. */
const TRUNCATED_CONFIDENCE = 0.75
/** A cut that keeps less than this share of the reply no longer answers: the draft is dropped. */
const MIN_KEPT_SHARE = 0.5
const SOURCES_PER_DRAFT = 3
const EXCERPT_CHARS = 200
const TEMPLATE_CONFIDENCE = 0.2
/**
 * The escalation reply answers what the customer asked in so many words (ESCALATION_CUES), so it is
 * trusted above a generic template, though no more than a past reply that fits the case well: "Third time
 * I'm explaining" had "Thanks for the feedback! We've passed it to our app team" at 0.30 above it.
 * A judgement, not a measurement: too few eval messages ask for a manager (18 of 3,142) to fit it on.
 */
const ESCALATION_CONFIDENCE = 0.4
/** Past replies all trusted less than this fit the case poorly: a knowledge passage somewhat further away may answer it (see KNOWLEDGE_FALLBACK_SCORE). */
const WEAK_PAST_REPLY_CONFIDENCE = 0.3
const HUMAN_REVIEW_REASONS = new Set(['safety_terms', 'legal_terms', 'security_terms'])
/** Reasons that mean "nothing to answer" only when the message is short chatter; a complaint overrides them. */
const SOFT_NO_REPLY_REASONS = new Set(['no_request'])
// Something went wrong for the customer, in the supported languages: an unanswered message saying so always gets a reply.
const COMPLAINT_CUES = new RegExp([
  "(?:not|never|still(?: not| no)?|hasn'?t|haven'?t|didn'?t|doesn'?t|won'?t|isn'?t) (?:arrived|received|come|turned up|working|work|delivered|here)|\\b(?:late|delay(?:ed)?|missing|broken|damaged|wrong|refund|charged twice|double charged|overcharged|cancel)",
  "(?:pas|jamais|toujours pas) (?:reçu|arrivé|livré)|\\b(?:retard|en retard|cassé|endommagé|remboursement|manquant|débité deux fois|annuler)",
  '(?:nicht|noch nicht|nie) (?:angekommen|erhalten|geliefert)|\\b(?:verspätet|verspätung|kaputt|beschädigt|erstattung|doppelt abgebucht|stornieren)',
  '(?:no|todavía no|nunca) (?:ha llegado|he recibido|llegó)|\\b(?:retraso|roto|dañado|reembolso|cobrado dos veces|cancelar)',
  '(?:não|ainda não|nunca) (?:chegou|recebi)|\\b(?:atraso|partido|danificado|reembolso|cobrado duas vezes|cancelar)',
  '(?:non|ancora non|mai) (?:è arrivato|ho ricevuto|arrivato)|\\b(?:ritardo|rotto|danneggiato|rimborso|addebitato due volte|annullare)',
].join('|'), 'iu')

export interface TriggerAssessment {
  shouldReply: boolean
  reason: string
  messageId: string | null
}

/**
 * Smart Reply's triggering step: thanks, emoji and closings need no reply; an answered conversation
 * needs none; safety, legal and security matters are flagged for a person. Uses the classifier's
 * stored needs-reply/urgency when present, the same rules on the fly when not.
 */
export function assessTrigger(req: ReplyRequest): TriggerAssessment {
  const trigger = triggerTurns(req.turns)
  const last = trigger[trigger.length - 1]
  if (!last) return { shouldReply: false, reason: 'no_customer_message', messageId: null }
  if (req.turns[req.turns.length - 1]?.role === 'agent') return { shouldReply: false, reason: 'last_message_from_agent', messageId: last.messageId }
  const assessment =
    last.needsReply !== null
      ? { needsReply: last.needsReply, urgency: last.urgency ?? 'normal', reasons: last.reasons }
      : assessNeedsReply({ text: last.text, role: 'customer', channel: req.channel, unansweredCustomerMessages: trigger.length, brandHandles: req.voice.handles })
  const reason = assessment.reasons[0] ?? 'no_request'
  // An unanswered complaint is never "no request", whatever the classifier's lexicons missed.
  const complaint = trigger.some((t) => COMPLAINT_CUES.test(t.text))
  if (!assessment.needsReply && !(complaint && SOFT_NO_REPLY_REASONS.has(reason))) return { shouldReply: false, reason, messageId: last.messageId }
  const needsHuman = assessment.urgency === 'critical' || assessment.reasons.some((r) => HUMAN_REVIEW_REASONS.has(r))
  return { shouldReply: true, reason: needsHuman ? 'needs_human' : 'needs_reply', messageId: last.messageId }
}

/**
 * Why a last message needs no reply because it closes the case: it is only thanks or an "ok" (the
 * message is nothing else), or it reads as a closer after an answer ("Great, thank you"), which the
 * cues can mistake ("Booking no YIUBPF. Thanks." on TWCS). Not an emoji alone: "👍" closes, "🤬" does
 * not, and "@Google" with a screenshot opens a case.
 */

/** A past customer message that closed its case, read as one following an answer ("Thanks, all sorted 👍"). */
function closes(text: string, channel: string): boolean {
  const assessment = assessNeedsReply({ text, role: 'customer', channel, afterAgentReply: true, brandHandles: [] })
  return !assessment.needsReply && CLOSING_REASONS.has(assessment.reasons[0])
}

export interface RankedReply {
  body: string
  approach: Approach
  score: number
  similarity: number
  count: number
  members: ReplyCandidate[]
  /** Actions the reply states as done that this conversation does not show. */
  claims: ActionClaim[]
  /** Steps it tells the customer to take that they say they already took. */
  repeats: RepeatableStep[]
  /** It asks for a detail the customer already gave (asks-given.ts). */
  asksGiven: boolean
  /** It answered a past message the classifier read as about another subject, or another problem of this subject (problems.ts). */
  offSubject: boolean
  /**
   * It answered a past message read as about this very subject (and problem). Neither flag is set for a
   * past message without a subject (`other`, a question, a complaint about the service): such a reply is
   * no evidence that the brand has answered this case before.
   */
  sameSubject: boolean
  /** It answered praise: its customer's message was read as praise, or its own words thank for kind words. */
  toPraise: boolean
  /**
   * Its words, as offered (the sentences that could be left out are), still name a problem or subject of
   * its own case that this customer never raised (problems.ts): it tells that case.
   */
  namesOtherCase: boolean
}

function wordSet(text: string): Set<string> {
  return new Set(letterAndDigitRuns(text))
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

/** How well a past case matches this one: its message against the last turn, and the turn before each. */
export function relevanceOf(c: ReplyCandidate): number {
  return c.contextSimilarity === null ? c.similarity : (1 - CONTEXT_WEIGHT) * c.similarity + CONTEXT_WEIGHT * Math.max(0, c.contextSimilarity)
}

/** Languages detected for past replies stored without one: the same replies come back request after request. */
const DETECTED_LANGUAGE_CACHE_SIZE = 4_000
const detectedLanguages = new Map<string, string>()

function candidateLanguage(c: ReplyCandidate): string {
  if (c.language && c.language !== 'und') return c.language
  let language = detectedLanguages.get(c.text)
  if (language === undefined) {
    language = detectLanguage(c.text).language
    if (detectedLanguages.size >= DETECTED_LANGUAGE_CACHE_SIZE) detectedLanguages.delete(detectedLanguages.keys().next().value!)
    detectedLanguages.set(c.text, language)
  }
  return language
}

/** Picks the candidates in the customer's language, or English with a note when the brand has none. */
export function candidatesInLanguage(retrieval: Retrieval): { pool: ReplyCandidate[]; language: string; note?: string } {
  const all = retrieval.candidates.map((c) => ({ c, lang: candidateLanguage(c) }))
  let language = retrieval.language
  if (language === 'und') {
    const counts = new Map<string, number>()
    for (const { lang } of all) counts.set(lang, (counts.get(lang) ?? 0) + 1)
    language = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en'
    if (language === 'und') language = 'en'
  }
  const same = all.filter((x) => x.lang === language).map((x) => x.c)
  if (same.length > 0 || language === 'en') return { pool: same, language }
  const english = all.filter((x) => x.lang === 'en').map((x) => x.c)
  if (english.length === 0) return { pool: [], language }
  return { pool: english, language: 'en', note: `no past replies in ${languageName(language)}; drafts are in English` }
}

const LANGUAGE_NAMES = new Intl.DisplayNames('en', { type: 'language' })
/** "nl" → "Dutch" for the agent reading the note; a code Intl does not know stays a code. */
function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * What a message is about, by the classifier, for matching a past reply to it: its subject intent (not
 * "question", "complaint"…), or praise, because a reply to praise thanks for kind words and answers
 * nothing else ("Do you have any deals for students?" got "We'll pass your kind words on to the team").
 */
function subjectOfIntent(intent: string | null | undefined): string | undefined {
  return intent && (intent === PRAISE_INTENT || !MESSAGE_KIND_INTENTS.has(intent)) ? intent : undefined
}

/**
 * A reply that thanks for kind words, in its own words: it names them ("We'll pass your kind words on to the team",
 * "This made our day!"), or thanks for the message and passes it on to the team ("Merci beaucoup pour ce message !
 * Nous transmettons à l'équipe", "¡Muchísimas gracias por tu mensaje! Se lo pasamos al equipo"). Passing feedback
 * on alone is not it: brands say so to complaints and wishes too. Such a reply answers praise whatever its
 * customer's message was read as: one read as billing ("had a problem with my bill and it was fixed… Cheers!")
 * made its reply a billing answer, offered first to a double charge.
 */
const KIND_WORDS = /(?<![\p{L}])(?:kind words|made our day|lovely to hear|taking the time to tell us|vos compliments|tus palabras|sus palabras|tus elogios|seus elogios|i tuoi complimenti)(?![\p{L}])|따뜻한 말씀|คำชม/u
const THANKS_FOR_MESSAGE = /(?<![\p{L}])(?:thank you(?: so much)? for (?:your|the) message|merci(?: beaucoup)? pour (?:ce|votre) message|(?:muchas|muchisimas) gracias por (?:tu|su) mensaje|gracias por (?:tu|su) mensaje|obrigad[oa] pela mensagem|grazie(?: mille)? per il messaggio|danke fur (?:deine|ihre|die) nachricht)(?![\p{L}])/u
const TO_THE_TEAM = /(?<![\p{L}])(?:(?:pass|share)\b[^.!?]{0,30}\b(?:on to|to|with) the team|transmettons\b[^.!?]{0,10}(?:a )?l'equipe|(?:pasamos|trasladamos)\b[^.!?]{0,10}al equipo|partilhar com a equipa|compartilhar com a equipe|condividiamo con il team|ans team weiter)(?![\p{L}])/u
function thanksForKindWords(reply: string): boolean {
  const folded = foldText(reply)
  return KIND_WORDS.test(folded) || KIND_WORDS.test(reply) || (THANKS_FOR_MESSAGE.test(folded) && TO_THE_TEAM.test(folded))
}

/** What a past reply answered: praise when its words thank for kind words, else the subject its customer's message was read as. */
const pastSubjectOf = (c: ReplyCandidate) => (thanksForKindWords(c.text) ? PRAISE_INTENT : subjectOfIntent(c.customerIntent))

/** Everything the customer wrote in the conversation, one message a line. */
const customerSaid = (turns: ReplyRequest['turns']) => turns.filter((t) => t.role === 'customer').map((t) => t.text).join('\n')

/** Whether a past reply to `pastSubject` (pastSubjectOf) answered the same subject as the message being answered (labelled `intent`). */
function answersSameSubject(intent: string | null | undefined, pastSubject: string | undefined): boolean {
  const subject = subjectOfIntent(intent)
  return subject !== undefined && pastSubject === subject
}

/** Whether a past reply to `pastSubject` (pastSubjectOf) answered another subject than the message being answered (labelled `intent`). */
function answersOtherSubject(intent: string | null | undefined, pastSubject: string | undefined): boolean {
  if (pastSubject === undefined || !intent) return false
  const subject = subjectOfIntent(intent)
  return pastSubject === PRAISE_INTENT ? subject !== PRAISE_INTENT : subject !== undefined && subject !== pastSubject
}

/**
 * A past reply that tells another customer's case, offered to no one (nor shown to a model): to another
 * subject, it states an action was taken ("The second [amount] payment on A77812 was a duplicate: I've
 * refunded it" to a parcel marked delivered), or its words name a problem or subject of its own case this
 * customer never raised ("Le transporteur a perdu le colis: nous vous envoyons un nouveau boîtier" to a
 * wifi dropout; "Could you send us the new postcode and your moving date?" to a bill higher than the plan;
 * "Das ist ein bekannter Fehler … beim Login mit Face ID" to a technician who never came, its case read as
 * another subject and its words naming one). Its question may still be asked when the rest is what names
 * the case (askingWithoutOtherCase).
 */
export function tellsAnotherCase(r: RankedReply): boolean {
  return (r.offSubject && r.claims.length > 0) || r.namesOtherCase
}

/**
 * A reply that names its own case's problem or subject and asks something, offered as the question
 * alone: the apology in "Really sorry for the double charge. Can you DM us your account email…?" tells a
 * customer asking why their bill is higher that they were charged twice, and "El mando por voz está
 * agotado; el nuevo stock llega…" a customer whose verification code never comes that their remote is
 * out of stock. The question is what their case needs too.
 */
function askingWithoutOtherCase(body: string, ourProblems: ReadonlySet<string>, pastProblems: ReadonlySet<string>, past: ReplyCandidate): string {
  const theirs = new Set(pastProblems)
  const pastSubject = subjectOfIntent(past.customerIntent)
  if (pastSubject && pastSubject !== PRAISE_INTENT) theirs.add(subjectProblem(pastSubject))
  // A question in words approachOf does not know ("¿Nos das tu número de pedido?") asks too.
  const asks = (text: string) => ASKS_ONLY.has(approachOf(text)) || /[?？]\s*$/u.test(text)
  const asking = withoutOtherProblemSentences(ourProblems, theirs, body)
  return asking && asks(asking) ? withoutWaitApology(asking) : body
}

/**
 * "Sorry for the wait!" apologised to the other case's customer, who had waited: left on its question it
 * greeted a remote that stopped working ("¡Perdona la espera! ¿Nos das tu número de pedido?") and a
 * technician who never came with a wait nobody had had.
 */
const WAIT_APOLOGY = /^¡?(?:(?:so |really )?sorry (?:for|about) the (?:wait|delay)|thanks? (?:you )?for (?:your|the) patience|(?:désolée?s? pour|pardon pour) l['’]attente|merci (?:pour|de) votre patience|entschuldig(?:e|en sie|t) (?:die|bitte die) (?:wartezeit|verzögerung)|danke für (?:deine|ihre) geduld|(?:perdona|perdón por|disculpa|disculpe|sentimos) (?:la )?(?:espera|demora)|gracias por (?:tu|su) paciencia|(?:desculpe?|pedimos desculpa pel)a? ?(?:a )?(?:espera|demora)|obrigad[oa] pela paciência|scusa(?:te)? (?:per )?l['’]attesa|ci scusiamo per l['’]attesa|grazie per la pazienza)\b[^.!?]{0,25}[.!]?$/iu

function withoutWaitApology(text: string): string {
  const sentences = sentencesOf(text)
  const kept = sentences.filter((s) => !WAIT_APOLOGY.test(s.trim()))
  return kept.length > 0 && kept.length < sentences.length ? kept.join(' ') : text
}

/** Cleans (case facts become slots), groups near-identical replies, scores each group by similarity × how often it was sent. */
export function rankCandidates(req: ReplyRequest, pool: ReplyCandidate[], slots?: SlotContext): RankedReply[] {
  const context = slots ?? slotContextFor(req, [], pool)
  // What the customer gave (their order number, a date, an address…): a draft does not ask for it again.
  const given = givenDetails(req.turns, context.identifierKind === '[order number]' ? context.fillers.get('identifier') : undefined, req.voice.handles)
  const done = doneInConversation(req.turns)
  const taken = stepsTakenIn(req.turns)
  const intent = triggerTurns(req.turns).at(-1)?.intent
  const asked = triggerTurns(req.turns).some((t) => t.text.includes('?') || t.reasons.includes('question'))
  const reportsProblem = !asked && PROBLEM_INTENTS.includes(intent ?? '')
  // The subject the classifier read counts as named, whatever words the customer used for it.
  const ourProblems = problemsIn(customerSaid(req.turns))
  const ourSubject = subjectOfIntent(intent)
  if (ourSubject) ourProblems.add(subjectProblem(ourSubject))
  // What the agent already sent in this conversation is no draft: bw-x-0403's "Still nothing here in
  // Pudsey" was answered "Service is restored now…", and the top draft (1.0) was that reply again.
  const sent = req.turns.filter((t) => t.role === 'agent').map((t) => wordSet(stripFrame(t.text)))
  const groups: Array<RankedReply & { words: Set<string>; conversations: Set<string> }> = []
  const bestContext = Math.max(...pool.map((c) => c.contextSimilarity ?? Number.NEGATIVE_INFINITY))
  const atThisStage = bestContext >= CLEAR_CONTEXT ? pool.filter((c) => (c.contextSimilarity ?? 0) >= CONTEXT_FLOOR_SHARE * bestContext) : pool
  for (const c of [...atThisStage].sort((a, b) => relevanceOf(b) - relevanceOf(a))) {
    const cleaned = cleanReply(c.text, { brandHandles: req.voice.handles, pastCustomer: c.pastCustomer, slots: context, channel: req.channel })
    const answer = cleaned && withoutOtherAnswer(withoutAskingForGiven(cleaned, given), relevanceOf(c), asked)
    if (!answer || onlyAsksForGiven(answer, given)) continue
    const theirs = problemsIn(c.caseText ?? c.customerText)
    const body = askingWithoutOtherCase(answer, ourProblems, theirs, c)
    const words = wordSet(body)
    if (sent.some((said) => jaccard(said, words) >= SAME_REPLY_JACCARD)) continue
    const group = groups.find((g) => jaccard(g.words, words) >= SAME_REPLY_JACCARD)
    if (group) {
      group.members.push(c)
      group.conversations.add(c.conversationId)
      continue
    }
    const claims = unbackedClaims(claimsOf(body, context.fillers.get('identifier')), done)
    const repeats = repeatedSteps(body, taken)
    const pastSubject = pastSubjectOf(c)
    // Its words name another subject than this customer's, and the classifier read its case as another one
    // too: "Das ist ein bekannter Fehler … beim Login mit Face ID" (a bug outage) to a technician who never came.
    // A past message of no subject (a question, a complaint) is of the subject its reply names: "Fibre 500
    // convient à la plupart des foyers…" (pricing) was the first draft for a technician who never came.
    const namesOtherCase = answersOtherProblem(ourProblems, theirs, body, pastSubject) ||
      (pastSubject !== PRAISE_INTENT && (answersOtherSubject(intent, pastSubject) || pastSubject === undefined) && aboutOtherSubjectOnly(ourProblems, body))
    // Read on the reply as written: a question kept from a reply to another problem still answers that problem.
    // A past message of no subject ("What's the difference between Fibre 500 and 900?", a question) is
    // placed by its reply's words: "Fibre 500 suits most homes… you can upgrade any time" answers pricing,
    // and was offered to "my engineer appointment was booked for today and nobody came" as on its subject.
    // An answer to a question of no subject does not answer a problem reported without a question: "Yes, Stream+
    // includes the streaming box…" (to "ok and is the box included?") was the first draft to "I ordered the 4K box
    // but you sent me the HD one".
    const answersOtherQuestion = reportsProblem && pastSubject === undefined && /[?？]/u.test(c.customerText) && approachOf(answer) === 'inform'
    const offSubject = answersOtherProblem(ourProblems, theirs, answer, pastSubject) || answersOtherSubject(intent, pastSubject) ||
      (pastSubject === undefined && aboutOtherSubjectOnly(ourProblems, answer)) || answersOtherQuestion
    groups.push({
      body, approach: approachOf(body), score: 0, similarity: relevanceOf(c), count: 0, members: [c], claims, repeats, asksGiven: asksForGiven(body, given), words,
      offSubject, namesOtherCase, sameSubject: !offSubject && answersSameSubject(intent, pastSubject), toPraise: pastSubject === PRAISE_INTENT, conversations: new Set([c.conversationId]),
    })
  }
  for (const g of groups) {
    g.count = g.conversations.size
    g.score = g.similarity * (1 + FREQUENCY_WEIGHT * Math.log(g.count)) * (g.claims.length ? UNBACKED_CLAIM_RANK : 1) * (g.asksGiven ? ASKS_GIVEN_RANK : 1) *
      (g.repeats.length ? REPEATS_STEP_RANK : 1) * (g.offSubject ? OTHER_SUBJECT_RANK : 1)
  }
  return groups.sort((a, b) => b.score - a.score).map(({ words: _w, conversations: _c, ...g }) => g)
}

/**
 * Relevance first, then variety: each next draft is the best-scoring one left, unless another within
 * NEAR_EQUAL_SHARE of it takes an approach not yet offered and reads differently.
 */
export function diversify(ranked: RankedReply[], n: number): RankedReply[] {
  const words = new Map(ranked.map((r) => [r, wordSet(r.body)]))
  const picked: RankedReply[] = []
  const left = [...ranked].sort((a, b) => b.score - a.score)
  while (picked.length < n && left.length > 0) {
    const floor = left[0].score * (1 - NEAR_EQUAL_SHARE)
    const distinct = left.findIndex((r) => r.score >= floor && !picked.some((p) => p.approach === r.approach || jaccard(words.get(p)!, words.get(r)!) >= SAME_REPLY_JACCARD))
    picked.push(left.splice(Math.max(0, distinct), 1)[0])
  }
  return picked
}

function sourcesOf(r: RankedReply, slots: SlotContext): SuggestionSource[] {
  return r.members.slice(0, SOURCES_PER_DRAFT).map((m) => ({
    type: 'past_reply',
    id: m.id,
    conversationId: m.conversationId,
    messageId: m.customerMessageId,
    score: Number(m.similarity.toFixed(4)),
    excerpt: (cleanReply(m.text, { brandHandles: [], pastCustomer: m.pastCustomer, slots }) ?? '').slice(0, EXCERPT_CHARS),
  }))
}

/**
 * Knowledge drafts are trusted by how well the passage matches (the answer score 0.4 → 0.42, 0.6 → 0.63):
 * the brand wrote it, but sentences lifted from an article rarely read like the reply an agent sends.
 */
const KNOWLEDGE_CONFIDENCE_PER_SCORE = 1.05

function knowledgeDraftOf(
  answer: KnowledgeAnswer, slots: SlotContext, done: ReadonlySet<ActionClaim>, taken: ReadonlySet<RepeatableStep>,
  frame: (body: string, approach: Approach) => ReturnType<typeof frameDraftDetailed>,
): Draft | null {
  // An article's step the customer has taken is left out: "a red light means there is no signal" still answers.
  const body = cleanReply(withoutRepeatedSteps(answer.body, taken), { brandHandles: slots.brandHandles, slots })
  const approach = body ? approachOf(body) : 'inform'
  const framed = body ? frame(body, approach) : null
  if (!framed || (framed.truncated && framed.keptShare < MIN_KEPT_SHARE)) return null
  const { hit } = answer
  let confidence = Math.min(0.9, KNOWLEDGE_CONFIDENCE_PER_SCORE * hit.score)
  if (framed.truncated) confidence *= TRUNCATED_CONFIDENCE
  const claims = unbackedClaims(claimsOf(framed.text), done)
  if (claims.length) confidence *= UNBACKED_CLAIM_CONFIDENCE
  const repeats = repeatedSteps(framed.text, taken)
  if (repeats.length) confidence *= REPEATS_STEP_CONFIDENCE
  return {
    text: framed.text, approach, confidence: Number(Math.min(1, confidence).toFixed(3)),
    sources: [{ type: 'knowledge', id: hit.chunkId, articleId: hit.articleId, title: hit.title, score: Number(hit.score.toFixed(4)), excerpt: hit.text.slice(0, EXCERPT_CHARS) }],
    claims, repeats, placeholders: placeholdersIn(framed.text),
  }
}

export function localDrafts(req: ReplyRequest, retrieval: Retrieval, trigger = assessTrigger(req)): { drafts: Draft[]; language: string; note?: string } {
  const { pool, language, note } = candidatesInLanguage(retrieval)
  const slots = slotContextFor(req, retrieval.knowledge.map((k) => k.text), pool)
  let ranked = rankCandidates(req, pool, slots)
  // Already in a private channel: "send us a DM" is no answer.
  if (req.mode === 'private') ranked = ranked.filter((r) => r.approach !== 'ask_dm')
  // A customer closing the case gets what the brand said to a closing first: bw-x-0240's "cheers 👍", after
  // its refund was confirmed, got "Congratulations on the move!" from replies to other messages. A message
  // that is only thanks gets nothing else (and no template); a closer read by its cues keeps the rest after.
  const closing = !trigger.shouldReply && CLOSING_REASONS.has(trigger.reason)
  const onlyClosing = closing && ONLY_CLOSING_REASONS.has(trigger.reason)
  const toClosings = closing ? ranked.filter((r) => r.members.some((c) => closes(c.customerText, req.channel))) : []
  const rest = onlyClosing ? [] : ranked.filter((r) => !toClosings.includes(r))
  // Greet the way the brand does: as its configured greeting says, or as the reused reply did.
  const frame = (body: string, approach: Approach, greet = true) =>
    frameDraftDetailed(body, { channel: req.channel, mode: req.mode, tone: req.tone, language, maxChars: req.maxChars, customer: req.customer, voice: req.voice, approach, greet: greet || Boolean(req.voice.greeting) })
  const drafts: Draft[] = []
  const answering = triggerTurns(req.turns).at(-1)
  const praise = answering?.intent === PRAISE_INTENT
  let toldOtherCases = 0
  // "Thanks for sorting my bill!" (billing) is answered as praise is, so a reply to praise may fit it; not thanks
  // before a problem: "thanks to Tom…, lovely guy, but my bill is £20 more" got "We'll pass your kind words on to the team ❤️".
  // A pleased message in words the cues do not know ("you guys rock 👏") may be answered so too.
  const thanked = answering !== undefined && answering.sentiment !== 'negative' && (thanksCue(foldText(answering.text)) || answering.sentiment === 'positive')
  let toThisSubject = 0
  for (const r of [...diversify(toClosings, req.n * 2), ...diversify(rest, req.n * 2)]) {
    if (drafts.length >= req.n) break
    const framed = frame(r.body, r.approach, opensWithGreeting(r.members[0].text))
    if (!framed || drafts.some((d) => d.text === framed.text)) continue
    if (framed.truncated && framed.keptShare < MIN_KEPT_SHARE) continue
    let confidence = r.similarity * (0.7 + 0.3 * Math.min(1, r.count / 3))
    if (r.claims.length) confidence *= UNBACKED_CLAIM_CONFIDENCE
    if (r.repeats.length) confidence *= REPEATS_STEP_CONFIDENCE
    if (r.asksGiven) confidence *= ASKS_GIVEN_CONFIDENCE
    if (r.offSubject) confidence *= OTHER_SUBJECT_CONFIDENCE
    if (framed.truncated) confidence *= TRUNCATED_CONFIDENCE
    if (tellsAnotherCase(r)) {
      toldOtherCases++
      continue
    }
    // Praise is not answered by a reply to another subject, which apologises or troubleshoots ("Tout fonctionne
    // à nouveau, merci" got "Désolés pour ces coupures. Pouvez-vous débrancher le modem…"), and a message about
    // a subject that thanks no one is not answered by a reply to praise ("Il tecnico … non si è visto nessuno"
    // got "Grazie mille per il messaggio! Lo condividiamo con il team ❤️"). Closings are answered as closings were.
    if (!toClosings.includes(r) && r.offSubject && (praise || (r.toPraise && !thanked))) continue
    if (r.sameSubject) toThisSubject++
    drafts.push({
      text: framed.text, approach: r.approach, confidence: Number(Math.max(0, Math.min(1, confidence)).toFixed(3)), sources: sourcesOf(r, slots),
      claims: r.claims, repeats: r.repeats, placeholders: placeholdersIn(framed.text),
    })
  }
  // An article that answers the case is offered beside the best past reply (second, or first when no past
  // reply fits); not to a customer who is closing ("Thank you, much appreciated" got the app-crash article at 0.54)
  // or giving praise.
  const weakPastReplies = Math.max(0, ...drafts.map((d) => d.confidence)) < WEAK_PAST_REPLY_CONFIDENCE
  const fromKnowledge = trigger.shouldReply && !praise && knowledgeAnswer(retrieval.knowledge, customerSaid(req.turns), language, { fallback: weakPastReplies, subject: subjectOfIntent(answering?.intent) })
  const knowledgeDraft = fromKnowledge && knowledgeDraftOf(fromKnowledge, slots, doneInConversation(req.turns), stepsTakenIn(req.turns), frame)
  if (knowledgeDraft && !drafts.some((d) => d.text === knowledgeDraft.text)) {
    drafts.splice(Math.min(1, drafts.length), 0, knowledgeDraft)
    drafts.length = Math.min(drafts.length, req.n)
  }
  const escalation = escalationDraft(req, trigger, language, drafts, (body) => frame(body, 'apologise_escalate')?.text ?? null)
  if (escalation) {
    drafts.unshift(escalation)
    drafts.length = Math.min(drafts.length, req.n)
  }
  const templates = fallbackTemplates(language, praise)
  // A question about no problem is not asked what happened: "Ciao, vorrei passare alla fibra 900, quanto costa?"
  // got "Puoi raccontarci qualcosa in più su cosa è successo?".
  const nothingHappened = answering !== undefined && /[?？]/u.test(answering.text) && !PROBLEM_INTENTS.includes(answering.intent ?? '') && !COMPLAINT_CUES.test(answering.text)
  // …nor one who sent their details in private asked for a DM.
  const dmSent = sentPrivately(req.turns, givenDetails(req.turns, undefined, req.voice.handles))
  // In public, when every draft asks for account details there, the one that moves them to a direct
  // message takes the last place: "@… Hi there! Could you send your account email or order number?" and two
  // more like it were all an agent got on X.
  if (req.mode === 'public' && !dmSent && !onlyClosing && templates.ask_dm && drafts.length >= req.n && drafts.every((d) => asksDetailsOpenly(d.text))) drafts.length = req.n - 1
  for (const [approach, body] of Object.entries(templates) as Array<[Approach, string]>) {
    if (drafts.length >= req.n || onlyClosing) break
    if (drafts.some((d) => d.approach === approach) || ((req.mode === 'private' || dmSent) && approach === 'ask_dm') || (nothingHappened && approach === 'ask_details')) continue
    const framed = frame(body, approach)
    if (framed) drafts.push({ text: framed.text, approach, confidence: TEMPLATE_CONFIDENCE, sources: [], claims: [], repeats: [], placeholders: [] })
  }
  const fit = trigger.shouldReply && noFitNote(answering?.intent, drafts, toThisSubject, Boolean(knowledgeDraft), toldOtherCases)
  // Past replies in another language that match weakly are no answer found: a Dutch double charge got three
  // English replies about leaving, app feedback and Face ID (0.09–0.11) under "drafts are in en" alone.
  const acrossLanguages = note && weakPastReplies && drafts.some((d) => d.sources.some((s) => s.type === 'past_reply'))
    ? 'they match this message weakly across languages and may answer another problem' : undefined
  return { drafts, language: TEMPLATES[language] || pool.length > 0 ? language : 'en', note: [note, acrossLanguages, fit].filter(Boolean).join('; ') || undefined }
}

/**
 * A customer who asks for a manager, or explains the case again, is answered on that first, unless a
 * draft already escalates: past replies (and a model shown them) answer the words of the case, not the
 * repetition. Null when nobody asks, or in a language with no escalation reply.
 */
export function escalationDraft(
  req: ReplyRequest, trigger: TriggerAssessment, language: string, drafts: readonly Draft[], frame: (body: string) => string | null,
): Draft | null {
  if (!trigger.shouldReply || drafts.some((d) => d.approach === 'apologise_escalate')) return null
  const said = triggerTurns(req.turns).map((t) => foldText(t.text))
  if (!said.some(ESCALATION_CUES)) return null
  const reply = escalationReply(language, req.mode, said.some(REPEATED_CUES))
  const text = reply && frame(reply)
  return text ? { text, approach: 'apologise_escalate', confidence: ESCALATION_CONFIDENCE, sources: [], claims: [], repeats: [], placeholders: [] } : null
}

/**
 * Says so when nothing the brand wrote answers the case: every past reply offered answered another
 * subject and no article covers it (not to a closing: "merci pour votre aide" is answered as a closing is). "Do you offer a discount for pensioners?" got a house move and two
 * outages at 13–15%, each reasonable-looking on its own.
 */
export function noFitNote(intent: string | null | undefined, drafts: Draft[], toThisSubject: number, fromKnowledge: boolean, toldOtherCases = 0): string | undefined {
  const subject = subjectOfIntent(intent)
  const pastReplies = drafts.filter((d) => d.sources.some((s) => s.type === 'past_reply')).length
  if (subject === undefined || subject === PRAISE_INTENT || fromKnowledge || toThisSubject > 0 || pastReplies + toldOtherCases === 0) return undefined
  const why = pastReplies > 0 ? 'the past replies below answered other problems' : "the nearest past replies told other customers' cases and are left out"
  return `no past reply or article answers ${subject.replaceAll('_', ' ')} like this: ${why}; write the answer, and consider an article on it`
}

export function createLocalReplySuggester(): ReplySuggester {
  return {
    mode: 'local',
    async suggest(req, retrieval): Promise<ReplyResult> {
      const trigger = assessTrigger(req)
      const { drafts, language, note } = localDrafts(req, retrieval, trigger)
      return { suggestions: drafts, shouldReply: trigger.shouldReply, reason: trigger.reason, language, degraded: false, note, messageId: trigger.messageId }
    },
  }
}
