// One small database interface with two backends: embedded PGlite (default) and a Postgres server.
// Repositories only see `Db`; nothing else in the code knows which backend runs. The backends import
// this module, so choosing one lives apart, in open-db.ts.
import { AppError } from '../errors.ts'

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
   * Runs `sql`, a SELECT of `(id uuid, embedding vector)` rows, and returns the vectors by id. PGlite reads
   * them by binary COPY: printing 200k vectors as text and parsing it took 19 s of a 200k-message theme week.
   */
  readVectors(sql: string, params: unknown[]): Promise<Map<string, Float32Array>>
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

export const parseVectorText = (text: string) => Float32Array.from(JSON.parse(text) as number[])

export function toVectorLiteral(v: ArrayLike<number>): string {
  return `[${Array.prototype.join.call(v, ',')}]`
}
