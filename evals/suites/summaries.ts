// Suite `summaries`: ROUGE-1/2/L of the stored conversation summaries (the chain the API uses, local or
// LLM) against human summaries, with the lead-3 baseline beside it.
//
//   npm run eval -- summaries --data ../shared/datasets/summaries/tweetsumm_val.jsonl
import { createSummaryService } from '../../src/chains/summarize/service.ts'
import { leadBaseline } from '../../src/chains/summarize/local.ts'
import { mean, rougeMulti, type RougeScores } from '../metrics.ts'
import type { Suite, SuiteContext, SuiteResult } from '../runner.ts'

function averaged(scores: RougeScores[]): Record<string, number> {
  return { rouge1: mean(scores.map((s) => s.rouge1)), rouge2: mean(scores.map((s) => s.rouge2)), rouge_l: mean(scores.map((s) => s.rouge_l)) }
}

export async function runSummariesSuite(ctx: SuiteContext<'summarisation'>): Promise<SuiteResult> {
  const rows = ctx.dataset.rows
  await ctx.ingestRows(rows)
  const service = createSummaryService({ db: ctx.services.db, summarizer: ctx.services.chains.summarizer, log: ctx.services.log })
  const { rows: conversations } = await ctx.services.db.query<{ id: string; externalId: string }>(
    `SELECT id, external_id AS "externalId" FROM conversations WHERE workspace_id = $1`,
    [ctx.workspaceId],
  )
  const idOf = new Map(conversations.map((c) => [c.externalId, c.id]))
  const progress = ctx.progress('summaries', rows.length)
  const system: RougeScores[] = []
  const lead: RougeScores[] = []
  let degraded = 0
  for (const row of rows) {
    const id = idOf.get(row.id)
    // Refresh is a no-op for summaries the worker already stored (local mode summarises on ingest).
    const stored = id ? await service.refresh(ctx.workspaceId, id) : undefined
    if (stored?.degraded) degraded++
    system.push(rougeMulti(stored?.summary ?? '', row.summaries))
    lead.push(rougeMulti(leadBaseline(row.dialog), row.summaries))
    progress.tick(1)
  }
  progress.done()
  return {
    n: rows.length,
    metrics: { ...averaged(system), degraded_share: degraded / Math.max(1, rows.length) },
    baselines: { lead3: averaged(lead) },
    details: { summarizer: ctx.services.chains.summarizer.version },
  }
}

export const summariesSuite: Suite<'summarisation'> = {
  name: 'summaries',
  description: 'conversation summaries vs human references: ROUGE-1/2/L, lead-3 baseline',
  format: 'summarisation',
  prompts: ['summarize'],
  run: runSummariesSuite,
}
