// Server-rendered page shells. Each page is the same small shell (navigation for the role, the page
// name, the CSRF token in a meta tag) plus one module script that renders the page's data.
import type { Role } from '../store/workspaces.ts'

export type PageName = 'inbox' | 'conversation' | 'themes' | 'ask' | 'search' | 'settings'

export interface PageDef {
  title: string
  roles: Role[]
}

export const PAGES: Record<PageName, PageDef> = {
  inbox: { title: 'Inbox', roles: ['admin', 'agent'] },
  conversation: { title: 'Conversation', roles: ['admin', 'agent', 'analyst'] },
  themes: { title: 'Themes', roles: ['admin', 'agent', 'analyst'] },
  ask: { title: 'Ask', roles: ['admin', 'agent', 'analyst'] },
  search: { title: 'Search', roles: ['admin', 'agent', 'analyst'] },
  settings: { title: 'Settings', roles: ['admin'] },
}

const NAV: Array<{ page: PageName; href: string }> = [
  { page: 'inbox', href: '/inbox' },
  { page: 'themes', href: '/themes' },
  { page: 'ask', href: '/ask' },
  { page: 'search', href: '/search' },
  { page: 'settings', href: '/settings' },
]

export function homeOf(role: Role): string {
  return PAGES.inbox.roles.includes(role) ? '/inbox' : '/themes'
}

/** Everything interpolated into HTML goes through here; customer text never reaches the server templates. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function head(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Parley</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/app.js"></script>
</head>`
}

export interface ShellContext {
  role: Role
  workspace: string
  csrfToken: string
}

function header(ctx: ShellContext, current: PageName | undefined): string {
  const links = NAV.filter((n) => PAGES[n.page].roles.includes(ctx.role))
    .map((n) => `<a href="${n.href}"${n.page === current ? ' aria-current="page"' : ''}>${PAGES[n.page].title}</a>`)
    .join('')
  return `<header class="top">
<span class="brand">Parley</span>
<nav aria-label="Main">${links}</nav>
<span class="who">${escapeHtml(ctx.workspace)} · ${ctx.role}</span>
<button type="button" id="sign-out">Sign out</button>
</header>`
}

export function renderShell(page: PageName, ctx: ShellContext, params: Record<string, string> = {}): string {
  const data = Object.entries(params).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('')
  const navPage = page === 'conversation' ? undefined : page
  return `${head(PAGES[page].title).replace('</head>', `<meta name="parley-csrf" content="${escapeHtml(ctx.csrfToken)}">\n</head>`)}
<body data-page="${page}" data-role="${ctx.role}"${data}>
<a class="skip" href="#main">Skip to content</a>
${header(ctx, navPage)}
<main id="main" tabindex="-1">
<h1>${PAGES[page].title}</h1>
<div id="view" aria-busy="true"><p class="muted">Loading…</p></div>
</main>
</body>
</html>`
}

export function renderSignIn(notice?: string): string {
  return `${head('Sign in')}
<body data-page="sign-in">
<main id="main" class="sign-in">
<h1>Sign in to Parley</h1>
${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
<form id="sign-in-form" method="post" action="/sign-in" autocomplete="off">
<label for="api-key">API key</label>
<input id="api-key" name="apiKey" type="password" required minlength="10" autocomplete="off" spellcheck="false">
<button type="submit">Sign in</button>
<p id="sign-in-error" class="error" role="alert"></p>
</form>
<p class="muted">Use the key printed on first start, or one an admin created for you. It is exchanged for a session and not kept in the browser.</p>
</main>
</body>
</html>`
}

export function renderForbidden(ctx: ShellContext, page: PageName): string {
  return `${head('Not allowed')}
<body data-page="forbidden" data-role="${ctx.role}">
${header(ctx, undefined)}
<main id="main">
<h1>Not allowed</h1>
<p>The ${PAGES[page].title} page needs one of the roles: ${PAGES[page].roles.join(', ')}. You are signed in as ${ctx.role}.</p>
</main>
</body>
</html>`
}
