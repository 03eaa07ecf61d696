// Import a file into a workspace, then let the worker enrich it: shared by `parley import` and the evals.
import { statSync } from 'node:fs'
import { createProgress } from '../../evals/progress.ts'
import { bootstrapDefaultWorkspace, DEFAULT_WORKSPACE_NAME, type Services } from '../services.ts'
import { jobsRepo } from '../store/jobs.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { readImportRows, rowToConversation } from './dataset-import.ts'
import { ingestConversations } from './ingest.ts'
import { MAX_CONVERSATIONS_PER_BATCH } from './ingest-schema.ts'

export const DEFAULT_IMPORT_BATCH = 200

export async function workspaceIdByName(s: Services, name: string, create = false): Promise<string> {
  if (name === DEFAULT_WORKSPACE_NAME) return (await bootstrapDefaultWorkspace(s.db, s.config.adminApiKey)).workspaceId
  const repo = workspacesRepo(s.db)
  const ws = (await repo.byName(name)) ?? (create ? await repo.create(name) : undefined)
  if (!ws) throw new Error(`no workspace named "${name}" (parley workspace create ${name})`)
  return ws.id
}

export async function importFile(s: Services, workspaceId: string, file: string, opts: { limit?: number; batch?: number; enrich?: boolean; quiet?: boolean }) {
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0, messages: 0 }
  const rejections: string[] = []
  const size = statSync(file).size
  const progress = opts.quiet ? undefined : createProgress(`import ${file}`, opts.limit ?? Math.max(1, Math.round(size / 400)))
  let batch: unknown[] = []
  let index = 0
  const flush = async () => {
    if (batch.length === 0) return
    const res = await ingestConversations(s.db, workspaceId, batch)
    for (const r of res.results) {
      totals[r.status]++
      if (r.status === 'rejected' && rejections.length < 5) rejections.push(`${r.externalId ?? `#${r.index}`}: ${r.errors?.map((e) => `${e.path} ${e.message}`).join('; ')}`)
    }
    totals.messages += res.totals.messages.created + res.totals.messages.updated
    progress?.tick(batch.length)
    batch = []
  }
  for await (const row of readImportRows(file, { limit: opts.limit })) {
    try {
      batch.push(rowToConversation(row, index).conversation)
    } catch (err) {
      totals.rejected++
      if (rejections.length < 5) rejections.push(`row ${index + 1}: ${err instanceof Error ? err.message : String(err)}`)
    }
    index++
    if (batch.length >= Math.min(opts.batch ?? DEFAULT_IMPORT_BATCH, MAX_CONVERSATIONS_PER_BATCH)) await flush()
  }
  await flush()
  progress?.done()
  if (opts.enrich !== false) {
    // Enrichment queues follow-up jobs (summaries), so progress is against the jobs queued now and
    // the bar stops at 100% while the follow-ups finish.
    const queued = Math.max(1, (await jobsRepo(s.db).depth()).queued)
    const enrich = opts.quiet ? undefined : createProgress('enrich (jobs)', queued)
    let done = 0
    await s.worker.drain((n) => {
      const step = Math.min(n, queued - done)
      done += step
      if (step > 0) enrich?.tick(step)
    })
    enrich?.done()
  }
  return { totals, rejections }
}

