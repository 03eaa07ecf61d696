// Turning a past agent reply into a draft for a different customer: strip what was specific to the
// old conversation (handles, names, order numbers, contact details, agent initials), then frame it for
// this one (greeting, handle, sign-off, tone, channel limit). Also the rules that name a draft's approach.
import { firstNameOf } from '../../safety/case-facts.ts'
import { LINK, sentencesOf } from '../../text/sentences.ts'
import { EMPTY_SLOTS, fillSlots, type SlotContext } from './template.ts'
import type { Approach, BrandVoice, ReplyMode, Tone } from './types.ts'

/** Characters per channel for one reply; X public replies are tweets. */
export const CHANNEL_LIMITS: Record<string, { public: number; private: number }> = {
  x: { public: 280, private: 10_000 },
  twitter: { public: 280, private: 10_000 },
  instagram: { public: 2_200, private: 1_000 },
  facebook: { public: 8_000, private: 2_000 },
  whatsapp: { public: 4_096, private: 4_096 },
  email: { public: 10_000, private: 10_000 },
  chat: { public: 2_000, private: 2_000 },
}
export const DEFAULT_CHANNEL_LIMIT = 2_000
/** A cleaned reply with fewer letters than this says nothing on its own. */
const MIN_LETTERS = 12

export function channelLimit(channel: string, mode: ReplyMode, maxChars?: number): number {
  const limits = CHANNEL_LIMITS[channel.toLowerCase()]
  const limit = limits ? limits[mode] : DEFAULT_CHANNEL_LIMIT
  return maxChars ? Math.min(limit, maxChars) : limit
}

const normHandle = (h: string) => h.replace(/^@/, '').toLowerCase()

export interface CleanContext {
  brandHandles: string[]
  /** The customer of the conversation the reply came from: their name must not reach someone else. */
  pastCustomer?: { handle: string | null; name: string | null }
  /** What the current case may state; without it every case fact becomes a placeholder. */
  slots?: SlotContext
  /** The channel the draft is for: e-mail-only sentences ("just reply to this email") go elsewhere. */
  channel?: string
}

const LEADING_MENTIONS = /^(?:\s*@[\p{L}\p{N}_.]+[,:]?)+\s*/u
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*/gu
const NAME = "[\\p{Lu}][\\p{Ll}'’-]+"
// A name already made a slot: a draft sent with its "Hi [name]!" unfilled is a past reply too, and was greeted again ("Hi there! Hi [name]!").
const NAME_SLOT = '\\[name\\]'
/**
 * A pattern's letters in either case ("hi" → "[hH][iI]"), for the words around a name that must stay
 * capitalised. Written out rather than with inline `(?i:…)` groups: drafts twice kept exactly the
 * greetings, introductions and closings written with those, and lost the initials written without; it
 * was not reproduced since, so a fault of the newer syntax is suspected, not shown.
 */
function anyCase(pattern: string): string {
  let out = ''
  let inClass = false
  for (const ch of pattern) {
    const upper = ch.toUpperCase()
    const lower = ch.toLowerCase()
    const cased = upper !== lower && upper.length === 1 && lower.length === 1
    if (ch === '[') inClass = true
    else if (ch === ']') inClass = false
    out += !cased ? ch : inClass ? `${lower}${upper}` : `[${lower}${upper}]`
  }
  return out
}
// Closing formulas of an e-mail or letter, in the supported languages.
const CLOSING_FORMULA = anyCase("(?:kind(?:est)? regards|best regards|warm regards|regards|best wishes|all the best|best|cheers|many thanks|thanks again|sincerely(?: yours)?|yours sincerely|cordialement|bien cordialement|bien à vous|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|saludos(?: cordiales)?|un saludo|atentamente|cumprimentos|com os melhores cumprimentos|atenciosamente|abraços|cordiali saluti|distinti saluti|un saluto|saluti)")
// Units removed by position and shape, never single words wherever they occur: the closing block
// ("Kind regards, Chris Tan"), an agent's name or initials after a dash or caret ("– Marta, Brightwave",
// "^MK", "/JI", "-Tom B.").
const SIGN_OFFS = [
  // A closing formula and what follows it to the end: up to three short lines (name, team, company).
  new RegExp(`(?:^|(?<=[.!?…])[ \\t]+|\\n)\\s*${CLOSING_FORMULA}[ \\t]*[,!.]?(?:[ \\t]*\\n?[ \\t]*[^\\n.!?]{1,60}?){0,3}\\s*$`, 'u'),
  /\s*[\^/*~]\s*[\p{Lu}][\p{L}]{0,2}\s*$/u,
  /\s+[-–—]\s*[\p{Lu}]{1,3}\s*$/u,
  new RegExp(`\\s*[-–—~]\\s*${NAME}(?:\\s+[\\p{Lu}]\\.?|\\s+${NAME})?(?:\\s*,\\s*${NAME}(?:\\s+${NAME})?)?\\s*$`, 'u'),
]
// Who is writing, at the start: "You're chatting with Sam.", "This is Sam from Brightwave here."
const AGENT_INTRO = new RegExp(
  `^(?:${anyCase("(?:you(?:'|’)re chatting with|you are chatting with|this is|my name is|je suis|ich bin|hier ist|soy|sono|aqui é|sou|te atiende|le atiende|sie sprechen mit|parli con|fala com)")}\\s+${NAME}` +
    `(?:\\s+${anyCase('(?:from|de|von|di|da|at)')}\\s+[\\p{Lu}][\\p{L}]+)?(?:\\s+${anyCase('(?:here|aquí|hier|qui)')})?|${NAME}\\s+${anyCase('(?:de|from|von|di|da)')}\\s+[\\p{Lu}][\\p{L}]+\\s+${anyCase('(?:à votre écoute|at your service|a su servicio|a tu servicio|für sie da|al suo servizio|ao seu dispor)')})\\s*[.!,:]\\s*`,
  'u',
)
const GREETING = new RegExp(`^[¡]?${anyCase('(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|hola|buenas|buenos días|hallo|guten tag|liebe[rs]?|olá|oi|ciao|buongiorno|gentile)')}(?![\\p{L}])(?:\\s+${anyCase('(?:there|team|all|again)')})?(?:\\s+(?:${NAME}|${NAME_SLOT})|,\\s*(?:${NAME}|${NAME_SLOT})(?=\\s*[!,.:]))?\\s*[!,.:]*\\s*`, 'u')
// Korean greets with 안녕하세요 and addresses by name and honorific, before or after it: "하은님 안녕하세요!",
// "안녕하세요, 고객님!". A name after the greeting goes only with its punctuation ("안녕하세요 고객님 불편을…"
// keeps its subject).
const KOREAN_GREETING = /^(?:\p{Script=Hangul}{1,4}\s?님[,!.~]*\s*)?안녕하(?:세요|십니까)[,!.~]*\s*(?:\p{Script=Hangul}{1,4}\s?님[,!.~]+\s*)?/u
// Thai: "สวัสดีค่ะ คุณเบียร์" (name up to the space), and an agent's "นกจาก Brightwave ยินดีให้บริการค่ะ".
// สวัสดี runs into the next word in other phrases ("สวัสดีปีใหม่", happy new year): those stay.
const THAI_GREETING = /^สวัสดี(?:ค่ะ|ครับ|คะ)?(?=[\s,!.]|คุณ|$)[\s,!.]*(?:คุณ[\u0E00-\u0E7F]{1,12}(?:[\s,!.]+|$))?/u
const THAI_AGENT_INTRO = /^[\u0E00-\u0E7F]{1,12}\s?จาก\s?\p{L}+\s?ยินดี(?:ให้บริการ|ต้อนรับ)(?:ค่ะ|ครับ)?[\s,!.]*/u
// Japanese: a name and honorific ("田中様、", "お客様、"), a greeting word, or both ("佐藤さん、こんにちは！").
// The name needs punctuation or a greeting after it: "仕様です" (it is by design) opens with no name.
const JA_HELLO = 'こんにちは|こんばんは|おはようございます'
const JAPANESE_GREETING = new RegExp(
  `^(?:お?[\\p{Script=Han}\\p{Script=Katakana}ー]{1,6}(?:様|さま|さん)(?:[、,!！。\\s]+|(?=${JA_HELLO}))|(?=${JA_HELLO}))(?:${JA_HELLO})?[、,!！。~～\\s]*`,
  'u',
)
// Chinese: "王先生您好！", "您好，李女士！", "亲爱的张小姐，", "尊敬的客户，您好！".
const ZH_ADDRESSEE = '(?:\\p{Script=Han}{1,3}(?:先生|女士|小姐)|客户|用户|顾客|朋友|亲)'
const CHINESE_GREETING = new RegExp(
  `^(?:(?:尊敬的|亲爱的)?${ZH_ADDRESSEE}[，,!！\\s]*)?(?:您好|你好)[，,!！。~～\\s]*(?:${ZH_ADDRESSEE}[，,!！。~～\\s]*)?|^(?:尊敬的|亲爱的)${ZH_ADDRESSEE}[，,!！:：\\s]+`,
  'u',
)
// Arabic, Hindi and Hebrew: a greeting, then perhaps whom it greets, then punctuation ("مرحباً أحمد،",
// "नमस्ते राहुल जी,", "שלום דנה,"). Without the punctuation it starts a sentence ("مرحباً بك في…", welcome to…).
const ARABIC_GREETING = /^(?:مرحبا|مرحباً|مرحبًا|أهلا|أهلاً|أهلًا|اهلا|اهلاً|السلام عليكم)(?:\s+(?:بك|بكم|بكِ))?(?:\s+\p{Script=Arabic}[\p{Script=Arabic}\p{M}]*(?:\s\p{Script=Arabic}[\p{Script=Arabic}\p{M}]*)?)?\s*[،,!.]+\s*/u
const HINDI_GREETING = /^(?:नमस्ते|नमस्कार|हैलो|हेलो)(?:\s+\p{Script=Devanagari}[\p{Script=Devanagari}\p{M}]*(?:\s+जी)?)?\s*[,!।.]+\s*/u
const HEBREW_GREETING = /^(?:שלום|היי|הי)(?:\s+\p{Script=Hebrew}[\p{Script=Hebrew}\p{M}]*)?\s*[,!.]+\s*/u
// Japanese and Chinese agents introduce themselves by role and name: "サポート担当の山田です。",
// "我是客服小王，很高兴为您服务。". Only after a role word: "配送センターの遅延です" is the answer, not a name.
const JAPANESE_AGENT_INTRO = /^[\p{L}\p{N}ー]{0,20}?(?:担当|サポート|窓口)(?:の|、)\s?[\p{Script=Han}\p{Script=Katakana}ー]{1,6}(?:です|と申します|でございます)[。！!、,\s]*/u
const CHINESE_AGENT_INTRO = /^(?:我是[\p{L}\p{N}]{0,15}?客服(?:专员)?\p{Script=Han}{1,3}(?:[，,]?\s?(?:很高兴)?为您服务)?[。！!，,\s]+|[\p{L}\p{N}]{0,15}?客服(?:专员)?\p{Script=Han}{1,3}[，,]?\s?(?:很高兴)?为您服务[。！!，,\s]*)/u
// Korean: "브라이트웨이브 상담원 수진입니다." (Brightwave agent Su-jin speaking).
const KOREAN_AGENT_INTRO = /^[\p{L}\p{N} ]{0,20}?(?:상담원|상담사|매니저|담당자)\s?\p{Script=Hangul}{2,4}입니다[.!]?\s*/u
/** Who is writing, at the start, in every script the cleaner knows. */
const AGENT_INTRODUCTIONS = [AGENT_INTRO, THAI_AGENT_INTRO, JAPANESE_AGENT_INTRO, CHINESE_AGENT_INTRO, KOREAN_AGENT_INTRO]
/** The greetings a reply may open with, in every script the cleaner knows. */
const OPENING_GREETINGS = [GREETING, KOREAN_GREETING, THAI_GREETING, JAPANESE_GREETING, CHINESE_GREETING, ARABIC_GREETING, HINDI_GREETING, HEBREW_GREETING]
// Sentences that only make sense in an e-mail.
const EMAIL_ONLY = /[^.!?\n]*(?:reply to this e-?mail|respond to this e-?mail|répond(?:s|ez|re)(?: simplement)? à cet e-?mail|(?:simplemente )?responde a este (?:e-?mail|correo)|responda (?:a )?este e-?mail|rispondi (?:semplicemente )?a questa e-?mail|antworten sie (?:einfach )?auf diese e-?mail|antworte (?:einfach )?auf diese e-?mail|responda a este (?:e-?mail|correo)|responde a este correo|rispond(?:a|i) a questa e-?mail)[^.!?\n]*[.!?]?/giu

/** Letters, a kanji or kana counting as two: "请重启应用再试一次" says as much as "Please restart the app". */
function letters(text: string): number {
  return (text.match(/\p{L}/gu)?.length ?? 0) + (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0)
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function tidyText(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/[ \t]+([.,!?;:])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/^[\s,;:.!-]+/, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*,\s*([.!?])/g, '$1')
    .trim()
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase())
}

/** Strips greeting, agent introduction, closing block and initials: the units around a reply's body. */
export function stripFrame(text: string): string {
  let out = text.replace(LEADING_MENTIONS, '')
  for (let changed = true; changed; ) {
    const before = out
    for (const pattern of SIGN_OFFS) out = out.replace(pattern, '')
    for (const greeting of OPENING_GREETINGS) out = out.replace(greeting, '')
    for (const intro of AGENT_INTRODUCTIONS) out = out.replace(intro, '')
    changed = out !== before
  }
  return out
}

/**
 * Removes what belonged to the old conversation and turns its facts into slots (template.ts).
 * Returns null when too little is left to be a reply.
 */
export function cleanReply(text: string, ctx: CleanContext): string | null {
  const brand = new Set(ctx.brandHandles.map(normHandle))
  let out = stripFrame(text)
  out = out.replace(MENTION, (m) => (brand.has(normHandle(m)) ? m : ''))
  if (ctx.channel && ctx.channel !== 'email') out = out.replace(EMAIL_ONLY, '')
  // The old customer's name as a whole capitalised word only: "the_real_jess" never deletes "real" from a sentence.
  const slots = ctx.slots ?? EMPTY_SLOTS
  const names = [...slots.names, ctx.pastCustomer?.name ?? '']
  out = fillSlots(out, { ...slots, names, brandHandles: ctx.brandHandles }).text
  out = tidyText(out)
  return letters(out.replace(/\[[a-z ]+\]/g, '')) >= MIN_LETTERS ? out : null
}

// ---------------------------------------------------------------- approach of a draft

/** Moving the case to a private message, in the supported languages. */
const PRIVATE_MESSAGE = /\b(?:dm|dms|direct message|private message|message us|send us a (?:dm|message|note)|inbox|in private|privately|message privé|mp\b|mensaje (?:directo|privado)|por privado|md\b|direktnachricht|privatnachricht|pn\b|mensagem privada|messaggio privato)|私信|私聊|ダイレクトメッセージ|다이렉트\s?메시지|개인\s?메시지|쪽지|1:1\s?문의|ข้อความส่วนตัว|แชทส่วนตัว|อินบ็อกซ์|ทักแชท|رسالة خاصة|الرسائل الخاصة|निजी संदेश|הודעה פרטית|בפרטי/iu

/** Whether a reply moves the conversation to a private message ("Can you DM us your account email?"). */
export const movesToPrivate = (text: string): boolean => PRIVATE_MESSAGE.test(text)

const APPROACH_RULES: Array<[Approach, RegExp]> = [
  ['ask_dm', PRIVATE_MESSAGE],
  ['ask_details', /(?:(?:could|can|would) you (?:please )?(?:send|share|provide|confirm|tell|let us know|give)|what(?:'s| is| was) (?:your|the)|which (?:device|model|version|app|browser)|more (?:details|info)|pourriez-vous|pouvez-vous (?:nous|me)|podr[ií]as|puedes (?:enviarnos|indicarnos|pasarnos)|nos pasas|k[öo]nnten sie|k[öo]nnen sie uns|pode(?:ria)? (?:nos )?(?:enviar|informar)|potresti)[^?]*\?|(?:教えて|お知らせ|お送り|ご提供|ご確認)(?:いただけ|ください)[^？?]*[？?]|(?:请|能否|可以)(?:提供|告诉|发送|说明)[^？?。]*[？?。]|(?:알려|보내)\s?주시겠어요|(?:รบกวน|ช่วย)(?:แจ้ง|ส่ง|บอก)|(?:هل يمكنك|هل بإمكانك|يرجى|نرجو)\s(?:إرسال|تزويدنا|إخبارنا|مشاركة|تأكيد)[^?؟]*[?؟]|(?:क्या आप|कृपया)[^?।]*(?:बताएं|बताएँ|बताइए|बता सकते|भेजें|भेजिए|भेज सकते|दे सकते|शेयर करें|शेयर कर सकते)[^?।]*[?।]|(?:אפשר|תוכל|תוכלי|תוכלו|נא)\s(?:לשלוח|לספר|לתת|לציין|לאשר)[^?]*\?/iu],
  ['give_steps', /\b(?:try|restart|reboot|reinstall|clear|go to|head to|settings|tap|click|log out|sign out|update|unplug|follow these|steps?|essayez|redémarr|allez dans|intenta|reinicia|prueba|ve a|versuchen sie|starten sie|gehen sie|tente|reinicie|prova|riavvia)|再起動|再インストール|設定|ログアウト|お試しください|キャッシュ|重启|重新安装|设置|退出登录|缓存|尝试|재시작|재부팅|다시\s?시작|재설치|다시\s?설치|설정|캐시|껐다|뽑았다|로그아웃|รีสตาร์ท|เปิดใหม่|ตั้งค่า|ล้างแคช|ติดตั้งใหม่|ถอดปลั๊ก|ลองปิด|أعد تشغيل|إعادة تشغيل|امسح|الإعدادات|افصل|جرّب|جرب|रीस्टार्ट|दोबारा शुरू|सेटिंग्स|कैश|अनप्लग|दोबारा इंस्टॉल|הפעילו מחדש|הפעל מחדש|אתחלו|אתחל|הגדרות|נקו את|נתקו|התקינו מחדש/iu],
  ['apologise_escalate', /(?:escalat|pass(?:ed)? (?:this|it) (?:on|along)|raised (?:this|it)|flagged|our team is (?:aware|working|looking)|transmis|escalad|weitergeleitet|encaminh|inoltrat)|担当部署|専門部署|エスカレーション|转交|上报|담당\s?부서|ส่งเรื่อง|تصعيد|الفريق المختص|القسم المختص|एस्केलेट|संबंधित टीम|הצוות המטפל|הסלמ/iu],
  ['check_and_follow_up', /(?:(?:we|i)(?:'ll| will| are going to) (?:check|look into|find out|get back|investigate|follow up)|let (?:me|us) (?:check|look)|nous allons vérifier|vamos a revisar|lo revisamos|wir prüfen|vamos verificar|verifichiamo)|確認(?:いたします|します|させていただきます)|お調べ(?:いたします|します)|查询|核实|核查|尽快(?:回复|联系)|확인\s?후|확인해\s?보겠|확인하겠|จะตรวจสอบ|ตรวจสอบให้|سنتحقق|سنراجع|سنعود إليك|سنتواصل معك|(?:जाँच|जांच) करेंगे|संपर्क करेंगे|נבדוק|נחזור אלי/iu],
  ['acknowledge', /(?:thanks? (?:so much )?for (?:the|your) (?:kind|lovely|feedback|shout|love|support|patience)|glad|happy to (?:hear|help)|you're welcome|no problem|de rien|avec plaisir|de nada|gern geschehen|di niente|prego)|말씀\s?감사|칭찬|คำชม|ดีใจ|お褒め|嬉しい|感谢您的(?:支持|认可|好评|夸奖)|شكراً على (?:ملاحظاتك|كلماتك|دعمك)|يسعدنا|सराहना|खुशी हुई|שמחים לשמוע|תודה על המשוב|תודה על המילים/iu],
]

export function approachOf(text: string): Approach {
  for (const [approach, pattern] of APPROACH_RULES) if (pattern.test(text)) return approach
  return 'inform'
}

// ---------------------------------------------------------------- framing for this conversation

const GREETINGS: Record<string, { friendly: string; formal: string; anonymous: string; formalAnonymous: string }> = {
  en: { friendly: 'Hi {name}!', formal: 'Hello {name},', anonymous: 'Hi there!', formalAnonymous: 'Hello,' },
  fr: { friendly: 'Bonjour {name} !', formal: 'Bonjour {name},', anonymous: 'Bonjour !', formalAnonymous: 'Bonjour,' },
  es: { friendly: '¡Hola {name}!', formal: 'Estimado/a {name}:', anonymous: '¡Hola!', formalAnonymous: 'Buenos días:' },
  de: { friendly: 'Hallo {name}!', formal: 'Guten Tag {name},', anonymous: 'Hallo!', formalAnonymous: 'Guten Tag,' },
  pt: { friendly: 'Olá {name}!', formal: 'Olá {name},', anonymous: 'Olá!', formalAnonymous: 'Olá,' },
  it: { friendly: 'Ciao {name}!', formal: 'Buongiorno {name},', anonymous: 'Ciao!', formalAnonymous: 'Buongiorno,' },
  ko: { friendly: '{name}님 안녕하세요!', formal: '{name}님, 안녕하십니까.', anonymous: '안녕하세요!', formalAnonymous: '안녕하십니까.' },
  // The polite particle says who speaks (ค่ะ a woman, ครับ a man): politeParticle() matches the body's.
  th: { friendly: 'สวัสดีค่ะ คุณ{name}', formal: 'สวัสดีค่ะ คุณ{name}', anonymous: 'สวัสดีค่ะ', formalAnonymous: 'สวัสดีค่ะ' },
  ja: { friendly: '{name}様、こんにちは！', formal: '{name}様、', anonymous: 'こんにちは！', formalAnonymous: 'お客様、' },
  zh: { friendly: '{name}，您好！', formal: '尊敬的{name}，您好！', anonymous: '您好！', formalAnonymous: '您好！' },
  ar: { friendly: 'مرحباً {name}!', formal: 'مرحباً {name}،', anonymous: 'مرحباً!', formalAnonymous: 'مرحباً،' },
  hi: { friendly: 'नमस्ते {name} जी!', formal: 'नमस्ते {name} जी,', anonymous: 'नमस्ते!', formalAnonymous: 'नमस्ते,' },
  he: { friendly: 'שלום {name}!', formal: 'שלום {name},', anonymous: 'שלום!', formalAnonymous: 'שלום,' },
}
const EMPATHY: Record<string, string> = {
  en: 'Sorry to hear about this.',
  fr: 'Nous sommes désolés pour ce désagrément.',
  es: 'Sentimos mucho las molestias.',
  de: 'Das tut uns leid.',
  pt: 'Lamentamos o incómodo.',
  it: 'Ci dispiace per il disagio.',
  ko: '불편을 드려 죄송합니다.',
  th: 'ขออภัยในความไม่สะดวกค่ะ',
  ja: 'ご不便をおかけして申し訳ございません。',
  zh: '很抱歉给您带来不便。',
  ar: 'نعتذر عن الإزعاج.',
  hi: 'असुविधा के लिए हमें खेद है।',
  he: 'מצטערים על אי הנוחות.',
}
/** Languages written without spaces between sentences: greeting, apology and body run on. */
const UNSPACED = new Set(['ja', 'zh'])

/** Thai framing in the particle of the body it frames: a body that says ครับ gets ครับ, not ค่ะ. */
function politeParticle(framing: string, body: string, language: string): string {
  return language === 'th' && /ครับ/u.test(body) && !/ค่ะ/u.test(body) ? framing.replaceAll('ค่ะ', 'ครับ') : framing
}
const APOLOGY = /\b(?:sorry|apolog|désolé|excuse|lo siento|sentimos|perdon|disculp|entschuldig|tut uns leid|desculp|lamentamos|scusa|ci dispiace)|죄송|사과드|ขออภัย|ขอโทษ|申し訳|すみません|お詫び|ご迷惑|抱歉|对不起|不好意思|致歉|نعتذر|آسف|اعتذار|عذرا|عذراً|खेद|माफ़|माफ|क्षमा|מצטער|מתנצל|סליחה/iu
const EMOJI = /\p{Extended_Pictographic}\uFE0F?/gu

export interface FrameOptions {
  channel: string
  mode: ReplyMode
  tone: Tone
  language: string
  maxChars: number
  customer: { handle: string | null; name: string | null }
  voice: BrandVoice
  approach: Approach
  /** Open with a greeting (default true); the local path greets when the reply it reuses did. */
  greet?: boolean
}

/** Whether a reply opens with a greeting (after any @mentions). */
export function opensWithGreeting(text: string): boolean {
  const body = text.replace(LEADING_MENTIONS, '')
  return OPENING_GREETINGS.some((greeting) => greeting.test(body))
}

/** X shortens every link to 23 characters (t.co) whatever its length, so a long URL costs a tweet 23. */
const LINK_LENGTH: Record<string, number> = { x: 23, twitter: 23 }

/** Length of a text as the channel counts it against its limit. */
export function lengthOnChannel(text: string, channel: string): number {
  const link = LINK_LENGTH[channel.toLowerCase()]
  if (!link) return text.length
  let length = text.length
  for (const m of text.matchAll(LINK)) length += link - m[0].length
  return length
}

function truncateToSentences(text: string, maxChars: number, language: string, measure: (t: string) => number): string {
  if (measure(text) <= maxChars) return text
  let kept = ''
  for (const sentence of sentencesOf(text, language)) {
    const next = kept ? `${kept} ${sentence}` : sentence
    if (measure(next) > maxChars) break
    kept = next
  }
  if (kept) return kept
  const cut = text.slice(0, Math.max(0, maxChars - 1))
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
}

/** Drops sentences with a word the brand avoids; null when nothing is left. */
export function withoutAvoidedWords(text: string, avoidWords: string[], language = 'en'): string | null {
  if (avoidWords.length === 0) return text
  const patterns = avoidWords.filter((w) => w.trim()).map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w.trim())}(?![\\p{L}\\p{N}])`, 'iu'))
  const kept = sentencesOf(text, language).filter((s) => !patterns.some((p) => p.test(s)))
  return letters(kept.join(' ')) >= MIN_LETTERS ? kept.join(' ') : null
}

// The brand's closing formula in the customer's language; on chat-like channels only the name part is kept.
const CLOSINGS: Record<string, string> = { en: 'Kind regards', fr: 'Cordialement', de: 'Viele Grüße', es: 'Saludos', pt: 'Com os melhores cumprimentos', it: 'Cordiali saluti' }
const LETTER_CHANNELS = new Set(['email'])
const LEADING_CLOSING = new RegExp(`^${CLOSING_FORMULA}\\s*[,!.]?\\s*`, 'u')

/** The brand sign-off for this channel and language: "Kind regards, Brightwave" → "Viele Grüße,\nBrightwave" / "– Brightwave". */
export function signOffFor(signOff: string, channel: string, language: string): string {
  const trimmed = signOff.trim()
  const formula = trimmed.match(LEADING_CLOSING)
  if (!formula) return trimmed
  const rest = trimmed.slice(formula[0].length).trim()
  if (!LETTER_CHANNELS.has(channel.toLowerCase())) return rest ? `– ${rest}` : ''
  const closing = language === 'en' || !CLOSINGS[language] ? formula[0].replace(/[\s,!.]+$/, '') : CLOSINGS[language]
  return rest ? `${closing},\n${rest}` : closing
}

export interface FramedDraft {
  text: string
  /** Sentences were cut for the channel limit. */
  truncated: boolean
  /** Share of the body's letters kept after the cut (1 when not cut). */
  keptShare: number
}

/**
 * Greeting, customer handle (public X replies), tone, sign-off, within the channel's limit: drafts never
 * exceed `maxChars` (the greeting goes first, then the sign-off, then sentences from the end). E-mails
 * keep their line breaks and get greeting and sign-off on lines of their own.
 */
export function frameDraftDetailed(body: string, o: FrameOptions): FramedDraft | null {
  let text = withoutAvoidedWords(body, o.voice.avoidWords, o.language)
  if (text === null) return null
  if (o.tone === 'formal') text = tidyText(text.replace(EMOJI, '').replace(/!+/g, '.'))
  if (o.tone === 'concise') text = sentencesOf(text, o.language).slice(0, 2).join(' ')
  const space = UNSPACED.has(o.language) ? '' : ' '
  if (o.tone === 'empathetic' && !APOLOGY.test(text) && o.approach !== 'acknowledge') text = `${politeParticle(EMPATHY[o.language] ?? EMPATHY.en, text, o.language)}${space}${text}`

  const channel = o.channel.toLowerCase()
  const letter = LETTER_CHANNELS.has(channel)
  const handle = o.customer.handle?.replace(/^@/, '')
  const mentionPrefix = o.mode === 'public' && ['x', 'twitter'].includes(channel) && handle && /^[\p{L}\p{N}_.-]+$/u.test(handle) ? `@${handle} ` : ''
  const name = mentionPrefix ? null : firstNameOf(o.customer.name)
  let greeting = ''
  if (o.tone !== 'concise' && (o.greet ?? true)) {
    const set = GREETINGS[o.language] ?? GREETINGS.en
    const template = o.voice.greeting && (o.language === 'en' || !GREETINGS[o.language]) ? o.voice.greeting : o.tone === 'formal' ? (name ? set.formal : set.formalAnonymous) : name ? set.friendly : set.anonymous
    greeting = template.includes('{name}') ? (name ? template.replace('{name}', name) : (o.tone === 'formal' ? set.formalAnonymous : set.anonymous)) : template
    greeting = politeParticle(greeting, text, o.language)
  }
  let signOff = signOffFor(o.voice.signOff, channel, o.language)
  // Once: a body that already ends with the brand's sign-off does not get it twice.
  if (signOff && text.trimEnd().endsWith(signOff.split('\n').pop()!.trim())) signOff = ''
  const separator = letter ? '\n\n' : space
  const compose = () => (mentionPrefix + [greeting, text, signOff].filter(Boolean).join(separator)).trim()
  const measure = (t: string) => lengthOnChannel(t, channel)
  if (measure(compose()) > o.maxChars) greeting = ''
  if (measure(compose()) > o.maxChars) signOff = ''
  const room = o.maxChars - (measure(compose()) - measure(text!))
  if (room < MIN_LETTERS) return null
  const whole = text!
  text = truncateToSentences(whole, room, o.language, measure)
  const out = compose()
  return { text: measure(out) <= o.maxChars ? out : out.slice(0, o.maxChars), truncated: text !== whole, keptShare: letters(whole) ? letters(text) / letters(whole) : 1 }
}

export function frameDraft(body: string, o: FrameOptions): string | null {
  return frameDraftDetailed(body, o)?.text ?? null
}

// ---------------------------------------------------------------- feedback

/** Levenshtein distance over code points divided by the longer length: 0 = unchanged, 1 = rewritten. */
export function normalisedEditDistance(a: string, b: string): number {
  const x = Array.from(a.slice(0, 4_000))
  const y = Array.from(b.slice(0, 4_000))
  if (x.length === 0 && y.length === 0) return 0
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.length] / Math.max(x.length, y.length)
}
