// Hosts PGlite off the HTTP event loop: every query and index build runs here, so the API thread
// keeps serving while the database works. Plain JS so it loads without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'

const db = await PGlite.create({ dataDir: workerData.dataDir, extensions: { vector } })
// HNSW builds over 100k vectors take ~4x longer with the default; the WASM heap is 2 GiB.
await db.exec(`SET maintenance_work_mem = '512MB'`)
// The same search settings as the pg backend's, passed in from search-tuning.ts.
await db.exec(workerData.searchSettings.join('; '))

function serialiseError(err) {
  return {
    message: err?.message ?? String(err),
    code: err?.code,
    detail: err?.detail,
    constraint: err?.constraint,
  }
}

// This thread's CPU per statement (its first words), for bench/backlog-http.ts --profile: PGlite runs
// every statement here, so the sum is the store's whole share of the CPU. Off until the first
// 'statement-cpu' request (a process nobody profiles neither pays for it nor keeps statements), and
// bounded in keys.
const STATEMENT_KEYS_MAX = 500
const statementCpu = new Map()
let profiling = false
const statementKey = (sql) => sql.replace(/\s+/g, ' ').trim().slice(0, 72)
function charge(sql, from) {
  const used = process.threadCpuUsage(from)
  const key = statementKey(sql)
  let entry = statementCpu.get(key)
  if (!entry) {
    if (statementCpu.size >= STATEMENT_KEYS_MAX) return
    statementCpu.set(key, (entry = { cpuMs: 0, calls: 0 }))
  }
  entry.cpuMs += (used.user + used.system) / 1000
  entry.calls++
}

parentPort.on('message', async (msg) => {
  const from = profiling ? process.threadCpuUsage() : undefined
  try {
    if (msg.op === 'statement-cpu') {
      profiling = true
      const rows = [...statementCpu].map(([statement, v]) => ({ statement, ...v }))
      statementCpu.clear()
      parentPort.postMessage({ id: msg.id, rows, rowCount: rows.length })
      return
    }
    if (msg.op === 'query') {
      const res = await db.query(msg.sql, msg.params ?? [], msg.blob ? { blob: new Blob([msg.blob]) } : undefined)
      if (res.blob) {
        // COPY … TO '/dev/blob' output travels as transferred bytes, not cloned.
        const blob = new Uint8Array(await res.blob.arrayBuffer())
        parentPort.postMessage({ id: msg.id, rows: [], rowCount: res.affectedRows ?? 0, blob }, [blob.buffer])
      } else {
        parentPort.postMessage({ id: msg.id, rows: res.rows, rowCount: res.affectedRows ?? res.rows.length })
      }
    } else if (msg.op === 'exec') {
      await db.exec(msg.sql)
      parentPort.postMessage({ id: msg.id, rows: [], rowCount: 0 })
    } else if (msg.op === 'close') {
      await db.close()
      parentPort.postMessage({ id: msg.id, rows: [], rowCount: 0 })
    }
  } catch (err) {
    parentPort.postMessage({ id: msg.id, error: serialiseError(err) })
  }
  if (from) charge(msg.sql ?? msg.op, from)
})
parentPort.postMessage({ ready: true })
