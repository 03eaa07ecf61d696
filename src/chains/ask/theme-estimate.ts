// A count filtered by a theme is what clustering put in the theme, not the subject itself: the weekly
// clusters can hold messages about something else (delivery delays beside the voice remote) and leave
// out some of the subject. The interval bounds that error from what the store can check: which members'
// conversations name the theme's words, and which messages outside the theme could still be about it.
import type { Queryable } from '../../store/db.ts'
import { themeCountBounds } from '../../store/theme-members.ts'
import { estimateOf } from './estimates.ts'
import type { ResolvedFilters } from './theme-filter.ts'
import type { FigureEstimate, TimeRange } from './types.ts'

/** Every theme-count estimate's method starts with this, so the answer can say which kind of estimate it is. */
export const THEME_BOUNDS_METHOD = 'theme members counted'

/** True when the estimate bounds a theme's count (clustering's error), not a label's (a 95% interval). */
export const isThemeBounds = (estimate: Pick<FigureEstimate, 'method'>) => estimate.method.startsWith(THEME_BOUNDS_METHOD)

const WIDENED = "widened by the theme's bounds"

/** True for a label estimate within a theme (widenedByTheme): the labels' 95% interval and clustering's bounds together. */
export const isWidenedByTheme = (estimate: Pick<FigureEstimate, 'method'>) => estimate.method.includes(WIDENED)

const METHOD =
  `${THEME_BOUNDS_METHOD}: the value is the messages the weekly theme runs put in the theme; the low bound, those of them whose ` +
  `conversation mentions the theme's words; the high bound adds the messages of the range no weekly run put in any theme and ` +
  `those of other themes whose conversation mentions the words`

const CONVERSATIONS_METHOD =
  `${THEME_BOUNDS_METHOD}: the value is the conversations with a message the weekly theme runs put in the theme; the low bound, ` +
  `those of them that mention the theme's words; the high bound adds the conversations with a message of the range no weekly run ` +
  `put in any theme or with a message of another theme while mentioning the words`

/** Messages and conversations of a theme filter, each with its interval; undefined when the filters name no theme. */
export async function themeCountEstimates(
  db: Queryable,
  workspaceId: string,
  filters: ResolvedFilters,
  range: TimeRange,
): Promise<{ messages: FigureEstimate; conversations: FigureEstimate } | undefined> {
  if (!filters.theme || !filters.themeSnapshots?.length || !filters.themeMentions) return undefined
  const b = await themeCountBounds(db, workspaceId, filters, range, filters.themeSnapshots, filters.themeMentions)
  return {
    messages: estimateOf(b.members, b.membersMentioning, b.possible, METHOD),
    conversations: estimateOf(b.conversations.members, b.conversations.membersMentioning, b.conversations.possible, CONVERSATIONS_METHOD),
  }
}

/**
 * A label estimate made within a theme's members ("customers who complained about wifi"), widened by
 * the theme's own bounds: its interval is the labels' doubt among the members, and the members are
 * themselves clustering's guess. Low: the share of members whose conversation uses the theme's words
 * (the rest may be off the subject); high: every message (or conversation) the theme may have missed
 * could be one more. `bounds` is the theme's count without the label filters.
 */
export function widenedByTheme(estimate: FigureEstimate, bounds: FigureEstimate): FigureEstimate {
  const sure = bounds.value > 0 ? bounds.low / bounds.value : 1
  const missed = Math.max(0, bounds.high - bounds.value)
  return estimateOf(estimate.value, Math.floor(estimate.low * sure), Math.ceil(estimate.high + missed), `${estimate.method}; ${WIDENED} (${THEME_BOUNDS_METHOD} without the label filters)`)
}
