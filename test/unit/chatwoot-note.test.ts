import { describe, expect, it } from 'vitest'
import { formatNote, NOTE_HEADER } from '../../src/integrations/chatwoot/note.ts'

const draft = { approach: 'inform', confidence: 0.41, sources: [{ type: 'past_reply' }], claims: [] as string[], repeats: [] as string[] }

describe('the Chatwoot note', () => {
  it('says under each draft what to check before sending, as the console does', () => {
    const note = formatNote([
      { ...draft, text: "I've refunded the duplicate for [order number]. Please restart the router.", claims: ['refund'], repeats: ['restart'] },
      { ...draft, text: 'We will check your line tonight and come back to you.', confidence: 0.3 },
    ], { intent: 'billing' })
    const [first, second] = note.split(/\n\n(?=\d\. )/).slice(1)
    expect(note.startsWith(NOTE_HEADER)).toBe(true)
    expect(first.split('\n')).toEqual([
      '1. inform (confidence 41%)',
      "I've refunded the duplicate for [order number]. Please restart the router.",
      '   ⚠ fill in before sending: [order number]',
      '   ⚠ claims an action was taken (refund): check it really was before sending',
      '   ⚠ tells the customer to restart, which they say they already did',
      '   based on: a past reply',
    ])
    // A draft with nothing to check carries no warning.
    expect(second).not.toContain('⚠')
  })

  it('puts what the drafts lack as a whole under the header, as the console shows it above them', () => {
    const note = formatNote([{ ...draft, text: 'Could you restart the router for 30 seconds?' }], { intent: 'billing', note: 'no past reply or article answers billing like this' })
    expect(note.split('\n').slice(0, 3)).toEqual([NOTE_HEADER, 'intent: billing', '⚠ no past reply or article answers billing like this'])
    expect(formatNote([{ ...draft, text: 'x' }], { intent: 'billing', note: null })).not.toContain('⚠ no past')
  })

  it('warns that a draft near chance may answer a different problem (a double charge got a router restart at 3%)', () => {
    const note = formatNote([{ ...draft, text: 'Could you restart the router for 30 seconds?', confidence: 0.03 }], { intent: 'billing' })
    expect(note).toContain("   ⚠ a weak match: it may answer a different problem, so read it against the customer's message")
    expect(formatNote([{ ...draft, text: 'Could you restart the router for 30 seconds?', confidence: 0.1 }], {})).not.toContain('weak match')
  })
})
