// buildApp(services): registers plugins and every route explicitly, one plugin per area, each given only
// what it uses. Tests call it with real or fake services and use app.inject; only server.ts listens.
// The services are opened and closed by whoever built them (server.ts, the test helpers), not by the app.
import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import underPressure from '@fastify/under-pressure'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { createHash } from 'node:crypto'
import type { Services } from './services.ts'
import { askRoutes } from './api/ask.ts'
import { auditRoutes } from './api/audit.ts'
import { registerAuth } from './api/auth.ts'
import { conversationRoutes } from './api/conversations.ts'
import { correctionRoutes } from './api/corrections.ts'
import { registerErrorHandlers } from './api/errors.ts'
import { healthRoutes } from './api/health.ts'
import { metricsRoutes } from './api/metrics.ts'
import { statusRoutes } from './api/status.ts'
import { inboxRoutes } from './api/inbox.ts'
import { sessionRoutes } from './api/session.ts'
import { integrationRoutes } from './api/integrations.ts'
import { webhookRoutes } from './api/webhooks.ts'
import { keyRoutes } from './api/keys.ts'
import { knowledgeRoutes } from './api/knowledge.ts'
import { searchRoutes } from './api/search.ts'
import { suggestionRoutes } from './api/suggestions.ts'
import { summaryRoutes } from './api/summaries.ts'
import { taxonomyRoutes } from './api/taxonomy.ts'
import { themeRoutes } from './api/themes.ts'
import { voiceRoutes } from './api/voice.ts'
import { AppError } from './errors.ts'
import { consolePlugin } from './console/plugin.ts'

export const OVERLOAD_RETRY_AFTER_SECONDS = 5
const VERSION = '0.1.0'

export interface BuildAppOptions {
  /** Pino logger options, or false for silence (tests). */
  logger?: boolean | Record<string, unknown>
  /** How often event-loop delay is sampled for load shedding (under-pressure's default: 1 s). */
  pressureSampleIntervalMs?: number
}

export async function buildApp(services: Services, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = services
  const app = Fastify({
    logger: opts.logger ?? {
      level: config.logLevel,
      // Query strings carry search terms and questions: log the path only, never what people typed.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      },
    },
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 5_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    ajv: { customOptions: { coerceTypes: false } },
  })
  // The API speaks JSON only; anything else is a 415, not a string body that fails validation later.
  app.removeContentTypeParser('text/plain')
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  registerErrorHandlers(app)

  await app.register(swagger, {
    openapi: {
      info: { title: 'Parley API', version: VERSION, description: 'Customer-conversation insight and reply assist.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  // Shed load with a 503 and Retry-After instead of letting requests queue until they time out.
  // 0 turns shedding off: under-pressure reads a sampling window with no samples (a loop starved of CPU)
  // as an infinite delay, so a huge threshold alone does not stop it shedding.
  if (config.maxEventLoopDelayMs > 0) await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    ...(opts.pressureSampleIntervalMs ? { sampleInterval: opts.pressureSampleIntervalMs } : {}),
    retryAfter: OVERLOAD_RETRY_AFTER_SECONDS,
    pressureHandler: (_req, reply) => {
      reply
        .status(503)
        .header('retry-after', String(OVERLOAD_RETRY_AFTER_SECONDS))
        .send({ error: { code: 'OVERLOADED', message: 'the service is under pressure; retry later' } })
    },
  })

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // Per API key (hashed, so the key never sits in memory maps as plain text); per IP when anonymous.
    keyGenerator: (request) => {
      const auth = request.headers.authorization
      return auth ? createHash('sha256').update(auth).digest('hex').slice(0, 32) : request.ip
    },
    allowList: (request) => request.url === '/health' || request.url === '/ready',
    errorResponseBuilder: (_request, context) => {
      const err = new AppError('RATE_LIMITED', `rate limit of ${context.max} requests per ${context.after} exceeded`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      })
      return Object.assign(err, { statusCode: 429 })
    },
  })

  // A hook on the root, so every route plugin below inherits it; routes opt in by declaring their roles.
  const { db, embedder, chains, clock } = services
  registerAuth(app, db)

  await app.register(metricsRoutes, { db, token: config.metricsToken })
  await app.register(healthRoutes, { db, embedder, embedderReason: services.embedderReason, llmMode: config.llm ? `llm (${config.llm.model})` : 'local' })
  await app.register(statusRoutes, { db })
  await app.register(keyRoutes, { db })
  await app.register(conversationRoutes, { db })
  await app.register(summaryRoutes, { summaries: services.summaries })
  await app.register(searchRoutes, { db, embedder })
  await app.register(taxonomyRoutes, { db })
  await app.register(correctionRoutes, { db })
  await app.register(auditRoutes, { db })
  await app.register(themeRoutes, { db, themes: services.themes, clock })
  await app.register(askRoutes, { chain: chains.ask, llmRateLimitPerMinute: config.llmRateLimitPerMinute })
  await app.register(knowledgeRoutes, { db })
  await app.register(voiceRoutes, { db })
  await app.register(suggestionRoutes, {
    db,
    embedder,
    suggester: chains.replies,
    llmRateLimitPerMinute: services.llm ? config.llmRateLimitPerMinute : undefined,
  })
  await app.register(integrationRoutes, { db, config, clock })
  await app.register(webhookRoutes, { db, config, clock })
  await app.register(sessionRoutes, { db })
  await app.register(inboxRoutes, { db })
  // The web console's pages and assets (web/), at / beside the API.
  await app.register(consolePlugin, { db })

  return app
}
