// Initialising a PGlite data dir takes seconds; do it once per run (per migration set) and let each
// test file copy the migrated template.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { listMigrations, migrate } from '../src/store/migrate.ts'
import { openPgliteDb } from '../src/store/pglite.ts'

export default async function setup(project: TestProject): Promise<void> {
  const fingerprint = createHash('sha1')
    .update(listMigrations().map((m) => m.name + m.sql).join('\n'))
    .digest('hex')
    .slice(0, 12)
  const root = join(tmpdir(), 'parley-test')
  mkdirSync(root, { recursive: true })
  const template = join(root, `template-${fingerprint}`)
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.tmp`
    rmSync(building, { recursive: true, force: true })
    const db = await openPgliteDb(building)
    await migrate(db)
    await db.close()
    try {
      renameSync(building, template)
    } catch {
      // Another run built the same template meanwhile; use theirs.
      rmSync(building, { recursive: true, force: true })
    }
  }
  project.provide('pgTemplate', template)
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string
  }
}
