// Progress lines never read more than 100%: a total that turns out too small grows with the count.
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createProgress } from '../../src/progress.ts'

function capture() {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { stream, text: () => chunks.join('') }
}

describe('createProgress (plain lines)', () => {
  it('reports deciles against the total and finishes with the count', () => {
    const out = capture()
    const p = createProgress('import', 10, { stream: out.stream, tty: false, now: () => 0 })
    for (let i = 0; i < 10; i++) p.tick()
    p.done()
    expect(out.text()).toContain('import: 5/10 (50%)')
    expect(out.text()).toMatch(/import: done, 10\/10 in 0\.0s\n$/)
  })

  it('never shows a count above its total when more work arrives than expected', () => {
    const out = capture()
    const p = createProgress('import', 3, { stream: out.stream, tty: false, now: () => 0 })
    p.tick(2)
    p.tick(2)
    p.done()
    for (const [, count, total, percent] of out.text().matchAll(/(\d+)\/(\d+)(?: \((\d+)%\))?/g)) {
      expect(Number(count)).toBeLessThanOrEqual(Number(total))
      if (percent !== undefined) expect(Number(percent)).toBeLessThanOrEqual(100)
    }
    expect(out.text()).toContain('done, 4/4')
  })
})
