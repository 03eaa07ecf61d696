// Troubleshooting steps the customer says they already took, and drafts that tell them to take one again.
// "My hub light is flashing red. I've tried turning it off and on again" got "Unplug the Brightwave Hub at
// the wall, wait 30 seconds…" (0.65) first; "already reinstalled it and cleared the cache" got "Please
// uninstall and reinstall the app"; "ya reinicié el router" got "¿Puedes desenchufar el router…?". Such a
// draft ranks lower and is flagged (`repeats`); an article's sentence telling the step is left out of its
// draft. Read in English, and for the first three steps in Spanish, French, German, Portuguese and Italian.
import { sentencesOf } from '../../text/sentences.ts'

export const REPEATABLE_STEPS = ['restart', 'reinstall', 'clear cache', 'reset password', 'sign out and in'] as const
export type RepeatableStep = (typeof REPEATABLE_STEPS)[number]

/** A reply telling the customer to take a step they say they took ("already restarted it twice") ranks below one that moves on… */
export const REPEATS_STEP_RANK = 0.8
/** …and is trusted less, on both paths: it reads as if nobody read the message. */
export const REPEATS_STEP_CONFIDENCE = 0.7

const OBJECT = "(?:it|them|that|this|my [\\w-]+|the [\\w-]+|your [\\w-]+|both|everything)"
/** What is turned off and on: "it", "the hub", "phone". */
const DEVICE = "(?:(?:my|the|your) )?[\\w-]+"
/** Each step's verb, by form: the base (told: "restart the router"), the past and the -ing (taken: "I restarted it", "tried restarting"). */
const STEPS: Record<RepeatableStep, { base: string; past: string; ing: string }> = {
  restart: {
    base: `restart|reboot|power[- ]?cycle|unplug|(?:turn|switch) ${DEVICE} off and (?:back )?on|(?:turn|switch) off and (?:back )?on`,
    past: `restarted|rebooted|power[- ]?cycled|unplugged|(?:turned|switched) ${DEVICE} off and (?:back )?on|(?:turned|switched) off and (?:back )?on`,
    ing: `restarting|rebooting|power[- ]?cycling|unplugging|(?:turning|switching) ${DEVICE} off and (?:back )?on`,
  },
  reinstall: {
    base: 're-?install|uninstall|delete (?:the app|it) and (?:re-?download|re-?install)',
    past: 're-?installed|uninstalled|deleted (?:the app|it)(?: and re-?(?:downloaded|installed))?|did a (?:fresh|clean) install',
    ing: 're-?installing|uninstalling|deleting (?:the app|it)',
  },
  'clear cache': {
    base: "clear (?:the |your )?(?:app(?:'s|’s)? )?(?:cache|cookies|app data)",
    past: "cleared (?:the |my )?(?:app(?:'s|’s)? )?(?:cache|cookies|app data)",
    ing: "clearing (?:the |my )?(?:app(?:'s|’s)? )?(?:cache|cookies|app data)",
  },
  'reset password': {
    base: 'reset (?:your |the )?password',
    past: 'reset (?:my |the )?password|changed (?:my |the )?password',
    ing: 'resetting (?:my |the )?password',
  },
  'sign out and in': {
    base: '(?:log|sign) ?out and (?:back )?in',
    past: '(?:logged|signed) ?out and (?:back )?in',
    ing: '(?:logging|signing) ?out and (?:back )?in',
  },
}

// Said as done by the customer: "I restarted", "I've already rebooted", "tried restarting", "restarted it
// twice", "even reinstalled". Not negated ("haven't restarted", "without restarting") and not a symptom
// ("it keeps restarting", "the hub restarted itself"), nor asked ("how do I reset my password?").
const NOT_DONE = "(?<!(?:\\b(?:not|never|no|without|keeps?|kept|do|does|can|could|should|would|will|how|need|want|to)|n't|n’t)\\s+(?:[\\w'’-]+\\s+){0,2})"
/** Further down a list of what was tried: "Tried resetting my settings .. restarting my phone", "tried clearing the cache, reinstalling and restarting". */
const LISTED_AFTER_TRIED = "\\btried\\s+[\\w'’-]+ing\\b[^!?\\n]{0,50}?(?:,|\\.{2,}|\\band\\b|\\bor\\b)\\s*"
const takenPattern = (s: { base: string; past: string; ing: string }) => new RegExp(
  `${NOT_DONE}(?:\\btried to (?:${s.base})\\b|\\b(?:i|i've|i’ve|i have|i had|we|we've|we’ve|already|also|even|just|and|then)\\s+(?:(?:already|also|even|just|tried|then)\\s+)?(?:${s.past})\\b|\\b(?:${s.past}) ${OBJECT}\\b(?! (?:itself|by itself|on its own))|\\b(?:tried|trying|try|after)\\s+(?:(?:both|to|also)\\s+)?(?:${s.ing})\\b|${LISTED_AFTER_TRIED}(?:${s.ing})\\b)`,
  'iu',
)
// Told to the customer: the step as an instruction or a suggestion ("Please restart the router", "Have you
// tried restarting?", "Could you unplug…", "Clearing the app's cache … gets around it"), not what the
// brand will do ("we'll restart your line") nor a step the customer need not take ("no need to restart").
const BRAND_DOES = "(?<!\\b(?:we|we'll|we’ll|we will|we can|i'll|i’ll|i will|i can|no need to|don't|don’t|do not|needn't)\\s+(?:[\\w'’-]+\\s+){0,1})"
const toldPattern = (s: { base: string; ing: string }) =>
  new RegExp(`${BRAND_DOES}\\b(?:${s.base})\\b|\\btr(?:y|ied)\\s+(?:${s.ing})\\b|(?:^|[.!?:]\\s+)(?:${s.ing})\\b`, 'iu')

/**
 * es, fr, de, pt, it: the customer's first-person past ("ya reinicié", "j'ai redémarré", "habe … neu
 * gestartet", "reiniciei", "ho riavviato"), and the step told (imperative or infinitive). German's
 * participle counts after habe/haben without nicht or kein between.
 */
const DE_DONE = '(?:habe|hab|haben)(?:(?!nicht|kein)[^.!?\\n]){0,60}?'
const EUROPEAN: Partial<Record<RepeatableStep, { taken: string[]; told: string[] }>> = {
  restart: {
    taken: [
      'reinici(?:é|e)|(?:he|hemos) reiniciado|desenchuf(?:é|e)|(?:he|hemos) desenchufado|apagu(?:é|e) y encend(?:í|i)',
      '(?:intent(?:é|e)|prob(?:é|e)|(?:he|hemos) (?:intentado|probado)) (?:a )?(?:reiniciar|desenchufar|apagar y encender)(?:lo|la)?',
      "j['’]ai (?:déjà |deja )?(?:redémarré|redemarre|débranché|debranche|éteint et rallumé)",
      // "J'ai déjà essayé de la débrancher" got "Pouvez-vous débrancher le modem 30 secondes" unflagged.
      "j['’]ai (?:déjà |deja )?essayé de (?:la |le |l['’])?(?:redémarrer|débrancher|éteindre et rallumer)",
      `${DE_DONE}(?:neu ?gestartet|ausgesteckt|aus- und (?:wieder )?eingeschaltet)`,
      `${DE_DONE}(?:versucht|probiert),? (?:\\p{L}+ ){0,3}(?:neu ?zu ?starten|auszustecken)`,
      // Without the auxiliary, as a note: "Router schon neu gestartet.", "box déjà redémarrée", "ya reiniciado", "já reiniciado", "già riavviato".
      '(?:schon|bereits) (?:\\p{L}+ ){0,2}(?:neu ?gestartet|ausgesteckt|aus- und (?:wieder )?eingeschaltet)',
      'déjà (?:redémarré|débranché)e?s?', 'ya (?:lo |la )?(?:reiniciado|desenchufado)', 'já (?:reiniciado|desligado e ligado)', 'già (?:riavviat|staccat)[oaie]',
      'reiniciei|desliguei e (?:voltei a )?liguei|(?:já )?tentei (?:reinici(?:ar|á-lo|á-la)|desligar e ligar)',
      // "Ho già provato a riavviarlo": the infinitive takes its object as a suffix.
      'ho (?:già )?(?:riavviato|staccato|spento e riacceso)|ho (?:già )?provato a (?:riavviar|staccar|spegner(?:e|lo|la) e riaccender)(?:e|lo|la|li)',
    ],
    told: [
      'reinicia|reinicie|reiniciar|desenchufa|desenchufe|desenchufar|apaga y enciende',
      'redémarrez|redémarrer|redémarre|débranchez|débrancher|débranche',
      'neu ?starten|starten? sie (?:\\p{L}+ ){0,3}neu|starte (?:\\p{L}+ ){0,3}neu|stecker ziehen|zieh(?:e|en sie)? (?:\\p{L}+ ){0,2}(?:den )?stecker',
      // "Pode desligar o router Brightwave durante 30 segundos, voltar a ligar…" to "Já reiniciei o router" went unflagged.
      'reinicie|reiniciar|desligue e (?:volte a )?ligue|desligar e ligar|deslig(?:ue|ar)\\b[^.!?\\n]{1,60}\\b(?:volte|voltar) a ligar',
      'riavvia|riavviare|riavvii|stacca|staccare|spegn(?:i|ere|a)\\b[^.!?\\n]{1,60}\\briaccend\\p{L}*',
    ],
  },
  reinstall: {
    taken: [
      'reinstal(?:é|e)|(?:he|hemos) reinstalado|desinstal(?:é|e)|(?:he|hemos) desinstalado',
      "j['’]ai (?:déjà )?(?:réinstallé|reinstalle|désinstallé|desinstalle)",
      `${DE_DONE}(?:neu installiert|neuinstalliert|deinstalliert)`,
      'reinstalei|desinstalei',
      'ho (?:già )?(?:reinstallato|disinstallato)',
    ],
    told: [
      'reinstala|reinstale|reinstalar|desinstala|desinstale|desinstalar',
      'réinstallez|réinstaller|désinstallez|désinstaller',
      'neu installieren|installieren? sie (?:\\p{L}+ ){0,3}neu|installiere? (?:\\p{L}+ ){0,3}neu|deinstallieren|deinstalliere',
      'reinstale|reinstalar|desinstale|desinstalar',
      'reinstalla|reinstallare|disinstalla|disinstallare',
    ],
  },
  'clear cache': {
    taken: [
      '(?:borr(?:é|e)|(?:he|hemos) borrado|limpi(?:é|e)|(?:he|hemos) limpiado) (?:la )?caché',
      "j['’]ai (?:déjà )?(?:vidé|effacé) (?:le )?cache",
      `${DE_DONE}cache (?:geleert|gelöscht)`,
      '(?:limpei|apaguei) (?:a |o )?cache',
      'ho (?:già )?(?:svuotato|cancellato|pulito) (?:la )?cache',
    ],
    told: [
      '(?:borra|borre|borrar|limpia|limpie|limpiar) (?:la )?caché',
      '(?:videz|vider|effacez|effacer) (?:le )?cache',
      '(?:app-)?cache (?:leeren|löschen)|(?:leeren|löschen) sie (?:den )?(?:app-)?cache|(?:leere|lösche) (?:den |deinen )?(?:app-)?cache',
      '(?:limpe|limpar|apague|apagar) (?:a |o )?cache',
      '(?:svuota|svuotare|cancella|cancellare|pulisci) (?:la )?cache',
    ],
  },
}
// Whole words by letters, not \b: \b knows only ASCII letters, and "reinicié" ends in one it does not.
const word = (alternatives: string[]) => `(?<!\\p{L})(?:${alternatives.join('|')})(?!\\p{L})`
// "no reinicié", "não reiniciei", "non ho riavviato"; told: "no hace falta reiniciar", "pas besoin de redémarrer", "nicht neu starten".
const NOT_DONE_EU = '(?<!(?:no|não|nao|non)\\s+)'
const NOT_TOLD_EU = '(?<!(?:no|pas|nicht|não|nao|non|sin|sans|ohne|sem|senza)\\s+(?:\\p{L}+\\s+){0,2})'

const TAKEN = Object.entries(STEPS).map(([key, forms]) => {
  const step = key as RepeatableStep
  const eu = EUROPEAN[step]
  const taken = takenPattern(forms)
  const told = toldPattern(forms)
  return {
    step,
    taken: eu ? new RegExp(`${taken.source}|${NOT_DONE_EU}${word(eu.taken)}`, 'iu') : taken,
    told: eu ? new RegExp(`${told.source}|${NOT_TOLD_EU}${word(eu.told)}`, 'iu') : told,
  }
})

/** The steps the text says were already taken. */
export function stepsTaken(customerText: string): Set<RepeatableStep> {
  return new Set(TAKEN.filter((s) => s.taken.test(customerText)).map((s) => s.step))
}

/**
 * "Already did that", answering an agent who told a step: the customer took what the agent told. After
 * "Could you restart the router…?", "Already did that three times. Still dropping." got "First step:
 * restart the Brightwave Hub" unflagged.
 */
const DID_THAT = /(?<!\p{L})(?:already (?:did|done|tried) (?:that|it|this|those|them|both)|(?:did|done|tried) (?:that|it|this|those|them|both),? already|(?:^|[.!?]\s*)(?:yes,? |yeah,? |yep,? )?(?:i )?(?:did|done|tried) (?:that|it|this|those|them|both)(?!\p{L})|ya lo (?:hice|probé|probe)|déjà fait|deja fait|j['’]ai déjà essayé|schon gemacht|schon versucht|já fiz|ja fiz|já tentei|già fatto|gia fatto|ho già provato)/iu

/** The steps the customer's messages in this conversation say were already taken, themselves or as an agent told them. */
export function stepsTakenIn(turns: ReadonlyArray<{ role: string; text: string }>): Set<RepeatableStep> {
  const taken = stepsTaken(turns.filter((t) => t.role === 'customer').map((t) => t.text).join('\n'))
  let told = ''
  for (const t of turns) {
    if (t.role !== 'customer') told = t.text
    else if (told && DID_THAT.test(t.text)) for (const s of TAKEN) if (s.told.test(told)) taken.add(s.step)
  }
  return taken
}

/** The steps among `taken` that this text tells the customer to take. */
export function repeatedSteps(text: string, taken: ReadonlySet<RepeatableStep>): RepeatableStep[] {
  if (taken.size === 0) return []
  return TAKEN.filter((s) => taken.has(s.step) && s.told.test(text)).map((s) => s.step)
}

/** The text without its sentences telling a step already taken; unchanged when that is all it says. */
export function withoutRepeatedSteps(text: string, taken: ReadonlySet<RepeatableStep>): string {
  if (taken.size === 0) return text
  const sentences = sentencesOf(text)
  const kept = sentences.filter((s) => repeatedSteps(s, taken).length === 0)
  return kept.length === 0 || kept.length === sentences.length ? text : kept.join(' ')
}
