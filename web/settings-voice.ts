// Settings → Brand voice: the guidelines, greeting, sign-off, words to avoid and the brand's handles.
import { api, ApiError, type VoiceSetting } from './api.ts'
import { h } from './dom.ts'

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean)

function field(id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLElement {
  control.id = id
  return h('div', { class: 'field' }, h('label', { for: id }, label), control)
}

export function voiceEditor(voice: VoiceSetting): HTMLElement {
  const guidelines = h('textarea', { rows: 4, maxlength: 4000, class: 'wide' })
  guidelines.value = voice.guidelines
  const greeting = h('input', { type: 'text', maxlength: 120, placeholder: 'Hey {name}!' })
  greeting.value = voice.greeting ?? ''
  const signOff = h('input', { type: 'text', maxlength: 60 })
  signOff.value = voice.signOff
  const avoid = h('input', { type: 'text', class: 'wide' })
  avoid.value = voice.avoidWords.join(', ')
  const handles = h('input', { type: 'text', class: 'wide' })
  handles.value = voice.handles.join(', ')
  const status = h('p', { role: 'status', class: 'form-status' })
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save brand voice')
  const form = h('form', { class: 'stacked' },
    field('voice-guidelines', 'Guidelines', guidelines),
    field('voice-greeting', 'Greeting', greeting),
    field('voice-sign-off', 'Sign-off', signOff),
    field('voice-avoid', 'Words to avoid (comma-separated)', avoid),
    field('voice-handles', 'Brand handles (comma-separated)', handles),
    h('div', {}, save), status)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    save.disabled = true
    try {
      await api.saveVoice({ guidelines: guidelines.value, signOff: signOff.value, avoidWords: list(avoid.value), handles: list(handles.value), ...(greeting.value.trim() ? { greeting: greeting.value.trim() } : {}) })
      status.textContent = 'Brand voice saved.'
    } catch (err) {
      status.textContent = `Not saved: ${err instanceof ApiError ? err.message : String(err)}`
    } finally {
      save.disabled = false
    }
  })
  return form
}
