// The weekly theme report as Markdown: an intro a product manager can forward as is, what is new or
// rising, a table of all themes, then each theme with its story, numbers and real quotes.
import { feelText } from './feel.ts'
import type { ReportTheme, ThemeReport } from './types.ts'

const SPARK = '▁▂▃▄▅▆▇█'

export function renderThemesMarkdown(report: ThemeReport): string {
  const out: string[] = []
  out.push(`# Customer themes — week ${report.week}`, '')
  out.push(`_${formatRange(report.from, report.to)} · generated ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC_`, '')
  out.push(introOf(report), '')
  if (report.themes.length === 0) return `${out.join('\n').trim()}\n`

  const emerging = report.themes.filter((t) => t.trend === 'new' || t.trend === 'rising' || t.spike)
  if (emerging.length > 0) {
    out.push(`## What's new or rising`, '')
    for (const t of emerging) out.push(`- **${escapeMd(t.label)}** — ${movement(t)}; ${negativeShare(t)} of its customers negative.`)
    out.push('')
  }
  const falling = report.themes.filter((t) => t.trend === 'falling')
  if (falling.length > 0) {
    out.push(`## Calming down`, '')
    for (const t of falling) out.push(`- **${escapeMd(t.label)}** — ${movement(t)}; ${t.volume} messages this week.`)
    out.push('')
  }

  out.push('## All themes', '')
  out.push('| # | Theme | Messages | Share | vs recent weeks | Trend | Customers negative | Last weeks |')
  out.push('|---|---|---:|---:|---:|---|---:|---|')
  report.themes.forEach((t, i) => {
    out.push(`| ${i + 1} | ${escapeMd(t.label)} | ${t.volume} | ${pct(t.share)} | ${vsRecent(t)} | ${trendWord(t)} | ${negativeShare(t)} | ${sparkline(t.history.map((h) => h.volume))} |`)
  })
  out.push('')

  report.themes.forEach((t, i) => {
    out.push(`## ${i + 1}. ${escapeMd(t.label)}`, '')
    out.push(`**${trendWord(t)}**${t.presence.everyWeek ? ` · a standing topic, there every week (${t.presence.weeks} of ${t.presence.of})` : ''} · ${t.volume} messages in ${t.conversations} conversations (${pct(t.share)} of the week) · customers feel ${feelText(t.sentiment)} (by each conversation's first message in the theme)`, '')
    out.push(escapeMd(t.description), '')
    if (t.keyphrases.length > 0) out.push(`Key phrases: ${t.keyphrases.slice(0, 8).map((k) => `\`${k.replace(/`/g, "'")}\``).join(', ')}`, '')
    const facts = [
      t.intents.length > 0 ? `main intents: ${t.intents.map((c) => `${c.name} (${c.count})`).join(', ')}` : '',
      t.channels.length > 0 ? `channels: ${t.channels.map((c) => `${c.name} (${c.count})`).join(', ')}` : '',
    ].filter(Boolean)
    if (facts.length > 0) out.push(`${capitalise(facts.join('; '))}.`, '')
    out.push(`Weekly volume: ${t.history.map((h) => `${h.week.slice(5)} ${h.volume}`).join(' · ')}`, '')
    for (const q of t.quotes) {
      out.push(`> ${escapeMd(oneLine(q.text))}`, `> — ${q.channel}, ${q.sentAt.slice(0, 10)} · [conversation](${q.url})`, '')
    }
  })
  if (report.degraded) out.push('_Some theme descriptions were written without the language model (it was unavailable) and use key phrases instead._', '')
  return `${out.join('\n').trim()}\n`
}

export function introOf(report: ThemeReport): string {
  const { totals } = report
  if (totals.messages === 0) return `No customer messages were received in ${report.week}.`
  const newCount = report.highlights.new.length
  const rising = report.highlights.rising.length
  const spikes = report.highlights.spikes.length
  const top = report.themes[0]
  const parts = [
    `Customers sent ${totals.messages} messages in ${report.week}; ${report.themes.length} themes cover ${totals.clustered} of them (${pct(totals.clustered / totals.messages)}), the rest were one-offs.`,
  ]
  if (report.volume.spike && report.volume.usual !== null) {
    parts.push(`This was an unusually busy week: ${totals.messages} messages against a usual ${Math.round(report.volume.usual)}; new themes account for ${report.volume.inNewThemes} of them.`)
  }
  if (top) parts.push(`The largest theme is “${top.label}” with ${top.volume} messages (${pct(top.share)}).`)
  const changes = [newCount ? `${newCount} new` : '', rising ? `${rising} rising` : '', spikes ? `${spikes} with an unusual spike` : ''].filter(Boolean)
  parts.push(changes.length > 0 ? `Compared with the weeks before: ${changes.join(', ')}.` : 'No theme is new or growing compared with the weeks before.')
  return parts.join(' ')
}

export function movement(t: ReportTheme): string {
  const spike = t.spike ? ', an unusual spike' : ''
  if (t.trend === 'new') return `new this week (nothing like it in the weeks before), ${t.volume} messages (${pct(t.share)} of the week)${spike}`
  // The numbers the trend was computed from, so a reader can check it: the mean of the baseline
  // weeks against this week, in messages and in share of the week, and the test behind the word.
  const e = t.trendEvidence
  const base = e.baselineVolume ?? 0
  const change = t.changePct === null ? '' : ` (${signed(Math.round(t.changePct))}%)`
  const shares = e.baselineShare === null ? '' : `, ${pct(e.baselineShare)} → ${pct(t.share)} of the week`
  const test = e.test ? `; ${e.test.name} p ${e.test.p < 0.001 ? '< 0.001' : `= ${e.test.p.toFixed(3)}`}` : ''
  return `${t.trend}: ${base} → ${t.volume} messages a week${change} vs the mean of the ${e.baselineWeeks} week${e.baselineWeeks === 1 ? '' : 's'} before${shares}${test}${spike}`
}

/** This week's volume against the mean of the weeks the trend compared with (the same numbers as the trend). */
export function vsRecent(t: ReportTheme): string {
  return t.trendEvidence.baselineVolume === null ? 'new' : signed(Math.round(t.volume - t.trendEvidence.baselineVolume))
}

export function trendWord(t: ReportTheme): string {
  return `${t.trend}${t.spike ? ' ⚠ spike' : ''}`
}

/** Shares are of the messages that have a label; uncertain ones count, so a theme the classifier cannot read never looks sure. */
function labelled(t: ReportTheme): number {
  return t.sentiment.negative + t.sentiment.neutral + t.sentiment.positive + (t.sentiment.uncertain ?? 0)
}

export function negativeShare(t: ReportTheme): string {
  const total = labelled(t)
  return total === 0 ? '–' : pct(t.sentiment.negative / total)
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n)
}

export function formatRange(from: string, to: string): string {
  const last = new Date(new Date(to).getTime() - 1)
  const fmt = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return `${fmt(new Date(from))} – ${fmt(last)}`
}

function sparkline(values: number[]): string {
  const max = Math.max(...values, 1)
  return values.map((v) => (v === 0 ? '·' : SPARK[Math.min(SPARK.length - 1, Math.floor((v / max) * (SPARK.length - 1)))])).join('')
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Customer text must not turn into links, images, headings or table cells. */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|#!])/g, '\\$1')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
