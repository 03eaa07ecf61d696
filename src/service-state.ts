// Where a running service says where it listens, so clients on the same machine (the CLI, npm run
// demo:load) find it without being told. The file sits beside the embedded store's lock, not inside the
// store's folder (that folder is Postgres's own), and only names the URL: no key, nothing secret.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

export interface ServiceState {
  url: string
  pid: number
}

export function serviceStatePath(dataDir: string): string {
  return `${resolve(dataDir)}.service.json`
}

export function writeServiceState(dataDir: string, state: ServiceState): void {
  writeFileSync(serviceStatePath(dataDir), `${JSON.stringify(state)}\n`)
}

/** Removes the file only if it is still this process's: a newer service may have replaced it. */
export function removeServiceState(dataDir: string, pid = process.pid): void {
  if (readStateFile(dataDir)?.pid === pid) rmSync(serviceStatePath(dataDir), { force: true })
}

/** The running service's state, or undefined when there is none or the process that wrote it is gone. */
export function readServiceState(dataDir: string): ServiceState | undefined {
  const state = readStateFile(dataDir)
  return state && isAlive(state.pid) ? state : undefined
}

/** The URL a client on this machine uses for a service listening on host:port (a wildcard host is reached on loopback). */
export function localServiceUrl({ host, port }: { host: string; port: number }): string {
  const reachable = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`
}

function readStateFile(dataDir: string): ServiceState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(serviceStatePath(dataDir), 'utf8')) as Partial<ServiceState>
    return typeof parsed.url === 'string' && Number.isInteger(parsed.pid) ? { url: parsed.url, pid: parsed.pid as number } : undefined
  } catch {
    return undefined
  }
}

/** Whether a process with this pid runs (EPERM: it runs as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
