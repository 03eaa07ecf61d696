// Prompts are files (prompts/<name>.md) so they can be reviewed and diffed like code; the hash of
// the file is the prompt version recorded next to every result and audit row. See prompts/README.md.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** Resolved from this source file, not the working directory, so CLI, server and tests agree. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url))

const PROMPT_NAME = /^[a-z0-9][a-z0-9_-]*$/i
const SECTION_HEADING = /^##[ \t]+(system|user)[ \t]*$/gim
const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g

export interface RenderedPrompt {
  system: string
  user: string
}

export interface LoadedPrompt {
  name: string
  /** `name@` + first 12 hex characters of the sha256 of the file's bytes. */
  version: string
  system: string
  user: string
  /** Every placeholder the prompt uses, sorted. */
  variables: string[]
  /** Fills every placeholder in one pass; throws on a missing value or an unknown variable. */
  render(vars: Record<string, string>): RenderedPrompt
}

export class PromptError extends Error {
  override name = 'PromptError'
}

export function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): LoadedPrompt {
  if (!PROMPT_NAME.test(name)) throw new PromptError(`invalid prompt name: ${JSON.stringify(name)}`)
  const file = path.join(dir, `${name}.md`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (err) {
    throw new PromptError(`prompt not found: ${file}`, { cause: err })
  }
  const version = `${name}@${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`
  return parsePrompt(name, version, bytes.toString('utf8'))
}

/** Exposed for tests and for prompts built in memory; `loadPrompt` is the normal entry. */
function parsePrompt(name: string, version: string, text: string): LoadedPrompt {
  const { system, user } = splitSections(text.replace(/\r\n/g, '\n'))
  if (!user) throw new PromptError(`prompt ${name} has an empty user message`)
  const variables = [...new Set([...placeholders(system), ...placeholders(user)])].sort()
  const known = new Set(variables)

  return {
    name,
    version,
    system,
    user,
    variables,
    render(vars) {
      const unknown = Object.keys(vars).filter((k) => !known.has(k))
      if (unknown.length) throw new PromptError(`prompt ${name}: unknown variables ${unknown.join(', ')}`)
      const missing = variables.filter((v) => typeof vars[v] !== 'string')
      if (missing.length) throw new PromptError(`prompt ${name}: missing values for ${missing.join(', ')}`)
      // One pass with a replacer: a value that itself contains `{{x}}` (customer text) is never expanded.
      const fill = (template: string) => template.replace(PLACEHOLDER, (_, key: string) => vars[key] as string)
      return { system: fill(system), user: fill(user) }
    },
  }
}

/**
 * With `## system` / `## user` headings, only those sections are sent and anything before the first
 * one is a note for humans. Without them, the whole file is the user message.
 */
function splitSections(text: string): RenderedPrompt {
  const headings = [...text.matchAll(SECTION_HEADING)]
  if (headings.length === 0) return { system: '', user: text.trim() }
  const sections: Record<string, string> = {}
  headings.forEach((h, i) => {
    const role = h[1]!.toLowerCase()
    if (role in sections) throw new PromptError(`duplicate "## ${role}" section`)
    const start = h.index! + h[0].length
    const end = i + 1 < headings.length ? headings[i + 1]!.index! : text.length
    sections[role] = text.slice(start, end).trim()
  })
  return { system: sections.system ?? '', user: sections.user ?? '' }
}

function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}
