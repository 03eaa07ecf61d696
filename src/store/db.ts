// One small database interface with two backends: embedded PGlite (default) and a Postgres server.
// Repositories only see `Db`; nothing else in the code knows which backend runs. The backends import
// this module, so choosing one lives apart, in open-db.ts.
import { AppError } from '../errors.ts'

/** The column types a bulk read decodes (see `Db.readBulk`). */
export type BulkColumn = 'uuid' | 'text' | 'int4' | 'timestamptz' | 'vector'
/** uuid and text as strings, int4 as a number, timestamptz as an ISO string (millisecond precision, like a JS Date), vector as floats; NULL as null. */
export type BulkValue = string | number | Float32Array | null

export type Row = Record<string, unknown>

export interface QueryResult<T = Row> {
  rows: T[]
  rowCount: number
}

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>>
}

/** A row of a bulk vector load; `vector` is written in pgvector's binary form where the backend allows. */
export interface EmbeddingRow {
  messageId: string
  workspaceId: string
  model: string
  vector: Float32Array
  contentHash: string
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg'
  /** Runs `fn` in one transaction: all of it commits or none of it does. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Upserts embeddings in bulk (binary COPY on PGlite, where text vectors are ~20x slower). */
  writeEmbeddings(rows: EmbeddingRow[]): Promise<void>
  /**
   * Runs `sql`, a SELECT whose columns have the types `columns` names, and returns its rows as arrays.
   * For reads of a whole week (200k rows with their vectors): PGlite writes them by one binary COPY,
   * which skips printing vectors as text and its per-row result objects; printing and parsing 200k
   * vectors took 19 s of a 200k-message theme week. `sql` must not hold `$n` outside its parameters.
   */
  readBulk(sql: string, params: unknown[], columns: readonly BulkColumn[]): Promise<BulkValue[][]>
  close(): Promise<void>
}

/** SQLSTATE codes the repositories branch on. */
export const PG_UNIQUE_VIOLATION = '23505'

export function isDbError(err: unknown): err is Error & { code?: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string'
}

const hasNul = (v: unknown) => typeof v === 'string' && v.includes('\u0000')

/**
 * Postgres text cannot hold NUL, and the server answers one with an error that would surface as a 500.
 * Whatever input a route forgot to check, a NUL in a parameter is the caller's mistake: a 400 on both backends.
 */
export function assertStorableParams(params: unknown[] | undefined): void {
  if (params?.some((p) => hasNul(p) || (Array.isArray(p) && p.some(hasNul)))) {
    throw new AppError('VALIDATION_FAILED', 'text must not contain NUL (\\u0000) characters')
  }
}

/**
 * Memory for the sorts and hash joins of a bulk read: with the default 4 MB, joining a week's 200k
 * messages to their vectors spilled ~250 MB to temporary files.
 */
export const BULK_READ_WORK_MEM = '256MB'

export const parseVectorText = (text: string) => Float32Array.from(JSON.parse(text) as number[])

/**
 * A vector in pgvector's text form, each component as the float32 pgvector stores: 9 significant digits
 * identify a float32 exactly. The shortest double form (what `join` wrote) took ~20 characters a
 * component where these take ~12, and building those strings was the server worker's largest single
 * cost after classification (1.4 of its 10 CPU s per 20k messages), with the server parsing them after.
 */
export function toVectorLiteral(v: ArrayLike<number>): string {
  const parts = new Array<string>(v.length)
  for (let i = 0; i < v.length; i++) parts[i] = Math.fround(v[i]).toPrecision(9)
  return `[${parts.join(',')}]`
}
