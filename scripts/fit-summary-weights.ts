// Fits the weights a customer-care dialog's sentences are scored by (CARE_SENTENCE_WEIGHTS in
// src/chains/summarize/local.ts): ridge least squares (λ = 1) from each sentence's features to the share
// of its words that the dialog's reference summaries use, over tweetsumm_train. Prints the weights; with
// --folds N, the weights fit on each N−1 of N parts, to see how stable they are.
//
//   npx tsx scripts/fit-summary-weights.ts [--folds 2]   (needs ../shared/datasets/summaries)
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { careSentences } from '../src/chains/summarize/local.ts'

const { values: args } = parseArgs({ options: { folds: { type: 'string', default: '1' } } })
const file = new URL('../../shared/datasets/summaries/tweetsumm_train.jsonl', import.meta.url)
if (!existsSync(file)) throw new Error(`missing ${file.pathname}: run from a checkout with ../shared`)
type Row = { dialog: Array<{ speaker: string; text: string }>; summaries: string[] }
const rows = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Row)
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function fit(dialogs: Row[], ridge = 1): number[] {
  const samples = dialogs.flatMap((row) => {
    const used = new Set(row.summaries.flatMap(tokens))
    return careSentences(row.dialog).map(({ text, features }) => {
      const own = tokens(text)
      return { features, target: own.length === 0 ? 0 : own.filter((w) => used.has(w)).length / own.length }
    })
  })
  const d = samples[0].features.length
  // Normal equations (XᵀX + λI) w = Xᵀy, solved by Gauss–Jordan elimination with partial pivoting.
  const m = Array.from({ length: d }, (_, j) => new Float64Array(d + 1).fill(0).map((_, k) => (k === j ? ridge : 0)))
  for (const { features, target } of samples) {
    for (let j = 0; j < d; j++) {
      m[j][d] += features[j] * target
      for (let k = 0; k < d; k++) m[j][k] += features[j] * features[k]
    }
  }
  for (let c = 0; c < d; c++) {
    let pivot = c
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r
    ;[m[c], m[pivot]] = [m[pivot], m[c]]
    for (let r = 0; r < d; r++) {
      if (r === c) continue
      const f = m[r][c] / m[c][c]
      for (let k = c; k <= d; k++) m[r][k] -= f * m[c][k]
    }
  }
  return m.map((row, j) => row[d] / row[j])
}

const folds = Number(args.folds)
if (folds <= 1) {
  console.log(`${rows.length} dialogs; weights: [${fit(rows).map((w) => Number(w.toFixed(3))).join(', ')}]`)
} else {
  for (let fold = 0; fold < folds; fold++) {
    const weights = fit(rows.filter((_, i) => i % folds !== fold))
    console.log(`fold ${fold}: fit on ${rows.filter((_, i) => i % folds !== fold).length} dialogs, weights [${weights.map((w) => Number(w.toFixed(3))).join(', ')}]`)
  }
}
