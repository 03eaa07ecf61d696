import { createHash } from 'node:crypto'
import { MAX_MESSAGE_CHARS } from './ingest-schema.ts'

// C0/C1 controls except tab and newline, plus bidi overrides that can disguise text in a UI.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** What ingest stores: NFC, no control characters, normalised line ends, capped length. */
export function normaliseIngestedText(raw: string): { text: string; truncated: boolean } {
  let text = raw.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').trim()
  let truncated = false
  if (text.length > MAX_MESSAGE_CHARS) {
    // Do not cut a surrogate pair in half.
    let end = MAX_MESSAGE_CHARS
    const code = text.charCodeAt(end - 1)
    if (code >= 0xd800 && code <= 0xdbff) end -= 1
    text = text.slice(0, end)
    truncated = true
  }
  return { text, truncated }
}

export function contentHash(parts: Array<string | null | undefined>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32)
}
