// The local answer is written in the question's language: a French leader got "There were about 82
// (estimated from classifier labels…) negative customer messages" to "Combien de clients se sont plaints
// ce mois-ci ?". Each answer shape below (counts, changes, rankings, rates, weekdays, care, trends,
// comparisons, examples, the preface) is written in each language with its figures, and nothing English.
import { describe, expect, it } from 'vitest'
import { answerLocally, prefaceOf } from '../../src/chains/ask/answer-local.ts'
import { unsupportedNumbers } from '../../src/chains/ask/answer-llm.ts'
import { phrasesFor } from '../../src/chains/ask/phrases/index.ts'
import type { AnswerRequest, AskCitation, AskFigure, AskPlan } from '../../src/chains/ask/types.ts'
import { detectLanguage } from '../../src/chains/classify/language.ts'

const month = { from: '2026-11-01T00:00:00.000Z', to: '2026-11-10T09:00:00.000Z', label: 'this month (1 Nov 2026 – 10 Nov 2026)' }
const before = { from: '2026-10-22T15:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: 'previous period (22 Oct 2026 – 31 Oct 2026)' }
const week = { from: '2026-11-09T00:00:00.000Z', to: '2026-11-10T09:00:00.000Z', label: 'this week (9 Nov 2026 – 10 Nov 2026)', underway: 'week' as const }
const sameDaysBefore = { from: '2026-11-02T00:00:00.000Z', to: '2026-11-03T09:00:00.000Z', label: 'the same days last week (2 Nov 2026 – 3 Nov 2026)' }
const allTime = { from: '1970-01-01T00:00:00.000Z', to: '2026-11-10T09:00:00.000Z', label: 'all time' }
const weeks = { from: '2026-09-15T09:00:00.000Z', to: '2026-11-10T09:00:00.000Z', label: 'past 8 weeks' }
const est = (value: number, low: number, high: number) => ({ value, low, high, method: 'labels' })
const at = (range: { from: string; to: string }, filters: Record<string, unknown> = {}) => ({ from: range.from, to: range.to, filters })
const NEGATIVE = { customerRole: 'customer' as const, sentiment: 'negative' as const }

/** The English questions; each language asks the same. */
type Case = { name: string; plan: AskPlan; figures: AskFigure[]; citations?: AskCitation[]; questions: Record<string, string> }

const citation = (n: number, text: string): AskCitation => ({ n, messageId: `m${n}`, conversationId: `c${n}`, channel: 'x', sentAt: month.from, text, sentiment: 'negative', intent: 'billing', score: 1 })

const CASES: Case[] = [
  {
    name: 'a count of complaints, their customers, their share and the change',
    plan: { kind: 'count', timeRange: month, previousRange: before, filters: NEGATIVE, wantsShare: false, countsCustomers: true, planner: 'local' },
    figures: [
      { kind: 'count', label: 'negative customer messages, this month', value: 82, unit: 'messages', estimate: est(82, 59, 113), ...at(month) },
      { kind: 'count', label: 'conversations with a complaint, this month', value: 66, unit: 'conversations', estimate: { ...est(66, 47, 71), method: 'labels; a complaint is a negative message, or a neutral one reporting a problem' }, ...at(month) },
      { kind: 'count', label: 'all customer messages, this month', value: 147, unit: 'messages', exact: true, ...at(month) },
      { kind: 'share', label: 'negative customer messages as a share of all customer messages', value: 55.8, unit: 'percent', estimate: est(55.8, 40.1, 76.9), ...at(month) },
      { kind: 'previous_count', label: 'negative customer messages, previous period (22 Oct 2026 – 31 Oct 2026)', value: 113, unit: 'messages', estimate: est(113, 90, 140), ...at(before) },
      { kind: 'change', label: 'change against the previous period', value: -27.4, unit: 'percent', estimate: est(-27.4, -50, 10), ...at(month) },
    ],
    citations: [citation(1, 'Crash crash crash 😡'), citation(2, '£42.00 x2 ???')],
    questions: {
      en: 'How many customers complained this month?', fr: 'Combien de clients se sont plaints ce mois-ci ?', de: 'Wie viele Kunden haben sich diesen Monat beschwert?',
      es: '¿Cuántos clientes se quejaron este mes?', pt: 'Quantos clientes reclamaram este mês?', it: 'Quanti clienti si sono lamentati questo mese?',
    },
  },
  {
    name: 'an exact count on a channel and its share',
    plan: { kind: 'count', timeRange: month, previousRange: before, filters: { customerRole: 'customer', channel: 'whatsapp' }, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'count', label: 'customer messages on whatsapp, this month', value: 10, unit: 'messages', exact: true, ...at(month) },
      { kind: 'count', label: 'all customer messages, this month', value: 126, unit: 'messages', exact: true, ...at(month) },
      { kind: 'share', label: 'customer messages on whatsapp as a share of all customer messages', value: 7.9, unit: 'percent', exact: true, ...at(month) },
      { kind: 'previous_count', label: 'customer messages on whatsapp, previous period (22 Oct 2026 – 31 Oct 2026)', value: 27, unit: 'messages', exact: true, ...at(before) },
      { kind: 'change', label: 'change against the previous period', value: -63, unit: 'percent', ...at(month) },
    ],
    questions: {
      en: 'How many messages came in on WhatsApp this month?', fr: 'Combien de messages sont arrivés sur WhatsApp ce mois-ci ?', de: 'Wie viele Nachrichten kamen diesen Monat über WhatsApp?',
      es: '¿Cuántos mensajes llegaron por WhatsApp este mes?', pt: 'Quantas mensagens chegaram pelo WhatsApp este mês?', it: 'Quanti messaggi sono arrivati su WhatsApp questo mese?',
    },
  },
  {
    name: 'nothing matched',
    plan: { kind: 'count', timeRange: month, filters: { ...NEGATIVE, intent: 'appointment' }, wantsShare: false, planner: 'local' },
    figures: [{ kind: 'count', label: 'negative customer messages about appointment, this month', value: 0, unit: 'messages', estimate: est(0, 0, 0), ...at(month) }],
    questions: {
      en: 'How many complaints about appointments this month?', fr: 'Combien de plaintes sur les rendez-vous ce mois-ci ?', de: 'Wie viele Beschwerden über Termine diesen Monat?',
      es: '¿Cuántas quejas sobre citas este mes?', pt: 'Quantas reclamações sobre agendamentos este mês?', it: 'Quanti reclami sugli appuntamenti questo mese?',
    },
  },
  {
    name: 'a ranking of complaints by subject',
    plan: { kind: 'rank', groupBy: 'intent', timeRange: month, filters: NEGATIVE, wantsShare: false, countsCustomers: true, planner: 'local' },
    figures: [
      { kind: 'breakdown', label: 'bug outage', value: 31, unit: 'conversations', group: { intent: 'bug_outage' }, estimate: est(31, 24, 42), ...at(month) },
      { kind: 'breakdown', label: 'connectivity', value: 11, unit: 'conversations', group: { intent: 'connectivity' }, estimate: est(11, 7, 16), ...at(month) },
      { kind: 'breakdown', label: 'billing', value: 6, unit: 'conversations', group: { intent: 'billing' }, estimate: est(6, 3, 9), ...at(month) },
      { kind: 'breakdown', label: 'other', value: 1, unit: 'conversations', group: { intent: 'other' }, estimate: est(1, 0, 3), ...at(month) },
    ],
    questions: {
      en: 'What are customers most unhappy about this month?', fr: 'De quoi les clients sont-ils le plus mécontents ce mois-ci ?', de: 'Womit sind die Kunden diesen Monat am unzufriedensten?',
      es: '¿Con qué están más descontentos los clientes este mes?', pt: 'Com o que os clientes estão mais insatisfeitos este mês?', it: 'Di cosa sono più insoddisfatti i clienti questo mese?',
    },
  },
  {
    name: 'a ranking of rates by channel',
    plan: { kind: 'rank', groupBy: 'channel', timeRange: allTime, filters: NEGATIVE, wantsShare: true, planner: 'local' },
    figures: [
      { kind: 'breakdown', label: 'share, instagram', value: 52.3, unit: 'percent', group: { channel: 'instagram' }, estimate: est(52.3, 36, 74), ...at(allTime) },
      { kind: 'count', label: 'messages, instagram', value: 172, unit: 'messages', group: { channel: 'instagram' }, exact: true, ...at(allTime) },
      { kind: 'breakdown', label: 'share, x', value: 50, unit: 'percent', group: { channel: 'x' }, estimate: est(50, 40, 61), ...at(allTime) },
      { kind: 'count', label: 'messages, x', value: 484, unit: 'messages', group: { channel: 'x' }, exact: true, ...at(allTime) },
    ],
    questions: {
      en: 'Which channel is the most negative?', fr: 'Quel canal est le plus négatif ?', de: 'Welcher Kanal ist am negativsten?',
      es: '¿Qué canal es el más negativo?', pt: 'Qual canal é o mais negativo?', it: 'Quale canale è il più negativo?',
    },
  },
  {
    name: 'a ranking of weekdays',
    plan: { kind: 'rank', groupBy: 'weekday', timeRange: allTime, filters: { customerRole: 'customer' }, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'breakdown', label: 'Monday', value: 187, unit: 'messages', group: { weekday: '1', days: '12' }, exact: true, ...at(allTime) },
      { kind: 'breakdown', label: 'Tuesday', value: 150, unit: 'messages', group: { weekday: '2', days: '11' }, exact: true, ...at(allTime) },
    ],
    questions: {
      en: 'Which weekday has the most messages?', fr: 'Quel jour de la semaine a le plus de messages ?', de: 'Welcher Wochentag hat die meisten Nachrichten?',
      es: '¿Qué día de la semana tiene más mensajes?', pt: 'Qual dia da semana tem mais mensagens?', it: 'Quale giorno della settimana ha più messaggi?',
    },
  },
  {
    name: 'conversations waiting for a reply, and those never answered',
    plan: { kind: 'awaiting', timeRange: allTime, filters: { customerRole: 'customer' }, wantsShare: false, waitingMinutes: 2880, planner: 'local' },
    figures: [
      { kind: 'count', label: 'conversations', value: 528, unit: 'conversations', exact: true, ...at(allTime) },
      { kind: 'awaiting_reply', label: 'awaiting', value: 262, unit: 'conversations', exact: true, ...at(allTime) },
      { kind: 'awaiting_reply', label: 'waiting longer', value: 257, unit: 'conversations', exact: true, group: { measure: 'waiting_longer', minutes: '2880' }, ...at(allTime) },
      { kind: 'breakdown', label: 'awaiting on x', value: 78, unit: 'conversations', group: { channel: 'x', measure: 'awaiting' }, exact: true, ...at(allTime) },
      { kind: 'breakdown', label: 'awaiting on chat', value: 45, unit: 'conversations', group: { channel: 'chat', measure: 'awaiting' }, exact: true, ...at(allTime) },
      { kind: 'count', label: 'never answered', value: 55, unit: 'conversations', group: { measure: 'unanswered' }, exact: true, ...at(allTime) },
      { kind: 'count', label: 'never answered complaints', value: 36, unit: 'conversations', group: { measure: 'unanswered_complaints' }, estimate: est(36, 30, 42), ...at(allTime) },
    ],
    questions: {
      en: 'How many conversations have waited more than 2 days for a reply?', fr: 'Combien de conversations attendent une réponse depuis plus de 2 jours ?', de: 'Wie viele Gespräche warten seit mehr als 2 Tagen auf eine Antwort?',
      es: '¿Cuántas conversaciones llevan más de 2 días esperando respuesta?', pt: 'Quantas conversas aguardam resposta há mais de 2 dias?', it: 'Quante conversazioni aspettano una risposta da più di 2 giorni?',
    },
  },
  {
    name: 'response times',
    plan: { kind: 'response_time', timeRange: allTime, filters: { customerRole: 'customer' }, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'count', label: 'conversations', value: 528, unit: 'conversations', exact: true, ...at(allTime) },
      { kind: 'response_time', label: 'median', value: 156.5, unit: 'minutes', group: { measure: 'median' }, exact: true, ...at(allTime) },
      { kind: 'response_time', label: 'p90', value: 732, unit: 'minutes', group: { measure: 'p90' }, exact: true, ...at(allTime) },
      { kind: 'response_time', label: 'median email', value: 924, unit: 'minutes', group: { measure: 'median', channel: 'email' }, exact: true, ...at(allTime) },
      { kind: 'response_time', label: 'median chat', value: 3, unit: 'minutes', group: { measure: 'median', channel: 'chat' }, exact: true, ...at(allTime) },
      { kind: 'share', label: 'within an hour', value: 23.5, unit: 'percent', group: { measure: 'answered_within', minutes: '60' }, exact: true, ...at(allTime) },
    ],
    questions: {
      en: 'What is the median response time?', fr: 'Quel est le temps de réponse médian ?', de: 'Wie ist die mittlere Antwortzeit?',
      es: '¿Cuál es el tiempo de respuesta medio?', pt: 'Qual é o tempo de resposta médio?', it: 'Qual è il tempo di risposta medio?',
    },
  },
  {
    name: 'a trend over weeks',
    plan: { kind: 'trend', timeRange: weeks, filters: NEGATIVE, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'count', label: 'negative customer messages', value: 532, unit: 'messages', estimate: est(532, 383, 725), ...at(weeks) },
      { kind: 'series', label: 'W38', value: 40, unit: 'messages', group: { measure: 'volume', week: '2026-W38', partial: 'true' }, estimate: est(40, 30, 55), ...at(weeks) },
      { kind: 'series', label: 'W39', value: 60, unit: 'messages', group: { measure: 'volume', week: '2026-W39' }, estimate: est(60, 45, 80), ...at(weeks) },
      { kind: 'series', label: 'W45', value: 90, unit: 'messages', group: { measure: 'volume', week: '2026-W45' }, estimate: est(90, 70, 120), ...at(weeks) },
      { kind: 'sentiment_mix', label: 'negative share', value: 45.5, unit: 'percent', group: { sentiment: 'negative' }, estimate: est(45.5, 33, 60), previousValue: 40, ...at(weeks) },
    ],
    questions: {
      en: 'How have complaints changed over the last 8 weeks?', fr: 'Comment les plaintes ont-elles évolué ces 8 dernières semaines ?', de: 'Wie haben sich die Beschwerden in den letzten 8 Wochen entwickelt?',
      es: '¿Cómo han evolucionado las quejas en las últimas 8 semanas?', pt: 'Como evoluíram as reclamações nas últimas 8 semanas?', it: 'Come sono cambiati i reclami nelle ultime 8 settimane?',
    },
  },
  {
    name: 'a comparison of the positive share and of topics',
    plan: { kind: 'compare', timeRange: month, previousRange: before, filters: { customerRole: 'customer', sentiment: 'positive' }, wantsShare: true, planner: 'local' },
    figures: [
      { kind: 'count', label: 'positive customer messages', value: 40, unit: 'messages', estimate: est(40, 30, 52), ...at(month) },
      { kind: 'count', label: 'all customer messages', value: 147, unit: 'messages', exact: true, ...at(month) },
      { kind: 'share', label: 'positive share', value: 27.2, unit: 'percent', estimate: est(27.2, 20, 35), ...at(month) },
      { kind: 'share', label: 'positive share before', value: 34, unit: 'percent', estimate: est(34, 17.7, 51.5), group: { period: 'previous' }, ...at(before) },
      { kind: 'previous_count', label: 'positive customer messages, previous period (22 Oct 2026 – 31 Oct 2026)', value: 50, unit: 'messages', estimate: est(50, 38, 64), ...at(before) },
      { kind: 'breakdown', label: 'praise', value: 30, previousValue: 5, unit: 'messages', group: { intent: 'praise' }, ...at(month) },
      { kind: 'breakdown', label: 'billing', value: 2, previousValue: 30, unit: 'messages', group: { intent: 'billing' }, ...at(month) },
    ],
    questions: {
      en: 'Are customers happier this month than last month?', fr: 'Les clients sont-ils plus satisfaits ce mois-ci que le mois dernier ?', de: 'Sind die Kunden diesen Monat zufriedener als letzten Monat?',
      es: '¿Están los clientes más contentos este mes que el mes pasado?', pt: 'Os clientes estão mais satisfeitos este mês do que no mês passado?', it: 'I clienti sono più soddisfatti questo mese rispetto al mese scorso?',
    },
  },
  {
    name: 'complaints in a week under way against the same days last week, more customers than negative messages',
    plan: { kind: 'compare', timeRange: week, previousRange: sameDaysBefore, filters: NEGATIVE, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'count', label: 'negative customer messages, this week', value: 55, unit: 'messages', estimate: est(55, 34, 83), ...at(week) },
      { kind: 'count', label: 'conversations with a complaint, this week', value: 75, unit: 'conversations', estimate: { ...est(75, 36, 87), method: 'labels; a complaint is a negative message, or a neutral one reporting a problem' }, ...at(week) },
      { kind: 'previous_count', label: 'negative customer messages, the same days last week', value: 11, unit: 'messages', estimate: est(11, 6, 19), ...at(sameDaysBefore) },
      { kind: 'previous_count', label: 'conversations with a complaint, the same days last week', value: 8, unit: 'conversations', estimate: { ...est(8, 4, 10), method: 'labels; a complaint is a negative message, or a neutral one reporting a problem' }, ...at(sameDaysBefore) },
    ],
    questions: {
      en: 'Did complaints go up this week?', fr: 'Les plaintes ont-elles augmenté cette semaine ?', de: 'Sind die Beschwerden diese Woche gestiegen?',
      es: '¿Aumentaron las quejas esta semana?', pt: 'As reclamações aumentaram esta semana?', it: 'I reclami sono aumentati questa settimana?',
    },
  },
  {
    name: 'examples',
    plan: { kind: 'examples', timeRange: allTime, filters: { ...NEGATIVE, intent: 'billing' }, wantsShare: false, planner: 'local' },
    figures: [{ kind: 'count', label: 'negative customer messages about billing', value: 42, unit: 'messages', estimate: est(42, 30, 55), ...at(allTime) }],
    citations: [citation(1, '£42.00 x2 ???'), citation(2, 'Bill x2 😡')],
    questions: {
      en: 'Show me examples of billing complaints', fr: 'Montre-moi des exemples de plaintes sur la facturation', de: 'Zeig mir Beispiele für Beschwerden über die Abrechnung',
      es: 'Muéstrame ejemplos de quejas sobre la facturación', pt: 'Mostra-me exemplos de reclamações sobre a cobrança', it: 'Mostrami esempi di reclami sulla fatturazione',
    },
  },
  {
    name: 'how customers feel and what they write about',
    plan: { kind: 'why', timeRange: allTime, filters: { customerRole: 'customer', channel: 'instagram' }, wantsShare: false, planner: 'local' },
    figures: [
      { kind: 'count', label: 'customer messages on instagram', value: 300, unit: 'messages', exact: true, ...at(allTime) },
      { kind: 'sentiment_mix', label: 'negative', value: 50.5, unit: 'percent', group: { sentiment: 'negative' }, estimate: est(50.5, 36.4, 68.9), ...at(allTime) },
      { kind: 'sentiment_mix', label: 'positive', value: 33.4, unit: 'percent', group: { sentiment: 'positive' }, estimate: est(33.4, 17.8, 50), ...at(allTime) },
      { kind: 'breakdown', label: 'connectivity', value: 80, unit: 'messages', group: { intent: 'connectivity' }, estimate: est(80, 60, 100), ...at(allTime) },
      { kind: 'breakdown', label: 'other', value: 13, unit: 'messages', group: { intent: 'other' }, estimate: est(13, 8, 20), ...at(allTime) },
    ],
    questions: {
      en: 'What is the mood on Instagram?', fr: 'Quelle est l’humeur sur Instagram ?', de: 'Wie ist die Stimmung auf Instagram?',
      es: '¿Cuál es el sentimiento en Instagram?', pt: 'Qual é o sentimento no Instagram?', it: 'Qual è l’umore su Instagram?',
    },
  },
]

/** Words of the English answer no other language writes. */
const ENGLISH = /\b(?:There (?:were|was|is|are)|the|and|about|Then|estimated|interval|previous|customers?|never|reply|waiting|which|share|weekly|per day|exact)\b/

const request = (c: Case, question: string): AnswerRequest => ({ question, plan: c.plan, figures: c.figures, citations: c.citations ?? [], workspaceId: 'w' })
/** The answer without its quotes (customers write in any language) and channel names. */
const ownWords = (answer: string) => answer.replace(/[“«„"][^”»“"]*[”»“"]\s*\[\d+\]/g, ' ').replace(/\b(?:whatsapp|instagram|x|chat|email)\b/g, ' ')

describe('the local answer in the question\'s language', () => {
  for (const language of ['fr', 'de', 'es', 'pt', 'it']) {
    it.each(CASES.map((c) => [c.name, c] as const))(`${language}: %s`, (_name, c) => {
      const answer = answerLocally(request(c, c.questions[language]!))
      const english = answerLocally(request(c, c.questions.en!))
      expect(ownWords(answer), answer).not.toMatch(ENGLISH)
      expect(detectLanguage(ownWords(answer)).language, answer).toBe(language)
      // Every figure the English answer states is stated, in the language's own way of writing numbers.
      const numbers = (text: string) => [...ownWords(text).matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(',', '.'))).sort((a, b) => a - b)
      expect(numbers(answer).filter((n) => n > 31), answer).toEqual(expect.arrayContaining(numbers(english).filter((n) => n > 31)))
    })
  }

  it('writes English when the question is English or its language cannot be told', () => {
    const c = CASES[0]!
    expect(answerLocally(request(c, c.questions.en!))).toMatch(/^There were about 82 \(estimated from classifier labels, 95% interval 59–113\) negative customer messages/)
    expect(answerLocally(request(c, '??'))).toMatch(/^There were about 82/)
  })

  it('names the same days of last week, and says why more customers complained than there were negative messages', () => {
    const c = CASES.find((x) => x.plan.previousRange === sameDaysBefore)!
    expect(answerLocally(request(c, c.questions.en!))).toContain(
      'About 75 customers complained in this week (9 Nov 2026 – 10 Nov 2026) (95% interval 36–87; a complaint is a negative message, or a neutral one reporting the problem, ' +
        'so they outnumber the negative messages), against about 8 in the same days last week (2 Nov 2026 – 3 Nov 2026) (95% interval 4–10): up.',
    )
    const said = {
      fr: ['les mêmes jours de la semaine dernière', 'une plainte est un message négatif'],
      de: ['denselben Tagen der letzten Woche', 'als Beschwerde gilt eine negative Nachricht'],
      es: ['los mismos días de la semana pasada', 'una queja es un mensaje negativo'],
      pt: ['nos mesmos dias da semana passada', 'uma reclamação é uma mensagem negativa'],
      it: ['negli stessi giorni della settimana scorsa', 'un reclamo è un messaggio negativo'],
    }
    for (const [language, words] of Object.entries(said)) {
      const answer = answerLocally(request(c, c.questions[language]!))
      for (const w of words) expect(answer, language).toContain(w)
    }
  })

  it('writes the preface in the question\'s language too', () => {
    const plan: AskPlan = { ...CASES[0]!.plan, notComputed: 'averages per conversation or customer', understood: false, understoodAs: 'count; all time' }
    for (const language of ['fr', 'de', 'es', 'pt', 'it']) {
      const question = CASES[0]!.questions[language]!
      const preface = prefaceOf({ question, plan })
      expect(preface).toBe(phrasesFor(question).notComputed('averages per conversation or customer', 'count; all time'))
      expect(detectLanguage(ownWords(preface.replace('count; all time', ''))).language, preface).toBe(language)
      expect(preface).not.toMatch(/averages per conversation/)
    }
  })

  it('lets an LLM answer write decimals with a comma', () => {
    expect(unsupportedNumbers('Environ 55,8 % des 1,053 messages', new Set(['55.8', '1053']))).toEqual([])
    expect(unsupportedNumbers('Environ 55,9 %', new Set(['55.8']))).toEqual(['55.9'])
  })
})
