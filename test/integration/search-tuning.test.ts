// Both backends start their sessions with the IVFFlat settings named in store/search-tuning.ts; the
// PGlite worker is plain JS and receives them at start, so a lost hand-over shows up here.
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/store/db.ts'
import { IVFFLAT_ITERATIVE_SCAN, IVFFLAT_PROBES } from '../../src/store/search-tuning.ts'
import { openPgSocketDb } from '../helpers/pg-socket.ts'
import { openTestDb } from '../helpers/services.ts'

const backends: Array<[kind: Db['kind'], open: () => Promise<{ db: Db; cleanup: () => Promise<void> }>]> = [
  ['pglite', openTestDb],
  ['pg', openPgSocketDb],
]

describe.each(backends)('%s backend', (kind, open) => {
  const cleanups: Array<() => Promise<void>> = []
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup()
  })

  it('starts every session with the default IVFFlat search settings', async () => {
    const { db, cleanup } = await open()
    cleanups.push(cleanup)
    expect(db.kind).toBe(kind)
    const { rows } = await db.query<{ probes: string; scan: string }>(
      `SELECT current_setting('ivfflat.probes') AS probes, current_setting('ivfflat.iterative_scan') AS scan`,
    )
    expect(rows[0]).toEqual({ probes: String(IVFFLAT_PROBES), scan: IVFFLAT_ITERATIVE_SCAN })
  })
})

describe('pglite backend memory', () => {
  it('starts with 256 MB of shared buffers, so the vector index of 100k messages stays in them', async () => {
    const { db, cleanup } = await openTestDb()
    try {
      const { rows } = await db.query<{ shared_buffers: string }>(`SHOW shared_buffers`)
      expect(rows[0].shared_buffers).toBe('256MB')
    } finally {
      await cleanup()
    }
  })
})
