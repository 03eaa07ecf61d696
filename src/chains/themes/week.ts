// ISO 8601 weeks ("2026-W44", Monday 00:00 UTC to the next Monday): the unit of theme reports.
import { AppError } from '../../errors.ts'

export const ISO_WEEK = /^(\d{4})-W(\d{2})$/
const DAY_MS = 86_400_000

/** The ISO week that contains `date` (UTC). */
export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const weekday = d.getUTCDay() || 7
  // The Thursday of this week decides its year.
  d.setUTCDate(d.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7)
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Monday 00:00 UTC of the week and of the week after it. */
export function weekRange(week: string): { from: Date; to: Date } {
  const m = ISO_WEEK.exec(week)
  if (!m) throw new AppError('VALIDATION_FAILED', `invalid ISO week ${JSON.stringify(week)}`, { issues: [{ path: 'week', message: 'expected YYYY-Www' }] })
  const year = Number(m[1])
  const n = Number(m[2])
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS
  const from = new Date(mondayOfWeek1 + (n - 1) * 7 * DAY_MS)
  if (n < 1 || isoWeekOf(from) !== week) {
    throw new AppError('VALIDATION_FAILED', `${week} does not exist`, { issues: [{ path: 'week', message: 'no such ISO week' }] })
  }
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) }
}

/** The week `n` weeks before `week` (the one just before by default). */
export function weekBefore(week: string, n = 1): string {
  return isoWeekOf(new Date(weekRange(week).from.getTime() - n * 7 * DAY_MS))
}

/** `count` weeks ending with `week`, oldest first. */
export function weeksEndingWith(week: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => weekBefore(week, count - 1 - i))
}

/** The last week that has fully ended at `now`. */
export function lastCompleteWeek(now: Date): string {
  return weekBefore(isoWeekOf(now))
}
