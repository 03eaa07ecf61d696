// The eval harness end to end on tiny files written here: scratch store, ingestion, worker, SQL read-back.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { EXIT_FAILED, EXIT_OK, main, type CliIo } from '../../evals/cli.ts'
import { readReport } from '../../evals/report.ts'

let dir: string

function captureIo(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', env: { PATH: process.env.PATH }, scratchTemplate: inject('pgTemplate'), stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) }
  return io
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n'

/** Runs a suite with --json on rows written here: what it printed, and the report it saved. */
async function runOn(suite: string, name: string, rows: object[]) {
  await writeFile(join(dir, `${name}.jsonl`), jsonl(rows))
  const io = captureIo()
  const out = join(dir, `reports-${name}`)
  const code = await main(['run', suite, '--data', join(dir, `${name}.jsonl`), '--json', '--out', out], io)
  expect(code, io.err).toBe(EXIT_OK)
  const printed = JSON.parse(io.out) as { n: number; metrics: Record<string, number> }
  const saved = await readReport(join(out, (await readdir(out)).find((f) => f.endsWith('.json'))!))
  return { printed, saved }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-eval-suites-'))
  await writeFile(
    join(dir, 'sentiment.jsonl'),
    jsonl([
      { id: 's1', text: 'I love this, the new update is wonderful and fast!', label: 'positive', language: 'english' },
      { id: 's2', text: 'Thanks a lot, great help from your team today', label: 'positive', language: 'english' },
      { id: 's3', text: 'This is awful, the app crashed again and I lost everything', label: 'negative', language: 'english' },
      { id: 's4', text: 'Worst service ever, still no refund after three weeks', label: 'negative', language: 'english' },
      { id: 's5', text: 'The store opens at nine on weekdays', label: 'neutral', language: 'english' },
      { id: 's6', text: 'Does the blue model come in a larger size?', label: 'question', language: 'english' },
      { id: 's7', text: 'Merci beaucoup, le service était excellent', label: 'positive', language: 'french' },
      { id: 's8', text: 'Service horrible, personne ne répond jamais', label: 'negative', language: 'french' },
    ]),
  )
  await writeFile(
    join(dir, 'intent-train.jsonl'),
    jsonl([
      ...['where is my parcel', 'my order has not arrived', 'tracking shows no update for my package', 'delivery is late again'].map((text, i) => ({ id: `d${i}`, text, label: 'Delivery status' })),
      ...['refund my money please', 'I was charged twice', 'when do I get my refund', 'wrong amount on my bill'].map((text, i) => ({ id: `b${i}`, text, label: 'billing' })),
    ]),
  )
  await writeFile(
    join(dir, 'intent-test.jsonl'),
    jsonl([
      { id: 'q1', text: 'my parcel has not arrived yet', label: 'Delivery status' },
      { id: 'q2', text: 'I want a refund, you charged me twice', label: 'billing' },
    ]),
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('eval run sentiment', () => {
  it('runs end to end and prints the JSON report with the agreed keys', async () => {
    const io = captureIo()
    const out = join(dir, 'reports')
    const code = await main(['run', 'sentiment', '--data', join(dir, 'sentiment.jsonl'), '--json', '--out', out], io)
    expect(code, io.err).toBe(EXIT_OK)
    const printed = JSON.parse(io.out)
    expect(printed).toMatchObject({ suite: 'sentiment', dataset: 'sentiment', n: 8, mode: 'local', embedder: expect.stringMatching(/^builtin/) })
    for (const key of ['accuracy', 'macro_recall', 'macro_f1', 'ece', 'macro_f1_en', 'macro_f1_fr']) {
      expect(printed.metrics[key], key).toBeGreaterThanOrEqual(0)
      expect(printed.metrics[key], key).toBeLessThanOrEqual(1)
    }
    // Three positives, three negatives, two neutral (one of them wisesight-style `question`).
    expect(printed.baselines.majority.accuracy).toBeCloseTo(3 / 8)
    expect(printed.baselines.majority.macro_recall).toBeCloseTo(1 / 3)
    // Clear-cut rows: the shipped model must get most of them.
    expect(printed.metrics.accuracy).toBeGreaterThanOrEqual(0.5)

    const files = await readdir(out)
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1)
    const saved = await readReport(join(out, files.find((f) => f.endsWith('.json'))!))
    expect(saved.metrics).toEqual(printed.metrics)
    expect(saved.details).toMatchObject({ binary: false, missing: 0, notes: [expect.stringMatching(/question→neutral/)] })
    const perClass = (saved.details as { per_class: Record<string, { support: number }> }).per_class
    expect(perClass.neutral.support).toBe(2)
  })
})

describe('eval run intent-default', () => {
  it('scores the default taxonomy on the rows whose label maps onto it, and counts the rest', async () => {
    const rows = [
      { id: 'c1', text: 'I want to file a complaint about your service', label: 'complaint' },
      { id: 'c2', text: 'Been on hold for an hour, this is ridiculous', label: 'complaint' },
      { id: 'r1', text: 'I was charged twice this month, I want a refund', label: 'get_refund' },
      { id: 't1', text: 'Where is my parcel? The tracking has not moved in days', label: 'track_order' },
      { id: 'x1', text: 'Can I talk to someone?', label: 'contact_human_agent' },
    ]
    const { printed, saved } = await runOn('intent-default', 'bitext-like', rows)
    expect(printed.n).toBe(4)
    const details = saved.details as { unmapped_rows: number; per_class: Record<string, unknown> }
    expect(details.unmapped_rows).toBe(1)
    expect(Object.keys(details.per_class).sort()).toEqual(['billing', 'complaint', 'delivery'])
    expect((details.per_class.complaint as { support: number }).support).toBe(2)
    // A complaint the customer names, a refund and a parcel: the default taxonomy reads them as what they are.
    expect(printed.metrics.complaint_recall, JSON.stringify(saved.details)).toBeGreaterThanOrEqual(0.5)
    expect(printed.metrics.accuracy, JSON.stringify(saved.details)).toBeGreaterThanOrEqual(0.75)
  })
})

describe('eval run care-labels', () => {
  const rows = [
    { id: 'D-en-01', text: 'Where is my parcel? Tracking has not moved in five days', label: 'delivery', intents: ['delivery', 'complaint'], sentiment: 'negative', lang: 'en' },
    { id: 'D-en-02', text: 'Massive thanks to the engineer, wifi sorted in 20 minutes', label: 'praise', intents: ['praise'], sentiment: 'positive', lang: 'en' },
    { id: 'D-de-01', text: 'Ich wurde diesen Monat doppelt abgebucht, bitte erstatten Sie mir das Geld', label: 'billing', intents: ['billing'], sentiment: 'negative', lang: 'de' },
    // Gold no support lead would give: this row must count as misread.
    { id: 'D-de-02', text: 'Mein Paket ist immer noch nicht angekommen', label: 'praise', intents: ['praise'], sentiment: 'positive', lang: 'de' },
  ]

  it('scores intents against every accepted intent, per language, and names the misread rows by id', async () => {
    const { printed, saved } = await runOn('care-labels', 'care', rows)
    const details = saved.details as { intent_misread: Array<{ id: string }> }
    expect(printed.n).toBe(4)
    expect(details.intent_misread.map((m) => m.id)).toContain('D-de-02')
    expect(printed.metrics.intent_accuracy).toBeCloseTo(1 - details.intent_misread.length / 4)
    const de = 1 - details.intent_misread.filter((m) => m.id.startsWith('D-de')).length / 2
    expect(printed.metrics.intent_accuracy_de).toBeCloseTo(de)
    expect(printed.metrics.worst_language_intent_accuracy).toBeLessThanOrEqual(de)
    expect(JSON.stringify(saved)).not.toContain('Paket')
  })

  it('refuses a row without the intents a support lead would accept', async () => {
    await writeFile(join(dir, 'care-bad.jsonl'), jsonl([{ id: 'x1', text: 'Where is my parcel?', label: 'delivery', sentiment: 'negative', lang: 'en' }]))
    const io = captureIo()
    const code = await main(['run', 'care-labels', '--data', join(dir, 'care-bad.jsonl'), '--out', join(dir, 'reports-care-bad')], io)
    expect(code).toBe(EXIT_FAILED)
    expect(io.err).toMatch(/care-labels: row x1 lacks intents/)
  })
})

describe('eval gate', () => {
  // Each entry runs in its own process (tsx start-up, models loaded twice): allow it time on a busy machine.
  it('fails when a floor is above the measured value, and runs intent and language end to end', { timeout: 180_000 }, async () => {
    const baseline = {
      intent: [
        {
          data: 'intent-test.jsonl',
          args: { train: 'intent-train.jsonl', shots: 3 },
          // No classifier scores above 1: this floor must fail whatever the model does.
          floors: { accuracy: 1.01, macro_f1: 0 },
        },
      ],
      language: [{ data: 'sentiment.jsonl', args: {}, floors: { accuracy: 0 } }],
    }
    const path = join(dir, 'baseline.json')
    await writeFile(path, JSON.stringify(baseline))
    const out = join(dir, 'gate-reports')
    const io = captureIo()
    const code = await main(['gate', '--baseline', path, '--root', dir, '--out', out], io)
    expect(code, io.err).toBe(EXIT_FAILED)
    expect(io.err).toMatch(/FAIL {2}intent intent-test\.jsonl \(n=2\): accuracy [\d.]+ < floor 1\.01/)
    expect(io.err).toMatch(/PASS {2}language sentiment\.jsonl \(n=8\)/)
    expect(io.err).toMatch(/gate FAILED: 1 passed, 1 failed/)

    const reports = await Promise.all((await readdir(out)).filter((f) => f.endsWith('.json')).map((f) => readReport(join(out, f))))
    const intent = reports.find((r) => r.suite === 'intent')!
    expect(intent.details).toMatchObject({ train: { intents: 2, examples: 6, shots: 3 } })
    // The language field is withheld from ingestion: these come from detection, not from the file.
    const language = reports.find((r) => r.suite === 'language')!
    expect((language.details as { model_versions: Record<string, string[]> }).model_versions.language).not.toContain('given')
    expect(language.metrics.accuracy).toBeGreaterThanOrEqual(0.75)
  })
})
