// The few Chatwoot REST calls Parley makes: post a private note, set labels, and read conversations and
// messages for the catch-up. Every call goes through the SSRF guard and the connection's circuit breaker.
import { getBreaker } from '../../llm/resilience.ts'
import { LlmError } from '../../llm/errors.ts'
import { sendOutbound, type OutboundPolicy } from '../../safety/outbound-url.ts'
import { chatwootConversation, chatwootMessage, type ChatwootConversation, type ChatwootMessage } from './payloads.ts'

export const CHATWOOT_TIMEOUT_MS = 10_000

export class ChatwootApiError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message)
  }
}

export interface ChatwootClient {
  createPrivateNote(conversationId: number, content: string): Promise<{ id: number }>
  setLabels(conversationId: number, labels: string[]): Promise<void>
  listConversations(page: number): Promise<ChatwootConversation[]>
  /** Up to 20 messages, oldest first; `before` pages back from a message id. */
  listMessages(conversationId: number, before?: number): Promise<ChatwootMessage[]>
}

export function createChatwootClient(conn: { baseUrl: string; accountId: number; apiAccessToken: string }, policy: OutboundPolicy): ChatwootClient {
  const base = `${conn.baseUrl.replace(/\/+$/, '')}/api/v1/accounts/${conn.accountId}`
  // Keyed by instance: one failing Chatwoot does not trip the breaker of another.
  const breaker = getBreaker(`chatwoot:${conn.baseUrl}`)

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    breaker.acquire()
    let res
    try {
      res = await sendOutbound(
        base + path,
        {
          method,
          timeoutMs: CHATWOOT_TIMEOUT_MS,
          headers: { api_access_token: conn.apiAccessToken, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        policy,
      )
    } catch (err) {
      breaker.recordFailure(new LlmError('connection', err instanceof Error ? err.message : String(err)))
      throw new ChatwootApiError(`Chatwoot unreachable: ${err instanceof Error ? err.message : String(err)}`, null)
    }
    if (res.status >= 500 || res.status === 429) breaker.recordFailure(new LlmError(res.status === 429 ? 'rate_limit' : 'server', `HTTP ${res.status}`))
    else breaker.recordSuccess()
    if (res.status < 200 || res.status >= 300) throw new ChatwootApiError(`Chatwoot answered ${res.status} to ${method} ${path.split('?')[0]}`, res.status)
    return res.body ? JSON.parse(res.body) : {}
  }

  return {
    async createPrivateNote(conversationId, content) {
      const out = (await call('POST', `/conversations/${conversationId}/messages`, { content, message_type: 'outgoing', private: true })) as { id?: number }
      return { id: Number(out.id) }
    },
    async setLabels(conversationId, labels) {
      await call('POST', `/conversations/${conversationId}/labels`, { labels })
    },
    async listConversations(page) {
      const out = (await call('GET', `/conversations?status=all&assignee_type=all&sort_by=last_activity_at_desc&page=${page}`)) as { data?: { payload?: unknown[] } }
      return (out.data?.payload ?? []).flatMap((c) => {
        const parsed = chatwootConversation.safeParse(c)
        return parsed.success ? [parsed.data] : []
      })
    },
    async listMessages(conversationId, before) {
      const out = (await call('GET', `/conversations/${conversationId}/messages${before ? `?before=${before}` : ''}`)) as { payload?: unknown[] }
      return (out.payload ?? []).flatMap((m) => {
        const parsed = chatwootMessage.safeParse(m)
        return parsed.success ? [parsed.data] : []
      })
    },
  }
}
