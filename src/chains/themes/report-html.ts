// The weekly theme report as one self-contained HTML page (inline CSS and SVG, no scripts, no web
// fonts, no external requests), so it can be mailed, archived or opened offline.
import { formatRange, introOf, movement, negativeShare, pct, signed, trendWord } from './report-md.ts'
import type { ReportTheme, ThemeReport } from './types.ts'

const CHART_WIDTH = 720
const ROW_HEIGHT = 26
const LABEL_WIDTH = 260
const COLORS = { volume: '#3867d6', up: '#eb3b5a', down: '#20bf6b', negative: '#e55353', neutral: '#b8bfc7', positive: '#3fb07f', uncertain: '#f2c94c', history: '#8aa4e8', current: '#3867d6' }

export function renderThemesHtml(report: ThemeReport): string {
  const themes = report.themes
  const body = [
    `<header><h1>Customer themes — week ${esc(report.week)}</h1><p class="meta">${esc(formatRange(report.from, report.to))} · generated ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC${report.degraded ? ' · some descriptions without the language model' : ''}</p></header>`,
    `<p class="intro">${esc(introOf(report))}</p>`,
  ]
  if (themes.length > 0) {
    const emerging = themes.filter((t) => t.trend === 'new' || t.trend === 'rising' || t.spike)
    if (emerging.length > 0) {
      body.push(`<section class="highlights"><h2>What's new or rising</h2><ul>${emerging.map((t) => `<li><a href="#t-${esc(t.id)}"><strong>${esc(t.label)}</strong></a> — ${esc(movement(t))}; ${negativeShare(t)} of its customers negative.</li>`).join('')}</ul></section>`)
    }
    body.push(
      `<section class="charts">`,
      chartSection('Messages per theme', 'chart-volume', volumeChart(themes)),
      chartSection(`Change since ${report.weeks[report.weeks.length - 2] ?? 'last week'}`, 'chart-change', changeChart(themes)),
      chartSection('How customers feel (each conversation by its first message in the theme)', 'chart-sentiment', sentimentChart(themes), legend()),
      `</section>`,
    )
    body.push(themes.map((t, i) => themeSection(t, i + 1, report.weeks)).join('\n'))
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer themes — ${esc(report.week)}</title>
<style>${CSS}</style></head>
<body><main>
${body.join('\n')}
<footer>Themes are found by grouping similar customer messages; labels, trends and quotes come from the messages themselves. Personal data in quotes is masked.</footer>
</main></body></html>
`
}

function chartSection(title: string, id: string, svg: string, extra = ''): string {
  return `<figure id="${id}"><figcaption>${esc(title)}</figcaption>${svg}${extra}</figure>`
}

function svgFrame(height: number, content: string, label: string): string {
  return `<svg role="img" aria-label="${esc(label)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">${content}</svg>`
}

function rowLabel(t: ReportTheme, y: number): string {
  return `<text x="${LABEL_WIDTH - 8}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="end" class="axis">${esc(truncate(t.label, 38))}</text>`
}

function volumeChart(themes: ReportTheme[]): string {
  const max = Math.max(...themes.map((t) => t.volume), 1)
  const span = CHART_WIDTH - LABEL_WIDTH - 50
  const rows = themes.map((t, i) => {
    const y = i * ROW_HEIGHT
    const w = Math.max(1, (t.volume / max) * span)
    return `${rowLabel(t, y)}<rect class="bar volume" x="${LABEL_WIDTH}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${COLORS.volume}"><title>${esc(t.label)}: ${t.volume} messages</title></rect><text x="${(LABEL_WIDTH + w + 6).toFixed(1)}" y="${y + ROW_HEIGHT / 2 + 4}" class="value">${t.volume}</text>`
  })
  return svgFrame(themes.length * ROW_HEIGHT, rows.join(''), 'messages per theme')
}

function changeChart(themes: ReportTheme[]): string {
  const deltas = themes.map((t) => t.volume - t.previousVolume)
  const max = Math.max(...deltas.map(Math.abs), 1)
  const centre = LABEL_WIDTH + (CHART_WIDTH - LABEL_WIDTH) / 2
  const half = (CHART_WIDTH - LABEL_WIDTH) / 2 - 40
  const rows = themes.map((t, i) => {
    const y = i * ROW_HEIGHT
    const d = deltas[i]
    // A theme that did not move still gets a hairline, so every row shows it was measured.
    const w = Math.max(1, (Math.abs(d) / max) * half)
    const x = d >= 0 ? centre : centre - w
    const textX = d >= 0 ? centre + w + 6 : centre - w - 6
    return `${rowLabel(t, y)}<rect class="bar change" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${d >= 0 ? COLORS.up : COLORS.down}"><title>${esc(t.label)}: ${t.previousVolume} → ${t.volume}</title></rect><text x="${textX.toFixed(1)}" y="${y + ROW_HEIGHT / 2 + 4}" text-anchor="${d >= 0 ? 'start' : 'end'}" class="value">${signed(d)}</text>`
  })
  const axis = `<line x1="${centre}" x2="${centre}" y1="0" y2="${themes.length * ROW_HEIGHT}" class="zero"/>`
  return svgFrame(themes.length * ROW_HEIGHT, axis + rows.join(''), 'change in messages per theme since last week')
}

/** Uncertain is a share of its own: labels the classifier could not back are shown, not spread over the others. */
const SENTIMENTS = ['negative', 'neutral', 'positive', 'uncertain'] as const

function sentimentChart(themes: ReportTheme[]): string {
  const span = CHART_WIDTH - LABEL_WIDTH - 20
  const rows = themes.map((t, i) => {
    const y = i * ROW_HEIGHT
    const count = (k: (typeof SENTIMENTS)[number]) => t.sentiment[k] ?? 0
    const total = SENTIMENTS.reduce((sum, k) => sum + count(k), 0)
    let x = LABEL_WIDTH
    const parts = SENTIMENTS.map((k) => {
      const w = total === 0 ? 0 : (count(k) / total) * span
      const rect = w > 0 ? `<rect class="bar sentiment ${k}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_HEIGHT - 8}" fill="${COLORS[k]}"><title>${esc(t.label)}: ${count(k)} ${k}</title></rect>` : ''
      x += w
      return rect
    })
    return rowLabel(t, y) + parts.join('')
  })
  return svgFrame(themes.length * ROW_HEIGHT, rows.join(''), 'how the customers of each theme feel, by their first message in it')
}

function legend(): string {
  return `<p class="legend">${SENTIMENTS.map((k) => `<span><i style="background:${COLORS[k]}"></i>${k}</span>`).join('')}</p>`
}

function historyChart(t: ReportTheme, weeks: string[]): string {
  const width = 260
  const height = 60
  const max = Math.max(...t.history.map((h) => h.volume), 1)
  const step = width / Math.max(1, weeks.length)
  const bars = t.history.map((h, i) => {
    const bh = (h.volume / max) * (height - 16)
    const current = i === t.history.length - 1
    return bh > 0
      ? `<rect class="bar history" x="${(i * step + 2).toFixed(1)}" y="${(height - 14 - bh).toFixed(1)}" width="${(step - 4).toFixed(1)}" height="${bh.toFixed(1)}" fill="${current ? COLORS.current : COLORS.history}"><title>${esc(h.week)}: ${h.volume}</title></rect>`
      : ''
  })
  const labels = t.history.map((h, i) => (i === 0 || i === t.history.length - 1 ? `<text x="${(i * step + step / 2).toFixed(1)}" y="${height - 2}" text-anchor="middle" class="axis small">${esc(h.week.slice(5))}</text>` : ''))
  return `<svg role="img" aria-label="weekly messages" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}${labels.join('')}</svg>`
}

function themeSection(t: ReportTheme, n: number, weeks: string[]): string {
  const badge = `<span class="badge ${t.trend}">${esc(trendWord(t))}</span>`
  const facts = [
    `${t.volume} messages in ${t.conversations} conversations`,
    `${pct(t.share)} of the week`,
    movement(t),
    `${negativeShare(t)} of its customers negative`,
  ]
  const counts = [
    t.intents.length ? `Intents: ${t.intents.map((c) => `${esc(c.name)} (${c.count})`).join(', ')}` : '',
    t.channels.length ? `Channels: ${t.channels.map((c) => `${esc(c.name)} (${c.count})`).join(', ')}` : '',
  ].filter(Boolean)
  const quotes = t.quotes
    .map((q) => `<blockquote><p>${esc(q.text)}</p><cite>${esc(q.channel)}, ${esc(q.sentAt.slice(0, 10))} · <a class="conversation" href="${esc(q.url)}">open conversation</a></cite></blockquote>`)
    .join('')
  return `<article class="theme" id="t-${esc(t.id)}">
<h2>${n}. ${esc(t.label)} ${badge}</h2>
<div class="row"><div><p class="facts">${facts.map(esc).join(' · ')}</p><p>${esc(t.description)}</p>
${t.keyphrases.length ? `<p class="phrases">${t.keyphrases.slice(0, 8).map((k) => `<span>${esc(k)}</span>`).join('')}</p>` : ''}
${counts.length ? `<p class="counts">${counts.join(' · ')}</p>` : ''}</div>
<div class="spark">${historyChart(t, weeks)}</div></div>
${quotes}
</article>`
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const CSS = `
body{margin:0;background:#f6f7f9;color:#1f2933;font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:800px;margin:0 auto;padding:24px 32px 48px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px}
.meta{color:#66788a;margin:0 0 16px;font-size:13px}.intro{font-size:16px}
.highlights ul{padding-left:20px}.highlights a{color:inherit}
figure{margin:20px 0}figcaption{font-weight:600;margin-bottom:6px}
svg text.axis{font-size:12px;fill:#3e4c59}svg text.small{font-size:10px}svg text.value{font-size:11px;fill:#52606d}
svg line.zero{stroke:#9aa5b1;stroke-width:1}
.legend span{margin-right:14px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.theme{border-top:1px solid #e4e7eb;margin-top:24px}.row{display:flex;gap:16px}.row>div:first-child{flex:1}.spark{flex:0 0 260px;padding-top:8px}
.facts{color:#52606d;font-size:13px}.counts{color:#52606d;font-size:13px}
.phrases span{display:inline-block;background:#eef2fb;border-radius:10px;padding:1px 8px;margin:0 4px 4px 0;font-size:12px}
.badge{font-size:11px;font-weight:600;text-transform:uppercase;border-radius:10px;padding:2px 8px;vertical-align:middle;background:#e4e7eb}
.badge.new{background:#fde2e1;color:#a61b1b}.badge.rising{background:#fff1d6;color:#8a5300}.badge.falling{background:#dff5ea;color:#146c43}
blockquote{margin:10px 0;padding:6px 12px;border-left:3px solid #c5d0e6;background:#fafbfc}blockquote p{margin:0}
cite{display:block;font-style:normal;font-size:12px;color:#66788a}a{color:#2a5bd7}
footer{margin-top:36px;color:#7b8794;font-size:12px}
@media print{body{background:#fff}main{padding:0}}
`
