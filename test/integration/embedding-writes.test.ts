// Vector writes on the embedded store (pglite.ts writeEmbeddings): vectors of messages never embedded
// go straight into the table by one COPY; a batch that meets a stored vector or a message deleted
// meanwhile falls back to the staged merge, which replaces the one and skips the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import type { Db } from '../../src/store/db.ts'
import { ensureModelIndex } from '../../src/store/vector-index.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { openTestDb } from '../helpers/services.ts'

const MODEL = 'test:writes-4'

describe('vector writes on the embedded store', () => {
  let db: Db
  let cleanup: () => Promise<void>
  let ws: string
  let messages: Array<{ id: string; content_hash: string }>
  beforeAll(async () => {
    ;({ db, cleanup } = await openTestDb())
    ws = (await workspacesRepo(db).create('writes')).id
    await ingestConversations(db, ws, [{
      channel: 'chat', externalId: 'w', customer: '@w',
      messages: ['a', 'b', 'c', 'd'].map((x, i) => ({ externalId: `w-${x}`, role: 'customer' as const, author: '@w', text: `message ${x}`, sentAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() })),
    }])
    messages = (await db.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM messages WHERE workspace_id = $1 ORDER BY external_id`, [ws])).rows
    await ensureModelIndex(db, MODEL, 4)
  })
  afterAll(async () => cleanup?.())

  const row = (m: { id: string; content_hash: string }, first: number) => ({ messageId: m.id, workspaceId: ws, model: MODEL, vector: new Float32Array([first, 1, 0, 0]), contentHash: m.content_hash })
  const stored = async () =>
    new Map((await db.query<{ message_id: string; first: number }>(
      `SELECT message_id, (embedding::real[])[1] AS first FROM message_embeddings WHERE workspace_id = $1 AND model = $2`, [ws, MODEL],
    )).rows.map((r) => [r.message_id, Number(r.first)]))

  it('stores new vectors, then replaces a stored one and skips a deleted message\'s in the same batch', async () => {
    const [a, b, c, d] = messages
    await db.writeEmbeddings([row(a, 1), row(b, 2)])
    expect(await stored()).toEqual(new Map([[a.id, 1], [b.id, 2]]))

    await db.query(`DELETE FROM messages WHERE workspace_id = $1 AND id = $2`, [ws, d.id])
    // A new vector (c), a stored one rewritten (a) and one of a message deleted meanwhile (d).
    await db.writeEmbeddings([row(c, 3), row(a, 9), row(d, 4)])
    expect(await stored()).toEqual(new Map([[a.id, 9], [b.id, 2], [c.id, 3]]))
    // The transaction is whole again: a later straight write works.
    await db.query(`DELETE FROM message_embeddings WHERE workspace_id = $1 AND message_id = $2`, [ws, b.id])
    await db.writeEmbeddings([row(b, 5)])
    expect((await stored()).get(b.id)).toBe(5)
  })
})
