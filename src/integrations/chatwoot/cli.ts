// parley chatwoot sync --connection <id> --since <date>: the catch-up, run by hand (after downtime,
// or to import recent history when connecting an existing Chatwoot account).
import type { Command } from 'commander'
import { InvalidArgumentError } from 'commander'
import type { IntegrationRouteDeps } from '../context.ts'
import { connectionsRepo } from '../../store/integrations.ts'
import { integrationSecurity } from '../context.ts'
import { clientFor } from './connection.ts'
import { syncConnection } from './sync.ts'

/** The CLI's services, as far as the sync needs them: the store, the config and a worker to drain. */
type WithServices = <T>(fn: (s: IntegrationRouteDeps & { worker: { drain(): Promise<number> } }) => Promise<T>) => Promise<T>

const date = (v: string) => {
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) throw new InvalidArgumentError('expected a date such as 2026-03-01 or 2026-03-01T08:00:00Z')
  return d
}

export function registerChatwootCommands(program: Command, withServices: WithServices): void {
  const chatwoot = program.command('chatwoot').description('the Chatwoot connector')
  chatwoot
    .command('sync')
    .description('pull conversations active since a date through the Chatwoot API and enrich them')
    .requiredOption('--connection <id>', 'connection id (GET /v1/integrations/chatwoot)')
    .requiredOption('--since <date>', 'conversations with activity since this date', date)
    .action((opts: { connection: string; since: Date }) =>
      withServices(async (s) => {
        const found = await connectionsRepo(s.db).forInbound(opts.connection)
        if (!found) throw new Error(`no Chatwoot connection ${opts.connection}`)
        const conn = (await connectionsRepo(s.db).get(found.workspaceId, found.id))!
        const { box, policy } = integrationSecurity(s.config)
        const started = new Date()
        const result = await syncConnection(s.db, conn.workspaceId, conn, clientFor(conn, box, policy), opts.since)
        await connectionsRepo(s.db).markSynced(conn.workspaceId, conn.id, started)
        const jobs = await s.worker.drain()
        console.log(`synced ${result.conversations} conversations (${result.changedMessages} new or changed messages) since ${opts.since.toISOString()}; ran ${jobs} jobs`)
      }),
    )
}
