// Figure labels in Spanish (es-ES): what each figure counts as a short noun phrase, in the words of ../phrases/es.ts.
import { es } from '../phrases/es.ts'
import type { AskFilters, TimeRange } from '../types.ts'
import type { FigureLabels } from './types.ts'

const CUSTOMER_MESSAGES: AskFilters = { customerRole: 'customer' }

/** "conversaciones con una queja (…)" with negative messages asked for, as estimates.ts counts a complaint; see en.ts. */
function conversationsWith(filters: AskFilters): string {
  return filters.sentiment === 'negative' ? 'conversaciones con una queja (un mensaje negativo, o uno neutral que informa de un problema)' : 'conversaciones con esos mensajes'
}

/** A sentiment agreeing with "mensajes": "negativos", "neutrales". */
function sentimentPlural(sentiment: string): string {
  const word = es.sentimentName(sentiment)
  return /o$/.test(word) ? `${word}s` : /al$/.test(word) ? `${word}es` : word
}

/** An intent after a noun, as es.what says it: "sobre facturación", "de tipo pregunta", "sobre otros asuntos". */
const aboutIntent = (intent: string) => es.what({ ...CUSTOMER_MESSAGES, intent }).replace(/^mensajes de clientes /, '')

/** "que son negativos", "que tratan sobre facturación", "que son negativos y tratan sobre facturación", "que son negativos y de tipo pregunta". */
function thatAre(sentiment?: string, intent?: string): string {
  const about = intent ? aboutIntent(intent) : undefined
  const kind = about?.startsWith('de tipo ')
  if (sentiment && about) return `que son ${sentimentPlural(sentiment)} y ${kind ? '' : 'tratan '}${about}`
  if (sentiment) return `que son ${sentimentPlural(sentiment)}`
  return about ? `que ${kind ? 'son' : 'tratan'} ${about}` : ''
}

/** After "respecto": "al periodo anterior (…)", "a la semana pasada (…)", "al periodo del 1 al 31 oct 2026", "a todo el periodo". */
function toward(range: TimeRange): string {
  const name = es.period(range)
  if (/^\d/.test(name)) {
    const dates = es.inPeriod(range)
    if (dates.startsWith('del ')) return `al periodo ${dates}`
    return dates.startsWith('el ') ? `al ${dates.slice(3)}` : `al periodo ${name}`
  }
  if (name.startsWith('desde ')) return `al periodo ${name}`
  return name.startsWith('el ') ? `al ${name.slice(3)}` : `a ${name}`
}

/** A group after "por <dimensión>:"; theme labels stay as written, quoted as es.ts quotes them. */
const groupName = (dimension: string, key: string) => (dimension === 'theme' ? `«${key}»` : es.groupName(dimension, key))
const by = (dimension: string, key: string) => `por ${es.dimensionName(dimension)}: ${groupName(dimension, key)}`
const on = (channel: string | undefined) => (channel ? ` en ${channel}` : '')
const count = (n: number, one: string, many: string) => `${es.num(n)} ${n === 1 ? one : many}`
const weeksText = (weeks: string[]) => `${weeks.length === 1 ? 'semana' : 'semanas'} ${es.list(weeks)}`
const RESPONSE_MEASURES = { median: 'tiempo mediano de primera respuesta', mean: 'tiempo medio de primera respuesta', p90: 'percentil 90 del tiempo de primera respuesta' }

export const esLabels: FigureLabels = {
  messages: (filters, range) => `${es.what(filters)}, ${es.period(range)}`,
  conversations: (filters, range) => `${conversationsWith(filters)}, ${es.period(range)}`,
  all: (base, range) => `todos los ${es.what(base)}, ${es.period(range)}`,
  change: (previous, perDay) => `cambio respecto ${toward(previous)}${perDay ? ', por día' : ''}`,
  share: (filters, base, previous) => `proporción de ${es.what(filters)} respecto al total de ${es.what(base)}${previous ? `, ${es.period(previous)}` : ''}`,
  conversationsShare: (filters, conversations, base) =>
    `proporción de ${conversationsWith(filters)} respecto a ${conversations === 1 ? 'la única conversación' : `las ${es.num(conversations)} conversaciones`} con ${es.what(base)}`,
  growth: (filters, previous, range, percent) =>
    `cambio en los ${es.what(filters)}, ${es.period(previous)} → ${es.period(range)} (el mayor cambio en el ${es.pct(percent)} de los remuestreos)`,
  sentimentShare: (filters, sentiment) => `proporción de ${es.what(filters)} ${thatAre(sentiment)}`,
  week: (filters, week) => `${es.what(filters)}, semana ${week}`,
  weekNegativeShare: (filters, week) => `proporción de mensajes negativos entre los ${es.what(filters)}, semana ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) => `mensajes del tema «${theme}», ${weeksText(weeks)} (antes: ${weeksText(previousWeeks)})`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    const that = byConversation ? `conversaciones con una queja${intent ? ` ${aboutIntent(intent)}` : ''}` : `mensajes de clientes ${thatAre(sentiment, intent)}`.trim()
    return `proporción de ${that}, ${by(dimension, key)}, ${es.period(range)}`
  },
  groupCount: ({ byConversation, dimension, key, range }) =>
    `${byConversation ? 'conversaciones con mensajes de clientes' : 'mensajes de clientes'} ${by(dimension, key)}, ${es.period(range)}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'clientes que se quejaron' : `mensajes${sentiment ? ` ${sentimentPlural(sentiment)}` : ''} de clientes`} ${by(dimension, key)}, ${es.period(range)}` +
    `${days !== undefined ? `, en ${count(days, 'día', 'días')}` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]}${on(channel)}, ${es.period(range)}${answered !== undefined ? ` (${count(answered, 'conversación respondida', 'conversaciones respondidas')})` : ''}`,
  answeredWithin: ({ channel, minutes, range }) => `proporción de conversaciones${on(channel)} respondidas en ${es.threshold(minutes)} o menos, ${es.period(range)}`,
  conversationsStarted: (range) => `conversaciones iniciadas, ${es.period(range)}`,
  awaitingReply: (range) => `conversaciones pendientes de respuesta (el último mensaje es del cliente), ${es.period(range)}`,
  awaitingOn: (channel) => `pendientes de respuesta en ${channel}`,
  waitingLonger: (minutes, range) => `de ellas, con más de ${es.threshold(minutes)} de espera desde el último mensaje del cliente, ${es.period(range)}`,
  neverAnswered: (range) => `conversaciones nunca respondidas por un agente, ${es.period(range)}`,
  neverAnsweredOn: (channel) => `nunca respondidas en ${channel}`,
  unansweredComplaints: (range) => `quejas (mensaje inicial negativo) nunca respondidas, ${es.period(range)}`,

  withCustomerMessages: (range) => `conversaciones con mensajes de clientes, ${es.period(range)}`,
  messagesInThem: (range) => `mensajes de esas conversaciones (de clientes y de agentes), ${es.period(range)}`,
  messagesPerConversation: (average, range) => `${average === 'mean' ? 'media' : 'mediana'} de mensajes por conversación, ${es.period(range)}`,
  customers: (range) => `clientes (un identificador en un canal), ${es.period(range)}`,
  repeatCustomers: (range) => `clientes que escribieron en más de una conversación, ${es.period(range)}`,
  repeatShare: (range) => `proporción de clientes que escribieron en más de una conversación respecto al total de clientes, ${es.period(range)}`,
  withoutHandle: (range) => `conversaciones sin identificador de cliente (no cuentan como clientes), ${es.period(range)}`,
}
