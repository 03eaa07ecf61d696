// The binary COPY decoder of bulk reads, against the encoder of bulk vector loads (the same format).
import { describe, expect, it } from 'vitest'
import { decodeCopyRows, encodeEmbeddingCopy } from '../../src/store/binary-copy.ts'

describe('binary COPY rows', () => {
  const rows = [
    { messageId: '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9', workspaceId: 'ffffffff-0000-4000-8000-000000000001', model: 'builtin:hash', vector: new Float32Array([1, -0.5, 3.25e-8, 0]), contentHash: 'héllo ✓' },
    { messageId: '00000000-0000-4000-8000-000000000002', workspaceId: 'ffffffff-0000-4000-8000-000000000001', model: '', vector: new Float32Array([Math.fround(0.1), 2]), contentHash: 'x' },
  ]

  it('decodes uuids, utf-8 text, int4 and vectors exactly, in order, each vector its own view', () => {
    const decoded = decodeCopyRows(encodeEmbeddingCopy(rows), ['uuid', 'uuid', 'text', 'int4', 'vector', 'text'])
    expect(decoded.map((r) => r.slice(0, 4))).toEqual(rows.map((r) => [r.messageId, r.workspaceId, r.model, r.vector.length]))
    expect(decoded.map((r) => r[5])).toEqual(['héllo ✓', 'x'])
    expect(decoded.map((r) => [...(r[4] as Float32Array)])).toEqual(rows.map((r) => [...r.vector]))
    ;(decoded[0][4] as Float32Array)[0] = 42
    expect([...(decoded[1][4] as Float32Array)]).toEqual([...rows[1].vector])
  })

  it('refuses a stream that is not binary COPY or whose rows have another width', () => {
    expect(() => decodeCopyRows(new TextEncoder().encode('id\ttext\n'), ['uuid'])).toThrow(/not a binary COPY/)
    expect(() => decodeCopyRows(encodeEmbeddingCopy(rows), ['uuid', 'uuid'])).toThrow(/expected 2 fields/)
  })
})
