// Plain cases written for Parley: an explicit complaint is never positive and a thank-you never
// negative, in every supported language — right or `uncertain`, never the opposite. Runs through the
// local classifier exactly as the enrichment stage calls it (shipped model, default taxonomy).
import { describe, expect, it } from 'vitest'
import { createLocalClassifier } from '../../src/chains/classify/local.ts'
import { decideSentiment, SENTIMENT_SURE_MIN } from '../../src/chains/classify/sentiment-decision.ts'
import { DEFAULT_TAXONOMY } from '../../src/chains/classify/taxonomy.ts'
import type { WorkspaceLabels } from '../../src/chains/classify/types.ts'

const COMPLAINTS: Array<[string, string]> = [
  ['en', "You've charged me twice this month. Why?"],
  ['en', 'My order never arrived and nobody answers. Great service 👍'],
  ['en', 'Internet is down again, third time this week!! Love paying for nothing'],
  ['en', 'Still waiting for my refund, thanks a lot'],
  ['en', 'The app keeps crashing since the update, amazing work'],
  ['en', "Can't log in, the reset email never arrives. Please help, thanks in advance!"],
  ['en', 'Wifi keeps dropping every evening 😊'],
  ['fr', 'On m’a prélevé deux fois ce mois-ci, merci de rembourser.'],
  ['fr', 'Mon colis n’est toujours pas arrivé, super.'],
  ['fr', 'Encore une coupure de connexion ce soir, ça ne marche pas.'],
  ['es', 'Me han cobrado dos veces, ¡gracias por nada!'],
  ['es', 'Mi pedido nunca llegó. Sigo esperando.'],
  ['es', 'El wifi se corta cada noche, no funciona.'],
  ['de', 'Sie haben doppelt abgebucht! Danke im Voraus für die Erstattung.'],
  ['de', 'Mein Paket ist nie angekommen.'],
  ['de', 'Das Internet funktioniert schon wieder nicht.'],
  ['pt', 'Fui cobrado duas vezes no cartão, obrigado desde já.'],
  ['pt', 'Meu pedido nunca chegou.'],
  ['pt', 'A internet não funciona de novo.'],
  ['it', 'Mi avete addebitato due volte!'],
  ['it', 'Il mio pacco non è ancora arrivato.'],
  ['it', 'Internet non funziona da stamattina, grazie.'],
  ['ko', '결제가 두 번 결제 됐어요. 환불해 주세요.'],
  ['ko', '택배가 아직도 안 왔어요.'],
  ['th', 'โดนตัดเงินสองครั้งค่ะ'],
  ['th', 'เน็ตล่มอีกแล้ว ใช้ไม่ได้เลย'],
]

const THANKS: Array<[string, string]> = [
  ['en', 'Thank you so much, all sorted now!'],
  ['en', 'Thanks!'],
  ['en', 'Brilliant, thanks for sorting it.'],
  ['en', 'Perfect, tahnk you!'],
  ['en', 'Big thanks to the engineer who came out today.'],
  ['fr', 'Merci beaucoup pour votre aide !'],
  ['fr', 'Super, merci'],
  ['es', '¡Muchas gracias, excelente atención!'],
  ['de', 'Vielen Dank, super Service!'],
  ['pt', 'Muito obrigada, resolveram tudo!'],
  ['it', 'Grazie mille, servizio eccellente!'],
  ['ko', '친절하게 도와주셔서 감사합니다!'],
  ['th', 'ขอบคุณมากค่ะ บริการดีมาก'],
]

const labels: WorkspaceLabels = { workspaceId: 'w', taxonomy: DEFAULT_TAXONOMY, intentCorrections: [], sentimentCorrections: [], brandHandles: [] }
const classifier = createLocalClassifier()

async function sentimentOf(text: string, language: string) {
  const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
  return result.sentiment
}

describe('plain cases: never the opposite of what the customer plainly says', () => {
  it.each(COMPLAINTS)('%s complaint is negative or uncertain: "%s"', async (language, text) => {
    expect(['negative', 'uncertain']).toContain((await sentimentOf(text, language)).label)
  })

  it.each(THANKS)('%s thank-you is positive or uncertain: "%s"', async (language, text) => {
    expect(['positive', 'uncertain']).toContain((await sentimentOf(text, language)).label)
  })

  it('most plain complaints are called negative, not merely hedged', async () => {
    const labelsOut = await Promise.all(COMPLAINTS.map(([language, text]) => sentimentOf(text, language)))
    expect(labelsOut.filter((s) => s.label === 'negative').length).toBeGreaterThanOrEqual(COMPLAINTS.length * 0.7)
  })
})

// A delivery that should have come, or a payment taken again, said plainly and signed off with thanks.
const MISSED_OR_TAKEN_AGAIN: Array<[string, string]> = [
  ['en', 'The driver claims he tried to deliver, I was home all day. Thanks.'],
  ['en', 'There is a second payment on my card this month. Cheers.'],
  ['fr', 'Le colis devait arriver hier, rien. Merci.'],
  ['es', 'El paquete tenía que llegar el lunes. Gracias.'],
  ['pt', 'A encomenda devia ter chegado ontem. Obrigado.'],
  ['de', 'Das Paket hätte gestern kommen sollen. Danke.'],
  ['it', 'Il pacco doveva arrivare ieri. Grazie.'],
]

describe('complaint cues of missed deliveries and payments taken again', () => {
  it.each(MISSED_OR_TAKEN_AGAIN)('%s: thanks does not make "%s" positive', async (language, text) => {
    expect(['negative', 'uncertain']).toContain((await sentimentOf(text, language)).label)
  })
})

// An app or connection fault reported plainly, sometimes signed off with thanks: a complaint, not a thank-you.
const FAULTS_SIGNED_OFF: Array<[string, string]> = [
  ['fr', "Bonjour, impossible d'ouvrir l'appli depuis hier, elle se ferme toute seule. Merci."],
  ['es', 'Desde la actualización la app se cierra al iniciar sesión. Gracias.'],
  ['de', 'Seit dem Update stürzt die App beim Login ab. Danke.'],
  ['pt', 'A app fica bloqueada no ecrã de carregamento desde a atualização. Obrigado.'],
  ['it', "L'app resta bloccata sulla schermata di caricamento. Grazie."],
  ['en', "Since the update the app won't open on my phone. Thanks"],
]

describe('faults signed off with thanks', () => {
  it.each(FAULTS_SIGNED_OFF)('%s: "%s" is negative', async (language, text) => {
    expect((await sentimentOf(text, language)).label).toBe('negative')
  })
})

// A plain request, asked: "Is it possible to suspend my contract for two months?" read as negative (0.51),
// the Portuguese and Italian as positive (0.53, 0.54).
const PLAIN_REQUESTS: Array<[string, string]> = [
  ['en', 'Is it possible to suspend my contract for two months?'],
  ['en', "Hi, I am travelling for three months. Can I pause my broadband subscription instead of cancelling?"],
  ['fr', 'Bonjour, puis-je mettre mon abonnement en pause pendant 3 mois ?'],
  ['de', 'Kann ich meinen Vertrag für zwei Monate pausieren?'],
  ['es', '¿Puedo pausar mi suscripción durante el verano?'],
  ['pt', 'Posso pausar a minha assinatura por dois meses?'],
  ['it', 'Posso sospendere il mio abbonamento per due mesi?'],
  ['en', 'Can you send me a copy of my last three bills?'],
  // A wish and the way to it: the French read as positive (0.53).
  ['fr', "Bonjour, je souhaite résilier mon abonnement, je déménage à l'étranger. Quelle est la procédure ?"],
  ['de', 'Ich möchte meinen Vertrag kündigen, wie geht das?'],
  ['it', "Vorrei disdire l'abbonamento, come faccio?"],
]

describe('plain requests, asked', () => {
  it.each(PLAIN_REQUESTS)('%s: "%s" is neutral or uncertain, never negative or positive', async (language, text) => {
    expect(['neutral', 'uncertain']).toContain((await sentimentOf(text, language)).label)
  })
  it('are not neutral when the request carries a complaint or anger', async () => {
    expect((await sentimentOf("Can I get my money back? You've charged me twice this month!!", 'en')).label).not.toBe('neutral')
    expect(decideSentiment({ negative: 0.5, neutral: 0.3, positive: 0.2 }, 'Can I just cancel? 😡').evidence).not.toContain('request_cue')
    expect(decideSentiment({ negative: 0.5, neutral: 0.3, positive: 0.2 }, 'Can I pause my contract?').evidence).toContain('request_cue')
  })
})

// Something promised and not done, a change not announced, money taken after the end, a manager asked
// for: each read as uncertain before, and charged-after-cancelling in German as a delivery.
const UNKEPT_OR_TAKEN_AFTER_THE_END: Array<[string, string, string]> = [
  ['en', 'I was promised a call back yesterday and nobody called', 'complaint'],
  ['en', 'My bill went up by 10 pounds this month and nobody told me why', 'billing'],
  ['en', 'I want to speak to a manager', 'complaint'],
  ['en', 'Three weeks and my refund still hasn\'t come through', 'billing'],
  ['en', 'The speed is nowhere near what I pay for', 'connectivity'],
  ['en', 'You are still charging me after I cancelled', 'billing'],
  ['fr', "J'ai résilié mon abonnement il y a deux mois et vous me prélevez encore", 'billing'],
  ['de', 'Ich habe vor zwei Monaten gekündigt und Sie buchen immer noch ab', 'billing'],
  ['es', 'Me siguen cobrando después de dar de baja el servicio', 'billing'],
  ['it', 'Ho disdetto il contratto ma continuate ad addebitarmi', 'billing'],
  ['pt', 'Cancelei e continuam a cobrar', 'billing'],
  // A visit moved again and nobody calling back, a box restarting by itself: uncertain, and other, before.
  ['de', 'Hallo, mein Techniker-Termin wurde zweimal verschoben, niemand ruft zurück.', 'appointment'],
  ['pt', 'Olá, a minha box de TV reinicia sozinha todas as noites.', 'product_fault'],
  // Nobody came and nobody said: positive (0.58) before.
  ['it', 'Buongiorno, il tecnico doveva venire oggi tra le 8 e le 12 ma non si è visto nessuno. Nessuno mi ha avvisato.', 'appointment'],
]

describe('unkept promises and money taken after the end', () => {
  it.each(UNKEPT_OR_TAKEN_AFTER_THE_END)('%s: "%s" is negative, and %s', async (language, text, intent) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    expect(result.sentiment.label).toBe('negative')
    expect(result.intent?.label).toBe(intent)
  })
})

// Money taken twice with the amount between, and a recovery link: the theme "Charged twice" felt one customer
// "positive" ("you took £55.00 twice … Many thanks"), and "Brightbox ordered" quoted a Portuguese recovery link.
const TAKEN_TWICE_OR_LINK: Array<[string, string, string, string[]]> = [
  ['en', "Hello, So my bill is £55.00 but you took £55.00 twice. Thats my food money for the week 😡 My account email is [EMAIL_1] and the order number is [ORDER_1], in case you need them. Many thanks", 'billing', ['negative']],
  ['es', 'me habéis cobrado la factura de noviembre dos veces', 'billing', ['negative']],
  ['pt', 'Boa tarde, o link de recuperação diz sempre que expirou', 'account_login', ['negative', 'neutral', 'uncertain']],
]

describe('money taken twice, a recovery link', () => {
  it.each(TAKEN_TWICE_OR_LINK)('%s: "%s" is about %s', async (language, text, intent, sentiments) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    expect(result.intent?.label).toBe(intent)
    expect(sentiments).toContain(result.sentiment.label)
  })
})

// A problem that is over, thanked for: "Thanks, the refund for the double charge arrived today!" read as a negative complaint (0.82).
describe('a problem that is over, thanked for', () => {
  it.each([
    ['en', 'Thanks, the refund for the double charge arrived today!'],
    ['en', 'Thanks for sorting the double charge so quickly'],
    ['fr', 'Merci, le remboursement du double prélèvement est bien arrivé'],
  ])('%s: "%s" is positive', async (language, text) => {
    expect((await sentimentOf(text, language)).label).toBe('positive')
  })

  it.each([
    ['en', 'The refund arrived but I was charged again this month'],
    ['en', 'Thanks, refund received. Still no internet though'],
  ])('%s: "%s" still complains', async (language, text) => {
    expect((await sentimentOf(text, language)).label).not.toBe('positive')
  })
})

// A charge not recognised, support that cannot be reached, a line that cuts every evening, a box that
// restarts by itself: read as uncertain or neutral in the languages below, a support lead reads each as a complaint.
const UNKNOWN_CHARGES_UNREACHABLE_CUTS: Array<[string, string]> = [
  ['en', "I was charged a fee I don't recognise."],
  ['fr', "On m'a facturé des frais que je ne connais pas."],
  ['de', 'Ihr habt mir eine Gebühr berechnet, die ich nicht kenne.'],
  ['es', 'Me cobraron un cargo que no reconozco.'],
  ['pt', 'Cobraram-me uma taxa que não reconheço.'],
  ['it', 'Mi hanno addebitato un costo che non conosco.'],
  ['en', "I can't reach customer service, it's been a week."],
  ['fr', "Je n'arrive pas à joindre le service client depuis une semaine."],
  ['es', 'No consigo hablar con atención al cliente desde hace una semana.'],
  ['pt', 'Não consigo falar com o apoio ao cliente há uma semana.'],
  ['it', 'Non riesco a parlare con il servizio clienti da una settimana.'],
  ['fr', 'Ma connexion coupe tous les soirs vers 21h, le voyant de la box passe au orange.'],
  ['it', 'Mi si disconnette internet ogni sera alle nove.'],
  ['fr', 'La box redémarre toute seule plusieurs fois par jour.'],
  ['en', 'The router restarts by itself all the time.'],
  ['it', 'La velocità di internet è bassissima da ieri.'],
]

describe('unknown charges, unreachable support, lines that cut', () => {
  it.each(UNKNOWN_CHARGES_UNREACHABLE_CUTS)('%s: "%s" is negative', async (language, text) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    expect(result.sentiment.label).toBe('negative')
  })

  it('not when the words are a question or a wish', async () => {
    for (const text of ["Je ne connais pas encore vos offres, pouvez-vous m'envoyer les prix ?", 'Can you reach me on this number tomorrow?']) {
      const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language: null }])
      expect(result.sentiment.label, text).not.toBe('negative')
    }
  })
})

// Something works, and well, in so many words: the German one read as connectivity and negative.
const WORKING_WELL: Array<[string, string]> = [
  ['de', 'Das Internet läuft einwandfrei seit dem Techniker-Besuch, danke'],
  ['en', "Everything's working again now, cheers"],
  // Connectivity (0.53) under the praise cue: the model reads "wifi" and "router" as the connection's.
  ['en', 'The wifi has been perfect since the new router, thanks'],
  ['fr', 'Tout fonctionne à nouveau, merci beaucoup'],
  ['es', 'Funciona perfectamente desde ayer, gracias'],
]

describe('a thing that works well now', () => {
  it.each(WORKING_WELL)('%s: "%s" is positive praise', async (language, text) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    expect(result.sentiment.label).toBe('positive')
    expect(result.intent?.label).toBe('praise')
  })

  it('is not one when the message says "not" or complains as well', () => {
    const model = { negative: 0.6, neutral: 0.3, positive: 0.1 }
    expect(decideSentiment(model, 'Das Internet läuft einwandfrei seit gestern', 'connectivity').evidence).toContain('working_well_cue')
    expect(decideSentiment(model, "It's not working again", 'connectivity').evidence).not.toContain('working_well_cue')
    expect(decideSentiment(model, 'Das Internet geht wieder nicht', 'connectivity').evidence).not.toContain('working_well_cue')
    expect(decideSentiment(model, 'It was working again for a day, now it keeps dropping', 'connectivity').label).toBe('negative')
  })
})

describe('decideSentiment', () => {
  it('a thank-you under a message that asks or reports something signs it off; on its own, or after a short closer, it thanks', () => {
    const model = { negative: 0.2, neutral: 0.3, positive: 0.5 }
    expect(decideSentiment(model, 'Can you tell me which plan I am on at the moment? Thanks', 'question').evidence).not.toContain('thanks_cue')
    expect(decideSentiment(model, 'That worked, thanks', 'question').evidence).toContain('thanks_cue')
    expect(decideSentiment(model, 'Thanks a lot for the quick help with my broadband today', 'praise').evidence).toContain('thanks_cue')
  })

  it('an explicit complaint is evidence against neutral too', () => {
    expect(decideSentiment({ negative: 0.15, neutral: 0.7, positive: 0.15 }, 'you charged me twice').label).toBe('negative')
  })

  it('keeps the class probabilities, summing to 1, whatever the label', async () => {
    const s = await sentimentOf('ok', 'en')
    expect(s.probs.negative + s.probs.neutral + s.probs.positive).toBeCloseTo(1, 6)
    expect(s.confidence).toBeCloseTo(Math.max(s.probs.negative, s.probs.neutral, s.probs.positive), 6)
  })

  it('says uncertain below the calibrated bar instead of guessing', () => {
    const d = decideSentiment({ negative: 0.34, neutral: 0.33, positive: 0.33 }, 'the box is on the table')
    expect(d.confidence).toBeLessThan(SENTIMENT_SURE_MIN)
    expect(d.label).toBe('uncertain')
  })

  it('a confident model keeps its label when nothing contradicts it', () => {
    expect(decideSentiment({ negative: 0.1, neutral: 0.2, positive: 0.7 }, 'the box is on the table').label).toBe('positive')
  })

  it('waiting, or time gone by with nothing to show, counted in days, weeks or months is a complaint; "can\'t wait" and hoping are not', () => {
    const glad = { negative: 0.1, neutral: 0.2, positive: 0.7 }
    for (const text of ['Estou à espera do reembolso há três semanas.', 'Ich warte seit drei Wochen auf mein Paket.', 'Aspetto il pacco da tre settimane.', "J'attends mon colis depuis dix jours.", 'Thanks, but it has been 8 working days now and nothing on my card.']) {
      expect(decideSentiment(glad, text).evidence).toContain('complaint_cue')
    }
    expect(decideSentiment(glad, "Can't wait for the new plans in a few weeks!").evidence).not.toContain('complaint_cue')
    expect(decideSentiment(glad, 'It has been 3 days and the wifi is perfect now, thanks!').evidence).not.toContain('complaint_cue')
    expect(decideSentiment(glad, 'Espero que en unos días esté listo, gracias.').evidence).not.toContain('complaint_cue')
  })

  it('an explicit complaint turns even a confident positive into negative or uncertain', () => {
    const d = decideSentiment({ negative: 0.02, neutral: 0.03, positive: 0.95 }, 'charged twice, love it')
    expect(d.label).not.toBe('positive')
    expect(d.evidence).toContain('complaint_cue')
  })

  it('a customer reporting a problem is not pleased unless they say so ("Los auriculares me han llegado con uno de los dos roto" read as positive)', () => {
    const glad = { negative: 0.1, neutral: 0.2, positive: 0.7 }
    expect(decideSentiment(glad, 'Los auriculares me han llegado con uno de los dos roto.', 'product_fault').label).toBe('uncertain')
    expect(decideSentiment(glad, 'The woman on the phone laughed at me when I asked about my bill.', 'complaint').label).toBe('uncertain')
    // Said so: a thank-you, or a thing that works now.
    expect(decideSentiment(glad, 'The parcel came today, thank you so much!', 'delivery').label).toBe('positive')
    // Praise, a question or a wish is no problem reported.
    expect(decideSentiment(glad, 'The engineer was lovely', 'praise').label).toBe('positive')
    expect(decideSentiment(glad, 'the box is on the table', 'question').label).toBe('positive')
  })

  it('a thank-you turns even a confident negative into positive or uncertain; thanks in advance does not count', () => {
    expect(decideSentiment({ negative: 0.95, neutral: 0.03, positive: 0.02 }, 'thank you so much').label).not.toBe('negative')
    expect(decideSentiment({ negative: 0.8, neutral: 0.1, positive: 0.1 }, 'Where is my parcel? Thanks in advance').evidence).not.toContain('thanks_cue')
  })

  it("hears German's commonest thanks, and not when it is said in advance", () => {
    const doubt = { negative: 0.45, neutral: 0.2, positive: 0.35 }
    // Longer than a hurried message, whose "Dank" may be a slip for "Danke".
    const heard = 'Die Kollegin im Chat hat sich heute Morgen um mein Konto gekümmert.'
    for (const thanks of ['Vielen Dank!', 'Herzlichen Dank für die schnelle Hilfe.', 'Besten Dank, alles klappt.', 'Tausend Dank!'].map((t) => `${heard} ${t}`)) {
      expect(decideSentiment(doubt, thanks, 'praise').evidence).toContain('thanks_cue')
    }
    expect(decideSentiment(doubt, 'Wo bleibt mein Paket? Besten Dank im Voraus', 'delivery').evidence).not.toContain('thanks_cue')
  })
})

describe('the default taxonomy on plain care messages', () => {
  it.each([
    ['en', 'My broadband keeps dropping out every evening', 'connectivity'],
    ['fr', 'La connexion wifi coupe tous les soirs', 'connectivity'],
    ['en', 'I was billed twice this month, please refund one', 'billing'],
    ['de', 'Mein Paket ist immer noch nicht angekommen', 'delivery'],
    ['en', 'The app crashes when I sign in since the update', 'bug_outage'],
    ['es', 'Quiero cancelar mi contrato', 'cancellation'],
    ['en', 'How much is the upgrade to the faster plan?', 'pricing'],
    // Before: delivery (0.40) and delivery. A plan taken to a new address is pricing's, as the taxonomy says.
    ['en', 'Hi, I moved house last week and my new address still has no service, can you check?', 'pricing'],
    ['en', 'No service in my area since this morning', 'connectivity'],
    // Before: other (billing 0.05), its "reçu" read as delivery.
    ['fr', "Bonjour, j'ai reçu une facture de 89€ alors que mon forfait est à 30€.", 'billing'],
    // A plan put on hold is pricing's, as the taxonomy files it: cancellation (0.45) and other before.
    ['en', 'Can I pause my broadband subscription instead of cancelling?', 'pricing'],
    ['fr', 'Bonjour, puis-je mettre mon abonnement en pause pendant 3 mois ?', 'pricing'],
    // A part missing from the box is the delivery's: connectivity (0.80) before.
    ['en', 'My new router arrived but there is no power adapter in the box', 'delivery'],
    ['fr', 'La box est arrivée sans le chargeur', 'delivery'],
    ['de', 'Das Paket kam ohne Netzteil', 'delivery'],
    // A charge for a service not ordered: other (billing 0.19) before.
    ['es', 'Hola, me llegó la factura con un cargo de 15€ por un servicio que no he contratado. ¿Qué es esto?', 'billing'],
    ['en', "I didn't order the sports pack but it's on my bill", 'billing'],
    // Before: account login (0.43) and cancellation (0.65). A lock on the account stays one.
    ['en', "Hi, can I put my account on hold while I am abroad for three months?", 'pricing'],
    ['en', 'I want to freeze my membership for the summer', 'pricing'],
    ['en', "My account is on hold and I can't log in", 'account_login'],
    ['en', "I'd rather cancel than pause my subscription, just cancel it", 'cancellation'],
  ])('%s: "%s" is %s', async (language, text, intent) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    expect(result.intent?.label).toBe(intent)
  })

  it('a reply to the agent takes the intent of its conversation', async () => {
    const results = await classifier.classify(labels, [
      { messageId: 'a', text: 'I was charged twice for my order', role: 'customer', language: 'en', conversationId: 'c' },
      { messageId: 'b', text: 'BW-1234567', role: 'customer', language: 'en', conversationId: 'c', afterAgentReply: true },
      { messageId: 'd', text: 'BW-1234567', role: 'customer', language: 'en', conversationId: 'other-conversation', afterAgentReply: true },
    ])
    expect(results.map((r) => r.intent?.label)).toEqual(['billing', 'billing', 'other'])
  })
})

describe("an agent's reply", () => {
  // What the shipped model alone reads in each: negative (the demo's agents were 240 of 759 negative).
  const APOLOGIES: Array<[string, string]> = [
    ['en', 'Hi Liam! Sorry to hear that! Could you unplug the wifi router for 30 seconds, plug it back in and wait?'],
    ['en', 'Really sorry for the double charge. Can you DM us your account email or order number?'],
    ['es', '¡Lo sentimos! ¿Puedes desenchufar el router 30 segundos y volver a enchufarlo?'],
    ['ko', '도윤님 안녕하세요! 불편을 드려 죄송합니다. 계정 이메일과 결제 날짜를 알려주시겠어요?'],
  ]
  it('is not negative for its apology or for the customer problem it names', async () => {
    for (const [language, text] of APOLOGIES) {
      const [agent] = await classifier.classify(labels, [{ messageId: 'a', text, role: 'agent', language }])
      expect(agent!.sentiment.label, text).not.toBe('negative')
      // The same words from a customer keep the customer's rules.
      const customer = decideSentiment({ negative: 0.8, neutral: 0.15, positive: 0.05 }, text, undefined, 'customer')
      expect(customer.evidence, text).not.toContain('agent_apology')
    }
  })
})

// A care lead's plain readings in six languages, each read wrong before (intent, sentiment or both): goods
// damaged, a device that hums or runs hot, rude staff, a gift card's balance, praise of a thing.
const PLAIN_IN_SIX_LANGUAGES: Array<[string, string, string, string]> = [
  ['es', 'Mi tarjeta regalo dice que tiene saldo cero pero no la he usado nunca.', 'billing', 'any'],
  ['de', 'Auf meiner Geschenkkarte steht ein Guthaben von null, aber ich hab sie nie benutzt.', 'billing', 'any'],
  ['es', 'El paquete ha llegado hoy pero la pantalla de la tablet está rajada. ¿Qué puedo hacer?', 'any', 'negative'],
  ['pt', 'A box faz um zumbido muito alto e fica mesmo quente.', 'product_fault', 'negative'],
  ['it', 'Il telecomando ha smesso di funzionare anche con le pile nuove.', 'product_fault', 'negative'],
  ['es', 'Vuestro agente ha sido un maleducado y me ha colgado.', 'complaint', 'negative'],
  ['de', 'Euer Mitarbeiter war unhöflich und hat einfach aufgelegt.', 'complaint', 'negative'],
  ['it', 'La vostra nuova app TV è fantastica, molto più veloce di quella vecchia!', 'praise', 'positive'],
  ['pt', 'A vossa nova app de TV está brutal, muito mais rápida do que a antiga!', 'any', 'not negative'],
  ['de', 'Wollte nur sagen, der neue Tarif läuft super, die Geschwindigkeit ist perfekt.', 'praise', 'any'],
  ['es', 'Porfa, añadid un temporizador de apagado a la app.', 'feature_request', 'any'],
  ['it', "Potete spostare l'installazione a venerdì prossimo? Mi è venuto un imprevisto.", 'appointment', 'any'],
  ['de', 'Ich hab den Lautsprecher vor drei Wochen zurückgeschickt und mein Geld immer noch nicht zurückbekommen.', 'billing', 'any'],
  ['es', 'El chico de atención al cliente con el que hablé ayer fue súper borde.', 'complaint', 'negative'],
  ['it', 'Dove posso rispedire il caricabatterie difettoso?', 'product_fault', 'any'],
  ['es', 'Llevo 40 minutos en espera para hablar con alguien.', 'complaint', 'negative'],
  ['es', 'Estaría genial poder descargar las facturas en PDF.', 'feature_request', 'any'],
]

describe('plain readings in six languages', () => {
  it.each(PLAIN_IN_SIX_LANGUAGES)('%s: "%s" is %s, %s', async (language, text, intent, sentiment) => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text, role: 'customer', language }])
    if (intent !== 'any') expect(result.intent?.label).toBe(intent)
    if (sentiment === 'not negative') expect(result.sentiment.label).not.toBe('negative')
    else if (sentiment !== 'any') expect(result.sentiment.label).toBe(sentiment)
  })

  it('a judgement word is no sentiment cue (irony uses it), and praise only when it is not denied or wished for', async () => {
    const model = { negative: 0.5, neutral: 0.3, positive: 0.2 }
    expect(decideSentiment(model, "@USAirways can't even get on hold to wait to speak to someone-awesome", 'complaint').label).not.toBe('positive')
    const [wish, praise] = await classifier.classify(labels, [
      { messageId: 'w', text: 'Estaría genial que la app dejara pausar el wifi de los niños', role: 'customer', language: 'es' },
      { messageId: 'p', text: 'La vostra nuova app TV è fantastica, molto più veloce di quella vecchia!', role: 'customer', language: 'it' },
    ])
    expect(wish!.intent?.label).not.toBe('praise')
    expect(praise!.intent?.label).toBe('praise')
  })

  it('a judgement denied is no praise: "…still not here. Not impressed." stays its delivery (demo bw-x-0284 read as a complaint)', async () => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text: '@BrightwaveHelp Still no sign of the Brightbox Voiec Remote, I was told end of September. Not impressed.', role: 'customer', language: 'en' }])
    expect([result!.intent?.label, result!.sentiment.label]).toEqual(['delivery', 'negative'])
  })

  it('unpleasant staff is a complaint, however pleasant the word inside', async () => {
    const [result] = await classifier.classify(labels, [{ messageId: 'm', text: "le vendeur de votre boutique a été super désagréable avec ma mère", role: 'customer', language: 'fr' }])
    expect([result!.intent?.label, result!.sentiment.label]).toEqual(['complaint', 'negative'])
  })
})

// A problem stated in the negative, with a problem's intent: each read as neutral (model alone) before.
const STATED_PROBLEMS: Array<[string, string, string]> = [
  ['en', 'billing', "Topped up £15 this morning and the credit hasn't shown up"],
  ['fr', 'account_login', 'Je reçois jamais le mail pour changer mon mot de passe'],
  ['de', 'delivery', 'Das Paket ist laut Tracking zugestellt, bei mir ist aber nichts angekommen'],
  ['es', 'account_login', 'No me deja entrar en la app con mi contraseña de siempre'],
  ['pt', 'product_fault', 'O comando da box não responde a nada'],
  ['it', 'billing', 'Ho pagato la bolletta ma nel sito risulta ancora non pagata'],
]

describe('a problem stated in the negative', () => {
  const neutralModel = { negative: 0.3, neutral: 0.6, positive: 0.1 }
  it.each(STATED_PROBLEMS)('%s (%s): "%s" is negative', (_language, intent, text) => {
    const decided = decideSentiment(neutralModel, text, intent, 'customer', 0.8)
    expect(decided.evidence).toContain('problem_stated')
    expect(decided.label).toBe('negative')
  })

  it('is not one asked, without a problem\'s intent, from an unsure intent model, "no complaints" or an agent', () => {
    const [, , text] = STATED_PROBLEMS[0]!
    expect(decideSentiment(neutralModel, `${text}, is that normal?`, 'billing', 'customer', 0.8).evidence).not.toContain('problem_stated')
    expect(decideSentiment(neutralModel, text, 'question', 'customer', 0.8).evidence).not.toContain('problem_stated')
    expect(decideSentiment(neutralModel, text, 'billing', 'customer', 0.4).evidence).not.toContain('problem_stated')
    expect(decideSentiment(neutralModel, 'Moving house next month, no complaints with the service, just need to cancel', 'cancellation', 'customer', 0.9).evidence).not.toContain('problem_stated')
    expect(decideSentiment(neutralModel, "Your credit doesn't show yet, it can take an hour", 'billing', 'agent', 0.8).evidence).not.toContain('problem_stated')
  })
})

describe('a question about no problem, in any words', () => {
  const negativeModel = { negative: 0.6, neutral: 0.3, positive: 0.1 }
  it('is a plain request: "Kann ich meinen Vertrag mitnehmen und was kostet das?" read as negative', () => {
    const decided = decideSentiment(negativeModel, 'Hallo, ich ziehe am 1. Februar um. Kann ich meinen Vertrag mitnehmen und was kostet das?', 'pricing', 'customer', 0.99)
    expect(decided.evidence).toContain('request_cue')
    expect(decided.label).not.toBe('negative')
    expect(decideSentiment(negativeModel, 'Quelle est la différence entre Fibre 500 et Fibre 900 ?', 'pricing', 'customer', 0.9).label).not.toBe('negative')
  })

  it('is not one with a problem\'s intent, an unsure intent model, a "not", a complaint or anger', () => {
    const q = 'Wann kommt der Techniker?'
    expect(decideSentiment(negativeModel, q, 'appointment', 'customer', 0.9).evidence).toContain('request_cue')
    expect(decideSentiment(negativeModel, q, 'delivery', 'customer', 0.9).evidence).not.toContain('request_cue')
    expect(decideSentiment(negativeModel, q, 'appointment', 'customer', 0.3).evidence).not.toContain('request_cue')
    expect(decideSentiment(negativeModel, 'Warum kommt der Techniker nicht?', 'appointment', 'customer', 0.9).evidence).not.toContain('request_cue')
    expect(decideSentiment(negativeModel, 'Why is the price going up again?? 😡', 'pricing', 'customer', 0.9).evidence).not.toContain('request_cue')
  })
})
