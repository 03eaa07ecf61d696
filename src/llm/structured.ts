// A structured LLM call: render the prompt, check budgets and the endpoint's circuit, call with a
// per-attempt timeout inside the route's deadline, validate the JSON with zod (one repair attempt),
// audit the outcome, cache the result. Chains call this and fall back to their local implementation.
//
// Why `response_format: json_schema` and not tool calling or JSON mode: it is the one structured
// output form that OpenAI (structured outputs), vLLM (guided decoding), Ollama >= 0.5 (`format`),
// llama.cpp and LM Studio all accept AND enforce while decoding, so enum labels are constrained at
// the source. Forced tool choice is ignored by several of those servers; JSON mode does not carry
// the schema. We pass a plain JSON schema (not the zod object) so the SDK does not validate inside
// the transport: zod runs here, where a failure can be explained to the model and retried once.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages'
import { LengthFinishReasonError } from 'openai/error'
import { z } from 'zod'
import type { LlmConfig } from '../config.ts'
import {
  LlmAbortedError,
  LlmBadOutputError,
  LlmBudgetError,
  LlmTimeoutError,
  toLlmError,
  type LlmError,
  type LlmErrorKind,
} from './errors.ts'
import { chatModelFor } from './model.ts'
import type { LoadedPrompt, RenderedPrompt } from './prompts.ts'
import { getBreaker, withRetry, type TokenBudget } from './resilience.ts'
import type { LlmCallRecord } from '../store/audit.ts'

// The audit row is the store's type; callers of the audit hook find it here too.
export type { LlmCallRecord }

export interface ResponseCache {
  get(key: string): Promise<unknown | undefined>
  set(key: string, value: unknown): Promise<void>
}

export interface StructuredCall<T> {
  cfg: LlmConfig
  prompt: LoadedPrompt
  vars: Record<string, string>
  schema: z.ZodType<T>
  purpose: string
  workspaceId: string
  /** How many items the safety layer redacted from `vars` before this call (for the audit row). */
  redactions: number
  signal?: AbortSignal
  /** Epoch ms, the route's time budget; defaults to now + cfg.routeBudgetMs. */
  deadline?: number
  audit?: (r: LlmCallRecord) => Promise<void> | void
  budget?: TokenBudget
  cache?: ResponseCache
}

export interface StructuredResult<T> {
  value: T
  usage: { input: number; output: number }
  cached: boolean
}

/** Output attempts: the first answer plus one repair after a validation failure. */
const MAX_OUTPUT_ATTEMPTS = 2
const AUDIT_ERROR_MAX_CHARS = 200

/** Calls the model and returns the zod-validated value; throws an LlmError on any failure. */
export async function callStructured<T>(call: StructuredCall<T>): Promise<StructuredResult<T>> {
  const { cfg, prompt, schema } = call
  const rendered = call.prompt.render(call.vars)
  const cacheKey = call.cache ? responseCacheKey(prompt.version, cfg.model, rendered) : ''
  if (call.cache) {
    const hit = await readCached(call.cache, cacheKey, schema)
    if (hit) return hit
  }

  const started = Date.now()
  const usage = { input: 0, output: 0 }
  let retried = false
  const audit = async (outcome: LlmCallRecord['outcome'], error?: LlmError) => {
    await call.budget?.consume?.(call.workspaceId, usage.input + usage.output)
    await call.audit?.({
      workspaceId: call.workspaceId,
      purpose: call.purpose,
      model: cfg.model,
      promptVersion: prompt.version,
      inputTokens: usage.input,
      outputTokens: usage.output,
      latencyMs: Date.now() - started,
      outcome,
      redactions: call.redactions,
      ...(error ? { error: describeForAudit(error) } : {}),
    })
  }

  let value: T
  try {
    await checkBudgets(call, rendered)
    value = await callUntilValid(call, rendered, started + cfg.routeBudgetMs, usage, () => {
      retried = true
    })
  } catch (err) {
    const error = toLlmError(err)
    await audit(auditOutcome(error.kind), error)
    throw error
  }
  await audit(retried ? 'retry_ok' : 'ok')
  await call.cache?.set(cacheKey, { value, usage })
  return { value, usage: { ...usage }, cached: false }
}

/** Transport retries inside withRetry; around them, one repair round when the answer fails validation. */
async function callUntilValid<T>(
  call: StructuredCall<T>,
  rendered: RenderedPrompt,
  defaultDeadline: number,
  usage: { input: number; output: number },
  markRetried: () => void,
): Promise<T> {
  const deadline = call.deadline ?? defaultDeadline
  const breaker = getBreaker(call.cfg.baseURL)
  const responseFormat = jsonSchemaResponseFormat(call.prompt.name, call.schema)
  const messages: BaseMessage[] = [
    ...(rendered.system ? [new SystemMessage(rendered.system)] : []),
    new HumanMessage(rendered.user),
  ]
  const attemptOnce = async () => {
    breaker.acquire()
    try {
      const answer = await invokeOnce(call, messages, responseFormat, deadline, usage)
      breaker.recordSuccess()
      return answer
    } catch (err) {
      const error = toLlmError(err)
      breaker.recordFailure(error)
      throw error
    }
  }

  for (let outputAttempt = 1; ; outputAttempt++) {
    let content: string | undefined
    let problem: string
    try {
      content = await withRetry(attemptOnce, {
        retries: call.cfg.maxRetries,
        signal: call.signal,
        deadline,
        onRetry: markRetried,
      })
      const parsed = parseAnswer(content, call.schema)
      if (parsed.ok) return parsed.value
      problem = parsed.problem
    } catch (err) {
      const error = toLlmError(err)
      // Thrown by the SDK before we see the content: a truncated reply or a body that is not JSON.
      // Fixed wording, because SyntaxError messages quote the body and this text reaches the audit.
      if (error.kind !== 'bad_output') throw error
      problem = error.cause instanceof LengthFinishReasonError
        ? 'the reply was cut off at the token limit; answer more briefly'
        : 'the reply could not be read as JSON'
    }
    if (outputAttempt >= MAX_OUTPUT_ATTEMPTS) throw new LlmBadOutputError(`output rejected twice: ${problem}`)
    markRetried()
    if (content !== undefined) messages.push(new AIMessage(content))
    messages.push(new HumanMessage(repairInstruction(problem, responseFormat.json_schema.schema)))
  }
}

async function invokeOnce(
  call: StructuredCall<unknown>,
  messages: BaseMessage[],
  responseFormat: JsonSchemaResponseFormat,
  deadline: number,
  usage: { input: number; output: number },
): Promise<string> {
  const timeoutMs = Math.min(call.cfg.timeoutMs, deadline - Date.now())
  if (timeoutMs <= 0) throw new LlmTimeoutError('LLM time budget spent')
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout
  try {
    const message = await chatModelFor(call.cfg).invoke(messages, { signal, response_format: responseFormat })
    usage.input += message.usage_metadata?.input_tokens ?? 0
    usage.output += message.usage_metadata?.output_tokens ?? 0
    return typeof message.content === 'string' ? message.content : message.text
  } catch (err) {
    if (call.signal?.aborted) throw new LlmAbortedError(undefined, { cause: err })
    if (timeout.aborted) throw new LlmTimeoutError(`LLM call exceeded ${timeoutMs} ms`, { cause: err })
    throw toLlmError(err)
  }
}

async function checkBudgets(call: StructuredCall<unknown>, rendered: RenderedPrompt): Promise<void> {
  const estimate = estimateTokens(rendered.system) + estimateTokens(rendered.user)
  if (estimate > call.cfg.tokensPerCall) {
    throw new LlmBudgetError(`input of ~${estimate} tokens exceeds the per-call budget of ${call.cfg.tokensPerCall}`)
  }
  if (call.budget && (await call.budget.remaining(call.workspaceId)) < estimate) {
    throw new LlmBudgetError('workspace token budget for today is spent')
  }
}

/** Deliberately rough (4 characters per token): it guards budgets, it does not bill. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4)
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string }

function parseAnswer<T>(content: string, schema: z.ZodType<T>): Parsed<T> {
  let json: unknown
  try {
    // Servers that ignore response_format often wrap JSON in a markdown fence.
    json = JSON.parse(content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1'))
  } catch {
    // Not the SyntaxError's text: it quotes the reply, which must not reach logs or the audit.
    return { ok: false, problem: 'the reply was not valid JSON' }
  }
  const result = schema.safeParse(json)
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: z.prettifyError(result.error) }
}

function repairInstruction(problem: string, jsonSchema: object): string {
  return [
    'Your previous reply was rejected:',
    problem,
    'Reply again with only a JSON object that matches this JSON schema:',
    JSON.stringify(jsonSchema),
  ].join('\n')
}

interface JsonSchemaResponseFormat {
  type: 'json_schema'
  json_schema: { name: string; schema: Record<string, unknown>; strict: boolean }
}

/** Exported for tests and for chains that want to show the schema in their own prompt. */
function jsonSchemaResponseFormat(name: string, schema: z.ZodType): JsonSchemaResponseFormat {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>
  const format: JsonSchemaResponseFormat = {
    type: 'json_schema',
    json_schema: {
      name: name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64),
      schema: jsonSchema,
      // OpenAI's strict mode rejects schemas with optional fields; send strict only when it will be accepted.
      strict: isStrictCompatible(jsonSchema),
    },
  }
  // For a json_schema format the SDK JSON.parses the content inside the transport and throws on
  // anything else, losing the reply and its token usage. A format that carries its own (non-enumerable,
  // so never sent) parser is the SDK's documented hook (openai/helpers/zod uses it); ours parses
  // nothing, so the content reaches parseAnswer below, which can tolerate fences and explain failures.
  Object.defineProperties(format, {
    $brand: { value: 'auto-parseable-response-format', enumerable: false },
    $parseRaw: { value: () => null, enumerable: false },
  })
  return format
}

function isStrictCompatible(node: unknown): boolean {
  if (!node || typeof node !== 'object') return true
  if (Array.isArray(node)) return node.every(isStrictCompatible)
  const record = node as Record<string, unknown>
  if (record.type === 'object' || record.properties) {
    const properties = Object.keys((record.properties as object | undefined) ?? {})
    const required = new Set((record.required as string[] | undefined) ?? [])
    if (record.additionalProperties !== false || !properties.every((p) => required.has(p))) return false
  }
  return Object.values(record).every(isStrictCompatible)
}

function auditOutcome(kind: LlmErrorKind): LlmCallRecord['outcome'] {
  switch (kind) {
    case 'timeout':
    case 'bad_output':
    case 'circuit_open':
    case 'budget':
      return kind
    default:
      return 'error'
  }
}

function describeForAudit(error: LlmError): string {
  const head = error.status ? `${error.kind} ${error.status}` : error.kind
  return `${head}: ${error.message.split('\n')[0]}`.slice(0, AUDIT_ERROR_MAX_CHARS)
}

/**
 * Runs the LLM path and, on any failure except the caller giving up, answers with the local
 * implementation and says so: `degraded: true` and a stable `reason` such as `llm_timeout`.
 */
export async function withLocalFallback<T>(
  llm: () => Promise<T>,
  local: () => Promise<T> | T,
  log?: { warn: (details: object, message?: string) => void },
): Promise<{ value: T; degraded: boolean; reason?: string }> {
  try {
    return { value: await llm(), degraded: false }
  } catch (err) {
    const error = toLlmError(err)
    // Nobody is waiting for an answer any more; computing one locally would be wasted work.
    if (error.kind === 'aborted') throw error
    const reason = `llm_${error.kind}`
    log?.warn({ reason, kind: error.kind, status: error.status }, 'LLM call failed; answering with the local implementation')
    return { value: await local(), degraded: true, reason }
  }
}

/** sha256 over (prompt version, model, rendered input): a changed prompt file or model is a new key. */
function responseCacheKey(promptVersion: string, model: string, rendered: RenderedPrompt): string {
  return createHash('sha256').update(JSON.stringify([promptVersion, model, rendered.system, rendered.user])).digest('hex')
}

async function readCached<T>(cache: ResponseCache, key: string, schema: z.ZodType<T>): Promise<StructuredResult<T> | undefined> {
  const entry = (await cache.get(key)) as { value?: unknown; usage?: { input: number; output: number } } | undefined
  if (!entry || typeof entry !== 'object') return undefined
  // A schema that changed since the entry was written makes the entry a miss, not a wrong answer.
  const parsed = schema.safeParse(entry.value)
  if (!parsed.success) return undefined
  return { value: parsed.data, usage: entry.usage ?? { input: 0, output: 0 }, cached: true }
}

/** One JSON file per key under `dir` (sharded by the first two hex characters). Used by the eval harness. */
export class FileResponseCache implements ResponseCache {
  constructor(private readonly dir: string) {}

  async get(key: string): Promise<unknown | undefined> {
    try {
      return JSON.parse(await readFile(this.file(key), 'utf8'))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || err instanceof SyntaxError) return undefined
      throw err
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    const file = this.file(key)
    await mkdir(path.dirname(file), { recursive: true })
    // Write then rename so a concurrent reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
    await writeFile(tmp, JSON.stringify(value))
    await rename(tmp, file)
  }

  private file(key: string): string {
    if (!/^[a-f0-9]{16,}$/.test(key)) throw new Error('response cache keys are hex digests')
    return path.join(this.dir, key.slice(0, 2), `${key}.json`)
  }
}
