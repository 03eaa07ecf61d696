// Figure labels in Italian: what enLabels says, with the Italian phrases' names for periods, filters and groups.
import { it } from '../phrases/it.ts'
import type { AskFilters, TimeRange } from '../types.ts'
import type { FigureLabels } from './types.ts'

const CUSTOMER = { customerRole: 'customer' } as const
/** What it.what puts after "messaggi dei clienti": "sulla fatturazione", "via email", "su whatsapp". */
const after = (filters: Omit<AskFilters, 'customerRole'>) => it.what({ ...CUSTOMER, ...filters }).replace(/^messaggi dei clienti ?/, '')
const aboutIntent = (intent: string | undefined) => (intent ? ` ${after({ intent })}` : '')
const on = (channel: string | undefined) => (channel ? ` ${after({ channel })}` : '')

/** "i messaggi …" → "dei messaggi …", "le conversazioni …" → "delle conversazioni …". */
const ofThe = (what: string) => `${/^conversazion/.test(what) ? 'delle' : 'dei'} ${what}`
/** "tutti i messaggi …", "tutte le conversazioni …". */
const allOf = (what: string) => `${/^conversazion/.test(what) ? 'tutte le' : 'tutti i'} ${what}`

// "8", "11", "1" and "80…" are said with a vowel: "nell'8%", "nel 62%".
const vowelNumber = (s: string) => /^(?:8|11(?!\d)|1(?!\d))/.test(s)
const inThePct = (n: number) => `${vowelNumber(it.num(n)) ? "nell'" : 'nel '}${it.pct(n)}`

const AL: Record<string, string> = { 'il ': 'al ', 'lo ': 'allo ', 'la ': 'alla ', 'i ': 'ai ', 'gli ': 'agli ', 'le ': 'alle ', "l'": "all'" }
/** "rispetto" takes "a": "al periodo precedente (…)", "alle ultime 8 settimane", "al periodo 1–31 ott 2026", "a ieri". */
function toPeriod(range: TimeRange): string {
  const p = it.period(range)
  // Dates alone: a span is "il periodo …", a day takes its article ("l'8 nov 2026"); "dal 3 nov 2026" is "il periodo dal …".
  const named = /^\d/.test(p) ? (p.includes('–') ? `il periodo ${p}` : `${/^(?:8|11)\b/.test(p) ? "l'" : 'il '}${p}`) : /^dal /.test(p) ? `il periodo ${p}` : p
  const article = /^(il |lo |la |i |gli |le |l')/.exec(named)?.[1]
  return article ? `${AL[article]}${named.slice(article.length)}` : `a ${named}`
}

/** "negativi", "neutri"; "che hanno un sentiment incerto" reads better than "che sono incerti". */
function thatAre(sentiment: string): string {
  if (sentiment === 'uncertain') return 'che hanno un sentiment incerto'
  const one = it.sentimentName(sentiment)
  return `che sono ${one.replace(/o$/, 'i')}`
}

/** "per canale", "per ora del giorno" (not "per ora", which reads "for now"). */
const by = (dimension: string) => `per ${dimension === 'hour' ? 'ora del giorno' : it.dimensionName(dimension)}`
/** A group: channels as they are stored, themes in quotes, languages, weekdays, hours and intents in Italian. */
const group = (dimension: string, key: string) =>
  dimension === 'channel' ? key : dimension === 'theme' ? `«${key}»` : it.groupName(dimension, key)

/** The conversations counted with the messages: with negative messages, those with a complaint (see en.ts). */
const conversationsWith = (filters: AskFilters) =>
  filters.sentiment === 'negative' ? 'conversazioni con un reclamo (un messaggio negativo, o uno neutro che segnala un problema)' : 'conversazioni con messaggi di questo tipo'
const RESPONSE_MEASURES = { median: 'tempo mediano di prima risposta', mean: 'tempo medio di prima risposta', p90: '90° percentile del tempo di prima risposta' }
const count = (n: number, one: string, many: string) => `${it.num(n)} ${n === 1 ? one : many}`

export const itLabels: FigureLabels = {
  messages: (filters, range) => `${it.what(filters)}, ${it.period(range)}`,
  conversations: (filters, range) => `${conversationsWith(filters)}, ${it.period(range)}`,
  all: (base, range) => `${allOf(it.what(base))}, ${it.period(range)}`,
  change: (previous, perDay) => `variazione rispetto ${toPeriod(previous)}${perDay ? ', su base giornaliera' : ''}`,
  share: (filters, base, previous) => `${it.what(filters)} in percentuale sul totale ${ofThe(it.what(base))}${previous ? `, ${it.period(previous)}` : ''}`,
  conversationsShare: (filters, conversations, base) =>
    `${conversationsWith(filters)} in percentuale ${conversations === 1 ? "sull'unica conversazione" : `sulle ${it.num(conversations)} conversazioni`} con ${it.what(base)}`,
  growth: (filters, previous, range, percent) =>
    `variazione ${ofThe(it.what(filters))}, ${it.period(previous)} → ${it.period(range)} (la variazione più grande ${inThePct(percent)} dei ricampionamenti)`,
  sentimentShare: (filters, sentiment) => `quota ${ofThe(it.what(filters))} ${thatAre(sentiment)}`,
  week: (filters, week) => `${it.what(filters)}, settimana ${week}`,
  weekNegativeShare: (filters, week) => `percentuale di negativi tra i ${it.what(filters)}, settimana ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) =>
    `messaggi del tema «${theme}», ${weeks.length === 1 ? 'settimana' : 'settimane'} ${weeks.join(', ')}${previousWeeks.length ? ` (in precedenza ${previousWeeks.join(', ')})` : ''}`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    // "quota di messaggi negativi dei clienti sulla fatturazione": of the group's customer messages.
    const that = byConversation ? `conversazioni con un reclamo${aboutIntent(intent)}` : it.what({ ...CUSTOMER, sentiment: sentiment as AskFilters['sentiment'], intent })
    return `quota di ${that}, ${by(dimension)}: ${group(dimension, key)}, ${it.period(range)}`
  },
  groupCount: ({ byConversation, dimension, key, range }) =>
    `${byConversation ? 'conversazioni con messaggi dei clienti' : 'messaggi dei clienti'} ${by(dimension)}: ${group(dimension, key)}, ${it.period(range)}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'clienti che hanno presentato un reclamo,' : it.what({ ...CUSTOMER, sentiment: sentiment as AskFilters['sentiment'] })} ${by(dimension)}: ${group(dimension, key)}, ` +
    `${it.period(range)}${days !== undefined ? `, su ${count(days, 'giorno', 'giorni')}` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]}${on(channel)}, ${it.period(range)}${answered !== undefined ? ` (${count(answered, 'conversazione con risposta', 'conversazioni con risposta')})` : ''}`,
  answeredWithin: ({ channel, minutes, range }) => `quota di conversazioni${on(channel)} con risposta entro ${it.threshold(minutes)}, ${it.period(range)}`,
  conversationsStarted: (range) => `conversazioni iniziate, ${it.period(range)}`,
  awaitingReply: (range) => `conversazioni in attesa di risposta (l'ultimo messaggio è del cliente), ${it.period(range)}`,
  awaitingOn: (channel) => `in attesa di risposta${on(channel)}`,
  waitingLonger: (minutes, range) => `di queste, in attesa da più di ${it.threshold(minutes)} dall'ultimo messaggio del cliente, ${it.period(range)}`,
  neverAnswered: (range) => `conversazioni senza alcuna risposta da un operatore, ${it.period(range)}`,
  neverAnsweredOn: (channel) => `senza alcuna risposta${on(channel)}`,
  unansweredComplaints: (range) => `reclami (messaggio iniziale negativo) senza alcuna risposta, ${it.period(range)}`,

  withCustomerMessages: (range) => `conversazioni con messaggi dei clienti, ${it.period(range)}`,
  messagesInThem: (range) => `messaggi di queste conversazioni (dei clienti e degli operatori), ${it.period(range)}`,
  messagesPerConversation: (average, range) => `numero ${average === 'mean' ? 'medio' : 'mediano'} di messaggi per conversazione, ${it.period(range)}`,
  customers: (range) => `clienti (ciascuno un identificativo su un canale), ${it.period(range)}`,
  repeatCustomers: (range) => `clienti che hanno scritto in più di una conversazione, ${it.period(range)}`,
  repeatShare: (range) => `clienti che hanno scritto in più di una conversazione in percentuale sul totale dei clienti, ${it.period(range)}`,
  withoutHandle: (range) => `conversazioni senza identificativo del cliente (non contate come clienti), ${it.period(range)}`,
}
