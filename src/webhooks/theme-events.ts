// themes.week_ready and theme.spike: emitted after a weekly theme run, by wrapping the themes job
// handler, so the theme service itself knows nothing about webhooks.
import { THEMES_JOB } from '../chains/themes/schedule.ts'
import type { ThemeService } from '../chains/themes/service.ts'
import type { JobHandler } from '../pipeline/worker.ts'
import type { Db } from '../store/db.ts'
import { emitWebhookEvent, hasSubscribers } from './events.ts'

export function withThemeWebhooks(handlers: Record<string, JobHandler>, db: Db, themes: ThemeService): Record<string, JobHandler> {
  const run = handlers[THEMES_JOB]
  if (!run) return handlers
  return {
    ...handlers,
    [THEMES_JOB]: async (jobs) => {
      await run(jobs)
      for (const job of jobs) {
        const week = job.payload.week
        if (!job.workspaceId || typeof week !== 'string') continue
        const ws = job.workspaceId
        if (!(await hasSubscribers(db, ws, 'themes.week_ready')) && !(await hasSubscribers(db, ws, 'theme.spike'))) continue
        const report = await themes.report(ws, week)
        if (report.totals.messages === 0) continue
        await emitWebhookEvent(db, ws, 'themes.week_ready', { week, from: report.from, to: report.to, totals: report.totals, volume: report.volume, highlights: report.highlights })
        for (const t of report.themes.filter((theme) => theme.spike)) {
          await emitWebhookEvent(db, ws, 'theme.spike', { week, theme: { id: t.id, label: t.label, volume: t.volume } })
        }
      }
    },
  }
}
