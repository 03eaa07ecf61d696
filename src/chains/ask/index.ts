// The ask chain: plan → figures (SQL) → citations (hybrid retrieval) → answer. The planner and the
// answerer each have an LLM and a local implementation; the LLM ones fall back to local on failure
// and the result then says `degraded` with the reason.
import type { Embedder } from '../../embeddings/embedder.ts'
import type { LlmContext } from '../../llm/context.ts'
import type { Queryable } from '../../store/db.ts'
import { segmentValues, themeLabels, workspaceChannels } from '../../store/ask.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import { taxonomyOf } from '../classify/workspace-labels.ts'
import { createLlmAnswerer } from './answer-llm.ts'
import { createLocalAnswerer, quote } from './answer-local.ts'
import { computeFigures } from './figures.ts'
import { createLlmPlanner } from './planner-llm.ts'
import { createLocalPlanner } from './planner-local.ts'
import { DEFAULT_CITATIONS, retrieve } from './retrieve.ts'
import type { AskChain, AskVocabulary } from './types.ts'

/** Workspace setting: { segments: ["airline", "region"] } — conversation metadata keys a question may filter on. */
export const ASK_SETTING = 'ask'
export const EXAMPLES_CITATIONS = 8
export const CITATION_EXCERPT_CHARS = 400

export interface AskChainDeps {
  db: Queryable
  embedder: Embedder
  clock: () => Date
  llm?: LlmContext
  redactHandles?: boolean
}

export function segmentKeysOf(settings: Record<string, unknown>): string[] {
  const segments = (settings[ASK_SETTING] as { segments?: unknown } | undefined)?.segments
  return Array.isArray(segments) ? segments.filter((s): s is string => typeof s === 'string') : []
}

export async function loadVocabulary(db: Queryable, workspaceId: string): Promise<AskVocabulary> {
  const settings = (await workspacesRepo(db).get(workspaceId))?.settings ?? {}
  const [channels, themes, segments] = await Promise.all([
    workspaceChannels(db, workspaceId),
    themeLabels(db, workspaceId),
    segmentValues(db, workspaceId, segmentKeysOf(settings)),
  ])
  return { intents: taxonomyOf(settings).map(({ name, description }) => ({ name, description })), channels, themes, segments }
}

export function createAskChain(deps: AskChainDeps): AskChain {
  const planner = deps.llm ? createLlmPlanner(deps.llm, { redactHandles: deps.redactHandles }) : createLocalPlanner()
  const answerer = deps.llm ? createLlmAnswerer(deps.llm, { redactHandles: deps.redactHandles }) : createLocalAnswerer()
  return {
    mode: deps.llm ? 'llm' : 'local',
    async ask(workspaceId, question, opts = {}) {
      const now = opts.now ?? deps.clock()
      const vocabulary = await loadVocabulary(deps.db, workspaceId)
      const planned = await planner.plan({ question, now, vocabulary, workspaceId, signal: opts.signal })
      const { plan } = planned
      const figures = await computeFigures(deps.db, workspaceId, plan)
      const matched = figures.find((f) => f.kind === 'count' && f.unit === 'messages')?.value ?? 0
      const retrieved = matched > 0
        ? await retrieve(deps, workspaceId, plan, question, plan.kind === 'examples' ? EXAMPLES_CITATIONS : DEFAULT_CITATIONS)
        : []
      const citations = retrieved.map((r, i) => ({ ...r, n: i + 1, text: quote(r.text, CITATION_EXCERPT_CHARS) }))
      const answered = await answerer.answer({ question, plan, figures, citations, workspaceId, signal: opts.signal })
      const degradedReason = planned.degradedReason ?? answered.degradedReason
      return {
        answer: answered.answer,
        figures,
        citations,
        plan,
        degraded: planned.degraded || answered.degraded,
        ...(degradedReason ? { degradedReason } : {}),
      }
    },
  }
}
