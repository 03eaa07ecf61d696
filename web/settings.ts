// Settings for admins: taxonomy, knowledge, brand voice, keys, model status, the LLM-call audit, queue.
import { api } from './api.ts'
import { h, replace, toast, view, when } from './dom.ts'
import { knowledgeEditor } from './settings-knowledge.ts'
import { taxonomyEditor } from './settings-taxonomy.ts'
import { voiceEditor } from './settings-voice.ts'

const section = (title: string, ...body: Array<Node | string | null>) =>
  h('section', { class: 'settings-section', 'aria-label': title }, h('h2', {}, title), ...body)

export async function renderSettings(): Promise<void> {
  const [tax, knowledge, voice, keys, ready, audit] = await Promise.all([api.taxonomy(), api.knowledge(), api.voice(), api.keys(), api.ready(), api.audit()])
  const checks = (ready.checks ?? {}) as Record<string, Record<string, unknown>>
  const keyName = h('input', { type: 'text', 'aria-label': 'New key name', maxlength: 100 })
  const keyRole = h('select', { 'aria-label': 'New key role' }, ['agent', 'analyst', 'ingest', 'admin'].map((r) => h('option', { value: r }, r)))
  const created = h('p', { role: 'status' })
  const create = h('button', { type: 'button' }, 'Create key')
  create.addEventListener('click', async () => {
    if (!keyName.value.trim()) return
    const res = await api.createKey(keyName.value.trim(), keyRole.value)
    // Shown once, as text to copy; it is not stored in the browser.
    replace(created, 'New key (shown only now): ', h('code', {}, res.key))
  })
  replace(view(),
    section('Model status',
      h('dl', {},
        h('dt', {}, 'Embedder'), h('dd', {}, `${String(checks.embedder?.model ?? '?')} — ${String(checks.embedder?.reason ?? '')}`),
        h('dt', {}, 'LLM'), h('dd', {}, String(checks.llm?.mode ?? '?')),
        h('dt', {}, 'Database'), h('dd', {}, String(checks.database?.kind ?? '?')),
        h('dt', {}, 'Queue and enrichment backlog'), h('dd', {}, Object.entries(checks.queue ?? {}).map(([k, v]) => `${String(v)} ${k}`).join(' · ') || 'unknown'))),
    section('Taxonomy', taxonomyEditor(tax.intents)),
    section('Knowledge articles', knowledgeEditor(knowledge.items)),
    section('Brand voice', voiceEditor(voice)),
    section('API keys',
      h('table', {}, h('thead', {}, h('tr', {}, ['Name', 'Prefix', 'Role', 'Created', 'Last used', 'Status', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, keys.items.map((k) => {
          const revoke = h('button', { type: 'button', 'aria-label': `Revoke ${k.name}`, disabled: Boolean(k.revokedAt) }, 'Revoke')
          revoke.addEventListener('click', async () => { await api.revokeKey(k.id); toast(`Revoked ${k.name}`); revoke.disabled = true })
          return h('tr', {}, h('td', {}, k.name), h('td', {}, h('code', {}, k.prefix)), h('td', {}, k.role), h('td', {}, when(k.createdAt)), h('td', {}, when(k.lastUsedAt)), h('td', {}, k.revokedAt ? 'revoked' : 'active'), h('td', {}, revoke))
        }))),
      h('div', { class: 'inline-form' }, keyName, keyRole, create), created),
    section('LLM-call audit', audit.items.length
      ? h('table', {}, h('thead', {}, h('tr', {}, ['When', 'Purpose', 'Model', 'Tokens in/out', 'Latency', 'Outcome'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, audit.items.map((c) => h('tr', {}, h('td', {}, when(String(c.createdAt ?? c.created_at ?? ''))), h('td', {}, String(c.purpose)), h('td', {}, String(c.model)), h('td', {}, `${c.inputTokens ?? c.input_tokens}/${c.outputTokens ?? c.output_tokens}`), h('td', {}, `${c.latencyMs ?? c.latency_ms} ms`), h('td', {}, String(c.outcome))))))
      : h('p', {}, 'No LLM calls: the service runs in local mode or has not called a model yet.')),
  )
}
