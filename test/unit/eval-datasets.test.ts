import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  JsonlSyntaxError,
  datasetName,
  describeSkipped,
  detectFormat,
  loadAirline,
  loadClassification,
  loadDataset,
  loadReplyPairs,
  loadSummarisation,
  readJsonl,
} from '../../evals/datasets.ts'

let dir: string
const file = (name: string) => join(dir, name)
const jsonl = (...rows: unknown[]) => rows.map((row) => (typeof row === 'string' ? row : JSON.stringify(row))).join('\n') + '\n'

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-eval-datasets-'))
  await writeFile(
    file('intents.jsonl'),
    '\uFEFF' +
      jsonl(
        { id: 'i1', text: 'where is my parcel', label: 'delivery', language: 'en' },
        '',
        { id: 2, text: 'refund please', label: 'refund' },
        '{"id": "i3", "text": "broken',
        { id: 'i4', text: 'no label here' },
        { id: 'i5', text: 'cancel my plan', label: 'cancel' },
      ),
  )
  await writeFile(
    file('pairs.jsonl'),
    jsonl(
      {
        id: 'p1',
        company: 'acme',
        context: [{ speaker: 'customer', text: 'hello' }, { speaker: 'agent', text: 'hi, how can we help?' }],
        customer: 'my order is late',
        agent_reply: 'sorry about that, can you DM us the order number?',
      },
      { id: 'p2', context: [{ speaker: 'bot', text: '?' }], customer: 'x', agent_reply: 'y' },
      { id: 'p3', company: null, context: [], customer: 'is the app down?', agent_reply: 'we are looking into it' },
    ),
  )
  await writeFile(
    file('dialogs.jsonl'),
    jsonl(
      { id: 'd1', dialog: [{ speaker: 'A', text: 'lunch?' }, { speaker: 'B', text: 'sure, noon' }], summaries: ['A and B meet at noon.', 'Lunch at 12.'] },
      { id: 'd2', dialog: [{ speaker: 'A', text: 'call me' }], summary: 'A asks for a call.' },
      { id: 'd3', dialog: [{ speaker: 'A', text: 'nothing to sum up' }] },
    ),
  )
  await writeFile(
    file('airline.jsonl'),
    jsonl(
      { id: 'a1', text: 'bag lost again', label: 'negative', negative_reason: 'Lost Luggage', airline: 'Example Air', created_at: '2015-02-18T01:53:01-08:00' },
      { id: 'a2', text: 'great crew', label: 'positive', negative_reason: null, airline: 'Example Air', created_at: '2015-02-19T10:00:00-08:00' },
    ),
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readJsonl', () => {
  it('streams values with line numbers, skipping blank lines and a BOM', async () => {
    const records = []
    for await (const record of readJsonl(file('intents.jsonl'), { limit: 2 })) records.push(record)
    expect(records).toEqual([
      { line: 1, value: { id: 'i1', text: 'where is my parcel', label: 'delivery', language: 'en' } },
      { line: 3, value: { id: 2, text: 'refund please', label: 'refund' } },
    ])
  })

  it('names file and line of a malformed line', async () => {
    const read = async () => {
      for await (const _ of readJsonl(file('intents.jsonl'))) void _
    }
    await expect(read()).rejects.toThrow(JsonlSyntaxError)
    await expect(read()).rejects.toThrow(`${file('intents.jsonl')}:4: not valid JSON`)
  })

  it('says clearly when the file does not exist', async () => {
    const read = async () => {
      for await (const _ of readJsonl(file('missing.jsonl'))) void _
    }
    await expect(read()).rejects.toThrow(/dataset file not found: .*missing\.jsonl/)
  })
})

describe('detectFormat', () => {
  it('recognises each documented shape, most specific first', () => {
    expect(detectFormat({ id: '1', text: 't', label: 'l', language: 'fr' })).toBe('classification')
    expect(detectFormat({ id: '1', context: [], customer: 'c', agent_reply: 'a', dialog: [] })).toBe('reply_pairs')
    expect(detectFormat({ id: '1', dialog: [], summary: 's' })).toBe('summarisation')
    expect(detectFormat({ id: '1', text: 't', label: 'l', negative_reason: null, airline: 'x', created_at: 'd' })).toBe('airline')
  })

  it('throws naming the closest format and what it lacks', () => {
    expect(() => detectFormat({ id: '1', text: 'hello' })).toThrow(/closest is classification, missing label/)
    expect(() => detectFormat({ id: '1', dialog: [] })).toThrow(/closest is summarisation, missing summaries or summary/)
    expect(() => detectFormat([1, 2])).toThrow(/JSON object per line, got an array/)
  })
})

describe('loaders', () => {
  it('validate rows, keep extra fields, and skip and count bad rows without stopping', async () => {
    const dataset = await loadDataset(file('intents.jsonl'))
    expect(dataset.format).toBe('classification')
    expect(dataset.name).toBe('intents')
    expect(dataset.rows.map((row) => row.id)).toEqual(['i1', '2', 'i5'])
    expect(dataset.rows[0]).toMatchObject({ language: 'en' })
    expect(dataset.skipped).toBe(2)
    expect(dataset.skippedExamples.map((s) => s.line)).toEqual([4, 5])
    expect(dataset.skippedExamples[1].reason).toContain('intents.jsonl:5: label')
    expect(describeSkipped(dataset)).toMatch(/^skipped 2 invalid rows; first: .*intents\.jsonl:4/)
  })

  it('stop after --limit valid rows', async () => {
    const dataset = await loadClassification(file('intents.jsonl'), { limit: 2 })
    expect(dataset.rows.map((row) => row.label)).toEqual(['delivery', 'refund'])
    await expect(loadClassification(file('intents.jsonl'), { limit: 0 })).rejects.toThrow(RangeError)
  })

  it('check reply-pair speakers', async () => {
    const dataset = await loadReplyPairs(file('pairs.jsonl'))
    expect(dataset.rows.map((row) => row.id)).toEqual(['p1', 'p3'])
    expect(dataset.rows[1].company).toBeUndefined()
    expect(dataset.skippedExamples[0].reason).toMatch(/:2: context\.0\.speaker/)
  })

  it('turn a single summary into a one-item list and reject rows with none', async () => {
    const dataset = await loadSummarisation(file('dialogs.jsonl'))
    expect(dataset.rows.map((row) => row.summaries)).toEqual([['A and B meet at noon.', 'Lunch at 12.'], ['A asks for a call.']])
    expect(dataset.skipped).toBe(1)
  })

  it('load airline rows with a null reason', async () => {
    const dataset = await loadAirline(file('airline.jsonl'))
    expect(dataset.rows.map((row) => row.negative_reason)).toEqual(['Lost Luggage', null])
    expect((await loadDataset(file('airline.jsonl'))).format).toBe('airline')
  })

  it('treat rows of another shape as invalid when the format is given', async () => {
    const dataset = await loadAirline(file('intents.jsonl'))
    expect(dataset.rows).toEqual([])
    expect(dataset.skipped).toBe(5)
  })

  it('fail with file:line when the first row has no known shape', async () => {
    await writeFile(file('odd.jsonl'), jsonl({ id: 'x', body: 'hello' }))
    await expect(loadDataset(file('odd.jsonl'))).rejects.toThrow(/odd\.jsonl:1: row matches no known dataset format/)
  })

  it('derive the dataset name from the file name', () => {
    expect(datasetName('../shared/datasets/sentiment/tweeteval_val.jsonl')).toBe('tweeteval_val')
  })
})

const SHARED = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url))
const sharedFiles: Array<[string, string]> = [
  ['sentiment/tweeteval_val.jsonl', 'classification'],
  ['sentiment/umsab_val.jsonl', 'classification'],
  ['intent/clinc150_val.jsonl', 'classification'],
  ['replies/twcs_head_pairs.jsonl', 'reply_pairs'],
  ['replies/ibm_customer_care_dev.jsonl', 'reply_pairs'],
  ['summaries/tweetsumm_val.jsonl', 'summarisation'],
  ['summaries/samsum_val.jsonl', 'summarisation'],
  ['themes/airline_dev.jsonl', 'airline'],
]

describe.skipIf(!existsSync(SHARED))('shared datasets load cleanly (skipped: ../shared not present)', () => {
  it.each(sharedFiles)('%s is %s', async (path, format) => {
    const dataset = await loadDataset(join(SHARED, path), { limit: 100 })
    expect(dataset.format).toBe(format)
    expect(dataset.rows).toHaveLength(100)
    expect(dataset.skipped).toBe(0)
  })
})
