// Bench section `enrich`: does local enrichment keep up with ingestion? One fresh store, one corpus:
// ingest it (timed), run the classification stage alone over every message (timed), then let the
// whole worker drain the queued jobs as the server would (embedding, classification, summaries).
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { classificationStage } from '../src/chains/classify/enrichment-stage.ts'
import { loadStageMessages } from '../src/store/messages.ts'
import { generateConversations } from './corpus.ts'
import { ingestAll, seconds, withFreshServices, type BenchSection, type BenchServices } from './harness.ts'

/** Conversations per ingest call, as in the ingest section, so the ingest rates are comparable. */
const INGEST_BATCH = 200
/** Messages per classification call: what one worker batch holds (a few jobs of up to 256 changed messages). */
const CLASSIFY_CHUNK = 1_024
const CORPUS_SEED = 11

const round = (x: number, digits = 0) => Number(x.toFixed(digits))

async function count(s: BenchServices, sql: string): Promise<number> {
  const { rows } = await s.services.db.query<{ n: number }>(sql, [s.workspaceId])
  return rows[0].n
}

export const enrichSection: BenchSection = {
  name: 'enrich',
  title: 'Local enrichment throughput beside ingest (classification stage alone, and the whole worker), builtin embedder',
  async run(opts) {
    const conversations = generateConversations({ messages: opts.ingestMessages, seed: CORPUS_SEED, idPrefix: 'enrich' })
    const embedder = createBuiltinEmbedder()
    return withFreshServices(embedder, async (s) => {
      const { db, chains } = s.services
      opts.progress(`enrich: ingesting ${opts.ingestMessages} messages`)
      const [messages, ingestSeconds] = await seconds(() => ingestAll(s, conversations, INGEST_BATCH))
      const ingestRate = messages / ingestSeconds

      // The stage as createServices wires it in local mode: the local classifier for customers and agents.
      const stage = classificationStage(db, chains.localClassifier, chains.localClassifier)
      const { rows: idRows } = await db.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 ORDER BY id`, [s.workspaceId])
      const ids = idRows.map((r) => r.id)
      opts.progress(`enrich: classification stage alone over ${ids.length} messages`)
      const [, classifySeconds] = await seconds(async () => {
        for (let i = 0; i < ids.length; i += CLASSIFY_CHUNK) await stage.run(await loadStageMessages(db, s.workspaceId, ids.slice(i, i + CLASSIFY_CHUNK)))
      })
      const classified = await count(s, `SELECT count(*)::int AS n FROM enrichments WHERE workspace_id = $1`)
      if (classified !== messages) throw new Error(`classification stage enriched ${classified} of ${messages} messages`)

      // The worker then does the same work again from scratch, as it would for freshly ingested messages.
      await db.query(`DELETE FROM enrichments WHERE workspace_id = $1`, [s.workspaceId])
      opts.progress('enrich: the whole worker (embedding + classification + summaries) draining the queue')
      const [jobs, workerSeconds] = await seconds(() => s.services.worker.drain())
      const enriched = await count(s, `SELECT count(*)::int AS n FROM enrichments WHERE workspace_id = $1`)
      const embedded = await count(s, `SELECT count(*)::int AS n FROM message_embeddings WHERE workspace_id = $1`)
      const summarised = await count(s, `SELECT count(*)::int AS n FROM conversation_summaries WHERE workspace_id = $1`)
      if (enriched !== messages || embedded !== messages) {
        throw new Error(`worker enriched ${enriched} and embedded ${embedded} of ${messages} messages`)
      }
      const classifyRate = messages / classifySeconds
      const workerRate = messages / workerSeconds
      const row = (stageName: string, rate: number, secs: number) => ({
        stage: stageName,
        messages,
        's': round(secs, 1),
        'msg/s': round(rate),
        'ingest msg/s': round(ingestRate),
        'enrich/ingest': round(rate / ingestRate, 2),
      })
      return {
        rows: [row('classification stage alone', classifyRate, classifySeconds), row('whole worker (embed + classify + summaries)', workerRate, workerSeconds)],
        notes: [
          `${conversations.length} synthetic conversations (1–4 messages, 10 languages), ingested ${INGEST_BATCH} per call (ingest ${round(ingestSeconds, 1)} s)`,
          `classification stage: local sentiment, language, intent, needs-reply, conversation context and the enrichments upsert, ${CLASSIFY_CHUNK} messages per call`,
          `whole worker: ${jobs} jobs (enrichment, then summary refreshes); ${embedded} vectors written, ${enriched} enrichments, ${summarised} conversation summaries`,
          'enrich/ingest below 1: enrichment falls behind a client ingesting flat out, and the queue grows until ingest pauses',
        ],
      }
    })
  },
}
