// The one place a chat model is built. Any OpenAI-compatible endpoint works (OpenAI, Azure's v1
// endpoint, Ollama, vLLM, llama.cpp, LM Studio) because only the base URL differs.
import { ChatOpenAI } from '@langchain/openai'
import type { LlmConfig } from '../config.ts'

function createChatModel(cfg: LlmConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey,
    configuration: { baseURL: cfg.baseURL },
    // Deterministic answers make classification repeatable and the response cache meaningful.
    temperature: 0,
    // withRetry in resilience.ts is the only retry layer; retries here would multiply with it.
    maxRetries: 0,
    // A backstop: callStructured also aborts each attempt at min(timeoutMs, time left in the route budget).
    timeout: cfg.timeoutMs,
    maxTokens: cfg.tokensPerCall,
  })
}

const models = new WeakMap<LlmConfig, ChatOpenAI>()

/** The model for a config object, built once: each ChatOpenAI owns an HTTP client and its keep-alive pool. */
export function chatModelFor(cfg: LlmConfig): ChatOpenAI {
  let model = models.get(cfg)
  if (!model) {
    model = createChatModel(cfg)
    models.set(cfg, model)
  }
  return model
}
