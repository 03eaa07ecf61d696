// Reads of the stored theme membership (migration 013): which weekly theme snapshots a question's
// words point at, and which themes the inbox can be filtered by. Workspace in every WHERE.
import { FROM, whereOf, type AskMessageFilters, type AskTimeRange } from './ask.ts'
import type { Queryable } from './db.ts'

/** How many of a snapshot's members have a conversation that mentions one word. */
export interface WordMentions {
  /** In any message: an agent's reply often names the topic a customer described in their own words. */
  anyone: number
  /** In a customer's message: an agent's stock sentence ("please return the router") names no topic. */
  customers: number
}

/** One weekly theme snapshot with what a question's words are matched against. */
export interface SnapshotForMatch {
  themeId: string
  week: string
  /** The label generated for this week's snapshot. */
  label: string
  keyphrases: string[]
  /** The snapshot's messages per intent, as the weekly run counted them. */
  intents: Array<{ name: string; count: number }>
  members: number
  /** Per query word: how many members' conversations mention it. */
  mentions: Record<string, WordMentions>
}

/** A word of a question and the full-text query (websearch syntax, 'simple' config) its mentions are found by. */
export interface MentionTerm {
  word: string
  query: string
}

/** The snapshots of the weeks with their member counts and, per term, how many members' conversations mention it. */
export async function snapshotsForMatch(db: Queryable, workspaceId: string, weeks: string[], terms: MentionTerm[]): Promise<SnapshotForMatch[]> {
  if (weeks.length === 0) return []
  const { rows } = await db.query<Omit<SnapshotForMatch, 'mentions'>>(
    `SELECT s.theme_id AS "themeId", s.week, s.label, s.keyphrases, s.intents, count(tm.message_id)::int AS members
     FROM theme_snapshots s
     LEFT JOIN theme_members tm ON tm.workspace_id = $1 AND tm.theme_id = s.theme_id AND tm.week = s.week
     WHERE s.workspace_id = $1 AND s.week = ANY($2::text[])
     GROUP BY s.theme_id, s.week, s.label, s.keyphrases, s.intents
     ORDER BY s.week, s.theme_id`,
    [workspaceId, weeks],
  )
  const counts = new Map<string, Record<string, WordMentions>>()
  if (terms.length > 0) {
    // by_customer: null when no message of the conversation has the word, else whether a customer's does.
    const mentioned = await db.query<{ themeId: string; week: string; word: string; anyone: number; customers: number }>(
      `SELECT tm.theme_id AS "themeId", tm.week, w.word,
              count(*) FILTER (WHERE hit.by_customer IS NOT NULL)::int AS anyone,
              count(*) FILTER (WHERE hit.by_customer)::int AS customers
       FROM theme_members tm
       CROSS JOIN unnest($3::text[], $4::text[]) AS w(word, query)
       CROSS JOIN LATERAL (
         SELECT bool_or(m.role = 'customer') AS by_customer FROM messages m
         WHERE m.workspace_id = $1 AND m.conversation_id = tm.conversation_id AND m.tsv @@ websearch_to_tsquery('simple', w.query)
       ) hit
       WHERE tm.workspace_id = $1 AND tm.week = ANY($2::text[])
       GROUP BY tm.theme_id, tm.week, w.word`,
      [workspaceId, weeks, terms.map((t) => t.word), terms.map((t) => t.query)],
    )
    for (const r of mentioned.rows) {
      const key = `${r.themeId} ${r.week}`
      counts.set(key, { ...counts.get(key), [r.word]: { anyone: r.anyone, customers: r.customers } })
    }
  }
  const none = Object.fromEntries(terms.map((t) => [t.word, { anyone: 0, customers: 0 }]))
  return rows.map((r) => ({ ...r, mentions: { ...none, ...counts.get(`${r.themeId} ${r.week}`) } }))
}

/** Per theme with stored members: how many conversations and the latest week it has members in. */
export async function themeMemberCounts(db: Queryable, workspaceId: string): Promise<Array<{ themeId: string; conversations: number; latestWeek: string }>> {
  const { rows } = await db.query<{ themeId: string; conversations: number; latestWeek: string }>(
    `SELECT theme_id AS "themeId", count(DISTINCT conversation_id)::int AS conversations, max(week) AS "latestWeek"
     FROM theme_members WHERE workspace_id = $1 GROUP BY theme_id`,
    [workspaceId],
  )
  return rows
}

/** Customer messages (and their conversations) of a theme filter, split by what the store can check about each. */
export interface ThemeCountBounds {
  /** Members of the theme's snapshots: what the theme filter counts. */
  members: number
  /** Members whose conversation mentions the theme's words (any message, any role). */
  membersMentioning: number
  /** Members, plus messages no weekly run put in any theme, plus messages of other themes whose conversation mentions the words. */
  possible: number
  conversations: { members: number; membersMentioning: number; possible: number }
}

/**
 * How far a theme filter's count can be from the subject, as far as stored data tells: which of the
 * metadata-filtered customer messages are members of the snapshots, which of those sit in a conversation
 * that mentions the words (`query`, websearch syntax, 'simple' config), and which could belong to the
 * subject although clustering did not put them in the theme (left out of every theme, or in another
 * theme while their conversation mentions the words).
 */
export async function themeCountBounds(
  db: Queryable,
  workspaceId: string,
  filters: AskMessageFilters,
  range: AskTimeRange,
  snapshots: Array<{ themeId: string; week: string }>,
  query: string,
): Promise<ThemeCountBounds> {
  const { themeSnapshots: _snapshots, ...rest } = filters
  const { where, params } = whereOf(workspaceId, rest, range)
  params.push(snapshots.map((s) => s.themeId), snapshots.map((s) => s.week), query)
  const [ids, weeks, q] = [`$${params.length - 2}::uuid[]`, `$${params.length - 1}::text[]`, `$${params.length}::text`]
  const { rows } = await db.query<{ members: number; membersMentioning: number; possible: number; cMembers: number; cMembersMentioning: number; cPossible: number }>(
    `WITH x AS (
       SELECT m.conversation_id,
         EXISTS (SELECT 1 FROM theme_members tm WHERE tm.workspace_id = $1 AND tm.message_id = m.id
           AND (tm.theme_id, tm.week) IN (SELECT * FROM unnest(${ids}, ${weeks}))) AS member,
         EXISTS (SELECT 1 FROM theme_members tm WHERE tm.workspace_id = $1 AND tm.message_id = m.id) AS clustered,
         EXISTS (SELECT 1 FROM messages o WHERE o.workspace_id = $1 AND o.conversation_id = m.conversation_id
           AND o.tsv @@ websearch_to_tsquery('simple', ${q})) AS mentioning
       ${FROM} WHERE ${where}
     )
     SELECT count(*) FILTER (WHERE member)::int AS members,
       count(*) FILTER (WHERE member AND mentioning)::int AS "membersMentioning",
       count(*) FILTER (WHERE member OR NOT clustered OR mentioning)::int AS possible,
       count(DISTINCT conversation_id) FILTER (WHERE member)::int AS "cMembers",
       count(DISTINCT conversation_id) FILTER (WHERE member AND mentioning)::int AS "cMembersMentioning",
       count(DISTINCT conversation_id) FILTER (WHERE member OR NOT clustered OR mentioning)::int AS "cPossible"
     FROM x`,
    params,
  )
  const r = rows[0]!
  return {
    members: r.members,
    membersMentioning: r.membersMentioning,
    possible: r.possible,
    conversations: { members: r.cMembers, membersMentioning: r.cMembersMentioning, possible: r.cPossible },
  }
}
