// Parley runs on the Node versions package.json's `engines` names (it relies on require(esm) and other
// 22.12+ behaviour). On an older Node it fails at once with one line, instead of starting and failing
// later in a way that does not say why. Importing this module runs the check: server.ts and
// bin/parley.js import it before anything else.
import { readFileSync } from 'node:fs'

/** `engines.node` of package.json: the one place the supported range is written. */
export function requiredNodeRange(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines?: { node?: string } }
  return pkg.engines?.node ?? ''
}

/** Why `version` cannot run Parley, or undefined when it can (or the range is not a plain `>=x.y.z`). */
export function unsupportedNodeMessage(version: string, range: string): string | undefined {
  const min = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim())
  if (!min) return undefined
  const have = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10) || 0)
  const need = [min[1], min[2], min[3]].map((n) => Number.parseInt(n ?? '0', 10))
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) > need[i]) return undefined
    if ((have[i] ?? 0) < need[i]) {
      return `parley: Node.js ${range.replace(/^>=\s*/, '')} or newer is required (this is ${version.replace(/^v?/, 'v')}); install Node 24 LTS, e.g. with nvm: nvm install 24`
    }
  }
  return undefined
}

const problem = unsupportedNodeMessage(process.versions.node, requiredNodeRange())
if (problem) {
  console.error(problem)
  process.exit(1)
}
