// Hosts PGlite off the HTTP event loop: every query and index build runs here, so the API thread
// keeps serving while the database works. Plain JS so it loads without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'

// Twice PostgreSQL's default shared buffers: at 100k messages the vector index (~160 MB) and the rows a
// search joins no longer fit in 128 MB, and every page PGlite evicts or reads back goes through its
// emulated file system. Search at 100k: execution p95 7.5 → 4.6 ms, searchSimilar p95 11.5 → 7.9 ms
// (bench/README.md, `search`), for 128 MB more memory per store.
const SHARED_BUFFERS = '256MB'
const db = await PGlite.create({
  dataDir: workerData.dataDir,
  extensions: { vector },
  // PGlite's own start parameters (single-user mode and the rest) must stay; a release without them
  // exported starts on the defaults rather than without them.
  ...(PGlite.defaultStartParams ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`] } : {}),
})
const copy = copyDevices(db.mod?.FS, workerData.copyDevices)
// Index builds over 100k vectors sort and sample in memory; the WASM heap is 2 GiB.
await db.exec(`SET maintenance_work_mem = '512MB'`)
// The same search settings as the pg backend's, passed in from search-tuning.ts.
await db.exec(workerData.searchSettings.join('; '))

/**
 * Where binary COPY bytes cross between this thread and PostgreSQL: two devices on the Emscripten file
 * system PGlite runs on. PGlite's own '/dev/blob' keeps COPY output as one array per row, joins them
 * into a Blob and copies that out again, and reads input a byte at a time: reading a 200k-message
 * theme week's vectors (310 MB) took ~7 s that way and ~1 s through a buffer that doubles as it fills.
 */
function copyDevices(FS, paths) {
  if (!FS?.registerDevice) throw new Error('this PGlite build exposes no Emscripten file system (mod.FS): the COPY devices need it')
  let output = new Uint8Array(0)
  let written = 0
  let input = new Uint8Array(0)
  // Emscripten numbers its own devices (/dev/urandom …) from major 64 up, and PGlite's /dev/blob is 64.
  const device = (minor, ops) => {
    const id = FS.makedev(250, minor)
    if (FS.devices?.[id]) throw new Error(`device ${id} is taken on PGlite's file system`)
    FS.registerDevice(id, { open() {}, close() {}, ...ops })
    return id
  }
  FS.mkdev(paths.out, device(0, {
    write(_stream, buffer, offset, length) {
      if (written + length > output.length) {
        const grown = new Uint8Array(Math.max(output.length * 2, written + length, 1 << 20))
        grown.set(output.subarray(0, written))
        output = grown
      }
      output.set(buffer.subarray(offset, offset + length), written)
      written += length
      return length
    },
  }))
  FS.mkdev(paths.in, device(1, {
    read(_stream, buffer, offset, length, position) {
      const n = Math.max(0, Math.min(length, input.length - position))
      buffer.set(input.subarray(position, position + n), offset)
      return n
    },
    llseek(stream, offset, whence) {
      const at = whence === 1 ? stream.position + offset : whence === 2 ? input.length + offset : offset
      if (at < 0) throw new FS.ErrnoError(28)
      return at
    },
  }))
  return {
    /** Before a statement: the bytes it may read from `paths.in`, and nothing yet written to `paths.out`. */
    provide(bytes) {
      input = bytes ?? new Uint8Array(0)
      output = new Uint8Array(0)
      written = 0
    },
    /** After it: what it wrote to `paths.out` (undefined if nothing), handed over rather than kept. */
    take() {
      const bytes = written > 0 ? output.subarray(0, written) : undefined
      this.provide(undefined)
      return bytes
    },
  }
}

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
      copy.provide(msg.blob)
      const res = await db.query(msg.sql, msg.params ?? [])
      const blob = copy.take()
      if (blob) {
        // COPY output travels as transferred bytes, not cloned.
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
