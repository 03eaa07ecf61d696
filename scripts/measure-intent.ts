// Measures the local intent classifier on banking77 and clinc150, with all training examples and
// with 10 per intent. Usage: npx tsx scripts/measure-intent.ts [--json] [--limit-sets banking77,clinc150]
import { existsSync, readFileSync } from 'node:fs'
import { trainIntentModel, type IntentModel, type SgdSettings } from '../src/chains/classify/intent-local.ts'
import { OTHER_INTENT } from '../src/chains/classify/taxonomy.ts'
import { FEW_SHOT, firstPerLabel, SPLIT_SEED, trainTestSplit, type Example } from './lib/intent-split.ts'

const DATA_DIR = new URL('../../shared/datasets/intent/', import.meta.url)

function readJsonl(name: string): Example[] {
  const url = new URL(name, DATA_DIR)
  if (!existsSync(url)) throw new Error(`missing dataset ${url.pathname} (needs ../shared)`)
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; text: string; label: string })
    // clinc150's out-of-scope class is what Parley calls "other".
    .map((r) => ({ id: r.id, text: r.text, label: r.label === 'oos' ? OTHER_INTENT : r.label }))
}

interface Result {
  dataset: string
  train: number
  test: number
  accuracy: number
  inScopeAccuracy?: number
  otherRecall?: number
  /** Expected calibration error of the top known intent's probability (10 bins). */
  ece: number
  trainSeconds: number
  /** In-scope accuracy and other-recall at several thresholds (only when the test set has "other"). */
  thresholdSweep?: Array<{ threshold: number; inScopeAccuracy: number; otherRecall: number }>
}

const SWEEP_THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]

function expectedCalibrationError(points: Array<{ p: number; correct: boolean }>, bins = 10): number {
  let total = 0
  for (let b = 0; b < bins; b++) {
    const inBin = points.filter((x) => Math.min(bins - 1, Math.floor(x.p * bins)) === b)
    if (inBin.length === 0) continue
    const confidence = inBin.reduce((s, x) => s + x.p, 0) / inBin.length
    const accuracy = inBin.filter((x) => x.correct).length / inBin.length
    total += (inBin.length / points.length) * Math.abs(confidence - accuracy)
  }
  return total
}

function evaluate(dataset: string, train: Example[], test: Example[], sgd?: Partial<SgdSettings>, threshold?: number): Result {
  // CPU time, not wall time: the measuring machine is shared, and CPU time is what a retrain costs.
  const started = process.cpuUsage()
  const model: IntentModel = trainIntentModel(train, { sgd, otherThreshold: threshold })
  const used = process.cpuUsage(started)
  const trainSeconds = (used.user + used.system) / 1e6
  let correct = 0
  let inScope = 0
  let inScopeCorrect = 0
  let other = 0
  let otherCorrect = 0
  const calibration: Array<{ p: number; correct: boolean }> = []
  const rankings: Array<{ gold: string; ranked: Array<{ label: string; p: number }> }> = []
  for (const e of test) {
    const { label, ranked } = model.predict(e.text)
    calibration.push({ p: ranked[0].p, correct: ranked[0].label === e.label })
    rankings.push({ gold: e.label, ranked })
    const ok = label === e.label
    if (ok) correct++
    if (e.label === OTHER_INTENT) {
      other++
      if (ok) otherCorrect++
    } else {
      inScope++
      if (ok) inScopeCorrect++
    }
  }
  const result: Result = { dataset, train: train.length, test: test.length, accuracy: correct / test.length, ece: expectedCalibrationError(calibration), trainSeconds }
  if (other > 0) {
    result.inScopeAccuracy = inScopeCorrect / inScope
    result.otherRecall = otherCorrect / other
    result.thresholdSweep = SWEEP_THRESHOLDS.map((threshold) => {
      const predicted = rankings.map(({ gold, ranked }) => {
        const best = ranked.find((r) => r.label !== OTHER_INTENT)
        return { gold, label: ranked[0].label === OTHER_INTENT || !best || best.p < threshold ? OTHER_INTENT : best.label }
      })
      const ins = predicted.filter((x) => x.gold !== OTHER_INTENT)
      const oos = predicted.filter((x) => x.gold === OTHER_INTENT)
      return {
        threshold,
        inScopeAccuracy: ins.filter((x) => x.label === x.gold).length / ins.length,
        otherRecall: oos.filter((x) => x.label === OTHER_INTENT).length / oos.length,
      }
    })
  }
  return result
}

const args = process.argv.slice(2)
const json = args.includes('--json')
const sgdArg = args.find((a) => a.startsWith('--sgd='))
const sgd = sgdArg ? (JSON.parse(sgdArg.slice(6)) as Partial<SgdSettings>) : undefined
const thresholdArg = args.find((a) => a.startsWith('--threshold='))
const threshold = thresholdArg ? Number(thresholdArg.slice(12)) : undefined
const setsArg = args.find((a) => a.startsWith('--sets='))
const sets = (setsArg ? setsArg.slice(7) : 'banking77,banking77-10,clinc150,clinc150-10').split(',')

const results: Result[] = []
if (sets.some((s) => s.startsWith('banking77'))) {
  const { train, test } = trainTestSplit(readJsonl('banking77_train.jsonl'))
  if (sets.includes('banking77')) results.push(evaluate('banking77 (all, 80/20 split)', train, test, sgd, threshold))
  if (sets.includes('banking77-10')) results.push(evaluate(`banking77 (${FEW_SHOT}/intent)`, firstPerLabel(train, FEW_SHOT, SPLIT_SEED), test, sgd, threshold))
}
if (sets.some((s) => s.startsWith('clinc150'))) {
  const train = readJsonl('clinc150_train.jsonl')
  const test = readJsonl('clinc150_val.jsonl')
  if (sets.includes('clinc150')) results.push(evaluate('clinc150 (all, train→val)', train, test, sgd, threshold))
  if (sets.includes('clinc150-10')) results.push(evaluate(`clinc150 (${FEW_SHOT}/intent)`, firstPerLabel(train, FEW_SHOT, SPLIT_SEED), test, sgd, threshold))
}

if (json) console.log(JSON.stringify(results, null, 2))
else {
  for (const r of results) {
    const extra = r.otherRecall === undefined ? '' : `  in-scope ${(100 * r.inScopeAccuracy!).toFixed(1)}%  oos→other recall ${(100 * r.otherRecall).toFixed(1)}%`
    console.log(`${r.dataset.padEnd(30)} train ${String(r.train).padStart(5)}  test ${String(r.test).padStart(5)}  accuracy ${(100 * r.accuracy).toFixed(1)}%${extra}  ECE ${r.ece.toFixed(3)}  train ${r.trainSeconds.toFixed(1)} s CPU`)
    if (r.thresholdSweep) {
      const cells = r.thresholdSweep.map((t) => `${t.threshold}: ${(100 * t.inScopeAccuracy).toFixed(1)}/${(100 * t.otherRecall).toFixed(1)}`)
      console.log(`${''.padEnd(30)} threshold → in-scope acc / other recall  ${cells.join('  ')}`)
    }
  }
}
