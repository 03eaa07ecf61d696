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

  it('encodes byte for byte what a field-at-a-time encoder writes (vectors big-endian, at any offset in their buffer)', () => {
    // The straightforward encoder the one-buffer one replaced, as the reference.
    const reference = (input: typeof rows) => {
      const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]
      const field = (data: Buffer) => {
        const len = Buffer.alloc(4)
        len.writeInt32BE(data.length)
        parts.push(len, data)
      }
      for (const r of input) {
        const head = Buffer.alloc(2)
        head.writeInt16BE(6)
        parts.push(head)
        field(Buffer.from(r.messageId.replace(/-/g, ''), 'hex'))
        field(Buffer.from(r.workspaceId.replace(/-/g, ''), 'hex'))
        field(Buffer.from(r.model, 'utf8'))
        const dim = Buffer.alloc(4)
        dim.writeInt32BE(r.vector.length)
        field(dim)
        const vec = Buffer.alloc(4 + r.vector.length * 4)
        vec.writeInt16BE(r.vector.length, 0)
        r.vector.forEach((x, i) => vec.writeFloatBE(x, 4 + i * 4))
        field(vec)
        field(Buffer.from(r.contentHash, 'utf8'))
      }
      const trailer = Buffer.alloc(2)
      trailer.writeInt16BE(-1)
      parts.push(trailer)
      return new Uint8Array(Buffer.concat(parts))
    }
    const shared = new Float32Array([9, 1.5, -2, 7, 0.125])
    const offset = [...rows, { ...rows[1], vector: shared.subarray(1, 4) }]
    expect(Buffer.from(encodeEmbeddingCopy(offset)).equals(Buffer.from(reference(offset)))).toBe(true)
    expect([...shared]).toEqual([9, 1.5, -2, 7, 0.125]) // the caller's floats are not swapped
    expect(() => encodeEmbeddingCopy([{ ...rows[0], messageId: 'not-a-uuid' }])).toThrow(/not a uuid/)
  })

  it('refuses a stream that is not binary COPY or whose rows have another width', () => {
    expect(() => decodeCopyRows(new TextEncoder().encode('id\ttext\n'), ['uuid'])).toThrow(/not a binary COPY/)
    expect(() => decodeCopyRows(encodeEmbeddingCopy(rows), ['uuid', 'uuid'])).toThrow(/expected 2 fields/)
  })
})
