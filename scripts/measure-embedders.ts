// Compares the offline embedders on what Parley uses embeddings for:
//   (a) themes: clusterVectors on airline_dev negative tweets against their negative_reason;
//   (b) few-shot intent: nearest-centroid accuracy on banking77 (10 examples per intent), alone and
//       mixed with the lexical intent model trained on the same 10 examples;
//   (c) throughput and load time.
//
//   npx tsx scripts/measure-embedders.ts [--embedders builtin,use,glove] [--limit-themes N] [--limit-test N] [--json]
//
// The split and the 10 examples per intent come from scripts/lib/intent-split.ts, as in
// scripts/measure-intent.ts, so the lexical figures match it. Softmax temperature and mixing weight are chosen on a separate
// validation slice of the training 80% (10 more per intent), never on the test 20%.
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { adjustedRandIndex, classificationReport, nmi, purity } from '../evals/metrics.ts'
import { trainIntentModel } from '../src/chains/classify/intent-local.ts'
import { clusterVectors, DEFAULT_DISTANCE_THRESHOLD } from '../src/chains/themes/cluster.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import type { Embedder } from '../src/embeddings/embedder.ts'
import { createTransformersEmbedder } from '../src/embeddings/transformers.ts'
import { createUseEmbedder } from '../src/embeddings/universal-sentence-encoder.ts'
import { FEW_SHOT, firstPerLabel, SPLIT_SEED, trainTestSplit, type Example } from './lib/intent-split.ts'

const SHARED = new URL('../../shared/', import.meta.url)
const GLOVE_FOLDER = fileURLToPath(new URL('models/glove-6b-100d-sif', SHARED))
const VALIDATION_SEED = 43
// Wide on purpose: each model has its own cosine scale (GloVe-SIF averages sit close together).
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85]
const TEMPERATURES = [0.01, 0.02, 0.03, 0.05, 0.1]
const MIX_WEIGHTS = [0, 0.25, 0.5, 0.75, 1]

const { values: args } = parseArgs({
  options: {
    embedders: { type: 'string', default: 'builtin,use,glove' },
    'limit-themes': { type: 'string' },
    'limit-test': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
})

function readJsonl<T>(relative: string): T[] {
  const url = new URL(relative, SHARED)
  if (!existsSync(url)) throw new Error(`missing ${url.pathname}: run from a checkout next to ../shared`)
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

// --- embedders -----------------------------------------------------------------------------------

async function loadEmbedder(name: string): Promise<Embedder> {
  if (name === 'builtin') return createBuiltinEmbedder()
  if (name === 'use') return createUseEmbedder()
  if (name === 'glove') return createTransformersEmbedder({ model: GLOVE_FOLDER, dtype: 'fp32' })
  throw new Error(`unknown embedder ${name}: builtin | use | glove`)
}

/** Wall time and CPU time: the machine is shared, and CPU time is what a dedicated core would give. */
async function timedEmbed(embedder: Embedder, texts: string[]): Promise<{ vectors: Float32Array[]; wallPerSecond: number; cpuPerSecond: number }> {
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const vectors = await embedder.embed(texts)
  const cpu = process.cpuUsage(cpuStarted)
  return {
    vectors,
    wallPerSecond: texts.length / ((performance.now() - started) / 1000),
    cpuPerSecond: texts.length / ((cpu.user + cpu.system) / 1e6),
  }
}

// --- (a) themes ----------------------------------------------------------------------------------

interface ThemeScores {
  threshold: number
  k: number
  noiseShare: number
  nmi: number
  ari: number
  purity: number
}

function scoreThemes(vectors: Float32Array[], gold: string[], threshold: number): ThemeScores {
  const { labels, k } = clusterVectors(vectors, { distanceThreshold: threshold })
  const pred = Array.from(labels)
  const noise = pred.filter((l) => l < 0).length
  // Noise counts as one more cluster (see evals/metrics.ts), which is deliberately unflattering.
  return { threshold, k, noiseShare: noise / pred.length, nmi: nmi(gold, pred), ari: adjustedRandIndex(gold, pred), purity: purity(gold, pred) }
}

// --- (b) few-shot intent -------------------------------------------------------------------------

function centroidsOf(vectors: Float32Array[], labels: string[], classes: string[]): Float32Array[] {
  return classes.map((label) => {
    const sum = new Float32Array(vectors[0].length)
    labels.forEach((l, i) => {
      if (l === label) for (let d = 0; d < sum.length; d++) sum[d] += vectors[i][d]
    })
    const norm = Math.hypot(...sum) || 1
    return sum.map((x) => x / norm)
  })
}

function similarities(vector: Float32Array, centroids: Float32Array[]): number[] {
  return centroids.map((c) => {
    let dot = 0
    for (let d = 0; d < c.length; d++) dot += c[d] * vector[d]
    return dot
  })
}

function softmax(scores: number[], temperature: number): number[] {
  const max = Math.max(...scores)
  const exps = scores.map((s) => Math.exp((s - max) / temperature))
  const total = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / total)
}

/** The lexical model reports its top 10; the rest of the mass is spread evenly, as it is small. */
function lexicalDistribution(ranked: Array<{ label: string; p: number }>, classes: string[]): number[] {
  const known = new Map(ranked.map((r) => [r.label, r.p]))
  const rest = Math.max(0, 1 - ranked.reduce((s, r) => s + r.p, 0)) / Math.max(1, classes.length - ranked.length)
  return classes.map((label) => known.get(label) ?? rest)
}

function argmaxLabel(p: number[], classes: string[]): string {
  let best = 0
  for (let i = 1; i < p.length; i++) if (p[i] > p[best]) best = i
  return classes[best]
}

function mix(a: number[], b: number[], weightOfA: number): number[] {
  return a.map((x, i) => weightOfA * x + (1 - weightOfA) * b[i])
}

function accuracy(gold: string[], pred: string[]): number {
  return pred.filter((p, i) => p === gold[i]).length / gold.length
}

interface IntentData {
  shots: Example[]
  validation: Example[]
  test: Example[]
  classes: string[]
  lexicalValidation: number[][]
  lexicalTest: number[][]
}

function prepareIntent(): IntentData {
  const all = readJsonl<Example>('datasets/intent/banking77_train.jsonl').map((r) => ({ id: r.id, text: r.text, label: r.label }))
  const { train, test: fullTest } = trainTestSplit(all)
  const shots = firstPerLabel(train, FEW_SHOT, SPLIT_SEED)
  const used = new Set(shots)
  const validation = firstPerLabel(train.filter((e) => !used.has(e)), FEW_SHOT, VALIDATION_SEED)
  const test = args['limit-test'] ? firstPerLabel(fullTest, Math.ceil(Number(args['limit-test']) / 77), SPLIT_SEED) : fullTest
  const classes = [...new Set(all.map((e) => e.label))].sort()
  const lexical = trainIntentModel(shots)
  return {
    shots,
    validation,
    test,
    classes,
    lexicalValidation: validation.map((e) => lexicalDistribution(lexical.predict(e.text).ranked, classes)),
    lexicalTest: test.map((e) => lexicalDistribution(lexical.predict(e.text).ranked, classes)),
  }
}

interface IntentScores {
  centroidAccuracy: number
  centroidMacroF1: number
  temperature: number
  average: { accuracy: number; macroF1: number }
  tunedMix: { weightOfEmbedding: number; accuracy: number; macroF1: number; validationAccuracy: number }
}

function scoreIntent(data: IntentData, shotVectors: Float32Array[], validationVectors: Float32Array[], testVectors: Float32Array[]): IntentScores {
  const { classes } = data
  const centroids = centroidsOf(shotVectors, data.shots.map((e) => e.label), classes)
  const validationSims = validationVectors.map((v) => similarities(v, centroids))
  const testSims = testVectors.map((v) => similarities(v, centroids))
  const validationGold = data.validation.map((e) => e.label)
  const testGold = data.test.map((e) => e.label)

  // Temperature decides how sharp the embedding's distribution is next to the lexical one.
  let best = { temperature: TEMPERATURES[0], weight: 0.5, accuracy: -1 }
  let temperatureForAverage = { temperature: TEMPERATURES[0], accuracy: -1 }
  for (const temperature of TEMPERATURES) {
    const embeddingP = validationSims.map((s) => softmax(s, temperature))
    for (const weight of MIX_WEIGHTS) {
      const pred = embeddingP.map((p, i) => argmaxLabel(mix(p, data.lexicalValidation[i], weight), classes))
      const acc = accuracy(validationGold, pred)
      if (acc > best.accuracy) best = { temperature, weight, accuracy: acc }
      if (weight === 0.5 && acc > temperatureForAverage.accuracy) temperatureForAverage = { temperature, accuracy: acc }
    }
  }

  const predictWith = (temperature: number, weight: number) =>
    testSims.map((s, i) => argmaxLabel(mix(softmax(s, temperature), data.lexicalTest[i], weight), classes))
  const centroidPred = testSims.map((s) => argmaxLabel(s, classes))
  const averagePred = predictWith(temperatureForAverage.temperature, 0.5)
  const tunedPred = predictWith(best.temperature, best.weight)
  const f1 = (pred: string[]) => classificationReport(testGold, pred, classes).macro_f1
  return {
    centroidAccuracy: accuracy(testGold, centroidPred),
    centroidMacroF1: f1(centroidPred),
    temperature: temperatureForAverage.temperature,
    average: { accuracy: accuracy(testGold, averagePred), macroF1: f1(averagePred) },
    tunedMix: { weightOfEmbedding: best.weight, accuracy: accuracy(testGold, tunedPred), macroF1: f1(tunedPred), validationAccuracy: best.accuracy },
  }
}

// --- main ----------------------------------------------------------------------------------------

const fmt = (x: number) => x.toFixed(3)

async function main(): Promise<void> {
  const tweets = readJsonl<{ text: string; label: string; negative_reason: string | null }>('datasets/themes/airline_dev.jsonl')
    .filter((r) => r.label === 'negative' && r.negative_reason)
    .slice(0, args['limit-themes'] ? Number(args['limit-themes']) : undefined)
  const themeTexts = tweets.map((r) => r.text)
  const themeGold = tweets.map((r) => r.negative_reason!)
  const intent = prepareIntent()
  const lexicalTestPred = intent.lexicalTest.map((p) => argmaxLabel(p, intent.classes))
  const lexical = {
    accuracy: accuracy(intent.test.map((e) => e.label), lexicalTestPred),
    macroF1: classificationReport(intent.test.map((e) => e.label), lexicalTestPred, intent.classes).macro_f1,
  }
  const header = {
    loadAverageAtStart: loadavg()[0],
    themes: { texts: themeTexts.length, reasons: new Set(themeGold).size },
    intent: { shots: intent.shots.length, validation: intent.validation.length, test: intent.test.length, classes: intent.classes.length, lexical10Shot: lexical },
  }
  if (!args.json) {
    console.log(`load average ${header.loadAverageAtStart.toFixed(1)} (2 cores); themes: ${themeTexts.length} negative tweets, ${header.themes.reasons} reasons; intent: ${intent.shots.length} shots, ${intent.validation.length} validation, ${intent.test.length} test`)
    console.log(`lexical intent model (10/intent): accuracy ${fmt(lexical.accuracy)} macro-F1 ${fmt(lexical.macroF1)}`)
  }

  const results = []
  for (const name of args.embedders.split(',').map((s) => s.trim())) {
    const loadStarted = performance.now()
    const embedder = await loadEmbedder(name)
    const loadMs = performance.now() - loadStarted
    const themesEmbed = await timedEmbed(embedder, themeTexts)
    const themes = THRESHOLDS.map((t) => scoreThemes(themesEmbed.vectors, themeGold, t))
    const intentTexts = [...intent.shots, ...intent.validation, ...intent.test].map((e) => e.text)
    const intentEmbed = await timedEmbed(embedder, intentTexts)
    const shotVectors = intentEmbed.vectors.slice(0, intent.shots.length)
    const validationVectors = intentEmbed.vectors.slice(intent.shots.length, intent.shots.length + intent.validation.length)
    const testVectors = intentEmbed.vectors.slice(intent.shots.length + intent.validation.length)
    const intentScores = scoreIntent(intent, shotVectors, validationVectors, testVectors)
    await embedder.close?.()
    const result = {
      embedder: embedder.id,
      dimension: embedder.dimension,
      loadMs: Math.round(loadMs),
      textsPerSecond: {
        tweetsWall: Math.round(themesEmbed.wallPerSecond),
        tweetsCpu: Math.round(themesEmbed.cpuPerSecond),
        queriesWall: Math.round(intentEmbed.wallPerSecond),
        queriesCpu: Math.round(intentEmbed.cpuPerSecond),
      },
      themes,
      intent: intentScores,
    }
    results.push(result)
    if (!args.json) printResult(result)
  }
  if (args.json) console.log(JSON.stringify({ ...header, results }, null, 2))
}

function printResult(r: {
  embedder: string
  dimension: number
  loadMs: number
  textsPerSecond: { tweetsWall: number; tweetsCpu: number; queriesWall: number; queriesCpu: number }
  themes: ThemeScores[]
  intent: IntentScores
}): void {
  console.log(`\n== ${r.embedder} (${r.dimension} dims): load ${r.loadMs} ms`)
  const speed = r.textsPerSecond
  console.log(`  texts/s (wall | per CPU-second): tweets ${speed.tweetsWall} | ${speed.tweetsCpu}, banking queries ${speed.queriesWall} | ${speed.queriesCpu}`)
  for (const t of r.themes) {
    const mark = t.threshold === DEFAULT_DISTANCE_THRESHOLD ? ' (default)' : ''
    console.log(`  themes threshold ${t.threshold}${mark}: k=${t.k} noise=${fmt(t.noiseShare)} NMI=${fmt(t.nmi)} ARI=${fmt(t.ari)} purity=${fmt(t.purity)}`)
  }
  const i = r.intent
  console.log(`  intent nearest centroid: accuracy ${fmt(i.centroidAccuracy)} macro-F1 ${fmt(i.centroidMacroF1)}`)
  console.log(`  intent average with lexical (T=${i.temperature}): accuracy ${fmt(i.average.accuracy)} macro-F1 ${fmt(i.average.macroF1)}`)
  console.log(`  intent mix tuned on validation (w_embedding=${i.tunedMix.weightOfEmbedding}, val acc ${fmt(i.tunedMix.validationAccuracy)}): accuracy ${fmt(i.tunedMix.accuracy)} macro-F1 ${fmt(i.tunedMix.macroF1)}`)
}

await main()
