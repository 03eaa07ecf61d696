// The same repository suite against every backend: embedded PGlite (worker thread), a Postgres
// wire-protocol server reached through `pg` (PGlite behind pglite-socket, so no Docker is needed), and a
// real PostgreSQL server with pgvector when PARLEY_TEST_DATABASE_URL names one (.ci/run starts it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENRICH_JOB } from '../../src/pipeline/enrichment.ts'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import { isDbError, PG_UNIQUE_VIOLATION, type Db, type Queryable } from '../../src/store/db.ts'
import pino from 'pino'
import { createWorker, type JobHandler } from '../../src/pipeline/worker.ts'
import { messagesMissingEmbedding, searchSimilar } from '../../src/store/embeddings.ts'
import { EXACT_SEARCH_MAX_VECTORS } from '../../src/store/search-tuning.ts'
import { annIndexLists, buildModelIndex, ensureModelIndex, modelIndexLists, registerModel } from '../../src/store/vector-index.ts'
import { upsertEnrichments, type EnrichmentRow } from '../../src/store/enrichments.ts'
import { jobsRepo } from '../../src/store/jobs.ts'
import { knowledgeRepo } from '../../src/store/knowledge.ts'
import { enrichmentBacklog, EXACT_BACKLOG_MAX } from '../../src/store/readiness.ts'
import { listMigrations, migrate } from '../../src/store/migrate.ts'
import { themesRepo } from '../../src/store/themes.ts'
import { apiKeysRepo, workspacesRepo } from '../../src/store/workspaces.ts'
import { openPgServerDb, openPgSocketDb, PG_SERVER_SKIP_REASON } from '../helpers/pg-socket.ts'
import { conversation, openTestDb } from '../helpers/services.ts'

type Opened = { db: Db; cleanup: () => Promise<void> }
const backends: Array<[name: string, kind: Db['kind'], open: () => Promise<Opened>]> = [
  ['pglite', 'pglite', openTestDb],
  ['pg (pglite-socket)', 'pg', openPgSocketDb],
]
if (!PG_SERVER_SKIP_REASON) backends.push(['pg (PostgreSQL server)', 'pg', openPgServerDb])

else describe.skip(`pg (PostgreSQL server) backend (skipped: ${PG_SERVER_SKIP_REASON})`, () => {
  it('runs the repository suite against a real server', () => undefined)
})

let seq = 0
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++seq}`

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function message(externalId: string, role: 'customer' | 'agent', text: string, sentAt: string) {
  return { externalId, role, author: role === 'agent' ? 'Support' : '@someone', text, sentAt }
}

describe.each(backends)('%s backend', (_name, kind, open) => {
  let db: Db
  let cleanup: (() => Promise<void>) | undefined

  beforeAll(async () => {
    ;({ db, cleanup } = await open())
  })
  afterAll(async () => cleanup?.())

  async function messageIds(workspaceId: string): Promise<Map<string, string>> {
    const { rows } = await db.query<{ id: string; external_id: string }>(`SELECT id, external_id FROM messages WHERE workspace_id = $1`, [workspaceId])
    return new Map(rows.map((r) => [r.external_id, r.id]))
  }

  it('has the migrations applied and re-running them applies nothing', async () => {
    expect(db.kind).toBe(kind)
    expect((await migrate(db)).applied).toEqual([])
    const { rows } = await db.query<{ version: number }>(`SELECT version FROM schema_migrations ORDER BY version`)
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version))
    const ext = await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'vector'`)
    expect(ext.rows).toHaveLength(1)
  })

  it('creates, authenticates and revokes API keys within their workspace only', async () => {
    const ws = await workspacesRepo(db).create(uniqueName('keys'))
    const other = await workspacesRepo(db).create(uniqueName('keys-other'))
    const keys = apiKeysRepo(db)
    const { id, key } = await keys.create(ws.id, 'agent', 'test key')
    expect(key).toMatch(/^pk_/)
    expect(await keys.authenticate(key)).toEqual({ keyId: id, workspaceId: ws.id, role: 'agent' })
    expect(await keys.authenticate(`${key}x`)).toBeUndefined()
    const stored = await db.query<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE id = $1`, [id])
    expect(stored.rows[0].key_hash).not.toContain(key.slice(3))

    expect(await keys.revoke(other.id, id)).toBe(false)
    expect(await keys.authenticate(key)).toBeDefined()
    expect(await keys.revoke(ws.id, id)).toBe(true)
    expect(await keys.authenticate(key)).toBeUndefined()
    expect(await keys.revoke(ws.id, id)).toBe(false)
    const listed = await keys.list(ws.id)
    expect(listed).toHaveLength(1)
    expect(listed[0].revokedAt).not.toBeNull()
    expect(await keys.list(other.id)).toEqual([])
  })

  it('ingests idempotently: a re-sent batch changes nothing, an edit is one update and one job', async () => {
    const ws = await workspacesRepo(db).create(uniqueName('ingest'))
    const batch = [
      conversation('b1', [['customer', 'The app logs me out every hour'], ['agent', 'We are on it']]),
      conversation('b2', [['customer', 'Refund still not received']]),
    ]
    const counts = async () =>
      (
        await db.query<{ c: number; m: number; j: number }>(
          `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS c,
                  (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS m,
                  (SELECT count(*)::int FROM jobs WHERE workspace_id = $1 AND kind = $2) AS j`,
          [ws.id, ENRICH_JOB],
        )
      ).rows[0]

    const first = await ingestConversations(db, ws.id, batch)
    expect(first.totals).toMatchObject({ created: 2, messages: { created: 3 } })
    expect(await counts()).toEqual({ c: 2, m: 3, j: 1 })

    const again = await ingestConversations(db, ws.id, structuredClone(batch))
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 2, messages: { created: 0, updated: 0, unchanged: 3 } })
    expect(again.results.map((r) => r.id)).toEqual(first.results.map((r) => r.id))
    expect(await counts()).toEqual({ c: 2, m: 3, j: 1 })

    const edited = structuredClone(batch)
    edited[1].messages[0].text = 'Refund still not received after two weeks'
    const third = await ingestConversations(db, ws.id, edited)
    expect(third.results.map((r) => r.status)).toEqual(['unchanged', 'updated'])
    expect(third.totals.messages).toEqual({ created: 0, updated: 1, unchanged: 2 })
    expect(await counts()).toEqual({ c: 2, m: 3, j: 2 })
    const { rows } = await db.query<{ text: string }>(`SELECT text FROM messages WHERE workspace_id = $1 AND external_id = 'b2-m0'`, [ws.id])
    expect(rows[0].text).toBe('Refund still not received after two weeks')

    // The same external ids in another workspace are other conversations.
    const other = await workspacesRepo(db).create(uniqueName('ingest-other'))
    expect((await ingestConversations(db, other.id, batch)).totals.created).toBe(2)
    expect(await counts()).toEqual({ c: 2, m: 3, j: 2 })
  })

  describe('vector search', () => {
    const model = 'test/tiny-4'
    const q = new Float32Array([1, 0, 0, 0])
    let wsA: string
    let wsB: string

    beforeAll(async () => {
      wsA = (await workspacesRepo(db).create(uniqueName('vec-a'))).id
      wsB = (await workspacesRepo(db).create(uniqueName('vec-b'))).id
      await ingestConversations(db, wsA, [
        {
          channel: 'x',
          externalId: 'v1',
          customer: '@v1',
          messages: [
            message('v1-a', 'customer', 'closest', '2026-01-01T00:00:00Z'),
            message('v1-b', 'agent', 'second', '2026-02-01T00:00:00Z'),
          ],
        },
        {
          channel: 'email',
          externalId: 'v2',
          customer: 'v2@example.com',
          messages: [
            message('v2-a', 'customer', 'third', '2026-03-01T00:00:00Z'),
            message('v2-b', 'customer', 'farthest', '2026-04-01T00:00:00Z'),
          ],
        },
      ])
      await ingestConversations(db, wsB, [{ channel: 'x', externalId: 'v1', customer: '@b', messages: [message('b-a', 'customer', 'exact match in B', '2026-01-15T00:00:00Z')] }])
      await ensureModelIndex(db, model, 4)
      idsA = await messageIds(wsA)
      const a = idsA
      const b = await messageIds(wsB)
      const hashes = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = ANY($1::uuid[])`, [[wsA, wsB]])
      const hashOf = new Map(hashes.rows.map((r) => [r.id, r.content_hash]))
      const rows = Object.entries(vectors).map(([ext, v]) => ({ messageId: a.get(ext)!, workspaceId: wsA, model, vector: new Float32Array(v), contentHash: hashOf.get(a.get(ext)!)! }))
      rows.push({ messageId: b.get('b-a')!, workspaceId: wsB, model, vector: new Float32Array([1, 0, 0, 0]), contentHash: hashOf.get(b.get('b-a')!)! })
      // Written twice: an upsert, never a duplicate.
      await db.writeEmbeddings(rows)
      await db.writeEmbeddings(rows)
    })

    const texts = async (filters: Parameters<typeof searchSimilar>[5] = {}, k = 10) => (await searchSimilar(db, wsA, model, q, k, filters)).map((h) => h.text)

    it('returns the nearest first, only from the asking workspace, each vector once', async () => {
      const hits = await searchSimilar(db, wsA, model, q, 10)
      expect(hits.map((h) => h.text)).toEqual(['closest', 'second', 'third', 'farthest'])
      expect(hits[0].score).toBeCloseTo(1 / Math.sqrt(1.01), 4)
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThan(hits[i - 1].score)
      expect(hits[0]).toMatchObject({ conversationExternalId: 'v1', channel: 'x', role: 'customer', sentAt: '2026-01-01T00:00:00.000Z' })
      expect(await texts({}, 2)).toEqual(['closest', 'second'])
      expect((await searchSimilar(db, wsB, model, q, 10)).map((h) => h.text)).toEqual(['exact match in B'])
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM message_embeddings WHERE model = $1`, [model])
      expect(rows[0].n).toBe(5)
      expect(await messagesMissingEmbedding(db, model, 10, wsA)).toEqual([])
    })

    const vectors: Record<string, number[]> = { 'v1-a': [1, 0.1, 0, 0], 'v1-b': [1, 0.5, 0, 0], 'v2-a': [1, 1, 0, 0], 'v2-b': [0, 1, 0, 0] }
    let idsA: Map<string, string>

    it('reads rows in bulk exactly: uuids, text, times, vectors and NULLs, parameters inlined safely (binary COPY on PGlite)', async () => {
      const columns = ['uuid', 'text', 'timestamptz', 'vector', 'text'] as const
      const read = (ws: string, m: string, notText: string) =>
        db.readBulk(
          `SELECT m.id, m.text, m.sent_at, emb.embedding, NULL::text FROM messages m
           LEFT JOIN message_embeddings emb ON emb.message_id = m.id AND emb.model = $2
           WHERE m.workspace_id = $1 AND m.text <> $3 ORDER BY m.external_id`,
          [ws, m, notText],
          columns,
        )
      // A quote and a backslash in a parameter stay data, on every backend.
      const rows = await read(wsA, model, `it's \\'; DROP TABLE messages; --`)
      expect(rows.map((r) => r[0])).toEqual(['v1-a', 'v1-b', 'v2-a', 'v2-b'].map((ext) => idsA.get(ext)))
      expect(rows.map((r) => r[1])).toEqual(['closest', 'second', 'third', 'farthest'])
      expect(rows.map((r) => r[2])).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'])
      for (const [i, ext] of ['v1-a', 'v1-b', 'v2-a', 'v2-b'].entries()) expect([...(rows[i][3] as Float32Array)]).toEqual([...new Float32Array(vectors[ext])])
      expect(rows.every((r) => r[4] === null)).toBe(true)
      expect((await read(wsA, 'test/none', '')).map((r) => r[3])).toEqual([null, null, null, null])
      expect(await read(wsA, model, 'closest')).toHaveLength(3)
      expect(await read(wsB, 'test/none', 'exact match in B')).toEqual([])
    })

    it('applies channel, role and time filters', async () => {
      expect(await texts({ channel: 'email' })).toEqual(['third', 'farthest'])
      expect(await texts({ role: 'agent' })).toEqual(['second'])
      expect(await texts({ from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' })).toEqual(['second', 'third'])
      expect(await texts({ channel: 'x', role: 'customer' })).toEqual(['closest'])
      expect(await texts({ channel: 'sms' })).toEqual([])
    })

    it('finds nothing for a zero query vector, and skips stored zero vectors instead of scoring them NaN', async () => {
      expect(await searchSimilar(db, wsA, model, new Float32Array(4), 10)).toEqual([])
      const zeroModel = 'test/zero-4'
      await ensureModelIndex(db, zeroModel, 4)
      const { rows } = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1 ORDER BY external_id`, [wsA])
      await db.writeEmbeddings(rows.map((r, i) => ({ messageId: r.id, workspaceId: wsA, model: zeroModel, vector: new Float32Array(i === 0 ? [0, 0, 0, 0] : [1, i, 0, 0]), contentHash: r.content_hash })))
      const hits = await searchSimilar(db, wsA, zeroModel, q, 10)
      expect(hits).toHaveLength(rows.length - 1)
      expect(hits.every((h) => Number.isFinite(h.score))).toBe(true)
    })

    it('never mixes models: another model is searched apart, a dimension clash is refused', async () => {
      await expect(ensureModelIndex(db, model, 8)).rejects.toThrow(/dimension 4/)
      expect(await searchSimilar(db, wsA, 'test/other-4', q, 10)).toEqual([])
    })

    it('marks an edited message as missing its embedding until it is rewritten', async () => {
      await ingestConversations(db, wsA, [
        {
          channel: 'email',
          externalId: 'v2',
          customer: 'v2@example.com',
          messages: [message('v2-b', 'customer', 'farthest, edited', '2026-04-01T00:00:00Z')],
        },
      ])
      const missing = await messagesMissingEmbedding(db, model, 10, wsA)
      expect(missing.map((m) => m.text)).toEqual(['farthest, edited'])
    })

    it('finds the same neighbours through the vector index as by exact scan', async () => {
      const wsC = (await workspacesRepo(db).create(uniqueName('vec-c'))).id
      const indexedModel = 'test/ivf-16'
      const random = seeded(42)
      const n = 60
      await ingestConversations(db, wsC, [
        { channel: 'chat', externalId: 'many', customer: '@many', messages: Array.from({ length: n }, (_, i) => message(`m${i}`, 'customer', `message ${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString())) },
      ])
      const { rows } = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1`, [wsC])
      const vec = () => new Float32Array(Array.from({ length: 16 }, () => random() * 2 - 1))
      await registerModel(db, indexedModel, 16)
      await db.writeEmbeddings(rows.map((r) => ({ messageId: r.id, workspaceId: wsC, model: indexedModel, vector: vec(), contentHash: r.content_hash })))
      // Built on the vectors, as the store does: 8 lists, all of which a search probes (10), so the
      // index must return exactly the true neighbours.
      await buildModelIndex(db, indexedModel)
      expect(await modelIndexLists(db, indexedModel)).toBe(annIndexLists(n))

      for (let i = 0; i < 5; i++) {
        const query = vec()
        const exact = await searchSimilar(db, wsC, indexedModel, query, 5, {}, { exact: true })
        // Force the planner onto the index so the approximate path is what is compared.
        const { viaIndex, plan } = await db.transaction(async (tx) => {
          await tx.query(`SET LOCAL enable_seqscan = off`)
          await tx.query(`SET LOCAL enable_sort = off`)
          let plan = ''
          const explaining: Queryable = {
            async query(sql, params) {
              const res = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)
              plan = res.rows.map((r) => r['QUERY PLAN']).join('\n')
              return { rows: [], rowCount: 0 }
            },
          }
          await searchSimilar(explaining, wsC, indexedModel, query, 5, {}, { exact: false })
          return { viaIndex: await searchSimilar(tx, wsC, indexedModel, query, 5, {}, { exact: false }), plan }
        })
        expect(plan).toMatch(/message_embeddings_ivf_/)
        expect(viaIndex.map((h) => h.messageId)).toEqual(exact.map((h) => h.messageId))
        expect(viaIndex[0].score).toBeCloseTo(exact[0].score, 5)
      }
    })

    it(`searches a workspace of up to ${EXACT_SEARCH_MAX_VECTORS} vectors exactly, a larger one through the index`, async () => {
      const indexedModel = 'test/ivf-8'
      const random = seeded(7)
      const vec = () => new Float32Array(Array.from({ length: 8 }, () => random() * 2 - 1))
      await registerModel(db, indexedModel, 8)
      const fill = async (name: string, n: number) => {
        const ws = (await workspacesRepo(db).create(uniqueName(name))).id
        // Conversations of 100 messages: one may hold at most MAX_MESSAGES_PER_CONVERSATION.
        await ingestConversations(db, ws, Array.from({ length: Math.ceil(n / 100) }, (_, c) => ({
          channel: 'chat', externalId: `many-${c}`, customer: '@many',
          messages: Array.from({ length: Math.min(100, n - c * 100) }, (_, i) => message(`m${c}-${i}`, 'customer', `message ${c}-${i}`, new Date(Date.UTC(2026, 0, 1, c, 0, i)).toISOString())),
        })))
        const { rows } = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1`, [ws])
        await db.writeEmbeddings(rows.map((r) => ({ messageId: r.id, workspaceId: ws, model: indexedModel, vector: vec(), contentHash: r.content_hash })))
        return ws
      }
      const small = await fill('exact-small', 200)
      const large = await fill('exact-large', EXACT_SEARCH_MAX_VECTORS + 1)
      await buildModelIndex(db, indexedModel)
      expect(await modelIndexLists(db, indexedModel)).toBe(annIndexLists(EXACT_SEARCH_MAX_VECTORS + 201))

      // One probe of ~47 lists: through the index a search of the small workspace would see a sliver of it.
      const searched = (ws: string, query: Float32Array) => db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('ivfflat.probes', '1', true)`)
        const plans: string[] = []
        const explaining: Queryable = {
          async query(sql, params) {
            if (!/ORDER BY/.test(sql)) return tx.query(sql, params)
            const res = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)
            plans.push(res.rows.map((r) => r['QUERY PLAN']).join('\n'))
            return { rows: [], rowCount: 0 }
          },
        }
        await searchSimilar(explaining, ws, indexedModel, query, 10)
        return { hits: await searchSimilar(tx, ws, indexedModel, query, 10), plan: plans.join('\n') }
      })
      for (let i = 0; i < 3; i++) {
        const query = vec()
        const { hits, plan } = await searched(small, query)
        expect(plan).not.toMatch(/message_embeddings_ivf_/)
        const exact = await searchSimilar(db, small, indexedModel, query, 10, {}, { exact: true })
        expect(hits.map((h) => h.messageId)).toEqual(exact.map((h) => h.messageId))
        expect((await searched(large, query)).plan).toMatch(/message_embeddings_ivf_/)
      }
    })
  })

  it('removes theme members with their workspace, conversation, message or theme (the theme key, and since migration 017 a trigger on messages)', async () => {
    const { rows: keys } = await db.query<{ name: string }>(
      `SELECT conname AS name FROM pg_constraint WHERE conrelid = 'theme_members'::regclass AND contype = 'f' ORDER BY conname`,
    )
    expect(keys.map((k) => k.name)).toEqual(['theme_members_theme_id_fkey'])
    const setUp = async () => {
      const ws = (await workspacesRepo(db).create(uniqueName('members'))).id
      await ingestConversations(db, ws, ['c1', 'c2', 'c3'].map((c) => ({ channel: 'x', externalId: c, customer: `@${c}`, messages: [message(`${c}-a`, 'customer', `about ${c}`, '2026-03-03T00:00:00Z'), message(`${c}-b`, 'customer', `more ${c}`, '2026-03-03T01:00:00Z')] })))
      const { rows } = await db.query<{ id: string; conversation_id: string; external_id: string }>(`SELECT id, conversation_id, external_id FROM messages WHERE workspace_id = $1`, [ws])
      const theme = async () => (await db.query<{ id: string }>(`INSERT INTO themes (workspace_id, label, created_week) VALUES ($1, 't', '2026-W10') RETURNING id`, [ws])).rows[0].id
      const [t1, t2] = [await theme(), await theme()]
      const members = rows.map((r) => ({ messageId: r.id, conversationId: r.conversation_id, themeId: r.external_id.startsWith('c3') ? t2 : t1 }))
      await db.query(
        `INSERT INTO theme_members (workspace_id, week, theme_id, message_id, conversation_id)
         SELECT $1, '2026-W10', x.t, x.m, x.c FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS x(t, m, c)`,
        [ws, members.map((m) => m.themeId), members.map((m) => m.messageId), members.map((m) => m.conversationId)],
      )
      const byExt = new Map(rows.map((r) => [r.external_id, r]))
      return { ws, t2, byExt }
    }
    const memberCount = async (ws: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM theme_members WHERE workspace_id = $1`, [ws])).rows[0].n

    const a = await setUp()
    expect(await memberCount(a.ws)).toBe(6)
    await db.query(`DELETE FROM conversations WHERE workspace_id = $1 AND id = $2`, [a.ws, a.byExt.get('c1-a')!.conversation_id])
    expect(await memberCount(a.ws)).toBe(4)
    await db.query(`DELETE FROM messages WHERE workspace_id = $1 AND id = $2`, [a.ws, a.byExt.get('c2-a')!.id])
    expect(await memberCount(a.ws)).toBe(3)
    await db.query(`DELETE FROM themes WHERE workspace_id = $1 AND id = $2`, [a.ws, a.t2])
    expect(await memberCount(a.ws)).toBe(1)

    const b = await setUp()
    await db.query(`DELETE FROM workspaces WHERE id = $1`, [b.ws])
    expect(await memberCount(b.ws)).toBe(0)
    // A week written after one of its messages was deleted leaves that message out and keeps the others.
    const c = await setUp()
    const [gone, kept] = [c.byExt.get('c1-a')!, c.byExt.get('c1-b')!]
    await db.query(`DELETE FROM messages WHERE workspace_id = $1 AND id = $2`, [c.ws, gone.id])
    const t1 = (await db.query<{ id: string }>(`SELECT theme_id AS id FROM theme_members WHERE message_id = $1`, [kept.id])).rows[0].id
    const snapshot = {
      themeId: t1, week: '2026-W10', label: 't', description: 't', volume: 2, conversations: 1, share: 1, sentiment: { positive: 0, neutral: 2, negative: 0, uncertain: 0, unknown: 0 },
      intents: [], channels: [], trend: 'new', changePct: null, spike: false, keyphrases: [], model: 'm', centroid: new Float32Array([1, 0]), exemplars: [], version: 'local', degraded: false,
    }
    await db.transaction((tx) => themesRepo(tx).replaceWeek(c.ws, '2026-W10', [snapshot], { model: 'm', messages: 2, embedded: 2, clustered: 2, themes: 1, mode: 'local', degraded: false, durationMs: 1 },
      [gone, kept].map((m) => ({ messageId: m.id, conversationId: m.conversation_id, themeId: t1 }))))
    const { rows: stored } = await db.query<{ id: string }>(`SELECT message_id AS id FROM theme_members WHERE workspace_id = $1`, [c.ws])
    expect(stored.map((r) => r.id)).toEqual([kept.id])
    // A message re-dated into another week moves there (the plain insert meets its row and the upsert takes over).
    await db.transaction((tx) => themesRepo(tx).replaceWeek(c.ws, '2026-W11', [{ ...snapshot, week: '2026-W11' }], { model: 'm', messages: 1, embedded: 1, clustered: 1, themes: 1, mode: 'local', degraded: false, durationMs: 1 },
      [{ messageId: kept.id, conversationId: kept.conversation_id, themeId: t1 }]))
    const { rows: moved } = await db.query<{ id: string; week: string }>(`SELECT message_id AS id, week FROM theme_members WHERE workspace_id = $1`, [c.ws])
    expect(moved).toEqual([{ id: kept.id, week: '2026-W11' }])
  })

  it('finds knowledge words stemmed in the article’s language, as written without one, never in another language', async () => {
    const ws = await workspacesRepo(db).create(uniqueName('kb-words'))
    const repo = knowledgeRepo(db)
    await repo.upsert(ws.id, { title: 'Refund policy', body: 'Duplicate payments are refunded within five working days.', language: 'en' })
    await repo.upsert(ws.id, { title: 'Moving', body: 'Refunds for moving are made by cheque.', language: null })
    await repo.upsert(ws.id, { title: 'Remboursements', body: 'Refunds: les remboursements prennent cinq jours.', language: 'fr' })
    const terms = await repo.termMatches(ws.id, 'en', 'How long does a refund take?')
    expect(terms.words).toEqual(expect.arrayContaining(['refund', 'long', 'take']))
    expect(terms.chunks).toBe(3)
    const byTitle = new Map((await repo.list(ws.id, 10)).map((a) => [a.id, a.title]))
    const { rows } = await db.query<{ id: string; article: string }>(`SELECT id, article_id AS article FROM knowledge_chunks WHERE workspace_id = $1`, [ws.id])
    const titleOf = new Map(rows.map((r) => [r.id, byTitle.get(r.article)]))
    const found = terms.matches.map((m) => ({ title: titleOf.get(m.chunkId), word: m.word, count: m.count, inTitle: m.inTitle, plain: m.plain }))
    // "Refund policy" + "refunded": stemmed, twice, once in the title; "Refunds" unstemmed does not meet "refund";
    // the French article's "refund" is never compared with an English question.
    expect(found).toEqual([{ title: 'Refund policy', word: 'refund', count: 2, inTitle: true, plain: false }])
    expect((await repo.termMatches(ws.id, 'en', 'refunds please')).matches.map((m) => titleOf.get(m.chunkId)).sort()).toEqual(['Moving', 'Refund policy'])
    // A chunk found by its words is read back whole; before the worker embeds it, its cosine is 0.
    const [hit] = await repo.chunksByIds(ws.id, 'builtin:test', new Float32Array([1, 0, 0]), [terms.matches[0]!.chunkId])
    expect(hit).toMatchObject({ title: 'Refund policy', text: 'Duplicate payments are refunded within five working days.', language: 'en', score: 0 })
  })

  it('refuses text with NUL as bad input (Postgres cannot store it), inside and outside transactions', async () => {
    const refused = { name: 'AppError', code: 'VALIDATION_FAILED', status: 400 }
    await expect(db.query(`SELECT $1::text AS t`, ['a\u0000b'])).rejects.toMatchObject(refused)
    await expect(db.query(`SELECT $1::text[] AS t`, [['ok', 'a\u0000b']])).rejects.toMatchObject(refused)
    await expect(db.transaction((tx) => workspacesRepo(tx).create('nul\u0000name'))).rejects.toMatchObject(refused)
    expect((await db.query<{ t: string }>(`SELECT $1::text AS t`, ['fine'])).rows[0].t).toBe('fine')
  })

  it('rolls a failed transaction back completely and stays usable', async () => {
    const name = uniqueName('rollback')
    await expect(
      db.transaction(async (tx) => {
        const ws = await workspacesRepo(tx).create(name)
        await tx.query(`INSERT INTO conversations (workspace_id, channel, external_id) VALUES ($1, 'x', 'r1')`, [ws.id])
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await workspacesRepo(db).byName(name)).toBeUndefined()

    // A database error inside the transaction: same SQLSTATE on both backends, same rollback.
    const err = await db
      .transaction(async (tx) => {
        await workspacesRepo(tx).create(`${name}-2`)
        await workspacesRepo(tx).create(`${name}-2`)
      })
      .catch((e: unknown) => e)
    expect(isDbError(err) && err.code).toBe(PG_UNIQUE_VIOLATION)
    expect(await workspacesRepo(db).byName(`${name}-2`)).toBeUndefined()

    const committed = await db.transaction(async (tx) => workspacesRepo(tx).create(`${name}-3`))
    expect((await workspacesRepo(db).get(committed.id))?.name).toBe(`${name}-3`)
  })

  it('runs the job queue: claim, complete, fail with backoff, give up after max attempts', async () => {
    const ws = await workspacesRepo(db).create(uniqueName('jobs'))
    const jobs = jobsRepo(db)
    const jobKind = `test-${kind}-${++seq}`
    const ok = await jobs.enqueue(ws.id, jobKind, { n: 1 })
    const flaky = await jobs.enqueue(ws.id, jobKind, { n: 2 }, 2)

    const claimed = await jobs.claim('w1', 10, [jobKind])
    expect(claimed.map((j) => j.id).sort()).toEqual([ok, flaky].sort())
    expect(claimed.every((j) => j.attempts === 1)).toBe(true)
    expect(await jobs.claim('w2', 10, [jobKind])).toEqual([]) // running jobs are not handed out twice

    await jobs.complete(ok)
    const flakyJob = claimed.find((j) => j.id === flaky)!
    await jobs.fail(flakyJob, 'first failure')
    const state = async () =>
      (
        await db.query<{ status: string; attempts: number; last_error: string | null; delay: number }>(
          `SELECT status, attempts, last_error, extract(epoch FROM run_after - now())::float AS delay FROM jobs WHERE id = $1`,
          [flaky],
        )
      ).rows[0]
    const afterFirst = await state()
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, last_error: 'first failure' })
    expect(afterFirst.delay).toBeGreaterThan(1)
    expect(afterFirst.delay).toBeLessThanOrEqual(2)
    expect(await jobs.claim('w1', 10, [jobKind])).toEqual([]) // not before its backoff

    await db.query(`UPDATE jobs SET run_after = now() WHERE id = $1`, [flaky])
    const retry = await jobs.claim('w1', 10, [jobKind])
    expect(retry.map((j) => [j.id, j.attempts])).toEqual([[flaky, 2]])
    await jobs.fail(retry[0], 'second failure')
    expect(await state()).toMatchObject({ status: 'failed', attempts: 2, last_error: 'second failure' })

    const { rows } = await db.query<{ status: string }>(`SELECT status FROM jobs WHERE id = $1`, [ok])
    expect(rows[0].status).toBe('done')
    await db.query(`UPDATE jobs SET run_after = now() WHERE id = $1`, [flaky])
    expect(await jobs.claim('w1', 10, [jobKind])).toEqual([]) // failed is final
  })

  it('keeps a job while its worker heartbeats and hands it to another worker once the lease ran out', async () => {
    const jobs = jobsRepo(db)
    const jobKind = uniqueName('lease')
    const id = await jobs.enqueue(null, jobKind, {})
    expect((await jobs.claim('alive', 1, [jobKind], 1)).map((j) => j.id)).toEqual([id])
    await db.query(`UPDATE jobs SET locked_at = now() - interval '5 seconds' WHERE id = $1`, [id])
    await jobs.heartbeat('alive')
    expect(await jobs.claim('other', 1, [jobKind], 1)).toEqual([]) // the heartbeat renewed the lease
    await db.query(`UPDATE jobs SET locked_at = now() - interval '5 seconds' WHERE id = $1`, [id])
    const taken = await jobs.claim('other', 1, [jobKind], 1)
    expect(taken.map((j) => [j.id, j.attempts])).toEqual([[id, 2]])
    await jobs.completeMany([id])
    expect(await jobs.pending(jobKind)).toEqual({ ready: 0, later: 0 })
  })

  it('searches exactly until a model has an index, through it once built, and through the old one while a rebuild adds lists', async () => {
    const ws = (await workspacesRepo(db).create(uniqueName('bulk'))).id
    const bulkModel = `test/bulk-8-${kind}-${seq}`
    const random = seeded(7)
    const vec = () => new Float32Array(Array.from({ length: 8 }, () => random() * 2 - 1))
    const addVectors = async (externalId: string, n: number) => {
      await ingestConversations(db, ws, [
        { channel: 'chat', externalId, customer: '@bulk', messages: Array.from({ length: n }, (_, i) => message(`${externalId}-${i}`, 'customer', `bulk ${externalId} ${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString())) },
      ])
      const { rows } = await db.query<{ id: string; content_hash: string }>(
        `SELECT m.id, m.content_hash FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.workspace_id = $1 AND c.external_id = $2`, [ws, externalId])
      await db.writeEmbeddings(rows.map((r) => ({ messageId: r.id, workspaceId: ws, model: bulkModel, vector: vec(), contentHash: r.content_hash })))
    }
    // Every list probed (SET LOCAL in the transaction), so the indexed search must equal the exact one.
    const viaIndexAllLists = (query: Float32Array) => db.transaction(async (tx) => {
      await tx.query(`SET LOCAL ivfflat.probes = 1000`)
      return searchSimilar(tx, ws, bulkModel, query, 5)
    })
    const ids = (hits: Array<{ messageId: string }>) => hits.map((h) => h.messageId)

    await registerModel(db, bulkModel, 8)
    await addVectors('first', 40)
    expect(await modelIndexLists(db, bulkModel)).toBeNull()
    const query = vec()
    const exact = await searchSimilar(db, ws, bulkModel, query, 5, {}, { exact: true })
    expect(exact).toHaveLength(5)
    expect(ids(await searchSimilar(db, ws, bulkModel, query, 5))).toEqual(ids(exact))
    await buildModelIndex(db, bulkModel, { concurrently: kind === 'pg' })
    expect(await modelIndexLists(db, bulkModel)).toBe(annIndexLists(40))
    expect(ids(await searchSimilar(db, ws, bulkModel, query, 5))).toEqual(ids(exact))

    // Grown past twice what its lists were sized for: rebuilt with more (REINDEX CONCURRENTLY on a server).
    await addVectors('more', 1_000)
    expect(await modelIndexLists(db, bulkModel)).toBe(annIndexLists(40)) // the old index serves meanwhile
    const exactAfter = await searchSimilar(db, ws, bulkModel, query, 5, {}, { exact: true })
    expect(ids(await viaIndexAllLists(query))).toEqual(ids(exactAfter))
    await buildModelIndex(db, bulkModel, { concurrently: kind === 'pg' })
    expect(await modelIndexLists(db, bulkModel)).toBe(annIndexLists(1_040))
    expect(ids(await viaIndexAllLists(query))).toEqual(ids(exactAfter))
    const indexes = await db.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'message_embeddings_ivf_%'`)
    expect(indexes.rows.filter((r) => r.name.endsWith('_ccnew') || r.name.endsWith('_ccold'))).toEqual([])
  })

  it('writes many enrichments in one statement and skips one classified from content the message no longer has', async () => {
    const ws = (await workspacesRepo(db).create(uniqueName('enrich'))).id
    await ingestConversations(db, ws, [
      { channel: 'chat', externalId: 'e', customer: '@e', messages: [message('e1', 'customer', 'first', '2026-01-01T00:00:00Z'), message('e2', 'agent', 'second', '2026-01-01T00:01:00Z')] },
    ])
    const { rows } = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1 ORDER BY sent_at`, [ws])
    const row = (id: string, contentHash: string): EnrichmentRow => ({
      messageId: id, workspaceId: ws, sentiment: 'neutral', sentimentScore: 0, sentimentConfidence: 0.9, sentimentProbs: null, intent: null,
      intentConfidence: null, language: 'en', languageConfidence: 0.9, needsReply: null, urgency: null, reasons: [], versions: {}, degraded: false,
      degradedReason: null, contentHash,
    })
    await upsertEnrichments(db, [row(rows[0].id, rows[0].content_hash), row(rows[1].id, 'content-it-had-before')])
    const stored = await db.query<{ message_id: string }>(`SELECT message_id FROM enrichments WHERE workspace_id = $1`, [ws])
    expect(stored.rows.map((r) => r.message_id)).toEqual([rows[0].id])
  })

  it('stores every field of an enrichment as given, and a second write replaces the first', async () => {
    const ws = (await workspacesRepo(db).create(uniqueName('enrich-fields'))).id
    await ingestConversations(db, ws, [{ channel: 'chat', externalId: 'f', customer: '@f', messages: [message('f1', 'customer', 'a refund "now", please', '2026-01-01T00:00:00Z')] }])
    const { rows: [m] } = await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1`, [ws])
    const full: EnrichmentRow = {
      messageId: m.id, workspaceId: ws, sentiment: 'negative', sentimentScore: -0.75, sentimentConfidence: 0.5, sentimentProbs: { negative: 0.5, neutral: 0.25, positive: 0.25 },
      intent: 'refund', intentConfidence: 0.625, intentProbs: { refund: 0.625, billing: 0.375 }, language: 'en', languageConfidence: 0.875, needsReply: true,
      urgency: 'high', reasons: ['cue: "refund", now', 'ünïcode {braces}', ''], versions: { sentiment: 'v1', intent: 'v"2' }, degraded: true,
      degradedReason: 'llm: timeout', contentHash: m.content_hash,
    }
    const read = async () => (await db.query(
      `SELECT sentiment, sentiment_score, sentiment_confidence, sentiment_probs, intent, intent_confidence, intent_probs, language, language_confidence,
              needs_reply, urgency, reasons, versions, degraded, degraded_reason FROM enrichments WHERE workspace_id = $1 AND message_id = $2`, [ws, m.id],
    )).rows[0]
    await upsertEnrichments(db, [full])
    expect(await read()).toEqual({
      sentiment: 'negative', sentiment_score: -0.75, sentiment_confidence: 0.5, sentiment_probs: full.sentimentProbs, intent: 'refund', intent_confidence: 0.625,
      intent_probs: full.intentProbs, language: 'en', language_confidence: 0.875, needs_reply: true, urgency: 'high', reasons: full.reasons,
      versions: full.versions, degraded: true, degraded_reason: 'llm: timeout',
    })
    await upsertEnrichments(db, [{ ...full, sentiment: 'uncertain', sentimentProbs: null, intent: null, intentConfidence: null, intentProbs: null, needsReply: null, reasons: [], degraded: false, degradedReason: null }])
    expect(await read()).toMatchObject({ sentiment: 'uncertain', sentiment_probs: null, intent: null, intent_probs: null, needs_reply: null, reasons: [], degraded: false, degraded_reason: null })
  })

  it('counts the backlog exactly up to EXACT_BACKLOG_MAX queued messages and by job payloads above', async () => {
    const ws = (await workspacesRepo(db).create(uniqueName('backlog'))).id
    await ingestConversations(db, ws, [{ channel: 'chat', externalId: 'b', customer: '@b', messages: [message('b1', 'customer', 'where is my order', '2026-01-01T00:00:00Z')] }])
    expect(await enrichmentBacklog(db, ws)).toBe(1)
    // Ids of no stored message: the exact count skips them, the payload sum cannot tell.
    const phantom = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    const jobs = jobsRepo(db)
    await jobs.enqueueMany(ws, ENRICH_JOB, [{ messageIds: Array.from({ length: 100 }, (_, i) => phantom(i)) }])
    expect(await enrichmentBacklog(db, ws)).toBe(1)
    const many = Array.from({ length: Math.ceil(EXACT_BACKLOG_MAX / 256) }, (_, j) => ({ messageIds: Array.from({ length: 256 }, (_, i) => phantom(1000 + j * 256 + i)) }))
    await jobs.enqueueMany(ws, ENRICH_JOB, many)
    expect(await enrichmentBacklog(db, ws)).toBe(1 + 100 + many.length * 256)
    await db.query(`UPDATE jobs SET status = 'done' WHERE workspace_id = $1`, [ws])
    expect(await enrichmentBacklog(db, ws)).toBe(0)
  })

  it('lets two workers share the queue: every job handled exactly once', async () => {
    const jobKind = uniqueName('shared')
    const jobs = jobsRepo(db)
    for (let i = 0; i < 40; i++) await jobs.enqueue(null, jobKind, { i })
    const handled: number[] = []
    const handler: JobHandler = async (group) => {
      for (const j of group) handled.push(j.payload.i as number)
      await new Promise((r) => setTimeout(r, 5))
    }
    const log = pino({ level: 'silent' })
    const workers = ['a', 'b'].map(() => createWorker(db, { batch: 3, pollMs: 50, log, handlers: { [jobKind]: handler }, leaseSeconds: 30 }))
    const counts = await Promise.all(workers.map((w) => w.drain()))
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(40)
    expect(handled.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(await jobs.pending(jobKind)).toEqual({ ready: 0, later: 0 })
  })
})
