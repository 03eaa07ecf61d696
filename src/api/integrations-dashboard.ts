// The Chatwoot dashboard app: a page for Chatwoot's iframe, and the two calls it makes. Chatwoot passes
// no credentials, so the page authenticates with the signed per-connection token in its URL; it trusts
// appContext messages only from the connection's Chatwoot origin, and only that origin may frame it.
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { normalisedEditDistance } from '../chains/replies/clean.ts'
import { AppError, notFound } from '../errors.ts'
import { openSecrets } from '../integrations/chatwoot/connection.ts'
import { checkDashboardToken } from '../integrations/chatwoot/dashboard-token.ts'
import { conversationExternalId } from '../integrations/chatwoot/mapping.ts'
import { integrationSecurity, type IntegrationRouteDeps } from '../integrations/context.ts'
import { getConversation } from '../store/conversations.ts'
import { connectionsRepo, integrationAuditRepo, integrationReadsRepo, type ConnectionRow } from '../store/integrations.ts'
import { suggestionsRepo } from '../store/suggestions.ts'

const tokenQuery = z.object({ token: z.string().min(10).max(1000) })

export const dashboardAppRoutes: FastifyPluginAsync<IntegrationRouteDeps> = async (app, deps) => {
  const { db, clock } = deps
  const { box } = integrationSecurity(deps.config)
  const connections = connectionsRepo(db)
  const reads = integrationReadsRepo(db)
  const r = app.withTypeProvider<ZodTypeProvider>()

  async function authorise(request: { params: { id: string }; query: { token: string } }): Promise<ConnectionRow> {
    const conn = z.uuid().safeParse(request.params.id).success ? await connections.forInbound(request.params.id) : undefined
    if (!conn || !checkDashboardToken(request.query.token, conn.id, openSecrets(box, conn).webhookSecret, clock())) {
      throw new AppError('UNAUTHORIZED', 'invalid or expired dashboard app token')
    }
    return conn
  }

  r.get('/v1/integrations/chatwoot/:id/app', { schema: { tags: ['integrations'], summary: 'The Chatwoot dashboard app page', params: z.object({ id: z.string() }), querystring: tokenQuery } }, async (request, reply) => {
    const conn = await authorise(request)
    const nonce = randomBytes(16).toString('base64')
    return reply
      .header('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-ancestors ${conn.baseUrl}; base-uri 'none'; form-action 'none'`)
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(page(conn.baseUrl, nonce))
  })

  r.get(
    '/v1/integrations/chatwoot/:id/app/conversations/:conversationId',
    { schema: { tags: ['integrations'], summary: 'Enrichment, summary and drafts of a Chatwoot conversation (dashboard app token)', params: z.object({ id: z.string(), conversationId: z.coerce.number().int().positive() }), querystring: tokenQuery } },
    async (request) => {
      const conn = await authorise(request)
      const id = await reads.conversationByExternalId(conn.workspaceId, conversationExternalId(conn.id, request.params.conversationId))
      const conv = id ? await getConversation(db, conn.workspaceId, id) : undefined
      if (!conv || !id) throw notFound('conversation')
      const lastCustomer = [...conv.messages].reverse().find((m) => m.role === 'customer' && m.enrichment)
      const drafts = await reads.drafts(conn.workspaceId, await reads.latestDraftIds(conn.workspaceId, id))
      return {
        sentiment: lastCustomer?.enrichment?.sentiment?.label ?? null,
        intent: lastCustomer?.enrichment?.intent?.label ?? null,
        summary: (conv as { summary?: { summary?: string } | null }).summary?.summary ?? null,
        drafts: drafts.map((d) => ({ id: d.id, text: d.text, approach: d.approach, confidence: d.confidence })),
      }
    },
  )

  r.post(
    '/v1/integrations/chatwoot/:id/app/feedback',
    {
      schema: {
        tags: ['integrations'], summary: 'What the agent did with a draft, with their Chatwoot agent id (dashboard app token)',
        params: z.object({ id: z.string() }), querystring: tokenQuery,
        body: z.object({ suggestionId: z.uuid(), action: z.enum(['copied', 'edited', 'rejected']), finalText: z.string().trim().min(1).max(10_000).optional(), agentId: z.number().int().nullable() }),
      },
    },
    async (request) => {
      const conn = await authorise(request)
      const { suggestionId, action, finalText, agentId } = request.body
      const suggestions = suggestionsRepo(db)
      const existing = await suggestions.get(conn.workspaceId, suggestionId)
      // The token reaches only this connection's conversations.
      const conv = existing ? await getConversation(db, conn.workspaceId, existing.conversationId) : undefined
      if (!existing || !conv?.externalId.startsWith(conversationExternalId(conn.id, 0).slice(0, -1))) throw notFound('suggestion')
      const final = action === 'rejected' ? null : (finalText ?? existing.text)
      const stored = await suggestions.recordFeedback(conn.workspaceId, suggestionId, action === 'copied' ? 'accepted' : action, final, final === null ? null : normalisedEditDistance(existing.text, final))
      await integrationAuditRepo(db).record(conn.workspaceId, conn.id, 'dashboard_feedback', { suggestionId, action, agentId })
      return stored
    },
  )
}

function page(chatwootOrigin: string, nonce: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Parley</title>
<style nonce="${nonce}">body{font:14px system-ui,sans-serif;margin:12px;color:#1f2933}.muted{color:#6b7280}.draft{border:1px solid #e5e7eb;border-radius:6px;padding:8px;margin:8px 0;white-space:pre-wrap}button{margin-right:6px}</style></head>
<body><h3>Parley</h3><div id="status" class="muted">Waiting for the conversation…</div><div id="facts"></div><div id="drafts"></div>
<script nonce="${nonce}">
const ALLOWED_ORIGIN = ${JSON.stringify(chatwootOrigin)};
const base = location.pathname.replace(/\\/app$/, '/app');
const token = new URLSearchParams(location.search).get('token');
let agentId = null;
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
async function feedback(id, action, finalText) {
  await fetch(base + '/feedback?token=' + encodeURIComponent(token), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ suggestionId: id, action, finalText, agentId }) });
}
async function load(conversationId) {
  const res = await fetch(base + '/conversations/' + encodeURIComponent(conversationId) + '?token=' + encodeURIComponent(token));
  const status = document.getElementById('status');
  if (!res.ok) { status.textContent = res.status === 404 ? 'Parley has not seen this conversation yet.' : 'Parley could not load this conversation.'; return; }
  const data = await res.json();
  status.textContent = '';
  const facts = document.getElementById('facts'); facts.replaceChildren();
  facts.append(el('div', 'Sentiment: ' + (data.sentiment ?? '–')), el('div', 'Intent: ' + (data.intent ?? '–')), el('p', data.summary ?? '', 'muted'));
  const drafts = document.getElementById('drafts'); drafts.replaceChildren();
  if (data.drafts.length === 0) drafts.append(el('div', 'No drafts for this conversation.', 'muted'));
  for (const d of data.drafts) {
    const box = el('div', null, 'draft'); box.dataset.id = d.id;
    const text = el('div', d.text); const copy = el('button', 'Copy'); const reject = el('button', 'Not useful');
    copy.onclick = async () => { try { await navigator.clipboard.writeText(d.text); } catch {} await feedback(d.id, 'copied'); copy.textContent = 'Copied'; };
    reject.onclick = async () => { await feedback(d.id, 'rejected'); box.remove(); };
    box.append(el('div', d.approach.replaceAll('_', ' ') + ' · ' + Math.round(d.confidence * 100) + '%', 'muted'), text, copy, reject);
    drafts.append(box);
  }
}
window.addEventListener('message', (event) => {
  // Anyone can post to this window: only Chatwoot's own origin is believed.
  if (event.origin !== ALLOWED_ORIGIN || typeof event.data !== 'string') return;
  let msg; try { msg = JSON.parse(event.data); } catch { return; }
  if (msg?.event !== 'appContext' || !msg.data?.conversation?.id) return;
  agentId = msg.data.currentAgent?.id ?? null;
  load(msg.data.conversation.id);
});
window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
</script></body></html>`
}
