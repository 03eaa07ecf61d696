// Which implementation of each chain this process uses, chosen once: the LLM one when an LLM is
// configured (with the local one as its fallback), else the local one.
import type { Config } from '../config.ts'
import type { Embedder } from '../embeddings/embedder.ts'
import type { LlmContext } from '../llm/context.ts'
import type { Db } from '../store/db.ts'
import { createAskChain } from './ask/index.ts'
import type { ThemeWeeks } from './ask/theme-filter.ts'
import type { AskChain } from './ask/types.ts'
import { createLlmClassifier } from './classify/llm.ts'
import { createLocalClassifier } from './classify/local.ts'
import type { Classifier } from './classify/types.ts'
import { createLlmReplySuggester } from './replies/llm.ts'
import { createLocalReplySuggester } from './replies/local.ts'
import type { ReplySuggester } from './replies/types.ts'
import { createLlmSummarizer } from './summarize/llm.ts'
import { localSummarizer, type ConversationSummarizer } from './summarize/service.ts'
import { createLlmThemeDescriber } from './themes/llm.ts'
import { localThemeDescriber, type ThemeDescriber } from './themes/types.ts'

export interface Chains {
  classifier: Classifier
  localClassifier: Classifier
  replies: ReplySuggester
  localReplies: ReplySuggester
  themeDescriber: ThemeDescriber
  summarizer: ConversationSummarizer
  ask: AskChain
}

export interface ChainDeps {
  config: Config
  db: Db
  embedder: Embedder
  clock: () => Date
  /** undefined in local mode. */
  llm?: LlmContext
  /** The theme service's on-demand weeks, for questions that name a theme (built after the chains: see services.ts). */
  themeWeeks?: ThemeWeeks
}

export function createChains(deps: ChainDeps): Chains {
  const redactHandles = deps.config.redactHandles
  const localClassifier = createLocalClassifier()
  const classifier = deps.llm ? createLlmClassifier(deps.llm, localClassifier, { redactHandles }) : localClassifier
  const themeDescriber = deps.llm ? createLlmThemeDescriber(deps.llm, { redactHandles }) : localThemeDescriber
  const summarizer = deps.llm ? createLlmSummarizer(deps.llm, localSummarizer, { redactHandles }) : localSummarizer
  const localReplies = createLocalReplySuggester()
  const replies = deps.llm ? createLlmReplySuggester(deps.llm, localReplies, { redactHandles }) : localReplies
  const ask = createAskChain({ db: deps.db, embedder: deps.embedder, clock: deps.clock, llm: deps.llm, redactHandles, themes: deps.themeWeeks })
  return { classifier, localClassifier, themeDescriber, summarizer, replies, localReplies, ask }
}
