// Themes as filters: the themes that have stored members (migration 013), each under the theme a
// person merged it into, labelled the way the report labels it.
import type { Queryable } from '../../store/db.ts'
import { themeMemberCounts } from '../../store/theme-members.ts'
import { themesRepo } from '../../store/themes.ts'
import { rootOf } from './curation.ts'

export interface FilterableTheme {
  id: string
  label: string
  conversations: number
  latestWeek: string
}

/** Root themes with members, latest week first, then the most conversations (a conversation in two merged themes counts twice). */
export async function filterableThemes(db: Queryable, workspaceId: string): Promise<FilterableTheme[]> {
  const rows = new Map((await themesRepo(db).themes(workspaceId)).map((t) => [t.id, t]))
  const byRoot = new Map<string, FilterableTheme>()
  for (const m of await themeMemberCounts(db, workspaceId)) {
    const root = rootOf(rows, m.themeId)
    const row = rows.get(root)
    if (!row) continue
    const seen = byRoot.get(root)
    byRoot.set(root, {
      id: root,
      label: row.manualLabel ?? row.label,
      conversations: (seen?.conversations ?? 0) + m.conversations,
      latestWeek: seen && seen.latestWeek > m.latestWeek ? seen.latestWeek : m.latestWeek,
    })
  }
  return [...byRoot.values()].sort((a, b) => b.latestWeek.localeCompare(a.latestWeek) || b.conversations - a.conversations || a.label.localeCompare(b.label))
}
