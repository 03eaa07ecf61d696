// How a theme's customers feel, in words: the console and the Markdown report say it the same way.
// Pure, so the console's browser bundle imports it too.

/** Below this many conversations a share reads surer than it is ("positive 100%" for three): counts are said instead. */
export const FEEL_SHARES_FROM = 10

/**
 * Each conversation counted once by its first message in the theme. An uncertain label counts, so a
 * theme the classifier cannot read never looks sure.
 */
export function feelText(s: { negative: number; neutral: number; positive: number; uncertain?: number }): string {
  const parts: Array<[string, number]> = [['negative', s.negative], ['neutral', s.neutral], ['positive', s.positive]]
  if ((s.uncertain ?? 0) > 0) parts.push(['uncertain', s.uncertain!])
  const total = parts.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return 'unknown'
  if (total < FEEL_SHARES_FROM) return `${parts.map(([k, n]) => `${k} ${n}`).join(', ')} (of ${total} conversation${total === 1 ? '' : 's'})`
  return parts.map(([k, n]) => `${k} ${Math.round((100 * n) / total)}%`).join(', ')
}
