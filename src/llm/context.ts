// What every LLM chain needs besides its prompt: the endpoint, the audit sink, the token budget, and
// (for the eval harness) a response cache. Built once in services.ts; undefined in local mode.
import type { Logger } from 'pino'
import type { LlmConfig } from '../config.ts'
import { observeLlmCall } from '../pipeline/metrics.ts'
import { recordLlmCall, tokensUsedToday } from '../store/audit.ts'
import type { Queryable } from '../store/db.ts'
import type { LlmCallRecord, ResponseCache } from './structured.ts'
import type { TokenBudget } from './resilience.ts'

export interface LlmContext {
  cfg: LlmConfig
  audit: (r: LlmCallRecord) => Promise<void>
  budget: TokenBudget
  cache?: ResponseCache
  log: Logger
}

/** The daily budget is derived from the audit log, so it holds across processes and restarts. */
function auditTokenBudget(db: Queryable, tokensPerDay: number): TokenBudget {
  return { remaining: async (workspaceId) => tokensPerDay - (await tokensUsedToday(db, workspaceId)) }
}

export function createLlmContext(cfg: LlmConfig | undefined, db: Queryable, log: Logger, cache?: ResponseCache): LlmContext | undefined {
  if (!cfg) return undefined
  return {
    cfg,
    audit: async (r) => {
      observeLlmCall(r)
      try {
        await recordLlmCall(db, r)
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not record LLM call audit row')
      }
    },
    budget: auditTokenBudget(db, cfg.tokensPerWorkspaceDay),
    cache,
    log,
  }
}
