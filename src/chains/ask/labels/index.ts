// The figure labels of the question's language, English when it is another (as phrases/index.ts chooses).
import { deLabels } from './de.ts'
import { enLabels } from './en.ts'
import { esLabels } from './es.ts'
import { frLabels } from './fr.ts'
import { itLabels } from './it.ts'
import { ptLabels } from './pt.ts'
import type { FigureLabels } from './types.ts'

const BY_LANGUAGE: Record<string, FigureLabels> = { en: enLabels, fr: frLabels, de: deLabels, es: esLabels, pt: ptLabels, it: itLabels }

export function labelsIn(language: string): FigureLabels {
  return BY_LANGUAGE[language] ?? enLabels
}
