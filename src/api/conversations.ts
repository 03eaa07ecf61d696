import { createHash } from 'node:crypto'
// Ingest (idempotent batches) and reading conversations back, with their messages and enrichments.
import type { FastifyInstance } from 'fastify'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, notFound } from '../errors.ts'
import { ingestConversations, zodIssues } from '../pipeline/ingest.ts'
import { conversationInput, ingestBatchEnvelope, ingestResponse, MAX_CONVERSATIONS_PER_BATCH } from '../pipeline/ingest-schema.ts'
import type { Db } from '../store/db.ts'
import { decodeCursor, getConversation, listConversations } from '../store/conversations.ts'
import { idempotencyRepo } from '../store/idempotency.ts'
import { SENTIMENT_VALUES } from '../chains/classify/sentiment-decision.ts'
import { principalOf, READ_ROLES, WRITE_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

const documentedBatch = z.object({
  conversations: z.array(conversationInput).min(1).max(MAX_CONVERSATIONS_PER_BATCH),
})

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().max(500).optional(),
  channel: z.string().max(32).optional(),
  status: z.string().max(32).optional(),
  sentiment: z.enum(SENTIMENT_VALUES).optional().describe('`uncertain`: the classifier could not back a class'),
  intent: z.string().max(40).optional(),
  needsReply: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .describe('true: the last message is the customer’s, asks for or implies a response, and no agent has answered it'),
  awaiting: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .describe('true: the last message is the customer’s (including thanks and closers); needsReply narrows it to those that need an answer'),
  language: z.string().max(12).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
})

export async function conversationRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const idempotency = idempotencyRepo(db)

  r.post(
    '/v1/conversations',
    {
      config: { roles: WRITE_ROLES },
      schema: {
        tags: ['conversations'],
        summary: 'Ingest a batch of conversations (idempotent upsert, per-item results)',
        description:
          'Each conversation is validated on its own: invalid ones come back `rejected` with field paths while the rest are stored. ' +
          'Re-sending the same batch changes nothing. Send `Idempotency-Key` to replay the stored response of an earlier identical request.',
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: documentedBatch,
        response: { 200: ingestResponse, 422: ingestResponse },
      },
      // Only the envelope is checked up front, so one bad conversation does not reject the whole batch.
      validatorCompiler: (route) => {
        if (route.httpPart !== 'body') return validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0])
        return (data: unknown) => {
          const parsed = ingestBatchEnvelope.safeParse(data)
          if (parsed.success) return { value: parsed.data }
          return { error: new AppError('VALIDATION_FAILED', 'request validation failed', { issues: zodIssues(parsed.error) }) }
        }
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const body = request.body as { conversations: unknown[] }
      const idemKey = request.headers['idempotency-key']
      const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex')
      if (typeof idemKey === 'string') {
        const prior = await idempotency.get(workspaceId, idemKey)
        if (prior) {
          if (prior.requestHash !== requestHash) {
            throw new AppError('CONFLICT', 'this Idempotency-Key was used with a different request body')
          }
          return reply.status(prior.statusCode as 200 | 422).header('idempotent-replayed', 'true').send(prior.response as any)
        }
      }
      const result = await ingestConversations(db, workspaceId, body.conversations)
      const status = result.totals.rejected === result.results.length ? 422 : 200
      if (typeof idemKey === 'string') {
        await idempotency.save(workspaceId, idemKey, { requestHash, statusCode: status, response: result })
      }
      return reply.status(status).send(result)
    },
  )

  r.get(
    '/v1/conversations',
    {
      config: { roles: READ_ROLES },
      schema: {
        tags: ['conversations'],
        summary: 'List conversations, most recent first, filterable by channel, status and enrichments',
        querystring: listQuery,
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const { limit, cursor, ...filters } = request.query
      const decoded = cursor ? decodeCursor(cursor) : undefined
      if (cursor && !decoded) throw new AppError('VALIDATION_FAILED', 'invalid cursor', { issues: [{ path: 'querystring.cursor', message: 'not a cursor returned by this API' }] })
      return listConversations(db, workspaceId, filters, limit, decoded)
    },
  )

  r.get(
    '/v1/conversations/:id',
    {
      config: { roles: READ_ROLES },
      schema: { tags: ['conversations'], summary: 'One conversation with its messages, enrichments and summary', params: uuidParam },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const conv = await getConversation(db, workspaceId, request.params.id)
      if (!conv) throw notFound('conversation')
      return conv
    },
  )
}
