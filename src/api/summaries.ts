// A conversation's summary: what the customer wanted, what was done, what is still open.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { SummaryService } from '../chains/summarize/service.ts'
import { notFound } from '../errors.ts'
import type { StoredSummary } from '../store/summaries.ts'
import { principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

function present(s: StoredSummary) {
  const { contentHash: _hash, ...rest } = s
  return rest
}

export async function summaryRoutes(app: FastifyInstance, { summaries }: { summaries: SummaryService }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/v1/conversations/:id/summary',
    { config: { roles: READ_ROLES }, schema: { tags: ['conversations'], summary: 'The conversation summary (computed now when there is none yet)', params: uuidParam } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const stored = (await summaries.get(workspaceId, request.params.id)) ?? (await summaries.refresh(workspaceId, request.params.id))
      if (!stored) throw notFound('conversation')
      return present(stored)
    },
  )

  r.post(
    '/v1/conversations/:id/summary',
    { config: { roles: READ_ROLES }, schema: { tags: ['conversations'], summary: 'Summarise the conversation again now', params: uuidParam } },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const stored = await summaries.refresh(workspaceId, request.params.id, { force: true })
      if (!stored) throw notFound('conversation')
      return present(stored)
    },
  )
}
