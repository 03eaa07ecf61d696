// What a spoken message says without the sounds of speaking it. A voice note transcribed ("hi so um i
// ordered the new phone like two weeks ago and um the tracking said…") carries hesitations and tag
// phrases that a written message does not; the sentiment model, trained on written posts, reads them as
// feeling: dev messages turned into transcripts lost 6 points of sentiment right when sure, 3 of them to
// "um", "euh", "ähm" alone.
//
// Only what is never a word of the message goes: hesitation sounds, and a few tag phrases that are fillers
// whenever they stand alone ("you know" but not "do you know if", "né" and "é…" in Portuguese but not the Italian
// "né… né"). "like", "genre", "tipo", "este" stay: they are as often words of the message ("I'd like to
// cancel", "quel genre de forfait", "che tipo di offerta", "este router").

/** Hesitation sounds, in any of the supported languages; "um" is a word in German ("wir ziehen um", "um 10 Uhr") and Portuguese ("um problema"). */
const HESITATION = String.raw`(?:u+h+|e+r+m+|h?m{2,}|hm+|e+u+h+|h+e+u+|ä+h+m*|ö+h+m+|e+h+m*|a+h+m+|a+h+n+)`
const UM = String.raw`u+m+`
const UM_IS_A_WORD: ReadonlySet<string> = new Set(['de', 'pt'])

/** Tag phrases that only fill, by language, with the words around them that make them a question instead. */
const TAGS: Readonly<Record<string, string>> = {
  en: String.raw`(?<!(?:do|did|don't|didn't|if|would|will|as|you|they|we)\s)you know(?!\s+(?:if|what|when|where|how|why|whether|who|that|about|the|my|your|it|anyone|anything)(?![\p{L}]))`,
  fr: String.raw`hu+m+|tu vois(?!\s+(?:si|ce|comment|quand|où|pourquoi)(?![\p{L}]))|ts[eé]|tsais`,
  de: String.raw`wei(?:ß|ss)t du(?!\s+(?:ob|wie|was|wo|wann|warum|wer|dass)(?![\p{L}]))`,
  es: String.raw`o sea`,
  pt: String.raw`hu+m+|n[eé]|é(?=\.{2,}|…)`,
  it: String.raw`cio[eè]`,
}

const patterns = new Map<string, RegExp>()
function patternFor(language: string): RegExp {
  let pattern = patterns.get(language)
  if (!pattern) {
    const tag = TAGS[language]
    // A filler with the comma or the dots that set it off: "so, um, the tracking…", "é... a internet".
    const sounds = UM_IS_A_WORD.has(language) ? HESITATION : `${HESITATION}|${UM}`
    pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${sounds}${tag ? `|${tag}` : ''})(?:\.{2,}|…)?(?![\p{L}\p{N}])[,]?`, 'giu')
    patterns.set(language, pattern)
  }
  return pattern
}

/** `text` without its hesitations and filler tags, spaces mended; unchanged when it has none. */
export function withoutFillers(text: string, language: string): string {
  const replaced = text.replace(patternFor(language), ' ')
  if (replaced === text) return text
  const stripped = replaced.replace(/[ \t]{2,}/g, ' ').replace(/ ([,.!?])/g, '$1').trim()
  return stripped.length > 0 ? stripped : text
}
