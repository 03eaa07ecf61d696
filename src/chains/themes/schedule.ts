// Scheduling of the weekly run: every Monday a workspace-less scheduler job enqueues last week's run
// for each workspace that needs one and schedules the next Monday; the run job computes one
// workspace-week. Both go through the job queue, so any process with a worker picks them up.
import type { JobHandler } from '../../pipeline/worker.ts'
import type { Db } from '../../store/db.ts'
import { jobsRepo } from '../../store/jobs.ts'
import { scheduleOnce, themeJobsRepo } from '../../store/theme-jobs.ts'
import { themesRepo } from '../../store/themes.ts'
import { isoWeekOf, lastCompleteWeek, weekRange } from './week.ts'

export const THEMES_JOB = 'themes'
export const THEMES_SCHEDULE_JOB = 'themes-schedule'
/** The weekly run starts a little after Monday 00:00 UTC, when late messages of Sunday have arrived. */
const SCHEDULE_DELAY_MS = 10 * 60_000

export interface SchedulerDeps {
  db: Db
  clock: () => Date
}

export function createThemeScheduler(deps: SchedulerDeps) {
  const { db } = deps

  /** Enqueues last week's run for every workspace that has messages then and no run yet (idempotent). */
  async function enqueueDueRuns(): Promise<number> {
    const week = lastCompleteWeek(deps.clock())
    const { from, to } = weekRange(week)
    let enqueued = 0
    for (const workspaceId of await themesRepo(db).workspacesMissingWeek(week, from, to)) {
      if (await themeJobsRepo(db).hasPendingWeekRun(workspaceId, THEMES_JOB, week)) continue
      await jobsRepo(db).enqueue(workspaceId, THEMES_JOB, { week })
      enqueued++
    }
    return enqueued
  }

  /**
   * Makes sure the scheduler job for the next Monday exists; safe to call from every process and at
   * every start. Keyed by its time, so each Monday is scheduled once whatever the clocks say.
   */
  async function ensureSchedule(): Promise<void> {
    const at = new Date(weekRange(isoWeekOf(deps.clock())).to.getTime() + SCHEDULE_DELAY_MS).toISOString()
    await scheduleOnce(db, THEMES_SCHEDULE_JOB, at)
  }

  return { enqueueDueRuns, ensureSchedule }
}

/** What the job handlers drive: the theme service answers all of it. */
export interface ScheduledThemeWork {
  ensureWeek(workspaceId: string, week: string, opts: { force?: boolean }): Promise<unknown>
  enqueueDueRuns(): Promise<number>
  ensureSchedule(): Promise<void>
}

/** 'themes' runs one workspace-week; 'themes-schedule' enqueues last week's runs and the next Monday's check. */
export function themeJobHandlers(service: ScheduledThemeWork): Record<string, JobHandler> {
  return {
    [THEMES_JOB]: async (jobs) => {
      for (const job of jobs) {
        const week = job.payload.week
        if (!job.workspaceId || typeof week !== 'string') continue
        await service.ensureWeek(job.workspaceId, week, { force: job.payload.force === true })
      }
    },
    [THEMES_SCHEDULE_JOB]: async () => {
      await service.enqueueDueRuns()
      await service.ensureSchedule()
    },
  }
}
