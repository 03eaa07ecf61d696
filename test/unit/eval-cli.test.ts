import { describe, expect, it } from 'vitest'
import { entryRunArgs, EXIT_OK, EXIT_USAGE, main, parseRunArgv, type CliIo } from '../../evals/cli.ts'
import { runArgv } from '../../evals/isolated-run.ts'
import { DEFAULT_EMBEDDER, sampleRows, scratchEnv } from '../../evals/runner.ts'
import { buildIntentTaxonomy, intentName, languageCode, stratifiedSplit } from '../../evals/suites/classification.ts'
import { INTENT_NAME_PATTERN, OTHER_INTENT } from '../../src/chains/classify/taxonomy.ts'

function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  }
  return io
}

describe('eval run arguments', () => {
  it('the command line the gate gives a child process parses back to the same run', () => {
    const args = { data: '/d.jsonl', limit: 30, sample: 20, mode: 'local' as const, embedder: 'builtin', train: '/t.jsonl', shots: 10, split: 0.8 }
    const parsed = parseRunArgv(runArgv('intent', args, '/tmp/r').slice(1), captureIo())
    expect(parsed).toEqual({ suite: 'intent', json: true, out: '/tmp/r', args })
    const bare = { data: '/d.jsonl', mode: 'llm' as const, embedder: 'use' }
    expect(parseRunArgv(runArgv('sentiment', bare, '/o').slice(1), captureIo()).args).toEqual({
      ...bare, limit: undefined, sample: undefined, train: undefined, shots: undefined, split: undefined,
    })
  })

  it('parses every option with its type and applies the defaults', () => {
    const io = captureIo()
    const parsed = parseRunArgv(
      ['intent', '--data', 'd.jsonl', '--limit', '30', '--sample', '20', '--train', 't.jsonl', '--shots', '10', '--json', '--out', '/tmp/r'],
      io,
    )
    expect(parsed).toEqual({
      suite: 'intent',
      json: true,
      out: '/tmp/r',
      args: { data: 'd.jsonl', limit: 30, sample: 20, mode: 'local', embedder: DEFAULT_EMBEDDER, train: 't.jsonl', shots: 10, split: undefined },
    })
    const split = parseRunArgv(['intent', '--data', 'b.jsonl', '--split', '0.8', '--mode', 'llm', '--embedder', 'transformers:x'], io)
    expect(split.args).toMatchObject({ split: 0.8, mode: 'llm', embedder: 'transformers:x' })
    expect(split.json).toBe(false)
  })

  it('rejects invalid values, missing --data and unknown suites with the usage exit code', async () => {
    for (const argv of [
      ['run', 'sentiment', '--data', 'd.jsonl', '--limit', '0'],
      ['run', 'sentiment', '--data', 'd.jsonl', '--mode', 'cloud'],
      ['run', 'intent', '--data', 'd.jsonl', '--split', '1.5'],
      ['run', 'sentiment'],
      ['run', 'no-such-suite', '--data', 'd.jsonl'],
      ['frobnicate'],
    ]) {
      const io = captureIo()
      expect(await main(argv, io), argv.join(' ')).toBe(EXIT_USAGE)
      expect(io.err).not.toBe('')
      expect(io.out).toBe('')
    }
  })

  it('refuses --mode llm without an endpoint, before loading any data', async () => {
    const io = captureIo({ PATH: process.env.PATH })
    // The data file does not exist: the check must come first and say what is missing.
    const code = await main(['run', 'sentiment', '--data', '/nonexistent/file.jsonl', '--mode', 'llm', '--json'], io)
    expect(code).toBe(EXIT_USAGE)
    expect(io.err).toMatch(/LLM_BASE_URL/)
    expect(io.out).toBe('')
  })

  it('prints usage for help and exits 0', async () => {
    const io = captureIo()
    expect(await main(['--help'], io)).toBe(EXIT_OK)
    expect(io.err).toMatch(/eval run <suite>/)
  })
})

describe('scratch environment', () => {
  it('passes LLM settings only in llm mode and always uses a private, silent, worker-less store', () => {
    const env = { LLM_BASE_URL: 'http://llm.local/v1', LLM_MODEL: 'm', DATABASE_URL: 'postgres://prod/db', MODELS_DIR: '/models' }
    const local = scratchEnv({ mode: 'local', embedder: 'builtin' }, '/tmp/x', env)
    expect(local).toEqual({ DATA_DIR: '/tmp/x', LOG_LEVEL: 'silent', WORKER: 'off', EMBEDDINGS: 'builtin', MODELS_DIR: '/models' })
    const llm = scratchEnv({ mode: 'llm', embedder: 'builtin' }, '/tmp/x', env)
    expect(llm).toMatchObject({ LLM_BASE_URL: 'http://llm.local/v1', LLM_MODEL: 'm' })
    expect(llm.DATABASE_URL).toBeUndefined()
  })
})

describe('gate entries', () => {
  it('turns baseline args into run args with paths resolved against the root, and rejects unknown keys', () => {
    const entry = { data: 'd.jsonl', dataPath: '/repo/d.jsonl', floors: { accuracy: 0.5 }, args: { limit: 100, train: '../shared/t.jsonl', shots: 10 } }
    expect(entryRunArgs(entry, '/repo')).toEqual({ data: '/repo/d.jsonl', limit: 100, shots: 10, train: '/shared/t.jsonl', mode: 'local', embedder: DEFAULT_EMBEDDER })
    expect(() => entryRunArgs({ ...entry, args: { limt: 100 } }, '/repo')).toThrow(/limt/)
  })
})

describe('data selection', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, text: `text ${i}`, label: i % 4 === 0 ? 'rare' : 'common' }))

  it('samples deterministically, spread over the file, in file order', () => {
    const a = sampleRows(rows, 10)
    expect(a).toHaveLength(10)
    expect(sampleRows(rows, 10)).toEqual(a)
    expect(a.map((r) => Number(r.id.slice(1)))).toEqual([...a.map((r) => Number(r.id.slice(1)))].sort((x, y) => x - y))
    expect(Number(a.at(-1)!.id.slice(1))).toBeGreaterThan(20)
  })

  it('splits each label by the share, without overlap, the same way every time', () => {
    const { train, test } = stratifiedSplit(rows, 0.8)
    expect(train.length + test.length).toBe(rows.length)
    expect(train.filter((r) => r.label === 'rare')).toHaveLength(8)
    expect(test.filter((r) => r.label === 'rare')).toHaveLength(2)
    expect(new Set([...train, ...test]).size).toBe(rows.length)
    expect(stratifiedSplit(rows, 0.8).test).toEqual(test)
  })
})

describe('intent taxonomy from labelled rows', () => {
  it('sanitises names to the taxonomy pattern, keeps the way back, and makes clashing names unique', () => {
    expect(intentName('Card arrival?')).toBe('card_arrival')
    expect(intentName('77-top up')).toBe('i_77_top_up')
    expect(intentName('Überweisung fehlgeschlagen')).toBe('uberweisung_fehlgeschlagen')
    const train = [
      { id: '1', text: 'where is my card', label: 'Card arrival' },
      { id: '2', text: 'card not here yet', label: 'card_arrival' },
      { id: '3', text: 'play some jazz', label: 'oos' },
    ]
    const { taxonomy, labelOf, nameOf } = buildIntentTaxonomy(train)
    for (const intent of taxonomy) expect(intent.name).toMatch(INTENT_NAME_PATTERN)
    expect(nameOf.get('oos')).toBe(OTHER_INTENT)
    expect(new Set(taxonomy.map((i) => i.name)).size).toBe(3)
    for (const [name, label] of labelOf) expect(nameOf.get(label)).toBe(name)
    expect(taxonomy.find((i) => i.name === nameOf.get('Card arrival'))).toMatchObject({ description: 'Card arrival', examples: ['where is my card'] })
  })

  it('takes the same --shots examples per label on every run', () => {
    const train = Array.from({ length: 30 }, (_, i) => ({ id: `t${i}`, text: `example number ${i}`, label: 'billing' }))
    const first = buildIntentTaxonomy(train, 5).taxonomy[0].examples
    expect(first).toHaveLength(5)
    expect(buildIntentTaxonomy([...train].reverse(), 5).taxonomy[0].examples).toEqual(first)
  })
})

describe('language codes', () => {
  it('maps dataset language names and tags to ISO 639-1', () => {
    expect(languageCode('english')).toBe('en')
    expect(languageCode('Portuguese')).toBe('pt')
    expect(languageCode('pt-BR')).toBe('pt')
    expect(languageCode('klingon')).toBeUndefined()
    expect(languageCode(undefined)).toBeUndefined()
  })
})
