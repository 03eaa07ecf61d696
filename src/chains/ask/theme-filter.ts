// A question that names a theme ("how many messages about wifi?") is filtered by the theme's stored
// members, not by the words of its label. The weeks the question covers get their themes computed
// first when they have none (or none with members), so the answer is the same before and after
// someone opened a report: each week's clustering depends only on that week's messages.
//
// Which weekly themes the words name: a theme whose label or key phrases contain one of the words, or
// whose members mostly mention one (MENTION_SHARE), and the other words too when they name themes as
// well. Matching is per weekly snapshot, so a theme's identity across weeks (which depends on the order
// weeks were computed in) does not change the set.
import type { Queryable } from '../../store/db.ts'
import { dataExtent } from '../../store/ask-figures.ts'
import type { AskMessageFilters } from '../../store/ask.ts'
import { snapshotsForMatch, type SnapshotForMatch } from '../../store/theme-members.ts'
import { themesRepo } from '../../store/themes.ts'
import { stopwordsFor, words } from '../../text/tokenize.ts'
import { rootOf } from '../themes/curation.ts'
import { isoWeekOf, weekRange } from '../themes/week.ts'
import { ALL_TIME_FROM, describePlan } from './planner-local.ts'
import { makeRange, previousOf } from './time.ts'
import { anyNameQuery, namesOf, namesSupport } from './subject-words.ts'
import type { AskFilters, AskPlan, ThemeGroup } from './types.ts'

/** What the ask chain needs of the theme service: weeks with stored members, computed on demand. */
export interface ThemeWeeks {
  ensureMembers(workspaceId: string, weeks: string[], until: Date): Promise<unknown>
}

/**
 * Only a theme's leading key phrases name it: "update" is the voice-remote theme's seventh ("any update
 * on my remote?"), and made "the app update" count the back-order messages.
 */
const NAMING_KEYPHRASES = 5

/** A week's theme counts as "about" a word when at least this share of its members' conversations mention the word, */
export const MENTION_SHARE = 0.5
/** and at least this share of them in a customer's message (an outage is "internet down" to customers, "the outage" to agents). */
const CUSTOMER_MENTION_SHARE = 0.1

/** A question over a longer span computes and matches only its latest weeks. */
export const MAX_THEME_WEEKS = 53
const DAY_MS = 86_400_000

/**
 * Filters the store reads: the plan's, plus the theme's weekly snapshots to take members from and its
 * words as a full-text query (`themeMentions`), which bound how far the members are from the subject.
 */
export type ResolvedFilters = AskFilters & Pick<AskMessageFilters, 'themeSnapshots'> & { themeMentions?: string }

export interface ThemeResolution {
  plan: AskPlan
  filters: ResolvedFilters
}

/** Lowercase, without a plural ending: "dropouts" and "dropout", "themes" and "theme" meet. */
const norm = (w: string) => (w.length > 4 ? w.replace(/(?:es|s)$/u, '') : w)

/**
 * Words that say which one or how it is, never what about: "the new app update" matched 17 weekly themes
 * through "new" (the new remote, a new address) and counted 418 messages about remotes and home moves.
 */
const QUALIFIERS = new Set([
  'new', 'newest', 'old', 'latest', 'recent', 'last', 'first', 'next', 'current', 'big', 'small', 'good', 'bad', 'great',
  'nouveau', 'nouvelle', 'dernier', 'dernière', 'neue', 'neuen', 'neuer', 'neues', 'letzte', 'letzten', 'nuevo', 'nueva', 'último', 'última',
  'novo', 'nova', 'nuovo', 'nuova', 'ultimo', 'ultima',
])

/** The content words of a phrase, lowercased (matching compares them without plural endings). */
export function themeWords(text: string): string[] {
  const stop = stopwordsFor('*')
  return [...new Set(words(text).flatMap((w) => w.split(/['’]/u)).filter((w) => w.length >= 3 && !stop.has(w) && !QUALIFIERS.has(w)))]
}

type MatchableSnapshot = Pick<SnapshotForMatch, 'label' | 'keyphrases' | 'members' | 'mentions'> & { shownLabel?: string }

/**
 * The words that name a snapshot, without plural endings: `strongly`, those of its labels and of its
 * first key phrase; `also`, the first word of each of its other leading key phrases.
 */
function namingWords(s: MatchableSnapshot): { strongly: Set<string>; also: Set<string> } {
  // A key phrase names the theme when it starts with the word ("wifi upstairs"), not when the word
  // qualifies something else ("pause wifi" is an app feature request).
  const [first, ...rest] = s.keyphrases.slice(0, NAMING_KEYPHRASES).map((k) => themeWords(k).slice(0, 1))
  return {
    strongly: new Set([s.shownLabel ?? '', s.label].flatMap(themeWords).concat(first ?? []).map(norm)),
    also: new Set(rest.flat().map(norm)),
  }
}

/**
 * Whether most of a snapshot's members' conversations mention the word, customers included: an agent's
 * stock sentence alone ("please return the router" when someone cancels, "your price stays the same"
 * when they move) made "router reboots" count cancellations and "price rise" count home moves.
 */
function mostlyMention(s: MatchableSnapshot, word: string): boolean {
  const m = s.mentions[word]
  return !!m && s.members >= 2 && m.anyone / s.members >= MENTION_SHARE && m.customers / s.members >= CUSTOMER_MENTION_SHARE
}

/**
 * Pure: the snapshots the words name, by label and key phrases or by what their members say. When
 * several words each name some theme, they name one subject together ("app update"): a theme named by
 * one of them only through a later key phrase or its members' words counts only when its conversations
 * mention the others too. "The app update" counted the voice-remote themes, whose customers ask for
 * "any update" (their fourth key phrase).
 */
export function matchSnapshots<T extends MatchableSnapshot>(query: string[], snapshots: T[]): T[] {
  const wanted = [...new Set(query)]
  if (wanted.length === 0) return []
  const named = new Map(snapshots.map((s) => [s, namingWords(s)]))
  // A word names a theme by any of the names of its thing: "WLAN" names the theme labelled "Wifi".
  const names = new Map(wanted.map((w) => [w, namesOf(w).map(norm)]))
  const strongly = (s: T, w: string) => names.get(w)!.some((n) => named.get(s)!.strongly.has(n))
  const about = (s: T, w: string) => strongly(s, w) || names.get(w)!.some((n) => named.get(s)!.also.has(n)) || (!namesSupport(w) && mostlyMention(s, w))
  const naming = wanted.filter((w) => snapshots.some((s) => about(s, w)))
  return snapshots.filter((s) => {
    const its = naming.filter((w) => about(s, w))
    if (its.length === 0) return false
    if (naming.length < 2 || its.some((w) => strongly(s, w))) return true
    return naming.every((w) => its.includes(w) || (s.mentions[w]?.anyone ?? 0) > 0)
  })
}

/** Whether the intent the weekly run counted most among a snapshot's messages is `intent`. */
function mostlyOf(snapshot: Pick<SnapshotForMatch, 'intents'>, intent: string): boolean {
  const top = [...snapshot.intents].sort((a, b) => b.count - a.count)[0]
  return top?.name === intent
}

/** ISO weeks that overlap [from, to), latest MAX_THEME_WEEKS. */
export function weeksOverlapping(from: number, to: number): string[] {
  const weeks: string[] = []
  for (let t = weekRange(isoWeekOf(new Date(from))).from.getTime(); t < to; t += 7 * DAY_MS) weeks.push(isoWeekOf(new Date(t)))
  return weeks.slice(-MAX_THEME_WEEKS)
}

/**
 * Topic words the figures do not narrow by because an intent already names the subject ("billing and
 * the router" is read as billing): the plan says so rather than let them look applied.
 */
export function unusedTopicWords(plan: AskPlan, explained: ReadonlySet<string>): string[] {
  if (!plan.filters.intent || plan.filters.theme || plan.kind === 'rank' || plan.kind === 'awaiting' || plan.kind === 'response_time') return []
  const explainedKeys = new Set([...explained].map(norm))
  return themeWords(plan.topic ?? '').filter((w) => !explainedKeys.has(norm(w)))
}

/**
 * The words that name a theme, if any: what the reader or the planner put in `filters.theme`, else the
 * topic words an intent, a channel or a cue did not already explain.
 */
export function themeQuery(plan: AskPlan, explained: ReadonlySet<string>, narrower: ReadonlyMap<string, readonly string[]> = new Map()): string[] {
  if (plan.kind === 'rank' || plan.kind === 'awaiting' || plan.kind === 'response_time') return []
  if (plan.filters.theme) return themeWords(plan.filters.theme)
  if (plan.literal) return []
  // An intent already names the subject: its estimate covers every message of it, while a theme's
  // members are only what clustering caught, so intersecting the two would lose most of the subject.
  // Unless the question's word names only a part of the intent ("the outage" within connectivity):
  // then the theme that word names is the subject, and the intent's estimate is taken within it.
  if (plan.filters.intent) return [...new Set(themeWords(plan.topic ?? '').flatMap((w) => (narrower.has(w) ? [w, ...narrower.get(w)!] : [])))]
  const explainedKeys = new Set([...explained].map(norm))
  return themeWords(plan.topic ?? '').filter((w) => !explainedKeys.has(norm(w)))
}

/**
 * The ISO weeks a plan covers (its range and the compared one) that hold data up to `now`, with their
 * themes computed first when `deps.themes` is given: what a theme filter or "which themes grew" reads.
 */
export async function ensureWeeksOf(deps: ResolveThemeDeps, workspaceId: string, plan: Pick<AskPlan, 'timeRange' | 'previousRange'>, now: Date): Promise<string[]> {
  const extent = await dataExtent(deps.db, workspaceId, now.toISOString())
  const weeks = new Set<string>()
  if (extent) {
    for (const r of [plan.timeRange, ...(plan.previousRange ? [plan.previousRange] : [])]) {
      const from = Math.max(Date.parse(r.from), Date.parse(extent.first))
      const to = Math.min(Date.parse(r.to), Date.parse(extent.last) + 1)
      if (from < to) for (const w of weeksOverlapping(from, to)) weeks.add(w)
    }
  }
  const list = [...weeks].sort()
  if (deps.themes && list.length > 0) await deps.themes.ensureMembers(workspaceId, list, now)
  return list
}

export interface ResolveThemeDeps {
  db: Queryable
  themes?: ThemeWeeks
}

/**
 * Resolves the theme a plan names into weekly snapshots (computing missing weeks first). Matched: the
 * plan's filters say the theme (the words), `themeMatched` the labels, and the returned filters carry
 * the snapshots. Not matched: a theme the planner or reader named is searched by its words instead.
 */
export async function resolveTheme(
  deps: ResolveThemeDeps, workspaceId: string, plan: AskPlan, query: string[], now: Date, opts: { withinIntent?: string } = {},
): Promise<ThemeResolution> {
  const named = plan.filters.theme
  if (query.length === 0) return { plan, filters: plan.filters }
  const weekList = await ensureWeeksOf(deps, workspaceId, plan, now)
  const themeRows = new Map((await themesRepo(deps.db).themes(workspaceId)).map((t) => [t.id, t]))
  // A person's label for the theme (or the theme they merged it into) names it too; a generated label
  // of another week's theme does not, since which theme a week's cluster joins depends on the order
  // weeks were computed in, and the answer must not.
  const shownLabel = (themeId: string, generated: string) => themeRows.get(rootOf(themeRows, themeId))?.manualLabel ?? generated
  const mentioning = query.map(anyNameQuery).join(' or ')
  const snapshots = (await snapshotsForMatch(deps.db, workspaceId, weekList, query.map((word) => ({ word, query: anyNameQuery(word) }))))
    .map((s) => ({ ...s, shownLabel: shownLabel(s.themeId, s.label) }))
  const matched = matchSnapshots(query, snapshots).filter((s) => s.members > 0 && (!opts.withinIntent || mostlyOf(s, opts.withinIntent)))
  if (matched.length === 0) {
    if (!named) return { plan, filters: plan.filters }
    // A theme named but found in no week: its words are searched instead, and the plan says no theme matched.
    const filters: AskFilters = { ...plan.filters, theme: undefined, mentions: mentioning }
    const { themeMatched: _t, ...rest } = plan
    return { plan: { ...rest, filters }, filters }
  }
  // The labels, largest first (a person's rename or merge shows as the theme's label).
  const byLabel = new Map<string, number>()
  for (const s of matched) byLabel.set(s.shownLabel, (byLabel.get(s.shownLabel) ?? 0) + s.members)
  const labels = [...byLabel].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l)
  const themeMatched = labels.length <= 4 ? labels.join(' | ') : `${labels.slice(0, 4).join(' | ')} | +${labels.length - 4} more`
  // Shown by the question's own words: "duplicate", not the theme names it was looked up by ("duplicate twice double").
  const asked = new Set(themeWords(plan.topic ?? ''))
  const ownWords = query.filter((w) => asked.has(w))
  const theme = named ?? (ownWords.length ? ownWords : query).join(' ')
  // The theme's members replace the topic words the planner would otherwise have searched for.
  const publicFilters: AskFilters = { ...plan.filters, theme, mentions: undefined }
  const resolved: ResolvedFilters = {
    ...publicFilters,
    themeSnapshots: matched.map((s) => ({ themeId: s.themeId, week: s.week })),
    ...(mentioning ? { themeMentions: mentioning } : {}),
  }
  const weeksMatched = [...new Set(matched.map((s) => s.week))].sort()
  return {
    plan: {
      ...plan,
      filters: publicFilters,
      themeMatched,
      understood: true,
      understoodAs: `${describePlan({ ...plan, filters: publicFilters }, plan)}${plan.edited ? ' (edited)' : ''} → ${matched.length} weekly theme${matched.length === 1 ? '' : 's'} in ${weeksMatched[0]}${weeksMatched.length > 1 ? `–${weeksMatched.at(-1)}` : ''} (${labels.slice(0, 6).join(' | ')})`,
    },
    filters: resolved,
  }
}

/**
 * A comparison that names an event but no dates ("Did the outage cause a spike?") compared all time with
 * nothing and counted the theme's messages. It compares the weeks of the weekly theme the event's words
 * matched with as many weeks before, over the messages the question names otherwise (intent, channel,
 * feeling), not the theme's own: the weeks before it cannot hold them.
 */
export function eventWeeks(resolution: ThemeResolution): ThemeResolution {
  const { plan, filters } = resolution
  const snapshots = filters.themeSnapshots ?? []
  if (plan.kind !== 'compare' || plan.previousRange || plan.timeRange.from !== ALL_TIME_FROM || !plan.filters.theme || snapshots.length === 0) return resolution
  const weeks = [...new Set(snapshots.map((s) => s.week))].sort()
  const timeRange = makeRange(weekRange(weeks[0]!).from, weekRange(weeks.at(-1)!).to, weeks.length === 1 ? weeks[0] : `${weeks[0]}–${weeks.at(-1)}`)
  const { theme: _theme, mentions: _mentions, ...rest } = plan.filters
  const { themeMatched, ...unmatched } = plan
  const compared: AskPlan = { ...unmatched, timeRange, previousRange: previousOf(timeRange), filters: rest, eventTheme: themeMatched?.split(' | ')[0] ?? plan.filters.theme }
  return { plan: { ...compared, understoodAs: `${describePlan(compared, plan)} → the weeks of the weekly theme "${compared.eventTheme}"` }, filters: rest }
}

/**
 * "Which theme has the most complaints": the themes of the plan's weeks (computed first when missing),
 * each with its weekly snapshots. A weekly snapshot belongs to its theme as merged by people (rootOf),
 * and the theme is shown by a person's label when it has one.
 */
export async function themeGroupsOf(deps: ResolveThemeDeps, workspaceId: string, plan: Pick<AskPlan, 'timeRange'>, now: Date): Promise<ThemeGroup[]> {
  const weekList = await ensureWeeksOf(deps, workspaceId, plan, now)
  if (weekList.length === 0) return []
  const themeRows = new Map((await themesRepo(deps.db).themes(workspaceId)).map((t) => [t.id, t]))
  const groups = new Map<string, ThemeGroup>()
  for (const s of await snapshotsForMatch(deps.db, workspaceId, weekList, [])) {
    if (s.members === 0) continue
    const root = rootOf(themeRows, s.themeId)
    const label = themeRows.get(root)?.manualLabel ?? themeRows.get(root)?.label ?? s.label
    const group = groups.get(root) ?? { label, snapshots: [] }
    group.snapshots.push({ themeId: s.themeId, week: s.week })
    groups.set(root, group)
  }
  return [...groups.values()]
}
