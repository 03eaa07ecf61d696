// Prometheus metrics of the whole process, in one registry (served by api/metrics.ts). Labels are
// closed sets (route patterns, status codes, job kinds, stage names, outcomes): never message text, a
// handle, a workspace or a key, so a scrape cannot leak customer data and series stay few.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export const metricsRegistry = new Registry()
collectDefaultMetrics({ register: metricsRegistry, prefix: 'parley_' })

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export const httpRequestDuration = new Histogram({
  name: 'parley_http_request_duration_seconds',
  help: 'HTTP request duration by route pattern, method and status code',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const ingestedMessages = new Counter({
  name: 'parley_ingested_messages_total',
  help: 'Messages stored by ingest, by outcome (created, updated, unchanged)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
})

export const truncatedMessages = new Counter({
  name: 'parley_ingest_truncated_messages_total',
  help: 'Ingested messages whose text was cut at the maximum length',
  registers: [metricsRegistry],
})

export const enrichedMessages = new Counter({
  name: 'parley_enriched_messages_total',
  help: 'Messages that went through every enrichment stage',
  registers: [metricsRegistry],
})

export const enrichmentStageDuration = new Histogram({
  name: 'parley_enrichment_stage_duration_seconds',
  help: 'Time per enrichment stage call on one chunk (embed = embedder + vector write; classify-read, classify, classify-write = context read, classifier, label upsert)',
  labelNames: ['stage'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const embedderDuration = new Histogram({
  name: 'parley_embedder_duration_seconds',
  help: 'Embedder call latency (a batch of texts per call)',
  labelNames: ['purpose'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const jobDuration = new Histogram({
  name: 'parley_job_duration_seconds',
  help: 'Handler time per claimed group of jobs, by job kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const jobsProcessed = new Counter({
  name: 'parley_jobs_processed_total',
  help: 'Jobs finished by this process, by kind and outcome (done, retry, failed)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
})

export const jobsReclaimed = new Counter({
  name: 'parley_jobs_reclaimed_total',
  help: 'Running jobs taken back from a dead worker (embedded store at start, or an expired lease)',
  registers: [metricsRegistry],
})

export const queueDepth = new Gauge({
  name: 'parley_queue_jobs',
  help: 'Jobs in the queue by state and kind, read at scrape time',
  labelNames: ['state', 'kind'] as const,
  registers: [metricsRegistry],
})

export const enrichmentBacklog = new Gauge({
  name: 'parley_enrichment_backlog_messages',
  help: 'Stored messages not yet enriched, read at scrape time',
  registers: [metricsRegistry],
})

export const searchDuration = new Histogram({
  name: 'parley_search_duration_seconds',
  help: 'Vector search latency of /v1/search (the query embedding excluded)',
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const llmCalls = new Counter({
  name: 'parley_llm_calls_total',
  help: 'LLM and remote embedding calls by purpose and outcome',
  labelNames: ['purpose', 'outcome'] as const,
  registers: [metricsRegistry],
})

export const llmTokens = new Counter({
  name: 'parley_llm_tokens_total',
  help: 'LLM tokens by purpose and direction (input, output)',
  labelNames: ['purpose', 'direction'] as const,
  registers: [metricsRegistry],
})

export const llmDuration = new Histogram({
  name: 'parley_llm_call_duration_seconds',
  help: 'LLM call latency by purpose',
  labelNames: ['purpose'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const llmCircuitOpen = new Gauge({
  name: 'parley_llm_circuit_open',
  help: "1 while an LLM endpoint's circuit breaker is open (calls go to the local fallback), else 0",
  registers: [metricsRegistry],
})

/** Counts one LLM or remote-embedding call (the audit record carries no text; purpose is a fixed set). */
export function observeLlmCall(r: { purpose: string; outcome: string; inputTokens: number; outputTokens: number; latencyMs: number }): void {
  llmCalls.inc({ purpose: r.purpose, outcome: r.outcome })
  if (r.inputTokens > 0) llmTokens.inc({ purpose: r.purpose, direction: 'input' }, r.inputTokens)
  if (r.outputTokens > 0) llmTokens.inc({ purpose: r.purpose, direction: 'output' }, r.outputTokens)
  llmDuration.observe({ purpose: r.purpose }, r.latencyMs / 1000)
}

/** Times `fn` into a histogram with the given labels; the observation also happens when it throws. */
export async function timed<T, L extends string>(h: Histogram<L>, labels: Partial<Record<L, string>>, fn: () => Promise<T>): Promise<T> {
  const end = h.startTimer(labels)
  try {
    return await fn()
  } finally {
    end()
  }
}
