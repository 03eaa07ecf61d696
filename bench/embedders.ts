// Embedding throughput: `npx tsx bench/embedders.ts [--limit N] [--json]`.
// Texts are generated here (short, social-care-like, several languages) so the bench needs no data.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import type { Embedder } from '../src/embeddings/embedder.ts'
import { createTransformersEmbedder } from '../src/embeddings/transformers.ts'

const DEFAULT_TEXT_COUNT = 5000
const WARM_UP_TEXTS = 64
const GLOVE_FOLDER = fileURLToPath(new URL('../../shared/models/glove-6b-100d-sif', import.meta.url))

export async function benchEmbedder(e: Embedder, texts: string[]): Promise<{ id: string; textsPerSecond: number }> {
  // Warm-up keeps one-off costs (JIT, ONNX session first run) out of the figure.
  await e.embed(texts.slice(0, WARM_UP_TEXTS))
  const started = performance.now()
  await e.embed(texts)
  const seconds = (performance.now() - started) / 1000
  return { id: e.id, textsPerSecond: Math.round(texts.length / seconds) }
}

const OPENERS = ['', 'hi, ', 'hello! ', 'ugh ', '@support ', 'hey team, ', 'so ', 'seriously? ']
const SUBJECTS = ['my order', 'the parcel', 'my refund', 'the app', 'my flight', 'the invoice', 'my account', 'the delivery', 'my card', 'the subscription']
const PROBLEMS = [
  'is late again', 'never arrived', 'was charged twice', 'keeps crashing when I log in', 'got cancelled without notice',
  'shows the wrong amount', 'is locked and I cannot reset the password', 'arrived damaged', 'still says pending after a week',
  'was delayed for %n hours', 'disappeared from the list', 'needs a new address',
]
const CLOSERS = ['', ' please help', ' thanks', ' 😡', ' what is going on?', ' order #%n', ' this is the %nth time', ' 🙏', ' https://t.co/x%n']
const OTHER_LANGUAGES = [
  'Mon colis n\'est toujours pas arrivé, commande %n',
  'Mi pedido %n llegó dañado, quiero un reembolso',
  '배송이 %n일째 안 와요 확인 부탁드립니다',
  'พัสดุหมายเลข %n ยังไม่มาส่งเลยครับ',
  '注文%nの商品がまだ届きません',
  'Meine Rechnung %n ist doppelt abgebucht worden',
  'O aplicativo trava toda vez que abro, versão %n',
  'لم يصل طلبي رقم %n حتى الآن',
]

/** Deterministic (seeded) so two runs measure the same work. */
export function generateBenchTexts(count: number, seed = 42): string[] {
  let state = seed >>> 0
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
  const pick = <T>(items: T[]): T => items[next(items.length)]
  return Array.from({ length: count }, () => {
    const text = next(5) === 0 ? pick(OTHER_LANGUAGES) : `${pick(OPENERS)}${pick(SUBJECTS)} ${pick(PROBLEMS)}${pick(CLOSERS)}`
    return text.replaceAll('%n', String(next(100_000)))
  })
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string' }, json: { type: 'boolean', default: false } } })
  const texts = generateBenchTexts(values.limit ? Number(values.limit) : DEFAULT_TEXT_COUNT)
  const results: Array<{ id: string; textsPerSecond: number } | { id: string; skipped: string }> = []

  results.push(await benchEmbedder(createBuiltinEmbedder(), texts))
  if (existsSync(`${GLOVE_FOLDER}/tokenizer.json`)) {
    const glove = await createTransformersEmbedder({ model: GLOVE_FOLDER, dtype: 'fp32' })
    results.push(await benchEmbedder(glove, texts))
    await glove.close?.()
  } else {
    results.push({ id: 'transformers:glove-6b-100d-sif', skipped: `${GLOVE_FOLDER} not present` })
  }

  if (values.json) {
    console.log(JSON.stringify({ texts: texts.length, results }, null, 2))
    return
  }
  console.log(`embedding throughput on ${texts.length} short texts`)
  for (const r of results) console.log(`  ${r.id.padEnd(48)} ${'skipped' in r ? `skipped: ${r.skipped}` : `${r.textsPerSecond} texts/s`}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
