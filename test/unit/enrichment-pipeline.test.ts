// The enrichment handler's chunked pipeline: whole conversations per chunk, each stage one chunk at a
// time and in order, chunks overlapping across stages, and an error reported only once nothing runs.
import { describe, expect, it } from 'vitest'
import { chunkByConversation, runPipelined, stepwise, type EnrichmentStage } from '../../src/pipeline/enrichment.ts'
import type { StageMessage } from '../../src/store/messages.ts'

const message = (id: string, conversationId: string, workspaceId = 'w1'): StageMessage => ({
  id, workspaceId, conversationId, role: 'customer', text: id, language: null, sentAt: '', contentHash: id,
})

/** Conversations c0…c(n-1) of `size` messages each. */
function conversations(n: number, size: number): StageMessage[] {
  return Array.from({ length: n }, (_, c) => Array.from({ length: size }, (_, i) => message(`c${c}m${i}`, `c${c}`))).flat()
}

const tick = () => new Promise((r) => setTimeout(r, 1))

describe('chunkByConversation', () => {
  it('cuts only between conversations, once a chunk holds at least the size', () => {
    const chunks = chunkByConversation(conversations(10, 3), 4)
    expect(chunks.map((c) => c.length)).toEqual([6, 6, 6, 6, 6])
    for (const chunk of chunks) expect(new Set(chunk.map((m) => m.conversationId)).size).toBe(2)
    expect(chunks.flat().map((m) => m.id)).toEqual(conversations(10, 3).map((m) => m.id))
  })

  it('keeps a conversation larger than the size whole, and splits the same conversation id of two workspaces', () => {
    const big = [...conversations(1, 7), message('x', 'c0', 'w2'), message('y', 'c0', 'w2')]
    expect(chunkByConversation(big, 2).map((c) => c.length)).toEqual([7, 2])
    expect(chunkByConversation([], 2)).toEqual([])
  })
})

describe('runPipelined', () => {
  function recordingStages(names: string[], fail?: { stage: string; chunk: number }) {
    const log: string[] = []
    const busy = new Set<string>()
    let overlaps = 0
    const stages: EnrichmentStage[] = names.map((name) => ({
      name,
      async run(messages) {
        const chunk = Number(messages[0].conversationId.slice(1)) / 2
        if (busy.has(name)) throw new Error(`${name} ran twice at once`)
        busy.add(name)
        if (busy.size > 1) overlaps++
        log.push(`${name}:${chunk}:start`)
        await tick()
        await tick()
        busy.delete(name)
        if (fail && fail.stage === name && fail.chunk === chunk) throw new Error(`${name} failed on chunk ${chunk}`)
        log.push(`${name}:${chunk}:end`)
      },
    }))
    return { stages, log, overlaps: () => overlaps }
  }

  it('runs each chunk through the stages in order, each stage on one chunk at a time, chunks overlapping', async () => {
    const { stages, log, overlaps } = recordingStages(['embed', 'classify', 'summarize'])
    await runPipelined(stages, chunkByConversation(conversations(8, 1), 2))
    const at = (e: string) => log.indexOf(e)
    for (let chunk = 0; chunk < 4; chunk++) {
      expect(at(`embed:${chunk}:end`)).toBeLessThan(at(`classify:${chunk}:start`))
      expect(at(`classify:${chunk}:end`)).toBeLessThan(at(`summarize:${chunk}:start`))
      if (chunk > 0) for (const s of ['embed', 'classify', 'summarize']) expect(at(`${s}:${chunk - 1}:end`)).toBeLessThan(at(`${s}:${chunk}:start`))
    }
    expect(log.filter((e) => e.endsWith(':end'))).toHaveLength(12)
    // The point of the pipeline: the next chunk is embedded while the previous one is classified.
    expect(overlaps()).toBeGreaterThan(0)
  })

  it('rejects with the failing stage error only after every started stage finished, and starts no more chunks', async () => {
    const { stages, log } = recordingStages(['embed', 'classify'], { stage: 'classify', chunk: 1 })
    let settled = false
    const run = runPipelined(stages, chunkByConversation(conversations(12, 1), 2)).finally(() => {
      settled = true
    })
    await expect(run).rejects.toThrow('classify failed on chunk 1')
    expect(settled).toBe(true)
    // Nothing is left running: every start has its end, except the failed one.
    const starts = log.filter((e) => e.endsWith(':start')).length
    expect(log.filter((e) => e.endsWith(':end')).length).toBe(starts - 1)
    expect(log).not.toContain('classify:5:start')
    expect(log).not.toContain('classify:2:start')
  })
})

describe('stepwise', () => {
  /** read → compute → write, each step logging when it runs and handing the chunk's ids on through the state. */
  function readComputeWrite(written: string[][], log: string[]) {
    return stepwise<{ ids?: string[]; upper?: string[] }>('label', [
      {
        name: 'label-read',
        async run(messages, state) {
          log.push(`read:${messages[0].conversationId}`)
          await tick()
          state.ids = messages.map((m) => m.id)
        },
      },
      {
        name: 'label',
        async run(messages, state) {
          log.push(`compute:${messages[0].conversationId}:start`)
          await tick()
          await tick()
          state.upper = state.ids!.map((id) => id.toUpperCase())
          log.push(`compute:${messages[0].conversationId}:end`)
        },
      },
      {
        name: 'label-write',
        async run(_messages, state) {
          await tick()
          written.push(state.upper!)
        },
      },
    ], () => ({}))
  }

  it('runs its steps as pipeline stages of their own: the next chunk is read while this one is computed', async () => {
    const written: string[][] = []
    const log: string[] = []
    await runPipelined([readComputeWrite(written, log)], chunkByConversation(conversations(6, 2), 4))
    expect(written).toEqual([['C0M0', 'C0M1', 'C1M0', 'C1M1'], ['C2M0', 'C2M1', 'C3M0', 'C3M1'], ['C4M0', 'C4M1', 'C5M0', 'C5M1']])
    // The second chunk's read ran before the first chunk's compute ended.
    expect(log.indexOf('read:c2')).toBeLessThan(log.indexOf('compute:c0:end'))
  })

  it('does the same through run, one step after another, and keeps no chunk state apart', async () => {
    const written: string[][] = []
    const log: string[] = []
    const stage = readComputeWrite(written, log)
    const chunk = conversations(2, 1)
    await stage.run(chunk)
    await stage.run(chunk)
    expect(written).toEqual([['C0M0', 'C1M0'], ['C0M0', 'C1M0']])
    expect(log).toEqual(['read:c0', 'compute:c0:start', 'compute:c0:end', 'read:c0', 'compute:c0:start', 'compute:c0:end'])
  })
})
