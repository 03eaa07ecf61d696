// The theme service: one object that the API, the CLI, the scheduled jobs, the bench and the
// measurement scripts share. It only wires the parts together:
//   discover.ts    clusters and describes texts (pure)
//   weekly-run.ts  computes and stores a workspace-week
//   report.ts      reads the stored weeks back as a report
//   curation.ts    a person's renames and merges
//   schedule.ts    the Monday scheduler and the job handlers
import { mergeTheme, renameTheme } from './curation.ts'
import { buildThemeReport } from './report.ts'
import { createThemeScheduler, type SchedulerDeps } from './schedule.ts'
import { createWeeklyRun, type WeeklyRunDeps } from './weekly-run.ts'

export type ThemeServiceDeps = WeeklyRunDeps & SchedulerDeps

export type ThemeService = ReturnType<typeof createThemeService>

export function createThemeService(deps: ThemeServiceDeps) {
  const { db } = deps
  const { runWeek, ensureWeek, ensureMembers } = createWeeklyRun(deps)
  const { enqueueDueRuns, ensureSchedule } = createThemeScheduler(deps)
  return {
    runWeek,
    ensureWeek,
    ensureMembers,
    report: (workspaceId: string, week: string, opts: { linkBase?: string } = {}) => buildThemeReport(deps, workspaceId, week, opts),
    enqueueDueRuns,
    ensureSchedule,
    rename: (workspaceId: string, id: string, label: string | null) => renameTheme(db, workspaceId, id, label),
    merge: (workspaceId: string, id: string, into: string) => mergeTheme(db, workspaceId, id, into),
  }
}
