// Semantic search with filters; each result opens its conversation.
import { api } from './api.ts'
import { h, replace, view, when } from './dom.ts'

export async function renderSearch(): Promise<void> {
  const params = new URLSearchParams(location.search)
  const field = (name: string, label: string, options: string[]) =>
    h('label', {}, label, ' ', h('select', { name }, h('option', { value: '' }, 'any'), options.map((o) => h('option', { value: o, selected: params.get(name) === o }, o))))
  const q = h('input', { id: 'search', name: 'q', type: 'search', value: params.get('q') ?? '', required: true, maxlength: 2000 })
  const form = h('form', { class: 'search-form', role: 'search', method: 'get', action: '/search' },
    h('label', { for: 'search' }, 'Search'), q,
    field('channel', 'Channel', ['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat']),
    field('role', 'Author', ['customer', 'agent']),
    field('language', 'Language', ['en', 'fr', 'es', 'de', 'pt', 'it', 'ko', 'th']),
    h('button', { type: 'submit', class: 'primary' }, 'Search'))
  const results = h('section', { 'aria-label': 'Results' })
  replace(view(), form, results)
  const query = params.get('q')
  if (!query) return
  const started = performance.now()
  const res = await api.search({ q: query, k: 20, channel: params.get('channel') ?? undefined, role: params.get('role') ?? undefined, language: params.get('language') ?? undefined })
  replace(results,
    h('p', { class: 'muted' }, `${res.items.length} results in ${Math.round(performance.now() - started)} ms (${res.model})`),
    h('ol', { class: 'results' }, res.items.map((r) => h('li', {},
      h('a', { href: `/conversations/${r.conversationId}` }, h('q', { dir: 'auto' }, r.text)),
      h('span', { class: 'muted' }, ` ${r.role} · ${r.channel} · ${when(r.sentAt)} · score ${r.score.toFixed(2)}`)))))
}
