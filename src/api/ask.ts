// Plain-language questions answered with figures computed from the workspace's data.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { askResultSchema, planOverridesSchema, type AskChain } from '../chains/ask/types.ts'
import { principalOf, READ_ROLES } from './auth.ts'

export const MAX_QUESTION_CHARS = 1000

const askBody = z.object({
  question: z.string().trim().min(3).max(MAX_QUESTION_CHARS),
  /** The instant relative periods are resolved against ("last month"); default: the server clock. */
  now: z.iso.datetime({ offset: true }).optional().describe(
    'The instant relative periods are resolved against ("last week", "this month", "week 44" of the current year) and that ' +
      '"still waiting for a reply" is judged at; ISO 8601 with an offset, default: the server clock. When the resolved range ' +
      'holds no data but older data exists, the answer says where the data ends and offers that range (dataEndsAt, suggestedRange); ' +
      'a compared period that begins before the first stored message is dropped, or, when the question asked for it, flagged (dataStartsAt).',
  ),
  timeRange: planOverridesSchema.shape.timeRange.describe(
    'Replaces the time range the question was read as (half-open [from, to), ISO 8601): the "how I read your question" edit. ' +
      'A compared period, if the question had one, becomes the period of the same length before it.',
  ),
  filters: planOverridesSchema.shape.filters.describe(
    'Replaces the filters the question was read as, as a whole (a filter left out is dropped): channel, language, sentiment, ' +
      'intent, segment, mentions, and theme — words naming a theme, matched against the weekly themes of the range (their labels, ' +
      'key phrases and what their messages say), computed first when missing, and filtered by the themes\' stored members.',
  ),
})

export interface AskRoutesOptions {
  chain: AskChain
  /** Stricter per-key rate limit when answers come from an LLM. */
  llmRateLimitPerMinute?: number
}

export async function askRoutes(app: FastifyInstance, opts: AskRoutesOptions): Promise<void> {
  const { chain } = opts
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/ask',
    {
      config: {
        roles: READ_ROLES,
        // An LLM route costs tokens: a stricter per-key limit than the global one.
        ...(chain.mode === 'llm' && opts.llmRateLimitPerMinute ? { rateLimit: { max: opts.llmRateLimitPerMinute, timeWindow: '1 minute' } } : {}),
      },
      schema: {
        tags: ['ask'],
        summary: 'Answer a plain-language question with figures computed from the data and the messages behind them',
        body: askBody,
        response: { 200: askResultSchema },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const { question, now, timeRange, filters } = request.body
      const controller = new AbortController()
      // A client that hangs up before the answer should not keep an LLM call running.
      reply.raw.once('close', () => { if (!reply.raw.writableFinished) controller.abort() })
      return chain.ask(workspaceId, question, { now: now ? new Date(now) : undefined, signal: controller.signal, overrides: { timeRange, filters } })
    },
  )
}
