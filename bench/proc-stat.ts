// One reading of Linux's /proc/<pid>/stat (or /proc/self/task/<tid>/stat) for the bench's CPU meters
// (thread-cpu.ts, worker-processes.ts). Null when the process is gone or the file does not exist.
import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on every Linux we run on). */
const USER_HZ = 100

export interface ProcStat {
  /** The command name, e.g. `node`, `WorkerThread`, `postgres`. */
  name: string
  parentPid: number
  /** user + system CPU seconds so far. */
  cpuSeconds: number
}

export function readProcStat(path: string): ProcStat | null {
  try {
    const stat = readFileSync(path, 'utf8')
    // The name is in parentheses and may hold spaces: the fields start after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return {
      name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      parentPid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / USER_HZ,
    }
  } catch {
    return null
  }
}
