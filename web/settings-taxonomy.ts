// Settings → Taxonomy: the workspace's intents, each with its description and examples, edited in place
// and saved whole (PUT /v1/taxonomy replaces the list), optionally re-labelling stored messages.
import { api, ApiError, type IntentDef } from './api.ts'
import { h, labelName, replace } from './dom.ts'

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean)

export function taxonomyEditor(initial: IntentDef[]): HTMLElement {
  let intents = initial.map((i) => ({ ...i, examples: [...i.examples] }))
  const list = h('div', { class: 'intent-list' })
  const status = h('p', { role: 'status', class: 'form-status' })
  const reclassify = h('input', { type: 'checkbox', id: 'reclassify' })

  const intentRow = (intent: IntentDef, index: number): HTMLElement => {
    const description = h('input', { type: 'text', 'aria-label': `Description of ${intent.name}`, maxlength: 500, class: 'wide' })
    description.value = intent.description
    description.addEventListener('input', () => { intents[index].description = description.value })
    const examples = h('textarea', { 'aria-label': `Examples of ${intent.name} (one per line)`, rows: Math.min(8, Math.max(2, intent.examples.length)), class: 'wide', dir: 'auto' })
    examples.value = intent.examples.join('\n')
    examples.addEventListener('input', () => { intents[index].examples = lines(examples.value) })
    const remove = h('button', { type: 'button', 'aria-label': `Remove intent ${intent.name}` }, 'Remove')
    remove.addEventListener('click', () => { intents = intents.filter((_, i) => i !== index); draw() })
    return h('details', { class: 'intent' },
      h('summary', {}, h('strong', {}, intent.name), ' ', h('span', { class: 'muted' }, `${intent.description} · ${intent.examples.length} examples`)),
      h('div', { class: 'intent-fields' }, description, examples, remove))
  }
  const draw = () => replace(list, intents.map(intentRow))

  const newName = h('input', { type: 'text', 'aria-label': 'New intent name', placeholder: 'e.g. delivery_delay', maxlength: 40, pattern: '[a-z][a-z0-9_]{0,39}' })
  const newDescription = h('input', { type: 'text', 'aria-label': 'New intent description', placeholder: 'what it covers', maxlength: 500, size: 40 })
  const add = h('button', { type: 'button' }, 'Add intent')
  add.addEventListener('click', () => {
    const name = newName.value.trim()
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(name)) { status.textContent = 'An intent name is lower snake_case, starting with a letter.'; return }
    if (intents.some((i) => i.name === name)) { status.textContent = `${name} already exists.`; return }
    intents.push({ name, description: newDescription.value.trim() || labelName(name), examples: [] })
    newName.value = newDescription.value = ''
    draw()
    list.lastElementChild?.setAttribute('open', '')
    status.textContent = `Added ${name}: add examples, then save.`
  })
  const save = h('button', { type: 'button', class: 'primary' }, 'Save taxonomy')
  save.addEventListener('click', async () => {
    save.disabled = true
    try {
      const res = await api.saveTaxonomy(intents, reclassify.checked)
      status.textContent = `Taxonomy saved: ${res.intents.length} intents${res.reclassifyJobs ? `, ${res.reclassifyJobs} messages queued for re-labelling` : ''}.`
    } catch (err) {
      status.textContent = `Not saved: ${err instanceof ApiError ? err.message : String(err)}`
    } finally {
      save.disabled = false
    }
  })
  draw()
  return h('div', {},
    list,
    h('div', { class: 'inline-form' }, newName, newDescription, add),
    h('div', { class: 'inline-form' }, h('label', {}, reclassify, ' Re-label stored messages with the new intents'), save),
    status)
}
