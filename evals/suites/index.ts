// The registry of eval suites. A new suite is one file in this folder exporting a `Suite`
// (see evals/runner.ts), added here under its name.
import type { Suite } from '../runner.ts'
import { askSuite } from './ask.ts'
import { askDemoSuite } from './ask-demo.ts'
import { careLabelsSuite } from './care-labels.ts'
import { repliesSuite } from './replies.ts'
import { summariesSuite } from './summaries.ts'
import { themesSuite } from './themes.ts'
import { intentSuite, languageSuite, sentimentSuite } from './classification.ts'
import { intentDefaultSuite } from './intent-default.ts'
import { knowledgeSuite } from './knowledge.ts'

// Suites differ in the dataset shape they read; the registry only needs their common surface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySuite = Suite<any>

export const SUITES: Record<string, AnySuite> = {
  [sentimentSuite.name]: sentimentSuite,
  [intentSuite.name]: intentSuite,
  [intentDefaultSuite.name]: intentDefaultSuite,
  [careLabelsSuite.name]: careLabelsSuite,
  [languageSuite.name]: languageSuite,
  [askSuite.name]: askSuite,
  [askDemoSuite.name]: askDemoSuite,
  [repliesSuite.name]: repliesSuite,
  [themesSuite.name]: themesSuite,
  [summariesSuite.name]: summariesSuite,
  [knowledgeSuite.name]: knowledgeSuite,
}

export class UnknownSuiteError extends Error {
  override name = 'UnknownSuiteError'
}

export function suiteByName(name: string): AnySuite {
  const suite = SUITES[name]
  if (!suite) throw new UnknownSuiteError(`unknown eval suite "${name}"; available: ${Object.keys(SUITES).sort().join(', ')}`)
  return suite
}
