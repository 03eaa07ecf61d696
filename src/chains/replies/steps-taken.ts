// Troubleshooting steps the customer says they already took, and drafts that tell them to take one again.
// "My hub light is flashing red. I've tried turning it off and on again" got "Unplug the Brightwave Hub at
// the wall, wait 30 seconds…" (0.65) first; "already reinstalled it and cleared the cache" got "Please
// uninstall and reinstall the app". Such a draft ranks lower and is flagged (`repeats`); an article's
// sentence telling the step is left out of its draft. English only: the cues below are English words.
import { sentencesOf } from '../../text/sentences.ts'

export const REPEATABLE_STEPS = ['restart', 'reinstall', 'clear cache', 'reset password', 'sign out and in'] as const
export type RepeatableStep = (typeof REPEATABLE_STEPS)[number]

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
const takenPattern = (s: { base: string; past: string; ing: string }) => new RegExp(
  `${NOT_DONE}(?:\\btried to (?:${s.base})\\b|\\b(?:i|i've|i’ve|i have|i had|we|we've|we’ve|already|also|even|just|and|then)\\s+(?:(?:already|also|even|just|tried|then)\\s+)?(?:${s.past})\\b|\\b(?:${s.past}) ${OBJECT}\\b(?! (?:itself|by itself|on its own))|\\b(?:tried|trying|try|after)\\s+(?:(?:both|to|also)\\s+)?(?:${s.ing})\\b)`,
  'iu',
)
// Told to the customer: the step as an instruction or a suggestion ("Please restart the router", "Have you
// tried restarting?", "Could you unplug…", "Clearing the app's cache … gets around it"), not what the
// brand will do ("we'll restart your line") nor a step the customer need not take ("no need to restart").
const BRAND_DOES = "(?<!\\b(?:we|we'll|we’ll|we will|we can|i'll|i’ll|i will|i can|no need to|don't|don’t|do not|needn't)\\s+(?:[\\w'’-]+\\s+){0,1})"
const toldPattern = (s: { base: string; ing: string }) =>
  new RegExp(`${BRAND_DOES}\\b(?:${s.base})\\b|\\btr(?:y|ied)\\s+(?:${s.ing})\\b|(?:^|[.!?:]\\s+)(?:${s.ing})\\b`, 'iu')

const TAKEN = Object.entries(STEPS).map(([step, forms]) => ({ step: step as RepeatableStep, taken: takenPattern(forms), told: toldPattern(forms) }))

/** The steps the text says were already taken. */
export function stepsTaken(customerText: string): Set<RepeatableStep> {
  return new Set(TAKEN.filter((s) => s.taken.test(customerText)).map((s) => s.step))
}

/** The steps the customer's messages in this conversation say were already taken. */
export function stepsTakenIn(turns: ReadonlyArray<{ role: string; text: string }>): Set<RepeatableStep> {
  return stepsTaken(turns.filter((t) => t.role === 'customer').map((t) => t.text).join('\n'))
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
