// Themes, their weekly snapshots and the record of computed weeks. Plain SQL, workspace in every WHERE.
// The row shapes are the store's own; chains/themes fills and reads them with its domain types, and
// the compiler checks the two agree where they meet.
import { isDbError, parseVectorText, PG_UNIQUE_VIOLATION, toVectorLiteral, type Db, type Queryable } from './db.ts'
import { modelLiteral } from './embeddings.ts'

export interface WeekMessage {
  id: string
  conversationId: string
  channel: string
  text: string
  sentAt: string
  sentiment: string | null
  intent: string | null
  /** The message's language (as imported, else as detected); quotes of a theme told in several languages show each. */
  language: string | null
  /** The names the message's author goes by (conversation customer handle and name, message author): masked in quotes and labels. */
  people: Array<string | null>
  /** Only closes the case ("Perfect, thank you!"): says how the exchange ended, not how the customer feels about the subject. */
  closes: boolean
  vector: Float32Array
}

export interface ThemeRow {
  id: string
  label: string
  manualLabel: string | null
  mergedInto: string | null
  createdWeek: string
}

/** Sentiment counts of a snapshot's messages (jsonb). */
export interface SnapshotSentiment {
  negative: number
  neutral: number
  positive: number
  /** Absent in snapshots stored before uncertain labels were counted apart (they were in `unknown`). */
  uncertain?: number
  unknown: number
}

/** One of a snapshot's top intents or channels (jsonb). */
export interface SnapshotCount {
  name: string
  count: number
}

/** A stored exemplar message; its text is masked before it gets here. */
export interface SnapshotQuote {
  messageId: string
  conversationId: string
  channel: string
  sentAt: string
  text: string
}

export interface SnapshotInput {
  themeId: string
  week: string
  label: string
  description: string
  volume: number
  conversations: number
  share: number
  sentiment: SnapshotSentiment
  intents: SnapshotCount[]
  channels: SnapshotCount[]
  /** 'new' | 'rising' | 'steady' | 'falling', as chains/themes/track.ts classified it. */
  trend: string
  changePct: number | null
  spike: boolean
  keyphrases: string[]
  model: string
  centroid: Float32Array
  exemplars: SnapshotQuote[]
  version: string
  degraded: boolean
}

export interface SnapshotRow extends Omit<SnapshotInput, 'centroid' | 'model'> {}

export interface RunRow {
  week: string
  model: string
  messages: number
  clustered: number
  themes: number
  mode: string
  degraded: boolean
  durationMs: number
  computedAt: string
  /** False for weeks computed before theme membership was stored (migration 013): a filter recomputes them. */
  membersStored: boolean
  /** The week's customer messages with a vector that the run read; null for runs before migration 023. */
  embedded: number | null
}

/** A customer message of the week and the theme it was clustered into. */
export interface ThemeMember {
  messageId: string
  conversationId: string
  themeId: string
}

/** The columns of a week read, in the order `readWeekMessages` selects them. */
const WEEK_COLUMNS = ['int4', 'uuid', 'uuid', 'text', 'text', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'int4', 'vector'] as const

/**
 * The week's customer messages that have a current vector of `model` (never re-embedded here), in
 * sent order; `closingReasons` are the urgency reasons of a message that only closes its case. One bulk read (`Db.readBulk`) with the vectors: they are most of what a big week reads.
 */
export async function readWeekMessages(
  db: Db, workspaceId: string, model: string, from: Date, to: Date, closingReasons: ReadonlySet<string>,
): Promise<{ messages: WeekMessage[]; withoutVector: number }> {
  // The order is numbered over the narrow message rows and applied here: sorting the joined rows,
  // vectors included, spilled 340 MB to disk at 200k messages.
  const rows = await db.readBulk(
    `SELECT m.position::int, m.id, m.conversation_id, c.channel, m.text, m.sent_at, e.sentiment, e.intent, coalesce(m.language, e.language),
            c.customer_handle, c.customer_name, m.author, coalesce(e.reasons && string_to_array($4, ','), false)::int4, emb.embedding
     FROM (SELECT id, conversation_id, text, sent_at, language, author, content_hash, row_number() OVER (ORDER BY sent_at, id) AS position
           FROM messages WHERE workspace_id = $1 AND role = 'customer' AND sent_at >= $2 AND sent_at < $3) m
     JOIN conversations c ON c.id = m.conversation_id
     LEFT JOIN enrichments e ON e.message_id = m.id
     LEFT JOIN message_embeddings emb ON emb.message_id = m.id AND emb.model = ${modelLiteral(model)} AND emb.content_hash = m.content_hash`,
    [workspaceId, from.toISOString(), to.toISOString(), [...closingReasons].join(',')],
    WEEK_COLUMNS,
  )
  const inOrder: WeekRow[] = new Array(rows.length)
  for (const row of rows as WeekRow[]) inOrder[row[0] - 1] = row
  const messages: WeekMessage[] = []
  let withoutVector = 0
  for (const [, id, conversationId, channel, text, sentAt, sentiment, intent, language, handle, name, author, closes, vector] of inOrder) {
    if (!vector) {
      withoutVector++
      continue
    }
    messages.push({ id, conversationId, channel, text, sentAt, sentiment, intent, language, people: [handle, name, author], closes: closes === 1, vector })
  }
  return { messages, withoutVector }
}

type WeekRow = [number, string, string, string, string, string, string | null, string | null, string | null, string | null, string | null, string | null, number, Float32Array | null]

/**
 * The week's members in one statement, inside the caller's transaction. A message deleted since the
 * week was read is left out (no foreign key checks it: migration 017). A message re-dated into this
 * week still has its row of another week: only then, the plain insert fails and the rows go in as an
 * upsert that moves it, since checking every row for a conflict cost a 200k-message week about 1 s.
 */
async function insertMembers(db: Queryable, workspaceId: string, week: string, members: ThemeMember[]) {
  const params = [workspaceId, week, members.map((m) => m.themeId), members.map((m) => m.messageId)]
  const insert = `INSERT INTO theme_members (workspace_id, week, theme_id, message_id, conversation_id)
    SELECT $1, $2, x.theme_id, m.id, m.conversation_id
    FROM unnest($3::uuid[], $4::uuid[]) AS x(theme_id, message_id)
    JOIN messages m ON m.id = x.message_id AND m.workspace_id = $1`
  await db.query('SAVEPOINT theme_members_insert')
  try {
    await db.query(insert, params)
    await db.query('RELEASE SAVEPOINT theme_members_insert')
    return
  } catch (err) {
    if (!isDbError(err) || err.code !== PG_UNIQUE_VIOLATION) throw err
    await db.query('ROLLBACK TO SAVEPOINT theme_members_insert')
  }
  await db.query(
    `${insert}
     ON CONFLICT (workspace_id, message_id) DO UPDATE SET week = excluded.week, theme_id = excluded.theme_id, conversation_id = excluded.conversation_id`,
    params,
  )
}

export function themesRepo(db: Queryable) {
  return {
    async themes(workspaceId: string): Promise<ThemeRow[]> {
      const { rows } = await db.query<ThemeRow>(
        `SELECT id, label, manual_label AS "manualLabel", merged_into AS "mergedInto", created_week AS "createdWeek"
         FROM themes WHERE workspace_id = $1`,
        [workspaceId],
      )
      return rows
    },

    /** Per theme, its snapshot of `week` if any, else its latest one of the `lookback` weeks before. */
    async matchCandidates(workspaceId: string, model: string, week: string, earliestWeek: string) {
      const { rows } = await db.query<{ themeId: string; week: string; keyphrases: string[]; volume: number; share: number; intents: SnapshotCount[] | null; centroid: string }>(
        `SELECT DISTINCT ON (theme_id) theme_id AS "themeId", week, keyphrases, volume, share, intents, centroid::text AS centroid
         FROM theme_snapshots
         WHERE workspace_id = $1 AND model = $2 AND week <= $3 AND week >= $4
         ORDER BY theme_id, week DESC`,
        [workspaceId, model, week, earliestWeek],
      )
      return rows.map((r) => ({ ...r, intents: r.intents ?? undefined, centroid: parseVectorText(r.centroid) }))
    },

    async snapshots(workspaceId: string, weeks: string[]): Promise<SnapshotRow[]> {
      const { rows } = await db.query<SnapshotRow>(
        `SELECT theme_id AS "themeId", week, label, description, volume, conversations, share, sentiment, intents, channels,
                trend, change_pct AS "changePct", spike, keyphrases, exemplars, version, degraded
         FROM theme_snapshots WHERE workspace_id = $1 AND week = ANY($2::text[])`,
        [workspaceId, weeks],
      )
      return rows
    },

    async runs(workspaceId: string, weeks: string[]): Promise<RunRow[]> {
      const { rows } = await db.query<RunRow>(
        `SELECT week, model, messages, clustered, themes, mode, degraded, duration_ms AS "durationMs", computed_at AS "computedAt",
                members_stored AS "membersStored", embedded
         FROM theme_runs WHERE workspace_id = $1 AND week = ANY($2::text[])`,
        [workspaceId, weeks],
      )
      return rows.map((r) => ({ ...r, computedAt: new Date(r.computedAt).toISOString() }))
    },

    /** Per week (its range given), its customer messages with a vector of `model` now: what a run of it would read. */
    /**
     * Per week, its customer messages with a vector of `model`, and how many of them were labelled again
     * after `since` (the week's run: a relabelling, a person's correction).
     */
    async embeddedCounts(workspaceId: string, model: string, weeks: Array<{ week: string; from: Date; to: Date; since: string }>): Promise<Map<string, { embedded: number; relabelled: number }>> {
      const { rows } = await db.query<{ week: string; n: number; relabelled: number }>(
        `SELECT w.week, count(m.id)::int AS n, count(e.message_id) FILTER (WHERE e.updated_at > w.since)::int AS relabelled
         FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $6::timestamptz[]) AS w(week, starts, ends, since)
         LEFT JOIN messages m ON m.workspace_id = $1 AND m.role = 'customer' AND m.sent_at >= w.starts AND m.sent_at < w.ends
           AND EXISTS (SELECT 1 FROM message_embeddings emb WHERE emb.message_id = m.id AND emb.model = $5 AND emb.content_hash = m.content_hash)
         LEFT JOIN enrichments e ON e.message_id = m.id
         GROUP BY w.week`,
        [workspaceId, weeks.map((w) => w.week), weeks.map((w) => w.from.toISOString()), weeks.map((w) => w.to.toISOString()), model, weeks.map((w) => w.since)],
      )
      return new Map(rows.map((r) => [r.week, { embedded: r.n, relabelled: r.relabelled }]))
    },

    async createTheme(workspaceId: string, label: string, week: string): Promise<string> {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO themes (workspace_id, label, created_week) VALUES ($1, $2, $3) RETURNING id`,
        [workspaceId, label, week],
      )
      return rows[0].id
    },

    async setGeneratedLabel(workspaceId: string, themeId: string, label: string) {
      await db.query(`UPDATE themes SET label = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, themeId, label])
    },

    /** Replaces the week's snapshots and their members and records the run; the caller holds a transaction. */
    async replaceWeek(workspaceId: string, week: string, snapshots: SnapshotInput[], run: Omit<RunRow, 'week' | 'computedAt' | 'membersStored'>, members: ThemeMember[]) {
      await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`parley:themes:${workspaceId}:${week}`])
      await db.query(`DELETE FROM theme_members WHERE workspace_id = $1 AND week = $2`, [workspaceId, week])
      await db.query(`DELETE FROM theme_snapshots WHERE workspace_id = $1 AND week = $2`, [workspaceId, week])
      for (const s of snapshots) {
        await db.query(
          `INSERT INTO theme_snapshots (theme_id, workspace_id, week, label, description, volume, conversations, share, sentiment,
             intents, channels, trend, change_pct, spike, keyphrases, model, centroid, exemplars, version, degraded)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::vector, $18, $19, $20)`,
          [
            s.themeId, workspaceId, week, s.label, s.description, s.volume, s.conversations, s.share, JSON.stringify(s.sentiment),
            JSON.stringify(s.intents), JSON.stringify(s.channels), s.trend, s.changePct, s.spike, s.keyphrases, s.model,
            toVectorLiteral(s.centroid), JSON.stringify(s.exemplars), s.version, s.degraded,
          ],
        )
      }
      if (members.length > 0) await insertMembers(db, workspaceId, week, members)
      await db.query(
        `INSERT INTO theme_runs (workspace_id, week, model, messages, clustered, themes, mode, degraded, duration_ms, members_stored, embedded)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10)
         ON CONFLICT (workspace_id, week) DO UPDATE SET model = excluded.model, messages = excluded.messages,
           clustered = excluded.clustered, themes = excluded.themes, mode = excluded.mode, degraded = excluded.degraded,
           duration_ms = excluded.duration_ms, members_stored = true, embedded = excluded.embedded, computed_at = now()`,
        [workspaceId, week, run.model, run.messages, run.clustered, run.themes, run.mode, run.degraded, run.durationMs, run.embedded],
      )
      // A re-run can leave themes with no snapshot at all; keep only those a person touched.
      await db.query(
        `DELETE FROM themes t WHERE t.workspace_id = $1 AND t.manual_label IS NULL AND t.merged_into IS NULL
           AND NOT EXISTS (SELECT 1 FROM theme_snapshots s WHERE s.workspace_id = $1 AND s.theme_id = t.id)
           AND NOT EXISTS (SELECT 1 FROM themes o WHERE o.workspace_id = $1 AND o.merged_into = t.id)`,
        [workspaceId],
      )
    },

    async rename(workspaceId: string, themeId: string, label: string | null): Promise<boolean> {
      const res = await db.query(`UPDATE themes SET manual_label = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`, [workspaceId, themeId, label])
      return res.rowCount > 0
    },

    async merge(workspaceId: string, themeId: string, into: string): Promise<boolean> {
      const res = await db.query(
        `UPDATE themes SET merged_into = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2
           AND EXISTS (SELECT 1 FROM themes t WHERE t.workspace_id = $1 AND t.id = $3)`,
        [workspaceId, themeId, into],
      )
      return res.rowCount > 0
    },

    /**
     * Workspaces with customer messages in the range but no computed run for `week`: the scheduler's
     * one question across workspaces, each subquery tied to the workspace it asks about.
     */
    async workspacesMissingWeek(week: string, from: Date, to: Date): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT w.id FROM workspaces w
         WHERE NOT EXISTS (SELECT 1 FROM theme_runs r WHERE r.workspace_id = w.id AND r.week = $1)
           AND EXISTS (SELECT 1 FROM messages m WHERE m.workspace_id = w.id AND m.role = 'customer' AND m.sent_at >= $2 AND m.sent_at < $3)`,
        [week, from.toISOString(), to.toISOString()],
      )
      return rows.map((r) => r.id)
    },

    async hasMessagesBefore(workspaceId: string, before: Date): Promise<boolean> {
      const { rows } = await db.query(`SELECT 1 FROM messages WHERE workspace_id = $1 AND role = 'customer' AND sent_at < $2 LIMIT 1`, [workspaceId, before.toISOString()])
      return rows.length > 0
    },
  }
}
