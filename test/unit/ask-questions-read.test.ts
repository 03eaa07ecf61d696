// The local planner reads questions as people ask them: rankings, ISO weeks, care-team questions,
// comparisons and the same in French, German, Spanish, Portuguese and Italian; what it cannot map it says.
import { describe, expect, it } from 'vitest'
import { median, percentile } from '../../src/chains/ask/care.ts'
import { estimateFromRow } from '../../src/chains/ask/estimates.ts'
import { explainedWords, partOfIntentWords, planLocally } from '../../src/chains/ask/planner-local.ts'
import { withinData } from '../../src/chains/ask/index.ts'
import { describeMentions } from '../../src/chains/ask/subject-words.ts'
import { eventWeeks, matchSnapshots, themeQuery, unusedTopicWords } from '../../src/chains/ask/theme-filter.ts'
import { isoWeekRange } from '../../src/chains/ask/time.ts'
import type { AskVocabulary } from '../../src/chains/ask/types.ts'

const NOW = new Date('2026-11-10T12:00:00Z')
const vocabulary: AskVocabulary = {
  intents: ['billing', 'delivery', 'bug_outage', 'account_login', 'cancellation', 'praise', 'question', 'other'].map((name) => ({ name, description: name })),
  channels: ['x', 'email', 'chat', 'instagram', 'facebook', 'whatsapp'],
  themes: ['Wifi dropouts'],
  segments: {},
}
const plan = (q: string, now = NOW) => planLocally(q, now, vocabulary)
const W44 = { from: '2026-10-26T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }

describe('rankings', () => {
  it.each([
    ['Which channel has the most complaints?', 'channel'],
    ['Quel canal a le plus de réclamations ?', 'channel'],
    ['Welcher Kanal hat die meisten Beschwerden?', 'channel'],
    ['¿Qué canal tiene más quejas?', 'channel'],
    ['Qual canal tem mais reclamações?', 'channel'],
    ['What do French-speaking customers complain about most?', 'intent'],
    ['De quoi les clients se plaignent-ils le plus ?', 'intent'],
    ['Which language has the most complaints?', 'language'],
  ])('%s → rank by %s of complaints', (q, groupBy) => {
    expect(plan(q)).toMatchObject({ kind: 'rank', groupBy, filters: { sentiment: 'negative' }, understood: true })
  })

  it('reads "top 3" as a limit', () => {
    expect(plan('top 3 intents last month')).toMatchObject({ kind: 'rank', groupBy: 'intent', top: 3, timeRange: { from: '2026-10-01T00:00:00.000Z' } })
  })

  it.each([
    ['Quels sont les trois sujets les plus fréquents ce mois-ci ?', 3],
    ['What are the three most common complaints?', 3],
    ['Welche drei Themen waren am häufigsten?', 3],
    ['Which 2 channels had the most complaints?', 2],
    ['top five intents', 5],
  ])('reads the number a ranking asks for in words: %s (the French question listed five)', (q, top) => {
    expect(plan(q)).toMatchObject({ kind: 'rank', top })
  })

  it('does not read a period\'s number as a limit', () => {
    expect(plan('In the last three weeks what was the most common topic?').top).toBeUndefined()
  })

  it('a comparison is not a ranking', () => {
    expect(plan('Which complaint reason grew most last week?').kind).toBe('compare')
  })
})

describe('ISO weeks and dates in other languages', () => {
  it.each(['How many billing complaints in week 44?', 'billing in W44', 'Combien de plaintes sur la facturation semaine 44 ?', 'Wie viele Beschwerden in KW 44?', '¿Cuántas quejas en la semana 44?'])('%s → 2026-W44', (q) => {
    expect(plan(q).timeRange).toMatchObject(W44)
  })

  it('a week after now is last year’s', () => {
    expect(isoWeekRange('week 50', NOW)?.range.from).toBe('2025-12-08T00:00:00.000Z')
    expect(isoWeekRange('week 2 2026', NOW)?.range.from).toBe('2026-01-05T00:00:00.000Z')
  })

  it.each([
    ['Combien de plaintes en octobre ?', '2026-10-01T00:00:00.000Z'],
    ['Wie viele Beschwerden im Oktober?', '2026-10-01T00:00:00.000Z'],
    ['¿Cuántas quejas en octubre?', '2026-10-01T00:00:00.000Z'],
    ['Quantas reclamações em outubro?', '2026-10-01T00:00:00.000Z'],
    ['Combien de plaintes la semaine dernière ?', '2026-11-02T00:00:00.000Z'],
    ['Wie viele Beschwerden letzte Woche?', '2026-11-02T00:00:00.000Z'],
  ])('%s starts %s, counts complaints, keeps no question words as topic', (q, from) => {
    const p = plan(q)
    expect(p).toMatchObject({ kind: 'count', filters: { sentiment: 'negative' } })
    expect(p.timeRange.from).toBe(from)
    expect(p.filters.mentions).toBeUndefined()
  })

  it('French intent words name the intent', () => {
    expect(plan('Combien de plaintes sur la facturation en octobre ?').filters.intent).toBe('billing')
  })
})

describe('care-team questions', () => {
  it.each([
    ['How many conversations are still waiting for a reply?', 'awaiting'],
    ['Combien de conversations attendent encore une réponse ?', 'awaiting'],
    ['Wie viele Kunden warten noch auf eine Antwort?', 'awaiting'],
    ['¿Cuántas conversaciones siguen esperando una respuesta?', 'awaiting'],
    ['How fast do we reply on X?', 'response_time'],
    ['What share got an answer within an hour last week?', 'response_time'],
    ['How many complaints went unanswered?', 'response_time'],
    ['Quel est notre temps de réponse ?', 'response_time'],
    ['Wie schnell antworten wir?', 'response_time'],
    ['¿Cuál es el tiempo de respuesta en email?', 'response_time'],
    ['Which channel has the slowest replies?', 'response_time'],
    ['Where do we reply the fastest?', 'response_time'],
  ])('%s → %s', (q, kind) => {
    const p = plan(q)
    expect(p.kind).toBe(kind)
    expect(p.previousRange).toBeUndefined()
  })

  it('reads the time a reply was asked within as a threshold, not a period ("within an hour" was today, "within 2 days" a day ahead)', () => {
    expect(plan('What percentage of conversations got a reply within an hour?')).toMatchObject({ kind: 'response_time', withinMinutes: 60, timeRange: { label: 'all time' } })
    expect(plan('How many conversations were answered within 2 hours last week?')).toMatchObject({ kind: 'response_time', withinMinutes: 120, timeRange: { label: expect.stringMatching(/^last week/) } })
    expect(plan('Do we answer WhatsApp within 15 mins?')).toMatchObject({ kind: 'response_time', withinMinutes: 15, filters: { channel: 'whatsapp' } })
    expect(plan('How many parcels arrived within 2 days?').timeRange.label).toBe('all time')
    // "Within the last…" is a period.
    const recent = plan('How many complaints within the last 2 days?')
    expect(recent.timeRange.label).toBe('past 2 days')
    expect(recent.filters.mentions).toBeUndefined()
  })

  it('complaints about slow replies are a topic, not a measured response time', () => {
    expect(plan('How many customers complained about slow replies?').kind).not.toBe('response_time')
  })
})

describe('comparisons, spikes and what cannot be mapped', () => {
  it('"did X go up in October" compares October with September', () => {
    expect(plan('Did delivery complaints go up in October?')).toMatchObject({
      kind: 'compare', filters: { intent: 'delivery', sentiment: 'negative' },
      timeRange: { from: '2026-10-01T00:00:00.000Z' }, previousRange: { from: '2026-09-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' },
    })
  })

  it.each([
    '¿Cuál fue el tema que más creció en octubre?',
    'Qual tema mais cresceu em outubro?',
    'Welches Thema ist im Oktober am stärksten gewachsen?',
    'Quale tema è cresciuto di più a ottobre?',
  ])('"%s" asks which grew most, not which has the most', (q) => {
    // Read as a ranking by volume, the Spanish one was answered with the theme that had the most messages.
    expect(plan(q)).toMatchObject({ kind: 'compare', timeRange: { from: '2026-10-01T00:00:00.000Z' }, previousRange: { from: '2026-09-01T00:00:00.000Z' } })
    expect(plan(q).filters.mentions).toBeUndefined()
  })

  it('asked whether something grows with no period, reads the weeks\' trend; asked which grew, the last week against the one before', () => {
    // "Are billing complaints growing?" counted all time and said nothing of growth.
    expect(plan('Are billing complaints growing?')).toMatchObject({ kind: 'trend', filters: { intent: 'billing', sentiment: 'negative' } })
    expect(plan('Are billing complaints growing?').periodAssumed).toBeUndefined()
    // "Which themes grew?" counted every message of all time, with the topic "themes".
    for (const q of ['Which themes grew?', 'Welche Themen sind gewachsen?']) {
      const p = plan(q)
      expect(p).toMatchObject({ kind: 'compare', periodAssumed: true, timeRange: { from: '2026-11-02T00:00:00.000Z' }, previousRange: { from: '2026-10-26T00:00:00.000Z' } })
      expect(p.topic).toBeUndefined()
    }
    // A period named is the period compared.
    expect(plan('Which themes grew in October?').periodAssumed).toBeUndefined()
  })

  it('"which themes grew?" with data ending before last week compares the week of the last message with the one before', () => {
    const asked = plan('Which themes grew?', new Date('2026-12-06T12:00:00Z'))
    expect(asked.timeRange.from).toBe('2026-11-23T00:00:00.000Z')
    const { plan: read } = withinData({ first: '2026-08-31T10:00:00.000Z', last: '2026-11-20T16:00:00.000Z' }, asked)
    expect(read).toMatchObject({ timeRange: { from: '2026-11-16T00:00:00.000Z', to: '2026-11-23T00:00:00.000Z', label: 'the last week with data (16 Nov 2026 – 22 Nov 2026)' }, previousRange: { from: '2026-11-09T00:00:00.000Z' } })
    // A period the question named stays, data or not: the answer says where the data ends.
    const named = plan('Which themes grew last week?', new Date('2026-12-06T12:00:00Z'))
    expect(withinData({ first: '2026-08-31T10:00:00.000Z', last: '2026-11-20T16:00:00.000Z' }, named).plan.timeRange.from).toBe('2026-11-23T00:00:00.000Z')
  })

  it('reads who waits longest as the conversations awaiting a reply (it counted a theme whose customers say "waiting")', () => {
    expect(plan('Which customers are waiting longest for a reply?').kind).toBe('awaiting')
    expect(plan('Who has had the longest wait?').kind).toBe('awaiting')
  })

  it('reads closed or solved conversations as a measure nothing stores, and "contained" as the words asked for', () => {
    for (const q of ['How many conversations did we close in October?', 'What is our resolution rate?', 'Combien de demandes résolues en octobre ?']) {
      expect(plan(q).notComputed, q).toMatch(/closed or problems solved/)
    }
    expect(plan('How many messages about the app closing itself?').notComputed).toBeUndefined()
    // It matched 22 weekly themes through "contained" and "order".
    expect(plan('How many messages contained an order number?')).toMatchObject({ literal: true, filters: { mentions: expect.stringMatching(/^order or /) } })
  })

  it('reads how customers feel, pleased customers and what grows in the other languages', () => {
    // Each searched for its words: "stimmung", "están contentos", "wachsen".
    expect(plan('Wie ist die Stimmung bei den Kunden auf Instagram?')).toMatchObject({ kind: 'why', filters: { channel: 'instagram' } })
    expect(plan('Wie ist die Stimmung bei den Kunden auf Instagram?').filters.mentions).toBeUndefined()
    expect(plan('¿Cuántos clientes están contentos?')).toMatchObject({ kind: 'count', filters: { sentiment: 'positive' } })
    expect(plan('¿Cuántos clientes están contentos?').topic).toBeUndefined()
    expect(plan('Combien de clients sont mécontents ?').filters.sentiment).toBe('negative')
    expect(plan('Wie viele Kunden sind unzufrieden?').filters.sentiment).toBe('negative')
    expect(plan('Welche Themen wachsen?')).toMatchObject({ kind: 'compare', periodAssumed: true })
    expect(plan('How many messages about TV content?').filters.sentiment).toBeUndefined()
  })

  it('"customers" counts customers, "customer messages" messages', () => {
    expect(plan('What percentage of customers are happy?').countsCustomers).toBe(true)
    expect(plan('What share of customer messages are negative?').countsCustomers).toBeUndefined()
  })

  it('a comparison or examples of words no intent names are of the messages that use them, not of every message', () => {
    // "Did messages about zebras grow in October?" compared every message and named the theme that grew most.
    expect(plan('Did messages about zebras grow in October?').filters.mentions).toBe('zebras')
    expect(plan('Show examples about zebras').filters.mentions).toBe('zebras')
    // "tv" is a word though short: "How many messages about TV channels?" counted every message.
    expect(plan('How many messages about TV channels?').filters.mentions?.split(' or ')).toContain('tv')
  })

  it('reads Italian questions: months, relative periods, counts, complaints, customers and subjects', () => {
    expect(plan('Quanti messaggi negativi abbiamo ricevuto a ottobre?')).toMatchObject({
      kind: 'count', understood: true, filters: { sentiment: 'negative', customerRole: 'customer' }, timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' },
    })
    expect(plan('Quanti messaggi negativi abbiamo ricevuto a ottobre?').filters.mentions).toBeUndefined()
    expect(plan('Quanti clienti si sono lamentati della bolletta il mese scorso?')).toMatchObject({
      kind: 'count', countsCustomers: true, filters: { sentiment: 'negative', intent: 'billing' }, timeRange: { from: '2026-10-01T00:00:00.000Z' },
    })
    expect(plan('Quanti clienti italiani hanno scritto questa settimana?')).toMatchObject({ kind: 'count', filters: { language: 'it' }, timeRange: { from: '2026-11-09T00:00:00.000Z' } })
  })

  it('reads a relative period after a contracted preposition ("no mês passado" was "nlast month": all time)', () => {
    for (const q of ['Quantas reclamações sobre a fatura recebemos no mês passado?', '¿Cuántas quejas del mes pasado eran sobre la factura?']) {
      expect(plan(q), q).toMatchObject({ kind: 'count', filters: { intent: 'billing', sentiment: 'negative' }, timeRange: { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' } })
      expect(plan(q).topic ?? '', q).not.toMatch(/last/)
    }
    expect(plan('Quantas mensagens na semana passada?').timeRange.from).toBe('2026-11-02T00:00:00.000Z')
  })

  it.each([
    ['Combien de plaintes ces 30 derniers jours ?', 'past 30 days'],
    ['Wie viele Beschwerden in den letzten 30 Tagen?', 'past 30 days'],
    ['¿Cuántas quejas en los últimos 7 días?', 'past 7 days'],
    ['Quantas reclamações nos últimos 30 dias?', 'past 30 days'],
    ['Quante lamentele nelle ultime 2 settimane?', 'past 2 weeks'],
    ['Combien de messages hier ?', 'yesterday'],
    ['¿Cuántos mensajes ayer?', 'yesterday'],
    ['Quanti messaggi oggi?', 'today'],
    ['Quantos clientes reclamaram este ano?', 'this year'],
    ['Wie viele Beschwerden letztes Jahr?', 'last year'],
  ])('"%s" counts %s, not all time', (q, period) => {
    expect(plan(q).timeRange.label.startsWith(period)).toBe(true)
  })

  it.each([
    'Combien de plaintes entre le 1er et le 15 octobre ?',
    'Combien de plaintes du 1er au 15 octobre ?',
    'Wie viele Beschwerden zwischen dem 1. und 15. Oktober?',
    '¿Cuántas quejas entre el 1 y el 15 de octubre?',
    'Quantas reclamações entre 1 e 15 de outubro?',
    'Quanti reclami tra il 1 e il 15 ottobre?',
    'Quanti reclami dal 1 al 15 ottobre?',
  ])('"%s" counts 1-15 October (it read the 15th alone, or all October)', (q) => {
    expect(plan(q).timeRange).toMatchObject({ from: '2026-10-01T00:00:00.000Z', to: '2026-10-16T00:00:00.000Z' })
  })

  it('reads Italian rankings, examples asked for in every language, and dissatisfaction in Portuguese', () => {
    expect(plan('Quale canale ha più reclami?')).toMatchObject({ kind: 'rank', groupBy: 'channel', filters: { sentiment: 'negative' } })
    expect(plan('Di cosa si lamentano di più i clienti?')).toMatchObject({ kind: 'rank', groupBy: 'intent', filters: { sentiment: 'negative' } })
    for (const q of ['Montre-moi des exemples de plaintes sur la facture', 'Zeig mir Beispiele für Beschwerden über die Rechnung', 'Muéstrame ejemplos de quejas sobre la factura', 'Mostrami esempi di reclami sulla bolletta']) {
      expect(plan(q), q).toMatchObject({ kind: 'examples', filters: { sentiment: 'negative', intent: 'billing' } })
    }
    expect(plan('Por que os clientes estão insatisfeitos com a entrega?').filters).toMatchObject({ sentiment: 'negative', intent: 'delivery' })
  })

  it('"concerne", "betraf", "riguarda" say what a share is about, and narrow nothing', () => {
    for (const q of ['Quel pourcentage des messages de novembre concerne la facturation ?', 'Welcher Anteil der Beschwerden im Oktober betraf die Rechnung?', 'Quale percentuale dei messaggi riguarda la bolletta?']) {
      const read = plan(q)
      expect(read.filters.intent, q).toBe('billing')
      expect(unusedTopicWords(read, explainedWords(read.filters, vocabulary)), q).toEqual([])
    }
  })

  it('refunds are counted as billing, and the answer says they are not counted apart (55 billing messages read as refunds)', () => {
    for (const q of ['How many customers asked about refunds in October?', 'Combien de demandes de remboursement en octobre ?', '¿Cuántos reembolsos pidieron en octubre?']) {
      const read = plan(q)
      expect(read.filters.intent, q).toBe('billing')
      expect(unusedTopicWords(read, explainedWords(read.filters, vocabulary)), q).toEqual([])
      expect(partOfIntentWords(read), q).toHaveLength(1)
    }
    // The intent's own words are the whole of it.
    expect(partOfIntentWords(plan('How many customers complained about their bill in October?'))).toEqual([])
  })

  it('German "hier" is here, not yesterday', () => {
    expect(plan('Wie viele Nachrichten sind hier im Oktober?').timeRange.from).toBe('2026-10-01T00:00:00.000Z')
  })

  it('reads "main problems" and response times in the other languages as what is asked, not a topic', () => {
    expect(plan('Quais são os principais problemas dos clientes em outubro?').filters.mentions).toBeUndefined()
    expect(plan('¿Cuánto tardamos en responder de media?')).toMatchObject({ kind: 'response_time', understood: true })
  })

  it('"why did volume spike last week" compares last week with the one before', () => {
    expect(plan('Why did volume spike last week?')).toMatchObject({ kind: 'compare', timeRange: { from: '2026-11-02T00:00:00.000Z' }, previousRange: { from: '2026-10-26T00:00:00.000Z' } })
  })

  it('the words that may name a theme are the topic words no intent or channel explained, and only when no intent names the subject', () => {
    const p = plan('How many customers complained about wifi dropouts in October?')
    expect(p.filters.theme).toBeUndefined()
    expect(themeQuery(p, explainedWords(p.filters, vocabulary))).toEqual(['wifi', 'dropouts'])
    // An intent's estimate covers its whole subject; intersecting it with a theme's clustered members
    // ("password resets" → account_login ∩ a reset theme) lost most of the subject on the demo.
    const billing = plan('How many emails about billing and the router in W44?')
    expect(billing.filters.intent).toBe('billing')
    expect(themeQuery(billing, explainedWords(billing.filters, vocabulary))).toEqual([])
    expect(themeQuery(plan('Which channel has the most complaints?'), new Set())).toEqual([])
  })

  it('compares an event\'s theme weeks with the weeks before only for a comparison that names no dates', () => {
    const matched = (q: string) => {
      const p = { ...plan(q), themeMatched: 'Internet down | Outage' }
      const filters = { ...p.filters, theme: 'outage' }
      return { plan: { ...p, filters }, filters: { ...filters, themeSnapshots: [{ themeId: 't1', week: '2026-W44' }, { themeId: 't2', week: '2026-W43' }] } }
    }
    const spike = eventWeeks(matched('Did the outage cause a spike?'))
    expect(spike.plan.timeRange).toMatchObject({ from: '2026-10-19T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z', label: '2026-W43–2026-W44' })
    expect(spike.plan.previousRange).toMatchObject({ from: '2026-10-05T00:00:00.000Z', to: '2026-10-19T00:00:00.000Z' })
    expect([spike.plan.eventTheme, spike.plan.themeMatched, spike.plan.filters.theme, 'themeSnapshots' in spike.filters]).toEqual(['Internet down', undefined, undefined, false])
    // A period named, or another kind of question, keeps the theme's messages.
    for (const q of ['Did the outage cause a spike in October?', 'How many messages about the outage?', 'Why are customers unhappy about the outage?']) {
      const kept = matched(q)
      expect(eventWeeks(kept), q).toBe(kept)
    }
  })

  /** A snapshot whose members' conversations mention each word that many times, by customers unless `agentsOnly`. */
  const snapshot = (label: string, keyphrases: string[], members: number, mentions: Record<string, number> = {}, agentsOnly = false) => ({
    label, keyphrases, members,
    mentions: Object.fromEntries(Object.entries(mentions).map(([w, n]) => [w, { anyone: n, customers: agentsOnly ? 0 : n }])),
  })

  it('a theme matches by its label or a key phrase that starts with a word, or when most of its members\' conversations mention the words', () => {
    const snapshots = [
      snapshot('Wifi, brightwave', ['wifi', 'router'], 10),
      snapshot("L'étage, redémarré", ["wifi l'étage"], 10),
      snapshot('Reiniciado, internet', ['internet'], 10, { wifi: 6, dropouts: 1 }),
      snapshot('App, login', ['app', 'crashing'], 20, { wifi: 2 }),
      snapshot('App', ['app', 'feature request', 'pause wifi'], 9, { wifi: 4 }),
      snapshot('Dropout', [], 3),
    ]
    expect(matchSnapshots(['wifi', 'dropouts'], snapshots).map((s) => s.label)).toEqual(['Wifi, brightwave', "L'étage, redémarré", 'Reiniciado, internet', 'Dropout'])
    expect(matchSnapshots([], snapshots)).toEqual([])
  })

  it('members mentioning a word only in agents\' replies do not make a theme about it ("router reboots" counted cancellations: "please return the router")', () => {
    const cancel = snapshot('Cancel online', ['cancel', 'cheaper deal'], 6, { router: 3 }, true)
    const outage = { ...snapshot('Internet down', ['horsforth', 'down'], 85), mentions: { outage: { anyone: 75, customers: 16 } } }
    expect(matchSnapshots(['router', 'reboots'], [cancel, snapshot('Wifi router', ['wifi', 'router'], 17)]).map((s) => s.label)).toEqual(['Wifi router'])
    // Customers say "internet down" and agents "the outage": a tenth of them saying it is enough.
    expect(matchSnapshots(['outage'], [outage]).map((s) => s.label)).toEqual(['Internet down'])
  })

  it('only a theme\'s leading key phrases name it ("the app update" counted the voice-remote theme, whose seventh key phrase is "update")', () => {
    const remote = snapshot('Voice remote', ['voice remote', 'stock', 'new remote', 'brightbox voice', 'falling apart', 'delivered', 'update'], 40, { update: 5 })
    const app = snapshot('App login', ['app', 'login', 'screen', 'update'], 30, { app: 12, update: 12 })
    expect(matchSnapshots(['app', 'update'], [remote, app]).map((s) => s.label)).toEqual(['App login'])
    expect(matchSnapshots(['update'], [remote, app]).map((s) => s.label)).toEqual(['App login'])
  })

  it('words that each name themes name one subject together: a theme named by one needs its conversations to mention the others ("app update" counted the remote themes\' "any update")', () => {
    const remote = snapshot('New remote', ['remote', 'new remote', 'update'], 22, { update: 8 })
    const app = snapshot('App problems', ['app', 'login'], 34, { app: 22, update: 4 })
    const router = snapshot('Router connection problems', ['wifi', 'app', 'router'], 18, { app: 3 })
    const appUpdate = snapshot('Crashes', ['crash'], 12, { app: 12, update: 12 })
    expect(matchSnapshots(['app', 'update'], [remote, app, router, appUpdate]).map((s) => s.label)).toEqual(['App problems', 'Crashes'])
    // A theme whose label has one of the words is about the subject whatever its members say.
    const priceLabel = snapshot('Price cancellations', ['hausse', 'prix'], 8)
    const moving = snapshot('Moving house', ['moving', 'price'], 5, { price: 4 })
    const rise = snapshot('Price rise', ['price rise'], 3, { price: 3, rise: 3 })
    expect(matchSnapshots(['price', 'rise'], [priceLabel, moving, rise]).map((s) => s.label)).toEqual(['Price cancellations', 'Price rise'])
    // A word no theme speaks of narrows nothing: "wifi dropouts" is every wifi theme.
    expect(matchSnapshots(['wifi', 'dropouts'], [snapshot('Wifi', ['wifi'], 19)]).map((s) => s.label)).toEqual(['Wifi'])
  })

  it('a thing named in another language names the theme labelled in English ("WLAN" found the one message saying it, not the wifi themes)', () => {
    const wifi = snapshot('Wifi router', ['wifi', 'router'], 17)
    const remote = snapshot('Voice remote', ['voice remote', 'stock'], 28)
    expect(matchSnapshots(['wlan'], [wifi, remote]).map((s) => s.label)).toEqual(['Wifi router'])
    expect(matchSnapshots(['télécommande'], [wifi, remote]).map((s) => s.label)).toEqual(['Voice remote'])
    const p = plan("Combien de messages sur l'appli ?")
    expect(themeQuery(p, explainedWords(p.filters, vocabulary))).toEqual(['appli'])
    // With no theme, the messages that name the thing in any language are counted, and the figure says so.
    expect(p.filters.mentions?.split(' or ')).toEqual(expect.arrayContaining(['appli', 'app', 'aplicativo']))
    expect(describeMentions(p.filters.mentions!)).toBe('mentioning "appli" (or its names in other languages)')
    expect(describeMentions('zebras or giraffes')).toBe('mentioning "zebras" or "giraffes"')
  })

  it('the customer service is the support, named by its phrases, and no theme is about it because its customers mention it', () => {
    // "What do people think of our customer service?" counted the four messages saying "service", one a home with no service.
    for (const q of ['What do people think of our customer service?', 'Que pensent les clients du service client ?', 'Was halten die Kunden vom Kundenservice?']) {
      const p = plan(q)
      expect(p.filters.mentions?.split(' or '), q).toEqual(expect.arrayContaining(['support', '"customer service"', '"live chat"', 'kundenservice', '"service client"']))
      expect(p.filters.mentions, q).not.toMatch(/pensent|halten/)
      expect(describeMentions(p.filters.mentions!), q).toBe('mentioning "support" (or "customer service", "live chat", "on hold" and the like, in any language)')
    }
    expect(plan('How many customers have no service?').filters.mentions).toBe('service')
    // A workspace whose own label says it reads its label: airline_dev's "Customer Service Issue".
    const airline = { ...vocabulary, intents: [{ name: 'Customer Service Issue', description: 'Customer Service Issue' }] }
    expect(planLocally('How many customer service issues in February?', NOW, airline).filters).toMatchObject({ intent: 'Customer Service Issue' })
    // Billing customers who add "I was on hold for 40 minutes" make no billing theme one about the support.
    const billing = snapshot('Billing', ['bill', 'charged twice'], 10, { support: 8 })
    const thanks = snapshot('Praise: support team', ['support team', 'patient'], 4, { support: 4 })
    expect(matchSnapshots(['support'], [billing, thanks]).map((s) => s.label)).toEqual(['Praise: support team'])
  })

  it('a word saying which one names no theme ("the new app update" matched 17 themes through "new remote" and "new address")', () => {
    const p = plan('What are customers saying about the new app update?')
    expect(themeQuery(p, explainedWords(p.filters, vocabulary))).toEqual(['app', 'update'])
    const remote = snapshot('New voice remote', ['new remote', 'stock'], 40)
    const moving = snapshot('Moving house', ['new address', 'moving'], 8)
    const app = snapshot('App login', ['app', 'login'], 30, { app: 12 })
    expect(matchSnapshots(themeQuery(p, new Set()), [remote, moving, app]).map((s) => s.label)).toEqual(['App login'])
  })

  it('gibberish is not understood, and the plan says what was read', () => {
    const p = plan('blorp zzz quux')
    expect(p.understood).toBe(false)
    expect(p.understoodAs).toContain('all time')
  })
})

describe('figures', () => {
  it('median and nearest-rank percentiles', () => {
    expect(median([1, 3, 2])).toBe(2)
    expect(median([4, 1, 3, 2].sort((a, b) => a - b))).toBe(2.5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9)
  })

  it('an estimate’s interval holds both the probability sum and the classified count', () => {
    const e = estimateFromRow({ expected: 40, variance: 9, classified: 55 })
    expect(e.value).toBe(40)
    expect(e.low).toBeLessThanOrEqual(40 - 1.96 * 3)
    expect(e.high).toBeGreaterThanOrEqual(55 + 1.96 * 3)
    expect(e.method).toMatch(/probabilit/)
  })
})
