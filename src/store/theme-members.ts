// Reads of the stored theme membership (migration 013): which weekly theme snapshots a question's
// words point at, and which themes the inbox can be filtered by. Workspace in every WHERE.
import type { Queryable } from './db.ts'

/** One weekly theme snapshot with what a question's words are matched against. */
export interface SnapshotForMatch {
  themeId: string
  week: string
  /** The label generated for this week's snapshot. */
  label: string
  keyphrases: string[]
  members: number
  /** Members whose conversation mentions one of the query words (full-text, 'simple' config): an agent's reply often names the topic a customer described in their own words. */
  mentioning: number
}

/**
 * The snapshots of the weeks with their member counts and how many members mention the query words
 * (websearch syntax; null counts none).
 */
export async function snapshotsForMatch(db: Queryable, workspaceId: string, weeks: string[], query: string | null): Promise<SnapshotForMatch[]> {
  if (weeks.length === 0) return []
  const { rows } = await db.query<SnapshotForMatch>(
    `SELECT s.theme_id AS "themeId", s.week, s.label, s.keyphrases,
            count(tm.message_id)::int AS members,
            count(tm.message_id) FILTER (WHERE $3::text IS NOT NULL AND EXISTS (
              SELECT 1 FROM messages m WHERE m.workspace_id = $1 AND m.conversation_id = tm.conversation_id
                AND m.tsv @@ websearch_to_tsquery('simple', $3::text)))::int AS mentioning
     FROM theme_snapshots s
     LEFT JOIN theme_members tm ON tm.workspace_id = $1 AND tm.theme_id = s.theme_id AND tm.week = s.week
     WHERE s.workspace_id = $1 AND s.week = ANY($2::text[])
     GROUP BY s.theme_id, s.week, s.label, s.keyphrases
     ORDER BY s.week, s.theme_id`,
    [workspaceId, weeks, query],
  )
  return rows
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
