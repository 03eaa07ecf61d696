import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFloors, loadBaseline, runGate, type Baseline, type ResolvedEntry } from '../../evals/gate.ts'
import type { EvalReport } from '../../evals/report.ts'

let workspace: string
let repo: string

beforeAll(async () => {
  // workspace/repo is the repository root; workspace/shared plays ../shared
  workspace = await mkdtemp(join(tmpdir(), 'parley-eval-gate-'))
  repo = join(workspace, 'repo')
  await mkdir(join(repo, 'evals', 'data'), { recursive: true })
  await mkdir(join(workspace, 'shared'), { recursive: true })
  await writeFile(join(repo, 'evals', 'data', 'intents.jsonl'), '{"id":"1","text":"t","label":"l"}\n')
  await writeFile(join(workspace, 'shared', 'sentiment.jsonl'), '{"id":"1","text":"t","label":"l"}\n')
})

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true })
})

function report(metrics: Record<string, number>): EvalReport {
  return {
    suite: 'classify',
    dataset: 'intents',
    n: 1,
    mode: 'local',
    embedder: 'builtin',
    prompt_versions: {},
    code_version: 'test',
    created_at: '2025-01-01T00:00:00.000Z',
    metrics,
    baselines: {},
  }
}

describe('checkFloors', () => {
  it('fails metrics under the floor and missing ones, passes metrics at or over it', () => {
    const failures = checkFloors(report({ accuracy: 0.59, macro_f1: 0.7, macro_recall: 0.6, nmi: Number.NaN }), {
      accuracy: 0.6,
      macro_f1: 0.6,
      macro_recall: 0.6,
      nmi: 0.3,
      purity: 0.5,
    })
    expect(failures).toEqual([
      { metric: 'accuracy', value: 0.59, floor: 0.6 },
      { metric: 'nmi', value: null, floor: 0.3 },
      { metric: 'purity', value: null, floor: 0.5 },
    ])
  })
})

describe('runGate', () => {
  const baseline: Baseline = {
    classify: [{ data: 'evals/data/intents.jsonl', args: { limit: 500 }, floors: { macro_recall: 0.6 } }],
  }

  async function gateWith(macroRecall: number) {
    const lines: string[] = []
    const calls: Array<[string, ResolvedEntry]> = []
    const outcome = await runGate(
      baseline,
      async (suite, entry) => {
        calls.push([suite, entry])
        return report({ macro_recall: macroRecall })
      },
      { sharedAvailable: true, log: (line) => lines.push(line), root: repo },
    )
    return { outcome, lines, calls }
  }

  it('fails when a metric drops below its floor', async () => {
    const { outcome, lines } = await gateWith(0.55)
    expect(outcome.passed).toBe(false)
    expect(outcome.results[0]).toMatchObject({ status: 'failed', failures: [{ metric: 'macro_recall', value: 0.55, floor: 0.6 }] })
    expect(lines[0]).toMatch(/^FAIL .*macro_recall 0\.5500 < floor 0\.6/)
    expect(lines.at(-1)).toMatch(/^gate FAILED: 0 passed, 1 failed/)
  })

  it('passes when the metric is above its floor, handing the suite its entry and resolved data path', async () => {
    const { outcome, calls, lines } = await gateWith(0.65)
    expect(outcome.passed).toBe(true)
    expect(outcome.results[0].status).toBe('passed')
    expect(calls).toEqual([['classify', expect.objectContaining({ args: { limit: 500 }, dataPath: join(repo, 'evals/data/intents.jsonl') })]])
    expect(lines.at(-1)).toBe('gate passed: 1 passed, 0 failed, 0 errors, 0 skipped')
  })

  it('reports entries without data as skipped, with the reason, and does not run them', async () => {
    const lines: string[] = []
    let runs = 0
    const outcome = await runGate(
      {
        sentiment: [
          { data: '../shared/sentiment.jsonl', args: {}, floors: { macro_recall: 0.6 } },
          { data: 'evals/data/absent.jsonl', args: {}, floors: { macro_recall: 0.6 } },
        ],
      },
      async () => {
        runs++
        return report({ macro_recall: 1 })
      },
      { sharedAvailable: false, log: (line) => lines.push(line), root: repo },
    )
    expect(runs).toBe(0)
    expect(outcome.results.map((r) => [r.status, r.reason])).toEqual([
      ['skipped', 'data outside the repository (../shared/sentiment.jsonl) and ../shared is not available'],
      ['skipped', 'data file not found: evals/data/absent.jsonl'],
    ])
    expect(outcome.passed).toBe(true)
    expect(lines.filter((line) => line.startsWith('SKIP'))).toHaveLength(2)
    expect(lines.at(-1)).toContain('2 skipped')
  })

  it('runs ../shared entries when shared data is available, and can require all data', async () => {
    const entry = { data: '../shared/sentiment.jsonl', args: {}, floors: { macro_recall: 0.6 } }
    const ran = await runGate({ sentiment: [entry] }, async () => report({ macro_recall: 0.7 }), {
      sharedAvailable: true,
      log: () => {},
      root: repo,
    })
    expect(ran.results[0].status).toBe('passed')
    const strict = await runGate({ sentiment: [{ ...entry, data: '../shared/gone.jsonl' }] }, async () => report({}), {
      sharedAvailable: true,
      log: () => {},
      root: repo,
      requireData: true,
    })
    expect(strict.passed).toBe(false)
  })

  it('turns a crashing suite into an error that fails the gate', async () => {
    const outcome = await runGate(
      baseline,
      async () => {
        throw new Error('model not found')
      },
      { sharedAvailable: true, log: () => {}, root: repo },
    )
    expect(outcome.passed).toBe(false)
    expect(outcome.results[0]).toMatchObject({ status: 'error', reason: 'model not found' })
  })
})

describe('loadBaseline', () => {
  it('reads a valid file and defaults args', async () => {
    const path = join(workspace, 'baseline.json')
    await writeFile(path, JSON.stringify({ classify: [{ data: 'x.jsonl', floors: { accuracy: 0.5 } }] }))
    expect(await loadBaseline(path)).toEqual({ classify: [{ data: 'x.jsonl', args: {}, floors: { accuracy: 0.5 } }] })
  })

  it('explains what is wrong with an invalid file', async () => {
    const path = join(workspace, 'bad-baseline.json')
    await writeFile(path, JSON.stringify({ classify: [{ data: 'x.jsonl', floors: { accuracy: 'high' } }] }))
    await expect(loadBaseline(path)).rejects.toThrow(/invalid baseline .*classify\.0\.floors\.accuracy/)
    await expect(loadBaseline(join(workspace, 'none.json'))).rejects.toThrow(/cannot read baseline/)
  })
})
