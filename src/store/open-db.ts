// Picks the backend for a configuration. Kept out of db.ts, which both backends import, so the
// interface and its implementations do not import each other; each backend loads only when chosen.
import type { Db } from './db.ts'

export interface OpenDbOptions {
  databaseUrl?: string
  dataDir?: string
  /** Postgres pool size (server mode). */
  poolSize?: number
}

export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) {
    const { openPgDb } = await import('./pg.ts')
    return openPgDb(opts.databaseUrl, opts.poolSize)
  }
  const { openPgliteDb } = await import('./pglite.ts')
  return openPgliteDb(opts.dataDir)
}
