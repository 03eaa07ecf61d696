// Figure labels in Portuguese: the labels under an answer to a question asked in Portuguese, in pt.ts's words.
import { pt } from '../phrases/pt.ts'
import type { AskFilters, TimeRange } from '../types.ts'
import type { FigureLabels } from './types.ts'

const customer = { customerRole: 'customer' } as AskFilters

/** The period as a table names it, without its article: "mês passado (1 – 31 de out. de 2026)", "todo o período". */
const period = (range: TimeRange) => pt.period(range).replace(/^(?:o|a|os|as) /, '')

/** After "em relação a": "ao período anterior (…)", "à semana passada (…)", "ao período de 1 – 14 de out. de 2026". */
function toPeriod(range: TimeRange): string {
  const p = pt.period(range)
  if (/^\d/.test(p)) return Date.parse(range.to) - Date.parse(range.from) <= 24 * 3600 * 1000 ? `ao dia ${p}` : `ao período de ${p}`
  if (/^desde /.test(p)) return `ao período ${p}`
  const m = /^(o|a|os|as) (.*)$/.exec(p)
  return m ? `${{ o: 'ao', a: 'à', os: 'aos', as: 'às' }[m[1] as 'o' | 'a' | 'os' | 'as']} ${m[2]}` : `a ${p}`
}

/** What a conversation counted with the messages has: with negative messages asked for, a complaint (en.ts says why). */
const conversationsWith = (filters: AskFilters) =>
  filters.sentiment === 'negative' ? 'conversas com uma reclamação (uma mensagem negativa, ou uma neutra que relata um problema)' : 'conversas com essas mensagens'

/** What messages are, after "que": "são negativas", "têm sentimento incerto". */
const are = (sentiment: string) => (sentiment === 'uncertain' ? 'têm sentimento incerto' : `são ${pt.sentimentName(sentiment).replace(/o$/, 'as')}`)

/** A ranked group: a channel or a language by its name, a theme in quotes as pt.ts quotes it. */
const group = (dimension: string, key: string) => (dimension === 'theme' ? `“${pt.groupName(dimension, key)}”` : pt.groupName(dimension, key))
const by = (dimension: string, key: string) => `por ${pt.dimensionName(dimension)}: ${group(dimension, key)}`
const on = (channel: string | undefined) => (channel ? ` no ${channel}` : '')
const count = (n: number, one: string, many: string) => `${pt.num(n)} ${n === 1 ? one : many}`
const RESPONSE_MEASURES = { median: 'tempo mediano de primeira resposta', mean: 'tempo médio de primeira resposta', p90: 'percentil 90 do tempo de primeira resposta' }

export const ptLabels: FigureLabels = {
  messages: (filters, range) => `${pt.what(filters)}, ${period(range)}`,
  conversations: (filters, range) => `${conversationsWith(filters)}, ${period(range)}`,
  all: (base, range) => `todas as ${pt.what(base)}, ${period(range)}`,
  change: (previous, perDay) => `variação em relação ${toPeriod(previous)}${perDay ? ', por dia' : ''}`,
  share: (filters, base, previous) => `proporção de ${pt.what(filters)} entre todas as ${pt.what(base)}${previous ? `, ${period(previous)}` : ''}`,
  conversationsShare: (filters, conversations, base) =>
    `proporção de ${conversationsWith(filters)} ${conversations === 1 ? 'na única conversa' : `entre as ${pt.num(conversations)} conversas`} com ${pt.what(base)}`,
  growth: (filters, previous, range, percent) =>
    `variação no número de ${pt.what(filters)}, ${period(previous)} → ${period(range)} (a maior variação em ${pt.pct(percent)} das reamostragens)`,
  sentimentShare: (filters, sentiment) => `proporção de ${pt.what(filters)} que ${are(sentiment)}`,
  week: (filters, week) => `${pt.what(filters)}, semana ${week}`,
  weekNegativeShare: (filters, week) => `proporção de negativas entre as ${pt.what(filters)}, semana ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) =>
    `mensagens do tema “${theme}”, ${weeks.length === 1 ? 'semana' : 'semanas'} ${pt.list(weeks)} (antes: ${pt.list(previousWeeks)})`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    const that = byConversation
      ? `conversas com uma reclamação${intent ? ` sobre ${pt.intentName(intent)}` : ''}`
      : `mensagens de clientes que ${[sentiment && are(sentiment), intent && `tratam de ${pt.intentName(intent)}`].filter(Boolean).join(' e ')}`
    return `proporção de ${that}, ${by(dimension, key)}, ${period(range)}`
  },
  groupCount: ({ byConversation, dimension, key, range }) =>
    `${byConversation ? 'conversas com mensagens de clientes' : 'mensagens de clientes'} ${by(dimension, key)}, ${period(range)}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'clientes que reclamaram' : pt.what({ ...customer, ...(sentiment ? { sentiment } : {}) } as AskFilters)} ${by(dimension, key)}, ${period(range)}` +
    `${days !== undefined ? `, ao longo de ${count(days, 'dia', 'dias')}` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]}${on(channel)}, ${period(range)}${answered !== undefined ? ` (${count(answered, 'conversa respondida', 'conversas respondidas')})` : ''}`,
  answeredWithin: ({ channel, minutes, range }) => `proporção de conversas${on(channel)} respondidas no prazo de ${pt.threshold(minutes)}, ${period(range)}`,
  conversationsStarted: (range) => `conversas iniciadas, ${period(range)}`,
  awaitingReply: (range) => `conversas à espera de resposta (a última mensagem é a do cliente), ${period(range)}`,
  awaitingOn: (channel) => `à espera de resposta no ${channel}`,
  waitingLonger: (minutes, range) => `destas, à espera há mais de ${pt.threshold(minutes)} desde a última mensagem do cliente, ${period(range)}`,
  neverAnswered: (range) => `conversas nunca respondidas por um agente, ${period(range)}`,
  neverAnsweredOn: (channel) => `nunca respondidas no ${channel}`,
  unansweredComplaints: (range) => `reclamações (primeira mensagem negativa) nunca respondidas, ${period(range)}`,

  withCustomerMessages: (range) => `conversas com mensagens de clientes, ${period(range)}`,
  messagesInThem: (range) => `mensagens nessas conversas (de clientes e de atendentes), ${period(range)}`,
  messagesPerConversation: (average, range) => `${average === 'mean' ? 'média' : 'mediana'} de mensagens por conversa, ${period(range)}`,
  customers: (range) => `clientes (contados pelo identificador em cada canal), ${period(range)}`,
  repeatCustomers: (range) => `clientes que escreveram em mais de uma conversa, ${period(range)}`,
  repeatShare: (range) => `proporção de clientes que escreveram em mais de uma conversa entre todos os clientes, ${period(range)}`,
  withoutHandle: (range) => `conversas sem identificador de cliente (não contadas como clientes), ${period(range)}`,
}
