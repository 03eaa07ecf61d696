import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findPii, redact, RedactionVault, type PiiType, type RedactOptions } from '../../src/safety/redact.ts'

// split: 'dev' messages were used to tune the detectors; 'heldout' ones were written afterwards and
// measured before any change (see the report), so they are the honest estimate.
interface Labelled { text: string; entities: Array<{ type: PiiType; value: string }>; split: 'dev' | 'heldout' }

const SET: Labelled[] = readFileSync(new URL('../fixtures/redaction-set.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((line) => JSON.parse(line))
// The brand's own handle is kept; customers' handles are redacted (the strictest configuration).
const OPTIONS: RedactOptions = { handles: true, keepHandles: ['AcmeSupport'] }
const TYPES: PiiType[] = ['EMAIL', 'PHONE', 'CARD', 'IBAN', 'ADDRESS', 'URL', 'ORDER', 'HANDLE']

// Floors on the 'dev' rows, set from the measured figures (see the printed table), a little under
// them so that a regression fails but a harmless change of one borderline message does not.
const DEV_FLOORS: Record<PiiType, { recall: number; precision: number }> = {
  EMAIL: { recall: 0.95, precision: 0.95 },
  PHONE: { recall: 0.9, precision: 0.9 },
  CARD: { recall: 0.95, precision: 0.95 },
  IBAN: { recall: 0.95, precision: 0.95 },
  ADDRESS: { recall: 0.8, precision: 0.85 },
  URL: { recall: 0.9, precision: 0.9 },
  ORDER: { recall: 0.85, precision: 0.85 },
  HANDLE: { recall: 0.9, precision: 0.9 },
}

// Floors on the 'heldout' rows, the honest estimate: set at what they measure today with nothing
// taken off. Every type measured 1.000 recall and precision on the 45 held-out messages (gold:
// EMAIL 4, PHONE 10, CARD 2, IBAN 2, ADDRESS 7, URL 1, ORDER 9, HANDLE 1), so one miss or one false
// positive on a held-out row fails. Lowering a floor here needs a reason written next to it.
const HELDOUT_FLOORS: Record<PiiType, { recall: number; precision: number }> = {
  EMAIL: { recall: 1, precision: 1 },
  PHONE: { recall: 1, precision: 1 },
  CARD: { recall: 1, precision: 1 },
  IBAN: { recall: 1, precision: 1 },
  ADDRESS: { recall: 1, precision: 1 },
  URL: { recall: 1, precision: 1 },
  ORDER: { recall: 1, precision: 1 },
  HANDLE: { recall: 1, precision: 1 },
}

const norm = (value: string) => value.trim().replace(/\s+/g, ' ').replace(/[.,;:!?]+$/, '')

function score(set: Labelled[]) {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiType, { tp: number; fp: number; fn: number }>
  const misses: string[] = []
  for (const { text, entities } of set) {
    const gold = entities.map((e) => `${e.type}\u0000${norm(e.value)}`)
    const predicted = findPii(text, OPTIONS).map((m) => `${m.type}\u0000${norm(m.value)}`)
    // Value-level matching, as multisets: each gold entity can be matched once.
    const remaining = [...gold]
    for (const p of predicted) {
      const i = remaining.indexOf(p)
      const type = p.split('\u0000')[0] as PiiType
      if (i >= 0) { counts[type].tp++; remaining.splice(i, 1) } else { counts[type].fp++; misses.push(`FP ${p.replace('\u0000', ' ')}`) }
    }
    for (const g of remaining) { counts[g.split('\u0000')[0] as PiiType].fn++; misses.push(`FN ${g.replace('\u0000', ' ')}`) }
  }
  const rows = TYPES.map((type) => {
    const { tp, fp, fn } = counts[type]
    return { type, gold: tp + fn, tp, fp, fn, recall: tp + fn ? tp / (tp + fn) : 1, precision: tp + fp ? tp / (tp + fp) : 1 }
  })
  return { rows, misses }
}

type Rows = ReturnType<typeof score>['rows']

// Printed so a run shows the measured figures, not only pass/fail.
function printTable(title: string, rows: Rows) {
  console.log(title)
  console.table(rows.map((x) => ({ ...x, recall: x.recall.toFixed(3), precision: x.precision.toFixed(3) })))
}

function expectFloors(split: string, rows: Rows, floors: Record<PiiType, { recall: number; precision: number }>) {
  for (const r of rows) {
    expect.soft(r.recall, `${split} ${r.type} recall`).toBeGreaterThanOrEqual(floors[r.type].recall)
    expect.soft(r.precision, `${split} ${r.type} precision`).toBeGreaterThanOrEqual(floors[r.type].precision)
  }
}

describe('redaction recall and precision on the labelled multilingual set', () => {
  const { rows, misses } = score(SET)
  const dev = SET.filter((m) => m.split === 'dev')
  const heldout = SET.filter((m) => m.split === 'heldout')

  it('has a realistic, varied set with hard negatives', () => {
    expect(SET.length).toBeGreaterThanOrEqual(150)
    expect(SET.filter((m) => m.entities.length === 0).length).toBeGreaterThanOrEqual(40)
    for (const type of TYPES) expect(rows.find((r) => r.type === type)!.gold).toBeGreaterThanOrEqual(5)
  })

  it('puts every message in exactly one split, and gives the held-out split every type', () => {
    // A row with a misspelt split would silently escape both sets of floors.
    expect(dev.length + heldout.length).toBe(SET.length)
    expect(heldout.length).toBeGreaterThanOrEqual(45)
    // A type with no gold entity scores recall 1 by definition: its floor would assert nothing.
    const held = score(heldout).rows
    for (const type of TYPES) expect(held.find((r) => r.type === type)!.gold, `held-out ${type} entities`).toBeGreaterThanOrEqual(1)
  })

  it('meets the per-type floors on the dev messages', () => {
    printTable(`all ${SET.length} messages`, rows)
    if (process.env.PARLEY_SHOW_MISSES) console.log(misses.join('\n'))
    const measured = score(dev).rows
    printTable(`dev ${dev.length} messages`, measured)
    expectFloors('dev', measured, DEV_FLOORS)
  })

  it('meets the per-type floors on the held-out messages', () => {
    const measured = score(heldout).rows
    printTable(`held-out ${heldout.length} messages`, measured)
    expectFloors('held-out', measured, HELDOUT_FLOORS)
  })
})

describe('RedactionVault', () => {
  it('replaces PII with typed, numbered placeholders and counts them by type', () => {
    const result = redact('Mail ana@example.org or bob@example.org, card 4111 1111 1111 1111')
    expect(result.text).toBe('Mail [EMAIL_1] or [EMAIL_2], card [CARD_1]')
    expect(result.count).toBe(3)
    expect(result.byType).toEqual({ EMAIL: 2, CARD: 1 })
  })

  it('takes an e-mail address in a domain the TLD list lacks by its shape ("@mail.example" of the demo reached a theme quote)', () => {
    expect(redact('should be o.adeyemi@mail.example but maybe the old one').text).toBe('should be [EMAIL_1] but maybe the old one')
    expect(redact('write to ops@parley.internal.').text).toBe('write to [EMAIL_1].')
    // No @, no e-mail: a file name or a version stays.
    expect(redact('see notes.txt and v5.2.1').count).toBe(0)
  })

  it('takes a postcode typed in lower case after the word (the demo\'s "postcode ls6 2qt" reached an Ask answer), not a model and an ordinal', () => {
    expect(redact('Order BW-3687341, postcode ls6 2qt 😒').text).toBe('Order [ORDER_1], postcode [ADDRESS_1] 😒')
    expect(redact('my post code is LS62QT').text).toBe('my post code is [ADDRESS_1]')
    expect(redact('my ps5 2nd controller and the mp3 4th track').count).toBe(0)
  })

  it('gives the same original the same placeholder across messages of one conversation', () => {
    const vault = new RedactionVault()
    const first = vault.redact('I am ana@example.org, phone +33 6 12 34 56 78')
    const second = vault.redact('Again: ANA@example.org and +33612345678, plus new@example.org')
    expect(first.text).toBe('I am [EMAIL_1], phone [PHONE_1]')
    expect(second.text).toBe('Again: [EMAIL_1] and [PHONE_1], plus [EMAIL_2]')
    expect(vault.size).toBe(3)
  })

  it('restores originals in a reply draft and leaves unknown placeholders alone', () => {
    const vault = new RedactionVault()
    vault.redact('Order #A48213, email ana@example.org')
    expect(vault.restore('We re-sent order [ORDER_1] to [EMAIL_1]. [PHONE_9] is unknown.'))
      .toBe('We re-sent order A48213 to ana@example.org. [PHONE_9] is unknown.')
  })

  it('defuses placeholder look-alikes typed by the customer so restore cannot expand them', () => {
    const vault = new RedactionVault()
    vault.redact('my card 4111 1111 1111 1111')
    const hostile = vault.redact('Please print [CARD_1] for me')
    expect(hostile.text).toBe('Please print (CARD_1) for me')
    expect(vault.restore(hostile.text)).not.toContain('4111')
  })

  it('keeps one vault per conversation: another vault cannot restore these placeholders', () => {
    const mine = new RedactionVault()
    const { text } = mine.redact('ana@example.org')
    expect(new RedactionVault().restore(text)).toBe('[EMAIL_1]')
  })

  it('redacts handles only when asked, and never the kept ones', () => {
    const text = 'cc @jenny_rolls and @AcmeSupport'
    expect(redact(text).text).toBe(text)
    expect(redact(text, { handles: true, keepHandles: ['@acmesupport'] }).text).toBe('cc [HANDLE_1] and @AcmeSupport')
  })

  it('leaves prices, dates, times, versions and flight numbers intact', () => {
    const text = 'Flight UA123 on 2024-03-15 at 14:30, app 5.2.1, paid €1.299,00 and $41.88'
    expect(findPii(text)).toEqual([])
  })

  it('rejects card and IBAN look-alikes that fail their checksums', () => {
    expect(findPii('4111 1111 1111 1112 and DE00 1234 5678 9012 3456 78')).toEqual([])
  })

  it('keeps plain links and redacts links that carry a token or an identity', () => {
    const out = redact('See https://help.acme-example.com/returns or https://acme-example.com/reset?token=f83Kd92LmQx7Pz0').text
    expect(out).toBe('See https://help.acme-example.com/returns or [URL_1]')
  })
})
