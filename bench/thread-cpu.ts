// How busy each of this process's threads is over a run, from /proc/self/task (Linux; elsewhere the
// sampler records nothing). Used by `backlog-http.ts --profile`: a burst's total CPU says how much work
// there was, this says which thread held up the rest and when (round 11: during ingest PGlite's thread is
// saturated while the main thread idles; after it, the other way round).
import { readdirSync } from 'node:fs'
import { readProcStat, type ProcStat } from './proc-stat.ts'

/** Cores busy over one interval ending `at` seconds after the sampler started. */
export interface ThreadSample {
  at: number
  /** The JavaScript main thread: the API, the worker's stages, the bench's clients. */
  main: number
  /** Worker threads: PGlite's. */
  workers: number
  /** Everything else: V8's garbage collector and compiler helpers, libuv's pool. */
  helpers: number
}

/** This process's threads by id (a thread that ended between the listing and the read is left out). */
function threadStats(): Map<string, ProcStat> {
  const tasks = new Map<string, ProcStat>()
  let ids: string[]
  try {
    ids = readdirSync('/proc/self/task')
  } catch {
    return tasks
  }
  for (const tid of ids) {
    const stat = readProcStat(`/proc/self/task/${tid}/stat`)
    if (stat) tasks.set(tid, stat)
  }
  return tasks
}

/** Samples every `intervalMs` until `stop()`, which returns the samples. */
export function sampleThreadCpu(intervalMs = 500): { stop(): ThreadSample[] } {
  const samples: ThreadSample[] = []
  const started = performance.now()
  let last = threadStats()
  let lastAt = started
  const take = () => {
    const now = performance.now()
    const tasks = threadStats()
    const sample: ThreadSample = { at: (now - started) / 1000, main: 0, workers: 0, helpers: 0 }
    const seconds = (now - lastAt) / 1000
    for (const [tid, { name, cpuSeconds }] of tasks) {
      const busy = (cpuSeconds - (last.get(tid)?.cpuSeconds ?? cpuSeconds)) / seconds
      if (tid === String(process.pid)) sample.main += busy
      else if (name === 'WorkerThread') sample.workers += busy
      else sample.helpers += busy
    }
    last = tasks
    lastAt = now
    if (tasks.size > 0) samples.push(sample)
  }
  const timer = setInterval(take, intervalMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      take()
      return samples
    },
  }
}
