// Synthetic customer-care conversations for the bench: several languages, 1–4 messages each, seeded so
// two runs ingest and search exactly the same data. Every phrase here is written for Parley; no dataset
// text is copied. The mix of slots (product × problem × detail × opener × closer × numbers) keeps 100k
// messages varied enough that nearest-neighbour search is not a sea of exact duplicates.

import { seededRandom as uniformRandom } from '../src/seeded-random.ts'

export interface BenchMessage {
  externalId: string
  role: 'customer' | 'agent'
  author?: string
  text: string
  sentAt: string
  language?: string
}

export interface BenchConversation {
  channel: string
  externalId: string
  customer: { handle: string; name?: string }
  status?: 'open' | 'pending' | 'resolved' | 'closed'
  messages: BenchMessage[]
}

export type Random = {
  /** Integer in [0, n). */
  int(n: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
}

/** Varied but repeatable text: the same seed always makes the same corpus. */
export function seededRandom(seed: number): Random {
  const next = uniformRandom(seed)
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  }
}

interface Language {
  code: string
  /** Share of conversations, relative to the others. */
  weight: number
  customer(r: Random): string
  agent(r: Random): string
}

const fill = (template: string, r: Random, slots: Record<string, readonly string[]>): string =>
  template.replace(/\{(\w+)\}/g, (_, slot: string) => (slot === 'n' ? String(1000 + r.int(900_000)) : slot === 'd' ? String(2 + r.int(20)) : r.pick(slots[slot])))

const EN = {
  opener: ['', '', 'hi, ', 'hello! ', 'ugh ', '@support ', 'hey team, ', 'so ', 'seriously? ', 'good morning, ', 'not again... ', 'quick question: '],
  product: [
    'my order', 'the parcel', 'my refund', 'the app', 'my flight', 'the invoice', 'my account', 'the delivery', 'my card', 'the subscription',
    'my booking', 'the wifi router', 'my phone bill', 'the coffee machine', 'my loyalty points', 'the replacement part', 'my hotel room',
    'the gift card', 'my prescription', 'the sofa', 'my insurance claim', 'the charger', 'my train ticket', 'the washing machine',
  ],
  problem: [
    'is late again', 'never arrived', 'was charged twice', 'keeps crashing when I log in', 'got cancelled without notice',
    'shows the wrong amount', 'is locked and I cannot reset the password', 'arrived damaged', 'still says pending after {d} days',
    'was delayed for {d} hours', 'disappeared from the list', 'needs a new address', 'stopped working after the update',
    'was sent to the wrong city', 'came with missing pieces', 'renewed even though I cancelled it', 'is stuck in customs',
    'cannot be found by your agent', 'was refused at the counter', 'has been on hold for {d} weeks',
  ],
  detail: [
    '', '', '', ' order #{n}', ' ref {n}', ' since {weekday}', ' and nobody answers the chat', ' and the tracking page is blank',
    ' and I was on hold for {d} minutes', ' for the {d}th time', ' after I paid for express shipping', ' and your bot keeps looping',
    ' even though the site said in stock', ' while I am travelling abroad', ' and I need it for {weekday}',
  ],
  closer: ['', '', '', ' please help', ' thanks', ' 😡', ' what is going on?', ' 🙏', ' https://t.co/x{n}', ' not happy', ' any update?', ' so frustrating', ' cheers'],
  weekday: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'the weekend', 'yesterday', 'last week'],
  reply: [
    'Sorry to hear that! Could you send us a DM with your order number so we can check?',
    'Thanks for reaching out. I have escalated case {n} to our delivery team.',
    'We apologise for the trouble. A refund of the duplicate charge is on its way, allow {d} business days.',
    'Hi there, please try logging out and back in after updating the app to the latest version.',
    'I can see the parcel at the local depot; it should be with you within {d} days.',
    'Thanks for your patience. Your replacement has been shipped, tracking {n}.',
    'Could you confirm the email address on the account so we can unlock it?',
    'Happy to help! I have updated the delivery address on booking {n}.',
  ],
}

const LANGUAGES: Language[] = [
  {
    code: 'en',
    weight: 50,
    customer: (r) => {
      const text = `${r.pick(EN.opener)}${r.pick(EN.product)} ${r.pick(EN.problem)}${r.pick(EN.detail)}${r.pick(EN.closer)}`
      return fill(text, r, EN)
    },
    agent: (r) => fill(r.pick(EN.reply), r, EN),
  },
  simpleLanguage('es', 10, {
    customer: [
      'Mi pedido {n} {problem}, ¿qué pasa?', 'Hola, {product} {problem} desde hace {d} días', '{product} {problem}. Quiero un reembolso',
      'Llevo {d} días esperando y {product} {problem} 😡', 'Por favor ayuda, {product} {problem}',
    ],
    product: ['el paquete', 'la factura', 'mi tarjeta', 'la aplicación', 'mi vuelo', 'la suscripción', 'el envío', 'mi cuenta'],
    problem: ['no ha llegado', 'llegó dañado', 'me cobraron dos veces', 'no funciona', 'fue cancelado', 'sigue pendiente', 'está bloqueada'],
    reply: ['Lamentamos las molestias, ¿nos envías el número de pedido por privado?', 'Hemos abierto la incidencia {n}, te respondemos en {d} días.'],
  }),
  simpleLanguage('fr', 8, {
    customer: [
      'Bonjour, {product} {problem}, commande {n}', '{product} {problem} depuis {d} jours, c\'est inadmissible', 'Encore une fois {product} {problem} !',
      'Pouvez-vous m\'aider ? {product} {problem}', '{product} {problem}, je veux être remboursé',
    ],
    product: ['mon colis', 'ma facture', 'ma carte', 'l\'application', 'mon vol', 'mon abonnement', 'la livraison', 'mon compte'],
    problem: ['n\'est pas arrivé', 'est arrivé abîmé', 'a été débité deux fois', 'ne marche plus', 'a été annulé', 'est toujours en attente', 'est bloqué'],
    reply: ['Désolés pour ce désagrément, pouvez-vous nous écrire en privé avec votre numéro de commande ?', 'Votre dossier {n} est transmis au service livraison.'],
  }),
  simpleLanguage('de', 7, {
    customer: [
      'Hallo, {product} {problem}, Bestellung {n}', 'Seit {d} Tagen {problem} {product}', '{product}: {problem}. Bitte um Hilfe',
      'Schon wieder! {product} {problem}', 'Warum {problem} {product}? Kundennummer {n}',
    ],
    product: ['mein Paket', 'meine Rechnung', 'meine Karte', 'die App', 'mein Flug', 'mein Abo', 'die Lieferung', 'mein Konto'],
    problem: ['ist nicht angekommen', 'kam beschädigt an', 'wurde doppelt abgebucht', 'funktioniert nicht', 'wurde storniert', 'hängt noch', 'ist gesperrt'],
    reply: ['Das tut uns leid! Schreib uns bitte eine DM mit deiner Bestellnummer.', 'Wir haben den Fall {n} an die Fachabteilung weitergeleitet.'],
  }),
  simpleLanguage('pt', 6, {
    customer: [
      'Oi, {product} {problem}, pedido {n}', '{product} {problem} há {d} dias', 'Socorro, {product} {problem}',
      'De novo {product} {problem} 😤', '{product} {problem}, quero meu dinheiro de volta',
    ],
    product: ['meu pedido', 'a fatura', 'meu cartão', 'o aplicativo', 'meu voo', 'a assinatura', 'a entrega', 'minha conta'],
    problem: ['não chegou', 'chegou quebrado', 'foi cobrado duas vezes', 'trava toda hora', 'foi cancelado', 'continua pendente', 'está bloqueada'],
    reply: ['Sentimos muito! Pode nos chamar no privado com o número do pedido?', 'Abrimos o protocolo {n}, retorno em até {d} dias úteis.'],
  }),
  simpleLanguage('it', 4, {
    customer: ['Salve, {product} {problem}, ordine {n}', '{product} {problem} da {d} giorni', 'Aiuto, {product} {problem}'],
    product: ['il mio pacco', 'la fattura', 'la mia carta', 'l\'app', 'il mio volo', 'l\'abbonamento'],
    problem: ['non è arrivato', 'è arrivato rotto', 'è stato addebitato due volte', 'non funziona', 'è stato cancellato'],
    reply: ['Ci dispiace! Ci scrivi in privato il numero d\'ordine?', 'Abbiamo aperto la pratica {n}.'],
  }),
  simpleLanguage('ko', 5, {
    customer: ['{product} {problem} 주문번호 {n}', '{d}일째 {product} {problem} 확인 부탁드립니다', '{product} {problem} 너무 답답해요', '또 {product} {problem}'],
    product: ['택배가', '환불이', '앱이', '카드가', '항공편이', '구독이', '계정이'],
    problem: ['안 와요', '파손돼서 왔어요', '두 번 결제됐어요', '계속 꺼져요', '취소됐어요', '아직 처리 중이에요', '잠겼어요'],
    reply: ['불편을 드려 죄송합니다. 주문번호를 DM으로 보내주세요.', '접수번호 {n}로 담당 부서에 전달했습니다.'],
  }),
  simpleLanguage('ja', 4, {
    customer: ['注文{n}の{product}{problem}', '{d}日経っても{product}{problem}', '{product}{problem}、どうなっていますか？'],
    product: ['荷物が', '返金が', 'アプリが', 'カードが', 'フライトが', '定期購読が'],
    problem: ['届きません', '壊れて届きました', '二重に請求されました', '落ちます', 'キャンセルされました', '保留のままです'],
    reply: ['ご迷惑をおかけして申し訳ありません。注文番号をDMでお知らせください。', '受付番号{n}で担当部署に連絡しました。'],
  }),
  simpleLanguage('th', 3, {
    customer: ['{product}{problem} เลขที่ {n}', 'รอมา {d} วันแล้ว {product}{problem}', '{product}{problem} ช่วยด้วยครับ'],
    product: ['พัสดุ', 'เงินคืน', 'แอป', 'บัตร', 'เที่ยวบิน'],
    problem: ['ยังไม่มาส่งเลย', 'มาถึงแล้วเสียหาย', 'ถูกตัดเงินสองครั้ง', 'ค้างตลอด', 'ถูกยกเลิก'],
    reply: ['ขออภัยในความไม่สะดวกค่ะ รบกวนส่งเลขคำสั่งซื้อทางข้อความส่วนตัว', 'เราได้ส่งเรื่อง {n} ให้ทีมที่เกี่ยวข้องแล้วค่ะ'],
  }),
  simpleLanguage('ar', 3, {
    customer: ['{product} {problem} رقم الطلب {n}', 'منذ {d} أيام و{product} {problem}', '{product} {problem} أرجو المساعدة'],
    product: ['طلبي', 'الفاتورة', 'البطاقة', 'التطبيق', 'رحلتي'],
    problem: ['لم يصل', 'وصل تالفا', 'تم خصمه مرتين', 'لا يعمل', 'تم إلغاؤه'],
    reply: ['نعتذر عن الإزعاج، يرجى إرسال رقم الطلب في رسالة خاصة', 'تم تحويل البلاغ {n} إلى الفريق المختص'],
  }),
]

function simpleLanguage(
  code: string,
  weight: number,
  words: { customer: string[]; product: string[]; problem: string[]; reply: string[] },
): Language {
  return {
    code,
    weight,
    customer: (r) => fill(r.pick(words.customer), r, words),
    agent: (r) => fill(r.pick(words.reply), r, words),
  }
}

const CHANNELS = ['x', 'x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat'] as const
const STATUSES = ['open', 'open', 'pending', 'resolved', 'closed'] as const
const AGENTS = ['agent_ana', 'agent_bo', 'agent_chidi', 'agent_dana', 'agent_eli']
const START_MS = Date.UTC(2025, 0, 6)
const SPAN_MS = 28 * 24 * 3600 * 1000
const TOTAL_WEIGHT = LANGUAGES.reduce((sum, l) => sum + l.weight, 0)

function pickLanguage(r: Random, languages: Language[] = LANGUAGES, total = TOTAL_WEIGHT): Language {
  let x = r.int(total)
  for (const l of languages) {
    if (x < l.weight) return l
    x -= l.weight
  }
  return languages[0]
}

export interface CorpusOptions {
  /** Total messages; the last conversation is cut short to hit it exactly. */
  messages: number
  seed?: number
  /** Prefix of external ids, so two corpora can share a workspace without colliding. */
  idPrefix?: string
  /** Only these languages (codes), in their usual proportions; all of them by default. */
  languages?: string[]
}

/** Codes of the languages the corpus writes in. */
export const CORPUS_LANGUAGES = LANGUAGES.map((l) => l.code)

/** Conversations alternate customer and agent, starting with the customer; 1–4 messages each. */
export function generateConversations(opts: CorpusOptions): BenchConversation[] {
  const r = seededRandom(opts.seed ?? 7)
  const prefix = opts.idPrefix ?? 'bench'
  const languages = opts.languages ? LANGUAGES.filter((l) => opts.languages!.includes(l.code)) : LANGUAGES
  if (languages.length === 0) throw new Error(`no corpus language among ${opts.languages!.join(', ')} (it writes ${CORPUS_LANGUAGES.join(', ')})`)
  const total = languages.reduce((sum, l) => sum + l.weight, 0)
  const out: BenchConversation[] = []
  let remaining = opts.messages
  for (let c = 0; remaining > 0; c++) {
    const lang = pickLanguage(r, languages, total)
    const count = Math.min(remaining, 1 + r.int(4))
    remaining -= count
    const handle = `user_${r.int(50_000)}`
    let at = START_MS + r.int(SPAN_MS)
    const messages: BenchMessage[] = []
    for (let m = 0; m < count; m++) {
      const role = m % 2 === 0 ? 'customer' : 'agent'
      messages.push({
        externalId: `m${m}`,
        role,
        author: role === 'customer' ? handle : r.pick(AGENTS),
        text: role === 'customer' ? lang.customer(r) : lang.agent(r),
        sentAt: new Date(at).toISOString(),
        // Real feeds often omit the language; the pipeline must cope with both.
        ...(r.chance(0.5) ? { language: lang.code } : {}),
      })
      at += 60_000 * (1 + r.int(240))
    }
    out.push({
      channel: r.pick(CHANNELS),
      externalId: `${prefix}-${c}`,
      customer: { handle, ...(r.chance(0.3) ? { name: `Customer ${c}` } : {}) },
      status: r.pick(STATUSES),
      messages,
    })
  }
  return out
}

export function messageTexts(conversations: BenchConversation[]): string[] {
  return conversations.flatMap((c) => c.messages.map((m) => m.text))
}

/**
 * Search queries that resemble stored messages without copying them: a stored text with one word
 * dropped, its numbers changed and sometimes a new opener, as a customer re-phrasing a complaint would.
 */
export function similarQueries(stored: readonly string[], count: number, seed = 99): string[] {
  const r = seededRandom(seed)
  const openers = ['', 'hello, ', 'again: ', 'any news? ', '@help ']
  return Array.from({ length: count }, () => {
    const words = stored[r.int(stored.length)].split(/\s+/).filter(Boolean)
    if (words.length > 3) words.splice(r.int(words.length), 1)
    const text = words.join(' ').replace(/\d{3,}/g, () => String(1000 + r.int(900_000)))
    return `${r.pick(openers)}${text}`
  })
}
