import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))

export interface Migration {
  version: number
  name: string
  sql: string
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({ version: Number.parseInt(f, 10), name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }))
    .sort((a, b) => a.version - b.version)
}

/**
 * Applies the migrations not yet applied, each in its own transaction. Safe to re-run and safe when
 * several processes start at once (a transaction-scoped advisory lock serialises them).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  // Under the lock too: concurrent CREATE TABLE IF NOT EXISTS can still fail on a Postgres server
  // (a unique violation in pg_type) when two processes start at once.
  await db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parley:migrate'))`)
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
  })
  const applied: string[] = []
  for (const m of listMigrations(dir)) {
    const did = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('parley:migrate'))`)
      const seen = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [m.version])
      if (seen.rows.length > 0) return false
      for (const statement of splitStatements(m.sql)) await tx.query(statement)
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name])
      return true
    })
    if (did) applied.push(m.name)
  }
  return { applied }
}

/**
 * Splits a migration file into statements at semicolons, except inside a dollar-quoted body (`$$ … $$`,
 * a trigger function's), whose semicolons are the function's own. Comment lines are dropped.
 */
export function splitStatements(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
  const statements: string[] = []
  let start = 0
  let inBody = false
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('$$', i)) {
      inBody = !inBody
      i++
    } else if (text[i] === ';' && !inBody) {
      statements.push(text.slice(start, i))
      start = i + 1
    }
  }
  statements.push(text.slice(start))
  return statements.map((s) => s.trim()).filter(Boolean)
}
