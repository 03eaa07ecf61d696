// What the console needs and the rest of the API lacked: the agents' inbox (awaiting a reply first)
// and the ISO weeks that have data (so the themes page opens on a week with themes).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../store/db.ts'
import { filterableThemes } from '../chains/themes/membership.ts'
import { listInbox, weeksWithData } from '../store/inbox.ts'
import { AGENT_ROLES, principalOf, READ_ROLES } from './auth.ts'

export const INBOX_PAGE_SIZE = 50

export const inboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(INBOX_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  channel: z.string().max(32).optional(),
  language: z.string().max(12).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive', 'uncertain']).optional(),
  intent: z.string().max(40).optional(),
  theme: z.uuid().optional().describe('a theme id (GET /v1/inbox/themes): conversations with a customer message in that theme, or in one merged into it'),
  awaiting: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
})

export const inboxItem = z.object({
  id: z.string(),
  channel: z.string(),
  externalId: z.string(),
  customer: z.object({ handle: z.string().nullable(), name: z.string().nullable() }),
  status: z.string(),
  awaiting: z.boolean().describe('the last message is the customer’s: it awaits a reply'),
  urgency: z.string().nullable().describe('highest urgency among the unanswered customer messages'),
  waitingSince: z.string().nullable().describe('the first unanswered customer message'),
  lastMessageAt: z.string().nullable(),
  lastText: z.string().describe('the last message, cut to 200 characters'),
  lastRole: z.string(),
  sentiment: z.string().nullable(),
  intent: z.string().nullable(),
  language: z.string().nullable(),
  messageCount: z.number(),
})
export const inboxResponse = z.object({ items: z.array(inboxItem), total: z.number(), nextOffset: z.number().nullable() })
export const inboxThemesResponse = z.object({
  themes: z.array(z.object({
    id: z.string(),
    label: z.string(),
    conversations: z.number().describe('conversations with a customer message in the theme (merged themes included)'),
    latestWeek: z.string().describe('the latest ISO week the theme has messages in'),
  })),
})
export const weeksResponse = z.object({ weeks: z.array(z.object({ week: z.string(), messages: z.number() })) })

export async function inboxRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/v1/inbox',
    {
      config: { roles: AGENT_ROLES },
      schema: {
        tags: ['conversations'],
        summary: 'The agents’ inbox: conversations awaiting a reply first (by urgency, then waiting time), then the rest',
        querystring: inboxQuery,
        response: { 200: inboxResponse },
      },
    },
    async (request) => {
      const { limit, offset, awaiting, ...filters } = request.query
      const page = await listInbox(db, principalOf(request).workspaceId, { ...filters, awaitingOnly: awaiting }, limit, offset)
      return { ...page, nextOffset: offset + page.items.length < page.total ? offset + page.items.length : null }
    },
  )
  r.get(
    '/v1/inbox/themes',
    {
      config: { roles: AGENT_ROLES },
      schema: {
        tags: ['conversations'],
        summary: 'Themes the inbox can be filtered by: those with stored members, a person’s merges folded in, latest and largest first',
        response: { 200: inboxThemesResponse },
      },
    },
    async (request) => ({ themes: await filterableThemes(db, principalOf(request).workspaceId) }),
  )
  r.get(
    '/v1/themes/weeks',
    {
      config: { roles: READ_ROLES },
      schema: { tags: ['themes'], summary: 'ISO weeks that have customer messages, latest first', response: { 200: weeksResponse } },
    },
    async (request) => ({ weeks: await weeksWithData(db, principalOf(request).workspaceId) }),
  )
}
