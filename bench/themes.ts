// Bench section `themes`: one ISO week of N customer messages (default 50,000), stored, embedded and
// classified, turned into a theme report by the local path. The weekly run is what is timed: vectors
// and enrichments are stored work that a run reuses, never redoes, and a second run proves it by
// counting what the embedder and the worker were asked to do.
//
//   npm run bench -- --only themes [--themes-messages 50000]   (200000: the large week)
//   [--themes-languages en]: a week in one language, which the weekly run clusters with its words too
//
// Embedded PGlite always; a PostgreSQL server too when BENCH_DATABASE_URL names one (a private
// database on it, dropped afterwards).
import { classificationStage } from '../src/chains/classify/enrichment-stage.ts'
import { createThemeService } from '../src/chains/themes/service.ts'
import type { RunOutcome } from '../src/chains/themes/weekly-run.ts'
import { localThemeDescriber } from '../src/chains/themes/types.ts'
import { weekRange } from '../src/chains/themes/week.ts'
import { createBuiltinEmbedder } from '../src/embeddings/builtin.ts'
import type { Embedder } from '../src/embeddings/embedder.ts'
import { ingestInBatches } from '../src/pipeline/ingest-batches.ts'
import { loadStageMessages } from '../src/store/messages.ts'
import { generateConversations, type BenchConversation } from './corpus.ts'
import { ingestAll, loadVectorsInBulk, openFreshServerServices, seconds, withFreshServices, type BenchSection, type BenchServices, type Cell } from './harness.ts'

export const BENCH_WEEK = '2026-W10'
/** Conversations per ingest call (the API's maximum): loading is setup here, not what is measured. */
const INGEST_BATCH = 500
/** Messages per classification call, as a worker batch holds them. */
const CLASSIFY_CHUNK = 1_024

export interface ThemesRun {
  seconds: number
  messages: number
  themes: number
  clustered: number
  /** Texts the embedder was asked for during the run (0: every vector was reused). */
  embeddedTexts: number
  /** Enrichment rows written during the run (0: every enrichment was reused). */
  enrichmentsWritten: number
  /** Wall and CPU milliseconds per step of the weekly run (weekly-run.ts). */
  steps: RunOutcome['steps']
  /** Only for the second run: what re-sending the week's conversations changed. */
  reingest?: { messagesCreated: number; messagesUpdated: number; workerJobs: number }
}

export interface ThemesBenchResult {
  backend: 'pglite' | 'pg server'
  embedder: string
  setup: { ingestSeconds: number; vectorSeconds: number; indexSeconds: number; classifySeconds: number }
  first: ThemesRun
  reportSeconds: number
  second: ThemesRun
}

/** The embedder with a count of the texts it was asked to embed. */
function countingEmbedder(inner: Embedder): Embedder & { texts(): number } {
  let texts = 0
  return {
    id: inner.id,
    dimension: inner.dimension,
    embed: (batch, o) => {
      texts += batch.length
      return inner.embed(batch, o)
    },
    close: () => inner.close?.() ?? Promise.resolve(),
    texts: () => texts,
  }
}

/** Every customer message of the synthetic corpus, one per conversation, spread evenly over the week. */
function weekOfCustomerMessages(target: number, languages?: string[]): BenchConversation[] {
  const { from } = weekRange(BENCH_WEEK)
  const customers = generateConversations({ messages: Math.ceil(target * 2.2), idPrefix: 'themes', languages })
    .flatMap((c) => c.messages.filter((m) => m.role === 'customer').map((m) => ({ c, m })))
    .slice(0, target)
  return customers.map(({ c, m }, i) => ({
    channel: c.channel,
    externalId: `${c.externalId}-${i}`,
    customer: c.customer,
    messages: [{ ...m, sentAt: new Date(from.getTime() + Math.floor((i / customers.length) * 7 * 86_400_000)).toISOString() }],
  }))
}

async function enrichmentsWrittenSince(s: BenchServices, since: Date): Promise<number> {
  const { rows } = await s.services.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM enrichments WHERE workspace_id = $1 AND updated_at >= $2`,
    [s.workspaceId, since.toISOString()],
  )
  return rows[0].n
}

/** Services on a private database of the PostgreSQL server at `url` for the duration of `fn`. */
async function withServerServices<T>(url: string, embedder: Embedder, fn: (s: BenchServices) => Promise<T>): Promise<T> {
  const { close, ...s } = await openFreshServerServices(url, `parley_bench_themes_${process.pid}`, embedder)
  try {
    return await fn(s)
  } finally {
    await close()
  }
}

export async function benchThemes(opts: { messages?: number; languages?: string[]; progress?: (line: string) => void; databaseUrl?: string } = {}): Promise<ThemesBenchResult> {
  const target = opts.messages ?? 50_000
  const progress = opts.progress ?? ((line: string) => process.stderr.write(`${line}\n`))
  const embedder = countingEmbedder(createBuiltinEmbedder())
  const backend = opts.databaseUrl ? 'pg server' : 'pglite'
  const withServices = <T>(fn: (s: BenchServices) => Promise<T>) => (opts.databaseUrl ? withServerServices(opts.databaseUrl, embedder, fn) : withFreshServices(embedder, fn))
  return withServices(async (s) => {
    const { db, chains } = s.services
    const conversations = weekOfCustomerMessages(target, opts.languages)

    // Setup, as fast as the store allows (one COPY of every vector, one index build).
    progress(`themes (${backend}): ingesting ${conversations.length} customer messages`)
    const [, ingestSeconds] = await seconds(() => ingestAll(s, conversations, INGEST_BATCH))
    progress('themes: bulk-loading vectors and building the vector index')
    const { vectorSeconds, indexSeconds } = await loadVectorsInBulk(s, embedder)
    progress('themes: classifying (local classifier, enrichments upserted in bulk)')
    const stage = classificationStage(db, chains.localClassifier, chains.localClassifier)
    const { rows: idRows } = await db.query<{ id: string }>(`SELECT id FROM messages WHERE workspace_id = $1 ORDER BY id`, [s.workspaceId])
    const [, classifySeconds] = await seconds(async () => {
      for (let i = 0; i < idRows.length; i += CLASSIFY_CHUNK) {
        await stage.run(await loadStageMessages(db, s.workspaceId, idRows.slice(i, i + CLASSIFY_CHUNK).map((r) => r.id)))
      }
    })
    // The queued enrichment jobs asked for exactly the work done above.
    await db.query(`DELETE FROM jobs WHERE workspace_id = $1`, [s.workspaceId])

    const themes = createThemeService({ db, embedderId: embedder.id, describer: localThemeDescriber, log: s.services.log, clock: () => new Date() })
    const timedRun = async (): Promise<ThemesRun> => {
      const since = new Date()
      const textsBefore = embedder.texts()
      const [outcome, secs] = await seconds(() => themes.runWeek(s.workspaceId, BENCH_WEEK))
      return {
        seconds: secs,
        messages: outcome.messages,
        themes: outcome.themes,
        clustered: outcome.clustered,
        embeddedTexts: embedder.texts() - textsBefore,
        enrichmentsWritten: await enrichmentsWrittenSince(s, since),
        steps: outcome.steps,
      }
    }
    progress(`themes: weekly run over ${BENCH_WEEK}`)
    const first = await timedRun()
    const [, reportSeconds] = await seconds(() => themes.report(s.workspaceId, BENCH_WEEK))

    // Second run, as a re-import of the same week would happen: send it all again, let the worker
    // drain whatever that queued, and recompute the week.
    progress('themes: re-ingesting the same week, draining the worker, second weekly run')
    const since = new Date()
    const textsBefore = embedder.texts()
    const { messages: reingested } = await ingestInBatches(db, s.workspaceId, conversations, { batchSize: INGEST_BATCH })
    const messagesCreated = reingested.created
    const messagesUpdated = reingested.updated
    const workerJobs = await s.services.worker.drain()
    const second = await timedRun()
    second.embeddedTexts = embedder.texts() - textsBefore
    second.enrichmentsWritten = await enrichmentsWrittenSince(s, since)
    second.reingest = { messagesCreated, messagesUpdated, workerJobs }
    return { backend, embedder: embedder.id, setup: { ingestSeconds, vectorSeconds, indexSeconds, classifySeconds }, first, reportSeconds, second }
  })
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits))

const stepsLine = (steps: RunOutcome['steps']) =>
  Object.entries(steps).map(([step, t]) => `${step} ${round(t.wallMs / 1000, 2)} (${round(t.cpuMs / 1000, 2)})`).join(', ')

export const themesSection: BenchSection = {
  name: 'themes',
  title: 'Weekly themes, local path: one ISO week of customer messages already stored, embedded and classified',
  async run(opts) {
    const week = { messages: opts.themesMessages, languages: opts.themesLanguages, progress: opts.progress }
    const results = [await benchThemes(week)]
    const url = process.env.BENCH_DATABASE_URL
    if (url) results.push(await benchThemes({ ...week, databaseUrl: url }))
    const row = (backend: string, run: string, x: ThemesRun): Record<string, Cell> => ({
      backend,
      run,
      messages: x.messages,
      themes: x.themes,
      clustered: x.clustered,
      's': round(x.seconds, 2),
      'embedded texts': x.embeddedTexts,
      'enrichments written': x.enrichmentsWritten,
    })
    return {
      rows: results.flatMap((r) => [row(r.backend, 'first run (cluster + describe + snapshots)', r.first), row(r.backend, 'second run (after re-ingesting the week)', r.second)]),
      notes: [
        ...results.flatMap((r) => {
          const { setup } = r
          const re = r.second.reingest!
          return [
            `${r.backend}: week ${BENCH_WEEK} in ${opts.themesLanguages?.join(', ') ?? 'every language of the corpus'}, builtin embedder (${r.embedder}), local describer; report built in ${round(r.reportSeconds, 2)} s after the first run`,
            `${r.backend}: setup, not timed in the rows: ingest ${round(setup.ingestSeconds, 1)} s, embed + bulk vector load ${round(setup.vectorSeconds, 1)} s, index build ${round(setup.indexSeconds, 1)} s, local classification ${round(setup.classifySeconds, 1)} s`,
            ...[['first', r.first] as const, ['second', r.second] as const].map(([name, run]) => `${r.backend}: ${name} run steps, wall s (CPU s of this process, both threads): ${stepsLine(run.steps)}`),
            `${r.backend}: second run: re-ingest created ${re.messagesCreated} and updated ${re.messagesUpdated} messages, the worker then ran ${re.workerJobs} jobs; embedded texts and enrichments written count the whole of it`,
          ]
        }),
        ...(url ? [] : ['set BENCH_DATABASE_URL to a PostgreSQL server with pgvector to add the server rows']),
      ],
    }
  },
}
