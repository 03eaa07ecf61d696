// A draft does not ask the customer for what they already wrote. bw-whatsapp-0077 wrote "Order
// BW-8042600" and its draft asked "Could you send us your order number?"; a customer "moving house on 14
// December to 22 Oak Lane, Leeds LS6 2AB" was asked "Could you send us the new postcode and your moving
// date?". Such a question is left out of the draft; a past reply that is nothing but such a question is no
// draft (onlyAsksForGiven); a question that also asks for something else stays, ranked lower (see
// ASKS_GIVEN_RANK in local.ts).
import { findCaseFacts } from '../../safety/case-facts.ts'
import { sentencesOf } from '../../text/sentences.ts'
import { movesToPrivate } from './clean.ts'
import type { ConversationTurn } from './types.ts'

type Detail = 'order number' | 'date' | 'address' | 'email' | 'phone'

/** How a reply asks for each detail, in the supported languages. */
const ASKED: Array<[Detail, RegExp]> = [
  ['order number', /\border (?:number|no\b|id\b)|numéro de (?:la )?commande|número de pedido|bestellnummer|número d[ao] (?:encomenda|pedido)|numero (?:d'|dell')ordine/iu],
  ['date', /\b(?:date|dates)\b|\bdatum\b|\bfecha\b/iu],
  ['address', /\b(?:post ?code|postal code|zip code|address|eircode)\b|code postal|\badresse\b|postleitzahl|código postal|dirección|\bmorada\b|indirizzo/iu],
  ['email', /\be-?mail\b|\bcourriel\b|correo electrónico/iu],
  ['phone', /\b(?:phone|mobile|telephone) number\b|numéro de téléphone|telefonnummer|número de tel[ée]fono|numero di telefono/iu],
]
/** The parts of one question: "the new postcode and your moving date" asks for two details. */
const PARTS = /\b(?:and|or|et|ou|y|o|und|oder|e)\b|,/iu
/** A longer question asks for more than details. */
const ASK_MAX_WORDS = 20
const FACT_DETAILS: Partial<Record<string, Detail>> = { date: 'date', address: 'address', email: 'email', phone: 'phone' }

export interface GivenDetails {
  details: ReadonlySet<Detail>
  /** The customer's order number, when they gave one: a question that names it is a check, not an ask. */
  orderNumber?: string
}

/**
 * A draft that still asks for what the customer gave (all it says, so it stayed) is trusted less, as one
 * that repeats a step they took: "Puoi inviarci il numero d'ordine (inizia con BW-)?" was the first draft
 * (0.44) to "Numero ordine BW-5512345". It reads as if nobody read the message.
 */
export const ASKS_GIVEN_CONFIDENCE = 0.7

/** What the customer's messages state: an order number (already read by the slots), dates, an address, an e-mail, a phone. */
export function givenDetails(turns: ConversationTurn[], orderNumber: string | undefined, brandHandles: string[]): GivenDetails {
  const details = new Set<Detail>(orderNumber === undefined ? [] : ['order number'])
  for (const t of turns) {
    if (t.role !== 'customer') continue
    for (const fact of findCaseFacts(t.text, { brandHandles })) {
      const detail = FACT_DETAILS[fact.type]
      if (detail) details.add(detail)
    }
  }
  return { details, orderNumber }
}

/** A customer saying they sent a private message: "sent it via DM", "je vous ai envoyé un MP", "te lo mandé por DM". */
const SAYS_SENT_PRIVATELY = /(?<![\p{L}])(?:dm['’]?e?d|(?:sent|send|messaged)\b[^.!?\n]{0,20}(?:dm|direct message|private message|pm)|(?:in|via|by|over) (?:a )?(?:dm|direct message|private message)|(?:par|en) (?:mp|message privé|dm)|per (?:dm|direktnachricht|pn)|por (?:dm|md|mensaje privado|privado|mensagem privada)|in privato|in dm)(?![\p{L}])/iu

/**
 * Whether the customer already handed over how to reach their account in private (an e-mail, a phone) or
 * says they sent a DM: "sent it via DM, its jo.smith@example.com" was offered "Could you send us a DM
 * with a few more details…?", the template a conversation with nothing to go on gets.
 */
export function sentPrivately(turns: ConversationTurn[], given: GivenDetails): boolean {
  return given.details.has('email') || given.details.has('phone') || turns.some((t) => t.role === 'customer' && SAYS_SENT_PRIVATELY.test(t.text))
}

function isGiven(detail: Detail, text: string, given: GivenDetails): boolean {
  return given.details.has(detail) && !(detail === 'order number' && given.orderNumber !== undefined && text.includes(given.orderNumber))
}

const askedIn = (text: string) => ASKED.filter(([, re]) => re.test(text)).map(([detail]) => detail)

/** A sentence that asks: a question, or a request ("Please send us your order number."). */
const ASKS = /\?$|^(?:please|kindly|send|dm|share|provide|give|tell|let us know)\b/iu

/** A question each part of which asks only for details the customer gave. */
function asksOnlyForGiven(sentence: string, given: GivenDetails): boolean {
  if (!ASKS.test(sentence) || sentence.split(/\s+/).length > ASK_MAX_WORDS) return false
  return sentence.split(PARTS).filter((p) => p.trim()).every((part) => {
    const asked = askedIn(part)
    return asked.length > 0 && asked.every((d) => isGiven(d, part, given))
  })
}

/** True when the reply asks for a detail the customer gave. */
export function asksForGiven(body: string, given: GivenDetails): boolean {
  if (given.details.size === 0) return false
  return sentencesOf(body).some((s) => ASKS.test(s) && askedIn(s).some((d) => isGiven(d, s, given)))
}

/**
 * A sentence that only greets, thanks or apologises: what is left of "Sorry for the wait! Could you send
 * us your order number…?" without its question answers nothing ("Scusa per l'attesa!" to a customer who
 * gave order BW-5512309).
 */
const COURTESY_ONLY = /^(?:hi|hello|hey|thanks?|thank you|sorry|so sorry|apologies|we(?:'|’)re sorry|bonjour|merci|désolée?|hola|gracias|lo siento|perdón|disculpa|hallo|danke|entschuldigung|tut uns leid|olá|obrigad[oa]|desculpe|lamentamos|ciao|grazie|scusa|ci scusiamo|ci dispiace)\b[^.!?]{0,25}[.!]?$/iu

/**
 * True when the reply, courtesy aside, only asks for details the customer gave: "Sorry for the wait! Could you
 * send us your order number (it starts with BW-)…?" was the first draft to "you sent me the HD one. Order 88213."
 */
export function onlyAsksForGiven(body: string, given: GivenDetails): boolean {
  if (given.details.size === 0) return false
  const sentences = sentencesOf(body)
  return sentences.some((s) => asksOnlyForGiven(s, given)) && sentences.every((s) => asksOnlyForGiven(s, given) || COURTESY_ONLY.test(s.trim()))
}

/**
 * True when the reply asks for the customer's account details (an e-mail, an order number, a phone, an
 * address) in the conversation itself. Said in public, the customer posts them for everyone: "Could you
 * send your account email or order number?" and two drafts like it were all an agent got on X. Brands
 * differ on it (the eval sets' agents often ask in public), so such drafts keep their rank, and a draft
 * that moves the details to a direct message is offered beside them (local.ts).
 */
export function asksDetailsOpenly(body: string): boolean {
  return !movesToPrivate(body) && sentencesOf(body).some((s) => (ASKS.test(s) || HANDING_OVER.test(s)) && askedIn(s).some((d) => d !== 'date'))
}

/** A verb of handing something over, inside a sentence too: "And please send us your account email so we can look…". */
const HANDING_OVER = /(?<![\p{L}])(?:send|share|provide|give|tell|confirm|envoy\p{L}*|communiqu\p{L}*|schick\p{L}*|nenn\p{L}*|envi\p{L}*|mand\p{L}*|indic\p{L}*|invi\p{L}*|forn\p{L}*|comunic\p{L}*)(?![\p{L}])/iu

/** The reply without the sentences that ask only for what the customer gave; unchanged when that is all it says, courtesy aside. */
export function withoutAskingForGiven(body: string, given: GivenDetails): string {
  if (given.details.size === 0) return body
  const sentences = sentencesOf(body)
  const asks = sentences.filter((s) => asksOnlyForGiven(s, given))
  if (asks.length === 0 || sentences.every((s) => asks.includes(s) || COURTESY_ONLY.test(s.trim()))) return body
  return asks.reduce((text, ask) => text.replace(ask, ''), body).replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+$/gm, '').trim()
}
