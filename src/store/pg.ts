import pg from 'pg'
import pgvector from 'pgvector/pg'
import type { BulkColumn, BulkValue, Db, EmbeddingRow, Queryable } from './db.ts'
import { assertStorableParams, BULK_READ_WORK_MEM, parseVectorText, toVectorLiteral } from './db.ts'
import { SESSION_SEARCH_SETTINGS } from './search-tuning.ts'

const DEFAULT_POOL_SIZE = 10
const EMBEDDING_CHUNK = 500

export async function openPgDb(databaseUrl: string, poolSize = DEFAULT_POOL_SIZE): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Awaited before the client is handed out, one statement at a time (pg deprecates overlapping queries
    // on one client). The vector type only exists once migrations ran, hence the tolerated failure.
    onConnect: async (client) => {
      for (const setting of SESSION_SEARCH_SETTINGS) await client.query(setting).catch(() => undefined)
      await pgvector.registerTypes(client).catch(() => undefined)
    },
  })
  pool.on('error', () => undefined) // an idle client dropped by the server: the pool replaces it
  const probe = await pool.connect()
  probe.release()

  const asQueryable = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params) {
      assertStorableParams(params)
      const res = await c.query(sql, params?.map(toParam))
      return { rows: res.rows, rowCount: res.rowCount ?? res.rows.length }
    },
  })
  const direct = asQueryable(pool)

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const result = await fn(asQueryable(client))
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      client.release()
    }
  }

  return {
    kind: 'pg',
    query: direct.query,
    transaction,
    async exec(sql) {
      await pool.query(sql)
    },
    async writeEmbeddings(rows: EmbeddingRow[]) {
      for (let i = 0; i < rows.length; i += EMBEDDING_CHUNK) {
        const chunk = rows.slice(i, i + EMBEDDING_CHUNK)
        await direct.query(
          `INSERT INTO message_embeddings (message_id, workspace_id, model, dim, embedding, content_hash)
           SELECT u.message_id, u.workspace_id, u.model, u.dim, u.embedding::vector, u.content_hash
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[])
             AS u(message_id, workspace_id, model, dim, embedding, content_hash)
           JOIN messages m ON m.id = u.message_id
           ON CONFLICT (message_id, model) DO UPDATE
             SET embedding = excluded.embedding, dim = excluded.dim, content_hash = excluded.content_hash, created_at = now()`,
          [
            chunk.map((r) => r.messageId),
            chunk.map((r) => r.workspaceId),
            chunk.map((r) => r.model),
            chunk.map((r) => r.vector.length),
            chunk.map((r) => toVectorLiteral(r.vector)),
            chunk.map((r) => r.contentHash),
          ],
        )
      }
    },
    async readBulk(sql, params, columns) {
      assertStorableParams(params)
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        await client.query(`SET LOCAL work_mem = '${BULK_READ_WORK_MEM}'`)
        const res = await client.query<unknown[]>({ text: sql, values: params.map(toParam), rowMode: 'array' })
        await client.query('COMMIT')
        return res.rows.map((row) => row.map((v, i) => fromPg(v, columns[i])))
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}

/** A value of a bulk read as `Db.readBulk` promises it, whichever parser the pg driver applied. */
function fromPg(v: unknown, column: BulkColumn): BulkValue {
  if (v === null || v === undefined) return null
  switch (column) {
    case 'vector':
      // pgvector's parser gives number[]; a pool opened before the type existed gives its text.
      return typeof v === 'string' ? parseVectorText(v) : Float32Array.from(v as number[])
    case 'int4':
      return Number(v)
    case 'timestamptz':
      return (v instanceof Date ? v : new Date(String(v))).toISOString()
    default:
      return String(v)
  }
}

function toParam(v: unknown): unknown {
  return v instanceof Float32Array ? toVectorLiteral(v) : v
}
