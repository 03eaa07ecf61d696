// Checks on what a model wrote before an agent sees it: links the sources do not contain, markup
// that social channels do not render, channel length limits, prompt leaks and other people's PII.
import * as linkify from 'linkifyjs'
import { findPii, normalisePiiValue, type PiiType } from './redact.ts'

export interface DraftCheck { ok: boolean; problems: string[]; cleaned: string }
export interface DraftCheckOptions { maxChars?: number; allowedUrls?: string[]; allowMarkup?: boolean }

/** Shortest verbatim run (after whitespace/case folding) of the system prompt that counts as a leak. */
export const PROMPT_LEAK_MIN_CHARS = 60
const ELLIPSIS = '…'

/** Scheme, "www.", trailing slash and case of the host do not make two links different. */
function urlKey(raw: string): string {
  const href = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `http://${raw}`
  try {
    const url = new URL(href)
    return `${url.host.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${url.search}${url.hash}`
  } catch {
    return raw.toLowerCase()
  }
}

function stripMarkdown(text: string, problems: Set<string>): string {
  const before = text
  const out = text
    .replace(/!\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, '')        // images
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, '$1 $2')     // links: keep text and URL so the URL is checked below
    .replace(/^```[^\n]*\n?|```$/gm, '')                      // code fences
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')           // bold
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,!?:;]|$)/g, '$1$2') // italics
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')                        // headings
    .replace(/^\s{0,3}>\s?/gm, '')                             // block quotes
  if (out !== before) problems.add('markdown markup removed')
  return out
}

function stripHtml(text: string, problems: Set<string>): string {
  const out = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<a\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)["']?[^>]*>([\s\S]*?)<\/a\s*>/gi, '$2 $1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][a-z0-9-]*\b[^<>]*>|<!--[\s\S]*?-->/gi, '')
  if (out !== text) problems.add('HTML markup removed')
  return out
}

function removeForeignLinks(text: string, allowed: Set<string>, problems: Set<string>): string {
  let out = ''
  let cursor = 0
  for (const link of linkify.find(text)) {
    if (link.type !== 'url' || allowed.has(urlKey(link.href))) continue
    let host = link.value
    try { host = new URL(link.href).host } catch { /* keep the raw value */ }
    problems.add(`link not in the sources removed: ${host}`)
    out += text.slice(cursor, link.start)
    cursor = link.end
  }
  return out + text.slice(cursor)
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+([.,!?;:])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Cuts at the last sentence end that fits; a first sentence too long is cut at a word, with "…". */
function truncate(text: string, maxChars: number): string {
  let kept = ''
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)) {
    if ((kept + segment).trimEnd().length > maxChars) break
    kept += segment
  }
  if (kept.trim()) return kept.trimEnd()
  let words = ''
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)) {
    if ((words + segment).trimEnd().length + ELLIPSIS.length > maxChars) break
    words += segment
  }
  return words.trimEnd() + ELLIPSIS
}

/**
 * Cleans a reply draft for a channel. `ok` is true only when nothing had to change; `cleaned` is
 * always safe to show. Links survive only if they are in `allowedUrls` (the sources' links).
 */
export function checkDraft(draft: string, opts: DraftCheckOptions = {}): DraftCheck {
  const problems = new Set<string>()
  let text = draft
  if (!opts.allowMarkup) text = stripMarkdown(stripHtml(text, problems), problems)
  text = removeForeignLinks(text, new Set((opts.allowedUrls ?? []).map(urlKey)), problems)
  text = tidy(text)
  if (opts.maxChars !== undefined && text.length > opts.maxChars) {
    problems.add(`too long: ${text.length} > ${opts.maxChars} characters, truncated`)
    text = truncate(text, opts.maxChars)
  }
  if (!text) problems.add('empty draft')
  return { ok: problems.size === 0, problems: [...problems], cleaned: text }
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

/** True when the output repeats a long verbatim run of the system prompt. */
export function looksLikePromptLeak(output: string, promptText: string, minChars = PROMPT_LEAK_MIN_CHARS): boolean {
  const prompt = fold(promptText)
  const out = fold(output)
  const size = Math.min(minChars, prompt.length)
  if (size < 20 || out.length < size) return false
  const windows = new Set<string>()
  for (let i = 0; i + size <= prompt.length; i++) windows.add(prompt.slice(i, i + size))
  for (let i = 0; i + size <= out.length; i++) if (windows.has(out.slice(i, i + size))) return true
  return false
}

/** Phones are compared on their last nine digits, so "+33 6 12 34 56 78" matches "06 12 34 56 78". */
function samePii(type: PiiType, found: string, allowed: string): boolean {
  if (type === 'PHONE') {
    const a = found.replace(/\D/g, '').slice(-9)
    const b = allowed.replace(/\D/g, '').slice(-9)
    return a.length >= 7 && a === b
  }
  return normalisePiiValue(type, found) === normalisePiiValue(type, allowed)
}

/** True when the output holds a PII value (e-mail, phone, card…) that is not among `allowedValues`. */
export function containsForeignPii(output: string, allowedValues: string[]): boolean {
  return findPii(output, { handles: true }).some((m) => !allowedValues.some((v) => samePii(m.type, m.value, v)))
}
