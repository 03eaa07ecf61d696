// Needs-reply and urgency from signals a support lead would recognise: questions, requests,
// complaints, outage/safety/legal/cancellation words, brand mentions and customers who keep
// writing without an answer. Rules rather than a model because every decision has to be
// explainable to the agent (the reasons are shown) and stable across releases.
import { CLOSING_CUES, COMPLAINT_CUES, ESCALATION_CUES, foldText, termMatcher, thanksCue, withoutNegatedCancellation } from './plain-cues.ts'

export interface ReplySignals {
  text: string
  role: 'customer' | 'agent'
  channel?: string
  sentiment?: { label: 'negative' | 'neutral' | 'positive' | 'uncertain'; score: number }
  intent?: string
  /** Consecutive customer messages since the last agent reply, including this one. */
  unansweredCustomerMessages?: number
  /** An agent wrote earlier in the conversation: a short thank-you or "I'll try that" now closes it. */
  afterAgentReply?: boolean
  brandHandles?: string[]
}

export type Urgency = 'none' | 'low' | 'normal' | 'high' | 'critical'

export interface ReplyAssessment {
  needsReply: boolean
  urgency: Urgency
  reasons: string[]
}

const URGENCY_ORDER: Urgency[] = ['none', 'low', 'normal', 'high', 'critical']
/** A customer who wrote this many times in a row without an answer is escalated. */
export const REPEATED_CONTACT_MIN = 2
export const ESCALATE_CONTACT_MIN = 4
/** Sentiment scores at or above this count as a clearly negative message. */
export const NEGATIVE_SENTIMENT_MIN = 0.6
/** Closers are short; a longer message after an answer carries something new. */
const CLOSER_MAX_WORDS = 12
const INTENTS_EXPECTING_REPLY = new Set(['question', 'complaint', 'bug_outage', 'billing', 'delivery', 'account_login', 'cancellation', 'feature_request', 'connectivity', 'product_fault', 'pricing', 'appointment'])

// Lexicons written for Parley: English, French, Spanish, German, Portuguese, Italian, Korean, Thai.
const INTERROGATIVE_START = termMatcher([
  'how', 'what', 'when', 'where', 'why', 'who', 'which', 'can you', 'could you', 'can i', 'is there', 'is it', 'are you', 'do you', 'does', 'any update', 'any news',
  'comment', 'pourquoi', 'quand', 'ou est', 'est-ce que', 'pouvez-vous', 'quel', 'quelle',
  'como', 'cuando', 'donde', 'por que', 'pueden', 'puede',
  'wie', 'wann', 'wo', 'warum', 'konnen sie', 'gibt es',
  'quando', 'onde', 'voces podem', 'qual',
  'dove', 'perche', 'potete', 'quale',
])
const INTERROGATIVE_ANYWHERE = termMatcher(['어떻게', '언제', '왜', '까요', '나요', '습니까', 'ไหม', 'มั้ย', 'อย่างไร', 'ยังไง', 'เมื่อไหร่', 'ทำไม', 'หรือเปล่า'])
const REQUEST_TERMS = termMatcher([
  'please', 'pls', 'plz', 'help', 'i need', 'i want', 'i would like', 'dm me', 'call me', 'contact me',
  'svp', "s'il vous plait", 'aidez-moi', 'je veux', 'por favor', 'ayuda', 'necesito', 'quiero', 'bitte', 'hilfe', 'ich brauche', 'ich mochte',
  'ajuda', 'preciso', 'quero', 'aiuto', 'per favore', 'vorrei', '도와주세요', '해주세요', '부탁', 'ช่วย', 'รบกวน', 'ขอให้', 'ต้องการ',
])
const COMPLAINT_TERMS = termMatcher([
  'terrible', 'worst', 'awful', 'horrible', 'unacceptable', 'disappointed', 'disappointing', 'rude', 'ridiculous', 'useless', 'fed up', 'angry', 'furious', 'disgusting', 'never again', 'waste of', 'joke', 'scam',
  'nul', 'inadmissible', 'decu', 'honteux', 'catastrophique', 'pesimo', 'vergonzoso', 'molesto', 'harto', 'schrecklich', 'enttauscht', 'unverschamt', 'frechheit', 'katastrophe',
  'pessimo', 'horrivel', 'decepcionado', 'vergonha', 'vergogna', 'deluso', 'schifo', '최악', '불친절', '실망', '짜증', 'แย่', 'ผิดหวัง', 'ห่วย',
])
const OUTAGE_TERMS = termMatcher([
  'down', 'outage', 'not working', "doesn't work", 'does not work', "isn't working", "can't log in", 'cannot log in', 'crash', 'crashes', 'crashing', 'error', 'no service', 'no signal', 'no internet', 'broken', 'not loading', 'offline',
  'panne', 'ne marche pas', 'ne fonctionne pas', 'plante', 'caida', 'no funciona', 'sin servicio', 'stoerung', 'storung', 'funktioniert nicht', 'absturz', 'sturzt ab',
  'fora do ar', 'nao funciona', 'sem sinal', 'non funziona', 'guasto', 'disservizio', '장애', '오류', '먹통', '안 돼요', '안돼요', 'ล่ม', 'ใช้ไม่ได้', 'เข้าไม่ได้',
])
const SAFETY_TERMS = termMatcher([
  'fire', 'smoke', 'burned', 'burnt', 'explode', 'exploded', 'injured', 'injury', 'hospital', 'poisoning', 'allergic reaction', 'electric shock', 'dangerous', 'unsafe', 'choking', 'gas leak',
  'incendie', 'fumee', 'blesse', 'intoxication', 'incendio', 'humo', 'herido', 'intoxicacion', 'rauch', 'verletzt', 'vergiftung', 'gefahrlich',
  'fumaca', 'ferido', 'intossicazione', 'ferito', 'pericoloso', '화재', '폭발', '다쳤', '부상', 'ไฟไหม้', 'ระเบิด', 'บาดเจ็บ',
])
const LEGAL_TERMS = termMatcher([
  'lawyer', 'attorney', 'lawsuit', 'sue', 'legal action', 'court', 'ombudsman', 'regulator', 'gdpr', 'consumer protection', 'chargeback', 'small claims',
  'avocat', 'plainte', 'tribunal', 'abogado', 'demanda', 'denuncia', 'anwalt', 'klage', 'verbraucherzentrale', 'advogado', 'procon', 'avvocato', '변호사', '소송', '고소', 'ทนาย', 'ฟ้อง', 'สคบ',
])
const SECURITY_TERMS = termMatcher([
  'hacked', 'fraud', 'fraudulent', 'stolen', 'unauthorized', 'unauthorised', 'phishing', 'identity theft',
  // A customer asking whether a message "from us" is real: "is this a scam? got a text saying my account is suspended".
  'scam', 'scams', 'scammed', 'scammer', 'scammers', 'smishing', 'suspicious link', 'suspicious text', 'suspicious email', 'fake text', 'fake email',
  'arnaque', 'escroquerie', 'estafa', 'betrüger', 'truffatore',
  'pirate', 'fraude', 'vole', 'hackeado', 'robado', 'gehackt', 'betrug', 'gestohlen', 'roubado', 'truffa', 'rubato', '해킹', '도용', 'แฮก', 'โดนโกง',
])
const CANCELLATION_TERMS = termMatcher([
  'cancel', 'cancelling', 'canceling', 'unsubscribe', 'close my account', 'switching to', 'leaving you', 'terminate',
  'resilier', 'annuler', 'cancelar', 'darme de baja', 'baja', 'kundigen', 'stornieren', 'cancelamento', 'disdire', 'annullare', '해지', '탈퇴', '취소', 'ยกเลิก',
])
const URGENT_TERMS = termMatcher([
  'urgent', 'urgently', 'asap', 'emergency', 'immediately', 'right now',
  'urgence', 'urgente', 'emergencia', 'dringend', 'sofort', 'notfall', 'emergenza', 'subito', '긴급', '급해요', '급합니다', 'ด่วน',
])
const FOLLOW_UP_TERMS = termMatcher([
  'still waiting', 'still no', 'no answer', 'no response', 'no reply', 'again', 'third time', 'second time', 'hello?', 'anyone',
  'toujours pas', 'toujours rien', 'sigo esperando', 'sin respuesta', 'otra vez', 'immer noch', 'keine antwort', 'schon wieder', 'ainda nao', 'sem resposta', 'ancora nessuna', 'ancora', '아직도', '답변이 없', '답장이 없', 'ยังไม่ได้', 'อีกแล้ว',
])
// Messages that close a conversation rather than open a request.
const ACKNOWLEDGEMENTS = new Set(
  [
    'thanks', 'thank you', 'thx', 'ty', 'thanks a lot', 'thank you so much', 'many thanks', 'cheers', 'ok', 'okay', 'ok thanks', 'okay thanks', 'ok thank you', 'great', 'great thanks', 'perfect', 'got it', 'noted', 'cool', 'nice', 'awesome', 'sure', 'k', 'kk', 'yes thanks', 'all good', 'no worries', 'will do', 'thanks for your help', 'thank you for your help', 'thanks for the help', 'appreciate it', 'much appreciated',
    'merci', 'merci beaucoup', "d'accord", 'parfait', 'gracias', 'muchas gracias', 'vale', 'perfecto', 'danke', 'vielen dank', 'danke schon', 'alles klar', 'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'grazie', 'grazie mille', 'perfetto',
    '감사합니다', '고맙습니다', '감사해요', '네', '알겠습니다', 'ขอบคุณ', 'ขอบคุณค่ะ', 'ขอบคุณครับ', 'ขอบคุณมาก', 'ขอบคุณมากค่ะ', 'ขอบคุณมากครับ', 'โอเค', 'ok ค่ะ', 'ok ครับ',
  ].map(foldText),
)
/**
 * A code handed over with the thanks is the customer's turn, not a closer: "Booking no YIUBPF. Thanks."
 * (TWCS) waits on the agent. A labelled code (capitals or digits), or a token with four digits or more.
 */
const GIVES_CODE = (text: string) =>
  /\b(?:[Bb]ooking|[Oo]rder|[Rr]ef(?:erence)?|[Cc]onfirmation|[Aa]ccount|[Cc]ase|[Tt]icket|PNR)\b[^.!?\n]{0,12}?\b[A-Z0-9][A-Z0-9-]{4,}\b/.test(text) ||
  /(?<![\p{L}\p{N}])(?=(?:[^\s\d]*\d){4})[\p{L}\p{N}-]{5,}(?![\p{L}\p{N}])/u.test(text)
/** The reasons of a message that only closes its case ("Thanks!", "ok", "Great, thank you" after an answer). */
export const ONLY_CLOSING_REASONS: ReadonlySet<string> = new Set(['thanks_only', 'acknowledgement_only'])
export const CLOSING_REASONS: ReadonlySet<string> = new Set([...ONLY_CLOSING_REASONS, 'closing'])

/** "Perfect, …", "Super, …": a reply that accepts the agent's answer. */
const ACKNOWLEDGEMENT_START = (words: string) => /^(perfect|great|super|brilliant|parfait|perfecto|perfeito|perfetto|ok|okay|vale|alles klar|d'accord)\b/.test(words)
const THANKS_WORDS = /thank|thx|merci|gracias|danke|obrigad|grazie|감사|고맙|ขอบคุณ/

function stripToWords(folded: string): string {
  return folded
    .replace(/@\w+/g, ' ')
    .replace(/[^\p{L}\p{N}\p{M}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function isQuestion(text: string, folded: string): boolean {
  if (/[?？¿]/.test(text)) return true
  const firstWords = stripToWords(folded).split(' ').slice(0, 3).join(' ')
  return INTERROGATIVE_START(firstWords) || INTERROGATIVE_ANYWHERE(folded)
}

function mentionsBrand(folded: string, handles: string[] | undefined): boolean {
  return (handles ?? []).some((handle) => {
    const name = foldText(handle.replace(/^@/, ''))
    return name.length > 0 && folded.includes(`@${name}`)
  })
}

function raise(level: Urgency, to: Urgency): Urgency {
  return URGENCY_ORDER.indexOf(to) > URGENCY_ORDER.indexOf(level) ? to : level
}

function bump(level: Urgency): Urgency {
  return URGENCY_ORDER[Math.min(URGENCY_ORDER.indexOf(level) + 1, URGENCY_ORDER.indexOf('high'))]
}

export function assessNeedsReply(s: ReplySignals): ReplyAssessment {
  if (s.role === 'agent') return { needsReply: false, urgency: 'none', reasons: ['agent_message'] }

  const folded = foldText(s.text)
  const words = stripToWords(folded)
  const question = isQuestion(s.text, folded)
  if (words.length === 0) return { needsReply: false, urgency: 'none', reasons: [s.text.trim() ? 'emoji_only' : 'empty'] }
  if (!question && ACKNOWLEDGEMENTS.has(words)) {
    return { needsReply: false, urgency: 'none', reasons: [THANKS_WORDS.test(words) ? 'thanks_only' : 'acknowledgement_only'] }
  }

  // After an answer, "Thanks, I'll try that" or "Took far too long" closes the thread: nobody waits on the agent.
  const request = REQUEST_TERMS(folded.replace(/thanks? in advance|thank you in advance/g, ' '))
  if (s.afterAgentReply && !question && !request && words.split(' ').length <= CLOSER_MAX_WORDS && !GIVES_CODE(s.text)
    && (CLOSING_CUES(folded) || ((thanksCue(folded) || ACKNOWLEDGEMENT_START(words)) && !OUTAGE_TERMS(folded) && !FOLLOW_UP_TERMS(folded)))) {
    return { needsReply: false, urgency: 'none', reasons: ['closing'] }
  }

  const reasons: string[] = []
  let urgency: Urgency = 'low'
  const flag = (reason: string, level: Urgency): void => {
    reasons.push(reason)
    urgency = raise(urgency, level)
  }

  if (SAFETY_TERMS(folded)) flag('safety_terms', 'critical')
  if (LEGAL_TERMS(folded)) flag('legal_terms', 'high')
  if (SECURITY_TERMS(folded)) flag('security_terms', 'high')
  if (OUTAGE_TERMS(folded) || s.intent === 'bug_outage') flag('outage_terms', 'high')
  if (CANCELLATION_TERMS(withoutNegatedCancellation(folded)) || s.intent === 'cancellation') flag('cancellation_terms', 'high')
  if (URGENT_TERMS(folded)) flag('urgent_terms', 'high')
  if (ESCALATION_CUES(folded)) flag('escalation_request', 'high')
  const complaint = COMPLAINT_TERMS(folded) || COMPLAINT_CUES(folded) || s.intent === 'complaint'
  if (complaint) flag('complaint', 'normal')
  const negative = s.sentiment?.label === 'negative' && s.sentiment.score >= NEGATIVE_SENTIMENT_MIN
  if (negative) flag('negative_sentiment', 'normal')
  if (question) flag('question', 'normal')
  if (request) flag('request', 'normal')
  if (s.intent && INTENTS_EXPECTING_REPLY.has(s.intent)) flag('intent_expects_reply', 'normal')
  if (FOLLOW_UP_TERMS(folded)) flag('follow_up', 'normal')

  const unanswered = s.unansweredCustomerMessages ?? 1
  const substantive = reasons.length > 0
  if (unanswered >= REPEATED_CONTACT_MIN) {
    reasons.push('repeated_contact')
    // A customer left waiting is a bigger problem the longer it lasts.
    urgency = unanswered >= ESCALATE_CONTACT_MIN ? raise(bump(urgency), 'high') : bump(urgency)
  }
  if (mentionsBrand(folded, s.brandHandles)) {
    reasons.push('brand_mention')
    // An unhappy public mention is seen by everyone who follows the brand.
    if (complaint || negative) urgency = bump(urgency)
  }
  const highSignals = reasons.filter((r) => ['legal_terms', 'security_terms', 'outage_terms', 'cancellation_terms', 'urgent_terms'].includes(r)).length
  if (urgency === 'high' && (highSignals >= 2 || unanswered >= ESCALATE_CONTACT_MIN) && (complaint || negative || unanswered >= ESCALATE_CONTACT_MIN)) {
    urgency = 'critical'
  }

  // After an agent's answer, anything but a closer is the customer's turn in the exchange (the order
  // number the agent asked for, "still the same"): the agent owes the next message.
  if (!substantive && !reasons.includes('repeated_contact') && !s.afterAgentReply) {
    if (s.intent === 'praise' || s.intent === 'other' || s.sentiment?.label === 'positive') {
      // Praise and chatter are welcome but nobody is waiting for an answer; a brand mention still deserves a look.
      return reasons.includes('brand_mention')
        ? { needsReply: true, urgency: 'low', reasons }
        : { needsReply: false, urgency: 'none', reasons: ['no_request'] }
    }
    // A plain statement from the customer (an order number, a detail asked for) still waits on the agent.
    reasons.push('customer_message')
  }
  return { needsReply: true, urgency, reasons }
}
