// Measures of conversations as the local answer states them: messages per conversation and customers
// who wrote in more than one conversation, exact, in the question's language, and what they cover.
import { describe, expect, it } from 'vitest'
import { answerLocally } from '../../src/chains/ask/answer-local.ts'
import type { AskFigure, AskFilters, AskPlan, ConversationMeasure } from '../../src/chains/ask/types.ts'

const range = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z', label: 'last month (1 Oct 2026 – 31 Oct 2026)' }
const plan = (measure: ConversationMeasure, filters: AskFilters = { customerRole: 'customer' }): AskPlan =>
  ({ kind: 'count', measure, timeRange: range, filters, planner: 'local', understood: true })
const figure = (f: Partial<AskFigure> & Pick<AskFigure, 'kind' | 'value' | 'unit'>, filters: Record<string, unknown> = {}): AskFigure =>
  ({ label: 'x', exact: true, from: range.from, to: range.to, filters, ...f })

const perConversation = (filters: Record<string, unknown> = {}) => [
  figure({ kind: 'count', value: 241, unit: 'conversations' }, filters),
  figure({ kind: 'count', value: 810, unit: 'messages' }, filters),
  figure({ kind: 'average', value: 3.4, unit: 'messages', group: { measure: 'mean_messages' } }, filters),
  figure({ kind: 'average', value: 4, unit: 'messages', group: { measure: 'median_messages' } }, filters),
]
const repeat = (filters: Record<string, unknown> = {}, withoutHandle = 0) => [
  figure({ kind: 'count', value: 234, unit: 'conversations' }, filters),
  figure({ kind: 'count', value: 230, unit: 'customers', group: { measure: 'customers' } }, filters),
  figure({ kind: 'count', value: 7, unit: 'customers', group: { measure: 'repeat_customers' } }, filters),
  figure({ kind: 'share', value: 3, unit: 'percent', group: { measure: 'repeat_share' } }, filters),
  ...(withoutHandle ? [figure({ kind: 'count', value: withoutHandle, unit: 'conversations', group: { measure: 'without_handle' } }, filters)] : []),
]
const answer = (question: string, p: AskPlan, figures: AskFigure[]) => answerLocally({ question, plan: p, figures, citations: [], workspaceId: 'w' })

describe('measures of conversations', () => {
  it('states messages per conversation with the conversations and messages behind them, in each language', () => {
    expect(answer('What is the average number of messages per conversation?', plan('messages_per_conversation'), perConversation()))
      .toBe("The 241 conversations with customer messages (last month: 1 Oct 2026 – 31 Oct 2026) had 810 messages in all, customers' and agents': 3.4 per conversation on average (median 4); exact, from the stored messages.")
    const asked: Array<[string, RegExp]> = [
      ['Combien de messages par conversation en moyenne ?', /^Les 241 conversations avec des messages de clients .* 810 messages au total.* 3,4 par conversation en moyenne \(médiane : 4\)/],
      ['Wie viele Nachrichten pro Gespräch gab es im Durchschnitt?', /^Die 241 Gespräche mit Kundennachrichten .* 810 Nachrichten .* im Durchschnitt 3,4 pro Gespräch \(Median 4\)/],
      ['¿Cuántos mensajes por conversación hubo de media?', /^Las 241 conversaciones con mensajes de clientes .* 810 mensajes en total.* 3,4 por conversación de media \(mediana: 4\)/],
      ['Quantas mensagens por conversa tivemos em média no mês passado?', /^As 241 conversas com mensagens de clientes .* 810 mensagens no total.* 3,4 por conversa em média \(mediana: 4\)/],
      ['Quanti messaggi per conversazione ci sono stati in media?', /^Le 241 conversazioni con messaggi dei clienti .* 810 messaggi in tutto.* 3,4 per conversazione in media \(mediana: 4\)/],
    ]
    for (const [q, want] of asked) expect(answer(q, plan('messages_per_conversation'), perConversation()), q).toMatch(want)
  })

  it('states customers who wrote more than once as a part of the customers, narrowed as the figures were, and those without a handle', () => {
    expect(answer('How many customers contacted us more than once last month?', plan('repeat_customers'), repeat()))
      .toMatch(/^Of the 230 customers \(last month: 1 Oct 2026 – 31 Oct 2026\), 7 \(3%\) wrote in more than one conversation; exact, counting a customer by their handle on each channel/)
    const onWhatsapp = answer('How many customers on WhatsApp wrote more than once?', plan('repeat_customers', { customerRole: 'customer', channel: 'whatsapp' }), repeat({ channel: 'whatsapp' }, 2))
    expect(onWhatsapp).toMatch(/^Of the 230 customers on whatsapp \(/)
    expect(onWhatsapp).toContain('2 conversations without a customer handle are not counted.')
    expect(answer("Combien de clients nous ont écrit plus d'une fois ?", plan('repeat_customers'), repeat())).toMatch(/^Sur les 230 clients \(.*\), 7 \(3\u202f%\) ont écrit dans plus d'une conversation/)
  })

  it('says the measure is of every conversation when the question named a subject or a tone', () => {
    const billing = plan('messages_per_conversation', { customerRole: 'customer', intent: 'billing', sentiment: 'negative' })
    expect(answer('Average number of messages per conversation for billing complaints?', billing, perConversation())).toContain('These figures are for every conversation in the period, whatever its subject or tone')
    expect(answer('What is the average number of messages per conversation?', plan('messages_per_conversation'), perConversation())).not.toContain('whatever its subject')
  })

  it('says when no conversation falls in the period', () => {
    expect(answer('How many customers wrote more than once last month?', plan('repeat_customers'), [figure({ kind: 'count', value: 0, unit: 'conversations' })])).toMatch(/^No conversations started in last month/)
  })
})
