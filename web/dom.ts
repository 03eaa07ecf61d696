// The one way the console puts data on the page: elements built with properties and text nodes.
// Strings always become text (never HTML), so customer text cannot turn into markup or live links.
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>
type Child = Node | string | number | null | undefined | false | Child[]

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v)
    else if (k === 'href' && typeof v === 'string' && !v.startsWith('/')) throw new Error('the console links only to its own pages')
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  append(el, children)
  return el
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    if (Array.isArray(c)) append(el, c)
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
}

const SVG = 'http://www.w3.org/2000/svg'
export function svg(tag: string, attrs: Record<string, string | number>, ...children: Array<Node | string>): SVGElement {
  const el = document.createElementNS(SVG, tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  for (const c of children) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c)
  return el
}

export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, children)
}

export function view(): HTMLElement {
  return document.getElementById('view')!
}

/** A taxonomy name as people read it: "bug_outage" is shown "bug outage" (the value sent back stays the name). */
export function labelName(name: string): string {
  return name.replaceAll('_', ' ')
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`
}

export function when(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function ago(iso: string | null, now = Date.now()): string {
  if (!iso) return ''
  const mins = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000))
  if (mins < 60) return `${mins} min`
  const hours = Math.round(mins / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.round(hours / 24)} d`
}

/** Announces a short status to screen readers and shows it. */
export function toast(message: string): void {
  let box = document.getElementById('toast')
  if (!box) {
    box = h('div', { id: 'toast', role: 'status', 'aria-live': 'polite' })
    document.body.appendChild(box)
  }
  box.textContent = message
}
