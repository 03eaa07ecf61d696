import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fitTemperature, trainIntentModel } from '../../src/chains/classify/intent-local.ts'
import { DEFAULT_TAXONOMY, OTHER_INTENT, taxonomyExamples } from '../../src/chains/classify/taxonomy.ts'

// Fresh messages written for this test (none of them is a taxonomy example).
const FRESH: Array<[text: string, intent: string]> = [
  ['I have been charged twice this month, I want my money back', 'billing'],
  ['my parcel still has not arrived, where is it?', 'delivery'],
  ['the website shows an error and will not load', 'bug_outage'],
  ['I forgot my password and cannot sign in', 'account_login'],
  ['please cancel my subscription', 'cancellation'],
  ['you should add an option to pay with PayPal', 'feature_request'],
  ['your staff was so rude, really disappointed', 'complaint'],
  ['do you deliver on Sundays?', 'question'],
  ["Je n'arrive pas à me connecter, mot de passe oublié", 'account_login'],
  ['Mi paquete no ha llegado todavía', 'delivery'],
  ['Ich möchte mein Abo kündigen', 'cancellation'],
  ['Fui cobrado duas vezes, quero reembolso', 'billing'],
  ["L'app non funziona, si blocca sempre", 'bug_outage'],
  ['비밀번호를 잊어버려서 로그인이 안 돼요', 'account_login'],
  ['ขอบคุณมากครับ บริการดีมาก', 'praise'],
]

describe('trainIntentModel on the default taxonomy', () => {
  const model = trainIntentModel(taxonomyExamples(DEFAULT_TAXONOMY))

  it('exposes every intent of the taxonomy as a label', () => {
    expect(model.labels.sort()).toEqual(DEFAULT_TAXONOMY.map((i) => i.name).sort())
    expect(model.version).toMatch(/^intent-local:[0-9a-f]{16}$/)
  })

  it('classifies fresh messages in several languages', () => {
    const wrong = FRESH.filter(([text, intent]) => model.predict(text).label !== intent)
    // A lexical model trained on ~17 examples per intent may miss one; more would be a regression.
    expect(wrong.length, JSON.stringify(wrong)).toBeLessThanOrEqual(1)
  })

  it('returns a ranked probability distribution with the top label first', () => {
    const p = model.predict('where is my package')
    const sum = p.ranked.reduce((s, r) => s + r.p, 0)
    // `ranked` keeps the ten likeliest of the default taxonomy's intents: nearly all the mass, never more than all of it.
    expect(p.ranked.length).toBeLessThanOrEqual(10)
    expect(sum).toBeGreaterThan(0.9)
    expect(sum).toBeLessThanOrEqual(1 + 1e-6)
    expect(p.ranked[0].label).toBe('delivery')
    expect(p.confidence).toBe(p.ranked[0].p)
    for (let i = 1; i < p.ranked.length; i++) expect(p.ranked[i - 1].p).toBeGreaterThanOrEqual(p.ranked[i].p)
  })
})

describe('other below the threshold', () => {
  const examples = taxonomyExamples(DEFAULT_TAXONOMY.filter((i) => i.name !== OTHER_INTENT))

  it('answers other when the best intent is not confident enough', () => {
    const strict = trainIntentModel(examples, { otherThreshold: 0.99 })
    const p = strict.predict('please cancel my subscription')
    expect(p.label).toBe(OTHER_INTENT)
    expect(p.confidence).toBeCloseTo(1 - p.ranked[0].p, 10)
    expect(strict.labels).toContain(OTHER_INTENT)
  })

  it('keeps a confident prediction', () => {
    const lenient = trainIntentModel(examples, { otherThreshold: 0.05 })
    expect(lenient.predict('please cancel my subscription').label).toBe('cancellation')
  })

  it('gives gibberish low confidence for every known intent', () => {
    const model = trainIntentModel(examples)
    expect(model.predict('zxqv wplk').label).toBe(OTHER_INTENT)
  })
})

describe('training behaviour', () => {
  const base = taxonomyExamples(DEFAULT_TAXONOMY)

  it('is deterministic and independent of example order', () => {
    const a = trainIntentModel(base)
    const b = trainIntentModel(base.slice().reverse())
    expect(b.version).toBe(a.version)
    expect(b.predict('my card was charged twice').ranked).toEqual(a.predict('my card was charged twice').ranked)
  })

  it('changes version with the data and the settings', () => {
    const a = trainIntentModel(base)
    expect(trainIntentModel([...base, { text: 'new example', label: 'question' }]).version).not.toBe(a.version)
    expect(trainIntentModel(base, { otherThreshold: 0.5 }).version).not.toBe(a.version)
  })

  it('learns a correction at once', () => {
    const text = 'the vending machine swallowed my coins'
    const corrected = trainIntentModel([
      ...base,
      ...['the vending machine ate my coins', 'vending machine kept my coins', 'coins swallowed by the vending machine'].map((t) => ({ text: t, label: 'billing' })),
    ])
    expect(corrected.predict(text).label).toBe('billing')
  })

  it('rejects an empty training set', () => {
    expect(() => trainIntentModel([])).toThrow()
  })
})

describe('fitTemperature', () => {
  it('softens over-confident logits and sharpens timid ones', () => {
    // Over-confident: always +10 for class 0, but class 0 is right only 60% of the time.
    const loud = Array.from({ length: 10 }, () => Float64Array.from([10, 0]))
    const targets = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1]
    expect(fitTemperature(loud, targets)).toBeGreaterThan(5)
    const timid = Array.from({ length: 10 }, () => Float64Array.from([0.1, 0]))
    expect(fitTemperature(timid, Array(10).fill(0))).toBeLessThan(0.2)
  })
})

const BANKING = new URL('../../../shared/datasets/intent/banking77_train.jsonl', import.meta.url)
describe.skipIf(!existsSync(BANKING))('banking77 sample (skipped: ../shared not present)', () => {
  it('reaches a sane accuracy with 10 examples per intent on 20 intents', () => {
    const rows = readFileSync(BANKING, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: string })
    const labels = [...new Set(rows.map((r) => r.label))].slice(0, 20)
    const byLabel = labels.map((l) => rows.filter((r) => r.label === l))
    const train = byLabel.flatMap((g) => g.slice(0, 10))
    const test = byLabel.flatMap((g) => g.slice(-20))
    const model = trainIntentModel(train, { otherThreshold: 0 })
    const accuracy = test.filter((e) => model.predict(e.text).label === e.label).length / test.length
    expect(accuracy).toBeGreaterThan(0.6)
  })
})

describe('default taxonomy cue families (fresh messages, not taxonomy examples)', () => {
  const model = trainIntentModel(taxonomyExamples(DEFAULT_TAXONOMY))
  const misread = (cases: Array<[string, string]>) => cases.filter(([text, intent]) => model.predict(text).label !== intent)

  it('reads a service outage in an area as connectivity, not as an app fault', () => {
    const wrong = misread([
      ['Is your network down in Bristol? No internet here since 8am', 'connectivity'],
      ['Broadband totally dead on our road, anyone else?', 'connectivity'],
      ['Y a-t-il une panne ? Plus rien ne marche chez moi depuis ce matin', 'connectivity'],
      ['Gibt es eine Störung? Kein Internet seit gestern Abend', 'connectivity'],
      ['¿Hay una caída en mi zona? Estoy sin internet', 'connectivity'],
      ['Tem alguma falha na rede? Estou sem internet desde ontem', 'connectivity'],
    ])
    expect(wrong, JSON.stringify(wrong)).toHaveLength(0)
  })

  it('reads back-orders and orders with no news as delivery', () => {
    const wrong = misread([
      ['Still nothing from my order, it has said out of stock for three weeks', 'delivery'],
      ['Where are my headphones? Order 88123, no update whatsoever', 'delivery'],
      ['Still no sign of the new modem I was promised last week', 'delivery'],
      ['Ainda sem notícias da minha encomenda', 'delivery'],
      ['Any news on the back order? I have been waiting since last month', 'delivery'],
      ['Où en est ma commande ? Toujours en rupture de stock', 'delivery'],
      ['Wo bleibt meine Bestellung? Keine Info seit Wochen', 'delivery'],
      ['¿Dónde está mi pedido? Sigue agotado', 'delivery'],
    ])
    expect(wrong, JSON.stringify(wrong)).toHaveLength(0)
  })

  it('reads an app that keeps crashing after an update as bug_outage', () => {
    const wrong = misread([
      ['Reinstalled it three times and the app still crashes on startup', 'bug_outage'],
      ['Deleted the app and installed it again, still crashes', 'bug_outage'],
      ["Depuis la mise à jour, l'appli plante au démarrage", 'bug_outage'],
      ['Seit dem Update stürzt die App beim Start ab', 'bug_outage'],
    ])
    expect(wrong, JSON.stringify(wrong)).toHaveLength(0)
  })
})
