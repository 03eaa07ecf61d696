// Where enrichment's CPU goes, stage by stage and statement by statement: the stages of createServices
// run one after another over the pipeline's chunks (not overlapped, as the worker runs them), so the CPU
// of the whole process (main thread and PGlite's thread together) between two points belongs to what ran
// between them. bench/profile-enrich.ts times the real, pipelined drain; this one attributes its CPU.
// Usage: npx tsx bench/stage-cpu.ts [messages]
import { classificationStage } from '../src/chains/classify/enrichment-stage.ts'
import { summaryRefreshStage } from '../src/chains/summarize/enrichment-stage.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { integrationsStage } from '../src/integrations/drafts.ts'
import { embeddingStage } from '../src/pipeline/embedding-stage.ts'
import { chunkByConversation, ENRICH_CHUNK_MESSAGES } from '../src/pipeline/enrichment.ts'
import { loadStageMessages } from '../src/store/messages.ts'
import { takeStatementCpu } from '../src/store/pglite.ts'
import { generateConversations } from './corpus.ts'
import { ingestAll, withFreshServices } from './harness.ts'

const n = Number(process.argv[2] ?? 20_000)
const cpuOf = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1e6
}
const spent = new Map<string, { s: number; calls: number }>()
function charge(key: string, s: number) {
  const t = spent.get(key) ?? { s: 0, calls: 0 }
  t.s += s
  t.calls++
  spent.set(key, t)
}
async function measured<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const from = process.cpuUsage()
  try {
    return await fn()
  } finally {
    charge(key, cpuOf(from))
  }
}

const embedder = createBuiltinEmbedder()
const origEmbed = embedder.embed.bind(embedder)
embedder.embed = (texts, o) => measured('  embedder.embed (JS)', () => origEmbed(texts, o))

await withFreshServices(embedder, async (s) => {
  const { db, chains, summaries } = s.services
  const conversations = generateConversations({ messages: n, seed: 11, idPrefix: 'stage' })
  const ingestFrom = process.cpuUsage()
  const messages = await ingestAll(s, conversations, 200)
  console.log(`ingest ${messages} messages: ${cpuOf(ingestFrom).toFixed(2)} CPU s`)
  const { rows } = await db.query<{ id: string }>('SELECT id FROM messages WHERE workspace_id = $1', [s.workspaceId])
  const loaded = await loadStageMessages(db, s.workspaceId, rows.map((r) => r.id))

  const origQuery = db.query.bind(db)
  db.query = ((sql: string, params?: unknown[]) =>
    measured(`  sql: ${sql.replace(/\s+/g, ' ').trim().slice(0, 60)}`, () => origQuery(sql, params))) as typeof db.query
  const origWrite = db.writeEmbeddings.bind(db)
  db.writeEmbeddings = (r) => measured('  db.writeEmbeddings', () => origWrite(r))
  const origClassify = chains.localClassifier.classify.bind(chains.localClassifier)
  chains.localClassifier.classify = (labels, inputs, o) => measured('  localClassifier.classify (JS)', () => origClassify(labels, inputs, o))

  const stages = [
    embeddingStage(db, embedder),
    classificationStage(db, chains.classifier, chains.localClassifier),
    summaryRefreshStage(db, summaries, 0),
    integrationsStage(db),
  ]
  await takeStatementCpu(db)
  const from = process.cpuUsage()
  for (const chunk of chunkByConversation(loaded, ENRICH_CHUNK_MESSAGES)) {
    for (const stage of stages) await measured(`stage ${stage.name}`, () => stage.run(chunk))
  }
  console.log(`enrichment of ${loaded.length} messages, stages one after another: ${cpuOf(from).toFixed(2)} CPU s`)
  for (const [k, v] of [...spent].sort((a, b) => b[1].s - a[1].s)) console.log(`${v.s.toFixed(2).padStart(7)} CPU s ${String(v.calls).padStart(5)}×  ${k}`)
  // PGlite's own thread, statement by statement: the store's share without the main thread's marshalling.
  const statements = (await takeStatementCpu(db)) ?? []
  const total = statements.reduce((sum, x) => sum + x.cpuMs, 0) / 1000
  console.log(`PGlite thread: ${total.toFixed(2)} CPU s`)
  for (const x of statements.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 15)) {
    console.log(`${(x.cpuMs / 1000).toFixed(2).padStart(7)} CPU s ${String(x.calls).padStart(5)}×  ${x.statement}`)
  }
})
