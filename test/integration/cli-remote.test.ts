// CLI commands the API can serve work while a service holds the embedded store: they find it (its state
// file beside the store, PARLEY_URL or --url), authenticate with PARLEY_KEY / --key, and act on the key's
// workspace. Without a running service they open the store, with `default` as the workspace everywhere.
// The CLI runs as a real child process (bin/parley.js), against a real listening app.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeServiceState } from '../../src/service-state.ts'
import { createTestServices, createWorkspace, freshDataDir } from '../helpers/services.ts'

const run = promisify(execFile)
const BIN = join(import.meta.dirname, '../../bin/parley.js')

let t: Awaited<ReturnType<typeof createTestServices>>
let url: string
let ws: Awaited<ReturnType<typeof createWorkspace>>
let dir: string

beforeAll(async () => {
  t = await createTestServices()
  ws = await createWorkspace(t.services, `cli-remote-${process.pid}`)
  url = await t.app.listen({ port: 0, host: '127.0.0.1' })
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-remote-'))
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Runs `parley …` with a clean client environment; resolves with the exit code instead of throwing. */
async function parley(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['PARLEY_URL', 'PARLEY_KEY', 'DATABASE_URL', 'PARLEY_API_KEY'].includes(k)))
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...clean, LOG_LEVEL: 'warn', EMBEDDINGS: 'builtin', ...env }, timeout: 120_000 })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code?: number; stdout: string; stderr: string }
    return { code: e.code ?? 1, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('CLI through a running service', () => {
  it('finds the service that holds the store through its state file and uses PARLEY_KEY', async () => {
    const dataDir = join(dir, 'held')
    // This test process stands in for the server: alive, listening at url, holding dataDir.
    writeServiceState(dataDir, { url, pid: process.pid })

    const list = await parley(['workspace', 'list'], { DATA_DIR: dataDir, PARLEY_KEY: ws.keys.admin })
    expect(list).toMatchObject({ code: 0 })
    expect(list.stdout.trim()).toBe(`${ws.id}  cli-remote-${process.pid}`)

    const key = await parley(['key', 'create', '--role', 'analyst'], { DATA_DIR: dataDir, PARLEY_KEY: ws.keys.admin })
    expect(key.code).toBe(0)
    const created = /\(shown once\): (\S+)/.exec(key.stdout)?.[1]
    const me = await t.app.inject({ url: '/v1/workspace', headers: { authorization: `Bearer ${created}` } })
    expect(me.json()).toMatchObject({ id: ws.id, role: 'analyst' })

    const file = join(dir, 'one.jsonl')
    writeFileSync(file, `${JSON.stringify({ channel: 'chat', externalId: 'cli-remote-1', customer: 'u', messages: [{ externalId: 'm', role: 'customer', text: 'hello there', sentAt: '2026-05-01T10:00:00Z' }] })}\n`)
    const imported = await parley(['import', file], { DATA_DIR: dataDir, PARLEY_KEY: ws.keys.admin })
    expect(imported.stdout).toMatch(/conversations: 1 created/)
    const stored = await t.app.inject({ url: '/v1/conversations?limit=5', headers: ws.auth('admin') })
    expect((stored.json() as { items: Array<{ externalId: string }> }).items.map((c) => c.externalId)).toContain('cli-remote-1')

    const missingKey = await parley(['themes'], { DATA_DIR: dataDir })
    expect(missingKey.code).toBe(1)
    expect(missingKey.stderr.trim()).toMatch(/^parley: Parley is running at http:\/\/127\.0\.0\.1:\d+ .*set PARLEY_KEY \(or --key\)/)
    expect(missingKey.stderr.trim().split('\n')).toHaveLength(1)
  }, 300_000)

  it('serves themes and ask over PARLEY_URL / --url, and refuses a --workspace the key does not belong to', async () => {
    const themes = await parley(['themes', '--week', '2026-W44', '--format', 'json'], { DATA_DIR: join(dir, 'unused'), PARLEY_URL: url, PARLEY_KEY: ws.keys.analyst })
    expect(themes.code).toBe(0)
    expect(JSON.parse(themes.stdout)).toMatchObject({ week: '2026-W44' })

    const ask = await parley(['ask', 'How many conversations did we get last week?', '--url', url, '--key', ws.keys.analyst, '--json'], { DATA_DIR: join(dir, 'unused') })
    expect(ask.code).toBe(0)
    expect(JSON.parse(ask.stdout)).toHaveProperty('figures')

    const wrong = await parley(['ask', 'How many conversations?', '--workspace', 'someone-else'], { DATA_DIR: join(dir, 'unused'), PARLEY_URL: url, PARLEY_KEY: ws.keys.analyst })
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/belongs to workspace "cli-remote-\d+", not "someone-else"/)
  }, 300_000)
})

describe('CLI on the store itself', () => {
  it('key create defaults to the default workspace like every other command', async () => {
    const dataDir = freshDataDir()
    try {
      const key = await parley(['key', 'create', '--role', 'agent'], { DATA_DIR: dataDir })
      expect(key.stderr).toBe('')
      expect(key.stdout).toMatch(/^agent key for default \(shown once\): pk_/)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 300_000)
})
