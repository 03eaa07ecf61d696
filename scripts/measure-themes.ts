// Measures the local theme path: clustering quality against known labels (NMI, ARI, purity, number of
// themes vs true classes), key phrases per theme, identity across two halves of the data, and the
// time to cluster 50,000 synthetic 384-dimensional vectors.
//
//   npx tsx scripts/measure-themes.ts [--set airline|banking77] [--embedder builtin|tfidf] [--limit N] [--threshold T] [--min-size M] [--micro K] [--seed S] [--no-scale] [--show-themes]
//
// Defaults were tuned on airline_dev negative tweets only; banking77_train was not used for tuning.
import { readFileSync, existsSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { clusterVectors, type ClusterOptions } from '../src/chains/themes/cluster.ts'
import { clusterKeyphrases } from '../src/chains/themes/keyphrases.ts'
import { describeCluster } from '../src/chains/themes/describe-local.ts'
import { matchThemes } from '../src/chains/themes/track.ts'
import { words } from '../src/text/tokenize.ts'

const DATASETS = new URL('../../shared/datasets/', import.meta.url)

const { values: args } = parseArgs({
  options: {
    set: { type: 'string', default: 'airline' },
    limit: { type: 'string' },
    threshold: { type: 'string' },
    'min-size': { type: 'string' },
    micro: { type: 'string' },
    seed: { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    'show-themes': { type: 'boolean', default: false },
    embedder: { type: 'string', default: 'builtin' },
  },
})

interface Row { text: string; truth: string; createdAt?: string }

function loadRows(): Row[] {
  const file = args.set === 'banking77' ? 'intent/banking77_train.jsonl' : 'themes/airline_dev.jsonl'
  const url = new URL(file, DATASETS)
  if (!existsSync(url)) throw new Error(`missing ${url.pathname}: run from a checkout with ../shared`)
  const rows: Row[] = []
  for (const line of readFileSync(url, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line)
    if (args.set === 'banking77') rows.push({ text: r.text, truth: r.label })
    else if (r.label === 'negative' && r.negative_reason) rows.push({ text: r.text, truth: r.negative_reason, createdAt: r.created_at })
  }
  const limit = args.limit ? Number(args.limit) : rows.length
  return rows.slice(0, limit)
}

type Embed = (texts: string[]) => Promise<Float32Array[]>

/** The project's built-in embedder when it loads; otherwise hashed TF-IDF words, so this script runs alone. */
async function loadEmbedder(texts: string[]): Promise<{ name: string; embed: Embed }> {
  try {
    if (args.embedder !== 'builtin') throw new Error('asked for --embedder tfidf')
    const { createBuiltinEmbedder } = await import('../src/embeddings/builtin.ts')
    const embedder = createBuiltinEmbedder()
    return { name: embedder.id, embed: (t) => embedder.embed(t) }
  } catch (error) {
    console.error(`built-in embedder unavailable (${(error as Error).message.split('\n')[0]}); using hashed TF-IDF`)
    return { name: 'script:hashed-tfidf-384', embed: async (t) => hashedTfidf(t, texts) }
  }
}

function hashedTfidf(texts: string[], corpus: string[]): Float32Array[] {
  const df = new Map<string, number>()
  for (const text of corpus) for (const w of new Set(words(text))) df.set(w, (df.get(w) ?? 0) + 1)
  return texts.map((text) => {
    const v = new Float32Array(384)
    for (const w of new Set(words(text))) {
      let h = 0x811c9dc5
      for (const ch of w) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193)
      h >>>= 0
      v[h % 384] += (h & 0x80000000 ? -1 : 1) * Math.log(1 + corpus.length / (df.get(w) ?? 1))
    }
    let norm = 0
    for (const x of v) norm += x * x
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= Math.sqrt(norm)
    return v
  })
}

// Quick external clustering metrics (the official ones live in evals/metrics.ts).
function contingency(pred: ArrayLike<number>, truth: string[]) {
  const table = new Map<number, Map<string, number>>()
  const truthTotals = new Map<string, number>()
  for (let i = 0; i < truth.length; i++) {
    const row = table.get(pred[i]) ?? new Map<string, number>()
    row.set(truth[i], (row.get(truth[i]) ?? 0) + 1)
    table.set(pred[i], row)
    truthTotals.set(truth[i], (truthTotals.get(truth[i]) ?? 0) + 1)
  }
  return { table, truthTotals }
}

function scores(pred: ArrayLike<number>, truth: string[]) {
  const n = truth.length
  const { table, truthTotals } = contingency(pred, truth)
  const entropy = (counts: Iterable<number>) => {
    let h = 0
    for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n)
    return h
  }
  const predTotals = [...table.values()].map((row) => [...row.values()].reduce((a, b) => a + b, 0))
  let mutual = 0
  let purityHits = 0
  let sumPairsCells = 0
  ;[...table.values()].forEach((row, r) => {
    let rowMax = 0
    for (const [label, c] of row) {
      mutual += (c / n) * Math.log((c * n) / (predTotals[r] * truthTotals.get(label)!))
      rowMax = Math.max(rowMax, c)
      sumPairsCells += (c * (c - 1)) / 2
    }
    purityHits += rowMax
  })
  const hPred = entropy(predTotals)
  const hTruth = entropy(truthTotals.values())
  const nmi = hPred + hTruth === 0 ? 1 : (2 * mutual) / (hPred + hTruth)
  const pairs = (x: number) => (x * (x - 1)) / 2
  const sumPred = predTotals.reduce((s, c) => s + pairs(c), 0)
  const sumTruth = [...truthTotals.values()].reduce((s, c) => s + pairs(c), 0)
  const expected = (sumPred * sumTruth) / pairs(n)
  const ari = (sumPairsCells - expected) / ((sumPred + sumTruth) / 2 - expected)
  return { nmi, ari, purity: purityHits / n }
}

const fmt = (x: number) => x.toFixed(3)

async function main(): Promise<void> {
  const rows = loadRows()
  const texts = rows.map((r) => r.text)
  const truth = rows.map((r) => r.truth)
  const embedder = await loadEmbedder(texts)
  const t0 = performance.now()
  const vectors = await embedder.embed(texts)
  const embedMs = performance.now() - t0

  const opts: ClusterOptions = {
    distanceThreshold: args.threshold ? Number(args.threshold) : undefined,
    minClusterSize: args['min-size'] ? Number(args['min-size']) : undefined,
    maxMicroClusters: args.micro ? Number(args.micro) : undefined,
    seed: args.seed ? Number(args.seed) : undefined,
  }
  const t1 = performance.now()
  const { labels, centroids, k } = clusterVectors(vectors, opts)
  const clusterMs = performance.now() - t1
  const noise = Array.from(labels).filter((l) => l < 0).length
  const all = scores(labels, truth)
  const clustered = labels.reduce((acc: number[], l, i) => (l >= 0 ? (acc.push(i), acc) : acc), [])
  const kept = scores(clustered.map((i) => labels[i]), clustered.map((i) => truth[i]))
  const trueClasses = new Set(truth).size

  console.log(`set=${args.set} n=${rows.length} embedder=${embedder.name} options=${JSON.stringify(opts)}`)
  console.log(`themes found=${k} true classes=${trueClasses} noise=${noise} (${fmt(noise / rows.length)})`)
  console.log(`all messages (noise as one group): NMI=${fmt(all.nmi)} ARI=${fmt(all.ari)} purity=${fmt(all.purity)}`)
  console.log(`clustered messages only:           NMI=${fmt(kept.nmi)} ARI=${fmt(kept.ari)} purity=${fmt(kept.purity)}`)
  console.log(`time: embed ${embedMs.toFixed(0)} ms, cluster ${clusterMs.toFixed(0)} ms`)

  const t2 = performance.now()
  const keyphrases = clusterKeyphrases(texts, labels, { language: 'en' })
  const keyphraseMs = performance.now() - t2
  console.log(`time: keyphrases ${keyphraseMs.toFixed(0)} ms`)
  if (args['show-themes']) {
    for (let c = 0; c < k; c++) {
      const members = clustered.filter((i) => labels[i] === c)
      const dominant = [...contingency(members.map(() => 0), members.map((i) => truth[i])).table.get(0)!].sort((a, b) => b[1] - a[1])[0]
      const described = describeCluster({ keyphrases: keyphrases.get(c) ?? [], texts: members.map((i) => texts[i]), vectors: members.map((i) => vectors[i]), centroid: centroids[c] })
      console.log(`  #${c} size=${members.length} label="${described.label}" top-truth=${dominant[0]} (${fmt(dominant[1] / members.length)}) phrases=${(keyphrases.get(c) ?? []).slice(0, 6).map((p) => p.phrase).join(' | ')}`)
    }
  }

  if (args.set === 'airline') measureIdentityAcrossHalves(rows, vectors, opts)
  if (!args['no-scale']) measureScale(opts)
}

/** Clusters the first and second half (by time) separately and checks matched themes share their dominant reason. */
function measureIdentityAcrossHalves(rows: Row[], vectors: Float32Array[], opts: ClusterOptions): void {
  const order = rows.map((_, i) => i).sort((a, b) => (rows[a].createdAt ?? '').localeCompare(rows[b].createdAt ?? ''))
  const halves = [order.slice(0, order.length >> 1), order.slice(order.length >> 1)]
  const described = halves.map((indices) => {
    const { labels, centroids } = clusterVectors(indices.map((i) => vectors[i]), opts)
    const phrases = clusterKeyphrases(indices.map((i) => rows[i].text), labels, { language: 'en' })
    return centroids.map((centroid, c) => {
      const members = indices.filter((_, j) => labels[j] === c)
      const counts = new Map<string, number>()
      for (const i of members) counts.set(rows[i].truth, (counts.get(rows[i].truth) ?? 0) + 1)
      const dominant = [...counts].sort((a, b) => b[1] - a[1])[0][0]
      return { themeId: `t${c}`, centroid, keyphrases: (phrases.get(c) ?? []).map((p) => p.phrase), volume: members.length, share: 0, dominant }
    })
  })
  const matches = matchThemes(described[0], described[1])
  let matched = 0
  let agreeing = 0
  matches.forEach((id, c) => {
    if (id === null) return
    matched++
    if (described[0].find((t) => t.themeId === id)!.dominant === described[1][c].dominant) agreeing++
  })
  console.log(`identity across halves: themes ${described[0].length} → ${described[1].length}, matched ${matched}, same dominant reason ${agreeing}/${matched}`)
}

function measureScale(opts: ClusterOptions): void {
  // 50,000 unit vectors around 40 random topic directions with heavy noise, dimension 384.
  let state = 7
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296)
  const gaussian = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random())
  const topics = Array.from({ length: 40 }, () => Float32Array.from({ length: 384 }, gaussian))
  const vectors = Array.from({ length: 50_000 }, () => {
    const topic = topics[Math.floor(random() * topics.length)]
    const v = Float32Array.from(topic, (x) => x + 1.5 * gaussian())
    let norm = 0
    for (const x of v) norm += x * x
    for (let i = 0; i < v.length; i++) v[i] /= Math.sqrt(norm)
    return v
  })
  const t = performance.now()
  const { k, labels } = clusterVectors(vectors, opts)
  const noise = Array.from(labels).filter((l) => l < 0).length
  console.log(`scale: 50,000 × 384 synthetic vectors (40 topics) clustered in ${(performance.now() - t).toFixed(0)} ms → ${k} themes, ${noise} noise`)
}

await main()
