// Sentences of a message or a reply, by the platform's segmenter (Intl.Segmenter) for the language.

// A link ends before closing punctuation: "…/answer/185111." ends the sentence, not the link.
export const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)]/giu

/** One segmenter per language: making one costs more than segmenting a message with it. */
const segmenters = new Map<string, Intl.Segmenter>()
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language)
  if (!segmenter) segmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: 'sentence' })))
  return segmenter
}

/** Sentences, never split inside a link ("…/recoveryidentifier?flowName=…" is one sentence, not two). */
export function sentencesOf(text: string, language = 'en'): string[] {
  const links = [...text.matchAll(LINK)].map((m) => [m.index, m.index + m[0].length] as const)
  const out: string[] = []
  let pending = ''
  for (const s of segmenterFor(language).segment(text)) {
    pending += s.segment
    const end = s.index + s.segment.length
    if (links.some(([from, to]) => end > from && end < to)) continue
    if (pending.trim()) out.push(pending.trim())
    pending = ''
  }
  if (pending.trim()) out.push(pending.trim())
  return out
}
