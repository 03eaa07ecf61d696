import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProgress } from '../../src/progress.ts'
import {
  codeVersion,
  compareReports,
  formatComparison,
  formatMetricValue,
  formatTable,
  readReport,
  toJsonOutput,
  toMarkdown,
  writeReport,
  type EvalReport,
} from '../../evals/report.ts'

const report: EvalReport = {
  suite: 'sentiment',
  dataset: '../shared/datasets/sentiment/tweeteval_val.jsonl',
  n: 500,
  mode: 'local',
  embedder: 'builtin-hash-256',
  prompt_versions: { classify: 'a1b2c3d4' },
  code_version: '1234abc-dirty',
  created_at: '2025-03-04T05:06:07.089Z',
  metrics: { accuracy: 0.61234, macro_recall: 0.6, latency_p50_ms: 123.456, ece: Number.NaN },
  baselines: { majority: { accuracy: 0.45, macro_recall: 1 / 3 }, vader: { macro_recall: 0.559, vader_only: 0.1 } },
  details: { per_class: { positive: { recall: 0.7 } } },
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-eval-report-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('formatTable', () => {
  it('shows the run facts and aligns metrics with baselines side by side', () => {
    const lines = formatTable(report).split('\n')
    expect(lines).toContain('dataset   ../shared/datasets/sentiment/tweeteval_val.jsonl')
    expect(lines).toContain('prompts   classify@a1b2c3d4')
    expect(lines).toContain('code      1234abc-dirty')
    const table = lines.slice(lines.indexOf('') + 1)
    expect(table).toEqual([
      'metric           value  majority   vader',
      '--------------  ------  --------  ------',
      'accuracy        0.6123    0.4500       —',
      'macro_recall    0.6000    0.3333  0.5590',
      'latency_p50_ms   123.5         —       —',
      'ece                n/a         —       —',
      'vader_only           —         —  0.1000',
    ])
  })

  it('formats numbers by size', () => {
    expect(formatMetricValue(500)).toBe('500')
    expect(formatMetricValue(0.123456)).toBe('0.1235')
    expect(formatMetricValue(undefined)).toBe('—')
  })
})

describe('toMarkdown', () => {
  it('renders a Markdown table with right-aligned numbers', () => {
    const markdown = toMarkdown(report)
    expect(markdown).toContain('# Eval: sentiment on ../shared/datasets/sentiment/tweeteval_val.jsonl')
    expect(markdown).toContain('- **mode**: local')
    expect(markdown).toContain('| metric | value | majority | vader |\n| --- | ---: | ---: | ---: |')
    expect(markdown).toContain('| macro_recall | 0.6000 | 0.3333 | 0.5590 |')
  })
})

describe('writeReport and readReport', () => {
  it('writes JSON and Markdown named <suite>-<dataset>-<timestamp> and reads them back', async () => {
    const paths = await writeReport(report, join(dir, 'reports'))
    expect(basename(paths.json)).toBe('sentiment-tweeteval_val-20250304-050607-089.json')
    expect(basename(paths.markdown)).toBe('sentiment-tweeteval_val-20250304-050607-089.md')
    expect(await readFile(paths.markdown, 'utf8')).toBe(toMarkdown(report))
    const back = await readReport(paths.json)
    expect(back.metrics.ece).toBeNaN() // written as null, JSON has no NaN
    expect({ ...back, metrics: { ...back.metrics, ece: 0 } }).toEqual({ ...report, metrics: { ...report.metrics, ece: 0 } })
  })

  it('rejects a file that is not a report', async () => {
    const paths = await writeReport({ ...report, suite: 'x' }, dir)
    await import('node:fs/promises').then((fs) => fs.writeFile(paths.json, '{"suite": 1}'))
    await expect(readReport(paths.json)).rejects.toThrow(/is not an eval report: suite/)
  })
})

describe('compareReports', () => {
  const before = { ...report, metrics: { accuracy: 0.6, macro_recall: 0.55, old_metric: 1 } }
  const after = { ...report, n: 400, code_version: '5678def', prompt_versions: { classify: 'ffff0000' }, metrics: { accuracy: 0.65, macro_recall: 0.55, new_metric: 2 } }

  it('gives b − a per metric, null where one side lacks it', () => {
    const rows = compareReports(before, after)
    expect(rows).toHaveLength(4)
    expect(rows[0].metric).toBe('accuracy')
    expect(rows[0].delta).toBeCloseTo(0.05, 12)
    expect(rows.slice(1)).toEqual([
      { metric: 'macro_recall', a: 0.55, b: 0.55, delta: 0 },
      { metric: 'old_metric', a: 1, b: null, delta: null },
      { metric: 'new_metric', a: null, b: 2, delta: null },
    ])
  })

  it('formats the comparison and warns when the runs measured different things', () => {
    const text = formatComparison(before, after)
    expect(text).toContain('note: the runs differ in n; deltas compare different set-ups')
    expect(text).toContain('prompts changed: classify')
    expect(text).toMatch(/accuracy\s+0\.6000\s+0\.6500\s+\+0\.0500/)
    expect(text).toMatch(/macro_recall\s+0\.5500\s+0\.5500\s+0\n/)
  })
})

describe('toJsonOutput', () => {
  it('keeps the --json keys and drops details', () => {
    expect(Object.keys(toJsonOutput(report))).toEqual([
      'suite', 'dataset', 'n', 'mode', 'embedder', 'metrics', 'baselines', 'prompt_versions', 'code_version',
    ])
  })
})

describe('codeVersion', () => {
  it('is a short commit id (maybe -dirty) in a checkout and "unknown" outside one', () => {
    expect(codeVersion()).toMatch(/^([0-9a-f]{7,}(-dirty)?|unknown)$/)
    expect(codeVersion(dir)).toBe('unknown')
  })
})

describe('createProgress', () => {
  function capture() {
    const stream = new PassThrough()
    let text = ''
    stream.on('data', (chunk) => (text += chunk))
    return { stream, text: () => text }
  }

  it('prints about every 10% and a final line when not on a terminal', () => {
    const out = capture()
    let clock = 0
    const progress = createProgress('sentiment', 25, { stream: out.stream, tty: false, now: () => clock })
    for (let i = 0; i < 25; i++) progress.tick()
    clock = 2_500
    progress.done()
    progress.done()
    const lines = out.text().trim().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toBe('sentiment: 3/25 (12%)')
    expect(lines[8]).toBe('sentiment: 23/25 (92%)')
    expect(lines[9]).toBe('sentiment: done, 25/25 in 2.5s')
  })

  it('draws a bar on a terminal', () => {
    const out = capture()
    const progress = createProgress('summaries', 4, { stream: out.stream, tty: true })
    progress.tick(4)
    progress.done()
    expect(out.text()).toContain('summaries [')
    expect(out.text()).toContain('4/4')
  })
})
