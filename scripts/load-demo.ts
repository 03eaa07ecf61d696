// Loads the demo brand into a running Parley over its API: the conversations (in batches), the knowledge
// articles and a brand voice. Safe to run again: conversations and articles are keyed by externalId, the
// voice is replaced. Usage: PARLEY_KEY=pk_… npm run demo:load [-- conversations.jsonl] [--url http://host:port]
// The service is found like the CLI finds it: --url, PARLEY_URL, the URL a local service recorded, else the
// same PORT/HOST defaults the service listens on.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createServiceClient, serviceTarget, ServiceClientError, type ServiceClient } from '../src/cli-remote.ts'
import { ConfigError, loadConfig } from '../src/config.ts'
import { createProgress } from '../src/progress.ts'

const demoFile = (name: string) => fileURLToPath(new URL(`../demo/${name}`, import.meta.url))
/** Each request stays small; the API takes up to 500 conversations per request. */
const BATCH = 100

type Totals = { created: number; updated: number; unchanged: number; rejected: number }

function parseArgs(argv: string[]): { url?: string; file: string } {
  let url: string | undefined
  let file: string | undefined
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') url = argv[++i]
    else if (argv[i].startsWith('--url=')) url = argv[i].slice('--url='.length)
    else file = argv[i]
  }
  return { url, file: file ?? demoFile('conversations.jsonl') }
}

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>)

async function loadConversations(client: ServiceClient, file: string): Promise<Totals> {
  const conversations = readJsonl(file)
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 }
  // A bar on a terminal; in a pipe or a log, a few plain lines ("100/528 conversations sent200/528…" ran together).
  const progress = createProgress('conversations sent', conversations.length)
  for (let i = 0; i < conversations.length; i += BATCH) {
    const batch = conversations.slice(i, i + BATCH)
    const body = await client.request<{ totals: Totals }>('POST', '/v1/conversations', { body: { conversations: batch } })
    for (const k of Object.keys(totals) as Array<keyof Totals>) totals[k] += body.totals[k]
    progress.tick(batch.length)
  }
  progress.done()
  return totals
}

/** Upserts by externalId, so a second run updates the same articles instead of adding copies. */
async function loadKnowledge(client: ServiceClient): Promise<{ created: number; updated: number }> {
  const counts = { created: 0, updated: 0 }
  for (const article of readJsonl(demoFile('knowledge.jsonl'))) {
    const { status } = await client.call('POST', '/v1/knowledge', { body: article })
    counts[status === 201 ? 'created' : 'updated']++
  }
  return counts
}

export async function loadDemo(argv: string[], env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch): Promise<string[]> {
  const args = parseArgs(argv)
  const config = loadConfig(env)
  const key = config.client.apiKey ?? config.adminApiKey
  if (!key) throw new ServiceClientError('set PARLEY_KEY to an admin API key (the one printed on first start, or PARLEY_API_KEY)')
  const client = createServiceClient(serviceTarget(config, args.url), key, fetchImpl)
  const conversations = await loadConversations(client, args.file)
  const knowledge = await loadKnowledge(client)
  await client.request('PUT', '/v1/settings/voice', { body: JSON.parse(readFileSync(demoFile('voice.json'), 'utf8')) })
  return [
    `loaded into ${client.url}`,
    `conversations: ${conversations.created} created, ${conversations.updated} updated, ${conversations.unchanged} unchanged, ${conversations.rejected} rejected`,
    `knowledge articles: ${knowledge.created} created, ${knowledge.updated} updated`,
    'brand voice: set from demo/voice.json',
    'enrichment (embeddings, sentiment, intents) continues in the background; GET /ready shows the queue',
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    for (const line of await loadDemo(process.argv.slice(2))) console.log(line)
  } catch (err) {
    // One line a person can act on: a stack trace here only hides the reason.
    const known = err instanceof ServiceClientError || err instanceof ConfigError
    console.error(`demo:load: ${known ? err.message : err instanceof Error ? err.message : String(err)}`)
    process.exit(err instanceof ServiceClientError && err.message.startsWith('set PARLEY_KEY') ? 2 : 1)
  }
}
