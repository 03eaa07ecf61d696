// What a theme or an Ask answer may show to a reader outside support: no names, handles, e-mails,
// postcodes, order or account numbers. `redact` (redact.ts) masks what it recognises; this guard adds what
// only the caller knows or needs: the customers' own names and handles (taken from their conversations,
// so "Antwort, jonas" cannot become a label and "That's not good enough, honestly. Rhiannon" is not
// quoted with the name), bare identifiers ("BW-4545418"), and for labels any token that carries a digit
// or looks like a handle, a domain or a postcode.
import { stopwordsFor } from '../text/tokenize.ts'
import { redact } from './redact.ts'

/** What a quote shows where something was removed. */
const MASK = '[…]'
/** Redaction placeholders ("[ORDER_1]") and masks: readable in a quote, never words of a label. */
const PLACEHOLDER = /\[(?:[A-Z]+(?:_\d+)?|…)\]/g
/** Letters-dash-digits references and long digit runs: order, account, ticket and tracking numbers. */
const BARE_IDENTIFIER = /\b(?:[A-Za-z]{1,4}[-_#]?\d{4,}[A-Za-z\d-]*|#?\d{5,})\b/g
/** UK postcodes, full ("BS3 4AB") or outward only ("BS3"), which demo and real customers write alone. */
const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?\b/g
/** Full postcodes typed in lower case ("ls6 2qt"): the inward part makes them unmistakable in any case. */
const UK_POSTCODE_ANY_CASE = /\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/gi
const HANDLE = /(?<![\w.])@[\w.]{2,}/g
const MAY_HOLD_PII = /[\d@]|https?:|www\.|\.[a-z]{2,}\//i
const DIGIT_OR_AT = /[\d@]/
/** Name parts shorter than this are too ambiguous to mask ("al", "jo"). */
const MIN_NAME_PART = 3

/**
 * Words a handle is built around that name no one: "the_real_grace" masked every "the" and "real" of
 * her quote ("[…] new look in […] app"). Only a handle's parts are checked: a person named Will keeps
 * "will" masked.
 */
const HANDLE_FILLER = new Set([...stopwordsFor('en'), 'real', 'official', 'iam', 'mrs', 'miss', 'team', 'fan', 'life', 'love', 'girl', 'boy', 'lady', 'king', 'queen', 'baby'])
HANDLE_FILLER.delete('will') // a first name too: "will_smith" is Will
/** A handle or an e-mail, not a name written out: no space, and an @, a digit, _ or a dot. */
const HANDLE_LIKE = /^[^\s]*[@\d_.][^\s]*$/u

/** The lowercase parts of the names and handles of the people in these conversations. */
export function personTokens(people: Iterable<string | null | undefined>): Set<string> {
  const tokens = new Set<string>()
  for (const person of people) {
    if (!person) continue
    const handle = HANDLE_LIKE.test(person.trim())
    // An e-mail names its owner before the @ only: "example.net" masked every "net" of a quote.
    const named = handle ? person.replace(/(?<=[^\s@])@[^\s]*$/u, '') : person
    for (const part of named.normalize('NFC').toLowerCase().split(/[^\p{L}]+/u)) {
      if (part.length >= MIN_NAME_PART && !(handle && HANDLE_FILLER.has(part))) tokens.add(part)
    }
  }
  return tokens
}

/**
 * A customer message as a theme or an answer may quote it (and a theme build a label from it): redacted,
 * bare identifiers and postcodes masked, and every word that is one of the given people's names or
 * handle parts masked. The brand's own handles (`keepHandles`) stay in a quote: "@Brightwave Moin!" read
 * "[HANDLE_1] Moin!", as if a person had been removed.
 */
export function maskPersonal(text: string, people: ReadonlySet<string>, keepHandles: readonly string[] = []): string {
  const kept = new Set(keepHandles.map((h) => h.replace(/^@/, '').toLowerCase()))
  // Everything `redact` finds carries a digit, an @ or a link; the rest of a 50,000-message week skips it.
  let out = MAY_HOLD_PII.test(text) ? redact(text, { handles: true, keepHandles: [...kept] }).text : text
  // Identifiers and postcodes carry a digit, handles an @: a text with neither has none of them.
  if (DIGIT_OR_AT.test(out)) {
    out = out.replace(BARE_IDENTIFIER, MASK).replace(UK_POSTCODE_ANY_CASE, MASK).replace(UK_POSTCODE, MASK)
      .replace(HANDLE, (handle) => (kept.has(handle.slice(1).toLowerCase()) ? handle : MASK))
  }
  if (people.size > 0 && mayName(out, people)) {
    out = out.replace(/\p{L}[\p{L}'’-]*/gu, (word) => {
      const parts = word.toLowerCase().split(/['’-]/)
      return parts.some((p) => people.has(p)) ? MASK : word
    })
  }
  return out
}

/**
 * False when no name part occurs anywhere in the text, so no word of it can be one: the word-by-word
 * pass is skipped. Final sigma is the one letter whose lower case depends on its neighbours, hence σ.
 */
function mayName(text: string, people: ReadonlySet<string>): boolean {
  const lower = text.toLowerCase().replaceAll('ς', 'σ')
  for (const part of people) if (lower.includes(part.replaceAll('ς', 'σ'))) return true
  return false
}

/** A label word that could identify someone or something private: digits, handles, domains, placeholders. */
export function isPersonalToken(token: string, people: ReadonlySet<string>): boolean {
  if (/\d/.test(token) && !/^\d+(?:\.\d+)+$/.test(token)) return true // "bs3", "bw4545418"; versions ("5.2") stay
  if (/[@_]|\.\p{L}/u.test(token)) return true
  return token.toLowerCase().split(/['’-]/).some((part) => people.has(part))
}

/** The words a label may be built from: the masked text without placeholders ("email", "order" are not topics). */
export function labelSource(masked: string): string {
  return masked.replace(PLACEHOLDER, ' ')
}

/** True when a label or quote still shows something `redact` or this guard would mask. */
export function showsPersonalData(text: string, people: ReadonlySet<string>): boolean {
  return maskPersonal(text, people) !== text
}
