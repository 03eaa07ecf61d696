// Postgres binary COPY encoding for embedding rows: 15–30x faster than text vectors on PGlite,
// where parsing float text dominates insert time.
import type { EmbeddingRow } from './db.ts'

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')

function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a uuid: ${uuid}`)
  return Buffer.from(hex, 'hex')
}

export function encodeEmbeddingCopy(rows: EmbeddingRow[]): Uint8Array {
  const parts: Buffer[] = [SIGNATURE, Buffer.alloc(8)] // flags + header extension length, both 0
  for (const r of rows) {
    const model = Buffer.from(r.model, 'utf8')
    const hash = Buffer.from(r.contentHash, 'utf8')
    const dim = r.vector.length
    const vec = Buffer.alloc(4 + dim * 4)
    vec.writeInt16BE(dim, 0)
    vec.writeInt16BE(0, 2)
    for (let i = 0; i < dim; i++) vec.writeFloatBE(r.vector[i], 4 + i * 4)
    const head = Buffer.alloc(2)
    head.writeInt16BE(6, 0)
    parts.push(head)
    pushField(parts, uuidBytes(r.messageId))
    pushField(parts, uuidBytes(r.workspaceId))
    pushField(parts, model)
    const dimBuf = Buffer.alloc(4)
    dimBuf.writeInt32BE(dim, 0)
    pushField(parts, dimBuf)
    pushField(parts, vec)
    pushField(parts, hash)
  }
  const trailer = Buffer.alloc(2)
  trailer.writeInt16BE(-1, 0)
  parts.push(trailer)
  return new Uint8Array(Buffer.concat(parts))
}

function pushField(parts: Buffer[], data: Buffer): void {
  const len = Buffer.alloc(4)
  len.writeInt32BE(data.length, 0)
  parts.push(len, data)
}
