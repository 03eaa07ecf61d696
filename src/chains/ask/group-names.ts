// A ranked group as a reader says it, in the answer and in the figures' labels.

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' })
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** "German" for "de"; the code itself when it names no language. */
export function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * "German" for the language "de", "bug outage" for the intent, "Thu 19 Nov 2026" for a day, "Monday" for
 * the weekday "1", "09:00–10:00 UTC" for the hour "09".
 */
export function groupName(dimension: string, key: string): string {
  if (dimension === 'language') return languageName(key)
  if (dimension === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(key)) {
    return new Date(`${key}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  }
  if (dimension === 'weekday' && /^[1-7]$/.test(key)) return WEEKDAYS[Number(key) - 1]!
  if (dimension === 'hour' && /^\d{2}$/.test(key)) return `${key}:00–${String((Number(key) + 1) % 24).padStart(2, '0')}:00 UTC`
  return key.replace(/_/g, ' ')
}
