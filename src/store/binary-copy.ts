// Postgres binary COPY on PGlite: encoding embedding rows to load (15–30x faster than text vectors,
// where parsing float text dominates insert time) and decoding bulk reads (a theme week's rows).
import type { BulkColumn, BulkValue, EmbeddingRow } from './db.ts'

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

const HEADER_BYTES = SIGNATURE.length + 8
/** Postgres timestamps count microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1)

function uuidText(buffer: Buffer, at: number): string {
  const hex = buffer.toString('hex', at, at + 16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A first pass over the stream: the bytes of all the floats of its vector columns. */
function vectorBytes(view: DataView, columns: readonly BulkColumn[]): number {
  let total = 0
  let at = HEADER_BYTES + view.getInt32(SIGNATURE.length + 4)
  for (;;) {
    const fields = view.getInt16(at)
    at += 2
    if (fields === -1 || fields !== columns.length) return total
    for (let f = 0; f < fields; f++) {
      const length = view.getInt32(at)
      at += 4
      if (length >= 0) {
        if (columns[f] === 'vector') total += length - 4
        at += length
      }
    }
  }
}

/**
 * Decodes `COPY (…) TO … (FORMAT binary)` output whose columns have the given types, row by row in
 * the order the query returned them.
 */
export function decodeCopyRows(data: Uint8Array, columns: readonly BulkColumn[]): BulkValue[][] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (data.byteLength < HEADER_BYTES || !buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream')
  const rows: BulkValue[][] = []
  // The vectors' floats are gathered into one buffer, byte-swapped once at the end and handed out as
  // views: an ArrayBuffer per vector (200k of them) cost more than the rest of the decoding.
  const floats = new Uint8Array(vectorBytes(view, columns))
  let floatsUsed = 0
  const vectorsAt: Array<{ row: BulkValue[]; field: number; at: number; dim: number }> = []
  let at = HEADER_BYTES + view.getInt32(SIGNATURE.length + 4) // header extension, normally empty
  for (;;) {
    const fields = view.getInt16(at)
    at += 2
    if (fields === -1) break
    if (fields !== columns.length) throw new Error(`expected ${columns.length} fields in a row, got ${fields}`)
    const row: BulkValue[] = new Array(fields)
    for (let f = 0; f < fields; f++) {
      const length = view.getInt32(at)
      at += 4
      if (length < 0) {
        row[f] = null
        continue
      }
      switch (columns[f]) {
        case 'uuid':
          row[f] = uuidText(buffer, at)
          break
        case 'text':
          row[f] = buffer.toString('utf8', at, at + length)
          break
        case 'int4':
          row[f] = view.getInt32(at)
          break
        case 'timestamptz':
          row[f] = new Date(POSTGRES_EPOCH_MS + Math.floor(Number(view.getBigInt64(at)) / 1000)).toISOString()
          break
        case 'vector': {
          // pgvector's binary form: int16 dimension, int16 unused, then big-endian float32s.
          const dim = view.getInt16(at)
          floats.set(data.subarray(at + 4, at + 4 + dim * 4), floatsUsed)
          vectorsAt.push({ row, field: f, at: floatsUsed, dim })
          floatsUsed += dim * 4
          break
        }
      }
      at += length
    }
    rows.push(row)
  }
  if (vectorsAt.length > 0) {
    const swapped = Buffer.from(floats.buffer, 0, floatsUsed).swap32()
    const all = new Float32Array(swapped.buffer, 0, floatsUsed / 4)
    for (const v of vectorsAt) v.row[v.field] = all.subarray(v.at / 4, v.at / 4 + v.dim)
  }
  return rows
}
