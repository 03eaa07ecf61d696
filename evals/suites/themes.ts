// Suite `themes`: how well the weekly run's theme discovery (its recipe, weekly-run.ts
// discoverWeekThemes, on the messages masked as it masks them) recovers known groups. Airline tweets
// (`negative_reason` of the negative ones is the truth) or any classification file (its `label` is the
// truth, e.g. banking77 intents).
//
//   npm run eval -- themes --data ../shared/datasets/themes/airline_dev.jsonl
//   npm run eval -- themes --data ../shared/datasets/intent/banking77_train.jsonl --sample 3000
//   (both are gated; `--embedder use` measures the English sentence encoder on the same recipe;
//   nmi_plain_discovery is discover.ts's defaults alone, which no product path runs: not gated)
import { DEFAULT_SEED } from '../../src/chains/themes/cluster.ts'
import { discoverThemes } from '../../src/chains/themes/discover.ts'
import { discoverWeekThemes, weekItems } from '../../src/chains/themes/weekly-run.ts'
import { modelLiteral } from '../../src/store/embeddings.ts'
import type { ClassificationRow } from '../datasets.ts'
import { adjustedRandIndex, nmi, purity } from '../metrics.ts'
import type { Suite, SuiteContext, SuiteResult } from '../runner.ts'

const NOISE = 'noise'
/**
 * Seeds besides the product's own (DEFAULT_SEED) that the same data is also clustered with: the gated
 * figures are at the product's seed, but on data we do not have the seed's luck is another draw, so the
 * mean and the worst over these seeds are reported too (and the mean is gated).
 */
const OTHER_SEEDS = [1, 2, 3]
/**
 * Stability: the week clustered again without one message in this many (a week with a few messages
 * fewer), compared with the product's clustering on the messages both have. 1 is the same report.
 */
const STABILITY_DROP_EVERY = 400

/** Airline rows carry their complaint reason; only negative tweets with one are themes to find. */
function truthOf(row: ClassificationRow): string | undefined {
  const reason = (row as Record<string, unknown>).negative_reason
  if (reason === undefined) return row.label
  return row.label === 'negative' && typeof reason === 'string' && reason ? reason : undefined
}

export async function runThemesSuite(ctx: SuiteContext<'classification'>): Promise<SuiteResult> {
  const rows = ctx.dataset.rows.filter((row) => truthOf(row) !== undefined)
  const gold = new Map(rows.map((row) => [row.id, truthOf(row)!]))
  await ctx.ingestRows(rows)
  const { rows: stored } = await ctx.services.db.query<{ externalId: string; conversationId: string; text: string; intent: string | null; language: string | null; handle: string | null; name: string | null; author: string | null; vector: string }>(
    `SELECT DISTINCT ON (c.external_id) c.external_id AS "externalId", c.id AS "conversationId", m.text, e.intent,
            coalesce(m.language, e.language) AS language, c.customer_handle AS handle, c.customer_name AS name, m.author,
            v.embedding::text AS vector
     FROM conversations c JOIN messages m ON m.conversation_id = c.id AND m.role = 'customer'
     JOIN message_embeddings v ON v.message_id = m.id AND v.model = ${modelLiteral(ctx.services.embedder.id)}
     LEFT JOIN enrichments e ON e.message_id = m.id
     WHERE c.workspace_id = $1 ORDER BY c.external_id, m.sent_at`,
    [ctx.workspaceId],
  )
  // The messages as the weekly run reads them (store/themes.ts readWeekMessages): masked, with their
  // conversation, intent and language, clustered with the run's own recipe, one week and no context.
  const { items } = weekItems(stored.map((r) => ({ ...r, people: [r.handle, r.name, r.author], vector: Float32Array.from(JSON.parse(r.vector) as number[]) })))
  const truth = stored.map((r) => gold.get(r.externalId)!)
  // A message is in a theme only when the run reports that theme (clusters below its minimum are not).
  const labelsOf = (themes: Array<{ members: number[] }>, n: number) => {
    const predicted: string[] = Array.from({ length: n }, () => NOISE)
    themes.forEach((t, k) => t.members.forEach((i) => (predicted[i] = `t${k}`)))
    return predicted
  }
  const run = (seed: number) => {
    const started = performance.now()
    const { themes } = discoverWeekThemes(items, items.length, { seed })
    const seconds = (performance.now() - started) / 1000
    const predicted = labelsOf(themes, items.length)
    return { themes, predicted, seconds, nmi: nmi(truth, predicted), noise_share: predicted.filter((p) => p === NOISE).length / Math.max(1, items.length) }
  }
  const product = run(DEFAULT_SEED)
  const { themes, predicted, seconds } = product
  const clusteredIdx = predicted.flatMap((p, i) => (p === NOISE ? [] : [i]))
  const bySeed = [{ seed: DEFAULT_SEED, nmi: product.nmi, themes: themes.length, noise_share: product.noise_share }]
  for (const seed of OTHER_SEEDS) {
    const other = run(seed)
    bySeed.push({ seed, nmi: other.nmi, themes: other.themes.length, noise_share: other.noise_share })
  }
  const kept = items.flatMap((_, i) => (i % STABILITY_DROP_EVERY === STABILITY_DROP_EVERY - 1 ? [] : [i]))
  const fewer = discoverWeekThemes(kept.map((i) => items[i]), kept.length, { seed: DEFAULT_SEED }).themes
  const stability = nmi(kept.map((i) => predicted[i]), labelsOf(fewer, kept.length))
  ctx.log(`themes: without 1 message in ${STABILITY_DROP_EVERY}, ${fewer.length} themes (${themes.length} with all); agreement NMI ${stability.toFixed(4)}`)
  // Secondary: plain discovery with its own defaults (word and meaning channels on) on the unmasked
  // texts, the recipe discover.ts's defaults were tuned on. No product path runs it; it is not gated.
  const plain = discoverThemes(stored.map((r, i) => ({ text: r.text, vector: items[i].vector })))
  const plainPredicted = Array.from(plain.labels, (label) => (label < 0 ? NOISE : `t${label}`))
  ctx.log(`themes: NMI by seed ${bySeed.map((s) => `${s.seed}: ${s.nmi.toFixed(4)}`).join(', ')}`)
  ctx.log(`themes: plain discovery (discover.ts defaults, not a product path) NMI ${nmi(truth, plainPredicted).toFixed(4)}`)
  const trueReasons = new Set(truth).size
  ctx.log(`themes: ${themes.length} found for ${trueReasons} true groups in ${items.length} messages (${seconds.toFixed(2)} s)`)
  return {
    n: items.length,
    metrics: {
      nmi: nmi(truth, predicted),
      ari: adjustedRandIndex(truth, predicted),
      purity: purity(truth, predicted),
      // The same scores on the messages placed in a theme (noise left out).
      nmi_clustered: nmi(clusteredIdx.map((i) => truth[i]), clusteredIdx.map((i) => predicted[i])),
      purity_clustered: purity(clusteredIdx.map((i) => truth[i]), clusteredIdx.map((i) => predicted[i])),
      themes_found: themes.length,
      true_reasons: trueReasons,
      noise_share: 1 - clusteredIdx.length / Math.max(1, items.length),
      // The gate holds floors only: noise ≤ 15% (issue 13) is held as clustered_share ≥ 0.85.
      clustered_share: clusteredIdx.length / Math.max(1, items.length),
      cluster_seconds: seconds,
      nmi_plain_discovery: nmi(truth, plainPredicted),
      nmi_seed_mean: bySeed.reduce((sum, s) => sum + s.nmi, 0) / bySeed.length,
      nmi_seed_min: Math.min(...bySeed.map((s) => s.nmi)),
      noise_share_seed_max: Math.max(...bySeed.map((s) => s.noise_share)),
      // Not gated yet: measured so the clustering's sensitivity to a few messages can be worked on.
      stability_nmi: stability,
      stability_themes_found: fewer.length,
    },
    details: {
      by_seed: bySeed,
      themes: themes.slice(0, 30).map((t) => {
        const counts = new Map<string, number>()
        for (const i of t.members) counts.set(truth[i], (counts.get(truth[i]) ?? 0) + 1)
        const [top] = [...counts].sort((a, b) => b[1] - a[1])
        return { label: t.local.label, size: t.members.length, keyphrases: t.keyphrases.slice(0, 5).map((k) => k.phrase), majority: top?.[0], majority_share: top ? top[1] / t.members.length : 0 }
      }),
    },
  }
}

export const themesSuite: Suite<'classification'> = {
  name: 'themes',
  description: 'theme discovery against known groups (airline complaint reasons, or intents): NMI, ARI, purity, themes found',
  format: 'classification',
  prompts: ['themes'],
  run: runThemesSuite,
}
