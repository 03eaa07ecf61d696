// Themes for product teams: a week, its themes with figures, a volume chart per theme, quotes that
// open their conversation, and rename/merge inline.
import { api, type ThemeReport } from './api.ts'
import { h, labelName, pct, replace, svg, toast, view } from './dom.ts'
import { feelText } from '../src/chains/themes/feel.ts'

type Theme = ThemeReport['themes'][number]

function canEdit(): boolean {
  const role = document.body.dataset.role
  return role === 'admin' || role === 'analyst'
}

export async function renderThemes(): Promise<void> {
  const { weeks } = await api.weeks()
  const requested = new URLSearchParams(location.search).get('week')
  const week = requested ?? weeks[0]?.week
  if (!week) {
    replace(view(), h('p', {}, 'No conversations yet: themes appear once messages are ingested.'))
    return
  }
  const select = h('select', { id: 'week' }, weeks.map((w) => h('option', { value: w.week, selected: w.week === week }, `${w.week} (${w.messages} messages)`)))
  if (!weeks.some((w) => w.week === week)) select.prepend(h('option', { value: week, selected: true }, week))
  select.addEventListener('change', () => location.assign(`/themes?week=${encodeURIComponent(select.value)}`))
  const region = h('section', { class: 'themes', 'aria-label': 'Themes' }, h('p', { class: 'muted' }, 'Computing the week…'))
  replace(view(),
    h('div', { class: 'toolbar' },
      h('label', { for: 'week' }, 'Week'), select,
      h('a', { href: `/v1/themes?week=${encodeURIComponent(week)}&format=md`, download: `themes-${week}.md` }, 'Export Markdown'),
      h('a', { href: `/v1/themes?week=${encodeURIComponent(week)}&format=html` }, 'Export HTML'),
      h('button', { type: 'button', id: 'print' }, 'Print')),
    region)
  document.getElementById('print')!.addEventListener('click', () => window.print())
  const report = await api.themes(week)
  const summary = h('p', { class: 'week-summary' },
    `${report.totals.messages} customer messages in ${report.totals.themes} themes`,
    report.volume.usual != null ? ` (usual ${Math.round(report.volume.usual)})` : '',
    report.volume.spike ? h('strong', { class: 'spike' }, ' · unusual volume this week') : null)
  replace(region, summary, report.themes.length === 0 ? h('p', {}, 'No themes this week.') : report.themes.map((t) => themeArticle(t, report)))
}

function historyChart(t: Theme): SVGElement {
  const W = 240, H = 60, gap = 2
  const max = Math.max(1, ...t.history.map((p) => p.volume))
  const bw = (W - gap * (t.history.length - 1)) / Math.max(1, t.history.length)
  const bars = t.history.map((p, i) => {
    const bh = Math.max(1, (p.volume / max) * (H - 12))
    const rect = svg('rect', { x: i * (bw + gap), y: H - bh, width: bw, height: bh, class: i === t.history.length - 1 ? 'bar current' : 'bar' }, svg('title', {}, `${p.week}: ${p.volume}`))
    return rect
  })
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Volume over ${t.history.length} weeks: ${t.history.map((p) => p.volume).join(', ')}` }, ...bars)
}

/**
 * The numbers the trend word was computed from, so "steady" beside a doubled volume reads as what it is
 * (the share of the week did not move significantly): the mean of the weeks compared with, this week,
 * and the shares; the test behind the word on hover.
 */
function trendEvidence(t: Theme): HTMLElement | string {
  const e = t.trendEvidence
  if (t.trend === 'new' || e.baselineVolume === null) return ''
  const change = t.changePct != null ? ` (${t.changePct > 0 ? '+' : ''}${Math.round(t.changePct)}%)` : ''
  const share = e.baselineShare === null ? '' : `, share ${pct(e.baselineShare)} → ${pct(t.share)}`
  const test = e.test ? `share of the week: ${e.test.name}, p ${e.test.p < 0.001 ? '< 0.001' : `= ${e.test.p.toFixed(3)}`}` : ''
  const weeks = `${e.baselineWeeks} week${e.baselineWeeks === 1 ? '' : 's'}`
  return h('span', { class: 'trend-evidence', title: test }, `: ${Math.round(e.baselineVolume)} → ${t.volume} a week${change} vs the ${weeks} before${share}`)
}

function themeArticle(t: Theme, report: ThemeReport): HTMLElement {
  const headingId = `theme-${t.id}`
  const heading = h('h2', { id: headingId }, t.label)
  const editor = canEdit() ? themeEditor(t, heading, report) : null
  return h('article', { class: 'theme', 'aria-labelledby': headingId },
    heading,
    h('p', { class: 'figures' },
      h('span', {}, `${t.volume} messages`), ' · ', h('span', {}, `${pct(t.share)} of the week`), ' · ',
      h('span', { class: `trend trend-${t.trend}` }, t.trend), trendEvidence(t),
      t.spike ? h('strong', { class: 'spike' }, ' · spike') : null,
      t.renamed ? h('span', { class: 'muted' }, ` · generated label: ${t.generatedLabel}`) : null),
    h('p', { class: 'muted' }, t.description),
    h('div', { class: 'theme-grid' },
      historyChart(t),
      h('dl', {},
        h('dt', { title: 'Each conversation counted once, by its first message in the theme' }, 'Customers feel'), h('dd', {}, feelText(t.sentiment)),
        h('dt', {}, 'Top intents'), h('dd', {}, t.intents.slice(0, 3).map((i) => `${labelName(i.name)} (${i.count})`).join(', ') || '—'),
        h('dt', {}, 'Channels'), h('dd', {}, t.channels.slice(0, 4).map((c) => `${c.name} (${c.count})`).join(', ') || '—'))),
    h('ul', { class: 'quotes', 'aria-label': `Quotes for ${t.label}` },
      t.quotes.map((q) => h('li', {}, h('a', { href: `/conversations/${q.conversationId}` }, h('q', { dir: 'auto' }, q.text)), h('span', { class: 'muted' }, ` ${q.channel}`)))),
    editor,
  )
}

function themeEditor(t: Theme, heading: HTMLElement, report: ThemeReport): HTMLElement {
  const input = h('input', { type: 'text', 'aria-label': `New name for ${t.label}`, value: t.label, maxlength: 120 })
  const rename = h('button', { type: 'button' }, 'Rename')
  rename.addEventListener('click', async () => {
    const label = input.value.trim()
    if (!label) return
    await api.renameTheme(t.id, label)
    heading.textContent = label
    toast(`Renamed to ${label}`)
  })
  const others = report.themes.filter((o) => o.id !== t.id)
  const into = h('select', { 'aria-label': `Merge ${t.label} into` }, h('option', { value: '' }, 'Merge into…'), others.map((o) => h('option', { value: o.id }, o.label)))
  const merge = h('button', { type: 'button' }, 'Merge')
  merge.addEventListener('click', async () => {
    if (!into.value) return
    await api.mergeTheme(t.id, into.value)
    toast('Merged; reloading the week')
    location.reload()
  })
  return h('div', { class: 'theme-edit no-print' }, input, rename, others.length ? [into, merge] : null)
}
