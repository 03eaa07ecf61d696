// upsertConversations writes a batch of new conversations in two statements; what it skips for them
// (reading fingerprints, rewriting status and message times) must still hold for conversations that
// already existed: times follow their messages, an explicit status wins, and only a real change counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversationKey, upsertConversations, type ConversationUpsert, type MessageUpsert } from '../../src/store/conversations.ts'
import type { Db } from '../../src/store/db.ts'
import { openTestDb } from '../helpers/services.ts'

describe('upsertConversations', () => {
  let db: Db
  let cleanup: () => Promise<void>
  let ws: string
  beforeAll(async () => {
    ;({ db, cleanup } = await openTestDb())
    ws = (await db.query<{ id: string }>(`INSERT INTO workspaces (name) VALUES ('upsert-test') RETURNING id`)).rows[0].id
  })
  afterAll(async () => cleanup())

  const conv = (externalId: string, over: Partial<ConversationUpsert> = {}): ConversationUpsert => ({
    channel: 'email', externalId, customerHandle: 'h', customerName: null, status: null, metadata: {}, ...over,
  })
  const msg = (convId: string, externalId: string, sentAt: string, text = `text ${externalId}`): MessageUpsert => ({
    conversationKey: conversationKey('email', convId), externalId, role: 'customer', author: null, text, language: null,
    sentAt: new Date(sentAt).toISOString(), contentHash: `${text}|${sentAt}`,
  })
  const stored = async (externalId: string) =>
    (await db.query<{ status: string; first: Date; last: Date; metadata: unknown; name: string | null }>(
      `SELECT status, first_message_at AS first, last_message_at AS last, metadata, customer_name AS name FROM conversations WHERE workspace_id = $1 AND external_id = $2`,
      [ws, externalId],
    )).rows[0]
  const upsert = (convs: ConversationUpsert[], msgs: MessageUpsert[]) => db.transaction((tx) => upsertConversations(tx, ws, convs, msgs))

  it('gives a new conversation its status and the batch\'s first and last message times', async () => {
    const out = await upsert([conv('a', { status: 'closed' }), conv('b')], [
      msg('a', '1', '2024-05-02T10:00:00Z'), msg('a', '2', '2024-05-01T09:00:00Z'), msg('a', '3', '2024-05-03T08:00:00Z'), msg('b', '1', '2024-06-01T00:00:00Z'),
    ])
    expect(out.conversations.get(conversationKey('email', 'a'))).toMatchObject({ created: true, changed: false })
    expect(out.changedMessageIds).toHaveLength(4)
    expect(await stored('a')).toMatchObject({ status: 'closed', first: new Date('2024-05-01T09:00:00Z'), last: new Date('2024-05-03T08:00:00Z') })
    expect(await stored('b')).toMatchObject({ status: 'open', first: new Date('2024-06-01T00:00:00Z'), last: new Date('2024-06-01T00:00:00Z') })
  })

  it('re-sending the same batch changes nothing and still returns every conversation', async () => {
    const out = await upsert([conv('a', { status: 'closed' }), conv('b')], [msg('a', '1', '2024-05-02T10:00:00Z'), msg('b', '1', '2024-06-01T00:00:00Z')])
    expect(out.changedMessageIds).toEqual([])
    expect(out.messages.size).toBe(0)
    for (const key of ['a', 'b']) expect(out.conversations.get(conversationKey('email', key))).toMatchObject({ created: false, changed: false })
  })

  it('on a stored conversation: a new message moves its times, a moved message recomputes them, an explicit status wins', async () => {
    await upsert([conv('a', { status: 'open' })], [msg('a', '4', '2024-05-04T00:00:00Z')])
    expect(await stored('a')).toMatchObject({ status: 'open', first: new Date('2024-05-01T09:00:00Z'), last: new Date('2024-05-04T00:00:00Z') })
    // The earliest message is edited to a later time: the first time is read again from the messages.
    const out = await upsert([conv('a')], [msg('a', '2', '2024-05-05T00:00:00Z', 'edited')])
    expect(out.messages.get(`${conversationKey('email', 'a')}\u0000${'2'}`)).toBe('updated')
    expect(await stored('a')).toMatchObject({ status: 'open', first: new Date('2024-05-02T10:00:00Z'), last: new Date('2024-05-05T00:00:00Z') })
  })

  it('counts a changed name or metadata as a change, and a missing name keeps the stored one', async () => {
    const renamed = await upsert([conv('b', { customerName: 'Ada', metadata: { tier: 'gold' } })], [])
    expect(renamed.conversations.get(conversationKey('email', 'b'))).toMatchObject({ created: false, changed: true })
    const same = await upsert([conv('b', { metadata: { tier: 'gold' } })], [])
    expect(same.conversations.get(conversationKey('email', 'b'))).toMatchObject({ created: false, changed: false })
    expect(await stored('b')).toMatchObject({ name: 'Ada', metadata: { tier: 'gold' } })
  })
})
