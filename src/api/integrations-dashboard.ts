import type { FastifyPluginAsync } from 'fastify'
import type { IntegrationRoutesOptions } from './integrations.ts'

export const dashboardAppRoutes: FastifyPluginAsync<IntegrationRoutesOptions> = async () => {}
