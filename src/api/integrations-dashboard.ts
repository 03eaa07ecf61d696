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
import { draftWarnings } from '../chains/replies/warnings.ts'
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
      const run = await reads.latestDraftRun(conn.workspaceId, id)
      const drafts = await reads.drafts(conn.workspaceId, run.ids)
      return {
        sentiment: lastCustomer?.enrichment?.sentiment?.label ?? null,
        intent: lastCustomer?.enrichment?.intent?.label ?? null,
        summary: (conv as { summary?: { summary?: string } | null }).summary?.summary ?? null,
        note: run.note,
        drafts: drafts.map((d) => ({ id: d.id, text: d.text, approach: d.approach, confidence: d.confidence, warnings: draftWarnings(d) })),
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Parley</title>
<style nonce="${nonce}">body{font:14px system-ui,sans-serif;margin:12px;color:#1f2933}h1{font-size:16px;margin:0 0 8px}h2{font-size:14px;margin:12px 0 4px}
.muted{color:#52606d}#facts p{margin:2px 0}
ol{list-style:none;padding:0;margin:0}.draft{border:1px solid #d2d6dc;border-radius:6px;padding:8px;margin:8px 0}
.draft-text{white-space:pre-wrap;margin:4px 0 8px}mark{background:#fff3bf}.warn{color:#8a2c0d;margin:4px 0}button{margin-right:6px;font:inherit;padding:3px 10px}.fb{display:inline;margin-left:4px}</style></head>
<body><h1>Parley</h1><p id="status" class="muted" role="status">Waiting for the conversation…</p><div id="facts"></div>
<section aria-labelledby="drafts-title"><h2 id="drafts-title">Suggested replies</h2><ol id="drafts"></ol></section>
<script nonce="${nonce}">
const ALLOWED_ORIGIN = ${JSON.stringify(chatwootOrigin)};
const base = location.pathname;
const token = new URLSearchParams(location.search).get('token');
let agentId = null;
let shown = null;
const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
// Placeholders the agent must fill ([ORDER_1], [order number], [place], {name}) stand out; everything stays text.
// (Backslashes are doubled: this script is written inside a template literal, which would eat single ones.)
function highlighted(text) {
  return text.split(/(\\[[^\\[\\]\\n]{1,40}\\]|\\{[a-z_]+\\})/g).map((part, i) => i % 2 ? el('mark', part) : document.createTextNode(part));
}
async function feedback(id, action) {
  const res = await fetch(base + '/feedback?token=' + encodeURIComponent(token), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ suggestionId: id, action, agentId }) });
  return res.ok;
}
async function copyText(node, text) {
  try { await navigator.clipboard.writeText(text); return true; } catch {}
  // Chatwoot's iframe may not grant clipboard access: select the draft so the agent copies it by hand.
  const range = document.createRange(); range.selectNodeContents(node);
  const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
  return false;
}
// The webhook that brings a message is processed in the background: the app may open before Parley has
// read or drafted it, so it looks again a few times before saying so.
const RETRIES = 5, RETRY_MS = 3000;
async function load(conversationId, attempt = 0) {
  const res = await fetch(base + '/conversations/' + encodeURIComponent(conversationId) + '?token=' + encodeURIComponent(token));
  const status = document.getElementById('status');
  if (shown !== conversationId) return;
  const pending = res.status === 404 || (res.ok && (await res.clone().json()).drafts.length === 0);
  if (pending && attempt < RETRIES) { status.textContent = 'Parley is still reading this conversation…'; setTimeout(() => load(conversationId, attempt + 1), RETRY_MS); return; }
  if (!res.ok) { shown = null; status.textContent = res.status === 404 ? 'Parley has not seen this conversation yet.' : 'Parley could not load this conversation.'; return; }
  const data = await res.json();
  status.textContent = '';
  const facts = document.getElementById('facts');
  const fact = (name, value) => { const p = el('p'); p.append(el('strong', name + ':'), ' ' + value); return p; };
  facts.replaceChildren(fact('Sentiment', data.sentiment ?? '–'), fact('Intent', data.intent ?? '–'));
  if (data.summary) { const p = el('p', null, 'muted'); p.append(el('strong', 'Summary: '), data.summary); p.dir = 'auto'; facts.append(p); }
  // What the drafts lack as a whole (no past reply to the subject…): a caution, as in the console.
  if (data.note) facts.append(el('p', '⚠ ' + data.note[0].toUpperCase() + data.note.slice(1) + '.', 'warn'));
  const drafts = document.getElementById('drafts'); drafts.replaceChildren();
  if (data.drafts.length === 0) status.textContent = 'No drafts for this conversation.';
  data.drafts.forEach((d) => {
    const item = el('li', null, 'draft'); item.dataset.id = d.id;
    const text = el('p', null, 'draft-text'); text.dir = 'auto'; text.append(...highlighted(d.text));
    const done = el('p', null, 'fb muted'); done.setAttribute('role', 'status');
    const copy = el('button', 'Copy'); copy.type = 'button';
    const reject = el('button', 'Not useful'); reject.type = 'button';
    copy.onclick = async () => {
      const copied = await copyText(text, d.text);
      const ok = await feedback(d.id, 'copied');
      done.textContent = (copied ? 'Copied' : 'Selected: press Ctrl+C to copy') + (ok ? '' : ' (feedback not recorded)');
    };
    reject.onclick = async () => { const ok = await feedback(d.id, 'rejected'); done.textContent = ok ? 'Marked not useful' : 'Feedback not recorded'; };
    const warnings = d.warnings.map((w) => el('p', '⚠ ' + w[0].toUpperCase() + w.slice(1) + '.', 'warn'));
    item.append(el('div', d.approach.replaceAll('_', ' ') + ' · ' + Math.round(d.confidence * 100) + '% confidence', 'muted'), ...warnings, text, copy, reject, done);
    drafts.append(item);
  });
}
window.addEventListener('message', (event) => {
  // Anyone can post to this window: only Chatwoot's own origin is believed.
  if (event.origin !== ALLOWED_ORIGIN || typeof event.data !== 'string') return;
  let msg; try { msg = JSON.parse(event.data); } catch { return; }
  if (msg?.event !== 'appContext' || !msg.data?.conversation?.id) return;
  agentId = Number.isInteger(msg.data.currentAgent?.id) ? msg.data.currentAgent.id : null;
  // Chatwoot re-sends the context (on fetch-info, on tab switches): reload only for another conversation.
  if (shown === msg.data.conversation.id) return;
  shown = msg.data.conversation.id;
  load(shown);
});
window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
</script></body></html>`
}
