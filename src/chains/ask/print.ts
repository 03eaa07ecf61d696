// `parley ask` output for people: the answer, then the figures and the cited messages.
import type { AskResult } from './types.ts'

export function printAskResult(result: AskResult): string {
  const lines = [result.answer, '']
  if (result.degraded) lines.push(`(degraded: ${result.degradedReason ?? 'unknown reason'})`, '')
  const { plan } = result
  const filters = Object.entries(plan.filters).filter(([k]) => k !== 'customerRole').map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
  lines.push(`Plan: ${plan.kind}, ${plan.timeRange.label}${filters.length ? `, ${filters.join(', ')}` : ''}${plan.topic ? `, topic "${plan.topic}"` : ''} (${plan.planner})`, '')
  lines.push('Figures:')
  for (const f of result.figures) {
    const previous = f.previousValue !== undefined ? ` (previous: ${f.previousValue})` : ''
    const unit = f.unit === 'percent' ? '%' : ` ${f.unit}`
    // An estimate shows its interval, so it never reads like a count.
    const value = f.estimate ? `≈${f.value}${unit} [${f.estimate.low}${f.estimate.low < 0 ? ' to ' : '–'}${f.estimate.high}]` : `${f.value}${unit}${f.exact ? ' (exact)' : ''}`
    lines.push(`  ${value}${previous}  ${f.label}`)
  }
  if (result.citations.length) {
    lines.push('', 'Citations:')
    for (const c of result.citations) lines.push(`  [${c.n}] ${c.sentAt.slice(0, 10)} ${c.channel} ${c.sentiment ?? '-'}/${c.intent ?? '-'}: ${c.text.replace(/\s+/g, ' ')}`)
  }
  return lines.join('\n')
}
