// CPU of the enrichment's JavaScript alone, without a store: the built-in embedder and the local
// classifier over the bench corpus, in the chunks and groups the enrichment stages use (whole
// conversations of about ENRICH_CHUNK_MESSAGES; customer messages with their conversation, agent
// messages apart). It also prints a digest of every output (vectors bit for bit, classifications as
// JSON), so a speed change can be shown to leave what enrichment stores untouched: same digest before
// and after. `--dump FILE` writes the outputs themselves (one JSON line per message) to diff.
// Usage: npx tsx bench/enrich-cpu.ts [messages] [--repeat N] [--dump FILE]
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createLocalClassifier } from '../src/chains/classify/local.ts'
import { DEFAULT_TAXONOMY } from '../src/chains/classify/taxonomy.ts'
import type { Classification, ClassifyInput, WorkspaceLabels } from '../src/chains/classify/types.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { ENRICH_CHUNK_MESSAGES } from '../src/pipeline/enrichment.ts'
import { generateConversations } from './corpus.ts'

const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 20_000)
const repeat = Number(flag('--repeat') ?? 1)
const dump = flag('--dump')

const labels: WorkspaceLabels = { workspaceId: 'bench', taxonomy: DEFAULT_TAXONOMY, intentCorrections: [], sentimentCorrections: [], brandHandles: [] }

/** The inputs the classification stage builds, conversation by conversation, in pipeline chunks. */
function chunkedInputs(messages: number): ClassifyInput[][] {
  const chunks: ClassifyInput[][] = []
  let chunk: ClassifyInput[] = []
  for (const c of generateConversations({ messages, seed: 11, idPrefix: 'cpu' })) {
    if (chunk.length >= ENRICH_CHUNK_MESSAGES) {
      chunks.push(chunk)
      chunk = []
    }
    let run = 0
    let answered = false
    for (const m of c.messages) {
      run = m.role === 'agent' ? 0 : run + 1
      answered ||= m.role === 'agent'
      chunk.push({
        messageId: `${c.externalId}/${m.externalId}`,
        text: m.text,
        role: m.role,
        language: m.language ?? null,
        channel: c.channel,
        unansweredCustomerMessages: m.role === 'customer' ? run : 0,
        afterAgentReply: m.role === 'customer' ? answered : false,
        conversationId: c.externalId,
      })
    }
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from)
  return (used.user + used.system) / 1e6
}

const chunks = chunkedInputs(n)
const embedder = createBuiltinEmbedder()
const classifier = createLocalClassifier()
// Trains the intent model outside the timed part, as a running worker has it cached.
await classifier.classify(labels, [{ messageId: 'warm', text: 'where is my order', role: 'customer', language: null }])

for (let run = 0; run < repeat; run++) {
  const vectors: Float32Array[] = []
  const classified: Classification[] = []
  let cpu = process.cpuUsage()
  for (const chunk of chunks) vectors.push(...(await embedder.embed(chunk.map((m) => m.text))))
  const embedS = cpuSeconds(cpu)
  cpu = process.cpuUsage()
  for (const chunk of chunks) {
    classified.push(...(await classifier.classify(labels, chunk.filter((m) => m.role === 'customer'))))
    classified.push(...(await classifier.classify(labels, chunk.filter((m) => m.role === 'agent'))))
  }
  const classifyS = cpuSeconds(cpu)
  classified.sort((a, b) => (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0))
  const vectorDigest = createHash('sha256')
  for (const v of vectors) vectorDigest.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))
  const classDigest = createHash('sha256').update(JSON.stringify(classified)).digest('hex').slice(0, 16)
  console.log(JSON.stringify({
    messages: vectors.length,
    embedCpuS: Number(embedS.toFixed(2)),
    classifyCpuS: Number(classifyS.toFixed(2)),
    vectors: vectorDigest.digest('hex').slice(0, 16),
    classifications: classDigest,
  }))
  if (dump && run === 0) {
    const texts = new Map(chunks.flat().map((m) => [m.messageId, m.text]))
    writeFileSync(dump, classified.map((c) => JSON.stringify({ ...c, text: texts.get(c.messageId) })).join('\n') + '\n')
  }
}
