// How busy each of this process's threads is over a run, from /proc/self/task (Linux; elsewhere the
// sampler records nothing). Used by `backlog-http.ts --profile`: a burst's total CPU says how much work
// there was, this says which thread held up the rest and when (round 11: during ingest PGlite's thread is
// saturated while the main thread idles; after it, the other way round).
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
const USER_HZ = 100

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

function taskTicks(): Map<string, { name: string; ticks: number }> {
  const tasks = new Map<string, { name: string; ticks: number }>()
  let ids: string[]
  try {
    ids = readdirSync('/proc/self/task')
  } catch {
    return tasks
  }
  for (const tid of ids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      tasks.set(tid, { name, ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return tasks
}

/** Samples every `intervalMs` until `stop()`, which returns the samples. */
export function sampleThreadCpu(intervalMs = 500): { stop(): ThreadSample[] } {
  const samples: ThreadSample[] = []
  const started = performance.now()
  let last = taskTicks()
  let lastAt = started
  const take = () => {
    const now = performance.now()
    const tasks = taskTicks()
    const sample: ThreadSample = { at: (now - started) / 1000, main: 0, workers: 0, helpers: 0 }
    const seconds = (now - lastAt) / 1000
    for (const [tid, { name, ticks }] of tasks) {
      const busy = (ticks - (last.get(tid)?.ticks ?? ticks)) / USER_HZ / seconds
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
