// /v1/ask on the shipped demo corpus, checked against computations over the demo file itself
// (metadata.scenario is the ground truth; Parley never reads it).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customerMessages, monthRange, topComplaintOf, topComplaintTopicIn, topicCount, TOPICS, type Range } from '../../evals/demo-questions.ts'
import type { AskFigure, AskResult } from '../../src/chains/ask/types.ts'
import type { ConversationRow } from '../../src/pipeline/dataset-formats.ts'
import { importFile } from '../../src/pipeline/import-file.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

const DEMO = fileURLToPath(new URL('../../demo/conversations.jsonl', import.meta.url))
const NOW = '2026-11-10T09:00:00Z'

interface DemoMessage { role: 'customer' | 'agent'; text: string; sentAt: string; language: string }
interface DemoConversation { channel: string; externalId: string; customer?: { handle?: string }; messages: DemoMessage[]; metadata: { scenario: string } }
const demo: DemoConversation[] = readFileSync(DEMO, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))

/** Scenarios that are not complaints (questions, thanks, app likes). */
const NOT_COMPLAINTS = new Set(['plan_question', 'praise_support', 'app_feedback'])

let t: Awaited<ReturnType<typeof createTestServices>>
let ws: Awaited<ReturnType<typeof createWorkspace>>
beforeAll(async () => {
  t = await createTestServices({ clock: () => new Date(NOW) })
  ws = await createWorkspace(t.services)
  await importFile(t.services, ws.id, DEMO, { quiet: true })
  // As `npm run demo:load` does: the brand's handles are what a citation keeps.
  const voice = JSON.parse(readFileSync(new URL('../../demo/voice.json', import.meta.url), 'utf8')) as object
  await t.app.inject({ method: 'PUT', url: '/v1/settings/voice', headers: ws.auth(), payload: voice })
}, 600_000)
afterAll(async () => t?.close())

async function ask(question: string, now = NOW): Promise<AskResult> {
  const res = await t.app.inject({ method: 'POST', url: '/v1/ask', headers: ws.auth('analyst'), payload: { question, now } })
  expect(res.statusCode).toBe(200)
  return res.json()
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Minutes from each conversation's first customer message to the first agent message after it. */
function firstResponses(convs: DemoConversation[]): number[] {
  const out: number[] = []
  for (const c of convs) {
    const first = c.messages.find((m) => m.role === 'customer')
    if (!first) continue
    const reply = c.messages.filter((m) => m.role === 'agent' && Date.parse(m.sentAt) > Date.parse(first.sentAt)).map((m) => Date.parse(m.sentAt)).sort((a, b) => a - b)[0]
    if (reply !== undefined) out.push((reply - Date.parse(first.sentAt)) / 60_000)
  }
  return out
}

const figure = (r: AskResult, pred: (f: AskFigure) => boolean) => r.figures.find(pred)

describe('/v1/ask on the demo corpus', () => {
  it('"still" is the four weeks up to the last message when the data ends before now, compared with the four before', async () => {
    // Asked a month after the data ends: it compared 9 Nov – 7 Dec (a day and a half of data) with the four
    // full weeks before, and said billing complaints were down 90.9%.
    const later = await ask('Are customers still complaining about billing?', '2026-12-07T12:00:00Z')
    const last = Math.max(...demo.flatMap((c) => c.messages.map((m) => Date.parse(m.sentAt))))
    const lastDay = Date.parse(`${new Date(last).toISOString().slice(0, 10)}T00:00:00Z`)
    expect(later.plan.timeRange.to).toBe(new Date(lastDay + 86_400_000).toISOString())
    expect(Date.parse(later.plan.timeRange.to) - Date.parse(later.plan.timeRange.from)).toBe(28 * 86_400_000)
    expect(later.plan.previousRange!.to).toBe(later.plan.timeRange.from)
    expect(later.answer).toMatch(/^"still" names no dates: it is read as \d+ \w+ 2026 – \d+ \w+ 2026\./)
    // Asked the day of the last message, it is the past four weeks.
    expect((await ask('Are customers still complaining about billing?', new Date(last + 3_600_000).toISOString())).plan.timeRange.label).toBe('past 4 weeks')
  })

  it('"still" gives the four weeks week by week, so the answer says whether the latest still has them', async () => {
    // "Is the app crash still happening?" said "up 812.5%" on the four weeks together, which a peak three weeks ago would give too.
    const r = await ask('Is the app crash still happening?')
    const weeks = r.figures.filter((f) => f.kind === 'series' && f.group?.measure === 'volume')
    expect(weeks.length).toBeGreaterThanOrEqual(4)
    // Each week counted like the period: the weeks' estimates add up to about the period's.
    const period = figure(r, (f) => f.kind === 'count' && f.unit === 'messages')!
    const sum = weeks.reduce((s, f) => s + f.value, 0)
    expect(Math.abs(sum - period.value) / period.value).toBeLessThan(0.25)
    expect(r.answer).toMatch(new RegExp(`Week by week: about ${weeks[0]!.value} in ${weeks[0]!.group!.week}`))
    expect(r.answer).toContain(`about ${weeks.at(-1)!.value} in ${weeks.at(-1)!.group!.week}`)
    // Not without "still".
    expect((await ask('How many app crash messages were there in the past 4 weeks?')).answer).not.toContain('Week by week')
  })

  it('compares the weeks of the theme an event names with the weeks before, when it names no dates ("Did the outage cause a spike?")', async () => {
    // Before: all time against nothing, the theme's own messages counted, and nothing said about a spike.
    const r = await ask('Did the outage cause a spike in messages?')
    expect(r.plan.eventTheme).toBe('Internet down')
    expect(r.plan.timeRange).toMatchObject({ from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', label: '2026-W44' })
    expect(r.plan.previousRange).toMatchObject({ from: '2026-10-19T00:00:00.000Z', to: '2026-10-26T00:00:00.000Z' })
    expect(r.plan.filters.theme).toBeUndefined()
    const now = figure(r, (f) => f.kind === 'count' && f.unit === 'messages')!
    const before = figure(r, (f) => f.kind === 'previous_count' && f.unit === 'messages')!
    expect(now.value).toBeGreaterThan(2 * before.value)
    expect(r.answer).toMatch(/^No dates were named: the week of the weekly theme "Internet down" \(2026-W44\) is compared with the week before/)
    expect(r.answer).toMatch(/up \d/)
    // A period named stays the period asked.
    expect((await ask('Did the outage cause a spike in October?')).plan.timeRange.label).toBe('1 Oct 2026 – 31 Oct 2026')
  })

  it('a week belongs to the period holding most of its days, and a week under way has no theme growth yet', async () => {
    // On 3 November, "this month" holds one day of week 44 (26 Oct – 1 Nov), the outage week: its growth is October's.
    const early = await ask('What happened this month compared to last month?', '2026-11-03T09:00:00Z')
    expect(early.plan.kind).toBe('compare')
    expect(early.figures.filter((f) => f.kind === 'theme_volume')).toEqual([])
    expect(early.answer).not.toMatch(/theme that grew most/)
    // October against September: October's five weeks (28 Sep – 1 Nov) against September's four, compared per week.
    const october = await ask('How did October compare to September?', '2026-11-10T09:00:00Z')
    const grown = figure(october, (f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')!
    expect(grown.group).toMatchObject({ weeks: '5', previousWeeks: '4' })
    expect(october.answer).toContain(`The theme that grew most per week is "${grown.group!.theme}": ${grown.previousValue} messages in 4 weeks → ${grown.value} in 5 weeks`)
    // The topics are the intents: "no topic clearly grew" is not said beside a theme that did.
    expect(october.answer).not.toMatch(/No topic clearly grew/)
  })

  it('an overview of a week names the theme that grew most, as a comparison does ("What happened in week 44?" named only intents)', async () => {
    const r = await ask('What happened in week 44?')
    expect(r.plan.kind).toBe('why')
    const grown = figure(r, (f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')!
    expect(grown.group!.theme).toBe('Internet down')
    expect(r.answer).toContain(`The theme that grew most is "Internet down": ${grown.previousValue} → ${grown.value} messages`)
    // Not for a part of the messages: the workspace's themes are not WhatsApp's, nor the negative messages'.
    for (const q of ['What happened on WhatsApp in week 44?', 'Why were customers unhappy in week 44?']) {
      expect((await ask(q)).figures.some((f) => f.kind === 'theme_volume'), q).toBe(false)
    }
  })

  it('median first-response time per channel matches a computation over the demo file', async () => {
    const r = await ask('How fast do we reply on each channel?')
    expect(r.plan.kind).toBe('response_time')
    const channels = [...new Set(demo.map((c) => c.channel))]
    for (const channel of channels) {
      const want = Math.round(10 * median(firstResponses(demo.filter((c) => c.channel === channel)))) / 10
      const got = figure(r, (f) => f.kind === 'response_time' && f.group?.channel === channel && f.group?.measure === 'median')
      expect(got?.value, channel).toBe(want)
      expect(got?.exact).toBe(true)
    }
    const overall = figure(r, (f) => f.kind === 'response_time' && !f.group?.channel && f.group?.measure === 'median')
    expect(overall?.value).toBe(Math.round(10 * median(firstResponses(demo))) / 10)
    expect(r.answer).toMatch(/exact/)
  })

  it('"how long on average does it take us to reply" gives the mean first-response time beside the median ("averages" were not computed)', async () => {
    const r = await ask('How long on average does it take us to first reply?')
    expect(r.plan).toMatchObject({ kind: 'response_time', understood: true })
    expect(r.plan.notComputed).toBeUndefined()
    const times = firstResponses(demo)
    const mean = figure(r, (f) => f.kind === 'response_time' && !f.group?.channel && f.group?.measure === 'mean')
    expect(mean?.value).toBe(Math.round((10 * times.reduce((a, b) => a + b, 0)) / times.length) / 10)
    expect(r.answer).toMatch(/^Median first-response time was [\d.]+ h \(mean [\d.]+ h, 90th percentile/)
  })

  it('"average number of messages per conversation" and "customers who wrote more than once" are exact measures of the file, per channel and month', async () => {
    const inRange = (iso: string, range: Range) => iso >= range.from && iso < range.to
    const october = monthRange(2026, 10)
    for (const [question, range, channel] of [
      ['What is the average number of messages per conversation?', { from: '1970-01-01T00:00:00.000Z', to: new Date(NOW).toISOString() }, undefined],
      ['Combien de messages par conversation sur WhatsApp en octobre ?', october, 'whatsapp'],
    ] as const) {
      const convs = demo.filter((c) => (!channel || c.channel === channel) && c.messages.some((m) => m.role === 'customer' && inRange(new Date(m.sentAt).toISOString(), range)))
      const sizes = convs.map((c) => c.messages.filter((m) => inRange(new Date(m.sentAt).toISOString(), range)).length)
      const r = await ask(question)
      expect(r.plan, question).toMatchObject({ kind: 'count', measure: 'messages_per_conversation', understood: true })
      expect(r.plan.previousRange, question).toBeUndefined()
      expect(figure(r, (f) => f.kind === 'count' && f.unit === 'conversations')?.value, question).toBe(convs.length)
      expect(figure(r, (f) => f.group?.measure === 'mean_messages')?.value, question).toBe(Math.round((10 * sizes.reduce((a, b) => a + b, 0)) / sizes.length) / 10)
      expect(figure(r, (f) => f.group?.measure === 'median_messages')?.value, question).toBe(median(sizes))
      expect(r.figures.every((f) => f.exact), question).toBe(true)
      expect(r.citations, question).toEqual([])
    }
    const customersIn = (range: Range) => {
      const conversations = new Map<string, number>()
      for (const c of demo) {
        if (!c.customer?.handle || !c.messages.some((m) => m.role === 'customer' && inRange(new Date(m.sentAt).toISOString(), range))) continue
        const key = `${c.channel} ${c.customer.handle}`
        conversations.set(key, (conversations.get(key) ?? 0) + 1)
      }
      return { customers: conversations.size, repeat: [...conversations.values()].filter((n) => n > 1).length }
    }
    const want = customersIn(october)
    expect(want.repeat).toBeGreaterThan(0)
    const r = await ask('How many customers contacted us more than once in October?')
    expect(r.plan).toMatchObject({ kind: 'count', measure: 'repeat_customers', understood: true })
    expect(figure(r, (f) => f.group?.measure === 'customers')?.value).toBe(want.customers)
    expect(figure(r, (f) => f.group?.measure === 'repeat_customers')?.value).toBe(want.repeat)
    expect(r.answer).toContain(`Of the ${want.customers} customers (1 Oct 2026 – 31 Oct 2026), ${want.repeat} (`)
  })

  it('labels the figures in the question\'s language, and the figures themselves are the same in all six', async () => {
    const asked: Array<[string, string]> = [
      ['en', 'How many negative messages about billing were there in October?'],
      ['fr', 'Combien de messages négatifs sur la facturation y a-t-il eu en octobre ?'],
      ['de', 'Wie viele negative Nachrichten zur Rechnung gab es im Oktober?'],
      ['es', '¿Cuántos mensajes negativos sobre facturación hubo en octubre?'],
      ['pt', 'Quantas mensagens negativas sobre faturação houve em outubro?'],
      ['it', 'Quanti messaggi negativi sulla fatturazione ci sono stati a ottobre?'],
    ]
    const values = (r: AskResult) => r.figures.map((f) => [f.kind, f.unit, f.value, JSON.stringify(f.group ?? {})])
    const english = await ask(asked[0]![1])
    expect(english.language).toBe('en')
    expect(english.figures[0]!.label).toBe('negative customer messages about billing, 1 Oct 2026 – 31 Oct 2026')
    for (const [language, question] of asked.slice(1)) {
      const r = await ask(question)
      expect(r.language, question).toBe(language)
      expect(values(r), question).toEqual(values(english))
      // No English label is left: "customer messages", "conversations with", "share of", "change against"…
      for (const f of r.figures) expect(f.label, question).not.toMatch(/customer messages|conversations with|share of|change against| all time|Oct 2026/)
    }
  })

  it('"answered within 2 hours" is the share of all conversations answered in that time, over all time ("within an hour" was read as today)', async () => {
    const conversations = demo.filter((c) => c.messages.some((m) => m.role === 'customer'))
    for (const [question, minutes, said] of [['What share of conversations were answered within 2 hours?', 120, '2 hours'], ['What percentage of conversations got a reply within an hour?', 60, 'an hour']] as const) {
      const r = await ask(question)
      expect(r.plan, question).toMatchObject({ kind: 'response_time', timeRange: { label: 'all time' } })
      const within = firstResponses(demo).filter((m) => m <= minutes).length
      const got = figure(r, (f) => f.group?.measure === 'answered_within' && !f.group.channel)
      expect(got?.value, question).toBe(Math.round((1000 * within) / conversations.length) / 10)
      expect(r.answer, question).toContain(`% were answered within ${said}.`)
    }
  })

  it('"which channel has the slowest replies" lists channels slowest first, led by the slowest in the file', async () => {
    const medians = [...new Set(demo.map((c) => c.channel))]
      .map((channel) => [channel, median(firstResponses(demo.filter((c) => c.channel === channel)))] as const)
      .sort((a, b) => b[1] - a[1])
    const r = await ask('Which channel has the slowest replies?')
    expect(r.plan.kind).toBe('response_time')
    // The list ends at the sentence's full stop; "15.4 h" has a dot too, but not before a space.
    const list = r.answer.match(/By channel \(median, slowest first\): (.+?)\.(?=\s|$)/)?.[1] ?? ''
    expect(list.split(', ').map((entry) => entry.split(' ')[0])).toEqual(medians.map(([channel]) => channel))
  })

  it('"how fast do we reply on X" restricts to the channel', async () => {
    const r = await ask('How fast do we reply on X?')
    expect(r.plan.filters.channel).toBe('x')
    const got = figure(r, (f) => f.kind === 'response_time' && !f.group?.channel && f.group?.measure === 'median')
    expect(got?.value).toBe(Math.round(10 * median(firstResponses(demo.filter((c) => c.channel === 'x')))) / 10)
  })

  it('counts the conversations still waiting for a reply: the last message is the customer’s', async () => {
    const want = demo.filter((c) => c.messages.at(-1)!.role === 'customer').length
    for (const q of ['How many conversations are still waiting for a reply?', 'Combien de conversations attendent encore une réponse ?', 'Wie viele Gespräche warten noch auf eine Antwort?']) {
      const r = await ask(q)
      expect(r.plan.kind, q).toBe('awaiting')
      expect(figure(r, (f) => f.kind === 'awaiting_reply')?.value, q).toBe(want)
    }
  })

  it('counts those waiting longer than asked, from the customer\'s last message ("waiting more than a day for a reply" compared all time in a theme matched by "waiting")', async () => {
    const now = Date.parse(NOW)
    const waits = demo
      .map((c) => c.messages.filter((m) => Date.parse(m.sentAt) <= now).sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt)).at(-1)!)
      .filter((m) => m.role === 'customer')
      .map((m) => (now - Date.parse(m.sentAt)) / 60_000)
    const cases: Array<[string, number, RegExp]> = [
      ['How many customers have been waiting more than a week for a reply?', 10080, /have waited more than 7 days since the customer's last message/],
      ['Wie viele Kunden warten seit mehr als 2 Tagen auf eine Antwort?', 2880, /warten \d+ seit mehr als 2 Tagen/],
    ]
    for (const [q, minutes, said] of cases) {
      const r = await ask(q)
      expect(r.plan, q).toMatchObject({ kind: 'awaiting', waitingMinutes: minutes })
      const want = waits.filter((w) => w > minutes).length
      expect(want, q).toBeGreaterThan(0)
      expect(want, q).toBeLessThan(waits.length)
      expect(figure(r, (f) => f.group?.measure === 'waiting_longer')?.value, q).toBe(want)
      expect(r.answer, q).toMatch(said)
    }
  })

  it('"which channel has the most unanswered messages" leads with the conversations never answered, per channel as in the file', async () => {
    const never = new Map<string, number>()
    for (const c of demo) if (!c.messages.some((m) => m.role === 'agent')) never.set(c.channel, (never.get(c.channel) ?? 0) + 1)
    const ranked = [...never].sort((a, b) => b[1] - a[1])
    const r = await ask('Which channel has the most unanswered messages?')
    const total = ranked.reduce((n, [, k]) => n + k, 0)
    // The answer starts with them (it led with response times, and named no channel for them).
    expect(r.answer.startsWith(`${total} never got an agent reply (exact; ${ranked[0]![0]} ${ranked[0]![1]}, `)).toBe(true)
    const listed = r.figures.filter((f) => f.group?.measure === 'unanswered' && f.group.channel).map((f) => [f.group!.channel, f.value])
    expect(Object.fromEntries(listed)).toEqual(Object.fromEntries(ranked))
  })

  it('"which channel has the most complaints" names the channel with the most complaint messages in the file', async () => {
    const perChannel = new Map<string, number>()
    for (const c of demo) {
      if (NOT_COMPLAINTS.has(c.metadata.scenario)) continue
      perChannel.set(c.channel, (perChannel.get(c.channel) ?? 0) + c.messages.filter((m) => m.role === 'customer').length)
    }
    const [truth] = [...perChannel].sort((a, b) => b[1] - a[1])
    for (const q of ['Which channel has the most complaints?', 'Quel canal a le plus de réclamations ?', 'Welcher Kanal hat die meisten Beschwerden?']) {
      const r = await ask(q)
      expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'channel', filters: { sentiment: 'negative' } })
      const top = r.figures.filter((f) => f.kind === 'breakdown')[0]
      expect(top?.group?.channel, q).toBe(truth![0])
      expect(top?.estimate?.method).toMatch(/probabilit/)
      // …in the question's language: an estimate is said so in each.
      expect(r.answer, q).toMatch(/estimates from classifier labels|estimations d'après les étiquettes|anhand von Klassifikator-Labels geschätzt/)
    }
  })

  it('"which channel has the highest share of complaints" ranks each channel\'s complaining conversations over its own, holding the file\'s shares', async () => {
    // x has the most complaints as it has the most conversations; the question asks which channel's customers complain most often.
    const perChannel = new Map<string, { all: number; complaints: number }>()
    for (const c of demo) {
      if (!c.messages.some((m) => m.role === 'customer')) continue
      const entry = perChannel.get(c.channel) ?? { all: 0, complaints: 0 }
      entry.all++
      if (!NOT_COMPLAINTS.has(c.metadata.scenario)) entry.complaints++
      perChannel.set(c.channel, entry)
    }
    const r = await ask('Which channel has the highest share of complaints?')
    const rates = r.figures.filter((f) => f.kind === 'breakdown')
    expect(rates.map((f) => f.unit)).toEqual(rates.map(() => 'percent'))
    expect(rates.map((f) => f.value)).toEqual([...rates.map((f) => f.value)].sort((a, b) => b - a))
    for (const [channel, { all, complaints }] of perChannel) {
      const rate = rates.find((f) => f.group?.channel === channel)!
      const base = r.figures.find((f) => f.kind === 'count' && f.group?.channel === channel)!
      expect(base, channel).toMatchObject({ value: all, unit: 'conversations', exact: true })
      const truth = (100 * complaints) / all
      expect(rate.estimate!.low, channel).toBeLessThanOrEqual(truth)
      expect(rate.estimate!.high, channel).toBeGreaterThanOrEqual(truth)
    }
    expect(r.answer).toMatch(/^By channel, the share of conversations with a complaint is highest on \w+ \(all time\): about [\d.]+% \(95% interval/)
  })

  it('"were customers angrier in October than in September?" compares the negative share of each month, as each month\'s share question gives it', async () => {
    const r = await ask('Were customers angrier in October than in September?')
    expect(r.plan).toMatchObject({ kind: 'compare', wantsShare: true, filters: { sentiment: 'negative' } })
    const october = (await ask('What share of customer messages were negative in October?')).figures.find((f) => f.kind === 'share')!
    const september = (await ask('What share of customer messages were negative in September?')).figures.find((f) => f.kind === 'share')!
    const now = r.figures.find((f) => f.kind === 'share' && !f.group)!
    const before = r.figures.find((f) => f.kind === 'share' && f.group?.period === 'previous')!
    expect([now.value, now.estimate]).toEqual([october.value, october.estimate])
    expect([before.value, before.estimate]).toEqual([september.value, september.estimate])
    expect(r.answer.startsWith(`The negative share of customer messages went from about ${before.value}% (95% interval ${before.estimate!.low}–${before.estimate!.high}%) in 1 Sept 2026`)).toBe(true)
  })

  it('"which day had the most messages in October?" ranks October\'s days by their customer messages, as in the file', async () => {
    const perDay = new Map<string, number>()
    for (const c of demo) for (const m of c.messages) if (m.role === 'customer' && m.sentAt.startsWith('2026-10')) perDay.set(new Date(m.sentAt).toISOString().slice(0, 10), (perDay.get(new Date(m.sentAt).toISOString().slice(0, 10)) ?? 0) + 1)
    const ranked = [...perDay].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    const r = await ask('Which day had the most messages in October?')
    const rows = r.figures.filter((f) => f.kind === 'breakdown')
    expect(rows.map((f) => [f.group?.day, f.value])).toEqual(ranked.slice(0, rows.length))
    expect(rows.every((f) => f.exact)).toBe(true)
    const [day] = ranked[0]!
    const said = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    expect(r.answer.startsWith(`By day, ${said} has the most customer messages`)).toBe(true)
  })

  it('"which topic is the most negative?" ranks each subject\'s own negative share, the ratio of the counts the count questions give', async () => {
    const r = await ask('Which topic is the most negative?')
    expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'intent', wantsShare: true, filters: { sentiment: 'negative' } })
    const rates = r.figures.filter((f) => f.kind === 'breakdown')
    expect(rates.length).toBeGreaterThan(3)
    expect(rates.map((f) => f.value)).toEqual([...rates.map((f) => f.value)].sort((a, b) => b - a))
    // No kind of message (praise, a question) is ranked as a subject, nor one that may have fewer than 10 messages.
    expect(rates.map((f) => f.group?.intent)).not.toContain('praise')
    expect(r.figures.filter((f) => f.kind === 'count' && f.group?.intent).every((f) => f.estimate!.low >= 10)).toBe(true)
    for (const rate of rates.slice(0, 3)) {
      const intent = rate.group!.intent!
      const topic = intent.replace(/_/g, ' ')
      const all = figure(await ask(`How many messages about ${topic}?`), (f) => f.kind === 'count' && f.unit === 'messages')!
      const negative = figure(await ask(`How many negative messages about ${topic}?`), (f) => f.kind === 'count' && f.unit === 'messages')!
      expect(r.figures.find((f) => f.kind === 'count' && f.group?.intent === intent)?.value, intent).toBe(all.value)
      expect(rate.value, intent).toBe(Math.round((1000 * negative.value) / all.value) / 10)
      expect(rate.estimate!.low, intent).toBeLessThanOrEqual(rate.value)
      expect(rate.estimate!.high, intent).toBeGreaterThanOrEqual(rate.value)
    }
    expect(r.answer).toMatch(/^By intent, the share of customer messages that are negative is highest for /)
  })

  it('"which weekday is busiest?" ranks the days of the week by their messages per day, as in the file', async () => {
    // The file's customer messages up to now, per ISO weekday (1 is Monday), and how many of each weekday they span.
    const sent = demo.flatMap((c) => c.messages).filter((m) => m.role === 'customer' && Date.parse(m.sentAt) <= Date.parse(NOW)).map((m) => new Date(m.sentAt))
    const weekday = (d: Date) => String(((d.getUTCDay() + 6) % 7) + 1)
    const counts = new Map<string, number>()
    for (const d of sent) counts.set(weekday(d), (counts.get(weekday(d)) ?? 0) + 1)
    const days = new Map<string, number>()
    const first = Math.floor(Math.min(...sent.map(Number)) / 86_400_000)
    const last = Math.floor(Math.max(...sent.map(Number)) / 86_400_000)
    for (let day = first; day <= last; day++) days.set(weekday(new Date(day * 86_400_000)), (days.get(weekday(new Date(day * 86_400_000))) ?? 0) + 1)
    const ranked = [...counts].sort((a, b) => b[1] / days.get(b[0])! - a[1] / days.get(a[0])! || a[0].localeCompare(b[0]))
    const r = await ask('Which weekday gets the most messages?')
    expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'weekday' })
    const rows = r.figures.filter((f) => f.kind === 'breakdown')
    expect(rows.map((f) => [f.group?.weekday, f.value, Number(f.group?.days)])).toEqual(ranked.map(([k, n]) => [k, n, days.get(k)]))
    expect(rows.every((f) => f.exact)).toBe(true)
    // Every message is behind a weekday's count: none is quoted as if it explained it.
    expect(r.citations).toEqual([])
    const name = new Date(Date.UTC(2026, 10, 1 + Number(ranked[0]![0]))).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })
    expect(r.answer.startsWith(`By weekday (UTC), ${name} has the most customer messages (all time): ${ranked[0]![1]} on ${days.get(ranked[0]![0])} ${name}s`)).toBe(true)
    // The hours of the day, the same way: every hour is a row, and the negative ones are estimated.
    const hours = await ask('What time of day do we get the most complaints?')
    const byHour = hours.figures.filter((f) => f.kind === 'breakdown')
    expect(byHour.length).toBe(24)
    expect(byHour.filter((f) => f.value > 0).every((f) => f.estimate && f.group?.hour && Number(f.group.days) >= 1)).toBe(true)
  })

  it('reads ISO weeks, and label-dependent counts come with an interval', async () => {
    const r = await ask('How many messages about billing in week 44?')
    expect(r.plan.timeRange).toMatchObject({ from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' })
    expect(r.plan.filters.intent).toBe('billing')
    const count = figure(r, (f) => f.kind === 'count' && f.unit === 'messages')!
    expect(count.estimate).toBeDefined()
    expect(count.estimate!.low).toBeLessThanOrEqual(count.value)
    expect(count.estimate!.high).toBeGreaterThanOrEqual(count.value)
    const channelOnly = await ask('How many messages on X in W44?')
    expect(figure(channelOnly, (f) => f.kind === 'count' && f.unit === 'messages')?.exact).toBe(true)
  })

  it('"week by week over the last 8 weeks" shows every week with data, a week without the subject as 0 (app crashes began in W41)', async () => {
    const r = await ask('How did app crash complaints change week by week over the last 8 weeks?')
    const weeks = r.figures.filter((f) => f.kind === 'series' && f.unit === 'messages')
    // The 8 weeks up to 10 Nov 2026 are W38-W45, and the demo has customer messages in each.
    expect(weeks.map((f) => f.label.slice(-8))).toEqual(['2026-W38', '2026-W39', '2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45'])
    const crashesBefore = demo.filter((c) => c.metadata.scenario === 'app_52_crash').flatMap((c) => c.messages).filter((m) => m.role === 'customer' && m.sentAt < '2026-10-05')
    expect(crashesBefore).toEqual([])
    // Each week's count of labels is estimated as the period's is: about 1 from the labels' doubt, its interval holding the 0.
    for (const f of weeks.slice(0, 3)) expect([f.value <= 1, f.estimate?.low], f.label).toEqual([true, 0])
    // The range starts on a Tuesday: W38 is only partly in it, and the trend is read from the first whole week.
    expect(weeks[0]!.group?.partial).toBe('true')
    expect(weeks[0]!.from).toBe(r.plan.timeRange.from)
    expect(r.answer).toMatch(/from (?:about )?[01] in 2026-W39/)
    expect(r.answer).toMatch(/2026-W38 (?:and \S+ )?(?:is|are) only partly in the range/)
    // Each week's negative share is estimated, with an interval, as the period's counts are.
    const shares = r.figures.filter((f) => f.kind === 'series' && f.group?.measure === 'negative_share')
    expect(shares.length).toBeGreaterThan(0)
    for (const f of shares) expect(f.estimate && f.estimate.low <= f.value && f.value <= f.estimate.high, f.label).toBe(true)
  })

  it('gives the sentiment mix as estimated shares of the three classes ("54.7% negative" was a top-label count, "17% uncertain" a fourth class)', async () => {
    const r = await ask('How many messages about delivery in September?')
    const mix = r.figures.filter((f) => f.kind === 'sentiment_mix')
    expect(mix.map((f) => f.group?.sentiment).sort()).toEqual(['negative', 'neutral', 'positive'])
    for (const f of mix) {
      expect(f.exact, f.label).toBeUndefined()
      expect(f.estimate!.low, f.label).toBeLessThanOrEqual(f.value)
      expect(f.estimate!.high, f.label).toBeGreaterThanOrEqual(f.value)
    }
    // Shares of one whole: they add up to it, whatever the classifier left undecided.
    expect(Math.abs(mix.reduce((sum, f) => sum + f.value, 0) - 100)).toBeLessThanOrEqual(2)
  })

  it('"what share of customers complained in October": the share of October\'s conversations, holding the truth ("percentage of customers" was the messages\' share)', async () => {
    const october = demo.filter((c) => c.messages.some((m) => m.role === 'customer' && m.sentAt.startsWith('2026-10')))
    const truth = (100 * october.filter((c) => !NOT_COMPLAINTS.has(c.metadata.scenario)).length) / october.length
    const r = await ask('What share of customers complained in October?')
    const share = figure(r, (f) => f.kind === 'share' && f.group?.measure === 'conversations')!
    expect(share.label).toContain(`the ${october.length} conversations`)
    expect(share.estimate!.low, JSON.stringify(share)).toBeLessThanOrEqual(truth)
    expect(share.estimate!.high, JSON.stringify(share)).toBeGreaterThanOrEqual(truth)
    expect(r.answer).toMatch(new RegExp(`That is about [0-9.]+% \\(95% interval [0-9.–]+%\\) of the ${october.length} conversations with customer messages`))
    // Asked of messages, the share stays the messages'.
    const messages = await ask('What share of customer messages were negative in October?')
    expect(figure(messages, (f) => f.kind === 'share' && f.group?.measure === 'conversations')).toBeUndefined()
  })

  it('compares with no period before the first stored message of its own accord, and says so of one asked for', async () => {
    const first = demo.flatMap((c) => c.messages.filter((m) => m.role === 'customer').map((m) => m.sentAt)).sort()[0]!
    // The demo begins on 31 August: September's count was "up from 3 in the previous period (1 Aug – 31 Aug)".
    const september = await ask('How many billing messages were there in September?')
    expect(september.plan.previousRange).toBeUndefined()
    expect(september.figures.filter((f) => f.kind === 'previous_count' || f.kind === 'change')).toEqual([])
    expect(september.answer).not.toMatch(/previous period/)
    const asked = await ask('Did billing complaints go up in September compared to August?')
    expect(asked.plan.previousRange?.from.slice(0, 10)).toBe('2026-08-01')
    expect(asked.dataStartsAt).toBe(first.replace(/Z$/, '.000Z'))
    expect(asked.answer).toMatch(/^This workspace's data starts on 31 Aug 2026, so 1 Aug 2026 – 31 Aug 2026 is only partly covered/)
    // Its counts are shown, a change in percent is not (it was "3100%").
    expect(asked.figures.some((f) => f.kind === 'previous_count')).toBe(true)
    expect(asked.figures.filter((f) => f.kind === 'change')).toEqual([])
    // A previous period within the data is compared as before.
    const october = await ask('How many billing messages were there in October?')
    expect(october.plan.previousRange?.from.slice(0, 10)).toBe('2026-09-01')
    expect(october.dataStartsAt).toBeUndefined()
  })

  it('a relative range past the end of the data says where the data ends and offers a range', async () => {
    const r = await ask('How many complaints last week?', '2026-12-15T09:00:00Z')
    expect(r.dataEndsAt?.slice(0, 10)).toBe(demo.flatMap((c) => c.messages.filter((m) => m.role === 'customer').map((m) => m.sentAt)).sort().at(-1)!.slice(0, 10))
    expect(r.suggestedRange).toBeDefined()
    expect(Date.parse(r.suggestedRange!.to)).toBeGreaterThan(Date.parse(r.dataEndsAt!))
    expect(r.answer).toMatch(/data ends on/)
  })

  it('a question it cannot map says so and shows what it understood', async () => {
    const r = await ask('blorp zzz quux?')
    expect(r.plan.understood).toBe(false)
    expect(r.answer).toMatch(/could not map this question/)
  })

  it('the French question ranks what French-speaking customers complain about', async () => {
    const r = await ask('De quoi les clients francophones se plaignent-ils le plus ?')
    expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'intent', filters: { language: 'fr', sentiment: 'negative' } })
    expect(r.figures.filter((f) => f.kind === 'breakdown').length).toBeGreaterThan(0)
    const en = await ask('What do French-speaking customers complain about most?')
    expect(en.plan).toMatchObject({ kind: 'rank', groupBy: 'intent', filters: { language: 'fr', sentiment: 'negative' } })
  })

  it('why did volume spike: the theme that grew most in the outage week is the outage', async () => {
    await t.services.themes.ensureWeek(ws.id, '2026-W44')
    const r = await ask('Why did volume spike last week?', '2026-11-03T09:00:00Z')
    expect(r.plan.kind).toBe('compare')
    expect(r.plan.timeRange.from).toBe('2026-10-26T00:00:00.000Z')
    const grown = r.figures.find((f) => f.kind === 'theme_volume' && f.group?.measure === 'growth')
    expect(grown).toBeDefined()
    // Ground truth: the theme's quoted conversations in the W44 report are mostly the outage scenario.
    const report = (await t.app.inject({ method: 'GET', url: '/v1/themes?week=2026-W44', headers: ws.auth('analyst') })).json() as { themes: Array<{ label: string; quotes: Array<{ conversationId: string }> }> }
    const theme = report.themes.find((x) => x.label === grown!.group!.theme)!
    const { rows } = await t.services.db.query<{ id: string; scenario: string }>(`SELECT id, metadata->>'scenario' AS scenario FROM conversations WHERE workspace_id = $1`, [ws.id])
    const scenarioOf = new Map(rows.map((x) => [x.id, x.scenario]))
    const outage = theme.quotes.filter((q) => scenarioOf.get(q.conversationId) === 'regional_outage').length
    expect(outage * 2).toBeGreaterThan(theme.quotes.length)
    expect(r.answer).toContain(`"${grown!.group!.theme}"`)
  }, 300_000)

  // Issue #12's figures, each against the truth computed from the file's scenario labels: the estimate's
  // interval holds the truth and the value is within 30% of it ("customers" counts conversations).
  const september = monthRange(2026, 9)
  const october = monthRange(2026, 10)
  const outageDays: Range = { from: '2026-10-27T00:00:00.000Z', to: '2026-10-30T00:00:00.000Z' }
  const truthOf = (topic: string, range: Range, unit: 'messages' | 'conversations') => topicCount(customerMessages(demo as unknown as ConversationRow[]), TOPICS[topic]!, range)[unit]
  /** Customer messages of other scenarios in the range whose words ask for the topic ("Can I just cancel?"). */
  const askedOutside = (topic: string, range: Range, words: RegExp) =>
    demo.flatMap((c) => (TOPICS[topic]!.scenarios.includes(c.metadata.scenario) ? [] : c.messages))
      .filter((m) => m.role === 'customer' && words.test(m.text) && new Date(m.sentAt).toISOString() >= range.from && new Date(m.sentAt).toISOString() < range.to).length
  const figures: Array<{ question: string; topic: string; range: Range; unit: 'messages' | 'conversations'; knownOff?: string; askedInWords?: RegExp }> = [
    { question: 'How many customers complained about billing in September?', topic: 'billing', range: september, unit: 'conversations' },
    { question: 'How many customers complained about delivery in September?', topic: 'delivery', range: september, unit: 'conversations' },
    { question: 'How many customers complained about wifi dropouts in October?', topic: 'wifi', range: october, unit: 'conversations' },
    { question: 'How many customers complained about the app crashing in October?', topic: 'app', range: october, unit: 'conversations' },
    { question: 'How many customers complained about cancellations in October?', topic: 'cancellation', range: october, unit: 'conversations' },
    { question: 'How many messages about delivery in September?', topic: 'delivery', range: september, unit: 'messages' },
    // "The outage" is one event within connectivity: the wifi dropouts of the same days are not it.
    { question: 'How many messages about the outage from 27 to 29 October?', topic: 'outage', range: outageDays, unit: 'messages' },
    { question: 'How many customers complained about the outage from 27 to 29 October?', topic: 'outage', range: outageDays, unit: 'conversations' },
    { question: 'Combien de messages sur la panne du 27 au 29 octobre ?', topic: 'outage', range: outageDays, unit: 'messages' },
    { question: 'Wie viele Nachrichten zur Störung vom 27. bis 29. Oktober?', topic: 'outage', range: outageDays, unit: 'messages' },
    { question: 'Wie viele Nachrichten zur Lieferung im September?', topic: 'delivery', range: september, unit: 'messages' },
    // Twelve "BW-…. Can I just cancel?" in back-order cases ask, in so many words, to cancel: the
    // scenario labels count them as delivery (33 messages), their words as cancellation (45).
    { question: 'How many messages about cancellations in September?', topic: 'cancellation', range: september, unit: 'messages', askedInWords: /\bcancel\b/i },
    {
      question: 'How many messages about the app crashing in September?', topic: 'app', range: september, unit: 'messages',
      knownOff: 'reads 7–8 of 0: the intent model itself gives app feature requests ("let me pause wifi from the app") and some outages about 0.3 bug_outage, and no estimate with doubt reads 0',
    },
  ]
  for (const { question, topic, range, unit, knownOff, askedInWords } of figures) {
    const also = askedInWords ? `, counting the messages of other scenarios that ask for it in so many words (${askedInWords})` : ''
    it(`${question} holds the demo truth${also} in its interval${knownOff ? ` (point estimate still off: ${knownOff})` : ' and is within 30% of it'}`, async () => {
      const truth = truthOf(topic, range, unit) + (askedInWords && unit === 'messages' ? askedOutside(topic, range, askedInWords) : 0)
      const r = await ask(question)
      const got = figure(r, (f) => f.kind === 'count' && !f.group && f.unit === unit)!
      expect(got.estimate, question).toBeDefined()
      expect(got.estimate!.low, question).toBeLessThanOrEqual(truth)
      expect(got.estimate!.high, question).toBeGreaterThanOrEqual(truth)
      if (!knownOff) expect(Math.abs(got.value - truth), `${question}: ${got.value} against ${truth}`).toBeLessThanOrEqual(0.3 * truth)
      // The answer says the figure asked for: customers, not only their messages.
      if (unit === 'conversations') expect(r.answer).toContain(`About ${got.value} customers complained`)
    })
  }

  it('"what share of billing messages were about duplicate payments": the share of billing, not billing\'s share of the theme', async () => {
    const r = await ask('What share of billing messages in September were about duplicate payments?')
    expect(r.plan.filters).toMatchObject({ intent: 'billing', theme: 'duplicate' })
    expect(r.plan.themeMatched).toBeDefined()
    const billing = figure(await ask('How many messages about billing in September?'), (f) => f.kind === 'count' && !f.group && f.unit === 'messages')!
    const base = figure(r, (f) => f.kind === 'count' && f.label.startsWith('all '))!
    expect(base.value).toBe(billing.value)
    const part = figure(r, (f) => f.kind === 'count' && !f.group && f.unit === 'messages')!
    expect(part.value).toBeLessThanOrEqual(base.value)
    expect(figure(r, (f) => f.kind === 'share')!.value).toBeCloseTo((100 * part.value) / base.value, 0)
    expect(r.answer).toContain(`of the about ${base.value} customer messages about billing`)
  })

  it('"what percentage of delivery messages were about the voice remote": the theme within delivery, its share of delivery holding the truth', async () => {
    const r = await ask('What percentage of delivery messages in September were about the voice remote?')
    expect(r.plan.filters).toMatchObject({ intent: 'delivery', theme: 'voice remote' })
    const truth = (100 * truthOf('remote', september, 'messages')) / truthOf('delivery', september, 'messages')
    const share = figure(r, (f) => f.kind === 'share')!
    expect(share.estimate!.low).toBeLessThanOrEqual(truth)
    expect(share.estimate!.high).toBeGreaterThanOrEqual(truth)
    // A theme about something else does not narrow an intent ("billing and the router"), and a count keeps
    // the whole intent; the answer says the words were not counted apart.
    for (const q of ['What share of messages about billing and the router were negative in October?', 'How many customers were charged twice in September?']) {
      const whole = await ask(q)
      expect(whole.plan.filters.theme, q).toBeUndefined()
      expect(whole.answer, q).toMatch(/^"[^"]+" is not counted apart: the figures are for every billing message\./)
    }
  })

  /** A figure whose interval holds the truth and whose value is within 30% of it. */
  const expectNear = (got: AskFigure | undefined, truth: number, what: string) => {
    expect(got?.estimate, what).toBeDefined()
    expect(got!.estimate!.low, `${what}: ${JSON.stringify(got!.estimate)} against ${truth}`).toBeLessThanOrEqual(truth)
    expect(got!.estimate!.high, `${what}: ${JSON.stringify(got!.estimate)} against ${truth}`).toBeGreaterThanOrEqual(truth)
    expect(Math.abs(got!.value - truth), `${what}: ${got!.value} against ${truth}`).toBeLessThanOrEqual(0.3 * truth)
  }

  it('"did delivery complaints go up in October": both months\' customers who complained near the truth, and it says down', async () => {
    const [now, before] = [truthOf('delivery', october, 'conversations'), truthOf('delivery', september, 'conversations')]
    expect(now).toBeLessThan(before)
    for (const q of ['Did delivery complaints go up in October?', 'Did delivery complaints go up in October compared with September?']) {
      const r = await ask(q)
      expect(r.plan, q).toMatchObject({ kind: 'compare', timeRange: { from: october.from, to: october.to }, previousRange: { from: september.from, to: september.to }, filters: { intent: 'delivery', sentiment: 'negative' } })
      expectNear(figure(r, (f) => f.kind === 'count' && f.unit === 'conversations'), now, `${q} (October)`)
      expectNear(figure(r, (f) => f.kind === 'previous_count' && f.unit === 'conversations'), before, `${q} (September)`)
      expect(r.answer, q).toMatch(/customers complained in 1 Oct[^.]*against about \d+ in 1 Sept[^:]*: down/)
      expect(r.answer, q).not.toMatch(/unchanged/)
      // The change in messages carries the interval the two counts' intervals allow, and it holds the file's change.
      const change = figure(r, (f) => f.kind === 'change' && !f.group)!
      const [messagesNow, messagesBefore] = [truthOf('delivery', october, 'messages'), truthOf('delivery', september, 'messages')]
      const truthChange = (100 * (messagesNow - messagesBefore)) / messagesBefore
      expect(change.exact, q).toBeUndefined()
      expect(change.estimate!.low, q).toBeLessThanOrEqual(truthChange)
      expect(change.estimate!.high, q).toBeGreaterThanOrEqual(truthChange)
      // The workspace's growing themes do not answer a question about delivery.
      expect(r.figures.some((f) => f.kind === 'theme_volume'), q).toBe(false)
    }
  })

  it('"what do French-speaking customers complain about most": connectivity (wifi), its customers who complained near the truth', async () => {
    const messages = customerMessages(demo as unknown as ConversationRow[])
    const top = topComplaintOf(messages, 'fr')!
    expect(TOPICS.wifi!.scenarios).toContain(top)
    const truth = new Set(messages.filter((m) => m.language === 'fr' && m.scenario === top).map((m) => m.conversation)).size
    for (const q of ['What do French-speaking customers complain about most?', 'De quoi les clients francophones se plaignent-ils le plus ?']) {
      const r = await ask(q)
      const [first] = r.figures.filter((f) => f.kind === 'breakdown' && f.group?.intent !== 'other')
      expect(TOPICS.wifi!.intents, q).toContain(first?.group?.intent)
      expect(first?.unit, q).toBe('conversations')
      expectNear(first, truth, q)
      expect(r.answer, q).toMatch(/^By intent, connectivity has the most complaints|^Par intention, « connexion internet » compte le plus de plaintes/)
    }
  })

  // The weekly themes named "Voice remote" of W38 and W40 still hold a few Brightbox delivery-delay
  // messages (product-split.ts takes them out in W36, W37 and W39), and a theme half of whose members
  // mention the remote matches too: the count is a little high (126 messages against 102, 62 customers
  // against 50; 136–139 and 72–75 before the split and placement by the conversation's intent).
  it('"the voice remote in September" filters by the voice remote theme, and its count is within 30% of the back-order customers in the file, its interval holding them', async () => {
    for (const [q, unit] of [['How many messages about the voice remote in September?', 'messages'], ['How many customers asked about the voice remote in September?', 'conversations']] as const) {
      const r = await ask(q)
      expect(r.plan.filters.theme, q).toBe('voice remote')
      expect(r.plan.themeMatched, q).toMatch(TOPICS.remote!.themePattern)
      const truth = truthOf('remote', september, unit)
      const got = figure(r, (f) => f.kind === 'count' && !f.group && f.unit === unit)!
      expect(Math.abs(got.value - truth), `${q}: ${got.value} against ${truth}`).toBeLessThanOrEqual(0.3 * truth)
      expect(got.exact, q).toBeUndefined()
      expect(got.estimate?.method, q).toMatch(/^theme members counted/)
      expect(got.estimate!.low, q).toBeLessThanOrEqual(truth)
      expect(got.estimate!.high, q).toBeGreaterThanOrEqual(truth)
      // Not the empty claim "anything from 0 to all": the low bound keeps most of the truth.
      expect(got.estimate!.low, q).toBeGreaterThan(truth / 2)
      expect(r.answer, q).toContain(`between ${got.estimate!.low} and ${got.estimate!.high}`)
      // August, before the demo's first day, is no previous period to compare with.
      expect(r.figures.filter((f) => f.kind === 'previous_count'), q).toEqual([])
    }
    // October's previous period (September) is bounded the same way, and holds its truth too.
    const r = await ask('How many messages about the voice remote in October?')
    const before = figure(r, (f) => f.kind === 'previous_count' && f.unit === 'messages')!
    const truthBefore = truthOf('remote', september, 'messages')
    expect(before.estimate?.method).toMatch(/^theme members counted/)
    expect(before.estimate!.low).toBeLessThanOrEqual(truthBefore)
    expect(before.estimate!.high).toBeGreaterThanOrEqual(truthBefore)
  })

  it('"which theme has the most complaints in October" names the subject with the most complaint messages, counting customers who complained', async () => {
    const truth = TOPICS[topComplaintTopicIn(customerMessages(demo as unknown as ConversationRow[]), october)!]!
    for (const q of ['Which theme has the most complaints in October?', 'Quel thème a le plus de réclamations en octobre ?']) {
      const r = await ask(q)
      expect(r.plan).toMatchObject({ kind: 'rank', groupBy: 'theme', filters: { sentiment: 'negative' } })
      const [top] = r.figures.filter((f) => f.kind === 'breakdown').sort((a, b) => b.value - a.value)
      expect(top?.group?.theme, q).toMatch(truth.themePattern)
      expect(top?.unit).toBe('conversations')
      expect(top?.estimate?.method).toMatch(/neutral one reporting a problem/)
      expect(r.answer, q).toMatch(/customers who complained|clients qui se sont plaints/)
    }
  }, 300_000)

  it('citations carry no personal data', async () => {
    const r = await ask('Show examples of billing complaints')
    expect(r.citations.length).toBeGreaterThan(0)
    for (const c of r.citations) expect(c.text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
  })

  it('citations keep the brand\'s own handle ("@Brightwave Moin!" was quoted "[HANDLE_1] Moin!")', async () => {
    // On X, where customers address the brand by its handle: which messages an open question cites moves with the labels.
    const r = await ask('What are customers on X most upset about this month?', '2026-11-20T12:00:00Z')
    const texts = r.citations.map((c) => c.text)
    expect(texts.some((c) => /^@Brightwave(?:Help)?\b/.test(c)), texts.join(' | ')).toBe(true)
    expect(texts.filter((c) => c.includes('[HANDLE_'))).toEqual([])
  })
})
