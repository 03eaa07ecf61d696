// The only reader of process.env. Every default is a named constant here.
import { z } from 'zod'

export const DEFAULT_PORT = 3000
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_DATA_DIR = './data'
export const DEFAULT_EMBEDDINGS = 'auto'
export const DEFAULT_LOG_LEVEL = 'info'
/** CLI commands print for people and scripts: only warnings go to the log unless LOG_LEVEL says otherwise. */
export const DEFAULT_CLI_LOG_LEVEL = 'warn'
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_LLM_TIMEOUT_MS = 20_000
export const DEFAULT_LLM_MAX_RETRIES = 2
export const DEFAULT_LLM_ROUTE_BUDGET_MS = 25_000
export const DEFAULT_LLM_TOKENS_PER_CALL = 4_000
export const DEFAULT_LLM_TOKENS_PER_WORKSPACE_DAY = 2_000_000
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600
export const DEFAULT_LLM_RATE_LIMIT_PER_MINUTE = 60
export const DEFAULT_WORKER_BATCH = 64
export const DEFAULT_WORKER_POLL_MS = 500
export const DEFAULT_MODELS_DIR = './models'
export const DEFAULT_MAX_EVENT_LOOP_DELAY_MS = 1_000
// --- integrations and outbound webhooks (issue 15) ---
export const DEFAULT_WEBHOOK_RETRY_BASE_MS = 30_000
export const DEFAULT_WEBHOOK_RETRY_WINDOW_MS = 24 * 60 * 60_000
export const DEFAULT_CHATWOOT_SYNC_INTERVAL_MINUTES = 15
// --- scale, recovery and metrics (issue 16) ---
/** A server worker's jobs are taken over this long after its last heartbeat (it beats every third of it). */
export const DEFAULT_JOB_LEASE_SECONDS = 30

const boolFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().default(DEFAULT_HOST),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  PARLEY_API_KEY: z.string().min(16).optional(),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_LLM_TIMEOUT_MS),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(DEFAULT_LLM_MAX_RETRIES),
  LLM_ROUTE_BUDGET_MS: z.coerce.number().int().positive().default(DEFAULT_LLM_ROUTE_BUDGET_MS),
  LLM_TOKENS_PER_CALL: z.coerce.number().int().positive().default(DEFAULT_LLM_TOKENS_PER_CALL),
  LLM_TOKENS_PER_WORKSPACE_DAY: z.coerce.number().int().positive().default(DEFAULT_LLM_TOKENS_PER_WORKSPACE_DAY),
  EMBEDDINGS: z.string().default(DEFAULT_EMBEDDINGS),
  EMBEDDINGS_BASE_URL: z.string().url().optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  MODELS_DIR: z.string().default(DEFAULT_MODELS_DIR),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PARLEY_PUBLIC_URL: z.string().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(DEFAULT_BODY_LIMIT_BYTES),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_REQUEST_TIMEOUT_MS),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMIT_PER_MINUTE),
  LLM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(DEFAULT_LLM_RATE_LIMIT_PER_MINUTE),
  WORKER: z.enum(['inprocess', 'off']).default('inprocess'),
  WORKER_BATCH: z.coerce.number().int().positive().default(DEFAULT_WORKER_BATCH),
  WORKER_POLL_MS: z.coerce.number().int().positive().default(DEFAULT_WORKER_POLL_MS),
  REDACT_HANDLES: boolFromEnv.default(false),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().nonnegative().default(DEFAULT_MAX_EVENT_LOOP_DELAY_MS),
  // --- integrations and outbound webhooks (issue 15) ---
  PARLEY_SECRET_KEY: z.string().optional(),
  ALLOW_PRIVATE_TARGETS: boolFromEnv.default(false),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(0).default(DEFAULT_WEBHOOK_RETRY_BASE_MS),
  WEBHOOK_RETRY_WINDOW_MS: z.coerce.number().int().positive().default(DEFAULT_WEBHOOK_RETRY_WINDOW_MS),
  CHATWOOT_SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(DEFAULT_CHATWOOT_SYNC_INTERVAL_MINUTES),
  // --- clients of a running service: the CLI and npm run demo:load (issue 18) ---
  PARLEY_URL: z.string().url().optional(),
  PARLEY_KEY: z.string().optional(),
  // --- scale, recovery and metrics (issue 16) ---
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_JOB_LEASE_SECONDS),
  METRICS_TOKEN: z.string().min(16).optional(),
})

export type Env = z.infer<typeof envSchema>
export type LogLevel = NonNullable<Env['LOG_LEVEL']>

export interface LlmConfig {
  baseURL: string
  apiKey: string
  model: string
  timeoutMs: number
  maxRetries: number
  routeBudgetMs: number
  tokensPerCall: number
  tokensPerWorkspaceDay: number
}

export interface Config {
  port: number
  host: string
  databaseUrl?: string
  dataDir: string
  adminApiKey?: string
  /** undefined = local mode: no LLM is called. */
  llm?: LlmConfig
  embeddings: { spec: string; baseURL?: string; apiKey?: string; modelsDir: string }
  logLevel: LogLevel
  /** Where people (and Chatwoot) reach this service: the base of links made outside a request, and of a connection's URLs. */
  publicUrl?: string
  bodyLimitBytes: number
  requestTimeoutMs: number
  rateLimitPerMinute: number
  llmRateLimitPerMinute: number
  /** leaseSeconds: how long a silent worker's running jobs stay its own (issue 16). */
  worker: { mode: Env['WORKER']; batch: number; pollMs: number; leaseSeconds: number }
  /** When set, GET /metrics requires it as a Bearer token (issue 16). */
  metricsToken?: string
  redactHandles: boolean
  /** Above this event-loop delay the API answers 503 + Retry-After instead of queueing. */
  maxEventLoopDelayMs: number
  integrations: IntegrationsConfig
  /** How a client (the CLI, the demo loader) reaches a running service: PARLEY_URL, and the API key it sends (PARLEY_KEY). */
  client: { serviceUrl?: string; apiKey?: string }
}

export interface IntegrationsConfig {
  /** 32-byte key (base64 or hex) encrypting stored secrets; embedded mode may keep a generated one in dataDir. */
  secretKey?: string
  /** Off: outbound targets resolving to private, loopback or link-local addresses are refused (SSRF). */
  allowPrivateTargets: boolean
  webhookRetryBaseMs: number
  webhookRetryWindowMs: number
  /** 0 turns the periodic Chatwoot catch-up off. */
  chatwootSyncIntervalMinutes: number
}

export class ConfigError extends Error {}

export interface ConfigDefaults {
  /** Used when LOG_LEVEL is unset (the CLI logs less than the server). */
  logLevel?: LogLevel
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  )
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const llm: LlmConfig | undefined = e.LLM_BASE_URL
    ? {
        baseURL: e.LLM_BASE_URL,
        apiKey: e.LLM_API_KEY ?? 'not-needed',
        model: e.LLM_MODEL ?? 'gpt-4o-mini',
        timeoutMs: e.LLM_TIMEOUT_MS,
        maxRetries: e.LLM_MAX_RETRIES,
        routeBudgetMs: e.LLM_ROUTE_BUDGET_MS,
        tokensPerCall: e.LLM_TOKENS_PER_CALL,
        tokensPerWorkspaceDay: e.LLM_TOKENS_PER_WORKSPACE_DAY,
      }
    : undefined
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    adminApiKey: e.PARLEY_API_KEY,
    llm,
    embeddings: {
      spec: e.EMBEDDINGS,
      baseURL: e.EMBEDDINGS_BASE_URL ?? e.LLM_BASE_URL,
      apiKey: e.EMBEDDINGS_API_KEY ?? e.LLM_API_KEY,
      modelsDir: e.MODELS_DIR,
    },
    logLevel: e.LOG_LEVEL ?? defaults.logLevel ?? DEFAULT_LOG_LEVEL,
    publicUrl: e.PARLEY_PUBLIC_URL?.replace(/\/+$/, ''),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    llmRateLimitPerMinute: e.LLM_RATE_LIMIT_PER_MINUTE,
    worker: { mode: e.WORKER, batch: e.WORKER_BATCH, pollMs: e.WORKER_POLL_MS, leaseSeconds: e.JOB_LEASE_SECONDS },
    metricsToken: e.METRICS_TOKEN,
    redactHandles: e.REDACT_HANDLES,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    integrations: {
      secretKey: e.PARLEY_SECRET_KEY,
      allowPrivateTargets: e.ALLOW_PRIVATE_TARGETS,
      webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      webhookRetryWindowMs: e.WEBHOOK_RETRY_WINDOW_MS,
      chatwootSyncIntervalMinutes: e.CHATWOOT_SYNC_INTERVAL_MINUTES,
    },
    client: { serviceUrl: e.PARLEY_URL?.replace(/\/+$/, ''), apiKey: e.PARLEY_KEY },
  }
}
