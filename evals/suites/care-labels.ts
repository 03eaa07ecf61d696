// Plain care messages in six languages, labelled as a support lead would label them, scored with the
// default taxonomy: is a gift card's balance read as billing in German, a rude shop assistant as a
// complaint in Spanish? Bitext (intent-default) is English and generated; these are short, informal and
// multilingual, like what customers write on social channels.
//
// Rows are classification rows with three more fields: `intents` (every intent a support lead would
// accept; `label` is the first), `sentiment` (negative/neutral/positive) and `lang` (the language it is
// written in; kept out of ingestion so the product detects it, as it must when a channel does not say).
// The files are in evals/data/ (see its README for who wrote them and which one is held out).
import { z } from 'zod'
import { UNCERTAIN_SENTIMENT } from '../../src/chains/classify/sentiment-decision.ts'
import type { Suite, SuiteContext, SuiteResult } from '../runner.ts'
import { MISSING } from './classification.ts'

type Ctx = SuiteContext<'classification'>

const careLabel = z.object({
  id: z.string(),
  intents: z.array(z.string().min(1)).min(1),
  sentiment: z.enum(['negative', 'neutral', 'positive']),
  lang: z.string().min(2),
})
type CareLabel = z.infer<typeof careLabel>

export const careLabelsSuite: Suite<'classification'> = {
  name: 'care-labels',
  description: 'intent (default taxonomy) and sentiment of plain care messages in six languages, language detected',
  format: 'classification',
  prompts: ['classify'],
  async run(ctx: Ctx): Promise<SuiteResult> {
    const gold = new Map<string, CareLabel>()
    for (const row of ctx.dataset.rows) {
      const parsed = careLabel.safeParse(row)
      if (!parsed.success) throw new Error(`care-labels: row ${row.id} lacks intents, sentiment or lang (${parsed.error.issues[0]?.message})`)
      gold.set(row.id, parsed.data)
    }
    const ingested = await ctx.ingestRows(ctx.dataset.rows)
    const stored = await ctx.readEnrichments()
    const scored = [...gold.values()]
      .filter((g) => ingested.accepted.has(g.id))
      .map((g) => {
        const e = stored.get(g.id)
        const intent = e?.intent ?? MISSING
        const sentiment = e?.sentiment ?? MISSING
        return { ...g, intent, intentRight: g.intents.includes(intent), sentimentOut: sentiment, sure: sentiment !== UNCERTAIN_SENTIMENT && sentiment !== MISSING }
      })
    const share = (part: number, whole: number) => (whole ? part / whole : 0)

    const intentAccuracy = (rows: typeof scored) => share(rows.filter((r) => r.intentRight).length, rows.length)
    const byLanguage = [...groupBy(scored, (s) => s.lang)].map(([lang, rows]) => [`intent_accuracy_${lang}`, intentAccuracy(rows)] as const)
    const sure = scored.filter((s) => s.sure)
    const metrics: Record<string, number> = {
      intent_accuracy: intentAccuracy(scored),
      // The language the product reads worst: a gain in English must not hide a loss elsewhere.
      worst_language_intent_accuracy: Math.min(...byLanguage.map(([, accuracy]) => accuracy)),
      ...Object.fromEntries(byLanguage),
      // A sentiment the classifier commits to must be right; `uncertain` is honest, and its share is reported.
      sentiment_accuracy_when_sure: share(sure.filter((s) => s.sentimentOut === s.sentiment).length, sure.length),
      sentiment_sure_share: share(sure.length, scored.length),
    }
    return {
      n: scored.length,
      metrics,
      details: {
        // Ids only: the report never holds message text (the data file has it).
        intent_misread: scored.filter((s) => !s.intentRight).map((s) => ({ id: s.id, want: s.intents, got: s.intent })),
        sentiment_wrong_when_sure: sure.filter((s) => s.sentimentOut !== s.sentiment).map((s) => ({ id: s.id, want: s.sentiment, got: s.sentimentOut })),
        rejected_by_ingestion: ingested.rejected,
      },
    }
  },
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)))
}
