// `parley import` while a service holds the store sends the file through POST /v1/conversations: the same
// rows, totals and rejections as an import into the store, idempotent, and a batch whose every item is
// rejected (HTTP 422) is reported, not thrown.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServiceClient } from '../../src/cli-remote.ts'
import { importFileThroughService } from '../../src/pipeline/import-file.ts'
import type { IngestResponse } from '../../src/pipeline/ingest-batches.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
let dir: string

beforeAll(async () => {
  t = await createTestServices()
  dir = mkdtempSync(join(tmpdir(), 'parley-import-remote-'))
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const injectFetch = (async (input: string | URL, init: RequestInit = {}) => {
  const url = new URL(String(input))
  const res = await t.app.inject({ method: (init.method ?? 'GET') as 'GET', url: url.pathname + url.search, headers: init.headers as Record<string, string>, payload: init.body as string | undefined })
  return new Response(res.body, { status: res.statusCode })
}) as typeof fetch

describe('importFileThroughService', () => {
  it('imports through the API with the same totals, and a second run changes nothing', async () => {
    const ws = await createWorkspace(t.services)
    const client = createServiceClient({ url: 'http://parley.test', source: 'test' }, ws.keys.ingest, injectFetch)
    const post = (conversations: unknown[]) => client.request<IngestResponse>('POST', '/v1/conversations', { body: { conversations }, accept: [422] })
    const message = { externalId: 'm', role: 'customer', text: 'router keeps dropping', sentAt: '2026-05-01T10:00:00Z' }
    const path = join(dir, 'mixed.jsonl')
    writeFileSync(
      path,
      [
        JSON.stringify({ channel: 'chat', externalId: 'r-1', customer: 'u1', messages: [message] }),
        '{"broken": ',
        JSON.stringify({ channel: 'chat', externalId: 'r-2', customer: 'u2', messages: [{ ...message, role: 'bot' }] }),
        JSON.stringify({ id: 'cls-1', text: 'card declined', label: 'payment' }),
      ].join('\n'),
    )
    const first = await importFileThroughService(post, path, { quiet: true, batch: 1 })
    expect(first.totals).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2, messages: 2 })
    expect(first.rejections.join('\n')).toMatch(/r-2/)
    const second = await importFileThroughService(post, path, { quiet: true })
    expect(second.totals).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2, messages: 0 })
    const list = await t.app.inject({ url: '/v1/conversations?limit=10', headers: ws.auth('admin') })
    expect((list.json() as { items: Array<{ externalId: string }> }).items.map((c) => c.externalId).sort()).toEqual(['cls-1', 'r-1'])
  })
})
