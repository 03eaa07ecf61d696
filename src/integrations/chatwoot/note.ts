// The private note Parley posts into a Chatwoot conversation: clearly its suggestions, never a reply.
// Placeholders stay visible as written ({order_id}, [date]) so an agent cannot miss what to fill in, and
// each draft names what it is based on, so claims can be checked before anything is sent; an action it
// states as done that the conversation does not show, or a step it tells again, is said.

import { draftWarnings } from '../../chains/replies/warnings.ts'

export const NOTE_HEADER = '🤖 Parley suggestions: drafts for you to review (not sent to the customer)'
const PLACEHOLDER = /\{[^{}\n]{1,40}\}|\[[^[\]\n]{1,40}\]/g

export interface NoteDraft {
  text: string
  approach: string
  confidence: number
  sources: Array<{ type: string; title?: string }>
  claims: string[]
  repeats: string[]
}

export interface NoteContext {
  intent?: string | null
  sentiment?: string | null
  urgency?: string | null
  /** What the suggester said of the drafts as a whole ("no past reply or article answers …"). */
  note?: string | null
}

export function formatNote(drafts: NoteDraft[], ctx: NoteContext): string {
  const facts = [ctx.intent && `intent: ${ctx.intent}`, ctx.sentiment && `sentiment: ${ctx.sentiment}`, ctx.urgency && `urgency: ${ctx.urgency}`].filter(Boolean)
  const lines = [NOTE_HEADER]
  if (facts.length > 0) lines.push(facts.join(' · '))
  if (ctx.note) lines.push(`⚠ ${ctx.note}`)
  drafts.forEach((d, i) => {
    lines.push('', `${i + 1}. ${d.approach.replaceAll('_', ' ')} (confidence ${Math.round(d.confidence * 100)}%)`, d.text)
    const placeholders = [...new Set(d.text.match(PLACEHOLDER) ?? [])]
    if (placeholders.length > 0) lines.push(`   ⚠ fill in before sending: ${placeholders.join(', ')}`)
    lines.push(...draftWarnings(d).map((w) => `   ⚠ ${w}`))
    const basis = [...new Set(d.sources.map((s) => (s.type === 'knowledge' ? `article “${s.title ?? 'untitled'}”` : 'a past reply')))]
    lines.push(basis.length > 0 ? `   based on: ${basis.join(', ')}` : '   based on: no source; check every claim')
  })
  return lines.join('\n')
}

/** Chatwoot label names: lowercase letters, digits, - and _. */
export function parleyLabels(ctx: NoteContext): string[] {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40)
  return [ctx.intent && `parley-${clean(ctx.intent)}`, ctx.sentiment && `parley-${clean(ctx.sentiment)}`].filter((l): l is string => Boolean(l))
}
