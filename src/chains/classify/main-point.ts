// What a message came to say, when it praises first: "The engineer who came Tuesday was lovely. BUT there's
// a £45 installation fee on my bill" is about the bill, and its customer is not pleased. Read whole, the
// thanks outweighed the rest: dev complaints with a kind sentence put before them (scripts/care-shapes.ts)
// were labelled right 45% of the time (90% without it), and their sentiment, when sure, 46%; read for their
// main point, 89% and 88%.
//
// A message is cut into sentences, and each sentence at a contrast word of its language ("but", "mais",
// "aber", "pero", "mas", "ma"). Praise before the last part that names something else (a subject or a
// complaint) is an aside; praise after it is not ("The queue was long, but I mainly want to thank Karim"
// is praise), nor is a message that is praise throughout (as far as its parts read as praise).
import { sentencesOf } from '../../text/sentences.ts'
import type { IntentPrediction } from './intent-local.ts'
import { COMPLAINT_CUES, foldText, saysNot, termMatcher, thanksCue, workingWellCue } from './plain-cues.ts'
import { OTHER_INTENT, PRAISE_INTENT } from './taxonomy.ts'

/** Words that open the clause a customer came for, by language; only where they cannot be another word ("ma" is French "my"). */
const CONTRAST_WORDS: Readonly<Record<string, string[]>> = {
  en: ['but', 'however', 'unfortunately', 'the problem is', 'the issue is'],
  fr: ['mais', 'par contre', 'cependant', 'toutefois', 'malheureusement', 'le problème', 'le souci'],
  de: ['aber', 'allerdings', 'jedoch', 'leider', 'das problem'],
  es: ['pero', 'sin embargo', 'lamentablemente', 'el problema'],
  pt: ['mas', 'porém', 'contudo', 'no entanto', 'infelizmente', 'só que', 'o problema'],
  it: ['ma', 'però', 'tuttavia', 'purtroppo', 'il problema'],
}
const contrastPatterns = new Map<string, RegExp | null>()
function contrastIn(language: string): RegExp | null {
  if (!contrastPatterns.has(language)) {
    const words = CONTRAST_WORDS[language]
    contrastPatterns.set(language, words ? new RegExp(`(?<=[\\s,;:–—-])(?=(?:${words.join('|')})(?![\\p{L}]))`, 'iu') : null)
  }
  return contrastPatterns.get(language)!
}

/**
 * A stop ends a sentence before a small letter too, in a message typed fast ("…gentilissimo. in fattura c'è…"),
 * and so does an emoji followed by words ("Love the new app 👍 the headphones came broken").
 */
const INFORMAL_STOP = /(?<=[.!?…]|\p{Extended_Pictographic}\uFE0F?)\s+(?=\p{L})/u

/** The parts of a message: its sentences, each cut before a contrast word. */
function partsOf(text: string, language: string): string[] {
  const contrast = contrastIn(language)
  return sentencesOf(text, language)
    .flatMap((sentence) => sentence.split(INFORMAL_STOP))
    .flatMap((sentence) => (contrast ? sentence.split(contrast) : [sentence]))
    .map((p) => p.trim())
    .filter(Boolean)
}

/** The intent model must be this sure of the part a customer came for, and it must say this much: a "#fail" under praise reads as anything. */
const POINT_MIN_CONFIDENCE = 0.3
const POINT_MIN_WORDS = 3
/** A message the model reads as praise this much, or that thanks or says something works, may praise first. */
const MAY_PRAISE_MIN = 0.15

/**
 * A part the intent model finds this much praise in is praise: "Vous êtes géniaux, le technicien d'hier a été trop
 * serviable" reads as appointment first. Of 84 pairs of dev praises put together, 10 were read for a subject
 * without this bar (3 read whole) and 6 with it, at the cost of 3 of 423 dev complaints after a kind sentence.
 */
const PRAISE_PART_MIN = 0.1

const praiseIn = (intent: IntentPrediction) => intent.ranked.find((r) => r.label === PRAISE_INTENT)?.p ?? 0

/** A part that says something is wrong is no praise, whatever the model finds in it: "Tried everything, same problem." */
const PROBLEM_WORDS = termMatcher(['problem', 'problems', 'issue', 'issues', 'probleme', 'problemes', 'souci', 'soucis', 'problema', 'problemas', 'problemi'])
const saysWrong = (folded: string) => saysNot(folded) || COMPLAINT_CUES(folded) || PROBLEM_WORDS(folded)

const praises = (part: string, intent: IntentPrediction) => {
  const folded = foldText(part)
  return intent.label === PRAISE_INTENT || thanksCue(folded) || workingWellCue(folded) || (praiseIn(intent) >= PRAISE_PART_MIN && !saysWrong(folded))
}

/**
 * The message without the praise that comes before what it came to say; undefined when it has none (most
 * messages). `whole` is the intent model's reading of all of it, `read` reads a part.
 */
export function withoutPraiseAside(said: string, language: string, whole: IntentPrediction, read: (text: string) => IntentPrediction): string | undefined {
  const folded = foldText(said)
  const mayPraise = praiseIn(whole) >= MAY_PRAISE_MIN || thanksCue(folded) || workingWellCue(folded)
  if (!mayPraise) return undefined
  const parts = partsOf(said, language)
  if (parts.length < 2) return undefined
  const readings = parts.map(read)
  const isPraise = parts.map((part, i) => praises(part, readings[i]!))
  const saysEnough = (part: string) => (part.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= POINT_MIN_WORDS
  const isPoint = readings.map((r, i) => !isPraise[i] && r.label !== OTHER_INTENT && r.label !== '' && r.confidence >= POINT_MIN_CONFIDENCE && saysEnough(parts[i]!))
  const lastPoint = isPoint.lastIndexOf(true)
  if (lastPoint <= 0) return undefined
  const kept = parts.filter((_, i) => !(i < lastPoint && isPraise[i]))
  return kept.length < parts.length ? kept.join(' ') : undefined
}
