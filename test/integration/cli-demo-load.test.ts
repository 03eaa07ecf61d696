// npm run demo:load: finds the service where the service listens (PORT/HOST defaults, PARLEY_URL, --url),
// loads conversations, knowledge articles and the brand voice, and a second run adds nothing.
// Requests go to app.inject through a fetch stand-in, so the real loader code runs without a socket.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../scripts/load-demo.ts'
import { DEFAULT_HOST, DEFAULT_PORT } from '../../src/config.ts'
import { createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
let dataDir: string

beforeAll(async () => {
  t = await createTestServices()
  dataDir = mkdtempSync(join(tmpdir(), 'parley-demo-load-'))
})
afterAll(async () => {
  await t?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A fetch that answers from the app and records the URLs it was asked for. */
function injectFetch(urls: string[]): typeof fetch {
  return (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input))
    urls.push(url.origin)
    const res = await t.app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: init.headers as Record<string, string>,
      payload: init.body as string | undefined,
    })
    return new Response(res.body, { status: res.statusCode })
  }) as typeof fetch
}

const env = (extra: Record<string, string>) => ({ DATA_DIR: join(dataDir, 'data'), ...extra })

describe('demo:load', () => {
  it('loads conversations, knowledge and the voice at the service’s default address, and is idempotent', async () => {
    const ws = await createWorkspace(t.services)
    const urls: string[] = []
    const first = await loadDemo([], env({ PARLEY_KEY: ws.keys.admin }), injectFetch(urls))
    expect(new Set(urls)).toEqual(new Set([`http://${DEFAULT_HOST}:${DEFAULT_PORT}`]))
    expect(first.join('\n')).toMatch(/conversations: 528 created, 0 updated, 0 unchanged, 0 rejected/)
    expect(first.join('\n')).toMatch(/knowledge articles: 14 created, 0 updated/)

    const second = await loadDemo([], env({ PARLEY_KEY: ws.keys.admin }), injectFetch([]))
    expect(second.join('\n')).toMatch(/conversations: 0 created, 0 updated, 528 unchanged/)
    expect(second.join('\n')).toMatch(/knowledge articles: 0 created, 14 updated/)

    const auth = { authorization: `Bearer ${ws.keys.admin}` }
    const articles = (await t.app.inject({ url: '/v1/knowledge?limit=500', headers: auth })).json() as { items: unknown[] }
    expect(articles.items).toHaveLength(14)
    const voice = (await t.app.inject({ url: '/v1/settings/voice', headers: auth })).json() as { greeting: string; handles: string[] }
    expect(voice.greeting).toBe('Hi {name},')
    expect(voice.handles).toContain('@BrightwaveHelp')
  })

  it('follows PORT and HOST like the service, then PARLEY_URL, then --url', async () => {
    const ws = await createWorkspace(t.services)
    const file = join(import.meta.dirname, '../../demo/conversations.jsonl')
    const seen: string[] = []
    await loadDemo([file], env({ PARLEY_KEY: ws.keys.admin, PORT: '3999', HOST: '0.0.0.0' }), injectFetch(seen))
    expect(new Set(seen)).toEqual(new Set(['http://127.0.0.1:3999']))
    seen.length = 0
    await loadDemo([file], env({ PARLEY_KEY: ws.keys.admin, PORT: '3999', PARLEY_URL: 'http://localhost:4100/' }), injectFetch(seen))
    expect(new Set(seen)).toEqual(new Set(['http://localhost:4100']))
    seen.length = 0
    await loadDemo(['--url', 'http://127.0.0.1:4200', file], env({ PARLEY_KEY: ws.keys.admin, PARLEY_URL: 'http://localhost:4100' }), injectFetch(seen))
    expect(new Set(seen)).toEqual(new Set(['http://127.0.0.1:4200']))
  })

  it('says in one line what is wrong when the service is not reachable or the key is missing or wrong', async () => {
    const refused = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
    }) as unknown as typeof fetch
    const err = await loadDemo([], env({ PARLEY_KEY: 'pk_whatever', PORT: '3999' }), refused).catch((e: Error) => e)
    expect((err as Error).message).toMatch(/^cannot reach Parley at http:\/\/127\.0\.0\.1:3999 \(ECONNREFUSED; from PORT\/HOST\): start it with npm start/)
    expect((err as Error).message).not.toContain('\n')

    await expect(loadDemo([], env({}), injectFetch([]))).rejects.toThrow(/^set PARLEY_KEY/)
    await expect(loadDemo([], env({ PARLEY_KEY: 'pk_not_a_key_of_this_service' }), injectFetch([]))).rejects.toThrow(/HTTP 401 .*is PARLEY_KEY a key of this service/)
  })
})
