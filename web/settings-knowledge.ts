// Settings → Knowledge articles: the list, and one editor to create, change or delete an article.
// Article text is shown and edited as plain text.
import { api, ApiError, type Article } from './api.ts'
import { h, replace, when } from './dom.ts'

const tags = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean)

export function knowledgeEditor(initial: Article[]): HTMLElement {
  let articles = initial
  let editing: Article | null = null
  const list = h('ul', { class: 'article-list', 'aria-label': 'Knowledge articles' })
  const heading = h('h3', { id: 'article-editor-title' }, 'New article')
  const title = h('input', { id: 'article-title', type: 'text', maxlength: 300, required: true, class: 'wide' })
  const body = h('textarea', { id: 'article-body', rows: 8, required: true, class: 'wide', dir: 'auto' })
  const language = h('input', { id: 'article-language', type: 'text', maxlength: 3, pattern: '[a-z]{2,3}', placeholder: 'en', size: 4 })
  const tagField = h('input', { id: 'article-tags', type: 'text', class: 'wide' })
  const status = h('p', { role: 'status', class: 'form-status' })
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save article')
  const remove = h('button', { type: 'button', hidden: true }, 'Delete article')
  const fresh = h('button', { type: 'button' }, 'New article')

  const open = (a: Article | null) => {
    editing = a
    heading.textContent = a ? `Edit: ${a.title}` : 'New article'
    title.value = a?.title ?? ''
    body.value = a?.body ?? ''
    language.value = a?.language ?? ''
    tagField.value = a?.tags.join(', ') ?? ''
    remove.hidden = !a
    status.textContent = ''
    title.focus()
  }
  const draw = () => replace(list, articles.length === 0
    ? h('li', { class: 'muted' }, 'No articles yet.')
    : articles.map((a) => h('li', {},
        h('button', { type: 'button', class: 'link', 'aria-label': `Edit ${a.title}`, onclick: () => open(a) }, a.title),
        h('span', { class: 'muted' }, ` ${a.language ?? ''} ${a.tags.join(', ')} · ${a.chunks} ${a.chunks === 1 ? "chunk" : "chunks"} · updated ${when(a.updatedAt)}`))))
  const refresh = async () => { articles = (await api.knowledge()).items; draw() }

  const form = h('form', { class: 'stacked', 'aria-labelledby': 'article-editor-title' },
    heading,
    h('div', { class: 'field' }, h('label', { for: 'article-title' }, 'Article title'), title),
    h('div', { class: 'field' }, h('label', { for: 'article-body' }, 'Article text'), body),
    h('div', { class: 'field' }, h('label', { for: 'article-language' }, 'Article language (ISO code, optional)'), language),
    h('div', { class: 'field' }, h('label', { for: 'article-tags' }, 'Article tags (comma-separated)'), tagField),
    h('div', { class: 'actions' }, save, remove, fresh),
    status)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const input = { title: title.value.trim(), body: body.value.trim(), language: language.value.trim() || null, tags: tags(tagField.value), externalId: editing?.externalId ?? null }
    save.disabled = true
    try {
      const saved = editing ? await api.updateArticle(editing.id, input) : await api.createArticle(input)
      await refresh()
      open(saved)
      status.textContent = `Saved “${saved.title}”; it is chunked and embedded in the background.`
    } catch (err) {
      status.textContent = `Not saved: ${err instanceof ApiError ? err.message : String(err)}`
    } finally {
      save.disabled = false
    }
  })
  remove.addEventListener('click', async () => {
    if (!editing || !confirm(`Delete “${editing.title}”?`)) return
    const gone = editing.title
    try {
      await api.deleteArticle(editing.id)
      await refresh()
      open(null)
      status.textContent = `Deleted “${gone}”.`
    } catch (err) {
      status.textContent = `Not deleted: ${err instanceof ApiError ? err.message : String(err)}`
    }
  })
  fresh.addEventListener('click', () => open(null))
  draw()
  return h('div', { class: 'knowledge' }, list, form)
}
