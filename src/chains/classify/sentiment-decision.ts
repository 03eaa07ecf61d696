// From the model's class probabilities to the stored sentiment: the plain cues of plain-cues.ts and
// the message's intent move the probabilities (an explicit complaint is evidence against positive,
// a thank-you against negative), and a label the evidence cannot back is `uncertain`, not a guess.
// The probabilities are kept with the label, so counts can sum them instead of counting labels.
import { COMPLAINT_CUES, ESCALATION_CUES, foldText, negatedStatement, plainQuestionWithoutNegation, plainRequestCue, resolvedWithThanks, termMatcher, thanksCue, workingWellCue } from './plain-cues.ts'
import type { SentimentLabel } from './sentiment-local.ts'
import { ASKING_INTENTS, PRAISE_INTENT, PROBLEM_INTENTS } from './taxonomy.ts'

/** What is stored and returned: one of the model's classes, or `uncertain` when it cannot tell. */
export type SentimentValue = SentimentLabel | 'uncertain'
export const UNCERTAIN_SENTIMENT = 'uncertain'
export const SENTIMENT_VALUES = ['negative', 'neutral', 'positive', UNCERTAIN_SENTIMENT] as const

export type SentimentProbs = Record<SentimentLabel, number>

/**
 * Below this probability of its best class a message is `uncertain`. The model's probabilities are
 * temperature-calibrated on its dev split (models/sentiment/README.md), so the label shown is right
 * more often than not when it clears this bar.
 */
export const SENTIMENT_SURE_MIN = 0.5
/**
 * Likelihood ratio of an explicit cue: how much likelier the cue's side is, and how much less
 * likely the opposite side. Fixed a priori (a cue is strong evidence, not proof), not tuned on evaluation data.
 */
const CUE_FOR = 3
const CUE_AGAINST = 0.15
/** A complaint says something went wrong, which is not neutral either, though less plainly than not positive. */
const COMPLAINT_AGAINST_NEUTRAL = 1 / CUE_FOR
/** The intent is weaker evidence than a phrase: the intent model can be wrong too. */
const INTENT_FOR = 1.5
const INTENT_AGAINST = 0.5
const NEGATIVE_INTENTS = new Set(['complaint', 'bug_outage', 'connectivity', 'product_fault'])
const POSITIVE_INTENTS = new Set([PRAISE_INTENT])

export interface SentimentDecision {
  label: SentimentValue
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number
  /** Probability of the most likely class (also when the label is `uncertain`). */
  confidence: number
  probs: SentimentProbs
  /** Which evidence moved the probabilities: 'complaint_cue', 'thanks_cue', 'working_well_cue', 'problem_stated', 'request_cue', 'agent_apology', 'intent:<name>'. */
  evidence: string[]
}

function normalised(p: SentimentProbs): SentimentProbs {
  const total = p.negative + p.neutral + p.positive
  return { negative: p.negative / total, neutral: p.neutral / total, positive: p.positive / total }
}

/**
 * How sure the intent model must be of the subject before a statement or question about it counts as a
 * problem reported or a plain request: on general tweets, where it rarely names a care subject, it mostly
 * is not (12 of TweetEval's 82 validation tweets stating a negation with a problem's intent, whose feelings
 * are mixed); on the care label sets' dev rows it is for 150 of 164.
 */
const SURE_INTENT_MIN = 0.5

/** `intentConfidence`: the intent model's probability of `intent` (1 when a person or a rule decided it). */
export function decideSentiment(modelProbs: SentimentProbs, text: string, intent?: string, role: 'customer' | 'agent' = 'customer', intentConfidence = 1): SentimentDecision {
  const folded = foldText(text)
  // An agent's reply takes no customer cue; its apology is evidence against negative (AGENT_APOLOGY).
  const agent = role === 'agent'
  // Asking for a manager, or saying it is the third time, is as plain a complaint as "still waiting".
  // …unless the problem it names is over and the customer thanks for it ("the refund for the double charge arrived, thanks").
  const complaint = !agent && (COMPLAINT_CUES(folded) || ESCALATION_CUES(folded)) && !resolvedWithThanks(folded)
  // "…elle se ferme toute seule. Merci." thanks no one for anything: a problem reported and signed off.
  const thanks = !agent && !complaint && thanksCue(folded) && !(intent && !POSITIVE_INTENTS.has(intent) && thanksOnlySignsOff(folded))
  // "Das Internet läuft einwandfrei seit dem Techniker-Besuch": what works well now is as plain as a thank-you.
  // A judgement ("amazing", "una pasada") is not: irony uses the same words ("can't even get on hold to speak to
  // someone-awesome"), and as a cue it narrowed the airline figures' intervals past the truth (coverage 0.92 -> 0.875).
  const pleased = !agent && !thanks && workingWellCue(folded)
  const apology = agent && AGENT_APOLOGY(folded)
  const reportsProblem = !agent && intent !== undefined && PROBLEM_INTENTS.includes(intent)
  // A problem stated in the negative ("the code never arrives", "le crédit s'affiche pas") is reported, not
  // asked about: on the care label sets' dev rows, 148 of 150 such messages were negative.
  const sureOfProblem = reportsProblem && intentConfidence >= SURE_INTENT_MIN
  const statesProblem = sureOfProblem && !complaint && !thanks && !pleased && negatedStatement(folded)
  // A question about no problem is a request too, in whatever words: "Kann ich meinen Vertrag mitnehmen und was kostet das?" read as negative (0.59).
  const asksAboutNoProblem = intent !== undefined && ASKING_INTENTS.has(intent) && intentConfidence >= SURE_INTENT_MIN && plainQuestionWithoutNegation(folded)
  const request = !agent && !complaint && !thanks && !pleased && (plainRequestCue(folded) || asksAboutNoProblem)
  const evidence: string[] = []
  let p = { ...modelProbs }
  if (apology) {
    evidence.push('agent_apology')
    p = { ...p, negative: p.negative * CUE_AGAINST }
  } else if (complaint) {
    evidence.push('complaint_cue')
    p = { negative: p.negative * CUE_FOR, neutral: p.neutral * COMPLAINT_AGAINST_NEUTRAL, positive: p.positive * CUE_AGAINST }
  } else if (thanks || pleased) {
    evidence.push(thanks ? 'thanks_cue' : 'working_well_cue')
    p = { negative: p.negative * CUE_AGAINST, neutral: p.neutral, positive: p.positive * CUE_FOR }
  } else if (statesProblem) {
    evidence.push('problem_stated')
    p = { negative: p.negative * CUE_FOR, neutral: p.neutral * COMPLAINT_AGAINST_NEUTRAL, positive: p.positive * CUE_AGAINST }
  } else if (request) {
    evidence.push('request_cue')
    p = { ...p, neutral: p.neutral * CUE_FOR }
  }
  if (!agent && intent && NEGATIVE_INTENTS.has(intent)) {
    evidence.push(`intent:${intent}`)
    p = { negative: p.negative * INTENT_FOR, neutral: p.neutral, positive: p.positive * INTENT_AGAINST }
  } else if (!agent && intent && POSITIVE_INTENTS.has(intent) && !complaint) {
    evidence.push(`intent:${intent}`)
    p = { negative: p.negative * INTENT_AGAINST, neutral: p.neutral, positive: p.positive * INTENT_FOR }
  }
  const probs = normalised(p)
  const best = mostLikelySentiment(probs)
  const confidence = probs[best]
  // Never the opposite of what the customer plainly says, whatever the probabilities.
  // …and a customer reporting a problem is not pleased unless they say so: "Los auriculares me han llegado con
  // uno de los dos roto", "The woman on the phone laughed at me" read as positive.
  const contradicts = (complaint && best === 'positive') || ((thanks || pleased) && best === 'negative') || (reportsProblem && best === 'positive' && !thanks && !pleased)
  const label: SentimentValue = contradicts || confidence < SENTIMENT_SURE_MIN ? UNCERTAIN_SENTIMENT : best
  return { label, score: probs.positive - probs.negative, confidence, probs, evidence }
}

/**
 * An agent's apology or sympathy is the brand's politeness, not its mood, and the customer's problem an
 * agent names ("sorry for the double charge", "the signal is unstable") is not the agent's complaint:
 * 240 of the demo's 759 agent replies read as negative ("Hi Liam! Sorry to hear that! Could you unplug
 * the router…"). So an agent's message takes no complaint cue, and an apology is evidence against negative.
 */
const AGENT_APOLOGY = termMatcher([
  'sorry', 'apologies', 'apologise', 'apologize', 'we apologise', 'we apologize', 'sorry to hear', 'sorry about', 'sorry for',
  'desole', 'desolee', 'desoles', 'nous excusons', 'toutes nos excuses', 'tut uns leid', 'tut mir leid', 'entschuldigung', 'entschuldigen',
  'lo sentimos', 'lo siento', 'disculpa', 'disculpas', 'perdon', 'desculpe', 'desculpa', 'lamentamos', 'pedimos desculpa',
  'ci scusiamo', 'scusate', 'scusa', 'mi dispiace', 'ci dispiace',
  '죄송', '미안', 'ขออภัย', 'ขอโทษ',
])

/** Words before a closing thank-you that make it a sign-off under a message, not a thank-you on its own ("That worked, thanks"). */
const SIGN_OFF_AFTER_WORDS = 6

/** The message's only thanks are its last words, after a message of its own: "…since yesterday. Danke." */
function thanksOnlySignsOff(folded: string): boolean {
  const words = folded.split(/[^\p{L}\p{N}']+/u).filter(Boolean)
  for (let cut = 1; cut <= 3 && cut < words.length; cut++) {
    const head = words.slice(0, -cut).join(' ')
    const tail = words.slice(-cut).join(' ')
    if (thanksCue(tail) && !thanksCue(head)) return words.length - cut >= SIGN_OFF_AFTER_WORDS
  }
  return false
}

/** The most likely of the model's classes, whether or not the label was `uncertain`. */
export function mostLikelySentiment(probs: SentimentProbs): SentimentLabel {
  return (Object.keys(probs) as SentimentLabel[]).reduce((a, b) => (probs[b] > probs[a] ? b : a))
}

/** Probabilities that say "this label, for sure": a human correction. */
export function certainProbs(label: SentimentLabel): SentimentProbs {
  return { negative: label === 'negative' ? 1 : 0, neutral: label === 'neutral' ? 1 : 0, positive: label === 'positive' ? 1 : 0 }
}

/** A sentiment a correction decides: its label's score, with the confidence given. */
export function correctedSentiment(label: SentimentLabel, confidence: number) {
  return { label, score: label === 'positive' ? 1 : label === 'negative' ? -1 : 0, confidence, probs: certainProbs(label) }
}
