// Import progress counts the rows it iterates, rejected ones included: it ends at exactly n/n, never "4/3 (133%)".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countImportRows, importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
let dir: string

beforeAll(async () => {
  t = await createTestServices()
  dir = mkdtempSync(join(tmpdir(), 'parley-progress-'))
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const message = (text: string) => ({ externalId: 'm', role: 'customer', text, sentAt: '2026-05-01T10:00:00Z' })

describe('import progress', () => {
  it('counts every row once, good or rejected, and never passes its total', async () => {
    const ws = await createWorkspace(t.services)
    // Long rows make a size-based estimate far too small; a broken row is rejected before ingestion.
    const rows = [
      JSON.stringify({ channel: 'chat', externalId: 'p-1', customer: 'u1', messages: [message('a'.repeat(3000))] }),
      '{"broken": ',
      JSON.stringify({ channel: 'chat', externalId: 'p-2', customer: 'u2', messages: [message('b'.repeat(3000))] }),
      JSON.stringify({ channel: 'chat', externalId: 'p-3', customer: 'u3', messages: [message('c'.repeat(3000))] }),
    ]
    const path = join(dir, 'long.jsonl')
    writeFileSync(path, `${rows.join('\n')}\n`)
    expect(await countImportRows(path)).toBe(4)
    expect(await countImportRows(path, 2)).toBe(2)

    let text = ''
    const stream = new Writable({
      write(chunk, _enc, done) {
        text += String(chunk)
        done()
      },
    })
    const res = await importFile(t.services, ws.id, path, { enrich: false, batch: 2, progress: { stream, tty: false, now: () => 0 } })
    expect(res.totals).toMatchObject({ created: 3, rejected: 1 })
    expect(text).toMatch(/: done, 4\/4 in /)
    for (const [, count, total] of text.matchAll(/(\d+)\/(\d+)/g)) expect(Number(count)).toBeLessThanOrEqual(Number(total))
  })
})
