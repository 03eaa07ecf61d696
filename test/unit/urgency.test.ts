import { describe, expect, it } from 'vitest'
import { assessNeedsReply, type ReplySignals } from '../../src/chains/classify/urgency.ts'

const customer = (text: string, extra: Partial<ReplySignals> = {}): ReplySignals => ({ text, role: 'customer', ...extra })

describe('assessNeedsReply', () => {
  it('never asks to reply to agent messages', () => {
    expect(assessNeedsReply({ text: 'Is there anything else I can help with?', role: 'agent' })).toEqual({
      needsReply: false,
      urgency: 'none',
      reasons: ['agent_message'],
    })
  })

  it.each(['Thanks!', 'thank you so much 🙏', 'ok', 'Merci beaucoup', '감사합니다', 'ขอบคุณมากค่ะ', 'Vielen Dank!'])('needs no reply to a closing message: %s', (text) => {
    const a = assessNeedsReply(customer(text))
    expect(a.needsReply).toBe(false)
    expect(a.urgency).toBe('none')
    expect(a.reasons[0]).toMatch(/thanks_only|acknowledgement_only/)
  })

  it('reads a thanks that hands over a code, after an answer, as the customer\'s turn (TWCS: "Booking no YIUBPF. Thanks.")', () => {
    const after = { afterAgentReply: true }
    expect(assessNeedsReply(customer('Perfect, thank you!', after))).toMatchObject({ needsReply: false, reasons: ['closing'] })
    expect(assessNeedsReply(customer('Thanks, version 5.2.1 works now', after))).toMatchObject({ needsReply: false, reasons: ['closing'] })
    for (const text of ['@AirAsiaSupport Booking no YIUBPF. Thanks.', 'Thanks, order BW-8042600', 'Thanks! It is 07700 900123']) {
      expect(assessNeedsReply(customer(text, after)).needsReply).toBe(true)
    }
  })

  it('sends a customer asking whether a message is a scam to a human ("is this a scam? got a text saying my account is suspended")', () => {
    for (const text of ['@Brightwave is this a scam? got a text saying my account is suspended with a link to log in', "C'est une arnaque ? J'ai reçu un SMS", 'Got a suspicious email asking for my card details']) {
      const a = assessNeedsReply(customer(text))
      expect(a.reasons).toContain('security_terms')
      expect(a.urgency).toBe('high')
    }
    // A scamp is no scam.
    expect(assessNeedsReply(customer('My dog is a little scamp, he chewed the remote')).reasons).not.toContain('security_terms')
  })

  it('flags a customer who asks for a manager or has explained the case before', () => {
    for (const text of ["I want to speak to a manager, this is ridiculous. Third time I'm explaining the same thing.", 'Quiero hablar con un supervisor', 'Ich möchte mit einem Vorgesetzten sprechen']) {
      expect(assessNeedsReply(customer(text))).toMatchObject({ needsReply: true, urgency: 'high' })
      expect(assessNeedsReply(customer(text)).reasons).toContain('escalation_request')
    }
    // A problem that happened a third time is no request to escalate.
    expect(assessNeedsReply(customer('Third time in a row my internet dropped tonight')).reasons).not.toContain('escalation_request')
  })

  it('needs no reply to emoji-only messages', () => {
    expect(assessNeedsReply(customer('👍🙂'))).toMatchObject({ needsReply: false, reasons: ['emoji_only'] })
  })

  it('still answers "thanks, but ..." messages that ask something', () => {
    const a = assessNeedsReply(customer('Thanks, but when will it arrive?'))
    expect(a.needsReply).toBe(true)
    expect(a.reasons).toContain('question')
  })

  it.each([
    'When does my plan renew?',
    'how do I reset my router',
    'Quand est-ce que ma commande arrive',
    '¿Dónde está mi pedido?',
    'Wie kann ich meine Adresse ändern',
    '배송은 언제 오나요',
    'จะได้รับของเมื่อไหร่',
  ])('recognises a question: %s', (text) => {
    const a = assessNeedsReply(customer(text))
    expect(a.needsReply).toBe(true)
    expect(a.reasons).toContain('question')
    expect(a.urgency).toBe('normal')
  })

  it('rates outages high and lists the reason', () => {
    const a = assessNeedsReply(customer('Your app is down again, nothing works'))
    expect(a).toMatchObject({ needsReply: true, urgency: 'high' })
    expect(a.reasons).toContain('outage_terms')
  })

  it('rates safety issues critical', () => {
    const a = assessNeedsReply(customer('The charger caught fire and my son was injured'))
    expect(a.urgency).toBe('critical')
    expect(a.reasons).toContain('safety_terms')
  })

  it('rates legal threats and cancellations high', () => {
    expect(assessNeedsReply(customer('I will talk to my lawyer about this')).reasons).toContain('legal_terms')
    expect(assessNeedsReply(customer('Je veux résilier mon abonnement')).urgency).toBe('high')
    expect(assessNeedsReply(customer('구독 해지해 주세요')).reasons).toContain('cancellation_terms')
  })

  it('uses complaints and negative sentiment', () => {
    const a = assessNeedsReply(customer('Really disappointed with the service today', { sentiment: { label: 'negative', score: 0.9 } }))
    expect(a.needsReply).toBe(true)
    expect(a.reasons).toEqual(expect.arrayContaining(['complaint', 'negative_sentiment']))
    expect(a.urgency).toBe('normal')
  })

  it('escalates repeated contact', () => {
    const once = assessNeedsReply(customer('My parcel has not arrived', { unansweredCustomerMessages: 1 }))
    const thrice = assessNeedsReply(customer('My parcel has not arrived', { unansweredCustomerMessages: 3 }))
    const many = assessNeedsReply(customer('My parcel has not arrived', { unansweredCustomerMessages: 5 }))
    expect(once.reasons).not.toContain('repeated_contact')
    expect(thrice.reasons).toContain('repeated_contact')
    const order = ['none', 'low', 'normal', 'high', 'critical']
    expect(order.indexOf(thrice.urgency)).toBeGreaterThan(order.indexOf(once.urgency))
    expect(order.indexOf(many.urgency)).toBeGreaterThanOrEqual(order.indexOf('high'))
  })

  it('treats an angry public mention of the brand as more urgent', () => {
    const plain = assessNeedsReply(customer('worst service ever'))
    const mention = assessNeedsReply(customer('@AcmeCare worst service ever', { brandHandles: ['@acmecare'] }))
    expect(mention.reasons).toContain('brand_mention')
    expect(['none', 'low', 'normal', 'high', 'critical'].indexOf(mention.urgency)).toBeGreaterThan(['none', 'low', 'normal', 'high', 'critical'].indexOf(plain.urgency))
  })

  it('does not ask to answer praise or chatter unless it mentions the brand', () => {
    expect(assessNeedsReply(customer('Loving the new colours this season', { intent: 'praise' }))).toMatchObject({ needsReply: false, reasons: ['no_request'] })
    expect(assessNeedsReply(customer('@acme loving the new colours', { intent: 'praise', brandHandles: ['acme'] }))).toMatchObject({ needsReply: true, urgency: 'low' })
  })

  it('still expects a reply to a plain customer statement', () => {
    expect(assessNeedsReply(customer('My order number is 48213'))).toEqual({ needsReply: true, urgency: 'low', reasons: ['customer_message'] })
  })
})
