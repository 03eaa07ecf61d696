// Where enrichment time goes: wraps each pipeline stage with a timer and drains the queue once.
// Usage: npx tsx bench/profile-enrich.ts [messages]
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { generateConversations } from './corpus.ts'
import { ingestAll, seconds, withFreshServices } from './harness.ts'

const n = Number(process.argv[2] ?? 10_000)
const embedder = createBuiltinEmbedder()
const timed = new Map<string, number>()
const origEmbed = embedder.embed.bind(embedder)
embedder.embed = async (texts, o) => {
  const t = performance.now()
  try { return await origEmbed(texts, o) } finally { timed.set('embedder.embed', (timed.get('embedder.embed') ?? 0) + performance.now() - t) }
}
await withFreshServices(embedder, async (s) => {
  const db = s.services.db
  const origWrite = db.writeEmbeddings.bind(db)
  db.writeEmbeddings = async (rows) => {
    const t = performance.now()
    try { return await origWrite(rows) } finally { timed.set('db.writeEmbeddings', (timed.get('db.writeEmbeddings') ?? 0) + performance.now() - t) }
  }
  const conversations = generateConversations({ messages: n, seed: 11, idPrefix: 'prof' })
  const [messages, ingestS] = await seconds(() => ingestAll(s, conversations, 200))
  console.log(`ingest ${messages} msgs in ${ingestS.toFixed(1)} s = ${(messages / ingestS).toFixed(0)} msg/s`)
  const [, drainS] = await seconds(() => s.services.worker.drain())
  console.log(`drain ${drainS.toFixed(1)} s = ${(messages / drainS).toFixed(0)} msg/s`)
  for (const [k, v] of timed) console.log(`  ${k}: ${(v / 1000).toFixed(1)} s`)
})
const { metricsRegistry } = await import('../src/pipeline/metrics.ts')
const m = await metricsRegistry.getSingleMetricAsString('parley_enrichment_stage_duration_seconds')
for (const line of m.split('\n')) if (line.includes('_sum') || line.includes('_count')) console.log(line)
const j = await metricsRegistry.getSingleMetricAsString('parley_job_duration_seconds')
for (const line of j.split('\n')) if (line.includes('_sum') || line.includes('_count')) console.log(line)
