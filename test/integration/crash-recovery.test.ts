// kill -9 in the middle of enrichment: every message acknowledged before the crash ends up enriched
// exactly once, with nothing left 'running'. Embedded store: the next process requeues the dead one's
// jobs at once. Server: the dead worker's lease runs out and another worker takes its jobs.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createBuiltinEmbedder } from '../../src/embeddings/builtin.ts'
import { createServices } from '../../src/services.ts'
import { createPgServerDatabase, PG_SERVER_SKIP_REASON } from '../helpers/pg-socket.ts'
import { freshDataDir, testConfig } from '../helpers/services.ts'

const CHILD = fileURLToPath(new URL('../helpers/enrich-child.ts', import.meta.url))
const LEASE_SECONDS = 1

/** Runs the child until its first enrichment batch is done, a moment more so it holds the next one, then SIGKILLs it. */
function runChildAndKill(env: Record<string, string>): Promise<{ acknowledged: number; workspaceId: string; batches: number }> {
  return new Promise((resolve, reject) => {
    // node --import tsx: one process (the tsx binary would fork a second one that SIGKILL does not reach).
    const { DATABASE_URL: _ignored, ...inherited } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...inherited, ...env, WORKER_BATCH: '1', CHILD_CONVERSATIONS: '300' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    let acknowledged = 0
    let workspaceId = ''
    let batches = 0
    child.stderr.on('data', (d) => (err += d))
    child.stdout.on('data', (d) => {
      out += d
      for (const line of out.split('\n')) {
        const ack = /^ACK (\d+) (\S+)/.exec(line)
        if (ack) [acknowledged, workspaceId] = [Number(ack[1]), ack[2]]
      }
      batches = out.split('\n').filter((l) => l.startsWith('BATCH')).length
      if (batches === 1 && !child.killed) setTimeout(() => child.kill('SIGKILL'), 150)
    })
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended with ${code ?? signal} before it was killed: ${err.slice(-2000)}`))
      else resolve({ acknowledged, workspaceId, batches })
    })
  })
}

async function recoverAndCheck(env: Record<string, string>, acknowledged: number, workspaceId: string, opts: { waitSeconds: number }) {
  const services = await createServices(testConfig(env), { embedder: createBuiltinEmbedder(), log: pino({ level: 'silent' }) })
  try {
    const { db } = services
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE workspace_id = $1 AND status = 'running'`, [workspaceId])
    await new Promise((r) => setTimeout(r, opts.waitSeconds * 1000))
    await services.worker.drain()
    const { rows } = await db.query<{ messages: number; enriched: number; embedded: number; stale: number; unfinished: number }>(
      `SELECT (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS messages,
              (SELECT count(*)::int FROM enrichments e JOIN messages m ON m.id = e.message_id AND m.content_hash = e.content_hash
                 WHERE e.workspace_id = $1) AS enriched,
              (SELECT count(*)::int FROM message_embeddings WHERE workspace_id = $1) AS embedded,
              (SELECT count(*)::int FROM (SELECT message_id FROM message_embeddings WHERE workspace_id = $1 GROUP BY message_id HAVING count(*) > 1) d) AS stale,
              (SELECT count(*)::int FROM jobs WHERE workspace_id = $1 AND kind = 'enrich' AND status <> 'done') AS unfinished`,
      [workspaceId],
    )
    expect(acknowledged).toBe(900)
    expect(rows[0]).toEqual({ messages: acknowledged, enriched: acknowledged, embedded: acknowledged, stale: 0, unfinished: 0 })
    return { runningAtRestart: before.rows[0].n }
  } finally {
    await services.close()
  }
}

describe('crash recovery after SIGKILL mid-enrichment', () => {
  it('embedded store: the next process requeues the running jobs at once and enriches every acknowledged message exactly once', async () => {
    const dir = freshDataDir()
    try {
      const { acknowledged, workspaceId, batches } = await runChildAndKill({ DATA_DIR: dir })
      expect(batches).toBeGreaterThanOrEqual(1)
      // No wait: the lease is irrelevant for an embedded store (one process by construction).
      const { runningAtRestart } = await recoverAndCheck({ DATA_DIR: dir }, acknowledged, workspaceId, { waitSeconds: 0 })
      expect(runningAtRestart).toBeLessThanOrEqual(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)

  it.skipIf(PG_SERVER_SKIP_REASON)(`Postgres server: the dead worker's jobs are taken over after its lease ${PG_SERVER_SKIP_REASON ? `(skipped: ${PG_SERVER_SKIP_REASON})` : ''}`, async () => {
    const { databaseUrl, cleanup } = await createPgServerDatabase()
    try {
      const env = { DATABASE_URL: databaseUrl, JOB_LEASE_SECONDS: String(LEASE_SECONDS) }
      const { acknowledged, workspaceId } = await runChildAndKill(env)
      await recoverAndCheck(env, acknowledged, workspaceId, { waitSeconds: LEASE_SECONDS + 0.5 })
    } finally {
      await cleanup()
    }
  }, 180_000)
})
