// What /ready's backlog count costs: the count over pending enrichment jobs (store/readiness.ts) against
// the anti-join over every stored message it replaced, with the queue full and once it is empty.
// Usage: npx tsx bench/backlog-count.ts [messages]
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { enrichmentBacklog } from '../src/store/readiness.ts'
import { generateConversations } from './corpus.ts'
import { ingestAll, withFreshServices } from './harness.ts'

const n = Number(process.argv[2] ?? 20_000)
const SCAN_EVERY_MESSAGE = `SELECT count(*)::int AS n FROM messages m
  WHERE NOT EXISTS (SELECT 1 FROM enrichments e WHERE e.message_id = m.id AND e.content_hash = m.content_hash)`

await withFreshServices(createBuiltinEmbedder(), async (s) => {
  const db = s.services.db
  await ingestAll(s, generateConversations({ messages: n, seed: 17, idPrefix: 'count' }), 500)
  async function time(label: string) {
    const ms = async (fn: () => Promise<unknown>) => {
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        await fn()
        times.push(performance.now() - t)
      }
      return times.sort((a, b) => a - b)[2].toFixed(1)
    }
    const backlog = await enrichmentBacklog(db)
    console.log(`${label}: backlog ${backlog}; pending-jobs count ${await ms(() => enrichmentBacklog(db))} ms, every-message scan ${await ms(() => db.query(SCAN_EVERY_MESSAGE))} ms (median of 5)`)
  }
  await time(`${n} messages, none enriched`)
  await s.services.worker.drain()
  await time(`${n} messages, all enriched`)
})
