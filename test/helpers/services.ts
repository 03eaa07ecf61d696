import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { inject } from 'vitest'
import { buildApp, type BuildAppOptions } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createBuiltinEmbedder } from '../../src/embeddings/builtin.ts'
import { createServices, type CreateServicesOptions, type Services } from '../../src/services.ts'
import type { Db } from '../../src/store/db.ts'
import { openPgliteDb } from '../../src/store/pglite.ts'
import { apiKeysRepo, workspacesRepo, type Role } from '../../src/store/workspaces.ts'

/** A private copy of the migrated template data dir. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-test-db-'))
  cpSync(inject('pgTemplate'), dir, { recursive: true })
  return dir
}

export async function openTestDb(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const dir = freshDataDir()
  const db = await openPgliteDb(dir)
  return { db, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }) } }
}

export function testConfig(env: Record<string, string> = {}) {
  // Load shedding is off unless a test sets it: a busy CI machine must not turn assertions into 503s.
  return loadConfig({ LOG_LEVEL: 'silent', EMBEDDINGS: 'builtin', WORKER: 'off', MAX_EVENT_LOOP_DELAY_MS: '0', ...env })
}

export async function createTestServices(opts: CreateServicesOptions & { env?: Record<string, string>; app?: Omit<BuildAppOptions, 'logger'> } = {}) {
  const { env, app: appOptions, ...rest } = opts
  const dir = freshDataDir()
  const config = testConfig({ DATA_DIR: dir, ...env })
  const services = await createServices(config, { embedder: createBuiltinEmbedder(), log: pino({ level: 'silent' }), ...rest })
  const app = await buildApp(services, { logger: false, ...appOptions })
  return {
    services,
    app,
    /** POST /v1/conversations with the workspace's ingest key, then run enrichment to the end. */
    async ingest(ws: { auth: (role?: Role) => Record<string, string> }, conversations: unknown[]) {
      const res = await app.inject({ method: 'POST', url: '/v1/conversations', headers: ws.auth('ingest'), payload: { conversations } })
      if (res.statusCode !== 200) throw new Error(`ingest answered ${res.statusCode}: ${res.body}`)
      await services.worker.drain()
      return res.json().results as Array<{ id: string; externalId: string; status: string }>
    },
    async close() {
      await app.close()
      await services.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

let counter = 0
/** A fresh workspace with one key per role: tests isolate by workspace instead of resetting the DB. */
export async function createWorkspace(services: Services, name = `ws-${process.pid}-${++counter}-${Date.now()}`) {
  const ws = await workspacesRepo(services.db).create(name)
  const keys = {} as Record<Role, string>
  for (const role of ['admin', 'agent', 'analyst', 'ingest'] as Role[]) {
    keys[role] = (await apiKeysRepo(services.db).create(ws.id, role, `${role} key`)).key
  }
  const auth = (role: Role = 'admin') => ({ authorization: `Bearer ${keys[role]}` })
  return { id: ws.id, keys, auth }
}

export function conversation(externalId: string, texts: Array<[role: 'customer' | 'agent', text: string]>, extra: Record<string, unknown> = {}) {
  return {
    channel: 'x',
    externalId,
    customer: { handle: `@cust_${externalId}` },
    messages: texts.map(([role, text], i) => ({
      externalId: `${externalId}-m${i}`,
      role,
      author: role === 'agent' ? 'Support' : `@cust_${externalId}`,
      text,
      sentAt: new Date(Date.UTC(2026, 9, 1, 10, i)).toISOString(),
    })),
    ...extra,
  }
}
