// Bench section `themes`: one ISO week of N customer messages (default 50,000), already stored and
// embedded, turned into a theme report by the local path. Only the weekly run is timed: embeddings
// and enrichments are stored work that a run reuses, never redoes.
//
//   npx tsx bench/themes.ts [--messages 50000] [--json]
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import pino from 'pino'
import { createThemeService } from '../src/chains/themes/service.ts'
import { localThemeDescriber } from '../src/chains/themes/types.ts'
import { weekRange } from '../src/chains/themes/week.ts'
import { loadConfig } from '../src/config.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import { ingestConversations } from '../src/pipeline/ingest.ts'
import { createServices } from '../src/services.ts'
import { ensureModelIndex } from '../src/store/embeddings.ts'
import { workspacesRepo } from '../src/store/workspaces.ts'
import { generateConversations } from './corpus.ts'

export const BENCH_WEEK = '2026-W10'
const INGEST_BATCH = 100

export interface ThemesBenchResult {
  messages: number
  themes: number
  clustered: number
  runSeconds: number
  reportSeconds: number
  setupSeconds: number
  embedder: string
}

export async function benchThemes(opts: { messages?: number; log?: (line: string) => void } = {}): Promise<ThemesBenchResult> {
  const target = opts.messages ?? 50_000
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const dir = await mkdtemp(join(tmpdir(), 'parley-bench-themes-'))
  const embedder = createBuiltinEmbedder()
  const services = await createServices(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', EMBEDDINGS: 'builtin', WORKER: 'off' }), { embedder, log: pino({ level: 'silent' }) })
  try {
    const setupStart = performance.now()
    const workspaceId = (await workspacesRepo(services.db).create('bench-themes')).id
    // Every customer message of the synthetic corpus, one per conversation, spread over one week.
    const { from } = weekRange(BENCH_WEEK)
    const customers = generateConversations({ messages: Math.ceil(target * 2.2) })
      .flatMap((c) => c.messages.filter((m) => m.role === 'customer').map((m) => ({ c, m })))
      .slice(0, target)
    const conversations = customers.map(({ c, m }, i) => ({
      channel: c.channel,
      externalId: `${c.externalId}-${i}`,
      customer: c.customer,
      messages: [{ ...m, sentAt: new Date(from.getTime() + Math.floor((i / customers.length) * 7 * 86_400_000)).toISOString() }],
    }))
    for (let i = 0; i < conversations.length; i += INGEST_BATCH) await ingestConversations(services.db, workspaceId, conversations.slice(i, i + INGEST_BATCH))
    // Embed directly (the worker would also classify, which this section does not measure).
    await ensureModelIndex(services.db, embedder.id, embedder.dimension)
    const { rows } = await services.db.query<{ id: string; text: string; contentHash: string }>(
      `SELECT id, text, content_hash AS "contentHash" FROM messages WHERE workspace_id = $1`, [workspaceId])
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000)
      const vectors = await embedder.embed(chunk.map((r) => r.text))
      await services.db.writeEmbeddings(chunk.map((r, j) => ({ messageId: r.id, workspaceId, model: embedder.id, vector: vectors[j], contentHash: r.contentHash })))
    }
    await services.db.query(`DELETE FROM jobs WHERE workspace_id = $1`, [workspaceId])
    const setupSeconds = (performance.now() - setupStart) / 1000
    log(`themes bench: ${rows.length} customer messages stored and embedded in ${setupSeconds.toFixed(1)} s (not timed)`)

    const themes = createThemeService({ db: services.db, embedderId: embedder.id, describer: localThemeDescriber, log: services.log, clock: () => new Date() })
    const runStart = performance.now()
    const outcome = await themes.runWeek(workspaceId, BENCH_WEEK)
    const runSeconds = (performance.now() - runStart) / 1000
    const reportStart = performance.now()
    await themes.report(workspaceId, BENCH_WEEK)
    const reportSeconds = (performance.now() - reportStart) / 1000
    return { messages: outcome.messages, themes: outcome.themes, clustered: outcome.clustered, runSeconds, reportSeconds, setupSeconds, embedder: embedder.id }
  } finally {
    await services.close()
    await rm(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { messages: { type: 'string' }, json: { type: 'boolean', default: false } } })
  const result = await benchThemes({ messages: values.messages ? Number(values.messages) : undefined })
  if (values.json) console.log(JSON.stringify({ section: 'themes', ...result }))
  else console.log(`themes: ${result.messages} messages → ${result.themes} themes (${result.clustered} clustered) in ${result.runSeconds.toFixed(2)} s; report ${result.reportSeconds.toFixed(2)} s`)
}
