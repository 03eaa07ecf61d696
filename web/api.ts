// The console's typed client for the /v1 API. Types come from the server's own zod schemas and
// return types (type-only imports, erased by the bundler), so the two cannot drift silently.
import type { z } from 'zod'
import type { inboxResponse, inboxThemesResponse, weeksResponse } from '../src/api/inbox.ts'
import type { SessionInfo } from '../src/api/session.ts'
import type { AskResult, PlanOverrides } from '../src/chains/ask/types.ts'
import type { SuggestionsResponse } from '../src/chains/replies/service.ts'
import type { ThemeReport } from '../src/chains/themes/types.ts'
import type { IntentDef } from '../src/chains/classify/taxonomy.ts'
import type { getConversation } from '../src/store/conversations.ts'
import type { SearchHit } from '../src/store/embeddings.ts'
import type { Article, ArticleInput } from '../src/store/knowledge.ts'
import type { VoiceSetting } from '../src/store/voice-setting.ts'

export type Inbox = z.infer<typeof inboxResponse>
export type InboxItem = Inbox['items'][number]
export type Conversation = NonNullable<Awaited<ReturnType<typeof getConversation>>>
export type Message = Conversation['messages'][number]
export type Suggestions = SuggestionsResponse
export type Weeks = z.infer<typeof weeksResponse>
export type InboxThemes = z.infer<typeof inboxThemesResponse>
export type { Article, ArticleInput, AskResult, IntentDef, PlanOverrides, SearchHit, SessionInfo, ThemeReport, VoiceSetting }


export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="parley-csrf"]')?.content ?? ''
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken()
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
  if (res.status === 401 && path !== '/v1/session') {
    // The session ended (expired, signed out elsewhere, key revoked): back to sign-in.
    location.assign('/sign-in?expired=1')
    throw new ApiError(401, 'UNAUTHORIZED', 'session ended')
  }
  if (res.status === 204) return undefined as T
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, json?.error?.code ?? 'ERROR', json?.error?.message ?? res.statusText)
  return json as T
}

const qs = (params: Record<string, string | number | undefined>) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v))
  const s = p.toString()
  return s ? `?${s}` : ''
}

export const api = {
  signIn: (apiKey: string) => call<SessionInfo>('POST', '/v1/session', { apiKey }),
  signOut: () => call<void>('DELETE', '/v1/session'),
  inbox: (q: Record<string, string | number | undefined>) => call<Inbox>('GET', `/v1/inbox${qs(q)}`),
  inboxThemes: () => call<InboxThemes>('GET', '/v1/inbox/themes'),
  conversation: (id: string) => call<Conversation>('GET', `/v1/conversations/${encodeURIComponent(id)}`),
  suggest: (id: string) => call<Suggestions>('POST', `/v1/conversations/${encodeURIComponent(id)}/suggestions`, { n: 3, tone: 'friendly' }),
  feedback: (suggestionId: string, action: 'accepted' | 'edited' | 'rejected', finalText?: string, reason?: string) =>
    call<unknown>('POST', `/v1/suggestions/${encodeURIComponent(suggestionId)}/feedback`, { action, ...(finalText ? { finalText } : {}), ...(reason ? { reason } : {}) }),
  correct: (messageId: string, field: 'sentiment' | 'intent', label: string) =>
    call<unknown>('POST', `/v1/messages/${encodeURIComponent(messageId)}/corrections`, { field, label }),
  taxonomy: () => call<{ intents: IntentDef[] }>('GET', '/v1/taxonomy'),
  saveTaxonomy: (intents: IntentDef[], reclassify: boolean) => call<{ intents: IntentDef[]; reclassifyJobs: number }>('PUT', `/v1/taxonomy${qs({ reclassify: String(reclassify) })}`, { intents }),
  weeks: () => call<Weeks>('GET', '/v1/themes/weeks'),
  themes: (week: string) => call<ThemeReport>('GET', `/v1/themes${qs({ week })}`),
  renameTheme: (id: string, label: string | null) => call<unknown>('PATCH', `/v1/themes/${encodeURIComponent(id)}`, { label }),
  mergeTheme: (id: string, into: string) => call<unknown>('POST', `/v1/themes/${encodeURIComponent(id)}/merge`, { into }),
  ask: (question: string, overrides: PlanOverrides = {}) => call<AskResult>('POST', '/v1/ask', { question, ...overrides }),
  search: (q: Record<string, string | number | undefined>) => call<{ model: string; items: SearchHit[] }>('GET', `/v1/search${qs(q)}`),
  knowledge: () => call<{ items: Article[] }>('GET', '/v1/knowledge?limit=500'),
  article: (id: string) => call<Article>('GET', `/v1/knowledge/${encodeURIComponent(id)}`),
  createArticle: (a: ArticleInput) => call<Article>('POST', '/v1/knowledge', a),
  updateArticle: (id: string, a: ArticleInput) => call<Article>('PUT', `/v1/knowledge/${encodeURIComponent(id)}`, a),
  deleteArticle: (id: string) => call<void>('DELETE', `/v1/knowledge/${encodeURIComponent(id)}`),
  voice: () => call<VoiceSetting>('GET', '/v1/settings/voice'),
  saveVoice: (v: VoiceSetting) => call<VoiceSetting>('PUT', '/v1/settings/voice', v),
  keys: () => call<{ items: Array<{ id: string; name: string; prefix: string; role: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }> }>('GET', '/v1/keys'),
  createKey: (name: string, role: string) => call<{ id: string; key: string; role: string }>('POST', '/v1/keys', { name, role }),
  revokeKey: (id: string) => call<void>('DELETE', `/v1/keys/${encodeURIComponent(id)}`),
  audit: () => call<{ items: Array<Record<string, unknown>> }>('GET', '/v1/audit/llm-calls?limit=20'),
  ready: () => fetch('/ready').then((r) => r.json() as Promise<Record<string, unknown>>),
  health: () => fetch('/health').then((r) => r.json() as Promise<Record<string, unknown>>),
}
