// A Postgres server for tests without Docker: PGlite (with pgvector) served over the wire protocol, so the
// `pg` backend (src/store/pg.ts) runs against a real protocol peer. pglite-socket gives every client the
// same single session, hence one pooled connection only.
import { rmSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'
import type { Db } from '../../src/store/db.ts'
import { openDb } from '../../src/store/open-db.ts'
import { freshDataDir } from './services.ts'

export interface PgSocketServer {
  databaseUrl: string
  /** Stops the server, closes PGlite and removes its data dir. */
  close(): Promise<void>
}

/**
 * Serves a private copy of the migrated template (or `dataDir`) on a free port of 127.0.0.1. Several
 * connections are queued onto the one session, a transaction at a time.
 */
export async function startPgSocketServer(opts: { dataDir?: string; maxConnections?: number } = {}): Promise<PgSocketServer> {
  const dataDir = opts.dataDir ?? freshDataDir()
  const pglite = await PGlite.create({ dataDir, extensions: { vector } })
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: opts.maxConnections ?? 1 })
  await server.start()
  return {
    databaseUrl: `postgres://postgres:postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop()
      await pglite.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A `pg`-backend Db on its own socket server; `cleanup` closes both. */
export async function openPgSocketDb(): Promise<{ db: Db; databaseUrl: string; cleanup: () => Promise<void> }> {
  const server = await startPgSocketServer()
  const db = await openDb({ databaseUrl: server.databaseUrl, poolSize: 1 })
  return {
    db,
    databaseUrl: server.databaseUrl,
    async cleanup() {
      await db.close()
      await server.close()
    },
  }
}

/** Why the real-server tests skip, or undefined when PARLEY_TEST_DATABASE_URL names a server. */
export const PG_SERVER_SKIP_REASON = process.env.PARLEY_TEST_DATABASE_URL
  ? undefined
  : 'PARLEY_TEST_DATABASE_URL is not set (.ci/run sets it when ../shared/scripts/postgres-server.sh can start PostgreSQL)'

let serverDbSeq = 0
/**
 * A private database on the real PostgreSQL server of PARLEY_TEST_DATABASE_URL: test files run in
 * parallel, and workers draining one shared queue would take each other's jobs. `cleanup` drops it.
 */
export async function createPgServerDatabase(): Promise<{ databaseUrl: string; cleanup: () => Promise<void> }> {
  const base = process.env.PARLEY_TEST_DATABASE_URL
  if (!base) throw new Error(PG_SERVER_SKIP_REASON)
  const name = `parley_test_${process.pid}_${Date.now()}_${++serverDbSeq}`
  const admin = await openDb({ databaseUrl: base, poolSize: 1 })
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    databaseUrl: url.toString(),
    async cleanup() {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}

/** A `pg`-backend Db on a private database of the real server, migrated. */
export async function openPgServerDb(): Promise<{ db: Db; databaseUrl: string; cleanup: () => Promise<void> }> {
  const { databaseUrl, cleanup } = await createPgServerDatabase()
  const db = await openDb({ databaseUrl, poolSize: 4 })
  const { migrate } = await import('../../src/store/migrate.ts')
  await migrate(db)
  return {
    db,
    databaseUrl,
    async cleanup() {
      await db.close()
      await cleanup()
    },
  }
}
