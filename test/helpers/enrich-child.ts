// A Parley process for the crash-recovery test: stores conversations (printing ACK <n> once they are
// acknowledged), then enriches them with a worker, printing BATCH <jobs> after each batch, until the
// test kills it with SIGKILL. Configured through the environment like the server (DATA_DIR or DATABASE_URL).
import pino from 'pino'
import { loadConfig } from '../../src/config.ts'
import { ingestConversations } from '../../src/pipeline/ingest.ts'
import { bootstrapDefaultWorkspace, createServices } from '../../src/services.ts'

const conversations = Number(process.env.CHILD_CONVERSATIONS ?? 300)
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', EMBEDDINGS: 'builtin', WORKER: 'off' })
const services = await createServices(config, { log: pino({ level: 'silent' }) })
const { workspaceId } = await bootstrapDefaultWorkspace(services.db)
const items = Array.from({ length: conversations }, (_, c) => ({
  channel: 'chat',
  externalId: `crash-${c}`,
  customer: `@customer${c}`,
  messages: Array.from({ length: 3 }, (_, m) => ({
    externalId: `crash-${c}-${m}`,
    role: m % 2 === 0 ? 'customer' : 'agent',
    text: m % 2 === 0 ? `my order ${c} is late, message ${m}, where is it?` : `sorry about order ${c}, checking now`,
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, c, m)).toISOString(),
  })),
}))
let acknowledged = 0
for (let i = 0; i < items.length; i += 50) {
  const res = await ingestConversations(services.db, workspaceId, items.slice(i, i + 50))
  acknowledged += res.totals.messages.created
}
process.stdout.write(`ACK ${acknowledged} ${workspaceId}\n`)
await services.worker.drain((jobs) => process.stdout.write(`BATCH ${jobs}\n`))
process.stdout.write('DRAINED\n')
await services.close()
