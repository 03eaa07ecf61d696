// Process entry only: config → services → app → listen; graceful close on SIGINT/SIGTERM.
// First import on purpose: on an unsupported Node it exits with one line before anything else loads.
import './node-version.ts'
import type { AddressInfo } from 'node:net'
import { loadConfig } from './config.ts'
import { buildApp } from './app.ts'
import { bootstrapDefaultWorkspace, createServices } from './services.ts'
import { localServiceUrl, removeServiceState, writeServiceState } from './service-state.ts'

const config = loadConfig()
const services = await createServices(config)
const boot = await bootstrapDefaultWorkspace(services.db, config.adminApiKey)
if (boot.printedKey) {
  // Printed once, on purpose not through the logger: it must not end up in log storage.
  process.stdout.write(
    `\nParley created the default workspace. Its admin API key (shown only now, store it safely):\n\n  ${boot.printedKey}\n\n`,
  )
}
const app = await buildApp(services)
services.log.info({ embedder: services.embedder.id, reason: services.embedderReason, database: services.db.kind }, 'services ready')
if (config.worker.mode === 'inprocess') await services.worker.start()

let closing = false
async function shutdown(signal: string) {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  const force = setTimeout(() => process.exit(1), 15_000)
  force.unref()
  if (services.db.kind === 'pglite') removeServiceState(config.dataDir)
  await app.close()
  await services.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

await app.listen({ port: config.port, host: config.host })
if (services.db.kind === 'pglite') {
  // This process now holds the embedded store: CLI commands and npm run demo:load find the API here instead.
  const { port } = app.server.address() as AddressInfo
  writeServiceState(config.dataDir, { url: localServiceUrl({ host: config.host, port }), pid: process.pid })
}
