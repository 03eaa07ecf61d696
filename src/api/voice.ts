// The brand voice reply drafts are written in (its handles also tell the classifier what a brand mention is).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from '../store/db.ts'
import { VOICE_SETTING, voiceOf, voiceSchema } from '../store/voice-setting.ts'
import { workspacesRepo } from '../store/workspaces.ts'
import { ADMIN_ROLES, principalOf, READ_ROLES } from './auth.ts'

export async function voiceRoutes(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get('/v1/settings/voice', { config: { roles: READ_ROLES }, schema: { tags: ['replies'], summary: 'The brand voice used in reply drafts' } }, async (request) => {
    const ws = await workspacesRepo(db).get(principalOf(request).workspaceId)
    return voiceOf(ws?.settings ?? {})
  })

  r.put(
    '/v1/settings/voice',
    { config: { roles: ADMIN_ROLES }, schema: { tags: ['replies'], summary: 'Set the brand voice: guidelines, sign-off, words to avoid, greeting, the brand’s handles', body: voiceSchema } },
    async (request) => {
      await workspacesRepo(db).setSetting(principalOf(request).workspaceId, VOICE_SETTING, request.body)
      return request.body
    },
  )
}
