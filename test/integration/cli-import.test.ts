// `parley import` (importFile): every supported file shape, idempotent re-import, bad rows rejected
// one by one. All fixtures are written here; nothing depends on ../shared.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
let dir: string

beforeAll(async () => {
  t = await createTestServices()
  dir = mkdtempSync(join(tmpdir(), 'parley-import-'))
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n'

async function stored(workspaceId: string) {
  const { rows } = await t.services.db.query<{ external_id: string; channel: string; status: string; metadata: Record<string, unknown>; roles: string[]; texts: string[]; languages: Array<string | null> }>(
    `SELECT c.external_id, c.channel, c.status, c.metadata,
            array_agg(m.role ORDER BY m.sent_at) AS roles, array_agg(m.text ORDER BY m.sent_at) AS texts,
            array_agg(m.language ORDER BY m.sent_at) AS languages
     FROM conversations c JOIN messages m ON m.conversation_id = c.id
     WHERE c.workspace_id = $1 GROUP BY c.id ORDER BY c.external_id`,
    [workspaceId],
  )
  return new Map(rows.map((r) => [r.external_id, r]))
}

/** Imports the file twice: the second run must create and update nothing. */
async function importTwice(workspaceId: string, path: string, opts: { enrich?: boolean } = {}) {
  const first = await importFile(t.services, workspaceId, path, { quiet: true, enrich: opts.enrich ?? false })
  const second = await importFile(t.services, workspaceId, path, { quiet: true, enrich: false })
  expect(second.totals).toEqual({ created: 0, updated: 0, unchanged: first.totals.created + first.totals.updated + first.totals.unchanged, rejected: first.totals.rejected, messages: 0 })
  return first
}

describe('importFile', () => {
  it('imports Parley conversations from JSONL and enriches them', async () => {
    const ws = await createWorkspace(t.services)
    const path = file(
      'conversations.jsonl',
      jsonl([
        {
          channel: 'instagram',
          externalId: 'ig-1',
          customer: { handle: '@lena', name: 'Lena' },
          status: 'pending',
          metadata: { campaign: 'spring' },
          messages: [
            { externalId: 'a', role: 'customer', text: 'Do you ship the blue kettle to Norway?', sentAt: '2026-03-02T08:00:00Z', language: 'en' },
            { externalId: 'b', role: 'agent', author: 'Mia', text: 'Yes, within five days.', sentAt: '2026-03-02T08:05:00+00:00' },
          ],
        },
        { channel: 'email', externalId: 'mail-7', customer: 'ola@example.com', messages: [{ externalId: '1', role: 'customer', text: 'Invoice 88 is wrong', sentAt: '2026-03-03T10:00:00Z' }] },
      ]),
    )
    const res = await importTwice(ws.id, path, { enrich: true })
    expect(res.totals).toMatchObject({ created: 2, rejected: 0, messages: 3 })
    const rows = await stored(ws.id)
    expect(rows.get('ig-1')).toMatchObject({ channel: 'instagram', status: 'pending', metadata: { campaign: 'spring' }, roles: ['customer', 'agent'] })
    expect(rows.get('mail-7')?.texts).toEqual(['Invoice 88 is wrong'])
    const embedded = await t.services.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM message_embeddings WHERE workspace_id = $1`, [ws.id])
    expect(embedded.rows[0].n).toBe(3)
  })

  it('groups CSV message rows into conversations, keeping quoted commas and newlines', async () => {
    const ws = await createWorkspace(t.services)
    const path = file(
      'messages.csv',
      [
        'conversation_id,channel,customer,message_id,role,text,sent_at,language',
        'c-1,whatsapp,+4712345678,m1,customer,"Hi, my order ""A-17"" is missing",2026-04-01T09:00:00Z,en',
        'c-1,whatsapp,+4712345678,m2,agent,"Sorry!\nChecking now.",2026-04-01T09:02:00Z,',
        'c-1,whatsapp,+4712345678,m3,customer,Thanks,2026-04-01T09:10:00Z,en',
        'c-2,x,@pia,m1,customer,Où est mon colis ?,2026-04-02T12:00:00Z,fr',
      ].join('\n'),
    )
    const res = await importTwice(ws.id, path)
    expect(res.totals).toMatchObject({ created: 2, rejected: 0, messages: 4 })
    const rows = await stored(ws.id)
    expect(rows.get('c-1')).toMatchObject({ channel: 'whatsapp', roles: ['customer', 'agent', 'customer'] })
    expect(rows.get('c-1')?.texts.slice(0, 2)).toEqual(['Hi, my order "A-17" is missing', 'Sorry!\nChecking now.'])
    expect(rows.get('c-2')).toMatchObject({ channel: 'x', texts: ['Où est mon colis ?'], languages: ['fr'] })
  })

  it('imports the dataset shapes: reply pairs, dialogs with summaries, classification rows', async () => {
    const ws = await createWorkspace(t.services)
    const replyPairs = file(
      'reply-pairs.jsonl',
      jsonl([
        {
          id: 'rp-1',
          company: 'NordRail',
          context: [
            { speaker: 'customer', text: 'My train was cancelled' },
            { speaker: 'agent', text: 'Which departure was it?' },
          ],
          customer: 'The 07:10 from Bergen',
          agent_reply: 'Thanks, a refund is on its way.',
        },
        { id: 'rp-2', context: [], customer: 'App crashes on login', agent_reply: 'Please update to the latest version.' },
      ]),
    )
    const dialogs = file(
      'dialogs.jsonl',
      jsonl([
        {
          id: 'dlg-1',
          dialog: [
            { speaker: 'Customer', text: 'I want to change my plan' },
            { speaker: 'Agent', text: 'Sure, to which one?' },
            { speaker: 'Customer', text: 'The family plan' },
          ],
          summaries: ['Customer switches to the family plan.'],
        },
      ]),
    )
    const classification = file(
      'classification.jsonl',
      jsonl([
        { id: 1, text: 'Where is my refund?', label: 'refund', language: 'english' },
        { id: 2, text: 'Merci pour votre aide', label: 'thanks', language: 'fr' },
      ]),
    )
    const classificationCsv = file('classification.csv', 'id,text,label\ncsv-1,"Card declined, twice",payment\n')

    expect((await importTwice(ws.id, replyPairs)).totals).toMatchObject({ created: 2, rejected: 0, messages: 6 })
    expect((await importTwice(ws.id, dialogs)).totals).toMatchObject({ created: 1, rejected: 0, messages: 3 })
    expect((await importTwice(ws.id, classification)).totals).toMatchObject({ created: 2, rejected: 0, messages: 2 })
    expect((await importTwice(ws.id, classificationCsv)).totals).toMatchObject({ created: 1, rejected: 0, messages: 1 })

    const rows = await stored(ws.id)
    expect(rows.get('rp-1')).toMatchObject({ metadata: { company: 'NordRail' }, roles: ['customer', 'agent', 'customer', 'agent'] })
    expect(rows.get('rp-1')?.texts.at(-1)).toBe('Thanks, a refund is on its way.')
    expect(rows.get('dlg-1')?.roles).toEqual(['customer', 'agent', 'customer'])
    expect(rows.get('1')).toMatchObject({ metadata: { label: 'refund' }, languages: ['en'], roles: ['customer'] })
    expect(rows.get('2')?.languages).toEqual(['fr'])
    expect(rows.get('csv-1')).toMatchObject({ texts: ['Card declined, twice'], metadata: { label: 'payment' } })
  })

  it('rejects malformed rows one by one and imports the rest', async () => {
    const ws = await createWorkspace(t.services)
    const good = { channel: 'chat', externalId: 'ok-1', customer: 'u1', messages: [{ externalId: 'm', role: 'customer', text: 'hello', sentAt: '2026-05-01T10:00:00Z' }] }
    const path = file(
      'mixed.jsonl',
      jsonl([
        good,
        '{"channel": "chat", "externalId": "broken", ', // not JSON
        { ...good, externalId: 'bad-role', messages: [{ ...good.messages[0], role: 'bot' }] },
        { id: 'rp-bad', context: 'not a list', customer: 'x', agent_reply: 'y' },
        '[1, 2, 3]',
        { id: 'cls-ok', text: 'still imported after the bad rows', label: 'other' },
      ]),
    )
    const res = await importTwice(ws.id, path)
    expect(res.totals).toMatchObject({ created: 2, rejected: 4, messages: 2 })
    expect(res.rejections.join('\n')).toMatch(/bad-role/)
    expect([...(await stored(ws.id)).keys()]).toEqual(['cls-ok', 'ok-1'])

    const csv = file(
      'mixed.csv',
      [
        'conversation_id,channel,customer,message_id,role,text,sent_at',
        'k-1,chat,u1,m1,customer,fine,2026-05-02T10:00:00Z',
        'k-2,chat,u2,m1,robot,wrong role,2026-05-02T11:00:00Z',
        'k-3,chat,u3,m1,customer,too few columns',
        'k-4,chat,u4,m1,customer,also fine,2026-05-02T12:00:00Z',
      ].join('\n'),
    )
    const fromCsv = await importTwice(ws.id, csv)
    expect(fromCsv.totals).toMatchObject({ created: 2, rejected: 2, messages: 2 })
  })
})
