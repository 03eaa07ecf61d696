// The state file a running service leaves beside the embedded store: read only while its process lives,
// removed only by its owner, and its URL reachable from this machine whatever HOST the service bound.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { localServiceUrl, readServiceState, removeServiceState, serviceStatePath, writeServiceState } from '../../src/service-state.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('service state', () => {
  it('is read while its process lives and ignored once it is gone or unreadable', () => {
    const data = join(dir, 'live')
    writeServiceState(data, { url: 'http://127.0.0.1:3001', pid: process.pid })
    expect(serviceStatePath(data)).toBe(`${data}.service.json`)
    expect(readServiceState(data)).toEqual({ url: 'http://127.0.0.1:3001', pid: process.pid })

    const gone = join(dir, 'gone')
    writeServiceState(gone, { url: 'http://127.0.0.1:3002', pid: 2 ** 22 + 12345 })
    expect(readServiceState(gone)).toBeUndefined()

    const junk = join(dir, 'junk')
    writeFileSync(serviceStatePath(junk), 'not json')
    expect(readServiceState(junk)).toBeUndefined()
    expect(readServiceState(join(dir, 'missing'))).toBeUndefined()
  })

  it('is removed only by the process that wrote it', () => {
    const data = join(dir, 'owned')
    writeServiceState(data, { url: 'http://127.0.0.1:3003', pid: process.pid })
    removeServiceState(data, process.pid + 1)
    expect(existsSync(serviceStatePath(data))).toBe(true)
    removeServiceState(data)
    expect(existsSync(serviceStatePath(data))).toBe(false)
  })

  it('turns a wildcard HOST into a loopback address a client can reach', () => {
    expect(localServiceUrl({ host: '0.0.0.0', port: 3000 })).toBe('http://127.0.0.1:3000')
    expect(localServiceUrl({ host: '::', port: 3000 })).toBe('http://[::1]:3000')
    expect(localServiceUrl({ host: '127.0.0.1', port: 3999 })).toBe('http://127.0.0.1:3999')
    expect(localServiceUrl({ host: 'parley.internal', port: 80 })).toBe('http://parley.internal:80')
  })
})
