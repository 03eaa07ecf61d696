// PII redaction applied before any text leaves the service (LLM, remote embedding endpoint).
// Detection favours libraries where they exist: libphonenumber-js (phones), ibantools (IBAN
// checksums and per-country lengths), linkifyjs (URLs and e-mails, with a real TLD list; an e-mail
// address in a domain the list lacks, "o.adeyemi@mail.example", is taken by its shape all the same).
// Order/account numbers and street addresses have no library; they are keyword- and shape-
// anchored patterns tuned on test/fixtures/redaction-set.jsonl (see test/unit/redaction.test.ts).
//
// Decisions (precision over guesswork):
// - ORDER covers customer-specific references announced by a word (order, account, customer, booking,
//   invoice, tracking, member… in en/fr/es/pt/de/it/ko/ja/zh/th) or with an unmistakable shape
//   ("#A123456", "#A12-99", "123-1234567-1234567", "BW-9094474"). Tracking numbers count (they reveal a delivery address);
//   the word "ticket", SKUs, flight and train numbers, prices, dates, years and versions do not
//   ("#88123" is taken whatever it refers to).
// - PHONE: any valid +international number; national formats only if valid in a configured region,
//   at least 7 digits, and written with a leading 0 or separators (a bare "612345678" is left alone).
// - CARD needs a known issuer prefix and a Luhn pass; masked cards ("**** 1234") are not PII here.
// - URL: only links carrying a secret or an identity (token-like parameters or path segments).
// - ADDRESS: street + number in en/fr/es/pt/it/de/ko/ja/th, with a postcode and city that follow;
//   standalone postcodes only where the shape is unambiguous (UK, Canada, Japan's 〒), or after the word
//   ("postcode ls6 2qt").
import * as linkify from 'linkifyjs'
import { countrySpecs, isValidIBAN } from 'ibantools'
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max'

export type PiiType = 'EMAIL' | 'PHONE' | 'CARD' | 'IBAN' | 'ADDRESS' | 'URL' | 'ORDER' | 'HANDLE'

export interface RedactOptions {
  /** Redact @handles too (off by default: on social channels handles are usually public). */
  handles?: boolean
  /** Handles never redacted, e.g. the brand's own; compared case-insensitively, '@' optional. */
  keepHandles?: string[]
  /** Regions tried for phone numbers written without a +country prefix. */
  phoneRegions?: CountryCode[]
}

export interface PiiMatch { type: PiiType; start: number; end: number; value: string }
export interface RedactResult { text: string; count: number; byType: Partial<Record<PiiType, number>> }

/** Regions of the languages Parley serves; national-format numbers are accepted only if valid in one. */
export const DEFAULT_PHONE_REGIONS: CountryCode[] = [
  'US', 'GB', 'FR', 'DE', 'ES', 'IT', 'PT', 'BR', 'MX', 'NL', 'BE', 'CH', 'AT', 'KR', 'JP', 'TH', 'IN', 'AU', 'CA',
]

// When two detections overlap, the more specific one wins (a URL may hold an e-mail, an order
// number may look like a phone number to libphonenumber).
const PRIORITY: PiiType[] = ['URL', 'EMAIL', 'IBAN', 'CARD', 'ORDER', 'PHONE', 'ADDRESS', 'HANDLE']

export const PLACEHOLDER_PATTERN = /\[(EMAIL|PHONE|CARD|IBAN|ADDRESS|URL|ORDER|HANDLE)_(\d+)\]/g

// ---------------------------------------------------------------- URLs and e-mails

// Parameter names that carry credentials or identity; a URL carrying one of them is personal.
const SENSITIVE_PARAM = /^(?:.*token.*|.*key|.*secret.*|sig|signature|auth.*|code|otp|session.*|sid|pass.*|pwd|reset.*|access.*|jwt|hash|email|mail|phone|tel|user.*|uid|customer.*|order.*|account.*|id|invite.*|share.*|magic.*|login.*|verify.*|confirm.*)$/i

/** A URL is redacted only if it carries a secret or an identity; plain help-centre links are kept. */
function isSensitiveUrl(href: string): boolean {
  let url: URL
  try { url = new URL(href) } catch { return false }
  if (url.username || url.password) return true
  for (const [name, value] of url.searchParams) {
    if (value.length >= 4 && SENSITIVE_PARAM.test(name)) return true
    if (looksLikeSecret(value)) return true
  }
  const fragmentParams = new URLSearchParams(url.hash.replace(/^#/, ''))
  for (const [name, value] of fragmentParams) if (value && SENSITIVE_PARAM.test(name)) return true
  return url.pathname.split('/').some(looksLikeSecret)
}

// Random-looking ids and tokens, as opposed to slugs made of words and numbers ("summer-sale-2024").
function looksLikeSecret(part: string): boolean {
  if (part.length < 12 || !/^[A-Za-z0-9_\-.~%=+]+$/.test(part)) return false
  if (part.length >= 32) return true
  return part.split(/[-_.~]/).some((piece) => piece.length >= 8 && /\d/.test(piece) && /[A-Za-z]/.test(piece))
}

/** local@domain.tld, whatever the top-level domain: unlike a bare domain ("file.txt"), the @ leaves no doubt. */
const EMAIL_SHAPE = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu

function findLinks(text: string): PiiMatch[] {
  const found: PiiMatch[] = []
  for (const link of linkify.find(text)) {
    if (link.type === 'email') found.push({ type: 'EMAIL', start: link.start, end: link.end, value: link.value })
    else if (link.type === 'url' && isSensitiveUrl(link.href)) found.push({ type: 'URL', start: link.start, end: link.end, value: link.value })
  }
  if (text.includes('@')) for (const m of text.matchAll(EMAIL_SHAPE)) found.push({ type: 'EMAIL', start: m.index, end: m.index + m[0].length, value: m[0] })
  return found
}

// ---------------------------------------------------------------- payment cards and IBANs

const CARD_CANDIDATE = /(?<![\d.,])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1?\d{1,3})?|\d{4}[ -]?\d{6}[ -]?\d{4,5}|\d{13,19})(?![\d.,]\d|\d)/g
// Issuer prefixes of the networks in use; Luhn alone passes one random number in ten.
const CARD_ISSUER = /^(?:4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|3(?:0[0-5]|[68])|6(?:011|5|4[4-9]|2)|35(?:2[89]|[3-8])|5[06-9]|6\d)/

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9 }
    sum += d
  }
  return sum % 10 === 0
}

function findCards(text: string): PiiMatch[] {
  const found: PiiMatch[] = []
  for (const m of text.matchAll(CARD_CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '')
    if (digits.length < 13 || digits.length > 19) continue
    if (!CARD_ISSUER.test(digits) || !luhnValid(digits)) continue
    found.push({ type: 'CARD', start: m.index, end: m.index + m[0].length, value: m[0] })
  }
  return found
}

const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})(?=[ -]?[A-Za-z0-9])/g

/** Walks the exact number of characters the country's IBAN has, allowing single spaces or dashes. */
function findIbans(text: string): PiiMatch[] {
  const found: PiiMatch[] = []
  for (const m of text.matchAll(IBAN_START)) {
    const country = m[1].toUpperCase()
    const length = countrySpecs[country]?.chars
    if (!length) continue
    let compact = ''
    let end = m.index
    while (end < text.length && compact.length < length) {
      const ch = text[end]
      if (/[A-Za-z0-9]/.test(ch)) compact += ch
      else if (!((ch === ' ' || ch === '-') && /[A-Za-z0-9]/.test(text[end + 1] ?? '') && compact.length > 0)) break
      end++
    }
    if (compact.length !== length || /[A-Za-z0-9]/.test(text[end] ?? '')) continue
    if (!isValidIBAN(compact.toUpperCase())) continue
    found.push({ type: 'IBAN', start: m.index, end, value: text.slice(m.index, end) })
  }
  return found
}

// ---------------------------------------------------------------- order and account numbers

// Words that announce a customer-specific reference. Latin-script words are matched as whole
// words ("ordered 3" is not an order number); CJK/Thai/Hangul ones are matched anywhere.
const ORDER_WORDS_LATIN = [
  'order', 'orders', 'order number', 'order no', 'order id', 'order ref', 'account', 'account number', 'account no',
  'customer number', 'customer id', 'customer no', 'member number', 'membership number', 'member id', 'loyalty number',
  'booking', 'booking reference', 'booking ref', 'booking number', 'reservation', 'reservation number',
  'confirmation number', 'confirmation code', 'invoice', 'invoice number', 'tracking number', 'tracking', 'tracking code',
  'policy number', 'contract number', 'reference', 'ref',
  'commande', 'numéro de commande', 'n° de commande', 'numéro client', 'n° client', 'compte', 'numéro de compte',
  'facture', 'réservation', 'dossier', 'numéro de suivi', 'contrat', 'numéro d\'adhérent',
  'pedido', 'número de pedido', 'nº de pedido', 'n° de pedido', 'cuenta', 'número de cuenta', 'número de cliente',
  'factura', 'reserva', 'localizador', 'número de seguimiento', 'encomenda', 'número da encomenda', 'conta',
  'número da conta', 'fatura', 'rastreio', 'código de rastreio', 'número do pedido',
  'bestellung', 'bestellnummer', 'bestell-nr', 'auftragsnummer', 'auftrag', 'kundennummer', 'kunden-nr', 'kundenkonto',
  'bestell-nr.', 'kunden-nr.', 'order no.', 'account no.', 'customer no.', 'client n°', 'cliente n°', 'cliente nº',
  'kontonummer', 'rechnungsnummer', 'rechnung', 'buchungsnummer', 'vertragsnummer', 'sendungsnummer', 'mitgliedsnummer',
  'ordine', 'numero d\'ordine', 'numero ordine', 'numero dell\'ordine', 'codice cliente', 'numero cliente', 'conto',
  'fattura', 'prenotazione', 'contratto', 'spedizione', 'codice di tracciamento',
]
const ORDER_WORDS_OTHER = [
  '주문번호', '주문 번호', '회원번호', '계좌번호', '예약번호', '송장번호', '운송장번호',
  '注文番号', 'ご注文番号', '会員番号', '予約番号', 'お問い合わせ番号', '口座番号', '伝票番号', '订单号', '訂單號碼',
  'หมายเลขคำสั่งซื้อ', 'เลขคำสั่งซื้อ', 'คำสั่งซื้อ', 'เลขที่บัญชี', 'หมายเลขพัสดุ', 'เลขพัสดุ', 'เลขที่การจอง',
]
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
const byLengthDesc = (a: string, b: string) => b.length - a.length
// The glue between the word and the number ("number is", "n°", ":", "lautet") holds no digits,
// no currency and no sentence end, so a price or a date further on is never taken.
const ORDER_ANCHORED = new RegExp(
  `(?:(?<![\\p{L}])(?:${ORDER_WORDS_LATIN.sort(byLengthDesc).map(escapeRe).join('|')})(?![\\p{L}])(?:\\s*(?:n[°º]?|no|nr|num|núm)\\.)?|(?:${ORDER_WORDS_OTHER.sort(byLengthDesc).map(escapeRe).join('|')}))` +
  `[^\\d\\n.!?。€$£¥₩฿]{0,24}?[#＃]?\\s?(?<id>(?<![A-Za-z0-9])(?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,24})(?![A-Za-z0-9])`,
  'giu',
)
// Without a keyword, only shapes that are unmistakably references: "#A123456", "#A12-99",
// "123-1234567-1234567", and a short letter prefix, a dash and a long number ("BW-9094474", "bw-3311278").
const ORDER_STANDALONE = /(?<![\w&])[#＃]\s?(?<id>[A-Z]{0,3}\d{5,12}|(?=[A-Z0-9-]*\d)[A-Z0-9]{1,6}-[A-Z0-9]{1,8})(?![\w-])|(?<![\d-])(?<id2>\d{3}-\d{7}-\d{7})(?![\d-])|(?<![\p{L}\p{N}_-])(?<id3>\p{L}{1,4}-\d{5,12})(?![\p{L}\p{N}_]|-\p{N})/gu

function isReferenceLike(id: string): boolean {
  if (id.length < 4) return false
  const digits = (id.match(/\d/g) ?? []).length
  if (digits === 0) return false
  if (/^\d{4}-\d{2}-\d{2}$/.test(id) || /^(?:19|20)\d{2}$/.test(id)) return false // dates and years
  if (digits >= 4) return true
  // Airline-style record locators ("XJ4K2P"): upper-case letters mixed with a digit, 5–8 long.
  return /^[A-Z0-9]{5,8}$/.test(id) && /[A-Z]/.test(id)
}

function findOrders(text: string): PiiMatch[] {
  const found: PiiMatch[] = []
  for (const m of text.matchAll(ORDER_ANCHORED)) {
    const id = m.groups!.id
    if (!isReferenceLike(id)) continue
    const end = m.index + m[0].length
    const after = text.slice(end, end + 8)
    if (/^\s?(?:€|\$|£|eur|usd|euros?|dollars?|%)/i.test(after)) continue
    found.push({ type: 'ORDER', start: end - id.length, end, value: id })
  }
  for (const m of text.matchAll(ORDER_STANDALONE)) {
    const id = m.groups!.id ?? m.groups!.id2 ?? m.groups!.id3
    const end = m.index + m[0].length
    found.push({ type: 'ORDER', start: end - id.length, end, value: id })
  }
  return found
}

// ---------------------------------------------------------------- phone numbers

// Without a +country prefix libphonenumber accepts many digit runs that are something else.
function looksLikeNationalPhone(raw: string, charBefore: string | undefined): boolean {
  const digits = raw.replace(/\D/g, '')
  if (digits.length < 7) return false
  // A bare run of digits without a leading 0 is more often a quantity or an id.
  if (/^\d+$/.test(raw) && !raw.startsWith('0')) return false
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(raw)) return false // dates
  if (/^\d[\d\s]*[.,]\d{1,2}$/.test(raw)) return false // amounts
  return charBefore !== '〒' // Japanese postcode
}

function findPhones(text: string, regions: CountryCode[]): PiiMatch[] {
  const found: PiiMatch[] = []
  const seen = new Set<string>()
  const add = (start: number, end: number) => {
    const key = `${start}:${end}`
    if (seen.has(key)) return
    seen.add(key)
    found.push({ type: 'PHONE', start, end, value: text.slice(start, end) })
  }
  // Every phone number has seven digits close together; most messages have none, and the
  // per-region scans below are the costliest part of redaction.
  if (!/\d(?:[\s().\/-]{0,3}\d){6}/.test(text)) return found
  // International numbers first (no region needed), then national formats per region.
  for (const n of findPhoneNumbersInText(text)) add(n.startsAt, n.endsAt)
  for (const region of regions) {
    for (const n of findPhoneNumbersInText(text, { defaultCountry: region })) {
      const raw = text.slice(n.startsAt, n.endsAt)
      if (!looksLikeNationalPhone(raw, text[n.startsAt - 1])) continue
      add(n.startsAt, n.endsAt)
    }
  }
  return found
}

// ---------------------------------------------------------------- street addresses and postcodes

const CAP = '[\\p{Lu}][\\p{L}\'’.-]*'
const CITY = '[\\p{Lu}][\\p{L}\'’-]*'
const WORD = '[\\p{L}][\\p{L}\'’.-]*'
const NUM = '\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}]))?'
const NUM_FR = '\\d{1,4}(?:\\s?(?:bis|ter|[A-Za-z](?![\\p{L}])))?'
// Postcode and city right after a street: "…, 75002 Paris", "…, London W1U 6AB".
const POSTCODE_TAIL = `(?:,?\\s+(?:\\d{4,5}|\\d{4}-\\d{3}|[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2})\\s+${CITY}(?:\\s${CITY})?|,\\s+${CITY}(?:\\s${CITY})?,?\\s+(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}|[A-Z]{2}\\s\\d{5}))?`
const STREET_EN = '(?:Street|St\\.?|Road|Rd\\.?|Avenue|Ave\\.?|Lane|Ln\\.?|Drive|Dr\\.?|Boulevard|Blvd\\.?|Court|Ct\\.?|Place|Pl\\.?|Way|Terrace|Close|Crescent|Square|Highway|Hwy\\.?|Parkway|Row|Gardens|Mews)'
const ADDRESS_PATTERNS: RegExp[] = [
  // en: "221B Baker Street", "1600 Pennsylvania Avenue NW"
  new RegExp(`(?<![\\p{L}\\d])${NUM}\\s+(?:${CAP}\\s+){1,3}${STREET_EN}(?![\\p{L}])(?:\\s(?:NW|NE|SW|SE|N|S|E|W)(?![\\p{L}]))?${POSTCODE_TAIL}`, 'gu'),
  // fr: "12 rue de la Paix", "3 bis avenue Jean Jaurès"
  new RegExp(`(?<![\\p{L}\\d])${NUM_FR},?\\s+(?:rue|avenue|av\\.|boulevard|bd|place|allée|impasse|chemin|quai|route|cours|square)\\s+(?:(?:de|du|des|la|le|l'|l’|d'|d’)\\s*)*${WORD}(?:\\s(?:(?:de|du|des|la|le)\\s)?${CAP}){0,3}${POSTCODE_TAIL}`, 'giu'),
  // es/pt/it: "Calle Mayor 5", "Rua Augusta, 120", "Via Roma 10", "Avenida da Liberdade 245"
  new RegExp(`(?<![\\p{L}])(?:Calle|C/|Avda\\.?|Avenida|Av\\.|Plaza|Paseo|Camino|Carrer|Ronda|Travesía|Rua|Travessa|Praça|Largo|Estrada|Alameda|Via|Viale|Piazza|Corso|Vicolo|Piazzale)\\s+(?:(?:de|del|da|do|dos|das|de la|de los|di|della|delle|dei)\\s+)*${CAP}(?:\\s(?:(?:de|del|da|do|dos|das|di|della)\\s)?${CAP}){0,3},?\\s+(?:n[º°o]\\.?\\s*)?${NUM}(?:[,\\s]+\\d{1,2}[º°ª]\\s?[A-Za-z]?)?${POSTCODE_TAIL}`, 'gu'),
  // de: "Hauptstraße 12", "Am Lindenweg 4a", "Karl-Marx-Allee 90"
  new RegExp(`(?<![\\p{L}])(?:(?:Am|An der|Im|In der|Auf der)\\s)?[\\p{Lu}][\\p{L}-]*-?(?:[Ss]traße|[Ss]trasse|[Ss]tr\\.|[Ww]eg|[Gg]asse|[Pp]latz|[Aa]llee|[Rr]ing|[Dd]amm|[Uu]fer|[Cc]haussee)\\s+\\d{1,4}(?:\\s?[a-z](?![\\p{L}]))?${POSTCODE_TAIL}`, 'gu'),
  // ko: "서울시 강남구 테헤란로 123", ja: "東京都渋谷区神南1-2-3"
  /(?:[가-힣]+(?:시|도)\s+)?[가-힣]+(?:구|군)\s+[가-힣0-9]+(?:로|길)\s*\d+(?:-\d+)?(?:번지)?/gu,
  /[\p{Script=Han}]{1,4}[都道府県][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,12}?[0-9０-９]+(?:[-－ー‐丁目番地号の]+[0-9０-９]+)+(?:号)?/gu,
  // th: "99/12 ถนนสุขุมวิท แขวงคลองเตย กรุงเทพฯ 10110" (house number, optional soi, road, district, city, postcode)
  /(?<![\d/])\d{1,4}(?:\/\d{1,4})?\s*(?:หมู่\s*\d+\s*)?(?:(?:ซอย|ซ\.)\s*[\u0E00-\u0E7F\w]+\s*)?(?:ถนน|ถ\.)\s*[\u0E00-\u0E7F]+(?:\s+(?:แขวง|ตำบล|ต\.|เขต|อำเภอ|อ\.)\s*[\u0E00-\u0E7F]+)*(?:\s+(?:กรุงเทพฯ|กรุงเทพมหานคร|จ\.\s*[\u0E00-\u0E7F]+|จังหวัด[\u0E00-\u0E7F]+))?(?:\s+\d{5})?/gu,
  // Postcodes that cannot be mistaken for anything else: UK and Canadian with their space, Japanese with 〒.
  /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s\d[ABD-HJLNP-UW-Z]{2}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s\d[ABCEGHJ-NPRSTV-Z]\d)(?![A-Za-z0-9])|〒\s?\d{3}-\d{4}/g,
  // In any case, and without the space, after the word: "postcode ls6 2qt" (lower case alone, "ps5 2nd" is no postcode).
  /(?<=\b(?:post ?code|postal code)(?:\s+is)?\s*[:-]?\s*)[a-pr-uwyz][a-hk-y]?\d[a-z\d]?\s?\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])/giu,
]

function findAddresses(text: string): PiiMatch[] {
  const found: PiiMatch[] = []
  for (const pattern of ADDRESS_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = m[0].replace(/[\s,.]+$/, '')
      found.push({ type: 'ADDRESS', start: m.index, end: m.index + value.length, value })
    }
  }
  return found
}

// ---------------------------------------------------------------- handles

const HANDLE = /(?<![\p{L}\p{N}_.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}_@])/gu

function findHandles(text: string, keep: string[]): PiiMatch[] {
  const kept = new Set(keep.map((h) => h.replace(/^@/, '').toLowerCase()))
  const found: PiiMatch[] = []
  for (const m of text.matchAll(HANDLE)) {
    if (kept.has(m[0].slice(1).toLowerCase())) continue
    found.push({ type: 'HANDLE', start: m.index, end: m.index + m[0].length, value: m[0] })
  }
  return found
}

// ---------------------------------------------------------------- detection and redaction

/** All PII spans in `text`, non-overlapping, in reading order. */
export function findPii(text: string, opts: RedactOptions = {}): PiiMatch[] {
  const candidates = [
    ...findLinks(text), ...findIbans(text), ...findCards(text), ...findOrders(text),
    ...findPhones(text, opts.phoneRegions ?? DEFAULT_PHONE_REGIONS), ...findAddresses(text),
    ...(opts.handles ? findHandles(text, opts.keepHandles ?? []) : []),
  ]
  candidates.sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || (b.end - b.start) - (a.end - a.start))
  const accepted: PiiMatch[] = []
  for (const c of candidates) {
    if (accepted.every((a) => c.end <= a.start || c.start >= a.end)) accepted.push(c)
  }
  return accepted.sort((a, b) => a.start - b.start)
}

/** The key under which two spellings of the same value share one placeholder. */
export function normalisePiiValue(type: PiiType, value: string): string {
  switch (type) {
    case 'PHONE': case 'CARD': case 'ORDER': return value.replace(/[^0-9A-Za-z+]/g, '').toUpperCase()
    case 'IBAN': return value.replace(/[^0-9A-Za-z]/g, '').toUpperCase()
    case 'EMAIL': case 'HANDLE': case 'URL': return value.toLowerCase()
    case 'ADDRESS': return value.toLowerCase().replace(/\s+/g, ' ')
  }
}

/**
 * One vault per conversation (or request): the same original always gets the same placeholder,
 * so an LLM can still tell "the e-mail mentioned twice" apart from "two e-mails". The vault lives
 * in memory only; originals are never written to logs or the store through it.
 */
export class RedactionVault {
  private readonly byKey = new Map<string, string>()
  private readonly originals = new Map<string, string>()
  private readonly counters = new Map<PiiType, number>()

  redact(text: string, opts?: RedactOptions): RedactResult {
    // Placeholder look-alikes typed by the customer are defused so restore() can never expand them.
    const input = text.replace(PLACEHOLDER_PATTERN, '($1_$2)')
    const matches = findPii(input, opts)
    const byType: Partial<Record<PiiType, number>> = {}
    let out = ''
    let cursor = 0
    for (const m of matches) {
      out += input.slice(cursor, m.start) + this.placeholderFor(m.type, m.value)
      cursor = m.end
      byType[m.type] = (byType[m.type] ?? 0) + 1
    }
    out += input.slice(cursor)
    return { text: out, count: matches.length, byType }
  }

  /** Only for a reply draft of the same conversation: puts the originals back. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER_PATTERN, (placeholder) => this.originals.get(placeholder) ?? placeholder)
  }

  /** The originals this vault holds, e.g. as the allowed values for containsForeignPii. */
  values(): string[] {
    return [...this.originals.values()]
  }

  get size(): number {
    return this.originals.size
  }

  private placeholderFor(type: PiiType, value: string): string {
    const key = `${type}:${normalisePiiValue(type, value)}`
    const existing = this.byKey.get(key)
    if (existing) return existing
    const n = (this.counters.get(type) ?? 0) + 1
    this.counters.set(type, n)
    const placeholder = `[${type}_${n}]`
    this.byKey.set(key, placeholder)
    this.originals.set(placeholder, value)
    return placeholder
  }
}

/** One-shot redaction with a fresh vault; placeholders like [EMAIL_1]. */
export function redact(text: string, opts?: RedactOptions): RedactResult {
  return new RedactionVault().redact(text, opts)
}
