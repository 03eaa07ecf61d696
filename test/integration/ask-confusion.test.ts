// A correction keeps the classifier's prediction beside the person's label, and once a workspace has
// enough corrected messages, label-dependent ask figures are corrected for the measured confusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIN_LABELLED } from '../../src/chains/ask/confusion.ts'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

const NOW = '2026-10-20T12:00:00Z'
const TEXTS = [
  'My parcel is a week late and nobody answers. Terrible.',
  'Thanks a lot, the replacement arrived today!',
  'I was charged twice this month, please refund me.',
  'What are your opening hours on Sunday?',
  'The app keeps crashing when I open my orders.',
  'Great support, problem solved in minutes.',
]

interface Row { id: string; sentiment: string; predicted: string | null; intent: string | null; predictedIntent: string | null }

async function rows(workspaceId: string): Promise<Row[]> {
  const { rows } = await t.services.db.query<Row>(
    `SELECT m.id, e.sentiment, e.predicted_sentiment AS predicted, e.intent, e.predicted_intent AS "predictedIntent"
     FROM messages m JOIN enrichments e ON e.message_id = m.id WHERE m.workspace_id = $1 AND m.role = 'customer' ORDER BY m.text, m.id`,
    [workspaceId],
  )
  return rows
}

describe('corrections keep the prediction; ask corrects counts for the confusion', () => {
  let ws: Awaited<ReturnType<typeof createWorkspace>>
  let before: Row[]
  const truth = new Map<string, string>()
  const correct = (id: string, field: 'sentiment' | 'intent', label: string) =>
    t.app.inject({ method: 'POST', url: `/v1/messages/${id}/corrections`, headers: ws.auth('agent'), payload: { field, label } })

  beforeAll(async () => {
    ws = await createWorkspace(t.services)
    const n = MIN_LABELLED + 6
    await t.ingest(ws, Array.from({ length: n }, (_, i) => conversation(`c-${i}`, [['customer', `${TEXTS[i % TEXTS.length]} (order ${1000 + i})`]])))
    before = await rows(ws.id)
    // A reviewer labels every message: half negative, a third of them against the classifier.
    before.forEach((r, i) => truth.set(r.id, i % 2 === 0 ? 'negative' : i % 3 === 0 ? 'neutral' : 'positive'))
    for (const r of before) expect((await correct(r.id, 'sentiment', truth.get(r.id)!)).statusCode).toBe(201)
  })

  it('keeps the classifier’s label as the prediction, and only the first time', async () => {
    const after = await rows(ws.id)
    for (const r of after) {
      const was = before.find((b) => b.id === r.id)!
      expect(r.sentiment).toBe(truth.get(r.id))
      expect(r.predicted).toBe(was.sentiment)
      expect(r.predictedIntent).toBeNull()
    }
    const first = after[0]!
    const other = truth.get(first.id) === 'negative' ? 'positive' : 'negative'
    expect((await correct(first.id, 'sentiment', other)).statusCode).toBe(201)
    const again = (await rows(ws.id)).find((r) => r.id === first.id)!
    expect(again.sentiment).toBe(other)
    expect(again.predicted).toBe(before.find((b) => b.id === first.id)!.sentiment)
    expect((await correct(first.id, 'sentiment', truth.get(first.id)!)).statusCode).toBe(201)
  })

  it('counts corrected messages exactly and says how the figure was made', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'), payload: { question: 'How many negative messages were there this month?', now: NOW } })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.plan.filters.sentiment).toBe('negative')
    const count = body.figures.find((f: { kind: string; unit: string }) => f.kind === 'count' && f.unit === 'messages')
    const negatives = [...truth.values()].filter((s) => s === 'negative').length
    expect(count.value).toBe(negatives)
    expect(count.estimate).toMatchObject({ value: negatives, low: negatives, high: negatives })
    expect(count.estimate.method).toMatch(/confusion-corrected/)
    // The answer says which kind of estimate it states.
    expect(body.answer).toContain(`about ${negatives} (people’s labels counted exactly`)
  })

  it('a trend of negative messages gives the negative share of all messages, not 100%', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'), payload: { question: 'How did negative messages trend this month?', now: NOW } })
    const body = res.json()
    expect(body.plan).toMatchObject({ kind: 'trend', filters: { sentiment: 'negative' } })
    const shares = body.figures.filter((f: { group?: { measure?: string } }) => f.group?.measure === 'negative_share')
    const negatives = [...truth.values()].filter((s) => s === 'negative').length
    expect(shares.length).toBeGreaterThan(0)
    expect(shares[0].value).toBe(Math.round((1000 * negatives) / truth.size) / 10)
    expect(shares[0].value).toBeLessThan(100)
  })
})
