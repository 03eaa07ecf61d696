// Issue 11: drafts an agent can send without fear. Each case of the issue, reproduced on the pure
// functions that decide it: another customer's data, invented actions, words deleted, wrong channel.
import { describe, expect, it } from 'vitest'
import { EntityIndex, foreignEntityRate } from '../../evals/foreign-entities.ts'
import { ASKS_GIVEN_CONFIDENCE } from '../../src/chains/replies/asks-given.ts'
import { claimsOf, doneInConversation } from '../../src/chains/replies/claims.ts'
import { draftWarnings } from '../../src/chains/replies/warnings.ts'
import { cleanReply, frameDraftDetailed, signOffFor } from '../../src/chains/replies/clean.ts'
import { assessTrigger, localDrafts, rankCandidates } from '../../src/chains/replies/local.ts'
import { fillSlots, slotContextFor } from '../../src/chains/replies/template.ts'
import { EMPTY_VOICE, type ReplyCandidate, type ReplyRequest, type Retrieval } from '../../src/chains/replies/types.ts'
import { findCaseFacts } from '../../src/safety/case-facts.ts'
import { redact } from '../../src/safety/redact.ts'

function request(texts: string[], over: Partial<ReplyRequest> = {}): ReplyRequest {
  return {
    workspaceId: 'w', conversationId: 'current', channel: 'facebook', mode: 'private', tone: 'friendly', n: 3, maxChars: 2_000,
    customer: { handle: 'anna.k', name: 'Anna Keller' }, voice: EMPTY_VOICE,
    turns: texts.map((text, i) => ({ messageId: `m${i}`, role: 'customer' as const, text, language: 'en', needsReply: true, urgency: 'normal', reasons: [] })),
    ...over,
  }
}

const candidate = (id: string, text: string, similarity: number, name: string | null = null): ReplyCandidate => ({
  id, kind: 'agent_message', conversationId: `past-${id}`, customerMessageId: `cm-${id}`, customerText: '', similarity, contextSimilarity: null, text, language: 'en', pastCustomer: { handle: null, name },
})

describe('case facts', () => {
  it('finds identifiers of any shape, amounts, dates and times without a keyword before them', () => {
    const facts = findCaseFacts('The second £42.00 payment on BW-9094474 was a duplicate; bw-3311278 and #A12-99 too, 12345678 on 3 March at 14:30.')
    expect(facts.map((f) => `${f.type}:${f.value}`)).toEqual([
      'amount:£42.00', 'identifier:BW-9094474', 'identifier:bw-3311278', 'identifier:#A12-99', 'identifier:12345678', 'date:3 March', 'time:14:30',
    ])
  })

  it('works in other languages and leaves model names, versions and years alone', () => {
    expect(findCaseFacts('Der Betrag von 27,50 € wurde am 3. März erstattet.').map((f) => f.type)).toEqual(['amount', 'date'])
    expect(findCaseFacts('El pedido 123456789 llega el 5 de mayo.').map((f) => f.type)).toEqual(['identifier', 'date'])
    expect(findCaseFacts('The Brightbox 4K runs 1080p on iOS 17.2 since 2026, support 24/7.')).toEqual([])
  })

  it('reads a weekday as one case\'s date, a plural as a rule', () => {
    const dates = (text: string) => findCaseFacts(text).filter((f) => f.type === 'date').map((f) => f.value)
    expect(dates("so I've booked an engineer for Wednesday between 8am and 1pm.")).toEqual(['Wednesday'])
    expect(dates('Votre colis arrive mardi, le livreur passe vendredi.')).toEqual(['mardi', 'vendredi'])
    expect(dates('수요일 오전 8시에 방문합니다')).toEqual(['수요일'])
    expect(dates('我们周三安排上门，每周一休息，一周三次')).toEqual(['周三'])
    expect(dates('We are closed on Sundays.')).toEqual([])
  })

  it('reads "the 1st" as a date, "the 4th time" as a count (a draft said "I\'ve booked your home move for the 1st" to a customer moving on the 14th)', () => {
    const dates = (text: string) => findCaseFacts(text).filter((f) => f.type === 'date').map((f) => f.value)
    expect(dates("I've booked your home move for the 1st; take the hub with you.")).toEqual(['1st'])
    expect(dates('You can cancel from the 20th with no fee.')).toEqual(['20th'])
    expect(dates('Booked for the 3rd.')).toEqual(['3rd'])
    expect(dates("It's the 4th time this week, and the 2nd engineer who didn't come.")).toEqual([])
    expect(dates('We are on the 12th floor.')).toEqual([])
  })

  it('leaves a sentence\'s full stop after a time ("between 8am and 1pm. You\'ll get a text")', () => {
    expect(findCaseFacts("between 8am and 1pm. You'll get a text").map((f) => f.value)).toEqual(['8am', '1pm'])
    expect(findCaseFacts('from 9 a.m. to 5 p.m. every day').map((f) => f.value)).toEqual(['9 a.m.', '5 p.m.'])
  })

  it('reads a currency code only as a word of its own (bw-facebook-0301 got "débrancher le rout[amount] secondes")', () => {
    expect(findCaseFacts('Pouvez-vous débrancher le routeur 30 secondes ?')).toEqual([])
    expect(findCaseFacts('Le boîtier coûte EUR 30, ou CHF 45.').map((f) => f.value)).toEqual(['EUR 30', 'CHF 45'])
  })

  it('the redactor catches a bare order reference too, in theme quotes and citations alike', () => {
    expect(redact('The second payment on BW-9094474 was a duplicate').text).toBe('The second payment on [ORDER_1] was a duplicate')
    expect(redact('see bw-3311278').text).toBe('see [ORDER_1]')
  })
})

describe('a past reply becomes a template (bw-facebook-0237 got another customer’s BW-9094474 and £42.00)', () => {
  const past = "Hi Tom! The second £42.00 payment on BW-9094474 was a duplicate: I've refunded it. – Marta, Brightwave"

  it('fills the order number from the current conversation and leaves the unknown amount as a placeholder', () => {
    const req = request(['I was charged twice for order BW-6333896, please help'])
    const slots = slotContextFor(req, [], [candidate('tom', past, 0.9, 'Tom Baker')])
    const body = cleanReply(past, { brandHandles: [], pastCustomer: { handle: null, name: 'Tom Baker' }, slots, channel: 'facebook' })!
    expect(body).toBe("The second [amount] payment on BW-6333896 was a duplicate: I've refunded it.")
  })

  it('calls the customer by the first name the greeting uses, however short ("Jo Park" was told "Sorry about that, Park.")', () => {
    const reply = 'Sorry about that, Alex. The refund was issued today.'
    const draft = (name: string) => {
      const req = request(['How long does a refund take?'], { customer: { handle: null, name } })
      const slots = slotContextFor(req, [], [candidate('alex', reply, 0.5, 'Alex Doe')])
      return cleanReply(reply, { brandHandles: [], pastCustomer: { handle: null, name: 'Alex Doe' }, slots, channel: 'chat' })
    }
    expect(draft('Jo Park')).toBe('Sorry about that, Jo. The refund was issued today.')
    expect(draft('Anna Keller')).toBe('Sorry about that, Anna. The refund was issued today.')
  })

  it('leaves a detail the past customer gave and the reply only repeated as a placeholder (bw-email-0419 in Headingley got "including Otley")', () => {
    const outage = (id: string, area: string): ReplyCandidate => ({
      ...candidate(id, `Really sorry! There's an outage affecting parts of West Yorkshire including ${area} since 6am after a fibre cable was damaged.`, 0.8),
      customerText: `No internet in ${area} since this morning`,
    })
    // The brand's own words (here "Hub", written in two conversations where the customer never said it) stay.
    const hub = (id: string) => ({ ...candidate(id, 'Restart your Hub from the app, and tell us if the light stays orange.', 0.7), customerText: 'my router keeps dropping' })
    // A town the reply named after an earlier message of its customer ("Any ETA?") is still not the brand's word.
    const later = { ...candidate('c', 'The repair is finished and service in Otley has been back since 21:10.', 0.6), customerText: 'Any ETA?' }
    // Capitalised after a handle or at a sentence's start, or written in lower case elsewhere: a plain word.
    const plain = [
      { ...candidate('d', '@dans90 This made our day! We will tell the team.', 0.5), customerText: 'this is the best service' },
      { ...candidate('e', 'The Voice remote is on back order, sorry.', 0.5), customerText: 'where is my voice remote' },
      { ...candidate('f', 'Sorry for the wait! The voice remote ships next week.', 0.5), customerText: 'remote?' },
      { ...candidate('g', "C'est un problème connu avec la connexion Face ID, désolés.", 0.5), customerText: 'Face ID ne marche plus' },
      { ...candidate('h', 'Das ist ein bekannter Fehler beim Login, melde dich neu an.', 0.5), customerText: 'Login geht nicht', language: 'de' },
    ]
    const pool = [outage('a', 'Otley'), outage('b', 'Pudsey'), later, hub('h1'), hub('h2'), ...plain]
    const elsewhere = slotContextFor(request(['no wifi, no TV, no updates from you. Headingley. great']), [], pool)
    const draft = fillSlots(pool[0].text, elsewhere)
    expect(draft.text).toBe("Really sorry! There's an outage affecting parts of West Yorkshire including [place] since [time] after a fibre cable was damaged.")
    expect(draft.placeholders).toEqual(['[place]', '[time]'])
    expect(fillSlots(pool[3].text, elsewhere).text).toBe(pool[3].text)
    expect(fillSlots(later.text, elsewhere).text).toContain('service in [place] has been back')
    for (const c of plain) expect(fillSlots(c.text, elsewhere).placeholders.filter((p) => p !== '[handle]')).toEqual([])
    // The same town in the current conversation backs it, however it is written.
    const there = slotContextFor(request(['still no internet in otley, what is going on?']), [], pool)
    expect(fillSlots(pool[0].text, there).text).toContain('including Otley since')
  })

  it('takes a town the past customer named earlier in the case for theirs, however many cases the brand wrote it in ("Does the hub work with a mesh system?" got "service in Pudsey has been back")', () => {
    const back = (id: string) => ({ ...candidate(id, 'The repair is finished and service in Pudsey has been back since 21:10.', 0.6), customerText: 'Any ETA? This is costing me a days work', caseText: 'No internet at all in Pudsey since 7am\nAny ETA? This is costing me a days work' })
    const pool = [back('p1'), back('p2'), back('p3')]
    const slots = slotContextFor(request(['Does the hub work with a mesh system?']), [], pool)
    expect(fillSlots(pool[0].text, slots).text).toBe('The repair is finished and service in [place] has been back since [time].')
    // The customer's own town stays.
    expect(fillSlots(pool[0].text, slotContextFor(request(['still no internet in pudsey']), [], pool)).text).toContain('service in Pudsey')
  })

  it('never drafts what the agent already sent in this conversation (bw-x-0403 got its own last reply again, at 1.0)', () => {
    const restored = '@priya.358 Service is restored now. If your router is still offline, please restart it once. ^CT'
    const turns = [
      { messageId: 'm1', role: 'customer' as const, text: 'No internet at all since 7am, Pudsey', language: 'en', needsReply: true, urgency: 'normal' as const, reasons: [] },
      { messageId: 'm2', role: 'agent' as const, text: restored, language: 'en', needsReply: null, urgency: null, reasons: [] },
      { messageId: 'm3', role: 'customer' as const, text: 'Still nothing here in Pudsey', language: 'en', needsReply: true, urgency: 'normal' as const, reasons: [] },
    ]
    const pool = [candidate('same', '@sam Service is restored now. If your router is still offline, please restart it once. ^LB', 0.95), candidate('other', 'Sorry it is still down. Could you restart the router once and tell us the light colour?', 0.6)]
    const ranked = rankCandidates(request([], { turns, channel: 'x' }), pool)
    expect(ranked.map((r) => r.members[0].id)).toEqual(['other'])
  })

  it('fills the customer\'s order number only into a slot for an order number (bw-email-0285: "cancellation booked, reference BW-6037218" was their order number)', () => {
    const req = request(['Please cancel my subscription. My account email is zoe@example.net and the order number is BW-6037218, in case you need them.'])
    const slots = slotContextFor(req, [], [])
    expect(fillSlots('Done: your cancellation is booked for 30 days from today, reference BW-1180442.', slots).text).toBe('Done: your cancellation is booked for 30 days from today, reference [reference].')
    expect(fillSlots('Your order BW-1180442 is cancelled.', slots).text).toBe('Your order BW-6037218 is cancelled.')
  })

  it('flags a past finding on another order once the customer\'s own order number is filled into it (bw-whatsapp-0077)', () => {
    const req = request(['Um, where is my voice remote? Order BW-8042600. No updates at all.'])
    const ranked = rankCandidates(req, [
      candidate('queue', 'Thanks! Order BW-1180442 is near the front of the queue and will ship in the first batch.', 0.9),
      candidate('ask', 'Sorry for the wait! Could you send us your order number BW-1180442?', 0.8),
    ])
    const queue = ranked.find((r) => r.members[0].id === 'queue')!
    expect(queue.body).toContain('Order BW-8042600 is near the front')
    expect(queue.claims).toEqual(['checked'])
    expect(ranked.find((r) => r.members[0].id === 'ask')!.claims).toEqual([])
  })

  it('does not ask for the order number the customer already gave (bw-whatsapp-0077: "Order BW-8042600" got "Could you send us your order number?")', () => {
    const given = request(['Um, where is my voice remote? Order BW-8042600. No updates at all.'])
    const pool = [
      candidate('alone', 'Sorry for the wait! New stock arrives next week and orders ship in the order they were placed. Could you send us your order number?', 0.9),
      candidate('more', 'Sorry for the wait! Could you send us your order number and the email on your account?', 0.9),
    ]
    const ranked = rankCandidates(given, pool)
    expect(ranked[0].members[0].id).toBe('alone')
    expect(ranked[0].body).toBe('Sorry for the wait! New stock arrives next week and orders ship in the order they were placed.')
    // A question for more than the number stays whole, below the reply that needs nothing.
    expect(ranked[1].body).toContain('order number and the email')
    // Without a number given, the question is the right one.
    expect(rankCandidates(request(['Um, where is my voice remote? No updates at all.']), pool).map((r) => r.body)).toContain(pool[0].text)
  })

  it('does not ask for a date, an address, an e-mail the customer gave ("moving on 14 December to … LS6 2AB" was asked for "the new postcode and your moving date")', () => {
    const moving = request(["Hello, I'm moving house on 14 December to 22 Oak Lane, Leeds LS6 2AB. Can I take my broadband with me?"])
    const pool = [candidate('move', 'Congratulations on the move! You can take your plan with you at no cost if we cover the new address. Could you send us the new postcode and your moving date?', 0.9)]
    expect(rankCandidates(moving, pool)[0].body).toBe('Congratulations on the move! You can take your plan with you at no cost if we cover the new address.')
    // Only the date given: the question also asks for the postcode, and stays.
    expect(rankCandidates(request(["I'm moving house on 14 December, can I take my broadband?"]), pool)[0].body).toBe(pool[0].text)
    const email = candidate('email', 'Sorry about that! Could you send us the email on your account? We will look into it.', 0.9)
    expect(rankCandidates(request(['Charged twice, my account is jo@example.com']), [email])[0].body).toBe('Sorry about that! We will look into it.')
    expect(rankCandidates(request(['Charged twice this month']), [email])[0].body).toBe(email.text)
    // A request asks as a question does.
    const please = candidate('please', 'Sorry about that! Please send us your order number. We will chase the courier.', 0.9)
    expect(rankCandidates(request(['Where is my remote? Order BW-8042600.']), [please])[0].body).toBe('Sorry about that! We will chase the courier.')
  })

  it('drops the yes or no a past reply gave its own question ("Will I get an email confirming the refund?" got "No, you won\'t: …")', () => {
    const asked = request(['Thanks. Will I get an email confirming the refund?'])
    const text = "No, you won't: the duplicate came from a payment retry on our side. The extra payment is refunded, 3–5 working days to show."
    expect(rankCandidates(asked, [candidate('retry', text, 0.2)])[0].body).toBe('The duplicate came from a payment retry on our side. The extra payment is refunded, 3–5 working days to show.')
    // The same question: the answer stands.
    expect(rankCandidates(asked, [candidate('retry', text, 0.8)])[0].body).toBe(text)
    // A customer who asks nothing is answered no yes or no, however near their words ("I was charged twice this month" got it at 0.35).
    const told = request(['I was charged twice this month'])
    expect(rankCandidates(told, [candidate('retry', text, 0.8)])[0].body).toBe('The duplicate came from a payment retry on our side. The extra payment is refunded, 3–5 working days to show.')
  })

  it('drops the cheer a past reply gave its own customer\'s news ("¡Genial!" opened an app answer to a router still red)', () => {
    const router = request(['Mi router no funciona desde ayer, la luz está en rojo. Ya lo he reiniciado dos veces'])
    const genial = '¡Genial! Podrás volver a activar el acceso biométrico con la versión 5.2.1.'
    expect(rankCandidates(router, [candidate('app', genial, 0.2)])[0].body).toBe('Podrás volver a activar el acceso biométrico con la versión 5.2.1.')
    const moved = 'Congratulations on the move! You can take your plan with you at no cost if we cover the new address.'
    expect(rankCandidates(request(['Do you have a cheaper plan?']), [candidate('move', moved, 0.2)])[0].body).toBe('You can take your plan with you at no cost if we cover the new address.')
    // The news it cheered is this customer's: it stands; an apology is no cheer.
    expect(rankCandidates(router, [candidate('app', genial, 0.8)])[0].body).toBe(genial)
    const sorry = 'Super sorry about that! Could you restart the router?'
    expect(rankCandidates(router, [candidate('sorry', sorry, 0.2)])[0].body).toBe(sorry)
    // "Glad it's working!" opened a draft for a power adapter missing from the box.
    const glad = "Glad it's working! You can turn biometric login back on once 5.2.1 is out."
    expect(rankCandidates(router, [candidate('glad', glad, 0.1)])[0].body).toBe('You can turn biometric login back on once 5.2.1 is out.')
    const freut = 'Das freut uns! Die Version 5.2.1 kommt als normales Update.'
    expect(rankCandidates(router, [candidate('freut', freut, 0.1)])[0].body).toBe('Die Version 5.2.1 kommt als normales Update.')
  })

  it('offers no reply that only asks for what the customer gave ("Sorry for the wait! Could you send us your order number…?" was the first draft to "Order 88213")', () => {
    const order = request(['Il mio ordine non è ancora arrivato. Ordine BW-5512309'])
    for (const text of ["Scusa per l'attesa! Puoi inviarci il numero d'ordine?", 'Sorry for the wait! Could you send us your order number (it starts with BW-) so we can check with the courier?']) {
      expect(rankCandidates(order, [candidate('ask', text, 0.9)])).toEqual([])
      // Not given, it is asked.
      expect(rankCandidates(request(['Il mio ordine non è ancora arrivato.']), [candidate('ask', text, 0.9)])[0].body).toBe(text)
    }
    // More than courtesy left: the question goes.
    const more = candidate('more', 'Sorry for the wait! Parcels are with the courier for 2–3 working days. Could you send us your order number?', 0.9)
    expect(rankCandidates(order, [more])[0].body).toBe('Sorry for the wait! Parcels are with the courier for 2–3 working days.')
  })

  it('trusts less a draft that still asks for what the customer gave ("Puoi inviarci il numero d\'ordine?" was the first draft, 0.44, to "Numero ordine BW-5512345")', () => {
    // It asks for the address too, so it stays.
    const ask = "Scusa per l'attesa! Puoi inviarci il numero d'ordine e l'indirizzo?"
    const confidenceFor = (text: string) => localDrafts(request([text]), { query: text, language: 'it', knowledge: [], candidates: [candidate('ask', ask, 0.6)] }).drafts.find((d) => d.text.includes("numero d'ordine"))!.confidence
    const gave = confidenceFor('Il mio ordine non è ancora arrivato. Ordine BW-5512309')
    const didNot = confidenceFor('Il mio ordine non è ancora arrivato.')
    expect(gave).toBeCloseTo(didNot * ASKS_GIVEN_CONFIDENCE, 2)
  })

  it('does not ask a customer with a plain question what happened ("quanto costa?" got "Puoi raccontarci … cosa è successo?")', () => {
    const approaches = (text: string, intent: string, language: string) => {
      const req = request([text])
      req.turns[0] = { ...req.turns[0]!, intent, language }
      return localDrafts(req, { query: text, language, knowledge: [], candidates: [] }).drafts.map((d) => d.approach)
    }
    expect(approaches('Ciao, vorrei passare alla fibra 900, quanto costa?', 'pricing', 'it')).not.toContain('ask_details')
    expect(approaches('Ciao, vorrei passare alla fibra 900, quanto costa?', 'pricing', 'it').length).toBeGreaterThan(0)
    // A problem, asked or told, still is.
    expect(approaches('Il wifi non funziona da ieri, cosa posso fare?', 'connectivity', 'it')).toContain('ask_details')
    expect(approaches('My parcel never arrived', 'other', 'en')).toContain('ask_details')
  })

  it('in public, moves account details to a direct message (three drafts on X asked for the account e-mail in the open)', () => {
    const openly = [
      candidate('a', "We can help with that. Could you send your account email or order number? I'll check your minimum term.", 0.6),
      candidate('b', "Sorry to see you go. You can cancel with 30 days' notice. Can you send us your account email so we can check your contract?", 0.5),
      candidate('c', 'Can I ask what made you decide to leave? And please send us your account email so we can look at your contract.', 0.4),
    ]
    const drafts = (mode: 'public' | 'private', candidates = openly) =>
      localDrafts(request(['Been on hold for 45 minutes. Just want to cancel.'], { mode, channel: 'x' }), { query: '', language: 'en', knowledge: [], candidates }).drafts
    const onX = drafts('public')
    expect(onX.map((d) => d.approach)).toContain('ask_dm')
    expect(onX.at(-1)!.text).toMatch(/send us a DM/)
    // The drafts that ask keep their order and trust: brands differ on asking in public.
    expect(onX[0]!.text).toContain('Could you send your account email or order number?')
    expect(onX[1]!.text).toContain("30 days' notice")
    expect(onX[0]!.confidence).toBe(drafts('private')[0]!.confidence)
    expect(drafts('private').map((d) => d.approach)).not.toContain('ask_dm')
    // A draft that already moves them to a DM stays, and nothing is replaced.
    const dm = candidate('dm', 'No problem: DM us your order number and we will look at any exit fee for you.', 0.3)
    const withDm = drafts('public', [...openly.slice(0, 2), dm])
    expect(withDm.some((d) => d.text.includes('DM us your order number'))).toBe(true)
    expect(withDm.some((d) => d.text.includes('send us a DM with a few more details'))).toBe(false)
  })

  it('does not ask a customer who sent their details in private for a DM ("sent it via DM, its jo.smith@example.com" was)', () => {
    const approaches = (texts: string[]) => localDrafts(request(texts, { mode: 'public', channel: 'x' }), { query: '', language: 'en', knowledge: [], candidates: [] }).drafts.map((d) => d.approach)
    expect(approaches(['my bill went up by £6 and nobody told me'])).toContain('ask_dm')
    for (const said of ['sent it via DM, its jo.smith@example.com', 'Just DMed you', 'my email is jo.smith@example.com', 'Je vous ai envoyé les détails par MP', 'Te lo mandé por DM']) {
      expect(approaches(['my bill went up by £6 and nobody told me', said]), said).not.toContain('ask_dm')
      expect(approaches(['my bill went up by £6 and nobody told me', said]).length, said).toBeGreaterThan(0)
    }
  })

  it('answers a customer who asks for a manager on that first ("Third time I\'m explaining" got "Thanks for the feedback! We\'ve passed it to our app team")', () => {
    const feedback = { ...candidate('feedback', "Thanks for the feedback! We've passed it to our app team, who read every suggestion.", 0.4), customerIntent: 'feature_request' }
    const angry = request(["I want to speak to a manager, this is ridiculous. Third time I'm explaining the same thing."], { mode: 'public', channel: 'twitter' })
    const drafts = localDrafts(angry, { query: '', language: 'en', knowledge: [], candidates: [feedback] }).drafts
    expect(drafts[0].approach).toBe('apologise_escalate')
    expect(drafts[0].text).toContain("sorry you've had to explain this more than once")
    expect(drafts[0].text).toContain('DM')
    expect(drafts[0].sources).toEqual([])
    expect(drafts[0].confidence).toBeGreaterThan(drafts[1].confidence)
    // In a private channel it asks for the details there; in Spanish it is written in Spanish.
    expect(localDrafts({ ...angry, mode: 'private' }, { query: '', language: 'en', knowledge: [], candidates: [feedback] }).drafts[0].text).not.toContain('DM')
    const spanish = request(['Quiero hablar con un supervisor, ya lo expliqué dos veces'], { mode: 'private' })
    spanish.turns[0].language = 'es'
    expect(localDrafts(spanish, { query: '', language: 'es', knowledge: [], candidates: [] }).drafts[0].text).toContain('más de una vez')
    // A past reply that already escalates is answer enough.
    const raised = { ...candidate('raised', "Sorry about this. I've raised it with our team leader, who will call you today.", 0.4) }
    expect(localDrafts(angry, { query: '', language: 'en', knowledge: [], candidates: [raised] }).drafts.filter((d) => d.approach === 'apologise_escalate')).toHaveLength(1)
    // A formal complaint that says nothing of explaining it before is not told it was explained more than once.
    const rude = localDrafts(request(['Your agent Dave was incredibly rude to me today and hung up. I want to make a formal complaint.']), { query: '', language: 'en', knowledge: [], candidates: [] }).drafts[0]!
    expect([rude.approach, rude.text.includes('more than once'), rude.text.includes("I'm sorry about this.")]).toEqual(['apologise_escalate', false, true])
    // Nobody asked: no escalation.
    expect(localDrafts(request(['Can I get the app on my TV?']), { query: '', language: 'en', knowledge: [], candidates: [feedback] }).drafts.map((d) => d.approach)).not.toContain('apologise_escalate')
  })

  it('says so when every past reply offered answered another problem and no article fits ("a discount for pensioners?" got a house move and two outages)', () => {
    const ask = (intent: string, candidates: ReplyCandidate[]) => localDrafts(request([], { turns: [{ messageId: 'm0', role: 'customer' as const, text: 'Do you offer a discount for pensioners on broadband?', language: 'en', intent, needsReply: true, urgency: 'normal' as const, reasons: [] }] }), { query: '', language: 'en', knowledge: [], candidates })
    const move = { ...candidate('move', 'Congratulations on the move! You can take your plan with you at no cost.', 0.2), customerIntent: 'cancellation' }
    const outage = { ...candidate('outage', 'Engineers are working on the outage now; follow our status page for updates.', 0.18), customerIntent: 'connectivity' }
    const plans = { ...candidate('plans', 'We have a 10% discount for over-65s on every broadband plan.', 0.15), customerIntent: 'pricing' }
    expect(ask('pricing', [move, outage]).note).toBe('no past reply or article answers pricing like this: the past replies below answered other problems; write the answer, and consider an article on it')
    // One past reply to the subject is enough, as is a message with no subject to match.
    expect(ask('pricing', [move, outage, plans]).note).toBeUndefined()
    expect(ask('question', [move, outage]).note).toBeUndefined()
    // A reply to a message read as about no subject is no answer to this one ("a paper copy of my invoice?"
    // got "Thank you so much for taking the time to tell us!", whose customer's message was read as other).
    const kindWords = { ...candidate('kind', "Thank you so much for taking the time to tell us! We'll pass your kind words on to the team.", 0.17), customerIntent: 'other' }
    const manager = { ...candidate('manager', "I'm sorry you've had to wait. I've passed this to a team leader.", 0.16), customerIntent: 'complaint' }
    expect(ask('pricing', [kindWords, manager, outage]).note).toMatch(/^no past reply or article answers pricing like this/)
  })

  it('knows a reply to praise by its own words, whatever its customer\'s message was read as (a billing complaint got "we\'ll pass your kind words on")', () => {
    const turn = (text: string, intent: string, sentiment: 'negative' | 'positive') => ({ messageId: 'm0', role: 'customer' as const, text, language: 'en', intent, sentiment, needsReply: true, urgency: 'normal' as const, reasons: [] })
    // The praise these answered was read as billing ("had a problem with my bill and it was fixed…"): the words still thank for kind words.
    const kindWords = { ...candidate('kind', "Thank you so much for taking the time to tell us! We'll pass your kind words on to the team. ❤️", 0.6), customerIntent: 'billing' }
    const shared = { ...candidate('shared', 'Merci beaucoup pour ce message ! Nous transmettons à l’équipe ❤️', 0.5), customerIntent: 'billing', language: 'fr' }
    const refund = { ...candidate('refund', 'Sorry about that! Send us the account email and the date of both payments and we will look into it.', 0.3), customerIntent: 'billing' }
    const drafts = (t: ReturnType<typeof turn>) => localDrafts(request([], { turns: [t] }), { query: '', language: 'en', knowledge: [], candidates: [kindWords, shared, refund] }).drafts.map((d) => d.sources[0]?.id)
    const complaint = drafts(turn('You took £27.50 twice this month, I want the second one back.', 'billing', 'negative'))
    expect(complaint).toContain('refund')
    expect(complaint).not.toContain('kind')
    expect(complaint).not.toContain('shared')
    // Thanks for a bill put right is still answered as praise is, and so is a pleased message in words no cue knows.
    expect(drafts(turn('The double charge was refunded in a day, thank you so much!', 'praise', 'positive'))[0]).toBe('kind')
    expect(drafts(turn('you guys rock 👏✊', 'other', 'positive'))).toContain('kind')
  })

  it('offers no reply to another subject that states an action was taken (a parcel marked delivered got "I\'ve refunded" the duplicate on its order)', () => {
    const turns = [{ messageId: 'm0', role: 'customer' as const, text: "my parcel says delivered but it's not here, order A77812", language: 'en', intent: 'delivery', needsReply: true, urgency: 'normal' as const, reasons: [] }]
    const refund = { ...candidate('refund', "Got it, thank you. The second £42.00 payment on BW-9094474 was a duplicate: I've refunded it.", 0.6), customerIntent: 'billing' }
    const courier = { ...candidate('courier', 'Sorry about that! We will open a case with the courier for you.', 0.3), customerIntent: 'delivery' }
    const sources = (intent: string) => localDrafts(request([], { turns: [{ ...turns[0], intent }] }), { query: '', language: 'en', knowledge: [], candidates: [refund, courier] }).drafts.map((d) => d.sources[0]?.id)
    expect(sources('delivery')).not.toContain('refund')
    expect(sources('delivery')).toContain('courier')
    // On its own subject, the same reply is offered (its claim flagged for the agent).
    expect(sources('billing')).toContain('refund')
  })

  it('answers a customer closing the case only with what the brand said to a closing (bw-x-0240\'s "cheers 👍" got "Congratulations on the move!")', () => {
    const turns = [
      { messageId: 'm1', role: 'customer' as const, text: 'You took £32.00 twice, I want the second one back', language: 'en', needsReply: true, urgency: 'normal' as const, reasons: [] },
      { messageId: 'm2', role: 'agent' as const, text: 'The extra £32.00 is refunded, 3–5 working days to show.', language: 'en', needsReply: null, urgency: null, reasons: [] },
      { messageId: 'm3', role: 'customer' as const, text: 'cheers 👍', language: 'en', needsReply: false, urgency: 'none' as const, reasons: ['acknowledgement_only'] },
    ]
    const move = { ...candidate('move', 'Congratulations on the move! Could you send us the new postcode?', 0.5), customerText: 'Cheers. Moving house on the 1st, can I keep my plan?' }
    const welcome = { ...candidate('welcome', "You're welcome! Shout if you need anything else.", 0.4), customerText: 'Cheers, all sorted 👍' }
    const req = request([], { turns })
    const only = localDrafts(req, { query: '', language: 'en', knowledge: [], candidates: [move, welcome] }).drafts
    expect(only.map((d) => d.sources[0]?.id)).toEqual(['welcome'])
    // Nothing the brand said to a closing: no draft, not a generic template.
    expect(localDrafts(req, { query: '', language: 'en', knowledge: [], candidates: [move] }).drafts).toEqual([])
    // The same replies still answer a question.
    expect(localDrafts(request(['Moving house next month, can I keep my plan?']), { query: '', language: 'en', knowledge: [], candidates: [move, welcome] }).drafts.length).toBeGreaterThan(1)
  })

  it('keeps a value the workspace knowledge states, and the current customer’s own amount', () => {
    const req = request(['I was charged £27.50 twice'])
    const slots = slotContextFor(req, ['Refunds of duplicate payments take 3 to 5 working days. Call 0800 123 4567.'], [])
    expect(fillSlots('We refunded £42.00; call 0800 123 4567 if not there by 14 May.', slots).text).toBe('We refunded £27.50; call 0800 123 4567 if not there by [date].')
  })

  it('a weekday with its date is one slot, not "[date] [date]"', () => {
    const slots = slotContextFor(request(['my internet keeps dropping']), [], [])
    expect(fillSlots('An engineer will visit on Wednesday 12 November between 8am and 1pm.', slots)).toEqual({ text: 'An engineer will visit on [date] between [time] and [time].', placeholders: ['[date]', '[time]', '[time]'] })
    expect(fillSlots('Your parcel arrives on Friday, 14th November.', slots).text).toBe('Your parcel arrives on [date].')
    expect(fillSlots('Votre technicien passera mardi 4 novembre.', slots).text).toBe('Votre technicien passera [date].')
    // Two days joined by a word stay two slots.
    expect(fillSlots('We can come on Monday or Tuesday.', slots).placeholders).toEqual(['[date]', '[date]'])
  })

  it('no draft of the local path holds another conversation’s facts', () => {
    const req = request(['I was charged £27.50 twice, what happened?'])
    const retrieval: Retrieval = {
      query: '', language: 'en', knowledge: [],
      candidates: [
        candidate('1', 'The second £42.00 payment on BW-9094474 was a duplicate: I have refunded it. Call me on 020 7946 0958.', 0.9, 'Tom Baker'),
        candidate('2', "The extra £45.50 is refunded, Sara. We'll email sara.l@example.com once done.", 0.88, 'Sara Lind'),
        candidate('3', "Sorry about the double charge! We'll refund the duplicate within 3 to 5 days.", 0.86),
      ],
    }
    const { drafts } = localDrafts(req, retrieval)
    const index = new EntityIndex({ names: ['Tom Baker', 'Sara Lind'] })
    for (const c of retrieval.candidates) index.add(c.conversationId, [c.text])
    const results = drafts.map((d) => ({ foreign: index.foreignIn(d.text, { conversationId: 'current', texts: req.turns.map((t) => t.text) }) }))
    expect(drafts.length).toBeGreaterThan(0)
    expect(foreignEntityRate(results)).toBe(0)
    expect(drafts.map((d) => d.text).join('\n')).not.toMatch(/42\.00|45\.50|9094474|7946|sara|Sara/i)
  })
})

describe('Korean names (demo bw-x-0369 got "하은님 안녕하세요!", another customer’s name, from a past reply)', () => {
  const past = '하은님 안녕하세요! 불편을 드려 죄송합니다. 앱 캐시를 삭제한 뒤 다시 로그인해 주세요. 하은님, 그래도 안 되면 알려주세요.'

  it('a name before 님 is a name, known or not; titles and kinship words are not', () => {
    expect(findCaseFacts(past).filter((f) => f.type === 'name').map((f) => f.value)).toEqual(['하은', '하은'])
    expect(findCaseFacts('고객님, 선생님과 어머님께 안내드렸습니다.')).toEqual([])
    // A name on record matches with its particle or honorific attached, longest spelling first.
    expect(findCaseFacts('최도윤님께서 요청하신 건입니다.', { names: ['최도윤'] }).map((f) => `${f.type}:${f.value}`)).toEqual(['name:최도윤'])
  })

  it('a reused Korean reply loses the old greeting and name, and greets this customer in Korean', () => {
    const req = request(['업데이트하고 나서 앱이 로딩 화면에서 멈춰요'], { customer: { handle: 'itsseoyeonx', name: null }, channel: 'instagram' })
    const retrieval: Retrieval = { query: '', language: 'ko', knowledge: [], candidates: [{ ...candidate('1', past, 0.9), language: 'ko' }] }
    const { drafts } = localDrafts({ ...req, turns: req.turns.map((t) => ({ ...t, language: 'ko' })) }, retrieval)
    expect(drafts.length).toBeGreaterThan(0)
    for (const d of drafts) {
      expect(d.text).not.toMatch(/하은|Hi there|Thanks|Could you/)
      expect(d.text).toMatch(/^안녕하세요!/)
    }
    const index = new EntityIndex()
    index.add('past-1', [past])
    expect(index.foreignIn(past, { conversationId: 'current', texts: req.turns.map((t) => t.text) })).toEqual(['name:하은'])
  })
})

describe('Thai names (demo bw-facebook-0189: "สวัสดีค่ะ คุณเบียร์", another customer’s nickname)', () => {
  const past = 'สวัสดีค่ะ คุณเบียร์ ขออภัยค่ะ กรุณาอย่าส่งข้อมูลบัตรที่นี่นะคะ รบกวนแจ้งอีเมลของบัญชีค่ะ'

  it('the word after the title คุณ is a name; คุณ inside a word (thank you) is not', () => {
    expect(findCaseFacts(past).filter((f) => f.type === 'name').map((f) => f.value)).toEqual(['เบียร์'])
    expect(findCaseFacts('ขอบคุณมาก ค่ะ ของของคุณอยู่ที่ศูนย์แล้ว')).toEqual([])
  })

  it('removes the greeting as a unit, not สวัสดี where it starts another phrase', () => {
    const ctx = { brandHandles: [], channel: 'facebook' }
    expect(cleanReply('สวัสดีค่ะ คุณเบียร์ รบกวนแจ้งอีเมลของบัญชีค่ะ', ctx)).toBe('รบกวนแจ้งอีเมลของบัญชีค่ะ')
    expect(cleanReply('สวัสดีปีใหม่ค่ะ ขอให้มีความสุขมาก ๆ นะคะ', ctx)).toBe('สวัสดีปีใหม่ค่ะ ขอให้มีความสุขมาก ๆ นะคะ')
  })

  it('a reused Thai reply loses the old greeting and name, and is greeted in the particle of its body', () => {
    const turns = ['บัตรถูกตัดเงินซ้ำค่ะ']
    const req = request(turns, { customer: { handle: 'fon.s', name: null } })
    const thai = { ...req, turns: req.turns.map((t) => ({ ...t, language: 'th' })) }
    for (const [body, particle] of [[past, 'ค่ะ'], [past.replaceAll('ค่ะ', 'ครับ').replaceAll('นะคะ', 'นะครับ'), 'ครับ']] as const) {
      const { drafts } = localDrafts(thai, { query: '', language: 'th', knowledge: [], candidates: [{ ...candidate('1', body, 0.9), language: 'th' }] })
      expect(drafts.length).toBeGreaterThan(0)
      for (const d of drafts) {
        expect(d.text).not.toMatch(/เบียร์|Hi there|Thanks|Could you/)
        expect(d.text.startsWith('สวัสดี')).toBe(true)
      }
      // The reused reply is greeted in its own particle (the holding replies are written with ค่ะ).
      expect(drafts.some((d) => d.text.startsWith(`สวัสดี${particle} ขออภัย${particle}`))).toBe(true)
    }
  })
})

describe('Japanese and Chinese names (a past reply to 田中様 or 王先生 reused for another customer)', () => {
  const cases = [
    { language: 'ja', past: '田中様、お問い合わせありがとうございます。ご不便をおかけして申し訳ございません。配送状況を確認いたしますので、DMで注文番号をお送りいただけますか？', name: '田中', greeting: 'こんにちは！', turn: '充電器を注文したのにまだ届きません。' },
    { language: 'ja', past: '佐藤さん、こんにちは！お手数ですが、アプリを再起動してからもう一度お試しください。', name: '佐藤', greeting: 'こんにちは！', turn: 'アプリが起動しません。' },
    { language: 'zh', past: '王先生您好！很抱歉给您带来不便。请私信我们您的订单号，我们会尽快为您查询物流情况。', name: '王', greeting: '您好！', turn: '我的充电器订单还没收到，什么时候能到？' },
    { language: 'zh', past: '亲爱的张小姐，感谢您的反馈！请先重启应用再试一次，李女士那边也是这样解决的。', name: '张', other: '李', greeting: '您好！', turn: '应用打不开，一直报错。' },
  ]

  it('a name before an honorific or title is a name, known or not; the words that take one too are not', () => {
    const names = (text: string, known?: string[]) => findCaseFacts(text, { names: known }).filter((f) => f.type === 'name').map((f) => f.value)
    expect(names('田中様、鈴木さん、マイク様、山田太郎殿')).toEqual(['田中', '鈴木', 'マイク', '山田太郎'])
    // Customers, everyone, users, roles; 仕様 (spec), 同様 (likewise), ご苦労様, お疲れ様, たくさん (many).
    expect(names('お客様、皆さん、ユーザー様、利用者様、配達員さん、お届け先様。仕様です。同様に、ご苦労様、お疲れ様、たくさん、様々な様子。')).toEqual([])
    // The name does not reach back over the words that lead up to it.
    expect(names('王先生您好！谢谢王小明先生。亲爱的张小姐，尊敬的李明先生，您好先生，老先生')).toEqual(['王', '王小明', '张', '李明'])
    // A name on record runs on without spaces, as these languages are written.
    expect(names('亲爱的王丽，您的订单已发出。', ['王丽'])).toEqual(['王丽'])
    expect(names('田中健様のご注文', ['田中 健'])).toEqual(['田中健'])
  })

  it('amounts and dates written the Japanese, Chinese and Korean way are case facts', () => {
    const facts = findCaseFacts('返金額3,000円で、11月3日に。退款200元，2026年11月3日。30,000원, 11월 3일')
    expect(facts.map((f) => `${f.type}:${f.value}`)).toEqual(['amount:3,000円', 'date:11月3日', 'amount:200元', 'date:2026年11月3日', 'amount:30,000원', 'date:11월 3일'])
  })

  it('clock times written the Korean, Japanese and Chinese way are case facts; durations are not', () => {
    // Demo bw-instagram-0070's Korean draft kept another customer's technician slot, "수요일 오전 8시~오후 1시".
    const times = (text: string) => findCaseFacts(text).filter((f) => f.type === 'time').map((f) => f.value)
    expect(times('수요일 오전 8시~오후 1시에 기사 방문을 예약해 드렸습니다.')).toEqual(['오전 8시', '오후 1시'])
    expect(times('午後3時30分にお電話します。下午3点到 5点')).toEqual(['午後3時30分', '下午3点', '5点'])
    expect(times('24시간 고객센터, 3時間かかります, 评分2.5点')).toEqual([])
  })

  it.each(cases)('a reused $language reply loses the old greeting and $name, and greets this customer in $language', ({ language, past, name, other, greeting, turn }) => {
    const req = request([turn], { customer: { handle: 'kobayashi_r', name: null }, channel: 'instagram', mode: 'public' })
    const turns = req.turns.map((t) => ({ ...t, language }))
    const { drafts, language: answered } = localDrafts({ ...req, turns }, { query: '', language, knowledge: [], candidates: [{ ...candidate('1', past, 0.9), language }] })
    expect(answered).toBe(language)
    // The past reply is used (as a template), and the holding replies are in the customer's language.
    expect(drafts.some((d) => d.sources.length > 0)).toBe(true)
    for (const d of drafts) {
      expect(d.text).not.toContain(name)
      if (other) expect(d.text).not.toContain(other)
      expect(d.text).not.toMatch(/Hi there|Thanks|Could you/)
      expect(d.text.startsWith(greeting)).toBe(true)
    }
  })

  it('removes an agent introduction as a unit, and only after a role word', () => {
    const ctx = { brandHandles: [], channel: 'x' }
    expect(cleanReply('田中様、サポート担当の山田です。アプリを再起動してからもう一度お試しください。', ctx)).toBe('アプリを再起動してからもう一度お試しください。')
    expect(cleanReply('配送センターの遅延です。明日には発送される予定です。', ctx)).toBe('配送センターの遅延です。明日には発送される予定です。')
    expect(cleanReply('王先生您好！我是客服小李，很高兴为您服务。请先重启应用再试一次。', ctx)).toBe('请先重启应用再试一次。')
    expect(cleanReply('客服人员会尽快联系您，请保持电话畅通。', ctx)).toBe('客服人员会尽快联系您，请保持电话畅通。')
  })

  it('two Japanese replies that differ in one clause are one reply used twice, not two drafts', () => {
    const req = request(['充電器を注文したのにまだ届きません。'], { customer: { handle: 'kobayashi_r', name: null }, channel: 'instagram', mode: 'public' })
    const turns = req.turns.map((t) => ({ ...t, language: 'ja' }))
    const candidates = [
      { ...candidate('1', cases[0].past, 0.6), language: 'ja' },
      { ...candidate('2', '佐藤さん、こんにちは！ご迷惑をおかけして申し訳ございません。配送状況を確認いたしますので、DMで注文番号をお送りいただけますか？', 0.55), language: 'ja' },
    ]
    const { drafts } = localDrafts({ ...req, turns }, { query: '', language: 'ja', knowledge: [], candidates })
    expect(drafts.filter((d) => d.text.includes('配送状況を確認いたしますので'))).toHaveLength(1)
    expect(drafts[0].sources.map((s) => s.id)).toEqual(['1', '2'])
  })

  it('greets a customer on record by the name written first, with the honorific of the language', () => {
    const frame = (language: string, name: string) => frameDraftDetailed('お問い合わせありがとうございます。', {
      channel: 'email', mode: 'private', tone: 'friendly', language, maxChars: 2_000, customer: { handle: null, name }, voice: EMPTY_VOICE, approach: 'inform',
    })!.text
    expect(frame('ja', '小林 涼')).toMatch(/^小林様、こんにちは！/)
    expect(frame('zh', '陈静')).toMatch(/^陈静，您好！/)
  })
})

describe('names and greetings in other scripts without capitals (Arabic, Hindi, Hebrew)', () => {
  const names = (text: string, known?: string[]) => findCaseFacts(text, { names: known }).filter((f) => f.type === 'name').map((f) => f.value)

  it('a name after a greeting or title, before जी, or after שלום is a name, known or not', () => {
    expect(names('مرحباً أحمد، نعتذر عن الإزعاج. عزيزتي سارة، شكراً. السيد أحمد علي، تم تحويل طلبك.')).toEqual(['أحمد', 'سارة', 'أحمد علي'])
    expect(names('राहुल जी, असुविधा के लिए खेद है।')).toEqual(['राहुल'])
    expect(names('שלום דנה, מצטערים על העיכוב.')).toEqual(['דנה'])
    // Welcome, dear customer, greetings to all; yes-ji, namaste-ji; "shalom rav", dear customer.
    expect(names('مرحباً بك، عزيزي العميل، أهلاً وسهلاً! مرحباً، شكراً لتواصلك. हाँ जी, नमस्ते जी. שלום רב, לקוח יקר.')).toEqual([])
  })

  it('a name on record is matched as a whole word with its vowel signs, and with an Arabic conjunction joined to it', () => {
    expect(names('شكراً وأحمد ولأحمد، عليك الانتظار', ['أحمد', 'علي'])).toEqual(['أحمد', 'أحمد'])
    expect(names('प्रिय राहुल, धन्यवाद', ['राहुल शर्मा'])).toEqual(['राहुल'])
    expect(names('תודה דנה', ['דנה כהן'])).toEqual(['דנה'])
  })

  it.each([
    { language: 'ar', past: 'مرحباً أحمد، نعتذر عن الإزعاج. يرجى إرسال رقم الطلب في رسالة خاصة لنتحقق من الأمر.', name: 'أحمد', greeting: 'مرحباً!', turn: 'طلبي لم يصل بعد' },
    { language: 'hi', past: 'नमस्ते राहुल जी, असुविधा के लिए खेद है। कृपया ऐप को दोबारा शुरू करके फिर से कोशिश करें।', name: 'राहुल', greeting: 'नमस्ते!', turn: 'ऐप खुल नहीं रहा है' },
    { language: 'he', past: 'שלום דנה, מצטערים על העיכוב. אפשר לשלוח לנו את מספר ההזמנה בהודעה פרטית?', name: 'דנה', greeting: 'שלום!', turn: 'ההזמנה שלי עדיין לא הגיעה' },
  ])('a reused $language reply loses the old greeting and name, and greets and holds in $language', ({ language, past, name, greeting, turn }) => {
    const req = request([turn], { customer: { handle: 'noor.k', name: null }, mode: 'public' })
    const turns = req.turns.map((t) => ({ ...t, language }))
    const { drafts } = localDrafts({ ...req, turns }, { query: '', language, knowledge: [], candidates: [{ ...candidate('1', past, 0.9), language }] })
    expect(drafts.some((d) => d.sources.length > 0)).toBe(true)
    expect(drafts.length).toBe(3)
    for (const d of drafts) {
      expect(d.text).not.toContain(name)
      expect(d.text).not.toMatch(/Hi there|Thanks|Could you/)
      expect(d.text.startsWith(greeting)).toBe(true)
    }
  })

  it('a greeting that starts a sentence stays ("مرحباً بك في…", welcome to…)', () => {
    expect(cleanReply('مرحباً بك في Brightwave! يسعدنا انضمامك إلينا.', { brandHandles: [], channel: 'facebook' })).toBe('مرحباً بك في Brightwave! يسعدنا انضمامك إلينا.')
  })
})

describe('foreign_entity_rate', () => {
  it('catches a planted leak and passes a clean draft', () => {
    const index = new EntityIndex({ names: ['Tom Baker'] })
    index.add('other', ['My order BW-9094474 was charged £42.00 twice. Tom Baker, tom@example.com, +44 20 7946 0958'])
    index.add('current', ['I was charged twice on order BW-6333896'])
    const current = { conversationId: 'current', texts: ['I was charged twice on order BW-6333896'] }
    expect(index.foreignIn('Refunded BW-9094474 for you.', current)).toEqual(['identifier:bw9094474'])
    expect(index.foreignIn('The £42.00 is back on your card, Tom.', current)).toEqual(['amount:42', 'name:tom'])
    expect(index.foreignIn('We wrote to tom@example.com and +44 20 7946 0958.', current)).toHaveLength(2)
    expect(index.foreignIn('We are looking at BW-6333896 now.', current)).toEqual([])
    const rate = foreignEntityRate([{ foreign: ['identifier:bw9094474'] }, { foreign: [] }, { foreign: [] }, { foreign: [] }])
    expect(rate).toBe(0.25)
  })
})

describe('claims of actions (bw-instagram-0108: "The extra £45.50 is refunded")', () => {
  it('flags stated actions in the supported languages, not promises', () => {
    expect(claimsOf("I've refunded it.")).toEqual(['refund'])
    expect(claimsOf('The extra £45.50 is refunded')).toEqual(['refund'])
    expect(claimsOf("I've sent a replacement Brightbox 4K")).toEqual(['sent'])
    // The action as the second verb of the sentence (a demo draft offered on a billing complaint).
    expect(claimsOf("I've updated it to rhiannon@example.net and sent a new reset link there.")).toEqual(['sent'])
    expect(claimsOf('We have checked the line and escalated it to our engineers.')).toEqual(['escalated', 'checked'])
    expect(claimsOf("I've checked the account and we'll refund it tomorrow.")).toEqual(['checked'])
    // A credit under way is one given: an outage's "A 2-day credit is being added to all affected accounts"
    // reached a customer whose TV channels had gone, unflagged.
    expect(claimsOf('Service is restored now. A 2-day credit is being added to all affected accounts automatically.')).toEqual(['credited', 'fixed'])
    expect(claimsOf("We're adding a £10 credit to your account")).toEqual(['credited'])
    expect(claimsOf('A credit is available if you ask for one.')).toEqual([])
    expect(claimsOf('Nous avons remboursé la différence.')).toEqual(['refund'])
    // The demo's French double-charge reply, offered to a customer whose box was down.
    expect(claimsOf("Le second prélèvement était bien un doublon: il est remboursé aujourd'hui, comptez 3 à 5 jours ouvrés.")).toEqual(['refund'])
    expect(claimsOf('Le doublon sera remboursé sous 5 jours.')).toEqual([])
    expect(claimsOf("Le doublon n'est pas encore remboursé.")).toEqual([])
    expect(claimsOf('Wir haben dir den Betrag erstattet.')).toEqual(['refund'])
    expect(claimsOf('Hemos cancelado tu pedido.')).toEqual(['cancelled'])
    expect(claimsOf('Abbiamo inoltrato la richiesta al team.')).toEqual(['escalated'])
    expect(claimsOf('O valor foi creditado na sua conta.')).toEqual(['credited'])
    expect(claimsOf("We'll refund the duplicate within 5 days.")).toEqual([])
    expect(claimsOf('We will send a replacement once it is back in stock.')).toEqual([])
    // ja zh ko th: the done form is a claim, the promise is not.
    expect(claimsOf('重複分を返金いたしました。')).toEqual(['refund'])
    expect(claimsOf('確認のうえ返金いたします。')).toEqual([])
    expect(claimsOf('已为您退款，请注意查收。')).toEqual(['refund'])
    expect(claimsOf('我们会尽快为您退款。')).toEqual([])
    expect(claimsOf('중복 결제 건은 환불 처리되었습니다.')).toEqual(['refund'])
    expect(claimsOf('중복 결제 건은 환불해 드리겠습니다.')).toEqual([])
    expect(claimsOf('ยอดที่ถูกตัดซ้ำได้คืนเงินแล้ววันนี้ค่ะ')).toEqual(['refund'])
    expect(claimsOf('เราจะคืนเงินให้ภายใน 3 วันค่ะ')).toEqual([])
    expect(claimsOf('代替品を発送しました。')).toEqual(['sent'])
    expect(claimsOf('已转交技术团队处理。')).toEqual(['escalated'])
  })

  it('flags an outage stated as going on, not one asked about or denied (the demo\'s "A damaged fibre cable is causing an outage in [place]", 0.57 to "Is there an outage in Headingley?")', () => {
    for (const text of [
      "We're sorry! A damaged fibre cable is causing an outage in Headingley and nearby areas.",
      "Really sorry! There's an outage affecting parts of West Yorkshire including Headingley since 06:40.",
      'Engineers are on site and working to restore service.',
      'Il y a une panne dans votre secteur, nos techniciens travaillent dessus.',
      'Hay una avería en tu zona y los técnicos ya están trabajando.',
      "C'è un guasto nella tua zona.",
    ]) expect(claimsOf(text), text).toEqual(['outage'])
    for (const text of ['Is there an outage in your area?', 'There is no outage in your area, so please restart the hub.', 'We check the status page for outages every hour.']) {
      expect(claimsOf(text), text).toEqual([])
    }
    // Said by an agent of this conversation, it is backed.
    expect(doneInConversation([{ role: 'agent', text: "There's an outage affecting Leeds, sorry." }]).has('outage')).toBe(true)
    // The agent is told what to check, as a state and not an action.
    expect(draftWarnings({ confidence: 0.34, claims: ['outage'], repeats: [] })).toEqual(["says there is an outage in the customer's area: check there is one today before sending"])
    expect(draftWarnings({ confidence: 0.34, claims: ['refund', 'outage'], repeats: [] })[0]).toBe('claims an action was taken (refund): check it really was before sending')
  })

  it('flags a booking made for another customer (the demo\'s "I\'ve booked an engineer for Wednesday between 8am and 1pm")', () => {
    expect(claimsOf("I've run a line test and found a fault on your line, so I've booked an engineer for Wednesday between 8am and 1pm.")).toEqual(['booked', 'checked'])
    expect(claimsOf('Your move is booked for the 20th with no fee.')).toEqual(['booked'])
    expect(claimsOf('Your engineer visit has been rescheduled to Friday.')).toEqual(['booked'])
    expect(claimsOf("We'll book an engineer as soon as the line test is done.")).toEqual([])
    expect(claimsOf('Planned maintenance is scheduled for tonight between 1am and 5am.')).toEqual([])
    expect(claimsOf('Wir haben einen Technikertermin für Mittwoch vereinbart.')).toEqual(['booked'])
    expect(claimsOf("Nous avons programmé la visite d'un technicien.")).toEqual(['booked'])
    expect(claimsOf('Hemos agendado la visita del técnico.')).toEqual(['booked'])
    expect(claimsOf('Su visita técnica está agendada para el viernes.')).toEqual(['booked'])
    expect(claimsOf('El mantenimiento está programado para esta noche.')).toEqual([])
    expect(claimsOf('회선 점검 결과 장애가 확인되어 수요일 오전 8시~오후 1시에 기사 방문을 예약해 드렸습니다.')).toEqual(['booked', 'checked'])
    expect(claimsOf('기사 방문을 예약해 드리겠습니다.')).toEqual([])
    expect(claimsOf('技術者の訪問を予約しました。')).toEqual(['booked'])
    expect(claimsOf('已为您预约上门维修。')).toEqual(['booked'])
  })

  it('flags a finding on another customer\'s account, line or order (the demo\'s "I\'ve checked: the only change is the £3 yearly price rise", at 0.86 for a customer whose bill nobody had checked)', () => {
    expect(claimsOf("I've checked: the only change is the £3 yearly price rise from September. Nothing else has changed on your bill.")).toEqual(['checked'])
    expect(claimsOf("Thanks, I've checked your line and the signal is unstable, so an engineer will visit on Tuesday.")).toEqual(['checked'])
    expect(claimsOf('I can see two payments of £27.50 on your account.')).toEqual(['checked'])
    expect(claimsOf("I can see why that's frustrating.")).toEqual([])
    expect(claimsOf("We'll check this and get back to you as soon as we can.")).toEqual([])
    expect(claimsOf('Let me look into it for you.')).toEqual([])
    expect(claimsOf('Nous avons vérifié votre ligne : le signal est instable.')).toEqual(['checked'])
    expect(claimsOf('Wir haben deine Leitung geprüft.')).toEqual(['checked'])
    expect(claimsOf('Hemos revisado tu factura.')).toEqual(['checked'])
    expect(claimsOf('Abbiamo controllato il tuo ordine.')).toEqual(['checked'])
    expect(claimsOf('確認したところ、配送業者で紛失していました。')).toEqual(['checked'])
    expect(claimsOf('经核实，您的订单已丢失。')).toEqual(['checked'])
    expect(claimsOf('ตรวจสอบแล้วพบว่าสัญญาณไม่เสถียรค่ะ')).toEqual(['checked'])
    // The workspace-less holding replies promise a check in every language: none is a claim.
    for (const promise of ['Lo revisamos y te respondemos lo antes posible.', 'Nous vérifions et revenons vers vous dès que possible.',
      'Wir prüfen das und melden uns so schnell wie möglich.', 'Vamos verificar e voltamos a falar consigo assim que possível.',
      'Verifichiamo e ti rispondiamo il prima possibile.', '확인 후 최대한 빨리 다시 연락드리겠습니다.', 'เราจะตรวจสอบและติดต่อกลับโดยเร็วที่สุดค่ะ',
      '確認のうえ、できるだけ早くご連絡いたします。', '我们会尽快核实并回复您。']) expect(claimsOf(promise)).toEqual([])
  })

  it('flags a parcel said to have shipped (bw-whatsapp-0077 got "Order BW-8042600 shipped yesterday" unflagged), not one that will', () => {
    expect(claimsOf('Order BW-8042600 shipped yesterday and should be with you in 1–2 working days.')).toEqual(['sent'])
    expect(claimsOf('Your replacement hub was dispatched this morning.')).toEqual(['sent'])
    expect(claimsOf('It went out with the courier today.')).toEqual(['sent'])
    expect(claimsOf("Thanks! Your Brightbox is at the local depot and is out for delivery on Friday.")).toEqual(['sent'])
    expect(claimsOf('Once it is out for delivery you will get a text.')).toEqual([])
    // …in the other languages: "Il tuo Brightbox è al deposito locale e arriva [date]" was offered unflagged for a parcel never seen.
    for (const t of ['Il tuo Brightbox è al deposito locale e arriva [date].', 'Votre colis est au dépôt local.', 'Dein Paket ist im lokalen Depot.', 'Tu pedido está en reparto.', 'A sua encomenda está a caminho.']) {
      expect(claimsOf(t), t).toEqual(['sent'])
    }
    expect(claimsOf('Quando sarà al deposito ti avviseremo.')).toEqual([])
    expect(claimsOf("It's with the courier and due Friday.")).toEqual(['sent'])
    // bw-email-0475 was offered, unflagged, another customer's "I've cleared the block and resent the link".
    expect(claimsOf("Our emails to that address were bouncing. I've cleared the block and resent the link.")).toEqual(['sent'])
    expect(claimsOf('We have re-sent the reset link.')).toEqual(['sent'])
    expect(claimsOf("We'll email you once your order has shipped.")).toEqual([])
    expect(claimsOf('Your order will be shipped as soon as stock arrives.')).toEqual([])
    expect(claimsOf('New stock arrives next week and orders ship in the order they were placed.')).toEqual([])
    expect(claimsOf('It went out of stock faster than we planned.')).toEqual([])
  })

  it('takes a statement about the customer\'s own identifier, filled into another case\'s reply, for a finding on it', () => {
    expect(claimsOf('Thanks! Order BW-8042600 is near the front of the queue and will ship in the first batch.', 'BW-8042600')).toEqual(['checked'])
    expect(claimsOf('Thanks! Is BW-8042600 the order you mean?', 'BW-8042600')).toEqual([])
    expect(claimsOf('Thanks! Order BW-8042600 is near the front of the queue.')).toEqual([])
    expect(claimsOf('Sorry for the wait! Could you send us your order number?', 'BW-8042600')).toEqual([])
  })

  it('flags an account said to be unlocked, in each language, not one that will be', () => {
    // The demo's reply to a locked account reached a customer whose password was refused, with only "sent" flagged.
    expect(claimsOf("Thanks! I've unlocked the account and sent a fresh reset link to ana@example.com.")).toEqual(['sent', 'fixed'])
    expect(claimsOf('Your account has been unlocked.')).toEqual(['fixed'])
    expect(claimsOf('Nous avons débloqué votre compte.')).toEqual(['fixed'])
    expect(claimsOf('Wir haben dein Konto entsperrt.')).toEqual(['fixed'])
    expect(claimsOf('Hemos desbloqueado tu cuenta.')).toEqual(['fixed'])
    expect(claimsOf('Desbloqueámos a sua conta.')).toEqual(['fixed'])
    expect(claimsOf('Abbiamo sbloccato il tuo account.')).toEqual(['fixed'])
    expect(claimsOf("Send us your account email and we'll unlock it.")).toEqual([])
    expect(claimsOf('Once the account is unlocked, you can sign in again.')).toEqual([])
  })

  it('flags an outage said to be over (bw-x-0428: "Service is restored now" at 0.97 for "Still nothing here in Shipley"), not a release on its way', () => {
    expect(claimsOf('Service is restored now. If your hub is still offline, please restart it once.')).toEqual(['fixed'])
    expect(claimsOf('Your connection is back up and running again.')).toEqual(['fixed'])
    expect(claimsOf('Le service est rétabli depuis 14h.')).toEqual(['fixed'])
    expect(claimsOf('El servicio ya está restablecido.')).toEqual(['fixed'])
    expect(claimsOf('Il servizio è stato ripristinato.')).toEqual(['fixed'])
    expect(claimsOf('服务已恢复正常。')).toEqual(['fixed'])
    expect(claimsOf('Is the service back up now?')).toEqual([])
    // A condition is no claim: the outage article's "After an outage is fixed, affected accounts receive a credit" was flagged.
    expect(claimsOf('After an outage is fixed, affected accounts receive an automatic credit on the next bill.')).toEqual([])
    expect(claimsOf('If a Hub stays offline after service is restored, a single restart is enough.')).toEqual([])
    expect(claimsOf("We'll tell you as soon as it has been fixed.")).toEqual([])
    // "Does the hub work with a mesh system?" was offered another town's "The repair is finished and service … has been back since 21:10", unflagged.
    expect(claimsOf('The repair is finished and service in Pudsey has been back since 21:10 on Wednesday.')).toEqual(['fixed'])
    expect(claimsOf("We'll let you know once the repair is finished.")).toEqual([])
    // Not restored: the outage it states as going on is a claim of its own.
    expect(claimsOf('Engineers are working on it; service should be restored by 6pm.')).toEqual(['outage'])
    expect(claimsOf('5.2.1 with the fix is on its way.')).toEqual([])
    // A fix applied to the customer's equipment (bw-instagram-0015 was offered the French one unflagged).
    expect(claimsOf("Great! I've also pushed the latest firmware to your router, which fixes evening dropouts.")).toEqual(['fixed'])
    expect(claimsOf('Parfait ! Nous avons aussi installé la dernière mise à jour sur votre modem.')).toEqual(['fixed'])
    expect(claimsOf('Super! Wir haben deinem Router außerdem die neueste Firmware geschickt.')).toEqual(['fixed'])
    expect(claimsOf('Ottimo! Abbiamo anche aggiornato il firmware del tuo router.')).toEqual(['fixed'])
    expect(claimsOf("We'll push a firmware update tonight.")).toEqual([])
    expect(claimsOf('Please update the app to the latest version.')).toEqual([])
    expect(claimsOf('Your replacement is on its way.')).toEqual(['sent'])
    // Feedback handed to a product team is not an action taken on the customer's case: flagging it put a
    // praise reply above the answer to a feature request (bw-chat-0218).
    expect(claimsOf("Thanks for the feedback! We've passed it to our app team.")).toEqual([])
  })

  it('flags stated actions in Arabic, Hindi and Hebrew too, not promises nor the holding replies', () => {
    expect(claimsOf('تم استرداد المبلغ إلى بطاقتك.')).toEqual(['refund'])
    expect(claimsOf('سيتم استرداد المبلغ خلال 5 أيام.')).toEqual([])
    expect(claimsOf('قمنا بإرسال جهاز بديل.')).toEqual(['sent'])
    expect(claimsOf('سنقوم بإرسال جهاز بديل.')).toEqual([])
    expect(claimsOf('لقد قمنا بإلغاء الاشتراك')).toEqual(['cancelled'])
    expect(claimsOf('بعد التحقق، وجدنا أن الخط به عطل.')).toEqual(['checked'])
    expect(claimsOf('हमने आपका रिफंड कर दिया है।')).toEqual(['refund'])
    expect(claimsOf('हम आपका रिफंड कर देंगे।')).toEqual([])
    expect(claimsOf('नया राउटर भेज दिया गया है।')).toEqual(['sent'])
    expect(claimsOf('नया राउटर भेज दिया जाएगा।')).toEqual([])
    expect(claimsOf('रिफंड की प्रक्रिया 5 दिन में पूरी होगी')).toEqual([])
    expect(claimsOf('החזרנו את הכסף לכרטיס שלך.')).toEqual(['refund'])
    expect(claimsOf('ההזמנה שלך בוטלה.')).toEqual(['cancelled'])
    expect(claimsOf('קבענו לך ביקור טכנאי ליום רביעי.')).toEqual(['booked'])
    expect(claimsOf('נשלח לך נתב חדש מחר.')).toEqual([])
    for (const holding of ['شكراً لإبلاغنا. سنتحقق من الأمر ونعود إليك في أقرب وقت ممكن.', 'هل يمكنك إرسال بعض التفاصيل في رسالة خاصة حتى نتمكن من التحقق من الأمر؟',
      'हमें बताने के लिए धन्यवाद। हम इसकी जाँच करेंगे और जल्द से जल्द आपसे संपर्क करेंगे।', 'תודה שעדכנת אותנו. נבדוק את הנושא ונחזור אליך בהקדם האפשרי.',
      'אפשר לשלוח לנו הודעה פרטית עם עוד כמה פרטים כדי שנוכל לבדוק?']) expect(claimsOf(holding)).toEqual([])
  })

  it('a claim the conversation does not show lowers confidence and ranks below a promise of equal relevance', () => {
    const req = request(['I was charged twice!'])
    const retrieval: Retrieval = {
      query: '', language: 'en', knowledge: [],
      candidates: [
        candidate('1', "I've refunded the duplicate payment, it will show in 3 to 5 days.", 0.9),
        candidate('2', "We'll refund the duplicate payment, it will show in 3 to 5 days after that.", 0.89),
      ],
    }
    const { drafts } = localDrafts(req, retrieval)
    expect(drafts[0].claims).toEqual([])
    const claimed = drafts.find((d) => d.claims.length > 0)!
    expect(claimed.claims).toEqual(['refund'])
    expect(claimed.confidence).toBeLessThan(drafts[0].confidence)
  })

  it('an action an agent of this conversation already stated is backed', () => {
    expect(doneInConversation([{ role: 'agent', text: "I've refunded the second payment." }]).has('refund')).toBe(true)
    expect(doneInConversation([{ role: 'customer', text: 'you refunded me? I have been refunded?' }]).has('refund')).toBe(false)
  })
})

describe('clean without damage', () => {
  it('never deletes parts of a past customer’s handle from the text (the_real_jess)', () => {
    const pastCustomer = { handle: 'the_real_jess', name: 'Jess' }
    expect(cleanReply("@the_real_jess we'll email you the moment yours ships, Jess.", { brandHandles: [], pastCustomer }))
      .toBe("We'll email you the moment yours ships, [name].")
    expect(cleanReply('Sorry about the dropouts! Check the light turns solid white.', { brandHandles: [], pastCustomer }))
      .toBe('Sorry about the dropouts! Check the light turns solid white.')
  })

  it('removes greetings, agent introductions, closings and other agents’ names as units', () => {
    const ctx = { brandHandles: [], channel: 'whatsapp' }
    expect(cleanReply("You're chatting with Sam. Your parcel left our warehouse today. – Marta, Brightwave", ctx)).toBe('Your parcel left our warehouse today.')
    expect(cleanReply('Hello Tom,\n\nYour parcel left our warehouse today. If it does not arrive, just reply to this email.\n\nKind regards,\nChris Tan', ctx))
      .toBe('Your parcel left our warehouse today.')
    // The informal forms too: a WhatsApp draft ended "Wenn noch etwas ist, antworte einfach auf diese E-Mail."
    expect(cleanReply('Dann fragen wir beim Paketdienst nach. Wenn noch etwas ist, antworte einfach auf diese E-Mail.', ctx)).toBe('Dann fragen wir beim Paketdienst nach.')
    expect(cleanReply("On relance le transporteur. S'il y a autre chose, réponds à cet e-mail.", ctx)).toBe('On relance le transporteur.')
    expect(cleanReply('Hello Tom,\n\nYour parcel left our warehouse today.\nIt should arrive tomorrow.\n\nKind regards,\nChris Tan', { brandHandles: [], channel: 'email' }))
      .toBe('Your parcel left our warehouse today.\nIt should arrive tomorrow.')
  })

  it('applies the brand sign-off once, per channel, in the customer’s language', () => {
    expect(signOffFor('Kind regards, Brightwave Support', 'email', 'de')).toBe('Viele Grüße,\nBrightwave Support')
    expect(signOffFor('Kind regards, Brightwave Support', 'whatsapp', 'en')).toBe('– Brightwave Support')
    expect(signOffFor('Kind regards', 'x', 'en')).toBe('')
    const o = { channel: 'email', mode: 'private' as const, tone: 'friendly' as const, language: 'de', maxChars: 10_000, customer: { handle: null, name: 'Jonas Weber' }, voice: { ...EMPTY_VOICE, signOff: 'Kind regards, Brightwave' }, approach: 'inform' as const }
    expect(frameDraftDetailed('Dein Paket ist unterwegs.\nEs kommt morgen an.', o)!.text).toBe('Hallo Jonas!\n\nDein Paket ist unterwegs.\nEs kommt morgen an.\n\nViele Grüße,\nBrightwave')
  })

  it('a cut for the channel limit is reported, and a draft cut down to its thanks is dropped', () => {
    const o = { channel: 'x', mode: 'public' as const, tone: 'friendly' as const, language: 'en', maxChars: 120, customer: { handle: null, name: null }, voice: EMPTY_VOICE, approach: 'ask_details' as const, greet: false }
    const framed = frameDraftDetailed('Got it, thank you. Could you tell us which model you have, the firmware version shown under Settings > About, and when the dropouts started?', o)!
    expect(framed.truncated).toBe(true)
    expect(framed.keptShare).toBeLessThan(0.5)
    const req = request(['My router keeps dropping'], { channel: 'x', mode: 'public', maxChars: 120 })
    const { drafts } = localDrafts(req, { query: '', language: 'en', knowledge: [], candidates: [candidate('1', 'Got it, thank you. Could you tell us which model you have, the firmware version shown under Settings > About, and when the dropouts started?', 0.9)] })
    expect(drafts.some((d) => d.text.startsWith('Got it, thank you.') && d.sources.length > 0)).toBe(false)
  })
})

describe('shouldReply both ways', () => {
  const turn = (text: string, reasons: string[], needsReply: boolean) => ({ messageId: 'm', role: 'customer' as const, text, language: null, needsReply, urgency: 'low', reasons })
  it('an unanswered complaint never gets shouldReply false, even when the stored assessment said no_request', () => {
    const req = request([], { turns: [turn("Ma commande n'est toujours pas arrivée, ça fait deux semaines.", ['no_request'], false)] })
    expect(assessTrigger(req)).toMatchObject({ shouldReply: true })
  })
  it('a closing thanks or an emoji still needs no reply', () => {
    expect(assessTrigger(request([], { turns: [turn('Merci beaucoup !', ['thanks_only'], false)] }))).toMatchObject({ shouldReply: false, reason: 'thanks_only' })
    expect(assessTrigger(request([], { turns: [turn('👍', ['emoji_only'], false)] }))).toMatchObject({ shouldReply: false })
  })
})
