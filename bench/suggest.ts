// Bench section `suggest`: reply suggestions in local mode, end to end as the API route calls them
// (suggestReplies: load the conversation, embed the trigger, indexed search for similar past customer
// messages, their agent replies, knowledge, drafting, storing the drafts), with 10k and 100k messages
// in the store, on PGlite and (BENCH_DATABASE_URL) a PostgreSQL server. It reuses the search section's
// bulk-loaded store of each backend when that one is still open.
import { suggestOptionsSchema, suggestReplies } from '../src/chains/replies/service.ts'
import { percentile, searchBackends, seconds, withBulkLoadedStore, type BenchSection, type Cell, type SearchBackend } from './harness.ts'

const REQUESTS = 100
const QUICK_REQUESTS = 30
const WARM_UP = 5

const round = (x: number, digits = 0) => Number(x.toFixed(digits))

export const suggestSection: BenchSection = {
  name: 'suggest',
  title: 'Reply suggestions, local mode: latency of suggestReplies with the store at each size (builtin embedder)',
  async run(opts) {
    const requests = opts.quick ? QUICK_REQUESTS : REQUESTS
    const suggestAt = (backend: SearchBackend, size: number) =>
      withBulkLoadedStore(size, opts, async (s): Promise<Record<string, Cell>> => {
        const { db, chains } = s.services
        // Conversations whose last message is the customer's: the ones an agent asks drafts for.
        const { rows: waiting } = await db.query<{ id: string }>(
          `SELECT c.id FROM conversations c
           JOIN LATERAL (SELECT role FROM messages m WHERE m.conversation_id = c.id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) last ON true
           WHERE c.workspace_id = $1 AND last.role = 'customer' ORDER BY c.id LIMIT $2`,
          [s.workspaceId, requests + WARM_UP],
        )
        if (waiting.length < requests + WARM_UP) throw new Error(`only ${waiting.length} conversations await a reply at ${size} messages`)
        const deps = { db, embedder: s.embedder, suggester: chains.localReplies }
        const options = suggestOptionsSchema.parse({})
        for (const c of waiting.slice(0, WARM_UP)) await suggestReplies(deps, s.workspaceId, c.id, options)
        opts.progress(`suggest@${size} (${backend}): ${requests} requests`)
        const ms: number[] = []
        // CPU time of the whole process (the store's worker thread included): the work a request costs,
        // which moves far less than wall time when other jobs share the cores.
        const cpuBefore = process.cpuUsage()
        let grounded = 0
        let drafts = 0
        for (const c of waiting.slice(WARM_UP)) {
          const [response, secs] = await seconds(() => suggestReplies(deps, s.workspaceId, c.id, options))
          if (!response) throw new Error(`conversation ${c.id} vanished`)
          ms.push(secs * 1000)
          drafts += response.suggestions.length
          if (response.suggestions.some((d) => d.sources.some((src) => src.type === 'past_reply'))) grounded++
        }
        const cpu = process.cpuUsage(cpuBefore)
        return {
          backend,
          messages: s.build.messages,
          requests,
          'p50 ms': round(percentile(ms, 50), 1),
          'p95 ms': round(percentile(ms, 95), 1),
          'max ms': round(Math.max(...ms), 1),
          'cpu ms/request': round((cpu.user + cpu.system) / 1000 / requests, 1),
          'drafts/request': round(drafts / requests, 2),
          'grounded in a past reply': round(grounded / requests, 2),
        }
      }, backend)
    const rows: Array<Record<string, Cell>> = []
    for (const backend of searchBackends()) {
      // Largest first: the search section leaves its last (largest) store of each backend open, so it
      // is reused, not rebuilt; the rows then read smallest first, as in the search section.
      const sized: Array<Record<string, Cell>> = []
      for (const size of [...opts.sizes].sort((a, b) => b - a)) sized.unshift(await suggestAt(backend, size))
      rows.push(...sized)
    }
    return {
      rows,
      notes: [
        'requests: conversations whose last message is the customer\'s, default options (3 drafts, friendly), one at a time after 5 warm-up requests',
        'latency: the whole suggestReplies call as POST /v1/conversations/:id/suggestions makes it, query embedding and storing the drafts included; HTTP excluded',
        'cpu ms/request: CPU time of the process (main thread and the embedded store\'s worker) per request; compare it across runs when the machine is shared, wall-time percentiles move with the load. On the server it leaves out the server\'s own processes',
        'grounded in a past reply: share of requests with at least one draft citing an agent reply from another conversation',
        'the store is the search section\'s: vectors bulk-loaded, no enrichments (needs-reply then comes from the conversation shape alone); on the server, one connection',
      ],
    }
  },
}
