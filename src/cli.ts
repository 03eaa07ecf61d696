// parley <command>: serve, migrate, workspace, key, import, worker, reembed, eval, and the feature commands.
import { Command, InvalidArgumentError } from 'commander'
import pino from 'pino'
import { createServiceClient, runningService, ServiceClientError, type ServiceClient } from './cli-remote.ts'
import { DEFAULT_CLI_LOG_LEVEL, loadConfig, type Config } from './config.ts'
import { createEmbedder } from './embeddings/index.ts'
import { DEFAULT_IMPORT_BATCH, importFile, importFileThroughService } from './pipeline/import-file.ts'
import type { IngestResponse } from './pipeline/ingest-batches.ts'
import { embeddingStage } from './pipeline/embedding-stage.ts'
import { enrichedMessages, jobsProcessed } from './pipeline/metrics.ts'
import { createProgress } from './progress.ts'
import { bootstrapDefaultWorkspace, createServices, DEFAULT_WORKSPACE_NAME, type Services } from './services.ts'
import { countMessages } from './store/conversations.ts'
import { deleteEmbeddingsOfOtherModels, messagesMissingEmbedding } from './store/embeddings.ts'
import { openDb } from './store/open-db.ts'
import { correctionsRepo } from './store/enrichments.ts'
import { migrate } from './store/migrate.ts'
import { summariesRepo } from './store/summaries.ts'
import { registerChatwootCommands } from './integrations/chatwoot/cli.ts'
import type { AskResult } from './chains/ask/types.ts'
import { apiKeysRepo, ROLES, workspacesRepo, type Role } from './store/workspaces.ts'

const positiveInt = (v: string) => {
  const n = Number.parseInt(v, 10)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer')
  return n
}

/** CLI commands log warnings only: their output is for people and scripts. */
async function withServices<T>(fn: (s: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(undefined, { logLevel: DEFAULT_CLI_LOG_LEVEL })
  const services = await createServices(config, { log: pino({ level: config.logLevel }, pino.destination(2)) })
  try {
    return await fn(services, config)
  } finally {
    await services.close()
  }
}

type RemoteOptions = { url?: string; key?: string; workspace: string }

/**
 * Runs a command the API can serve. When a service holds the embedded store (or PARLEY_URL / --url
 * names one), the command goes through that service's HTTP API with PARLEY_KEY / --key, whose
 * workspace it acts on; otherwise it opens the store itself.
 */
async function viaServiceOrStore<T>(
  command: Command,
  opts: RemoteOptions,
  remote: (client: ServiceClient, workspace: { id: string; name: string; role: string }) => Promise<T>,
  local: (s: Services, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(undefined, { logLevel: DEFAULT_CLI_LOG_LEVEL })
  const target = runningService(config, opts.url)
  if (!target) return withServices(local)
  const key = opts.key ?? config.client.apiKey
  if (!key) {
    throw new ServiceClientError(
      `Parley is running at ${target.url} (${target.source}) and holds the store, so this command goes through its API: set PARLEY_KEY (or --key) to an API key of the workspace, or stop the service first`,
    )
  }
  const client = createServiceClient(target, key)
  const workspace = await client.request<{ id: string; name: string; role: string }>('GET', '/v1/workspace')
  // The key decides the workspace; an explicit --workspace must agree with it rather than be ignored.
  if (command.getOptionValueSource('workspace') !== 'default' && opts.workspace !== workspace.name) {
    throw new ServiceClientError(`the key in PARLEY_KEY belongs to workspace "${workspace.name}", not "${opts.workspace}": use a key of "${opts.workspace}"`)
  }
  return remote(client, workspace)
}

/** The options of a command that can go through a running service. */
function servedOptions(command: Command): Command {
  return command
    .option('--workspace <name>', 'workspace name', DEFAULT_WORKSPACE_NAME)
    .option('--url <url>', 'a running Parley to use (default: PARLEY_URL, or the service holding the local store)')
    .option('--key <key>', 'API key for that service (default: PARLEY_KEY)')
}

async function workspaceIdByName(s: Services, name: string, create = false): Promise<string> {
  if (name === DEFAULT_WORKSPACE_NAME) return (await bootstrapDefaultWorkspace(s.db, s.config.adminApiKey)).workspaceId
  const repo = workspacesRepo(s.db)
  const ws = (await repo.byName(name)) ?? (create ? await repo.create(name) : undefined)
  if (!ws) throw new Error(`no workspace named "${name}" (parley workspace create ${name})`)
  return ws.id
}

const program = new Command()
program.name('parley').description('Parley: customer-conversation insight and reply assist').showHelpAfterError()

program.command('serve').description('run the API (and the in-process worker)').action(async () => {
  await import('./server.ts')
})

program.command('migrate').description('apply database migrations (safe to re-run)').action(async () => {
  const config = loadConfig()
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const { applied } = await migrate(db)
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
  } finally {
    await db.close()
  }
})

const workspace = program.command('workspace').description('manage workspaces (one brand each)')
workspace
  .command('create <name>')
  .description('create a workspace and print its admin key once')
  .action((name: string) =>
    withServices(async (s) => {
      if (await workspacesRepo(s.db).byName(name)) throw new Error(`workspace "${name}" already exists`)
      const ws = await workspacesRepo(s.db).create(name)
      const key = await apiKeysRepo(s.db).create(ws.id, 'admin', 'created by parley workspace create')
      console.log(`workspace ${name} (${ws.id})\nadmin key (shown once): ${key.key}`)
    }),
  )
servedOptions(workspace.command('list').description('list workspaces (through a running service: the key’s own workspace)')).action(
  (opts: RemoteOptions, command: Command) =>
    viaServiceOrStore(
      command,
      opts,
      async (_client, ws) => {
        console.log(`${ws.id}  ${ws.name}`)
        console.error('(through the running service an API key sees only its own workspace; stop the service to list them all)')
      },
      async (s) => {
        for (const ws of await workspacesRepo(s.db).list()) console.log(`${ws.id}  ${ws.name}`)
      },
    ),
)

servedOptions(program.command('key').description('API keys').command('create').description('create an API key and print it once'))
  .option('--role <role>', `one of ${ROLES.join(', ')}`, 'agent')
  .option('--name <name>', 'a label for the key', 'cli')
  .action((opts: RemoteOptions & { role: string; name: string }, command: Command) => {
    if (!ROLES.includes(opts.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`)
    return viaServiceOrStore(
      command,
      opts,
      async (client, ws) => {
        const created = await client.request<{ key: string }>('POST', '/v1/keys', { body: { role: opts.role, name: opts.name } })
        console.log(`${opts.role} key for ${ws.name} (shown once): ${created.key}`)
      },
      async (s) => {
        const id = await workspaceIdByName(s, opts.workspace)
        const key = await apiKeysRepo(s.db).create(id, opts.role as Role, opts.name)
        console.log(`${opts.role} key for ${opts.workspace} (shown once): ${key.key}`)
      },
    )
  })

program
  .command('import <file>')
  .description('import conversations from JSONL or CSV (Parley format, reply pairs, dialogs, classification rows)')
  .option('--workspace <name>', 'workspace name (created if missing; through a running service: the key’s workspace)', DEFAULT_WORKSPACE_NAME)
  .option('--url <url>', 'a running Parley to send the file to (default: PARLEY_URL, or the service holding the local store)')
  .option('--key <key>', 'API key for that service (default: PARLEY_KEY)')
  .option('--limit <n>', 'import at most n rows', positiveInt)
  .option('--batch <n>', 'conversations per transaction', positiveInt, DEFAULT_IMPORT_BATCH)
  .option('--no-enrich', 'only store; leave enrichment to the worker')
  .action((file: string, opts: RemoteOptions & { limit?: number; batch: number; enrich: boolean }, command: Command) => {
    const report = ({ totals, rejections }: Awaited<ReturnType<typeof importFile>>) => {
      console.log(
        `conversations: ${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged, ${totals.rejected} rejected; messages written: ${totals.messages}`,
      )
      for (const r of rejections) console.log(`  rejected ${r}`)
    }
    return viaServiceOrStore(
      command,
      opts,
      async (client) => {
        report(await importFileThroughService((conversations) => client.request<IngestResponse>('POST', '/v1/conversations', { body: { conversations }, accept: [422] }), file, opts))
        console.error('sent through the running service; its worker enriches in the background (GET /ready shows the queue)')
      },
      async (s) => report(await importFile(s, await workspaceIdByName(s, opts.workspace, true), file, opts)),
    )
  })

program
  .command('corrections')
  .description('print a workspace’s human corrections as classification JSONL ({id, text, label}): an eval set for `parley eval`')
  .option('--workspace <name>', 'workspace name', DEFAULT_WORKSPACE_NAME)
  .option('--field <field>', 'sentiment or intent', 'intent')
  .action((opts: { workspace: string; field: string }) =>
    withServices(async (s) => {
      if (opts.field !== 'sentiment' && opts.field !== 'intent') throw new Error('--field must be sentiment or intent')
      const id = await workspaceIdByName(s, opts.workspace)
      for (const c of await correctionsRepo(s.db).examples(id, opts.field)) {
        process.stdout.write(`${JSON.stringify({ id: c.messageId, text: c.text, label: c.label })}\n`)
      }
    }),
  )

program.command('worker').description('run the enrichment worker only (server mode: scale it separately)').action(() =>
  withServices(async (s) => {
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await s.worker.start()
    console.error('worker running; Ctrl-C to stop')
    await stopped
    // Finish the batch in hand (its jobs complete rather than wait out their lease), then say what this
    // process did: with several workers on one server, their counts add up to the work, done once.
    await s.worker.stop()
    console.error(`worker stopped: ${await workDone()}`)
  }),
)

/** What this process's worker did, from its own counters: jobs done by kind, messages enriched, CPU. */
async function workDone(): Promise<string> {
  const done = (await jobsProcessed.get()).values.filter((v) => v.labels.outcome === 'done')
  const byKind = done.map((v) => `${v.labels.kind} ${v.value}`).join(', ')
  const jobs = done.reduce((sum, v) => sum + v.value, 0)
  const messages = (await enrichedMessages.get()).values[0]?.value ?? 0
  const cpu = process.cpuUsage()
  return `${jobs} jobs done${byKind ? ` (${byKind})` : ''}, ${messages} messages enriched, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`
}

program
  .command('reembed')
  .description('embed every message with another model, then (optionally) drop the old vectors')
  .requiredOption('--embedder <spec>', 'builtin | transformers:<id or path> | openai:<model>')
  .option('--drop-old', 'delete vectors of other models afterwards')
  .action((opts: { embedder: string; dropOld?: boolean }) =>
    withServices(async (s, config) => {
      const { embedder, reason } = await createEmbedder({ ...config.embeddings, spec: opts.embedder })
      console.error(`re-embedding with ${embedder.id} (${reason})`)
      const stage = embeddingStage(s.db, embedder)
      // The whole instance moves to one model, workspace by workspace.
      const workspaces = await workspacesRepo(s.db).list()
      let messages = 0
      for (const ws of workspaces) messages += await countMessages(s.db, ws.id)
      const progress = createProgress('reembed', Math.max(1, messages))
      for (const ws of workspaces) {
        for (;;) {
          const todo = await messagesMissingEmbedding(s.db, embedder.id, 256, ws.id)
          if (todo.length === 0) break
          await stage.run(todo.map((m) => ({ ...m, conversationId: '', role: 'customer', language: null, sentAt: '' })))
          progress.tick(todo.length)
        }
      }
      progress.done()
      if (opts.dropOld) {
        for (const ws of workspaces) await deleteEmbeddingsOfOtherModels(s.db, ws.id, embedder.id)
        console.error('old vectors dropped; set EMBEDDINGS to the new model and restart the service')
      }
      await embedder.close?.()
    }),
  )

servedOptions(program.command('themes').description('the weekly theme report of a workspace (computed first when missing)'))
  .option('--week <week>', 'ISO week, e.g. 2026-W44 (default: the last complete week)')
  .option('--format <format>', 'md | html | json', 'md')
  .option('--out <file>', 'write to this file instead of stdout')
  .option('--rerun', 'recompute the week even if it was computed before')
  .action((opts: RemoteOptions & { week?: string; format: string; out?: string; rerun?: boolean }, command: Command) => {
    if (!['md', 'html', 'json'].includes(opts.format)) throw new Error('--format must be md, html or json')
    const output = async (text: string, summary: string) => {
      if (!opts.out) return void process.stdout.write(text)
      const { writeFile } = await import('node:fs/promises')
      await writeFile(opts.out, text)
      console.error(`wrote ${opts.out}${summary}`)
    }
    return viaServiceOrStore(
      command,
      opts,
      async (client) => {
        const { lastCompleteWeek } = await import('./chains/themes/week.ts')
        const week = opts.week ?? lastCompleteWeek(new Date())
        if (opts.rerun) await client.request('POST', '/v1/themes/runs', { body: { week } })
        const text = await client.request<string>('GET', `/v1/themes?week=${encodeURIComponent(week)}&format=${opts.format}`, { text: true })
        await output(opts.format === 'json' ? `${JSON.stringify(JSON.parse(text), null, 2)}\n` : text, '')
      },
      async (s) => {
        const { createThemeService } = await import('./chains/themes/service.ts')
        const { lastCompleteWeek } = await import('./chains/themes/week.ts')
        const { renderThemesMarkdown } = await import('./chains/themes/report-md.ts')
        const { renderThemesHtml } = await import('./chains/themes/report-html.ts')
        const id = await workspaceIdByName(s, opts.workspace)
        const themes = createThemeService({ db: s.db, embedderId: s.embedder.id, describer: s.chains.themeDescriber, log: s.log, clock: s.clock })
        const week = opts.week ?? lastCompleteWeek(s.clock())
        await themes.ensureWeek(id, week, { force: opts.rerun })
        const report = await themes.report(id, week, { linkBase: s.config.publicUrl })
        const text = opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'html' ? renderThemesHtml(report) : renderThemesMarkdown(report)
        await output(text, ` (${report.themes.length} themes, ${report.totals.messages} messages)`)
      },
    )
  })

program
  .command('summarize')
  .description('summarise conversations whose summary is missing or out of date')
  .option('--workspace <name>', 'workspace name', DEFAULT_WORKSPACE_NAME)
  .option('--limit <n>', 'at most n conversations', positiveInt)
  .option('--force', 'summarise again even when up to date')
  .action((opts: { workspace: string; limit?: number; force?: boolean }) =>
    withServices(async (s) => {
      const { createSummaryService } = await import('./chains/summarize/service.ts')
      const id = await workspaceIdByName(s, opts.workspace)
      const summaries = createSummaryService({ db: s.db, summarizer: s.chains.summarizer, log: s.log })
      const conversationIds = await summariesRepo(s.db).conversationsToSummarise(id, {
        force: opts.force ?? false,
        version: s.chains.summarizer.version,
        limit: opts.limit ?? 1_000_000,
      })
      const progress = createProgress('summarize', Math.max(1, conversationIds.length))
      let degraded = 0
      for (const conversationId of conversationIds) {
        const stored = await summaries.refresh(id, conversationId, { force: opts.force })
        if (stored?.degraded) degraded++
        progress.tick(1)
      }
      progress.done()
      console.log(`summarised ${conversationIds.length} conversations with ${s.chains.summarizer.version}${degraded ? ` (${degraded} fell back to the local summary)` : ''}`)
    }),
  )

registerChatwootCommands(program, (fn) => withServices((s) => fn(s)))

program
  .command('eval')
  .description('run an eval suite (see npm run eval -- --help)')
  .allowUnknownOption()
  .helpOption(false)
  .argument('[args...]')
  .action(() => {
    // bin/parley.js hands `eval` to evals/cli.ts before this file loads; src/ does not import evals/.
    throw new Error('run the eval harness through bin/parley.js (npm run parley -- eval …) or npm run eval')
  })

servedOptions(program.command('ask <question>').description('answer a plain-language question with figures and the messages behind them'))
  .option('--now <iso>', 'resolve relative periods ("last month") against this instant instead of the clock')
  .option('--json', 'print the whole result as JSON')
  .action((question: string, opts: RemoteOptions & { now?: string; json?: boolean }, command: Command) => {
    const now = opts.now ? new Date(opts.now) : undefined
    if (now && Number.isNaN(now.getTime())) throw new Error('--now must be an ISO date-time')
    const print = async (result: AskResult) => {
      const { printAskResult } = await import('./chains/ask/print.ts')
      console.log(opts.json ? JSON.stringify(result, null, 2) : printAskResult(result))
    }
    return viaServiceOrStore(
      command,
      opts,
      async (client) => print(await client.request<AskResult>('POST', '/v1/ask', { body: { question, ...(now ? { now: now.toISOString() } : {}) } })),
      async (s) => print(await s.chains.ask.ask(await workspaceIdByName(s, opts.workspace), question, { now })),
    )
  })

program.parseAsync(process.argv).catch((err) => {
  console.error(`parley: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
