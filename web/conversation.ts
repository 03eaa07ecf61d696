// One conversation: messages (text only, direction from the text itself), their labels with one-click
// correction, the summary, and for agents the Suggested replies panel.
import { api, type Article, type Conversation, type Message, type Suggestions } from './api.ts'
import { h, labelName, pct, replace, toast, view, when } from './dom.ts'
import { draftWarnings } from '../src/chains/replies/warnings.ts'

const SENTIMENTS = ['negative', 'neutral', 'positive']
/** Placeholders an LLM draft may carry besides its listed slots: redaction tokens ([ORDER_1]) and {name}. */
const TOKEN_PLACEHOLDER = String.raw`\[[A-Z]+(?:_\d+)?\]|\{[a-z_]+\}`
/** Drafts that say something was done must be checked: the suggester cannot do anything itself. */

let intents: string[] | undefined
async function intentNames(): Promise<string[]> {
  intents ??= await api.taxonomy().then((t) => [...t.intents.map((i) => i.name), 'other']).catch(() => ['other'])
  return intents
}

export function canAssist(): boolean {
  const role = document.body.dataset.role
  return role === 'agent' || role === 'admin'
}

export async function renderConversationPage(): Promise<void> {
  const id = document.body.dataset.id!
  const pane = h('div', { class: 'conversation-pane' })
  replace(view(), pane)
  await showConversation(pane, id)
}

/**
 * Whether `text` already tells `part`: most of its words are there. The summary reports what was said ("Now
 * they want to move up to the 500 Mb plan", "Asks the customer to send the new postcode"), the open line quotes
 * it ("Now I want to…", "Could you send us the new postcode…?"); "Fait, ça coupe toujours." shares half its words.
 */
const SAID_ALREADY_SHARE = 0.7
function saysAlready(text: string, part: string): boolean {
  const wordsOf = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const told = new Set(wordsOf(text))
  const words = wordsOf(part)
  return words.length > 0 && words.filter((w) => told.has(w)).length >= SAID_ALREADY_SHARE * words.length
}

export interface OpenConversation {
  refresh(): Promise<void>
}

export async function showConversation(pane: HTMLElement, id: string): Promise<OpenConversation> {
  let conv = await api.conversation(id)
  const names = canAssist() ? await intentNames() : []
  const messages = h('ol', { class: 'messages', 'aria-label': 'Messages' })
  const fill = () => replace(messages, conv.messages.map((m) => messageItem(m, names)))
  fill()
  const title = conv.customer.name ?? conv.customer.handle ?? conv.externalId
  const heading = h('h2', { id: 'conversation-title', tabindex: '-1' }, title)
  // What still waits (the customer's last unanswered words, or the agent's pending question) under the
  // summary: the summary's sentences can leave out the turn that says a step did not help. Not when the
  // summary says it already: a conversation of one message had it twice, one under the other.
  const stored = conv.summary as Record<string, unknown> | null
  const told = String(stored?.summary ?? '')
  const open = stored?.open ? String(stored.open) : ''
  const summary = stored
    ? h('section', { class: 'summary', 'aria-label': 'Summary' }, h('h3', {}, 'Summary'), h('p', { dir: 'auto' }, told),
      open && !saysAlready(told, open) ? h('p', { class: 'summary-open', dir: 'auto' }, h('strong', {}, 'Still open: '), open) : null)
    : null
  replace(
    pane,
    h('div', { class: 'conversation-head' }, heading, h('p', { class: 'muted' }, `${conv.channel} · ${conv.status} · ${conv.messages.length} message${conv.messages.length === 1 ? '' : 's'} · last ${when(conv.lastMessageAt)}`)),
    summary,
    messages,
    canAssist() ? suggestionsPanel(conv) : null,
  )
  return {
    async refresh() {
      const next = await api.conversation(id)
      if (next.messages.length !== conv.messages.length) {
        conv = next
        fill()
        toast('New message in this conversation')
      }
    },
  }
}

function chip(kind: string, label: string, confidence: number | null | undefined): HTMLElement {
  return h('span', { class: `chip ${kind} ${kind}-${label}` }, `${kind}: ${labelName(label)}`, confidence != null ? h('span', { class: 'conf' }, ` ${pct(confidence)}`) : null)
}

function corrector(m: Message, field: 'sentiment' | 'intent', options: string[], current: string | undefined, onDone: (label: string) => void): HTMLElement {
  const select = h('select', { 'aria-label': `Correct ${field}`, class: 'correct' },
    h('option', { value: '' }, `Correct ${field}…`),
    options.filter((o) => o !== current).map((o) => h('option', { value: o }, labelName(o))))
  select.addEventListener('change', async () => {
    const label = select.value
    if (!label) return
    select.disabled = true
    try {
      await api.correct(m.id, field, label)
      onDone(label)
      toast(`${field} corrected to ${labelName(label)}`)
    } catch (err) {
      toast(`Could not correct: ${err instanceof Error ? err.message : String(err)}`)
      select.disabled = false
    }
  })
  return select
}

function messageItem(m: Message, intentOptions: string[]): HTMLElement {
  const e = m.enrichment
  const chips = h('div', { class: 'chips' })
  const renderChips = () => {
    const en = m.enrichment
    replace(chips,
      en?.sentiment ? chip('sentiment', en.sentiment.label, en.sentiment.confidence) : null,
      en?.intent ? chip('intent', en.intent.label, en.intent.confidence) : null,
      en?.language ? chip('language', en.language.code, en.language.confidence) : m.language ? chip('language', m.language, null) : null,
      m.role === 'customer' && canAssist() && en
        ? [
            corrector(m, 'sentiment', SENTIMENTS, en.sentiment?.label, (label) => { en.sentiment = { label, score: 0, confidence: 1 }; renderChips() }),
            corrector(m, 'intent', intentOptions, en.intent?.label, (label) => { en.intent = { label, confidence: 1 }; renderChips() }),
          ]
        : null,
    )
  }
  renderChips()
  return h('li', { class: `msg ${m.role}` },
    h('div', { class: 'meta' }, h('span', { class: 'author' }, m.author ?? m.role), ' · ', h('time', { datetime: m.sentAt ?? '' }, when(m.sentAt))),
    // dir=auto: Arabic or Hebrew text lays itself out right-to-left; lang helps fonts and screen readers.
    h('p', { class: 'text', dir: 'auto', lang: m.language ?? undefined }, m.text),
    e || m.role === 'customer' ? chips : null,
  )
}

/** The draft with each slot it leaves to the agent marked: those it lists ("[amount]", "[place]") and tokens. */
function highlighted(text: string, placeholders: string[]): Array<string | HTMLElement> {
  const listed = [...new Set(placeholders)].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(${[...listed, TOKEN_PLACEHOLDER].join('|')})`, 'g')
  return text.split(pattern).map((part, i) => (i % 2 === 1 ? h('mark', { class: 'placeholder', title: 'fill this in before sending' }, part) : part))
}

function suggestionsPanel(conv: Conversation): HTMLElement {
  const body = h('div', { class: 'drafts' })
  const get = h('button', { type: 'button', class: 'primary' }, 'Get drafts')
  const panel = h('section', { class: 'suggestions', 'aria-labelledby': 'suggestions-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'suggestions-title' }, 'Suggested replies'), get), body)
  const load = async () => {
    get.disabled = true
    replace(body, h('p', { class: 'muted' }, 'Drafting…'))
    try {
      renderDrafts(body, await api.suggest(conv.id))
      get.textContent = 'New drafts'
    } catch (err) {
      replace(body, h('p', { class: 'error', role: 'alert' }, `No drafts: ${err instanceof Error ? err.message : String(err)}`))
    } finally {
      get.disabled = false
    }
  }
  get.addEventListener('click', () => void load())
  const last = conv.messages[conv.messages.length - 1]
  if (last?.role === 'customer') void load()
  else replace(body, h('p', { class: 'muted' }, 'The last message is an agent’s. Ask for drafts if a follow-up is needed.'))
  return panel
}

function renderDrafts(body: HTMLElement, res: Suggestions): void {
  const notes = [
    !res.shouldReply ? `A reply may not be needed (${labelName(res.reason)}).` : null,
    res.degraded ? `Drafted locally: ${res.degradedReason ?? 'the LLM was unavailable'}.` : null,
  ].filter((x): x is string => Boolean(x))
  // The suggester's note says what the drafts lack (no past reply in the language, none to the subject): a caution, shown as one.
  const caution = res.note ? h('p', { class: 'warn' }, `${res.note[0]!.toUpperCase()}${res.note.slice(1)}.`) : null
  replace(body,
    notes.map((n) => h('p', { class: 'muted' }, n)),
    caution,
    res.suggestions.length === 0 ? h('p', {}, 'No drafts for this conversation.') : null,
    h('ol', { class: 'draft-list' }, res.suggestions.map((s, i) => draftItem(s, i + 1, res.maxChars))),
  )
}

function draftItem(s: Suggestions['suggestions'][number], n: number, maxChars: number): HTMLElement {
  const status = h('p', { class: 'draft-status', role: 'status' })
  const count = (t: string) => h('span', { class: t.length > maxChars ? 'count over' : 'count' }, `${t.length} / ${maxChars} characters`)
  const send = async (action: 'accepted' | 'edited' | 'rejected', finalText?: string, reason?: string) => {
    try {
      await api.feedback(s.id, action, finalText, reason)
      status.textContent = `Feedback recorded: ${action}`
      item.dataset.feedback = action
    } catch (err) {
      status.textContent = `Feedback failed: ${err instanceof Error ? err.message : String(err)}`
    }
  }
  const copy = h('button', { type: 'button' }, 'Copy')
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(s.text).catch(() => undefined)
    await send('accepted')
    toast('Draft copied')
  })
  const editor = h('div', { class: 'editor', hidden: true })
  const edit = h('button', { type: 'button', 'aria-expanded': 'false' }, 'Edit')
  const textarea = h('textarea', { 'aria-label': `Edit draft ${n}`, rows: 5, dir: 'auto' })
  textarea.value = s.text
  const counter = h('span', {}, count(s.text))
  textarea.addEventListener('input', () => replace(counter, count(textarea.value)))
  const use = h('button', { type: 'button', class: 'primary' }, 'Use edited')
  use.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(textarea.value).catch(() => undefined)
    await send(textarea.value.trim() === s.text.trim() ? 'accepted' : 'edited', textarea.value.trim())
  })
  replace(editor, textarea, counter, use)
  edit.addEventListener('click', () => {
    editor.hidden = !editor.hidden
    edit.setAttribute('aria-expanded', String(!editor.hidden))
    if (!editor.hidden) textarea.focus()
  })
  const reason = h('select', { 'aria-label': `Reason to reject draft ${n}` },
    ['wrong facts', 'wrong tone', 'not relevant', 'needs a human', 'other'].map((r) => h('option', { value: r }, r)))
  const confirm = h('button', { type: 'button' }, 'Reject')
  confirm.addEventListener('click', () => void send('rejected', undefined, reason.value))
  // The server flags drafts that state an action (refund, replacement…) the conversation does not show,
  // or tell a step the customer took; the warnings are worded as in Chatwoot.
  const item = h('li', { class: 'draft' },
    h('h3', {}, `Draft ${n}: ${labelName(s.approach)}`),
    h('p', { class: 'muted' }, `confidence ${pct(s.confidence)} · `, count(s.text)),
    ...draftWarnings(s).map((w) => h('p', { class: 'warn' }, `${w[0]!.toUpperCase()}${w.slice(1)}.`)),
    h('p', { class: 'draft-text', dir: 'auto' }, highlighted(s.text, s.placeholders)),
    s.sources.length
      ? h('details', { class: 'sources' }, h('summary', {}, `Sources (${s.sources.length})`),
          h('ul', {}, s.sources.map((src) => h('li', {},
            src.type === 'past_reply' && src.conversationId
              ? h('a', { href: `/conversations/${src.conversationId}` }, 'Past conversation')
              : src.type === 'knowledge' ? knowledgeSource(src) : h('span', {}, src.type),
            ` (${pct(src.score)}) `,
            h('q', { dir: 'auto' }, src.excerpt)))))
      : null,
    h('div', { class: 'actions' }, copy, edit, h('span', { class: 'reject' }, reason, confirm)),
    editor,
    status,
  )
  return item
}


type Source = Suggestions['suggestions'][number]['sources'][number]

/** The article a knowledge source came from: by its id when the source carries one, else by its title when exactly one article has it. */
async function articleOf(src: Source): Promise<Article | undefined> {
  const articleId = (src as Source & { articleId?: string }).articleId
  if (articleId) return api.article(articleId)
  const matches = (await api.knowledge()).items.filter((a) => a.title === src.title)
  return matches.length === 1 ? matches[0] : undefined
}

/** A knowledge source opens in place: the whole article, as text. */
function knowledgeSource(src: Source): HTMLElement {
  const body = h('div', { class: 'article-view' }, h('p', { class: 'muted' }, 'Opening the article…'))
  const box = h('details', { class: 'source-article' }, h('summary', {}, `Knowledge article: ${src.title ?? 'untitled'}`), body)
  let loaded = false
  box.addEventListener('toggle', async () => {
    if (!box.open || loaded) return
    loaded = true
    try {
      const article = await articleOf(src)
      replace(body, article
        ? [h('h4', {}, article.title), h('p', { class: 'muted' }, [article.language, article.tags.join(', '), `updated ${when(article.updatedAt)}`].filter(Boolean).join(' · ')),
            h('div', { class: 'article-body', dir: 'auto', lang: article.language ?? undefined }, article.body)]
        : h('p', { class: 'muted' }, 'This article is no longer in the knowledge base (or its title is ambiguous); the excerpt below is what the draft used.'))
    } catch (err) {
      loaded = false
      replace(body, h('p', { class: 'error' }, `Could not open the article: ${err instanceof Error ? err.message : String(err)}`))
    }
  })
  return box
}
