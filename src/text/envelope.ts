// The envelope of a message: the salutation above it, the signature under it, and the sentence that
// hands identifiers over ("My account email is … and the order number is BW-1430992, in case you need
// them"). None of it says what the message is about, and in an e-mail it can outweigh what does: a
// one-line outage complaint in a formal e-mail was nearer to a home-move e-mail (same salutation, same
// identifier sentence) than to the outage tweets in its own words, and "account email" made a question
// about moving house a sign-in problem.
//
// messageCore is what reply retrieval looks up and what the intent model reads; the summaries drop
// signatures with withoutSignature. Stored vectors embed the whole message: the themes cluster them,
// and a change to every e-mail's vector moved the demo's weekly themes more than it helped them.

/**
 * E-mail and chat replies end with a signature on lines of their own: "Thanks\nStu", "Viele Grüße\nFelix", "– Dev, Brightwave".
 * The closer is a formula of its language, whole on its line, with a thanks or a wish for the day after it
 * ("Merci d'avance et bonne journée", "Vielen Dank und viele Grüße", "Grazie mille e buona giornata").
 */
const CLOSERS = [
  'thanks', 'thank you', 'many thanks', 'thanks a lot', 'thanks in advance', 'thank you in advance', 'thanks again', 'cheers', 'regards', 'kind regards', 'best regards',
  'warm regards', 'warmest regards', 'best wishes', 'best', 'all the best', 'sincerely', 'yours sincerely', 'yours faithfully', 'yours truly', 'respectfully',
  'merci', 'merci beaucoup', "merci d'avance", 'merci par avance', 'merci pour votre retour', 'je vous remercie', 'je vous remercie par avance', "je vous remercie d'avance",
  'cordialement', 'bien cordialement', 'bien à vous', 'salutations', 'meilleures salutations', 'avec mes meilleures salutations', 'sincères salutations', 'bonne journée', 'bonne soirée',
  'danke', 'vielen dank', 'danke im voraus', 'vielen dank im voraus', 'besten dank', 'gruß', 'grüße', 'viele grüße', 'liebe grüße', 'beste grüße', 'freundliche grüße', 'freundliche grüsse',
  'mit freundlichen grüßen', 'mit freundlichen grüssen', 'herzliche grüße', 'mfg', 'schöne grüße',
  'gracias', 'muchas gracias', 'gracias de antemano', 'muchas gracias de antemano', 'un saludo', 'saludos', 'saludos cordiales', 'atentamente', 'cordialmente', 'un abrazo', 'quedo atento', 'quedo atenta', 'quedo a la espera', 'quedo atento a su respuesta', 'quedo atenta a su respuesta', 'quedo a la espera de su respuesta',
  'obrigado', 'obrigada', 'obrigado desde já', 'obrigada desde já', 'muito obrigado', 'muito obrigada', 'atenciosamente', 'cumprimentos', 'com os melhores cumprimentos', 'melhores cumprimentos', 'abraço', 'um abraço', 'agradeço a atenção', 'agradeço desde já',
  'grazie', 'grazie mille', 'grazie in anticipo', 'grazie anticipatamente', 'cordiali saluti', 'distinti saluti', 'saluti', 'un saluto', 'buona giornata', 'buona serata',
]
const CLOSER = `(?:${CLOSERS.sort((a, b) => b.length - a.length).map((c) => c.replace(/'/g, "['’]")).join('|')})`
const SIGNATURE_CLOSER = new RegExp(`^${CLOSER}(?:[,\\s]+(?:(?:and|et|und|y|e)\\s+)?${CLOSER})?[,.!]*$`, 'iu')
const SIGNATURE_NAME = /^(?:[-–—]\s?)?\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}[\p{Ll}'’-]+)?(?:,\s?\p{Lu}[\p{L}&.' ]{1,30})?[.!]?$/u
const SIGNATURE_DASH = /^[-–—]\s?\p{Lu}/u
/** A line of a signature block under its closer: a name, a role, a team ("Chris Tan", "Brightwave Customer Care"). */
const SIGNATURE_BLOCK_LINE = /^\p{Lu}[^.!?:;]{0,40}$/u
const SIGNATURE_BLOCK_MAX_LINES = 3

/**
 * A first line that only addresses someone, above the body: "To whom it may concern,", "Dear
 * Brightwave,", "Hola,", "您好，". A few words ending in a comma, on a line of its own; or a greeting
 * ending in a colon, a stop or nothing, as Spanish, Portuguese and Swiss letters open ("Estimados señores:",
 * "Olá, boa tarde.", "Grüezi miteinander"). (Not any colon: "better travel photos:" opens what it announces.)
 */
const GREETING = String.raw`(?:dear|hello|hi|hey|hiya|good (?:morning|afternoon|evening)|to whom|madame|monsieur|bonjour|bonsoir|salut|ch[eè]re?s?|sehr geehrte[rs]?|hallo|liebe[rs]?|guten (?:tag|morgen|abend)|gr[uü]e?zi|servus|moin|estimad[oa]s?|hola|buen[oa]s|querid[oa]s?|exm[oa]s?\.?|prezad[oa]s?|ol[aá]|oi|bom dia|boa (?:tarde|noite)|car[oa]|gentil[ei]?|buongiorno|buonasera|salve|ciao)`
const SALUTATION_LINE = new RegExp(String.raw`^(?:[^\n.!?。！？]{1,40}[,，]|${GREETING}(?![\p{L}])[^\n.!?:]{0,35}[:.!]?)[ \t]*\n`, 'iu')
const SALUTATION_MAX_WORDS = 5

/** An e-mail address, or a reference with at least five digits ("BW-1430992", "#88 412 093", "+44 7700 900123"). */
const IDENTIFIER = String.raw`(?:\S+@\S+\.\S+|[#+]?\p{L}{0,4}[-#]?\p{N}[\p{N} -]{3,}\p{N}\b)`
/** An identifier with the few words of the same line that label it: "my account email is …", "Konto-E-Mail ist …", "número de pedido: …". */
const LABELLED_IDENTIFIER = new RegExp(String.raw`(?:\p{L}[\p{L}-]*[ \t]+){0,2}\p{L}[\p{L}-]*(?:[ \t]+(?:is|are|ist|es|est|è|é)[ \t]+|[ \t]*:[ \t]*)${IDENTIFIER}`, 'giu')
/** A sentence, with its end mark and the space after it ("aisha.harlow@mail.example" is not three). */
const SENTENCE = /[^\n]*?(?:[.!?]+(?:[ \t]+|(?=\n)|$)|[。！？]+|\n+|$)/gu
const WORD = /[\p{L}\p{N}]+/gu
/**
 * A sentence that hands identifiers over has at most this many words besides them ("and …, in case you
 * need them"); one with more says something with them ("bag ID is UA601… can you update me").
 */
const HANDOVER_MAX_OTHER_WORDS = 6
/** Handed-over identifiers go only when this many words remain: else they are what the message says ("Sure. Order number is BW-6333896"). */
const MIN_CORE_WORDS = 6

const ENVELOPE_SIGN = /[\n\d@]/
const wordCount = (text: string) => text.match(WORD)?.length ?? 0

/**
 * The turn without the signature on its last lines: a dash line ("– Dev, Brightwave"), or a name alone
 * on the last line, with the closer above it ("Thanks", "Regards"), or a closer with up to three short
 * lines under it ("Kind regards,\nChris Tan\nBrightwave Customer Care"). Only lines after the first go,
 * so a one-line message is never taken for a signature.
 */
export function withoutSignature(text: string): string {
  const lines = text.trimEnd().split(/\r?\n/)
  let end = lines.length
  const last = (i: number) => lines[i].trim()
  while (end > 1 && last(end - 1) === '') end--
  if (end > 1 && (SIGNATURE_DASH.test(last(end - 1)) || SIGNATURE_NAME.test(last(end - 1)))) {
    end--
    while (end > 1 && last(end - 1) === '') end--
    if (end > 1 && SIGNATURE_CLOSER.test(last(end - 1))) end--
  } else if (end > 1 && SIGNATURE_CLOSER.test(last(end - 1))) {
    end--
  } else {
    for (let closer = end - 2; closer >= Math.max(1, end - 1 - SIGNATURE_BLOCK_MAX_LINES); closer--) {
      if (!SIGNATURE_BLOCK_LINE.test(last(closer + 1))) break
      if (SIGNATURE_CLOSER.test(last(closer))) {
        end = closer
        break
      }
    }
  }
  return lines.slice(0, end).join('\n').trimEnd()
}

/**
 * What the message says: without its salutation line, its signature (a closer, or a dash line: a bare
 * name and "Frustrating!" look alike on a last line) and the sentences that only hand identifiers over
 * ("My account email is … and the order number is …, in case you need them.").
 */
export function messageCore(text: string): string {
  // A signature or salutation needs a line break, an identifier a digit or an @: most posts have none.
  if (!ENVELOPE_SIGN.test(text)) return text
  let core = text
  const unsigned = withoutSignature(core)
  if (unsigned !== core.trimEnd() && signedOff(core.trimEnd().split(/\r?\n/).slice(unsigned.split('\n').length))) core = unsigned
  const salutation = SALUTATION_LINE.exec(core)
  if (salutation && wordCount(salutation[0]) <= SALUTATION_MAX_WORDS && wordCount(core) > wordCount(salutation[0])) core = core.slice(salutation[0].length)
  const sentences = core.match(SENTENCE) ?? []
  const handover = (s: string) => {
    const others = s.replace(LABELLED_IDENTIFIER, '')
    return others !== s && wordCount(others) <= HANDOVER_MAX_OTHER_WORDS
  }
  const kept = sentences.filter((s) => !handover(s))
  if (kept.length < sentences.length && wordCount(kept.join('')) >= MIN_CORE_WORDS) core = kept.join('')
  return core
}

/** A handover that says nothing else has at most this many other words ("order number is BW-7352969, I've DMed you"). */
const HANDOVER_ONLY_OTHER_WORDS = 4
const IDENTIFIER_ANYWHERE = new RegExp(IDENTIFIER, 'gu')

/**
 * Whether a message only hands identifiers over: an order number, an e-mail, a reference, with at most a
 * few words besides and no question. Its words ("order number") name no subject of the case it answers:
 * "order number is BW-7352969, I've DMed you" in a double-charge case read as delivery (0.95).
 */
export function handsOverOnly(text: string): boolean {
  // Most messages have no digit or @: nothing to strip.
  if (!ENVELOPE_SIGN.test(text)) return false
  const core = withoutSignature(text)
  if (/[?？¿]/.test(core)) return false
  const others = core.replace(LABELLED_IDENTIFIER, ' ').replace(IDENTIFIER_ANYWHERE, ' ')
  return others !== core && wordCount(others) <= HANDOVER_ONLY_OTHER_WORDS
}

/** Whether the lines taken for a signature hold a closer or a dash line, not only a name-like word. */
function signedOff(removedLines: string[]): boolean {
  return removedLines.some((line) => SIGNATURE_CLOSER.test(line.trim()) || SIGNATURE_DASH.test(line.trim()))
}
