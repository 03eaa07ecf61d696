// Prints the local sentiment model's figures on the held-out evaluation files (never trained on):
// TweetEval macro-recall, UMSAB macro-F1 per language, Wisesight (th) and NSMC (ko) accuracy, and
// language-identification accuracy on UMSAB. Usage: npx tsx scripts/measure-sentiment.ts [--limit N] [--json]
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { detectLanguage } from '../src/chains/classify/language.ts'
import { loadSentimentModel, SENTIMENT_LABELS } from '../src/chains/classify/sentiment-local.ts'
import type { SentimentLabel } from '../src/chains/classify/sentiment-local.ts'

const { values: options } = parseArgs({
  options: {
    datasets: { type: 'string', default: new URL('../../shared/datasets/sentiment/', import.meta.url).pathname },
    model: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})
const UMSAB_LANGUAGES: Record<string, string> = {
  arabic: 'ar', english: 'en', french: 'fr', german: 'de', hindi: 'hi', italian: 'it', portuguese: 'pt', spanish: 'es',
}
interface Row { text: string; label: string; language?: string }

if (!existsSync(join(options.datasets, 'tweeteval_val.jsonl'))) {
  console.error(`evaluation data not found in ${options.datasets} (pass --datasets)`)
  process.exit(1)
}
const limit = options.limit ? Number(options.limit) : Infinity
/** Every k-th row rather than the head: several files are sorted by language or label. */
function readRows(file: string): Row[] {
  const rows: Row[] = readFileSync(join(options.datasets, file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  if (rows.length <= limit) return rows
  const step = rows.length / limit
  return Array.from({ length: limit }, (_, i) => rows[Math.floor(i * step)])
}
const model = loadSentimentModel(options.model)
const pct = (x: number) => Number((100 * x).toFixed(1))

function perClass(gold: string[], predicted: string[]) {
  return SENTIMENT_LABELS.map((label) => {
    const truePositives = gold.filter((g, i) => g === label && predicted[i] === label).length
    const actual = gold.filter((g) => g === label).length
    const predictedCount = predicted.filter((p) => p === label).length
    return {
      recall: actual ? truePositives / actual : 0,
      f1: actual + predictedCount ? (2 * truePositives) / (actual + predictedCount) : 0,
      present: actual > 0,
    }
  })
}
const macro = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length
const accuracy = (gold: string[], predicted: string[]) => gold.filter((g, i) => g === predicted[i]).length / gold.length

const tweeteval = readRows('tweeteval_val.jsonl')
const tweetevalPredicted = tweeteval.map((r) => model.predict(r.text).label)
const tweetevalClasses = perClass(tweeteval.map((r) => r.label), tweetevalPredicted)

const umsab = readRows('umsab_val.jsonl')
const umsabByLanguage: Record<string, number> = {}
for (const name of Object.keys(UMSAB_LANGUAGES)) {
  const rows = umsab.filter((r) => r.language === name)
  if (rows.length === 0) continue
  const classes = perClass(rows.map((r) => r.label), rows.map((r) => model.predict(r.text).label))
  umsabByLanguage[UMSAB_LANGUAGES[name]] = pct(macro(classes.filter((c) => c.present).map((c) => c.f1)))
}
const languageHits = umsab.filter((r) => detectLanguage(r.text).language === UMSAB_LANGUAGES[r.language ?? '']).length
const languageHitsWithoutHindi = umsab.filter((r) => r.language !== 'hindi' &&
  detectLanguage(r.text).language === UMSAB_LANGUAGES[r.language ?? '']).length

// Wisesight's 4th label `question` has no polarity: counted as neutral, and also reported without those rows.
const wisesight = readRows('wisesight_th_val.jsonl')
const wisesightPredicted = wisesight.map((r) => model.predict(r.text).label)
const wisesightGold = wisesight.map((r) => (r.label === 'question' ? 'neutral' : r.label))
const polar = wisesight.map((r, i) => ({ gold: r.label, predicted: wisesightPredicted[i] })).filter((r) => r.gold !== 'question')

// NSMC has no neutral class: the prediction is whichever of positive/negative is more probable.
const nsmc = readRows('nsmc_ko_dev.jsonl')
const nsmcPredicted = nsmc.map((r) => {
  const { probs } = model.predict(r.text)
  return (probs.positive >= probs.negative ? 'positive' : 'negative') as SentimentLabel
})

const report = {
  model: model.version,
  limit: options.limit ? limit : null,
  tweeteval_val: { rows: tweeteval.length, macroRecall: pct(macro(tweetevalClasses.map((c) => c.recall))),
    macroF1: pct(macro(tweetevalClasses.map((c) => c.f1))), accuracy: pct(accuracy(tweeteval.map((r) => r.label), tweetevalPredicted)) },
  umsab_val: { rows: umsab.length, macroF1ByLanguage: umsabByLanguage,
    macroF1Mean: pct(macro(Object.values(umsabByLanguage)) / 100) },
  wisesight_th_val: { rows: wisesight.length, accuracyQuestionAsNeutral: pct(accuracy(wisesightGold, wisesightPredicted)),
    accuracy3ClassWithoutQuestion: pct(accuracy(polar.map((r) => r.gold), polar.map((r) => r.predicted))) },
  nsmc_ko_dev: { rows: nsmc.length, accuracyPosVsNeg: pct(accuracy(nsmc.map((r) => r.label), nsmcPredicted)) },
  languageId_umsab_val: { accuracy: pct(languageHits / umsab.length),
    accuracyWithoutHindi: pct(languageHitsWithoutHindi / umsab.filter((r) => r.language !== 'hindi').length) },
}
if (options.json) console.log(JSON.stringify(report, null, 2))
else {
  console.log(`model ${report.model}${report.limit ? ` (limit ${report.limit} rows per file)` : ''}`)
  console.log(`tweeteval_val   macro-recall ${report.tweeteval_val.macroRecall}  macro-F1 ${report.tweeteval_val.macroF1}  acc ${report.tweeteval_val.accuracy}  (n=${tweeteval.length})`)
  console.log(`umsab_val       macro-F1 ${JSON.stringify(umsabByLanguage)} mean ${report.umsab_val.macroF1Mean}  (n=${umsab.length})`)
  console.log(`wisesight_th    acc (question→neutral) ${report.wisesight_th_val.accuracyQuestionAsNeutral}  3-class acc without question ${report.wisesight_th_val.accuracy3ClassWithoutQuestion}  (n=${wisesight.length})`)
  console.log(`nsmc_ko_dev     acc pos-vs-neg ${report.nsmc_ko_dev.accuracyPosVsNeg}  (n=${nsmc.length})`)
  console.log(`language id     umsab_val acc ${report.languageId_umsab_val.accuracy}  without romanised Hindi ${report.languageId_umsab_val.accuracyWithoutHindi}`)
}
