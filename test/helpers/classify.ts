// The local classifier as the enrichment stage calls it, with the default taxonomy and no corrections: unit tests' reader.
import { createLocalClassifier } from '../../src/chains/classify/local.ts'
import { DEFAULT_TAXONOMY } from '../../src/chains/classify/taxonomy.ts'
import type { Classification, WorkspaceLabels } from '../../src/chains/classify/types.ts'

export const DEFAULT_LABELS: WorkspaceLabels = { workspaceId: 'w', taxonomy: DEFAULT_TAXONOMY, intentCorrections: [], sentimentCorrections: [], brandHandles: [] }

const classifier = createLocalClassifier()

/** Customer messages, each with the language ingest gave it. */
export const classifyInLanguages = (texts: Array<[string, string]>): Promise<Classification[]> =>
  classifier.classify(DEFAULT_LABELS, texts.map(([language, text], i) => ({ messageId: `m${i}`, text, role: 'customer' as const, language })))
