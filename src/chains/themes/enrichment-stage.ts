// Enrichment stage 3 (see pipeline/enrichment.ts): a week whose themes were computed is computed again
// in the background once messages that arrive late outgrow it (an import of its history, a backfill),
// rather than when someone next opens its report or asks about it, which then waited seconds a week.
import { groupByWorkspace, type EnrichmentStage } from '../../pipeline/enrichment.ts'
import type { Db } from '../../store/db.ts'
import { jobsRepo } from '../../store/jobs.ts'
import { themeJobsRepo } from '../../store/theme-jobs.ts'
import { themesRepo } from '../../store/themes.ts'
import { THEMES_JOB } from './schedule.ts'
import { isoWeekOf } from './week.ts'

/**
 * The run waits this long, so an import still under way is read whole: a week's pending run takes the
 * messages that arrive meanwhile, and the run itself computes the week only if they outgrew it.
 */
export const RECOMPUTE_DELAY_SECONDS = 60

export function themeWeeksStage(db: Db): EnrichmentStage {
  return {
    name: 'theme-weeks',
    async run(messages) {
      for (const [workspaceId, group] of groupByWorkspace(messages)) {
        const weeks = [...new Set(group.filter((m) => m.role === 'customer').map((m) => isoWeekOf(new Date(m.sentAt))))]
        if (weeks.length === 0) continue
        const computed = new Set((await themesRepo(db).runs(workspaceId, weeks)).map((r) => r.week))
        for (const week of computed) {
          if (await themeJobsRepo(db).hasPendingWeekRun(workspaceId, THEMES_JOB, week)) continue
          await jobsRepo(db).enqueue(workspaceId, THEMES_JOB, { week }, undefined, RECOMPUTE_DELAY_SECONDS)
        }
      }
    },
  }
}
