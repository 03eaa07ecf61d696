// The agents' inbox: awaiting conversations first, filters, j/k + Enter, and polling for new messages.
import { api, type InboxItem } from './api.ts'
import { showConversation, type OpenConversation } from './conversation.ts'
import { ago, h, labelName, replace, view } from './dom.ts'

const POLL_MS = 10_000
const CHANNELS = ['x', 'instagram', 'facebook', 'whatsapp', 'email', 'chat']
const LANGUAGES = ['en', 'fr', 'es', 'de', 'pt', 'it', 'ko', 'th', 'ar', 'he']

export async function renderInbox(): Promise<void> {
  const openId = document.body.dataset.id
  const filters = new URLSearchParams(location.search)
  const list = h('ul', { class: 'inbox-list', 'aria-label': 'Conversations' })
  const more = h('button', { type: 'button', hidden: true }, 'Load more')
  const counter = h('p', { class: 'muted', 'aria-live': 'polite' })
  const pane = h('div', { class: 'conversation-pane', 'aria-label': 'Conversation' }, h('p', { class: 'muted' }, 'Select a conversation (j/k to move, Enter to open).'))
  // Intents and themes are the workspace's own; either list missing leaves its filter with "any" only.
  const [intents, themes] = await Promise.all([
    api.taxonomy().then((t) => t.intents.map((i) => i.name)).catch(() => [] as string[]),
    api.inboxThemes().then((t) => t.themes).catch(() => []),
  ])
  const select = (name: string, label: string, options: Array<string | { value: string; text: string }>) =>
    h('label', {}, label, ' ',
      h('select', { name }, h('option', { value: '' }, 'any'), options.map((o) => {
        const { value, text } = typeof o === 'string' ? { value: o, text: o } : o
        return h('option', { value, selected: filters.get(name) === value }, text)
      })))
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter conversations', method: 'get', action: '/inbox' },
    select('channel', 'Channel', CHANNELS),
    select('language', 'Language', LANGUAGES),
    select('sentiment', 'Sentiment', ['negative', 'neutral', 'positive', 'uncertain']),
    select('intent', 'Intent', intents.map((name) => ({ value: name, text: labelName(name) }))),
    select('theme', 'Theme', themes.map((t) => ({ value: t.id, text: `${t.label} (${t.conversations})` }))),
    h('label', {}, h('input', { type: 'checkbox', name: 'awaiting', value: 'true', checked: filters.get('awaiting') === 'true' }), ' Awaiting only'),
    h('button', { type: 'submit' }, 'Filter'),
  )
  replace(view(), h('div', { class: 'inbox' }, h('div', { class: 'inbox-side' }, form, counter, list, more), pane))

  const query = () => ({
    channel: filters.get('channel') ?? undefined,
    language: filters.get('language') ?? undefined,
    sentiment: filters.get('sentiment') ?? undefined,
    intent: filters.get('intent') ?? undefined,
    theme: filters.get('theme') ?? undefined,
    awaiting: filters.get('awaiting') ?? undefined,
  })
  let offset = 0
  const item = (c: InboxItem) =>
    h('li', { class: c.awaiting ? 'awaiting' : '' },
      h('a', { href: `/inbox/${c.id}${location.search}`, 'aria-current': c.id === openId ? 'true' : undefined, 'data-id': c.id },
        h('span', { class: 'who' }, c.customer.name ?? c.customer.handle ?? c.externalId),
        h('span', { class: 'tags' }, c.channel, c.awaiting ? ` · waiting ${ago(c.waitingSince)}` : ' · answered', c.urgency && c.urgency !== 'none' ? ` · ${c.urgency}` : ''),
        h('span', { class: 'preview', dir: 'auto' }, c.lastText)))
  const loadPage = async (reset: boolean) => {
    const page = await api.inbox({ ...query(), offset: reset ? 0 : offset, limit: 50 })
    if (reset) replace(list, page.items.map(item))
    else page.items.forEach((c) => list.appendChild(item(c)))
    offset = page.nextOffset ?? offset + page.items.length
    more.hidden = page.nextOffset === null
    const awaiting = page.items.filter((c) => c.awaiting).length
    counter.textContent = `${page.total} conversations${reset ? `, ${awaiting} awaiting a reply on this page` : ''}`
  }
  more.addEventListener('click', () => void loadPage(false))
  await loadPage(true)

  // j/k move between conversations, Enter opens (the entries are links).
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement
    if (event.ctrlKey || event.metaKey || event.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
    if (event.key !== 'j' && event.key !== 'k') return
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')]
    if (links.length === 0) return
    const at = links.indexOf(document.activeElement as HTMLAnchorElement)
    const current = at >= 0 ? at : links.findIndex((a) => a.getAttribute('aria-current') === 'true')
    const next = event.key === 'j' ? Math.min(links.length - 1, current + 1) : Math.max(0, current - 1)
    links[next]?.focus()
    event.preventDefault()
  })

  let open: OpenConversation | undefined
  if (openId) {
    open = await showConversation(pane, openId)
    list.querySelector<HTMLAnchorElement>(`a[data-id="${CSS.escape(openId)}"]`)?.scrollIntoView({ block: 'nearest' })
  }
  // Polling keeps it simple and proxy-friendly; a page reload is never needed for new messages.
  setInterval(() => {
    if (document.hidden) return
    // Re-rendering under a keyboard user would throw their focus away: refresh the list when it has none.
    if (!list.contains(document.activeElement)) void loadPage(true).catch(() => undefined)
    void open?.refresh().catch(() => undefined)
  }, POLL_MS)
}
