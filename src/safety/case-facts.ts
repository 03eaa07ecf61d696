// Case-specific facts in a text: the values that belong to one customer's case and must never reach
// another customer. A past reply reused as a draft has these turned into slots
// (chains/replies/template.ts); the replies eval counts any that come from another conversation.
// Detection is by shape, in any language, with no keyword needed before the value: "BW-9094474",
// "bw-3311278", "#A12-99", "£42.00", "3 March", "14:30". E-mails, phones, cards, IBANs and
// addresses come from the redactor (findPii), which already knows their shapes.
import { findPii, type PiiMatch } from './redact.ts'

export type FactType = 'identifier' | 'amount' | 'date' | 'time' | 'email' | 'phone' | 'address' | 'handle' | 'name' | 'detail'

export interface CaseFact { type: FactType; start: number; end: number; value: string }

// Reference-shaped tokens: letters and digits joined by - _ / (no dots: versions and decimals are not ids).
const TOKEN = /(?<![\p{L}\p{N}_@/.:-])[#＃№]?[\p{L}\p{N}]+(?:[-_/][\p{L}\p{N}]+)*(?![\p{L}\p{N}_@]|[-_/][\p{L}\p{N}])/gu

/** Whether a token is a case reference rather than a word, a model name ("Brightbox 4K"), a year or a quantity. */
export function isIdentifierToken(token: string): boolean {
  const hashed = /^[#＃№]/.test(token)
  const body = token.replace(/^[#＃№]/, '')
  const digits = (body.match(/\p{Nd}/gu) ?? []).length
  if (digits === 0) return false
  if (hashed) return true
  const letters = (body.match(/\p{L}/gu) ?? []).length
  if (/^\d+$/.test(body)) return digits >= 5
  if (/^\d{4}-\d{2}-\d{2}$/.test(body)) return false
  // "BW-9094474", "AB12345", "XJ4K2P9": a code with at least 4 digits, or letters and digits mixed through a long token.
  if (digits >= 4 && body.length >= 6) return true
  return letters >= 2 && digits >= 3 && body.length >= 7 && /\d\p{L}|\p{L}\d/u.test(body)
}

// A currency code is a word of its own: "routeur 30 secondes" holds "eur 30" but no amount.
const CURRENCY_BEFORE = '(?:[£$€¥₩฿₹]|(?<![\\p{L}])(?:R\\$|US\\$|CHF|EUR|USD|GBP|BRL))'
const CURRENCY_AFTER = '(?:[£$€¥₩฿₹]|CHF|EUR|USD|GBP|BRL|euros?|dollars?|pounds?|reais|francs?|Euro|Franken)'
const NUMBER = '\\d{1,3}(?:[.,\\s\\u00a0]\\d{3})*(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?'
// Japanese, Chinese, Korean and Thai write the unit after the number and the next word right after it ("3,000円で").
const CURRENCY_AFTER_UNSPACED = '(?:円|元|块|원|บาท)'
const AMOUNT = new RegExp(
  `${CURRENCY_BEFORE}\\s?(?:${NUMBER})(?![\\d])|(?<![\\p{L}\\d.,])(?:${NUMBER})\\s?${CURRENCY_AFTER}(?![\\p{L}])|(?<![\\d.,])(?:${NUMBER})\\s?${CURRENCY_AFTER_UNSPACED}`,
  'giu',
)

const MONTHS = [
  // en (May only with a day number, it is also a verb)
  'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec',
  // fr de es pt it
  'janvier', 'février', 'mars', 'avril', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'Januar', 'Februar', 'März', 'Juni', 'Juli', 'Oktober', 'Dezember',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'janeiro', 'fevereiro', 'março', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'dezembro',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
]
const MONTH = `(?:${MONTHS.join('|')}|May(?=\\s+\\d)|mai|Mai)`
const DAY = '\\d{1,2}(?:st|nd|rd|th|er|\\.|º|°)?'
const DATE = new RegExp(
  [
    '(?<![\\d/.-])\\d{4}-\\d{1,2}-\\d{1,2}(?![\\d])',
    '(?<![\\d/.-])(?!24/7)(?:0?[1-9]|[12]\\d|3[01])/(?:0?[1-9]|[12]\\d|3[01])(?:/\\d{2,4})?(?![\\d/]|\\.\\d)',
    '(?<![\\d/.-])\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}(?![\\d.]\\d|\\d)',
    `(?<![\\p{L}\\d])${DAY}\\s+(?:de\\s+|di\\s+)?(?:${MONTH}|May)(?:\\s+(?:de\\s+)?\\d{4})?(?![\\p{L}])`,
    `(?<![\\p{L}])${MONTH}\\.?\\s+${DAY}(?:,?\\s+\\d{4})?(?![\\p{L}\\d])`,
    `(?<![\\p{L}])(?:early |mid[- ]|late |end of |début |fin |Anfang |Ende |finales de |principios de )?${MONTH}(?![\\p{L}])`,
    // ja zh "2026年11月3日", "11月3日"; ko "11월 3일"
    '(?<!\\d)(?:\\d{4}\\s?[年년]\\s?)?\\d{1,2}\\s?[月월]\\s?\\d{1,2}\\s?[日일号]',
  ].join('|'),
  'gu',
)
// A day of the month on its own, after "the": "booked your home move for the 1st", "cancel from the 20th
// with no fee". Not an ordinal that counts something ("the 4th time this week", "the 2nd engineer").
const DAY_OF_MONTH = new RegExp(
  `(?<=(?:^|[^\\p{L}])the\\s+)(?:[12]?\\d|3[01])(?:st|nd|rd|th)(?:\\s+of\\s+${MONTH})?` +
    '(?![\\p{L}\\d])(?!\\s+(?:times?|floor|attempt|try|call|engineer|technician|visit|person|one|day|week|month|year|payment|charge|bill|invoice|place|step|round|line|gen|generation|edition|router|hub|device|order|parcel|package|box|email|message|text|letter|reply)\\b)',
  'giu',
)
// A weekday is the day of one case ("I've booked an engineer for Wednesday", "out for delivery on
// Monday"); a plural is a rule ("closed on Sundays") and stays. Recorded as a date. en fr de es pt it, then
// ko ja zh th; Chinese 周 only where it is not "a week" ("一周三次") or "every" ("每周一").
const WEEKDAYS = [
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonnabend', 'Sonntag',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
  'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
]
const WEEKDAY = new RegExp(
  [
    `(?<![\\p{L}-])(?:${WEEKDAYS.join('|')})(?![\\p{L}-])`,
    '[월화수목금토일]요일', '[月火水木金土日]曜日?', '(?:星期|礼拜)[一二三四五六日天]', '(?<![一二三四五六七八九十两几每\\d])周[一二三四五六日]',
    'วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)',
  ].join('|'),
  'giu',
)
// "8am" or "8 a.m.": the dot after "pm" in "between 8am and 1pm. You'll…" ends the sentence, not the time.
const TIME = /(?<![\d:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?:\s?(?:[ap]\.m\.?|[ap]m))?|h[0-5]\d|\s?(?:[ap]\.m\.?|[ap]m)(?![\p{L}])|\s?Uhr(?![\p{L}]))|(?<![\d:])(?:[01]?\d|2[0-3])h(?![\p{L}\d])/giu
// Korean, Japanese and Chinese clock times: "오전 8시", "오후 1시 30분", "午後3時", "下午3点"; not hours ("24시간", "3時間").
const CJK_TIME = /(?:(?:오전|오후|午前|午後|上午|下午|晚上)\s?)?(?<![\d.])\d{1,2}\s?(?:시(?!간)|時(?!間)|[点點])(?:\s?\d{1,2}\s?(?:분|分))?/gu
const HANDLE = /(?<![\p{L}\p{N}_.@/])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,28}[\p{L}\p{N}_])?/gu

const FROM_PII: Partial<Record<PiiMatch['type'], FactType>> = {
  EMAIL: 'email', PHONE: 'phone', ADDRESS: 'address', CARD: 'identifier', IBAN: 'identifier', ORDER: 'identifier',
}
// When spans overlap the first listed wins: an e-mail holds a name, a phone number looks like an id.
const PRIORITY: FactType[] = ['email', 'address', 'phone', 'amount', 'date', 'time', 'identifier', 'handle', 'name', 'detail']

export interface FactOptions {
  /** Person names known to the workspace (other customers, agents); matched as whole capitalised words. */
  names?: Iterable<string>
  /** Handles that are the brand's own: never a case fact. */
  brandHandles?: string[]
  /** Other case details known to the request (a town, a device a past customer named): whole capitalised words. */
  details?: Iterable<string>
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A Korean name: Hangul has no capitals, so shape alone says little; 2–4 syllables, as a whole word. */
const HANGUL_NAME = /^\p{Script=Hangul}{2,4}$/u
/** A Japanese or Chinese name on record ("田中 健" → 田中, "王丽", "マイク"): 2–4 kanji/hanzi or katakana. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Katakana}ー]{2,4}$/u
/** A name on record in a script without capitals that spaces its words: Arabic, Hebrew, Devanagari ("أحمد", "दना", "राहुल"). */
const SPACED_CASELESS_NAME = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}][\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{M}]{2,}$/u

/** A word that can be a name in a script without capitals, where no first letter tells a name by. */
export function isUncasedName(word: string): boolean {
  return HANGUL_NAME.test(word) || CJK_NAME.test(word) || SPACED_CASELESS_NAME.test(word)
}

/**
 * Name words worth matching: capitalised, 3+ letters, not a plain word of a sentence start; or a whole
 * Korean, Japanese or Chinese name ("최도윤", "田中"), which in a sentence takes its particle or
 * honorific right after it; or a word of 3+ letters in another script without capitals.
 */
export function nameWords(name: string | null | undefined): string[] {
  return (name ?? '').split(/\s+/).map((w) => w.replace(/[^\p{L}\p{M}'’ー-]/gu, ''))
    .filter((w) => (w.length >= 3 && /^\p{Lu}\p{Ll}/u.test(w)) || isUncasedName(w))
}

/**
 * The name a customer is addressed by: the first word on record when it has a name's shape, however short
 * ("Jo" of "Jo Park": nameWords leaves out words under three letters, and a reply once called Jo "Park").
 * In a script without capitals the first word on record is taken if it has a name's shape there (the same
 * test the case facts use), the family name in Japanese ("田中 健" → "田中様").
 */
export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0]
  return first && (/^\p{Lu}/u.test(first) || isUncasedName(first)) && !/\d/.test(first) ? first : null
}

/**
 * Korean agents greet by name and honorific, "하은님 안녕하세요!", whether or not the customer's name is
 * on record (often only a handle is): a 2–3 syllable word before 님 is a name, unless it is a title or
 * a kinship word that takes 님 too ("고객님", "선생님", "어머님").
 */
const HANGUL_VOCATIVE = /(?<!\p{Script=Hangul})\p{Script=Hangul}{2,3}(?=님)/gu
const NOT_NAMES_BEFORE_NIM = new Set([
  '고객', '회원', '손님', '선생', '사장', '회장', '대표', '이사', '상무', '전무', '부장', '차장', '과장', '대리', '주임', '팀장', '실장', '국장', '소장', '점장', '원장', '반장',
  '매니저', '기사', '상담사', '상담원', '관리자', '담당자', '이용자', '사용자', '구매자', '판매자', '작가', '교수', '의사', '간호사', '변호사', '감독', '선배', '후배',
  '하나', '부모', '주인', '어머', '아버', '사모', '아드', '할머', '할아버', '형수',
])
/**
 * Thai agents greet "สวัสดีค่ะ คุณเบียร์": คุณ then the (nick)name up to a space or punctuation. คุณ inside
 * a word is not a title ("ขอบคุณมาก" is thank you very much), and "คุณลูกค้า" is "dear customer".
 */
const THAI_VOCATIVE = /(?<=(?<![\u0E00-\u0E7F])คุณ)[\u0E00-\u0E7F]{1,12}(?=[\s,!.]|$)/gu
const NOT_NAMES_AFTER_KHUN = new Set(['ลูกค้า', 'ค่ะ', 'ครับ', 'คะ'])
/**
 * Japanese agents address by name and honorific, "田中様、", "佐藤さん": the run of kanji or katakana
 * before 様/さま/さん/殿 is a name whether or not it is on record, unless it is a word that takes the
 * honorific too ("お客様", "皆さん", "担当者様", "ユーザー様") or a word that ends in 様 ("仕様" spec,
 * "同様" likewise, "ご苦労様"). 様々, 様子, 様式 are words of their own.
 */
const JAPANESE_VOCATIVE = /(?<![\p{Script=Han}\p{Script=Katakana}ー])[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?=様(?![々子式相態])|さま|さん|殿)/gu
const NOT_NAMES_BEFORE_SAMA = new Set([
  '客', '皆', '皆々', '各位', '担当', '会員', '家族', '得意', '奥', '神', '王', '仏', '殿', '母', '父', '兄', '姉', '祖母', '祖父', '娘', '息子', '旦那', '嫁', '孫',
  '社長', '店長', '部長', '課長', '医者', '患者', '生徒', '学生', '子供', '皆様方',
  '仕', '同', '模', '異', '多', '一', '今', '有', '左', '貴', '苦労', '世話', '馳走', '陰', '愁傷', '様',
  'ユーザー', 'オーナー', 'メンバー', 'ゲスト', 'カスタマー', 'クライアント', 'ファン',
])
/** Words for a role, not a person: "利用者様", "購入者様", "配達員さん", "八百屋さん", "お届け先様". */
const ROLE_ENDING = /(?:者|員|屋|先|主|方)$/u
/**
 * Chinese agents address by surname and title, "王先生您好", "亲爱的张小姐", in text without spaces: the
 * name is the one to three characters before 先生/女士/小姐, and does not reach back over a word that
 * leads up to it ("尊敬的", "谢谢", "您好", "请").
 */
const LEAD_IN = '的好谢敬爱请致给向和与及对位您你是为被让叫问在跟同了由把将'
const CHINESE_VOCATIVE = new RegExp(`(?:(?![${LEAD_IN}])\\p{Script=Han}){0,2}\\p{Script=Han}(?=先生|女士|小姐)`, 'gu')
const NOT_NAMES_BEFORE_XIANSHENG = new Set([...LEAD_IN, '老'])

/**
 * Arabic agents greet or address by name, "مرحباً أحمد،", "عزيزتي سارة،", "السيد أحمد علي،": one or two
 * words after a greeting or title, up to the comma. Not a name: "مرحباً بك" (welcome), "عزيزي العميل"
 * (dear customer), "أهلاً وسهلاً".
 */
const ARABIC_VOCATIVE = /(?<=(?:^|[^\p{L}\p{M}])(?:مرحبا|مرحباً|مرحبًا|أهلا|أهلاً|أهلًا|اهلا|اهلاً|عزيزي|عزيزتي|السيد|السيدة|الأستاذ|الأستاذة|أستاذ|أستاذة|يا)\s+)\p{Script=Arabic}[\p{Script=Arabic}\p{M}]+(?:\s\p{Script=Arabic}[\p{Script=Arabic}\p{M}]+)?(?=\s*[،,!.:؟])/gu
const NOT_NAMES_AFTER_ARABIC_GREETING = /^(?:بك|بكم|بكِ|وسهلا|وسهلاً|العميل|العميلة|عميلنا|عميلتنا|الكريم|الكريمة|جميعا|جميعاً|صديقي|صديقتي)(?:\s|$)/u
/** Hindi addresses by name and जी: "राहुल जी,". Not a name: "हाँ जी" (yes), "नमस्ते जी", "सर जी". */
const DEVANAGARI_VOCATIVE = /(?<![\p{L}\p{M}])\p{Script=Devanagari}[\p{Script=Devanagari}\p{M}]+(?=\s?जी(?![\p{L}\p{M}]))/gu
const NOT_NAMES_BEFORE_JI = new Set(['हाँ', 'हां', 'जी', 'नमस्ते', 'नमस्कार', 'धन्यवाद', 'शुक्रिया', 'ठीक', 'सर', 'मैडम', 'आप', 'अच्छा', 'बिल्कुल'])
/** Hebrew greets by name: "שלום דנה,". Not a name: "שלום רב" (greetings), "לקוח יקר" (dear customer). */
const HEBREW_VOCATIVE = /(?<=(?:^|[^\p{L}\p{M}])(?:שלום|היי|הי|לכבוד)\s+)\p{Script=Hebrew}[\p{Script=Hebrew}\p{M}]+(?=\s*[,!.:])/gu
const NOT_NAMES_AFTER_SHALOM = new Set(['רב', 'לך', 'לכם', 'לקוח', 'לקוחה', 'לקוחות', 'יקר', 'יקרה', 'לכולם'])

/** Names found by how they are addressed; what is addressed the same way but is not a name is left out. */
const VOCATIVES: ReadonlyArray<readonly [RegExp, (word: string) => boolean]> = [
  [HANGUL_VOCATIVE, (w) => NOT_NAMES_BEFORE_NIM.has(w)],
  [THAI_VOCATIVE, (w) => NOT_NAMES_AFTER_KHUN.has(w)],
  [JAPANESE_VOCATIVE, (w) => NOT_NAMES_BEFORE_SAMA.has(w) || ROLE_ENDING.test(w)],
  [CHINESE_VOCATIVE, (w) => NOT_NAMES_BEFORE_XIANSHENG.has(w)],
  [ARABIC_VOCATIVE, (w) => NOT_NAMES_AFTER_ARABIC_GREETING.test(w)],
  [DEVANAGARI_VOCATIVE, (w) => NOT_NAMES_BEFORE_JI.has(w)],
  [HEBREW_VOCATIVE, (w) => NOT_NAMES_AFTER_SHALOM.has(w)],
]

/**
 * Facts found by shape alone (everything but known names, brand handles not yet set aside). The costly part
 * (the redactor's link, phone and address finders): a request looks at ~40 past replies that recur
 * from one request to the next, so results are kept for the most recent texts. What a text holds
 * depends on the text alone, so a kept result never mixes two texts, or two workspaces.
 */
const SHAPE_CACHE_SIZE = 4_000
const shapeCache = new Map<string, readonly CaseFact[]>()

function factsByShape(text: string): readonly CaseFact[] {
  const kept = shapeCache.get(text)
  if (kept) {
    // Most recently used last: the Map's first key is the one to evict.
    shapeCache.delete(text)
    shapeCache.set(text, kept)
    return kept
  }
  const found: CaseFact[] = []
  for (const m of findPii(text)) {
    const type = FROM_PII[m.type]
    if (type) found.push({ type, start: m.start, end: m.end, value: m.value })
  }
  const add = (type: FactType, re: RegExp) => {
    for (const m of text.matchAll(re)) found.push({ type, start: m.index, end: m.index + m[0].length, value: m[0] })
  }
  add('amount', AMOUNT)
  add('date', DATE)
  add('date', WEEKDAY)
  add('date', DAY_OF_MONTH)
  add('time', TIME)
  add('time', CJK_TIME)
  for (const m of text.matchAll(TOKEN)) if (isIdentifierToken(m[0])) found.push({ type: 'identifier', start: m.index, end: m.index + m[0].length, value: m[0] })
  add('handle', HANDLE)
  for (const [vocative, notAName] of VOCATIVES) {
    for (const m of text.matchAll(vocative)) if (!notAName(m[0])) found.push({ type: 'name', start: m.index, end: m.index + m[0].length, value: m[0] })
  }
  const frozen = Object.freeze(found.map((f) => Object.freeze(f)))
  if (shapeCache.size >= SHAPE_CACHE_SIZE) shapeCache.delete(shapeCache.keys().next().value!)
  shapeCache.set(text, frozen)
  return frozen
}

const namePatterns = new Map<string, RegExp>()

/** One compiled pattern per set of names (requests of one workspace share most of theirs). */
function namePattern(names: string[]): RegExp {
  const key = names.join('\u0000')
  let re = namePatterns.get(key)
  if (!re) {
    if (namePatterns.size >= 256) namePatterns.clear()
    // Korean names end where their particle or honorific begins ("최도윤님", "최도윤이"), so only a digit
    // or underscore after one says it is part of something else; Japanese and Chinese run on without a
    // space on either side ("亲爱的王丽"). Longest first, "최도윤" before "최도".
    const byLength = (a: string, b: string) => b.length - a.length
    const hangul = names.filter((n) => HANGUL_NAME.test(n)).sort(byLength)
    const cjk = names.filter((n) => CJK_NAME.test(n)).sort(byLength)
    const spacedCaseless = names.filter((n) => SPACED_CASELESS_NAME.test(n)).sort(byLength)
    const cased = names.filter((n) => !HANGUL_NAME.test(n) && !CJK_NAME.test(n) && !SPACED_CASELESS_NAME.test(n))
    const alternatives = [
      ...(cased.length ? [`(?<![\\p{L}\\p{N}_@])(?:${cased.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`] : []),
      // Whole words, their combining vowel signs included; Arabic may join "and", "for", "with" to the name ("وأحمد", "ولأحمد").
      ...(spacedCaseless.length ? [`(?<=(?:^|[^\\p{L}\\p{M}\\p{N}_@])[وفبل]{0,2})(?:${spacedCaseless.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`] : []),
      ...(hangul.length ? [`(?<![\\p{L}\\p{N}_@])(?:${hangul.join('|')})(?![\\p{N}_])`] : []),
      ...(cjk.length ? [`(?<![\\p{N}_@])(?:${cjk.join('|')})(?![\\p{N}_])`] : []),
    ]
    re = new RegExp(alternatives.join('|'), 'gu')
    namePatterns.set(key, re)
  }
  return re
}

/** Every case fact in `text`, non-overlapping, in reading order. */
export function findCaseFacts(text: string, opts: FactOptions = {}): CaseFact[] {
  const brand = new Set((opts.brandHandles ?? []).map((h) => h.replace(/^@/, '').toLowerCase()))
  const found: CaseFact[] = factsByShape(text).filter((f) => f.type !== 'handle' || !brand.has(f.value.slice(1).toLowerCase()))
  const names = [...new Set([...(opts.names ?? [])].flatMap(nameWords))].sort()
  if (names.length > 0) for (const m of text.matchAll(namePattern(names))) found.push({ type: 'name', start: m.index, end: m.index + m[0].length, value: m[0] })
  const details = [...new Set(opts.details ?? [])].sort()
  if (details.length > 0) for (const m of text.matchAll(namePattern(details))) found.push({ type: 'detail', start: m.index, end: m.index + m[0].length, value: m[0] })

  found.sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type) || (b.end - b.start) - (a.end - a.start))
  const accepted: CaseFact[] = []
  for (const f of found) if (accepted.every((a) => f.end <= a.start || f.start >= a.end)) accepted.push(f)
  return accepted.sort((a, b) => a.start - b.start)
}

/** One spelling per value: "BW-9094474" = "bw 9094474", "£42.00" = "£ 42,00", "+44 20…" = "020…". */
export function factKey(type: FactType, value: string): string {
  switch (type) {
    case 'phone': return `phone:${value.replace(/\D/g, '').slice(-9)}`
    case 'amount': return `amount:${value.replace(/[^\d]/g, '').replace(/^0+/, '').replace(/00$/, '')}`
    case 'email': case 'handle': case 'name': return `${type}:${value.toLowerCase()}`
    default: return `${type}:${value.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()}`
  }
}

/** The keys of every fact in these texts, e.g. everything the current conversation says. */
export function factKeysOf(texts: Iterable<string>, opts: FactOptions = {}): Set<string> {
  const keys = new Set<string>()
  for (const t of texts) for (const f of findCaseFacts(t, opts)) keys.add(factKey(f.type, f.value))
  return keys
}
