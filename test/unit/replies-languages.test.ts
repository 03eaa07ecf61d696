// Drafts for a message in a language the brand has never answered in: English past replies, said so,
// and said to be weak matches when they are.
import { describe, expect, it } from 'vitest'
import { localDrafts } from '../../src/chains/replies/local.ts'
import { EMPTY_VOICE, type ReplyCandidate, type ReplyRequest } from '../../src/chains/replies/types.ts'

const dutch: ReplyRequest = {
  workspaceId: 'w', conversationId: 'c', channel: 'whatsapp', mode: 'private', tone: 'friendly', n: 3, maxChars: 2000,
  customer: { handle: null, name: null }, voice: EMPTY_VOICE,
  turns: [{ messageId: 'm1', role: 'customer', text: 'Hallo, ik ben twee keer gefactureerd voor mijn abonnement deze maand. Kunnen jullie dat terugstorten?', language: 'nl', needsReply: true, urgency: 'normal', reasons: [] }],
}
const past = (id: string, text: string, similarity: number): ReplyCandidate => ({
  id, kind: 'agent_message', conversationId: `past-${id}`, customerMessageId: `cm-${id}`, customerText: 'a past message', similarity, contextSimilarity: null, text, language: 'en', pastCustomer: { handle: null, name: null },
})
const drafted = (similarity: number) => localDrafts(dutch, {
  query: dutch.turns[0].text, language: 'nl', knowledge: [],
  candidates: [
    past('leave', 'No problem. Can I ask what made you decide to leave? And please send us your account email.', similarity),
    past('feedback', "Thanks for the feedback! We've passed it to our app team, who read every suggestion.", similarity * 0.95),
  ],
})

describe('a message in a language the brand never answered in', () => {
  it('says the English drafts match it weakly across languages (a Dutch double charge got replies about leaving and app feedback at 0.1)', () => {
    const { note, language } = drafted(0.12)
    expect(language).toBe('en')
    expect(note).toContain('no past replies in Dutch; drafts are in English')
    expect(note).toContain('match this message weakly across languages')
  })

  it('says only that they are in English when they match well', () => {
    const { note } = drafted(0.8)
    expect(note).toContain('no past replies in Dutch; drafts are in English')
    expect(note).not.toContain('weakly')
  })
})
