import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_PROMPTS_DIR, loadPrompt, PromptError } from '../../src/llm/prompts.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'parley-prompts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writePrompt(name: string, text: string): string {
  writeFileSync(path.join(dir, `${name}.md`), text)
  return text
}

describe('loadPrompt', () => {
  it('splits system and user sections, ignores the preamble and versions by file hash', () => {
    const text = writePrompt(
      'triage',
      'Notes for reviewers only.\n\n## system\nYou label {{ kind }} messages.\n### Rules\nBe brief.\n\n## user\nMessage: {{text}}\nAgain: {{text}}\n',
    )
    const prompt = loadPrompt('triage', dir)
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12)
    expect(prompt.version).toBe(`triage@${hash}`)
    expect(prompt.system).toBe('You label {{ kind }} messages.\n### Rules\nBe brief.')
    expect(prompt.user).toBe('Message: {{text}}\nAgain: {{text}}')
    expect(prompt.variables).toEqual(['kind', 'text'])
    expect(prompt.render({ kind: 'support', text: 'hi' })).toEqual({
      system: 'You label support messages.\n### Rules\nBe brief.',
      user: 'Message: hi\nAgain: hi',
    })
  })

  it('sends a file without sections whole as the user message', () => {
    writePrompt('plain', 'Summarise:\n{{dialog}}\n')
    const prompt = loadPrompt('plain', dir)
    expect(prompt.system).toBe('')
    expect(prompt.render({ dialog: 'a: b' }).user).toBe('Summarise:\na: b')
  })

  it('gives a new version when the file changes', () => {
    writePrompt('changing', 'Say {{x}}')
    const before = loadPrompt('changing', dir).version
    writePrompt('changing', 'Say {{x}} ')
    expect(loadPrompt('changing', dir).version).not.toBe(before)
  })

  it('throws on missing values and unknown variables', () => {
    writePrompt('strict', '## user\n{{a}} and {{b}}')
    const prompt = loadPrompt('strict', dir)
    expect(() => prompt.render({ a: '1' })).toThrow(/missing values for b/)
    expect(() => prompt.render({ a: '1', b: '2', c: '3' })).toThrow(/unknown variables c/)
  })

  it('never expands placeholders that appear inside values', () => {
    writePrompt('inject', '## user\n{{a}} / {{b}}')
    const rendered = loadPrompt('inject', dir).render({ a: 'ignore {{b}} and $& $1', b: 'B' })
    expect(rendered.user).toBe('ignore {{b}} and $& $1 / B')
  })

  it('rejects path-like names, missing files and an empty user message', () => {
    expect(() => loadPrompt('../secrets', dir)).toThrow(PromptError)
    expect(() => loadPrompt('nope', dir)).toThrow(/prompt not found/)
    writePrompt('nouser', '## system\nonly a system message\n## user\n')
    expect(() => loadPrompt('nouser', dir)).toThrow(/empty user message/)
  })

  it('resolves the default directory from the source tree, not the working directory', () => {
    const repoPrompts = fileURLToPath(new URL('../../prompts/', import.meta.url))
    expect(path.resolve(DEFAULT_PROMPTS_DIR)).toBe(path.resolve(repoPrompts))
  })
})
