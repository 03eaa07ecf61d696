// Figure labels in French: what each figure counts as a short noun phrase, in the words of ../phrases/fr.ts.
import { fr } from '../phrases/fr.ts'
import type { AskFilters, TimeRange } from '../types.ts'
import type { FigureLabels } from './types.ts'

const CUSTOMER_MESSAGES: AskFilters = { customerRole: 'customer' }
const VOWEL = /^[aeiouyhàâäéèêëîïôöûüœ]/i

/** "conversations avec une plainte (…)" with negative messages asked for, as estimates.ts counts a complaint; see en.ts. */
function conversationsWith(filters: AskFilters): string {
  return filters.sentiment === 'negative'
    ? 'conversations avec une plainte (un message négatif, ou un message neutre signalant un problème)'
    : 'conversations avec de tels messages'
}

/** A sentiment agreeing with "messages": "négatifs", "neutres"; a sentiment fr.ts does not know stays as it is. */
function sentimentPlural(sentiment: string): string {
  const word = fr.sentimentName(sentiment)
  return /[fe]$/.test(word) ? `${word}s` : word
}

/** An intent after a noun, as fr.what says it: "sur la facturation", "posant une question". */
function aboutIntent(intent: string): string {
  const what = fr.what({ ...CUSTOMER_MESSAGES, intent })
  return /^messages de clients /.test(what) ? what.replace(/^messages de clients /, '') : `(${fr.intentName(intent)})`
}

/** "de" before a word: "d'une heure", "de 2 heures". */
const de = (s: string) => (VOWEL.test(s) ? `d'${s}` : `de ${s}`)

/** After "par rapport": "à la période précédente (…)", "au mois dernier (…)", "aux 8 dernières semaines", "à la période du 1er au 31 août 2026". */
function toward(range: TimeRange): string {
  const name = fr.period(range)
  if (/^\d/.test(name)) {
    const dates = fr.inPeriod(range)
    if (dates.startsWith('le ')) return `au ${dates.slice(3)}`
    return dates.startsWith('du ') ? `à la période ${dates}` : `à la période ${name}`
  }
  if (name === 'depuis le début') return 'à toute la période'
  if (name.startsWith('depuis ')) return `à la période ${name}`
  if (name.startsWith('le ')) return `au ${name.slice(3)}`
  if (name.startsWith('les ')) return `aux ${name.slice(4)}`
  return `à ${name}`
}

/** A group after "par <dimension> :"; theme labels stay as written, in French quotes. */
const groupName = (dimension: string, key: string) => (dimension === 'theme' ? `« ${key} »` : fr.groupName(dimension, key))
const by = (dimension: string, key: string) => `par ${fr.dimensionName(dimension)} : ${groupName(dimension, key)}`
/** "sur whatsapp", "par email", as fr.what says a channel. */
const on = (channel: string | undefined) => (channel ? ` ${channel === 'email' ? 'par' : 'sur'} ${channel}` : '')
/** French puts the singular below 2: "1 jour", "12 jours". */
const count = (n: number, one: string, many: string) => `${fr.num(n)} ${Math.abs(n) < 2 ? one : many}`
const weeksText = (weeks: string[]) => `${weeks.length === 1 ? 'semaine' : 'semaines'} ${fr.list(weeks)}`
const RESPONSE_MEASURES = {
  median: 'délai médian de première réponse',
  mean: 'délai moyen de première réponse',
  p90: '90e centile du délai de première réponse',
}

export const frLabels: FigureLabels = {
  messages: (filters, range) => `${fr.what(filters)}, ${fr.period(range)}`,
  conversations: (filters, range) => `${conversationsWith(filters)}, ${fr.period(range)}`,
  all: (base, range) => `tous les ${fr.what(base)}, ${fr.period(range)}`,
  change: (previous, perDay) => `variation par rapport ${toward(previous)}${perDay ? ', par jour' : ''}`,
  share: (filters, base, previous) => `part des ${fr.what(filters)} parmi tous les ${fr.what(base)}${previous ? `, ${fr.period(previous)}` : ''}`,
  conversationsShare: (filters, conversations, base) =>
    `part des ${conversationsWith(filters)} ${conversations === 1 ? 'dans la seule conversation' : `parmi les ${fr.num(conversations)} conversations`} avec des ${fr.what(base)}`,
  growth: (filters, previous, range, percent) =>
    `variation du nombre de ${fr.what(filters)}, ${fr.period(previous)} → ${fr.period(range)} (la plus forte variation dans ${fr.pct(percent)} des rééchantillonnages)`,
  sentimentShare: (filters, sentiment) => `part des ${fr.what(filters)} qui sont ${sentimentPlural(sentiment)}`,
  week: (filters, week) => `${fr.what(filters)}, semaine ${week}`,
  weekNegativeShare: (filters, week) => `part des messages négatifs parmi les ${fr.what(filters)}, semaine ${week}`,
  themeGrowth: (theme, weeks, previousWeeks) =>
    `messages dans le thème « ${theme} », ${weeksText(weeks)}${previousWeeks.length ? ` (précédemment : ${weeksText(previousWeeks)})` : ''}`,

  groupRate: ({ byConversation, sentiment, intent, dimension, key, range }) => {
    const that = byConversation
      ? `conversations avec une plainte${intent ? ` ${aboutIntent(intent)}` : ''}`
      : intent
        ? `${fr.what({ ...CUSTOMER_MESSAGES, sentiment: sentiment as AskFilters['sentiment'], intent })} parmi tous les messages de clients`
        : `messages de clients${sentiment ? ` qui sont ${sentimentPlural(sentiment)}` : ''}`
    return `part des ${that}, ${by(dimension, key)}, ${fr.period(range)}`
  },
  groupCount: ({ byConversation, dimension, key, range }) =>
    `${byConversation ? 'conversations avec des messages de clients' : 'messages de clients'}, ${by(dimension, key)}, ${fr.period(range)}`,
  ranked: ({ customers, sentiment, dimension, key, range, days }) =>
    `${customers ? 'clients qui se sont plaints' : fr.what({ ...CUSTOMER_MESSAGES, sentiment: sentiment as AskFilters['sentiment'] })}, ${by(dimension, key)}, ${fr.period(range)}` +
    `${days !== undefined ? `, sur ${count(days, 'jour', 'jours')}` : ''}`,

  responseTime: ({ measure, channel, range, answered }) =>
    `${RESPONSE_MEASURES[measure]}${on(channel)}, ${fr.period(range)}` +
    `${answered !== undefined ? ` (${count(answered, 'conversation ayant reçu une réponse', 'conversations ayant reçu une réponse')})` : ''}`,
  answeredWithin: ({ channel, minutes, range }) =>
    `part des conversations${on(channel)} ayant reçu une réponse dans un délai ${de(fr.threshold(minutes))}, ${fr.period(range)}`,
  conversationsStarted: (range) => `conversations commencées, ${fr.period(range)}`,
  awaitingReply: (range) => `conversations en attente de réponse (le dernier message est celui du client), ${fr.period(range)}`,
  awaitingOn: (channel) => `en attente de réponse${on(channel)}`,
  waitingLonger: (minutes, range) =>
    `parmi elles, en attente depuis plus ${de(fr.threshold(minutes))} (à compter du dernier message du client), ${fr.period(range)}`,
  neverAnswered: (range) => `conversations restées sans réponse d'un agent, ${fr.period(range)}`,
  neverAnsweredOn: (channel) => `sans réponse${on(channel)}`,
  unansweredComplaints: (range) => `plaintes (premier message négatif) restées sans réponse, ${fr.period(range)}`,

  withCustomerMessages: (range) => `conversations avec des messages de clients, ${fr.period(range)}`,
  messagesInThem: (range) => `messages de ces conversations (des clients et des agents), ${fr.period(range)}`,
  messagesPerConversation: (average, range) => `nombre ${average === 'mean' ? 'moyen' : 'médian'} de messages par conversation, ${fr.period(range)}`,
  customers: (range) => `clients (un identifiant sur un canal), ${fr.period(range)}`,
  repeatCustomers: (range) => `clients ayant écrit dans plus d'une conversation, ${fr.period(range)}`,
  repeatShare: (range) => `part des clients ayant écrit dans plus d'une conversation, parmi l'ensemble des clients, ${fr.period(range)}`,
  withoutHandle: (range) => `conversations sans identifiant client (non comptées comme clients), ${fr.period(range)}`,
}
