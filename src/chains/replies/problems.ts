// The problem a past reply answers, within its subject. Two billing messages can be two problems: "can
// I change my direct debit date to the 15th?" retrieved the replies to "my direct debit went out twice"
// (the same words, cosine 0.32), and its top draft said "A duplicate payment should never happen… we'll
// refund the extra one". The intents agree (billing), so the subject check (answersOtherSubject) passes.
//
// A reply that names a problem its own customer had and this customer never mentions answers another
// problem. Only problems a reply presupposes are listed: a payment taken twice, damaged goods, a late or
// missing parcel, an outage, a locked account. Not a password reset, which is as often the answer to "I
// can't log in" as its problem. A reply naming a problem its customer did not have ("there is no outage
// in your area" to "my internet is down") is not one of them: it answers that customer's words, not a
// problem of their own. Written for Parley (en fr de es pt it); terms are matched folded, without accents.
//
// A subject is read the same way, from its words (intent-cues.ts): "I was promised a call back and nobody
// called" (a complaint, no subject) got "Send us the order number and we'll chase the courier" first,
// the reply to "Bump. Nobody has got back to me" in a conversation about a late parcel.
import { MISSING_PART_CUES, MOVING_CUES, subjectsNamedIn } from '../classify/intent-cues.ts'
import { foldText, termMatcher, withoutNegatedCancellation } from '../classify/plain-cues.ts'
import { sentencesOf } from '../../text/sentences.ts'

const MOVING_REPLY = termMatcher([
  'moving date', 'moving abroad', 'take your plan with you', 'nouvelle adresse', 'date du demenagement', 'neue adresse', 'umzugsdatum', 'nueva direccion', 'fecha de la mudanza',
  'nova morada', 'novo endereco', 'data da mudanca', 'nuovo indirizzo', 'data del trasloco',
])

/**
 * A part said missing in more words than the intent's cue takes ("the charger was missing from the box", "mancava
 * il caricabatterie"): broader, as here it only keeps news of goods still to come away from goods that came.
 */
const PART_WENT_MISSING = termMatcher([
  'was missing', 'were missing', "wasn't in the box", 'was not in the box',
  'il manquait', 'manquait', 'manquant', 'arrivee sans',
  'fehlt der', 'fehlte', 'fehlten', 'nicht im karton', 'nicht in der packung',
  'falta la', 'faltaba', 'faltaban',
  'falta a', 'faltava', 'faltavam', 'nao vinha',
  'manca il', 'manca la', 'manca lo', 'mancava', 'mancavano', 'arrivata senza',
])

/** Leaving the service altogether, as a customer or a reply says it (PROBLEMS.leaving). */
const LEAVING = termMatcher([
  'cancel my', 'cancel our', 'cancel the contract', 'want to cancel', 'need to cancel', 'like to cancel', 'how do i cancel', 'cancelling my', 'canceling my',
  'end my contract', 'terminate my', 'close my account', 'want to leave', 'going to leave', "i'm leaving", 'i am leaving', 'how do i leave', 'leave early', 'cost to leave', 'cancelling', 'canceling', 'switch provider', 'switching provider', 'another provider', 'cheaper deal elsewhere',
  'sorry to see you go', 'decide to leave', 'decided to leave', 'made you decide', "why you're leaving", 'why you are leaving', 'before you go', 'exit fee', "days' notice", 'days notice',
  'resilier', 'resiliation', 'vous quitter', 'vous voir partir', 'frais de resiliation',
  'kundigen', 'kundigung', 'kundigungsfrist', 'zu einem anderen anbieter',
  'dar de baja', 'darme de baja', 'cancelar mi', 'cancelar el contrato', 'verte marchar', 'penalizacion por',
  'cancelar o contrato', 'cancelar a minha', 'cancelar minha', 'rescindir', 've-lo partir', 'multa de rescisao',
  'disdire', 'disdetta', 'recesso', 'vederti andare',
])
/** "Cancel my order" is an order's, not the service's. */
const ORDER_CANCEL_PHRASE = /cancel\p{L}*\s+(?:my|the|this|our)\s+(?:order|pre-?order)/gu

/** An order, by name or by its number (BW-6631029), and a word for cancelling it, in the six languages. */
const ORDER_WORD = /(?<![\p{L}\p{N}])(?:orders?|commandes?|bestellung(?:en)?|pedidos?|encomendas?|ordin[ei]|[a-z]{2,3}-\d{5,})(?![\p{L}\p{N}])/u
const CANCEL_WORD = /(?<![\p{L}])(?:cancel\p{L}*|annul\p{L}*|stornier\p{L}*|storno)(?![\p{L}])/u

/** The wrong thing delivered, in so many words or as "I ordered the 4K box but you sent me the HD one". */
const WRONG_ITEM = termMatcher([
  'wrong item', 'wrong one', 'wrong box', 'wrong model', 'wrong product', 'wrong colour', 'wrong color', 'wrong size', 'sent me the wrong', 'sent the wrong', 'not what i ordered',
  'mauvais article', 'mauvais produit', 'mauvais modele', 'pas ce que j\'ai commande',
  'falschen artikel', 'falsches produkt', 'falsche modell', 'falsches modell', 'falsche geliefert', 'nicht das bestellte',
  'producto equivocado', 'articulo equivocado', 'modelo equivocado', 'no es lo que pedi',
  'produto errado', 'artigo errado', 'modelo errado', 'nao e o que encomendei',
  'articolo sbagliato', 'prodotto sbagliato', 'modello sbagliato', 'non e quello che ho ordinato',
])
const ORDERED_BUT_SENT = /(?:ordered|commande|bestellt|pedi|encomendei|ordinato)[^.!?]{1,40}(?:but|mais|aber|pero|mas|ma)\s[^.!?]{0,20}(?:sent|delivered|received|got|envoye|livre|recu|geschickt|geliefert|bekommen|erhalten|enviado|enviaron|recibi|enviaram|recebi|inviato|consegnato|ricevuto)(?![\p{L}])/u

/**
 * A parcel the tracking calls delivered, as the customer reports it: "the tracking said it was delivered on monday but …
 * nobody came" got "The new remote is on back order… New stock arrives at the [date]" second.
 */
const SAID_DELIVERED = new RegExp(
  [
    "(?:said|says|shows?|showing|marked|status|apparently|supposedly|tracking)(?:\\s+[\\p{L}']+){0,4}\\s+delivered",
    '(?:indique|marque|affiche|statut|soi-disant|suivi)(?:\\s+\\p{L}+){0,4}\\s+livree?s?',
    '(?:als|angeblich|laut)(?:\\s+\\p{L}+){0,4}\\s+zugestellt|zugestellt\\s+(?:markiert|angezeigt)',
    '(?:como|pone|marca|figura|aparece|dice)(?:\\s+\\p{L}+){0,4}\\s+entregad[oa]s?',
    '(?:como|consta|aparece|diz)(?:\\s+\\p{L}+){0,4}\\s+entregues?',
    '(?:risulta|come|segna|dice)(?:\\s+\\p{L}+){0,4}\\s+consegnat[oaie]',
  ].map((alternative) => `(?<![\\p{L}])(?:${alternative})(?![\\p{L}])`).join('|'),
  'u',
)

const PROBLEMS: Record<string, (folded: string) => boolean> = {
  charged_twice: termMatcher([
    'twice', 'two times', 'duplicate', 'duplicated', 'double charge', 'double charged', 'double payment', 'charged again', 'took it again', 'two payments', 'two charges', 'both charges', 'both payments', 'identical charges', 'second payment', 'the extra one', 'the extra payment',
    'deux fois', 'en double', 'double prelevement', 'doublon', 'deux prelevements',
    'doppelt', 'zweimal', 'doppelbuchung', 'doppelte abbuchung',
    'dos veces', 'duplicado', 'cobro doble', 'doble cobro', 'dos cobros',
    'duas vezes', 'em dobro', 'cobranca duplicada', 'duplicada',
    'due volte', 'doppio addebito', 'duplicato', 'addebito doppio',
    // The two charges named as such: "la data dei due addebiti" was offered to a parcel that never came.
    'due addebiti', 'dos cargos', 'zwei abbuchungen', 'beiden abbuchungen', 'beide abbuchungen', 'duas cobrancas', 'deux debits',
  ]),
  damaged: termMatcher([
    'damaged', 'smashed', 'cracked', 'dented', 'arrived broken',
    'endommage', 'endommagee', 'abime', 'abimee', 'casse', 'cassee',
    'beschadigt', 'kaputt angekommen', 'zerbrochen',
    'danado', 'danada', 'llego roto', 'llego rota',
    'danificado', 'danificada', 'chegou partido', 'chegou quebrado', 'amassado',
    'danneggiato', 'danneggiata', 'arrivato rotto', 'ammaccato',
  ]),
  // Goods that came without a part: "il manque le chargeur dans la boîte" got "La télécommande vocale est en
  // rupture: le nouveau stock arrive [date]" first, the reply to a remote still to come.
  missing_part: (folded) => MISSING_PART_CUES(folded) || PART_WENT_MISSING(folded),
  late_parcel: termMatcher([
    // What the customer says of a parcel that is late, though a reply would not say it.
    'where is my order', 'where is my parcel', 'where is my package', 'no sign of', 'still waiting for my', 'not received', "haven't received", 'still not here',
    // Due and not come: "Order BW-1829332 was supposed to arrive yesterday. Nothing." named no problem, so its reply
    // ("…we'll chase the courier for you") was offered to a tablet that arrived with a cracked screen.
    'supposed to arrive', 'should have arrived', 'meant to arrive', 'was due yesterday', 'devait arriver', 'aurait du arriver', 'hatte kommen sollen', 'sollte gestern',
    'tenia que llegar', 'deberia haber llegado', 'devia ter chegado', 'deveria ter chegado', 'doveva arrivare',
    'ou est ma commande', 'ou est mon colis', 'wo ist mein paket', 'wo bleibt', 'donde esta mi pedido', 'cade minha encomenda', "dov'e il mio pacco", "dov'e il mio ordine",
    // ...and what a reply says of it: "we'll check where your Brightbox 4K is right now".
    'check where your', 'where your order is', 'where your parcel is', 'where your package is',
    // …or of one on its way: "Order BW-… shipped yesterday and should be with you in 1–2 working days" (to a charger missing from the box).
    'should be with you', 'will be with you', 'out for delivery', 'devrait vous parvenir', 'devrait arriver', 'sollte bald bei dir', 'sollte morgen bei', 'deberia llegarte', 'deberia llegar', 'deve chegar', 'dovrebbe arrivare',
    'not arrived', "hasn't arrived", 'has not arrived', 'never arrived', 'not been delivered', 'delayed', 'running late', 'is late', 'lost in transit', 'missing parcel', 'parcel is missing', 'still on its way', 'marked as delivered',
    // A parcel lost or missed on its way: "the courier lost track of the parcel, so I've sent a replacement" (to "the courier
    // says they tried to deliver… I was home all day") was offered to a customer sent the wrong box.
    'lost track of', 'tried to deliver', 'attempted delivery', 'missed delivery', 'failed delivery', 'lost the parcel', 'lost your parcel', 'parcel was lost', 'parcel got lost',
    'a perdu le colis', 'perdu votre colis',
    'pas arrive', 'pas recu', 'jamais arrive', 'en retard', 'retard de livraison', 'colis perdu',
    'nicht angekommen', 'noch nicht da', 'verspatet', 'verspatung', 'paket verloren',
    'no ha llegado', 'no llego', 'retrasado', 'retraso', 'paquete perdido',
    'nao chegou', 'atrasado', 'atraso', 'encomenda perdida',
    'non e arrivato', 'non arrivato', 'in ritardo', 'ritardo', 'pacco perso',
  ]),
  // A parcel the brand will chase, as a reply says it: "Send us the order number and your postcode and we'll chase the
  // courier for you" (to "my Brightbox hasn't arrived") was offered to a tablet that arrived with a cracked screen.
  // Customers do not say it, so it is placed by its subject, or by goods that came (GOODS_CAME).
  parcel_chased: termMatcher(['chase the courier', 'chase it with the courier', 'chase it up with the courier', 'chase your parcel', 'chase your order', 'beim paketdienst nach', 'relancer le transporteur', 'reclamar a la empresa de transporte', 'sollecitare il corriere']),
  // The wrong thing delivered, which a reply to a lost or late parcel does not answer.
  wrong_item: (folded) => ORDERED_BUT_SENT.test(folded) || WRONG_ITEM(folded),
  // A parcel the tracking calls delivered that never came, which no news of stock answers.
  said_delivered: (folded) => SAID_DELIVERED.test(folded),
  // A thing sold out and waited for: "Stock is due [date] and we'll email you the moment yours ships" was
  // offered to "The engineer didn't turn up today", the reply's sold-out sentence left out but not this one.
  out_of_stock: termMatcher([
    'sold out', 'out of stock', 'back in stock', 'new stock', 'stock is due', 'stock arrives', 'yours ships', 'place in the queue', 'back order', 'backorder', 'back-order',
    'rupture de stock', 'en rupture', 'nouveau stock', 'ausverkauft', 'nicht auf lager', 'wieder auf lager', 'neue ware',
    'agotado', 'agotada', 'sin stock', 'nuevo stock', 'esgotado', 'esgotada', 'novo stock', 'esaurito', 'esaurita', 'nuovo stock',
  ]),
  outage: termMatcher([
    'outage', 'service is restored', 'service has been restored', 'fault in your area', 'fault in the area', 'engineers are working', 'network issue', 'network fault',
    'panne', 'coupure', 'incident sur le reseau', 'service est retabli',
    'storung', 'ausfall', 'netzstorung',
    'averia', 'caida del servicio', 'incidencia en la red', 'corte de servicio',
    'avaria', 'interrupcao', 'falha na rede',
    'guasto', 'interruzione', 'disservizio',
  ]),
  locked_account: termMatcher([
    'locked', 'locked out', 'blocked account', 'account is blocked', 'hacked', 'too many attempts',
    'bloque', 'bloquee', 'pirate',
    'gesperrt', 'gehackt',
    'bloqueada', 'bloqueado', 'hackeada', 'hackeado',
    'invadida',
    'bloccato', 'bloccata', 'hackerato',
  ]),
  // Leaving the service altogether, which a change to it (a pause, an add-on dropped) is not: "Can I pause
  // my broadband instead of cancelling?" got "Can I ask what made you decide to leave?" and "Sorry to see
  // you go". What a leaving customer says, and what a reply to them says of it.
  leaving: (folded) => LEAVING(folded.replace(ORDER_CANCEL_PHRASE, ' ')),
  // A move to a new address, as the customer says it (MOVING_CUES) or a reply does: "You can take your plan
  // with you… send us the new postcode and your moving date" was offered to a customer travelling for three months.
  moving: (folded) => MOVING_CUES(folded) || MOVING_REPLY(folded),
  // An order cancelled: "Of course. I've cancelled [order number] and refunded [amount]", the reply to
  // "BW-6631029. Can I just cancel?", was offered to a customer asking to pause their broadband.
  order_cancelled: (folded) => ORDER_WORD.test(folded) && CANCEL_WORD.test(folded),
  // Signing in with a face or a finger: "¡Genial! Podrás volver a activar el acceso biométrico con la versión 5.2.1" (to a
  // thank-you in a case of the app closing at sign-in) was the third draft for a remote that stopped working, and for a
  // gift card's balance. Its subject places it (SUBJECT_OF_PROBLEM). Not an app's version, which an answer to a crash
  // names whether or not its customer did.
  biometric_sign_in: termMatcher([
    'face id', 'touch id', 'fingerprint', 'biometric', 'biometrics', 'empreinte', 'biometrique', 'fingerabdruck', 'biometrisch', 'biometrische',
    'huella', 'biometrico', 'biometrica', 'impressao digital', 'biometria', 'impronta digitale', 'impronta',
  ]),
  // Feedback passed on: "Thanks for the feedback! We've passed it to our app team" and "Keep an eye out for
  // the next update" were offered to "Please delete all the personal data you hold about me".
  feedback: termMatcher([
    'feature request', 'suggestion', 'feedback', 'would be nice', 'would be great if', 'please add', 'could you add', 'it would help if',
    'passed it to our', 'passed it on to', 'pass it on to', 'next update', 'on our roadmap', 'more coming',
    'ce serait bien', 'merci pour votre retour', 'transmis a notre equipe', 'vorschlag', 'ware schon', 'ware toll', 'an unser team weitergegeben',
    'sugerencia', 'seria genial', 'estaria bien', 'gracias por tus comentarios', 'sugestao', 'seria otimo', 'seria bom', 'obrigado pelo feedback',
    'suggerimento', 'sarebbe bello', 'grazie per il feedback',
  ]),
}

/** What a case is about, as problemsIn names it: `subject:delivery`. */
export const subjectProblem = (intent: string) => `subject:${intent}`

/** The problems `text` names, and the subjects whose words it uses (subjectProblem). */
export function problemsIn(text: string): Set<string> {
  // "instead of cancelling" is no leaving.
  const folded = foldText(withoutNegatedCancellation(text))
  const problems = Object.entries(PROBLEMS).filter(([, said]) => said(folded)).map(([problem]) => problem)
  return new Set([...problems, ...subjectsNamedIn(folded).map(subjectProblem)])
}

/** Whether `text` names a problem the customer never names in `customerSaid`. */
export function namesOtherProblem(customerSaid: string, text: string): boolean {
  return unnamedBy(problemsIn(customerSaid), text).length > 0
}

/**
 * Whether a past reply answers a problem its customer had (named in the reply and in what that
 * customer wrote) that this conversation's customer never names; `ours` is problemsIn of everything
 * the customer wrote in this conversation, read once for all the candidates, and `theirs` problemsIn of
 * what the past customer wrote, read once for each. `pastSubject` is the subject the classifier read in
 * that case, whatever words its customer used: "Is Brightwave down in Leeds? No interent since this
 * morning" named none (a typo), and its reply ("A damaged fibre cable is causing an outage…") was offered
 * to "How long does a refund take?". It places the problems a reply names, not its subject words.
 */
export function answersOtherProblem(ours: ReadonlySet<string>, theirs: ReadonlySet<string>, reply: string, pastSubject?: string): boolean {
  return (theirs.size > 0 || pastSubject !== undefined) && unnamedBy(ours, reply).some((p) => isTheirs(p, ours, theirs, pastSubject))
}

/**
 * The subject a problem belongs to. A reply that names a problem its customer did not put in those words
 * answers their subject: "A damaged fibre cable is causing an outage in [place]" answered "No internet
 * since this morning" and was offered to "How long does a refund take?". (A damaged thing may be a
 * parcel's or a device's, so it has no subject here.)
 */
const SUBJECT_OF_PROBLEM: Readonly<Record<string, string>> = { biometric_sign_in: 'account_login', charged_twice: 'billing', late_parcel: 'delivery', missing_part: 'delivery', said_delivered: 'delivery', out_of_stock: 'delivery', parcel_chased: 'delivery', wrong_item: 'delivery', outage: 'connectivity', locked_account: 'account_login', leaving: 'cancellation', feedback: 'feature_request' }

/**
 * Goods that came, wrong, damaged or without a part, and goods still to come (late, sold out, to be chased with the courier): a
 * reply about the one does not answer the other. (A late parcel may be late because it is out of stock.)
 */
const GOODS_CAME: ReadonlySet<string> = new Set(['wrong_item', 'damaged', 'missing_part'])
const GOODS_TO_COME: ReadonlySet<string> = new Set(['late_parcel', 'out_of_stock', 'parcel_chased'])

/**
 * Goods still to come, told to a customer whose goods came (wrong, damaged, without a part), and stock still to
 * come told to a parcel the tracking calls delivered: another case's news.
 */
const toComeToldToCame = (problem: string, ours: ReadonlySet<string>) =>
  (GOODS_TO_COME.has(problem) && [...ours].some((p) => GOODS_CAME.has(p))) || (problem === 'out_of_stock' && ours.has('said_delivered'))

/**
 * Whether `text` tells a customer whose goods came of goods still to come: the knowledge article on a
 * remote sold out ("Orders placed during that time show 'awaiting stock'…") to "the charger was missing
 * from the box". Articles have no case of their own, so this is checked on their words alone.
 */
export function tellsOfGoodsToCome(ours: ReadonlySet<string>, text: string): boolean {
  return unnamedBy(ours, text).some((p) => toComeToldToCame(p, ours))
}

/**
 * Whether a problem a reply names, which this customer never names, is of the past case: named by its
 * customer, or of their subject when this customer's is another ("there is no outage in your area" still
 * answers a customer whose wifi drops).
 */
function isTheirs(problem: string, ours: ReadonlySet<string>, theirs: ReadonlySet<string>, pastSubject?: string): boolean {
  if (theirs.has(problem)) return true
  // Goods still to come, told to a customer whose goods came: "The new remote is on back order… New stock arrives"
  // is about delivery, as "you sent me the HD one" is, and was offered to it.
  if (toComeToldToCame(problem, ours)) return true
  // The subject the classifier read in the past case, named by the reply in its own words: "Das ist ein
  // bekannter Fehler … beim Login mit Face ID" answered account login and was offered to a technician who
  // never came. Not when this customer's subject is that one under another name (a price and a bill).
  if (pastSubject !== undefined && problem === subjectProblem(pastSubject)) return !subjectsOf(ours).includes(subjectsOf([problem])[0]!)
  const subject = SUBJECT_OF_PROBLEM[problem]
  return subject !== undefined && (theirs.has(subjectProblem(subject)) || pastSubject === subject) && !ours.has(subjectProblem(subject))
}

/**
 * The reply without its sentences that name a problem or subject of its own case (`theirs`) this
 * customer never names; null when no sentence goes or none would be left. "Really sorry for the double
 * charge. Can you DM us your account email…?" offered to "My bill says £45 but my plan is £30" still asks
 * what the case needs, without telling of a double charge.
 */
export function withoutOtherProblemSentences(ours: ReadonlySet<string>, theirs: ReadonlySet<string>, reply: string): string | null {
  if (theirs.size === 0) return null
  const sentences = sentencesOf(reply)
  const kept = sentences.filter((sentence) => !unnamedBy(ours, sentence).some((p) => isTheirs(p, ours, theirs)))
  return kept.length === sentences.length || kept.length === 0 ? null : kept.join(' ')
}

/**
 * Whether `text` is about another subject than the customer's: it names subjects by their words, the
 * customer's (`ours`, problemsIn of what they wrote and their message's subject) has one, and `text` names none of theirs.
 */
export function aboutOtherSubjectOnly(ours: ReadonlySet<string>, text: string): boolean {
  const subjects = subjectsOf(problemsIn(text))
  const customers = subjectsOf(ours)
  return subjects.length > 0 && customers.length > 0 && !subjects.some((s) => customers.includes(s))
}

/**
 * What a price is on is the bill: the default taxonomy files a price rise under pricing and a bill's
 * prices under billing, and "Why is my bill higher this month?" is answered by "Prices rise once a year
 * in September", so the two count as one subject here.
 */
const SAME_SUBJECT_AS: Readonly<Record<string, string>> = { [subjectProblem('pricing')]: subjectProblem('billing') }
const subjectsOf = (problems: Iterable<string>) => [...problems].filter((p) => p.startsWith(subjectProblem(''))).map((s) => SAME_SUBJECT_AS[s] ?? s)

/** The problems `text` names that are not in `ours`. */
function unnamedBy(ours: ReadonlySet<string>, text: string): string[] {
  return [...problemsIn(text)].filter((p) => !ours.has(p))
}
