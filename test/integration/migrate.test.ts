import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import type { Db } from '../../src/store/db.ts'
import { openDb } from '../../src/store/open-db.ts'
import { listMigrations, migrate } from '../../src/store/migrate.ts'
import { openPgliteDb } from '../../src/store/pglite.ts'
import { workspacesRepo } from '../../src/store/workspaces.ts'
import { startPgSocketServer } from '../helpers/pg-socket.ts'
import { conversation } from '../helpers/services.ts'

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/**
 * A private copy of a created but un-migrated data dir. Creating one (initdb) takes seconds, so the
 * empty dir is built once per PGlite version and copied, like the migrated template in global-setup.
 */
async function emptyDataDir(): Promise<string> {
  const version = JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')).version
  const root = join(tmpdir(), 'parley-test')
  const cached = join(root, `empty-pglite-${version}`)
  if (!existsSync(cached)) {
    mkdirSync(root, { recursive: true })
    const building = `${cached}.${process.pid}.tmp`
    rmSync(building, { recursive: true, force: true })
    await (await openPgliteDb(building)).close()
    try {
      renameSync(building, cached)
    } catch {
      rmSync(building, { recursive: true, force: true }) // another run built it meanwhile
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-empty-'))
  cpSync(cached, dir, { recursive: true })
  return dir
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [name])
  return rows[0].t !== null
}

describe('migrate() on an empty embedded database', () => {
  it('survives two concurrent runs, applies each migration once, then has nothing left to apply', async () => {
    const dir = await emptyDataDir()
    const db = await openPgliteDb(dir)
    expect(await tableExists(db, 'schema_migrations')).toBe(false)
    cleanups.push(async () => {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    })
    const all = listMigrations().map((m) => m.name)

    const [a, b] = await Promise.all([migrate(db), migrate(db)])
    expect([...a.applied, ...b.applied].sort()).toEqual(all)
    expect(a.applied.filter((n) => b.applied.includes(n))).toEqual([])
    const { rows } = await db.query<{ version: number; n: number }>(`SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version`)
    expect(rows).toEqual(listMigrations().map((m) => ({ version: m.version, n: 1 })))

    expect((await migrate(db)).applied).toEqual([])

    // The schema works after the re-run: vectors, uniqueness and ingestion.
    const ws = await workspacesRepo(db).create('after-migrate')
    const res = await ingestConversations(db, ws.id, [conversation('m1', [['customer', 'hello after migrations']])])
    expect(res.totals.created).toBe(1)
    const vec = await db.query<{ d: number }>(`SELECT ('[1,0]'::vector <=> '[0,1]'::vector)::float AS d`)
    expect(vec.rows[0].d).toBeCloseTo(1, 6)
  })
})

describe('migrate() from two connections of a Postgres server', () => {
  it('serialises concurrent runs and rolls back a failing migration without recording it', async () => {
    const server = await startPgSocketServer({ maxConnections: 2 })
    const dbA = await openDb({ databaseUrl: server.databaseUrl, poolSize: 1 })
    const dbB = await openDb({ databaseUrl: server.databaseUrl, poolSize: 1 })
    const dir = mkdtempSync(join(tmpdir(), 'parley-test-migrations-'))
    cleanups.push(async () => {
      await dbA.close()
      await dbB.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    })
    // Versions far above the product's, so they apply on top of the migrated template.
    writeFileSync(join(dir, '900_notes.sql'), `-- a test migration\nCREATE TABLE test_notes (id serial PRIMARY KEY, body text NOT NULL);\nCREATE INDEX test_notes_body ON test_notes (body);\n`)
    writeFileSync(join(dir, '901_notes_tag.sql'), `ALTER TABLE test_notes ADD COLUMN tag text;\n`)

    const [a, b] = await Promise.all([migrate(dbA, dir), migrate(dbB, dir)])
    expect([...a.applied, ...b.applied].sort()).toEqual(['900_notes.sql', '901_notes_tag.sql'])
    expect((await migrate(dbA, dir)).applied).toEqual([])
    await dbB.query(`INSERT INTO test_notes (body, tag) VALUES ('x', 'y')`)

    writeFileSync(join(dir, '902_broken.sql'), `CREATE TABLE test_half_done (id int);\nSELECT no_such_function();\n`)
    await expect(migrate(dbA, dir)).rejects.toThrow(/no_such_function/)
    expect(await tableExists(dbA, 'test_half_done')).toBe(false)
    const { rows } = await dbA.query<{ version: number }>(`SELECT version FROM schema_migrations WHERE version >= 900 ORDER BY version`)
    expect(rows.map((r) => r.version)).toEqual([900, 901])
    // The pool is still healthy after the failed transaction.
    expect((await dbA.query<{ n: number }>(`SELECT count(*)::int AS n FROM test_notes`)).rows[0].n).toBe(1)
  })
})
