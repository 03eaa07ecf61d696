// Sends the demo corpus (or any conversations JSONL) to a running Parley over HTTP, in batches.
// Usage: PARLEY_KEY=pk_… npm run demo:load [-- file.jsonl] [--url http://127.0.0.1:3000]
import { readFileSync } from 'node:fs'

const args = process.argv.slice(2)
const urlFlag = args.indexOf('--url')
const base = (urlFlag >= 0 ? args[urlFlag + 1] : process.env.PARLEY_URL) ?? 'http://127.0.0.1:3000'
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--url') ?? new URL('../demo/conversations.jsonl', import.meta.url).pathname
const key = process.env.PARLEY_KEY ?? process.env.PARLEY_API_KEY
if (!key) {
  console.error('set PARLEY_KEY to an API key (the one printed on first start, or PARLEY_API_KEY)')
  process.exit(2)
}
const BATCH = 100
const conversations = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
for (let i = 0; i < conversations.length; i += BATCH) {
  const res = await fetch(`${base}/v1/conversations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ conversations: conversations.slice(i, i + BATCH) }),
  })
  const body = (await res.json()) as { totals?: typeof totals; error?: { code: string; message: string } }
  if (!body.totals) {
    console.error(`batch ${i / BATCH + 1}: HTTP ${res.status} ${body.error?.code}: ${body.error?.message}`)
    process.exit(1)
  }
  for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += body.totals[k]
  process.stderr.write(`\r${Math.min(i + BATCH, conversations.length)}/${conversations.length} conversations sent`)
}
process.stderr.write('\n')
console.log(`created ${totals.created}, updated ${totals.updated}, unchanged ${totals.unchanged}, rejected ${totals.rejected}`)
console.log('enrichment (embeddings, sentiment, intents) continues in the background; GET /ready shows the queue')
