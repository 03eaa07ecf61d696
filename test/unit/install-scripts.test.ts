// `npm install` on npm 11 asks about every dependency install script that package.json's allowScripts does
// not decide. Each one in the lockfile must be decided there, so a new user sees no approval prompt.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'))

describe('install scripts', () => {
  it('allowScripts decides every locked dependency that has an install script', () => {
    const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean; optional?: boolean }> }
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    const decided = Object.keys((read('package.json') as { allowScripts?: Record<string, boolean> }).allowScripts ?? {})
    expect(withScripts.length).toBeGreaterThan(0)
    expect([...new Set(withScripts)].filter((name) => !decided.includes(name))).toEqual([])
  })
})
