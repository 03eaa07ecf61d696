// The phrases an answer is written with: those of the question's language, English when it is another.
import { detectLanguage } from '../../classify/language.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fr } from './fr.ts'
import { it } from './it.ts'
import { pt } from './pt.ts'
import type { Phrases } from './types.ts'

const BY_LANGUAGE: Record<string, Phrases> = { en, fr, de, es, pt, it }

/** The language an answer to the question is written in: the question's, English when it is another. */
export function answerLanguage(question: string): string {
  const detected = detectLanguage(question).language
  return Object.hasOwn(BY_LANGUAGE, detected) ? detected : 'en'
}

export function phrasesFor(question: string): Phrases {
  return BY_LANGUAGE[answerLanguage(question)]!
}
