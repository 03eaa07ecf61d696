// An unsupported Node is refused with one line naming the range from package.json's engines field.
import { describe, expect, it } from 'vitest'
import { requiredNodeRange, unsupportedNodeMessage } from '../../src/node-version.ts'

describe('unsupportedNodeMessage', () => {
  it('reads the supported range from package.json', () => {
    expect(requiredNodeRange()).toMatch(/^>=\s*\d+/)
  })

  it('refuses versions below the range in one line and accepts the rest', () => {
    const range = '>=22.12'
    for (const old of ['20.19.5', 'v22.11.0', '18.0.0', '22.9.3']) {
      const message = unsupportedNodeMessage(old, range)
      expect(message).toMatch(/Node\.js 22\.12 or newer is required/)
      expect(message).not.toContain('\n')
    }
    for (const ok of ['22.12.0', 'v22.13.1', '24.0.0', '26.1.0']) expect(unsupportedNodeMessage(ok, range)).toBeUndefined()
  })

  it('accepts the Node running these tests (the engines field is not stricter than CI)', () => {
    expect(unsupportedNodeMessage(process.versions.node, requiredNodeRange())).toBeUndefined()
  })
})
