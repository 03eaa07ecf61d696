// A past reply becomes a template, not a copy: each case-specific fact in it (order number, amount,
// date, name, e-mail, phone, address…) is a typed slot. A slot keeps its value only when the current
// conversation or the workspace's own knowledge and voice state it; it is filled from the current
// conversation when that holds exactly one value of its type (the customer's own order number);
// otherwise it stays a visible placeholder for the agent, e.g. "[amount]". A value from another
// customer's conversation never survives.
import { factKey, factKeysOf, findCaseFacts, firstNameOf, nameWords, type CaseFact, type FactType } from '../../safety/case-facts.ts'
import type { ReplyCandidate, ReplyRequest } from './types.ts'

export interface SlotContext {
  /** Keys of facts stated by the current conversation or the workspace's knowledge and voice. */
  allowed: ReadonlySet<string>
  /** Per type, the one value the current customer gave (absent when none, or several). */
  fillers: ReadonlyMap<FactType, string>
  /**
   * What the customer's identifier is ("[order number]", "[account number]"…): it fills only a slot of
   * its kind. "Cancellation booked, reference BW-6037218" had become the customer's order number.
   */
  identifierKind: string | null
  /** Names of other people known to the request (past customers, agents who signed). */
  names: string[]
  /** Details of past cases their replies repeated (a town, a device), each with its placeholder: see echoedDetails. */
  details: ReadonlyMap<string, string>
  brandHandles: string[]
}

export const EMPTY_SLOTS: SlotContext = { allowed: new Set(), fillers: new Map(), identifierKind: null, names: [], details: new Map(), brandHandles: [] }

/** Slot types filled from the current customer's own messages when they hold exactly one value. */
const FILLABLE: FactType[] = ['identifier', 'amount', 'email', 'phone']

const PLACEHOLDER: Record<FactType, string> = {
  identifier: '[order number]', amount: '[amount]', date: '[date]', time: '[time]', email: '[email]', phone: '[phone]',
  address: '[address]', handle: '[handle]', name: '[name]', detail: '[detail]',
}
// The word before an identifier names what it is, in any of the supported languages.
const IDENTIFIER_KINDS: Array<[RegExp, string]> = [
  [/(?:tracking|suivi|sendung|seguimiento|rastreio|tracciamento|spedizione)[^.!?\n]{0,16}$/iu, '[tracking number]'],
  [/(?:ticket|case|dossier|caso|fall|vorgang|pratica)[^.!?\n]{0,16}$/iu, '[ticket number]'],
  [/(?:account|compte|konto|cuenta|conta|conto|kundennummer)[^.!?\n]{0,16}$/iu, '[account number]'],
  [/(?:booking|reservation|réservation|reserva|buchung|prenotazione)[^.!?\n]{0,16}$/iu, '[booking reference]'],
  [/(?:reference|ref\.?|confirmation|référence|referencia|referência|riferimento|referenz|aktenzeichen)[^.!?\n]{0,16}$/iu, '[reference]'],
]

// A detail written after "in", "near"… is a place; one a reply greets is a name the past customer
// signed with ("Hi Aisha" to "…\nAisha").
const PLACEHOLDER_PLACE = '[place]'
const PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|around|across|from|en|à|dans|près de|bei|im|nahe|cerca de|em|no|na|perto de|nel|nella|vicino a)\s+$/iu
const GREETING_BEFORE = /(?:^|[^\p{L}])(?:hi|hello|hey|dear|thanks|thank you|hola|bonjour|hallo|olá|ciao)\s+$/iu

function placeholderFor(fact: CaseFact, before: string, details: ReadonlyMap<string, string>): string {
  if (fact.type === 'identifier') for (const [re, label] of IDENTIFIER_KINDS) if (re.test(before)) return label
  if (fact.type === 'detail') return GREETING_BEFORE.test(before) ? PLACEHOLDER.name : details.get(fact.value) ?? PLACEHOLDER.detail
  return PLACEHOLDER[fact.type]
}

/**
 * A capitalised word after a lower-case word: "including Otley", "on the Galaxy" (not "@dan90 This",
 * "Hi Ana Thanks"), and not the first word of a longer name ("Face ID", "Voice Remote": products).
 */
const INNER_CAPITALISED = /(?<=(?:^|\s)\p{Ll}[\p{L}'’-]*\s)\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}-]|\s\p{Lu})/gu
/** Languages that capitalise every noun: a capital says nothing there ("beim Login", "deinem Konto"). */
const NOUNS_CAPITALISED = new Set(['de', 'lb'])
const LOWER_CASE_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu
const CAPITALISED = /\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])/gu
const OWN_WORD_CONVERSATIONS = 2

/**
 * The details of past cases that their replies only repeated: a capitalised word a past customer wrote
 * anywhere in the case so far and the agent's answer echoed ("No internet in Otley" → "an outage
 * affecting parts of West Yorkshire including Otley"; "service in Otley is back" to the same customer's
 * "Any ETA?"). Reused for another customer, it is a fact of the wrong case. A word the brand also writes
 * unprompted, in the replies of at least OWN_WORD_CONVERSATIONS past conversations, is its own
 * vocabulary (a product, its name) and stays; one is not enough (a town given by phone). A word a reply
 * also writes in lower case ("this", "voice") is no name.
 */
export function echoedDetails(pool: ReplyCandidate[]): Map<string, string> {
  const unprompted = new Map<string, Set<string>>()
  const echoed = new Set<string>()
  // Written after "in", "near"… by a past customer or in a reply: a place ("No internet in Otley", "service in Otley").
  const places = new Set<string>()
  for (const c of pool) {
    if (c.language && NOUNS_CAPITALISED.has(c.language)) continue
    // What that customer wrote in the whole case: "service in Pudsey is back" answered "Any ETA?", the town
    // named two messages before; read from the answered message alone it was the brand's own word.
    const said = c.caseText ?? c.customerText
    const customerWords = lowerCaseWords([said])
    for (const [word] of c.text.matchAll(CAPITALISED)) {
      if (customerWords.has(word.toLowerCase())) continue
      const conversations = unprompted.get(word) ?? new Set<string>()
      unprompted.set(word, conversations.add(c.conversationId))
    }
    for (const m of c.text.matchAll(INNER_CAPITALISED)) {
      const word = m[0]
      if (PLACE_BEFORE.test(c.text.slice(Math.max(0, m.index - 20), m.index))) places.add(word)
      if (!customerWords.has(word.toLowerCase())) continue
      const at = said.toLowerCase().indexOf(word.toLowerCase())
      if (PLACE_BEFORE.test(said.slice(Math.max(0, at - 20), at))) places.add(word)
      echoed.add(word)
    }
  }
  for (const [word, conversations] of unprompted) if (conversations.size >= OWN_WORD_CONVERSATIONS) echoed.delete(word)
  // A name is capitalised wherever the brand writes it: "The voice remote" in one reply says "Voice" is a plain word.
  const plain = new Set(pool.flatMap((c) => c.text.match(LOWER_CASE_WORD) ?? []))
  for (const word of echoed) if (plain.has(word.toLowerCase())) echoed.delete(word)
  return new Map([...echoed].map((word) => [word, places.has(word) ? PLACEHOLDER_PLACE : PLACEHOLDER.detail]))
}

/** True when the reply writes a capitalised word inside a sentence that the customer's message does not say. */
export function namesUnsaid(reply: string, customerText: string): boolean {
  const said = lowerCaseWords([customerText])
  for (const [word] of reply.matchAll(INNER_CAPITALISED)) if (!said.has(word.toLowerCase())) return true
  return false
}

function lowerCaseWords(texts: string[]): Set<string> {
  return new Set(texts.flatMap((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))
}

/** What the current request may state: its conversation, the knowledge passages retrieved, the brand voice. */
export function slotContextFor(req: ReplyRequest, knowledgeTexts: string[], pool: ReplyCandidate[]): SlotContext {
  const brandHandles = req.voice.handles
  const details = echoedDetails(pool)
  const voiceTexts = [req.voice.guidelines, req.voice.signOff, req.voice.greeting ?? '']
  const stated = [...req.turns.map((t) => t.text), ...knowledgeTexts, ...voiceTexts]
  const allowed = factKeysOf(stated, { brandHandles })
  // A detail is backed by the current case in any case: the customer writes "otley", the reply "Otley".
  const statedWords = lowerCaseWords(stated)
  for (const word of details.keys()) if (statedWords.has(word.toLowerCase())) allowed.add(factKey('detail', word))
  const fillers = new Map<FactType, string>()
  const customerFacts = req.turns.filter((t) => t.role === 'customer').flatMap((t) => findCaseFacts(t.text, { brandHandles }).map((f) => ({ ...f, before: t.text.slice(Math.max(0, f.start - 40), f.start) })))
  for (const type of FILLABLE) {
    const values = new Map(customerFacts.filter((f) => f.type === type).map((f) => [factKey(f.type, f.value), f.value]))
    if (values.size === 1) fillers.set(type, [...values.values()][0])
  }
  const identifier = customerFacts.find((f) => f.type === 'identifier')
  const identifierKind = fillers.has('identifier') && identifier ? placeholderFor(identifier, identifier.before, new Map()) : null
  // The name the greeting uses: the past customer's name in a reply becomes this customer's.
  const first = firstNameOf(req.customer.name)
  if (first) fillers.set('name', first)
  const own = new Set(nameWords(req.customer.name))
  const names = pool.map((c) => c.pastCustomer.name).flatMap(nameWords).filter((n) => !own.has(n))
  return { allowed, fillers, identifierKind, names, details, brandHandles }
}

export interface Templated {
  text: string
  /** Placeholders left for the agent to fill, in order. */
  placeholders: string[]
}

/** Replaces every fact the current case cannot back with its filler or a placeholder. */
export function fillSlots(text: string, ctx: SlotContext): Templated {
  const placeholders: string[] = []
  let out = ''
  let cursor = 0
  for (const f of findCaseFacts(text, { names: ctx.names, details: ctx.details.keys(), brandHandles: ctx.brandHandles })) {
    out += text.slice(cursor, f.start)
    cursor = f.end
    if (ctx.allowed.has(factKey(f.type, f.value))) {
      out += f.value
      continue
    }
    const placeholder = placeholderFor(f, out.slice(-40), ctx.details)
    const filler = ctx.fillers.get(f.type)
    if (filler !== undefined && (f.type !== 'identifier' || placeholder === ctx.identifierKind)) {
      out += filler
      continue
    }
    // "order #BW-1" → "order [order number]": the sign goes with the value.
    if (out.endsWith('#')) out = out.slice(0, -1)
    // "Wednesday 12 November" is read as two facts (a weekday, then a day): it is one slot to fill.
    const previous = /,?\s*$/.exec(out)
    if (out.slice(0, previous!.index).endsWith(placeholder)) {
      out = out.slice(0, previous!.index)
      continue
    }
    placeholders.push(placeholder)
    out += placeholder
  }
  return { text: out + text.slice(cursor), placeholders }
}

const PLACEHOLDER_TEXT = /\[(?:order number|tracking number|ticket number|account number|booking reference|reference|amount|date|time|email|phone|address|handle|name|place|detail)\]/g

/** The placeholders a draft still holds. */
export function placeholdersIn(text: string): string[] {
  return text.match(PLACEHOLDER_TEXT) ?? []
}
