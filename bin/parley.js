#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx parley …` needs no build step.
// `parley eval` is the eval harness (evals/), a tool beside the product rather than part of it:
// the launcher hands it over here so that nothing in src/ imports evals/.
import { register } from 'tsx/esm/api'

register()
// Before anything else: on an unsupported Node this exits with one line.
await import('../src/node-version.ts')
const [command, ...args] = process.argv.slice(2)
if (command === 'eval') {
  const { main } = await import('../evals/cli.ts')
  process.exitCode = await main(['run', ...args])
} else {
  await import('../src/cli.ts')
}
