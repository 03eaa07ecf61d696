// Ask for leaders: a question, the answer with its figures, a chart for series, citations that open
// their conversation, and how the question was read.
import { api, type AskResult, type PlanOverrides } from './api.ts'
import type { TimeRange } from '../src/chains/ask/types.ts'
import { askWordsIn, type AskWords } from './ask-words.ts'
import { h, labelName, replace, svg, view } from './dom.ts'

export async function renderAsk(): Promise<void> {
  const input = h('input', { id: 'question', type: 'text', maxlength: 1000, required: true, autocomplete: 'off' })
  const button = h('button', { type: 'submit', class: 'primary' }, 'Ask')
  const examples = h('ul', { class: 'examples', 'aria-label': 'Examples' })
  const answer = h('section', { class: 'answer', 'aria-label': 'Answer', 'aria-live': 'polite' })
  const form = h('form', { class: 'ask-form' }, h('label', { for: 'question' }, 'Question'), input, button)
  replace(view(), form, examples, answer)
  let intents: string[] = []
  const run = async (question: string, overrides?: PlanOverrides) => {
    input.value = question
    button.disabled = true
    replace(answer, h('p', { class: 'muted' }, 'Working it out…'))
    try {
      renderAnswer(answer, question, await api.ask(question, overrides), run, intents)
    } catch (err) {
      replace(answer, h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)))
    } finally {
      button.disabled = false
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void run(input.value)
  })
  // Examples use the workspace's own words: its intents and its latest themes.
  const [tax, weeks] = await Promise.all([api.taxonomy().catch(() => ({ intents: [] })), api.weeks().catch(() => ({ weeks: [] }))])
  intents = tax.intents.map((i) => i.name)
  const intent = tax.intents[0] && labelName(tax.intents[0].name)
  const qs = [
    'How many negative messages were there last month?',
    intent ? `How did ${intent} messages change week by week over the last 8 weeks?` : 'How did volume change week by week over the last 8 weeks?',
    'Why are customers unhappy this week?',
  ]
  if (weeks.weeks[0]) qs.push(`What were the main complaints in ${weeks.weeks[0].week}?`)
  replace(examples, qs.map((q) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => { input.value = q; void run(q) } }, q))))
}

function seriesChart(w: AskWords, points: Array<{ label: string; value: number | null }>, unit: string): SVGElement {
  const W = 480, H = 120, TOP = 12
  const max = Math.max(1, ...points.map((p) => p.value ?? 0))
  const bw = W / Math.max(1, points.length)
  const shown = (v: number | null) => (v === null ? w.noMessages : unit === 'percent' ? w.pct(Math.round(v)) : w.num(v))
  return svg('svg', { viewBox: `0 0 ${W} ${H + TOP + 16}`, width: W, height: H + TOP + 16, role: 'img', 'aria-label': points.map((p) => `${p.label}: ${shown(p.value)}`).join(', ') },
    ...points.flatMap((p, i) => {
      const bh = p.value ? Math.max(1, (p.value / max) * (H - 4)) : 0
      const x = i * bw + bw / 2
      return [
        svg('rect', { x: i * bw + 2, y: TOP + H - bh, width: bw - 4, height: bh, class: 'bar' }, svg('title', {}, `${p.label}: ${shown(p.value)}`)),
        svg('text', { x, y: TOP + H - bh - 3, 'text-anchor': 'middle', class: 'value' }, p.value === null ? '–' : shown(p.value)),
        svg('text', { x, y: TOP + H + 12, 'text-anchor': 'middle', class: 'axis' }, p.label.replace(/^\d{4}-/, '')),
      ]
    }))
}

/** Monday 00:00 UTC of an ISO week label ("2026-W38"). */
function weekStart(label: string): number | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(label)
  if (!m) return undefined
  const jan4 = Date.UTC(Number(m[1]), 0, 4)
  const week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000
  return week1 + (Number(m[2]) - 1) * 7 * 86_400_000
}

function weekLabel(monday: number): string {
  const thursday = new Date(monday + 3 * 86_400_000)
  const year = thursday.getUTCFullYear()
  const n = 1 + Math.round((monday - (weekStart(`${year}-W01`) ?? monday)) / (7 * 86_400_000))
  return `${year}-W${String(n).padStart(2, '0')}`
}

/** Weeks without messages are missing from a series: put them back (a count of 0, a share of nothing) so the chart's spacing tells the truth. */
function everyWeek(w: AskWords, rows: Figure[]): Array<{ label: string; value: number | null }> {
  const byWeek = new Map(rows.map((f) => [f.group?.week ?? f.label, f.value]))
  // A week the question's range only cuts into is marked: its bar counts a few days, not a week.
  const partial = new Set(rows.filter((f) => f.group?.partial === 'true').map((f) => f.group!.week))
  const named = (label: string) => (partial.has(label) ? `${label} (${w.part})` : label)
  const starts = [...byWeek.keys()].map(weekStart)
  if (starts.some((s) => s === undefined) || starts.length < 2) return [...byWeek].map(([label, value]) => ({ label: named(label), value }))
  const first = Math.min(...(starts as number[])), last = Math.max(...(starts as number[]))
  const out: Array<{ label: string; value: number | null }> = []
  for (let t = first; t <= last && out.length < 200; t += 7 * 86_400_000) {
    const label = weekLabel(t)
    out.push({ label: named(label), value: byWeek.get(label) ?? (rows[0].unit === 'percent' ? null : 0) })
  }
  return out
}

type Figure = AskResult['figures'][number]

/** Counted figures read as they are; estimated ones (they depend on labels or on clustering) carry their interval, whose method says what it bounds. */
function figureValue(w: AskWords, f: Figure): string {
  const show = (v: number) => (f.unit === 'percent' ? w.pct(v) : w.num(v))
  // A change can be negative: "−68% to 238%" reads, "−68%–238%" does not.
  const between = f.estimate && f.estimate.low < 0 ? ` ${w.to} ` : '–'
  if (f.estimate) return `≈ ${show(f.estimate.value)} (${show(f.estimate.low)}${between}${show(f.estimate.high)}, ${w.estimated})`
  return f.exact ? `${show(f.value)} (${w.counted})` : show(f.value)
}
/** A trend can carry several series (the topic, and all messages for comparison): one chart each. */
function seriesByName(series: Figure[]): Array<[string, Figure[]]> {
  const groups = new Map<string, Figure[]>()
  for (const f of series) {
    const name = f.label.replace(f.group?.week ?? '', '').trim()
    groups.set(name, [...(groups.get(name) ?? []), f])
  }
  return [...groups]
}

const CHANNELS = ['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat']
const SENTIMENTS = ['negative', 'neutral', 'positive'] as const
const DAY_MS = 86_400_000

type Rerun = (question: string, overrides?: PlanOverrides) => Promise<void>

/**
 * "How I read your question" as controls: the period (first and last day) and each filter, filled with
 * what the planner read. Re-running sends them as overrides, so the answer is recomputed for exactly
 * this reading rather than for a re-worded question.
 */
function readingForm(w: AskWords, question: string, plan: AskResult['plan'], rerun: Rerun, intents: string[]): HTMLFormElement {
  const f = plan.filters
  const field = (id: string, label: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), control)
  const dateInput = (id: string, value: string) => h('input', { id, type: 'date', value, required: true })
  const select = (id: string, options: readonly string[], value: string | undefined) =>
    h('select', { id }, h('option', { value: '' }, w.any), [...new Set([...options, ...(value ? [value] : [])])].map((o) => h('option', { value: o, selected: o === value }, labelName(o))))
  const text = (id: string, value: string | undefined) => h('input', { id, type: 'text', value: value ?? '', maxlength: 120, autocomplete: 'off' })
  const allTime = plan.timeRange.label === 'all time'
  const from = dateInput('plan-from', allTime ? '' : plan.timeRange.from.slice(0, 10))
  from.required = false
  const to = dateInput('plan-to', day(plan.timeRange.to))
  const channel = select('plan-channel', CHANNELS, f.channel)
  const language = text('plan-language', f.language)
  const sentiment = select('plan-sentiment', SENTIMENTS, f.sentiment)
  const intent = select('plan-intent', intents, f.intent)
  const theme = text('plan-theme', f.theme)
  const mentions = text('plan-mentions', f.mentions)
  const form = h('form', { class: 'reading', 'aria-label': 'Edit the reading' },
    field('plan-from', w.fields.from, from), field('plan-to', w.fields.to, to), field('plan-channel', w.fields.channel, channel), field('plan-language', w.fields.language, language),
    field('plan-sentiment', w.fields.sentiment, sentiment), field('plan-intent', w.fields.intent, intent), field('plan-theme', w.fields.theme, theme), field('plan-mentions', w.fields.mentions, mentions),
    h('button', { type: 'submit' }, w.rerun))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const value = (el: HTMLInputElement | HTMLSelectElement) => el.value.trim() || undefined
    // The last day shown is inclusive; the API's range is half-open, so it ends the day after.
    const start = from.value ? `${from.value}T00:00:00.000Z` : '1970-01-01T00:00:00.000Z'
    const end = new Date(Date.parse(`${to.value}T00:00:00.000Z`) + DAY_MS).toISOString()
    void rerun(question, {
      timeRange: { from: start, to: end },
      filters: {
        channel: value(channel), language: value(language), sentiment: value(sentiment) as (typeof SENTIMENTS)[number] | undefined,
        intent: value(intent), theme: value(theme), mentions: value(mentions), ...(f.segment ? { segment: f.segment } : {}),
      },
    })
  })
  return form
}

/** "by channel", "by channel, each one's own share" (a ranking of rates), "by intent, fewest first"; "none" without rows. */
function groupingOf(w: AskWords, res: AskResult): string {
  const row = res.figures.find((f) => f.kind === 'breakdown')
  if (!row) return w.none
  const rate = row.unit === 'percent' ? w.ownShare : ''
  // The first key names the grouping; a weekday's or an hour's row also says how many days it occurs.
  const by = Object.keys(row.group ?? {})[0]
  const slot = by === 'weekday' || by === 'hour' ? w.perDaySlot : ''
  return `${w.by(by ? (w.dimensions[by] ?? by) : 'group')}${rate}${slot}${res.plan.ascending ? w.fewestFirst : ''}`
}

function renderAnswer(region: HTMLElement, question: string, res: AskResult, rerun: Rerun, intents: string[]): void {
  const series = res.figures.filter((f) => f.kind === 'series')
  const plan = res.plan
  const filters = Object.entries(plan.filters).filter(([k, v]) => k !== 'customerRole' && v !== undefined)
  const w = askWordsIn(res.language)
  const field = (key: string) => (w.fields as Record<string, string>)[key] ?? key
  region.replaceChildren()
  region.append(
    h('h2', {}, w.answer),
    h('p', { class: 'answer-text', dir: 'auto' }, res.answer),
    res.degraded ? h('p', { class: 'muted' }, `${w.withoutLlm} ${res.degradedReason ?? ''}`) : '',
    ...seriesByName(series).slice(0, 2).map(([name, rows]) =>
      h('figure', { class: 'series' }, seriesChart(w, everyWeek(w, rows), rows[0].unit), h('figcaption', {}, name))),
    h('table', { class: 'figures-table' }, h('caption', {}, w.figures),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, w.figure), h('th', { scope: 'col' }, w.value), h('th', { scope: 'col' }, w.period))),
      h('tbody', {}, res.figures.filter((f) => f.kind !== 'series').map((f) => h('tr', {},
        h('td', {}, f.label), h('td', {}, figureValue(w, f)),
        h('td', {}, dates(f.from, f.to)))))),
    h('details', { class: 'plan', open: true }, h('summary', {}, w.reading),
      h('dl', {},
        h('dt', {}, w.kind), h('dd', {}, w.kinds[plan.kind] ?? plan.kind),
        h('dt', {}, w.timeRange), h('dd', {}, period(plan.timeRange, res.language)),
        plan.previousRange ? [h('dt', {}, w.comparedWith), h('dd', {}, period(plan.previousRange, res.language))] : null,
        h('dt', {}, w.filters), h('dd', {}, filters.length ? filters.map(([k, v]) => `${field(k)}: ${typeof v === 'object' ? Object.entries(v as Record<string, string>).map(([a, b]) => `${a}=${b}`).join(', ') : String(v)}`).join(' · ') : w.noFilters),
        plan.themeMatched ? [h('dt', {}, w.themeMatched), h('dd', {}, plan.themeMatched)] : null,
        h('dt', {}, w.grouping), h('dd', {}, series.length ? w.byWeek : groupingOf(w, res)),
        h('dt', {}, w.topic), h('dd', {}, plan.topic ?? '—'),
        h('dt', {}, w.planner), h('dd', {}, `${plan.planner === 'llm' ? w.llm : w.localRules}${plan.edited ? w.editedByYou : ''}`)),
      readingForm(w, question, plan, rerun, intents)),
    // A measure or a care-team figure quotes no message: no empty "Citations" heading under it.
    ...(res.citations.length === 0 ? [] : [
      h('h3', {}, w.citations),
      h('ol', { class: 'citations' }, res.citations.map((c) => h('li', { value: c.n },
        h('a', { href: `/conversations/${c.conversationId}` }, h('q', { dir: 'auto' }, c.text)),
        h('span', { class: 'muted' }, ` ${c.channel} · ${c.sentAt.slice(0, 10)}${c.sentiment ? ` · ${w.sentiments[c.sentiment] ?? c.sentiment}` : ''}`)))),
    ]),
  )
}

/** The plan's ranges are half-open [from, to): the last day shown is the one before `to`. */
function day(toExclusive: string): string {
  return new Date(Date.parse(toExclusive) - 1).toISOString().slice(0, 10)
}

/**
 * "last month (2026-10-01 – 2026-10-31)": the words the planner matched, then the exact days. The words
 * are English: under an answer in another language only the days are shown.
 */
/** "2026-10-01 – 2026-10-31"; all time starts at the epoch, which is no day anyone asked about: "… – 2026-12-07". */
function dates(from: string, toExclusive: string): string {
  return `${from.startsWith('1970-01-01') ? '…' : from.slice(0, 10)} – ${day(toExclusive)}`
}

function period(range: TimeRange, language = 'en'): string {
  const days = dates(range.from, range.to)
  const words = range.label.replace(/\s*\([^)]*\)\s*$/, '')
  return /\d/.test(words) || language !== 'en' ? days : `${words} (${days})`
}
