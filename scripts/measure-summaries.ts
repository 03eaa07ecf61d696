// ROUGE-1/2/L (F1, best over the references of each dialog, averaged over dialogs) of the local
// extractive summary against the lead baseline.
//
//   npx tsx scripts/measure-summaries.ts [--split val|train] [--limit N] [--max-sentences K]
//
// Tuning was done on the train split only; val is reported.
import { readFileSync, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { leadBaseline, summarizeDialog } from '../src/chains/summarize/local.ts'

const { values: args } = parseArgs({
  options: {
    split: { type: 'string', default: 'val' },
    limit: { type: 'string' },
    'max-sentences': { type: 'string' },
  },
})

const file = new URL(`../../shared/datasets/summaries/tweetsumm_${args.split}.jsonl`, import.meta.url)
if (!existsSync(file)) throw new Error(`missing ${file.pathname}: run from a checkout with ../shared`)
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { dialog: Array<{ speaker: string; text: string }>; summaries: string[] })
  .slice(0, args.limit ? Number(args.limit) : undefined)

// Quick ROUGE: lowercase alphanumeric tokens, no stemming, no stopword removal.
const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function ngrams(list: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= list.length; i++) {
    const key = list.slice(i, i + n).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0) return 0
  const precision = overlap / candidateTotal
  const recall = overlap / referenceTotal
  return (2 * precision * recall) / (precision + recall)
}

function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngrams(candidate, n)
  const r = ngrams(reference, n)
  let overlap = 0
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0)
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1))
}

function rougeL(candidate: string[], reference: string[]): number {
  const row = new Array<number>(reference.length + 1).fill(0)
  for (let i = 1; i <= candidate.length; i++) {
    let diagonal = 0
    for (let j = 1; j <= reference.length; j++) {
      const above = row[j]
      row[j] = candidate[i - 1] === reference[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1])
      diagonal = above
    }
  }
  return f1(row[reference.length], candidate.length, reference.length)
}

function score(candidates: string[]): { r1: number; r2: number; rl: number; words: number } {
  const total = { r1: 0, r2: 0, rl: 0, words: 0 }
  candidates.forEach((candidate, i) => {
    const c = tokens(candidate)
    const refs = rows[i].summaries.map(tokens)
    total.r1 += Math.max(...refs.map((r) => rougeN(c, r, 1)))
    total.r2 += Math.max(...refs.map((r) => rougeN(c, r, 2)))
    total.rl += Math.max(...refs.map((r) => rougeL(c, r)))
    total.words += c.length
  })
  const n = candidates.length
  return { r1: (100 * total.r1) / n, r2: (100 * total.r2) / n, rl: (100 * total.rl) / n, words: total.words / n }
}

const maxSentences = args['max-sentences'] ? Number(args['max-sentences']) : undefined
const started = performance.now()
const summaries = rows.map((row) => summarizeDialog(row.dialog, { maxSentences }))
const elapsed = performance.now() - started
const leads = rows.map((row) => leadBaseline(row.dialog, maxSentences))
const withoutSpeakers = (text: string) => text.replace(/\b(?:Customer|Agent): /g, '')

const show = (name: string, s: ReturnType<typeof score>) =>
  console.log(`${name.padEnd(34)} R1=${s.r1.toFixed(2)} R2=${s.r2.toFixed(2)} RL=${s.rl.toFixed(2)} words=${s.words.toFixed(1)}`)
console.log(`tweetsumm_${args.split}: ${rows.length} dialogs, maxSentences=${maxSentences ?? 'default'}, summarizeDialog ${elapsed.toFixed(0)} ms total`)
show('summarizeDialog', score(summaries.map((s) => s.summary)))
show('leadBaseline', score(leads))
show('summarizeDialog (no speaker tags)', score(summaries.map((s) => withoutSpeakers(s.summary))))
show('leadBaseline (no speaker tags)', score(leads.map(withoutSpeakers)))
const withOpen = summaries.filter((s) => s.open !== null).length
console.log(`open item found in ${withOpen}/${rows.length} dialogs`)
