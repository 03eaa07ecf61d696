// The console's browser code is TypeScript in web/, bundled in memory with esbuild when the server
// starts (~100 ms): `npm install && npm start` is enough, nothing is fetched at runtime, and no
// build output is committed.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export interface Asset {
  body: string
  type: string
  etag: string
}

const CLIENT_DIR = fileURLToPath(new URL('../../web/', import.meta.url))

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` }
}

export async function buildConsoleAssets(): Promise<Record<string, Asset>> {
  const out = await build({
    entryPoints: [`${CLIENT_DIR}main.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
  })
  return {
    'app.js': asset(out.outputFiles[0].text, 'text/javascript; charset=utf-8'),
    'console.css': asset(readFileSync(`${CLIENT_DIR}console.css`, 'utf8'), 'text/css; charset=utf-8'),
  }
}
