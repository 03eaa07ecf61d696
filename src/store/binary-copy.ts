// Postgres binary COPY on PGlite: encoding embedding rows to load (15–30x faster than text vectors,
// where parsing float text dominates insert time) and decoding bulk reads (a theme week's rows).
import type { BulkColumn, BulkValue, EmbeddingRow } from './db.ts'

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')

/**
 * One `COPY message_embeddings (…) FROM … (FORMAT binary)` stream of the rows, written into one buffer
 * sized in advance: a buffer per field and a float written at a time cost a 20k-message burst about
 * 0.2 CPU s of the main thread. A vector's floats are copied as they lie in memory and byte-swapped in
 * place to the big-endian order of the format.
 */
export function encodeEmbeddingCopy(rows: EmbeddingRow[]): Uint8Array {
  const texts = rows.map((r) => [Buffer.from(r.model, 'utf8'), Buffer.from(r.contentHash, 'utf8')] as const)
  // Per row: field count, then six fields each with its length (uuid, uuid, model, dim, vector, hash).
  let size = SIGNATURE.length + 8 + 2
  rows.forEach((r, i) => {
    size += 2 + 6 * 4 + 16 + 16 + texts[i][0].length + 4 + 4 + r.vector.length * 4 + texts[i][1].length
  })
  const out = Buffer.allocUnsafe(size)
  let at = SIGNATURE.copy(out, 0)
  out.fill(0, at, at + 8) // flags + header extension length, both 0
  at += 8
  rows.forEach((r, i) => {
    const [model, hash] = texts[i]
    const dim = r.vector.length
    at = out.writeInt16BE(6, at)
    at = out.writeInt32BE(16, at)
    at = writeUuid(out, r.messageId, at)
    at = out.writeInt32BE(16, at)
    at = writeUuid(out, r.workspaceId, at)
    at = out.writeInt32BE(model.length, at)
    at += model.copy(out, at)
    at = out.writeInt32BE(4, at)
    at = out.writeInt32BE(dim, at)
    // pgvector's binary form: int16 dimension, int16 unused, then big-endian float32s.
    at = out.writeInt32BE(4 + dim * 4, at)
    at = out.writeInt16BE(dim, at)
    at = out.writeInt16BE(0, at)
    const floats = Buffer.from(r.vector.buffer, r.vector.byteOffset, dim * 4)
    floats.copy(out, at)
    out.subarray(at, at + dim * 4).swap32()
    at += dim * 4
    at = out.writeInt32BE(hash.length, at)
    at += hash.copy(out, at)
  })
  at = out.writeInt16BE(-1, at)
  if (at !== size) throw new Error(`binary COPY encoder wrote ${at} bytes, sized ${size}`)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

function writeUuid(out: Buffer, uuid: string, at: number): number {
  const hex = uuid.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a uuid: ${uuid}`)
  return at + out.write(hex, at, 16, 'hex')
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
