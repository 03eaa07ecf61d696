// A tiny HTTP server on 127.0.0.1 that records every request and answers from a handler: a fake
// Chatwoot REST API, or a webhook receiver.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

export type FakeHandler = (req: RecordedRequest, index: number) => { status: number; body?: unknown }

export async function startFakeHttp(handler: FakeHandler) {
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(recorded)
      const out = handler(recorded, requests.length - 1)
      res.writeHead(out.status, { 'content-type': 'application/json' })
      res.end(out.body === undefined ? '' : JSON.stringify(out.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
