// The embedded store's CPU per statement (bench/backlog-http.ts --profile): off until asked for, then
// each statement by its first words with its calls, reset at each read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/store/db.ts'
import { takeStatementCpu } from '../../src/store/pglite.ts'
import { openTestDb } from '../helpers/services.ts'

describe('PGlite statement CPU', () => {
  let db: Db
  let cleanup: () => Promise<void>
  beforeAll(async () => ({ db, cleanup } = await openTestDb()))
  afterAll(async () => cleanup?.())

  it('counts nothing until asked, then each statement by its first words, and resets at each read', async () => {
    await db.query(`SELECT 1 AS before_anyone_asked`)
    expect(await takeStatementCpu(db)).toEqual([])
    await db.query(`SELECT   count(*)  FROM jobs`)
    await db.query(`SELECT count(*) FROM jobs`)
    const taken = (await takeStatementCpu(db))!
    expect(taken.map((s) => [s.statement, s.calls])).toEqual([['SELECT count(*) FROM jobs', 2]])
    expect(taken[0].cpuMs).toBeGreaterThan(0)
    expect(await takeStatementCpu(db)).toEqual([])
  })
})
