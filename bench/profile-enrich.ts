// Where enrichment time goes: times each pipeline stage and job kind (through the Prometheus
// histograms), and every database statement by its first words, over one drain of the queue.
// Usage: npx tsx bench/profile-enrich.ts [messages]. Prints wall and CPU time of the ingest and the drain.
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { generateConversations } from './corpus.ts'
import { enrichedSoFar, ingestAll, seconds, withFreshServices } from './harness.ts'

const n = Number(process.argv[2] ?? 10_000)
const embedder = createBuiltinEmbedder()
const timed = new Map<string, { ms: number; calls: number }>()
function add(key: string, ms: number) {
  const t = timed.get(key) ?? { ms: 0, calls: 0 }
  t.ms += ms
  t.calls++
  timed.set(key, t)
}
const origEmbed = embedder.embed.bind(embedder)
embedder.embed = async (texts, o) => {
  const t = performance.now()
  try { return await origEmbed(texts, o) } finally { add('embedder.embed', performance.now() - t) }
}
/**
 * CPU seconds of every thread of this process (the PGlite worker thread included) since `from`: on a
 * busy machine wall time mostly measures the other processes, CPU time far less so.
 */
function cpuSeconds(from: NodeJS.CpuUsage): string {
  const used = process.cpuUsage(from)
  return ((used.user + used.system) / 1e6).toFixed(2)
}
/** A statement's first words, without literals: enough to tell the statements apart. */
const statementKey = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 70)
await withFreshServices(embedder, async (s) => {
  const db = s.services.db
  const origWrite = db.writeEmbeddings.bind(db)
  db.writeEmbeddings = async (rows) => {
    const t = performance.now()
    try { return await origWrite(rows) } finally { add('db.writeEmbeddings', performance.now() - t) }
  }
  const conversations = generateConversations({ messages: n, seed: 11, idPrefix: 'prof' })
  let cpu = process.cpuUsage()
  const [messages, ingestS] = await seconds(() => ingestAll(s, conversations, 200))
  console.log(`ingest ${messages} msgs in ${ingestS.toFixed(1)} s = ${(messages / ingestS).toFixed(0)} msg/s, ${cpuSeconds(cpu)} CPU s`)
  const origQuery = db.query.bind(db)
  db.query = (async (sql: string, params?: unknown[]) => {
    const t = performance.now()
    try { return await origQuery(sql, params) } finally { add(`sql: ${statementKey(sql)}`, performance.now() - t) }
  }) as typeof db.query
  cpu = process.cpuUsage()
  // The enrichment's own CPU, without the index build that follows it in the same drain: taken when the
  // worker's counter of enriched messages reaches the corpus.
  const baseline = await enrichedSoFar()
  let enrichmentCpu: string | undefined
  const watch = setInterval(() => {
    void enrichedSoFar().then((n) => {
      if (enrichmentCpu === undefined && n - baseline >= messages) enrichmentCpu = cpuSeconds(cpu)
    })
  }, 20)
  const [, drainS] = await seconds(() => s.services.worker.drain())
  clearInterval(watch)
  console.log(`drain ${drainS.toFixed(1)} s = ${(messages / drainS).toFixed(0)} msg/s, ${cpuSeconds(cpu)} CPU s, of which enrichment (before the index build) ${enrichmentCpu ?? '?'} CPU s`)
  for (const [k, v] of [...timed].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${(v.ms / 1000).toFixed(2).padStart(7)} s ${String(v.calls).padStart(6)}×  ${k}`)
})
const { metricsRegistry } = await import('../src/pipeline/metrics.ts')
const m = await metricsRegistry.getSingleMetricAsString('parley_enrichment_stage_duration_seconds')
for (const line of m.split('\n')) if (line.includes('_sum') || line.includes('_count')) console.log(line)
const j = await metricsRegistry.getSingleMetricAsString('parley_job_duration_seconds')
for (const line of j.split('\n')) if (line.includes('_sum') || line.includes('_count')) console.log(line)
