// A person's renames and merges of themes, and how the weekly run and the report honour them: a
// merged theme stands for the theme it was merged into (its root), a rename outlives every re-run.
import type { Queryable } from '../../store/db.ts'
import { themesRepo, type ThemeRow } from '../../store/themes.ts'

export type MergeResult = 'ok' | 'not_found' | 'cycle'

/** Follows merged_into to the theme that stands for it now (cycles cannot form, see mergeTheme). */
export function rootOf(themes: Map<string, ThemeRow>, id: string): string {
  let current = id
  for (let hops = 0; hops < 50; hops++) {
    const next = themes.get(current)?.mergedInto
    if (!next) return current
    current = next
  }
  return current
}

/**
 * The theme each of this week's clusters is stored under, given the theme each one matched (or null).
 * A merged theme's matches go to the theme it was merged into. When that one has its own cluster this
 * week, the snapshot stays on the matched theme and the report folds both. Direct matches choose
 * first, so a merge never pushes the target's own cluster out. null: a new theme.
 */
export function assignMatches(matched: Array<string | null>, themes: Map<string, ThemeRow>): Array<string | null> {
  const assigned: Array<string | null> = matched.map(() => null)
  const used = new Set<string>()
  for (const direct of [true, false]) {
    matched.forEach((match, i) => {
      if (!match || (rootOf(themes, match) === match) !== direct) return
      const root = rootOf(themes, match)
      const id = !used.has(root) ? root : !used.has(match) ? match : null
      if (id) used.add(id)
      assigned[i] = id
    })
  }
  return assigned
}

/** A person's label for the theme; null gives the generated one back. False when there is no such theme. */
export function renameTheme(db: Queryable, workspaceId: string, id: string, label: string | null): Promise<boolean> {
  return themesRepo(db).rename(workspaceId, id, label)
}

/** Merges `id` into the theme `into` stands for now, refusing a merge that would make a cycle. */
export async function mergeTheme(db: Queryable, workspaceId: string, id: string, into: string): Promise<MergeResult> {
  const repo = themesRepo(db)
  const rows = new Map((await repo.themes(workspaceId)).map((t) => [t.id, t]))
  if (!rows.has(id) || !rows.has(into)) return 'not_found'
  const target = rootOf(rows, into)
  if (target === id) return 'cycle'
  return (await repo.merge(workspaceId, id, target)) ? 'ok' : 'not_found'
}
