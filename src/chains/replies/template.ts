// A past reply becomes a template, not a copy: each case-specific fact in it (order number, amount,
// date, name, e-mail, phone, address…) is a typed slot. A slot keeps its value only when the current
// conversation or the workspace's own knowledge and voice state it; it is filled from the current
// conversation when that holds exactly one value of its type (the customer's own order number);
// otherwise it stays a visible placeholder for the agent, e.g. "[amount]". A value from another
// customer's conversation never survives.
import { factKey, factKeysOf, findCaseFacts, nameWords, type FactType } from '../../safety/case-facts.ts'
import type { ReplyRequest } from './types.ts'

export interface SlotContext {
  /** Keys of facts stated by the current conversation or the workspace's knowledge and voice. */
  allowed: ReadonlySet<string>
  /** Per type, the one value the current customer gave (absent when none, or several). */
  fillers: ReadonlyMap<FactType, string>
  /** Names of other people known to the request (past customers, agents who signed). */
  names: string[]
  brandHandles: string[]
}

export const EMPTY_SLOTS: SlotContext = { allowed: new Set(), fillers: new Map(), names: [], brandHandles: [] }

/** Slot types filled from the current customer's own messages when they hold exactly one value. */
const FILLABLE: FactType[] = ['identifier', 'amount', 'email', 'phone']

const PLACEHOLDER: Record<FactType, string> = {
  identifier: '[order number]', amount: '[amount]', date: '[date]', time: '[time]', email: '[email]', phone: '[phone]',
  address: '[address]', handle: '[handle]', name: '[name]',
}
// The word before an identifier names what it is, in any of the supported languages.
const IDENTIFIER_KINDS: Array<[RegExp, string]> = [
  [/(?:tracking|suivi|sendung|seguimiento|rastreio|tracciamento|spedizione)[^.!?\n]{0,16}$/iu, '[tracking number]'],
  [/(?:ticket|case|dossier|caso|fall|vorgang|pratica)[^.!?\n]{0,16}$/iu, '[ticket number]'],
  [/(?:account|compte|konto|cuenta|conta|conto|kundennummer)[^.!?\n]{0,16}$/iu, '[account number]'],
  [/(?:booking|reservation|réservation|reserva|buchung|prenotazione)[^.!?\n]{0,16}$/iu, '[booking reference]'],
]

function placeholderFor(type: FactType, before: string): string {
  if (type === 'identifier') for (const [re, label] of IDENTIFIER_KINDS) if (re.test(before)) return label
  return PLACEHOLDER[type]
}

/** What the current request may state: its conversation, the knowledge passages retrieved, the brand voice. */
export function slotContextFor(req: ReplyRequest, knowledgeTexts: string[], otherNames: Array<string | null>): SlotContext {
  const brandHandles = req.voice.handles
  const voiceTexts = [req.voice.guidelines, req.voice.signOff, req.voice.greeting ?? '']
  const allowed = factKeysOf([...req.turns.map((t) => t.text), ...knowledgeTexts, ...voiceTexts], { brandHandles })
  const fillers = new Map<FactType, string>()
  const customerFacts = req.turns.filter((t) => t.role === 'customer').flatMap((t) => findCaseFacts(t.text, { brandHandles }))
  for (const type of FILLABLE) {
    const values = new Map(customerFacts.filter((f) => f.type === type).map((f) => [factKey(f.type, f.value), f.value]))
    if (values.size === 1) fillers.set(type, [...values.values()][0])
  }
  const first = nameWords(req.customer.name)[0]
  if (first) fillers.set('name', first)
  const own = new Set(nameWords(req.customer.name))
  const names = otherNames.flatMap(nameWords).filter((n) => !own.has(n))
  return { allowed, fillers, names, brandHandles }
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
  for (const f of findCaseFacts(text, { names: ctx.names, brandHandles: ctx.brandHandles })) {
    out += text.slice(cursor, f.start)
    cursor = f.end
    if (ctx.allowed.has(factKey(f.type, f.value))) {
      out += f.value
      continue
    }
    const filler = ctx.fillers.get(f.type)
    if (filler !== undefined) {
      out += filler
      continue
    }
    // "order #BW-1" → "order [order number]": the sign goes with the value.
    if (out.endsWith('#')) out = out.slice(0, -1)
    const placeholder = placeholderFor(f.type, out.slice(-40))
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

const PLACEHOLDER_TEXT = /\[(?:order number|tracking number|ticket number|account number|booking reference|amount|date|time|email|phone|address|handle|name)\]/g

/** The placeholders a draft still holds. */
export function placeholdersIn(text: string): string[] {
  return text.match(PLACEHOLDER_TEXT) ?? []
}
