// Weekly themes: the report (JSON, Markdown, HTML), on-demand runs, and a person's renames and merges.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { renderThemesHtml } from '../chains/themes/report-html.ts'
import { renderThemesMarkdown } from '../chains/themes/report-md.ts'
import { THEMES_JOB } from '../chains/themes/schedule.ts'
import type { ThemeService } from '../chains/themes/service.ts'
import { ISO_WEEK, lastCompleteWeek, weekRange } from '../chains/themes/week.ts'
import { AppError, notFound } from '../errors.ts'
import type { Db } from '../store/db.ts'
import { jobsRepo } from '../store/jobs.ts'
import type { Role } from '../store/workspaces.ts'
import { principalOf, READ_ROLES } from './auth.ts'
import { uuidParam } from './params.ts'

/** People who curate themes: product and insight roles, not ingestion keys. */
export const THEME_EDIT_ROLES: Role[] = ['admin', 'analyst']
const week = z.string().regex(ISO_WEEK, 'expected an ISO week such as 2026-W44')

function linkBase(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}

export interface ThemeRoutesOptions {
  db: Db
  themes: ThemeService
  clock: () => Date
}

export async function themeRoutes(app: FastifyInstance, deps: ThemeRoutesOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/v1/themes',
    {
      config: { roles: READ_ROLES },
      schema: {
        tags: ['themes'],
        summary: 'The weekly theme report (JSON, Markdown or a self-contained HTML page)',
        description: 'Computes the week (and missing weeks of its history) on first request. `week` defaults to the last complete ISO week.',
        querystring: z.object({ week: week.optional(), format: z.enum(['json', 'md', 'html']).default('json') }),
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      const target = request.query.week ?? lastCompleteWeek(deps.clock())
      weekRange(target)
      await deps.themes.ensureWeek(workspaceId, target)
      const report = await deps.themes.report(workspaceId, target, { linkBase: linkBase(request) })
      if (request.query.format === 'md') return reply.type('text/markdown; charset=utf-8').send(renderThemesMarkdown(report))
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').send(renderThemesHtml(report))
      return report
    },
  )

  r.post(
    '/v1/themes/runs',
    {
      config: { roles: THEME_EDIT_ROLES },
      schema: {
        tags: ['themes'],
        summary: 'Recompute a week now (or enqueue it with `async: true`); renames and merges are kept',
        body: z.object({ week, async: z.boolean().default(false) }),
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request)
      weekRange(request.body.week)
      if (request.body.async) {
        const jobId = await jobsRepo(deps.db).enqueue(workspaceId, THEMES_JOB, { week: request.body.week, force: true })
        return reply.status(202).send({ week: request.body.week, jobId })
      }
      const runs = await deps.themes.ensureWeek(workspaceId, request.body.week, { force: true })
      return reply.status(201).send({ week: request.body.week, runs })
    },
  )

  r.patch(
    '/v1/themes/:id',
    {
      config: { roles: THEME_EDIT_ROLES },
      schema: {
        tags: ['themes'],
        summary: 'Rename a theme (null restores the generated label); the name survives later runs',
        params: uuidParam,
        body: z.object({ label: z.string().trim().min(1).max(120).nullable() }),
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      if (!(await deps.themes.rename(workspaceId, request.params.id, request.body.label))) throw notFound('theme')
      return { id: request.params.id, label: request.body.label }
    },
  )

  r.post(
    '/v1/themes/:id/merge',
    {
      config: { roles: THEME_EDIT_ROLES },
      schema: {
        tags: ['themes'],
        summary: 'Merge a theme into another: its history joins the target and later matches go to the target',
        params: uuidParam,
        body: z.object({ into: z.uuid() }),
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request)
      const outcome = await deps.themes.merge(workspaceId, request.params.id, request.body.into)
      if (outcome === 'not_found') throw notFound('theme')
      if (outcome === 'cycle') throw new AppError('CONFLICT', 'a theme cannot be merged into itself or into a theme merged into it')
      return { id: request.params.id, mergedInto: request.body.into }
    },
  )
}
