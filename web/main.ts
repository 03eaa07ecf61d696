// Entry: each server-rendered page names itself in <body data-page>; this module renders its data.
import { api } from './api.ts'
import { renderAsk } from './ask.ts'
import { renderConversationPage } from './conversation.ts'
import { view } from './dom.ts'
import { renderInbox } from './inbox.ts'
import { renderSearch } from './search.ts'
import { renderSettings } from './settings.ts'
import { bindSignIn } from './sign-in.ts'
import { renderThemes } from './themes.ts'

const pages: Record<string, () => Promise<void>> = {
  inbox: renderInbox,
  conversation: renderConversationPage,
  themes: renderThemes,
  ask: renderAsk,
  search: renderSearch,
  settings: renderSettings,
}

async function start() {
  const page = document.body.dataset.page ?? ''
  if (page === 'sign-in') return bindSignIn()
  document.getElementById('sign-out')?.addEventListener('click', async () => {
    await api.signOut().catch(() => undefined)
    location.assign('/sign-in')
  })
  const render = pages[page]
  if (!render) return
  try {
    await render()
  } catch (err) {
    const v = view()
    v.replaceChildren()
    const p = document.createElement('p')
    p.className = 'error'
    p.setAttribute('role', 'alert')
    p.textContent = `Could not load this page: ${err instanceof Error ? err.message : String(err)}`
    v.appendChild(p)
  } finally {
    view().removeAttribute('aria-busy')
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start())
else void start()
