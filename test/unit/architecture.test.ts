// The import graph stays one-way: a newcomer can read the code from the routes down without meeting a
// file that reaches back up, and no module is half-initialised because of a cycle. Read with the
// TypeScript compiler's own import scanner (static, re-exports, type-only and dynamic `import()` alike),
// so this needs no extra tool and reads the same files the compiler does.
//
// Layers, highest first; a file may import its own layer and any layer below it, never above:
//   api, console → chains, integrations, webhooks → pipeline, llm → store → embeddings, text, safety
// Beside them:
//   leaves (config.ts, errors.ts, progress.ts, seeded-random.ts, node-version.ts, service-state.ts, cli-remote.ts): importable from anywhere, import no other src/ file
//     but each other. config.ts is the only reader of the environment; errors.ts holds codes every layer throws.
//   composition roots (server.ts, cli.ts, app.ts, services.ts): wire the layers together, may import
//     any of them, and nothing in the layers imports a root.
// Nothing in src/ imports evals/, bench/ or scripts/: those are tools built on the product.
// A new top-level src/ file or folder fails here until it is given a place above.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const SCANNED = ['src', 'evals', 'bench', 'scripts']
const SOURCE = /\.(ts|mts|mjs|js)$/

const LAYER_RANK: Record<string, number> = { console: 5, api: 5, chains: 4, integrations: 4, webhooks: 4, pipeline: 3, llm: 3, store: 2, embeddings: 1, text: 1, safety: 1 }
const LEAVES = new Set(['src/config.ts', 'src/errors.ts', 'src/progress.ts', 'src/seeded-random.ts', 'src/node-version.ts', 'src/service-state.ts', 'src/cli-remote.ts'])
const COMPOSITION_ROOTS = new Set(['src/server.ts', 'src/cli.ts', 'src/app.ts', 'src/services.ts'])

type Place = { kind: 'layer'; layer: string; rank: number } | { kind: 'leaf' } | { kind: 'root' } | { kind: 'tool' } | { kind: 'unplaced' }

export function placeOf(file: string): Place {
  if (!file.startsWith('src/')) return { kind: 'tool' }
  if (LEAVES.has(file)) return { kind: 'leaf' }
  if (COMPOSITION_ROOTS.has(file)) return { kind: 'root' }
  const layer = file.split('/')[1]
  return layer in LAYER_RANK && file.split('/').length > 2 ? { kind: 'layer', layer, rank: LAYER_RANK[layer] } : { kind: 'unplaced' }
}

/** Why `from` may not import `to`, or undefined when it may. */
export function layerViolation(from: string, to: string): string | undefined {
  const a = placeOf(from)
  const b = placeOf(to)
  if (a.kind === 'tool') return undefined
  if (b.kind === 'tool') return 'src/ must not import evals/, bench/ or scripts/'
  if (a.kind === 'unplaced' || b.kind === 'unplaced') return undefined // reported by its own test
  if (a.kind === 'root') return undefined
  if (b.kind === 'root') return 'only composition roots may import a composition root'
  if (a.kind === 'leaf') return b.kind === 'leaf' ? undefined : 'a leaf imports no layer'
  if (b.kind === 'leaf') return undefined
  if (a.kind === 'layer' && b.kind === 'layer' && b.rank > a.rank) return `${a.layer} sits below ${b.layer}`
  return undefined
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f).split(sep).join('/'))
    .filter((f) => SOURCE.test(f) && !f.includes('node_modules/') && statSync(join(ROOT, f)).isFile())
}

/** Local imports of every scanned file, as repo-relative paths. */
export function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep).join('/'))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || graph.get(v)?.includes(v)) cycles.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return cycles
}

const files = SCANNED.flatMap(sourceFiles)
const graph = importGraph(files)

describe('architecture: the import graph', () => {
  it('reads the real code base (the scanner finds imports, including dynamic ones)', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(graph.get('src/store/open-db.ts')).toEqual(expect.arrayContaining(['src/store/pg.ts', 'src/store/pglite.ts']))
  })

  it('has no import cycle in src/, evals/, bench/ or scripts/', () => {
    expect(importCycles(graph).map((c) => c.join(' ↔ '))).toEqual([])
  })

  it('gives every src/ file a place: a layer folder, a leaf or a composition root', () => {
    expect(files.filter((f) => placeOf(f).kind === 'unplaced')).toEqual([])
  })

  it('has layers that only point down, and src/ never imports the tools', () => {
    const violations = [...graph].flatMap(([from, targets]) =>
      targets.flatMap((to) => {
        const why = layerViolation(from, to)
        return why ? [`${from} -> ${to} (${why})`] : []
      }),
    )
    expect(violations).toEqual([])
  })
})

describe('architecture: the checks themselves', () => {
  it('finds a cycle through any number of files, and none in a chain', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(importCycles(g)).toEqual([['a', 'b', 'c']])
    expect(importCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([])
  })

  it('refuses an upward import, a layer importing a root, and src/ importing a tool', () => {
    expect(layerViolation('src/store/themes.ts', 'src/chains/themes/types.ts')).toMatch(/store sits below chains/)
    expect(layerViolation('src/pipeline/import-file.ts', 'src/services.ts')).toMatch(/composition root/)
    expect(layerViolation('src/cli.ts', 'evals/cli.ts')).toMatch(/must not import evals/)
    expect(layerViolation('src/config.ts', 'src/store/db.ts')).toMatch(/leaf/)
  })

  it('allows imports down, sideways within a tier, into leaves, and from roots and tools', () => {
    expect(layerViolation('src/api/ask.ts', 'src/store/db.ts')).toBeUndefined()
    expect(layerViolation('src/pipeline/stages.ts', 'src/llm/context.ts')).toBeUndefined()
    expect(layerViolation('src/store/db.ts', 'src/errors.ts')).toBeUndefined()
    expect(layerViolation('src/services.ts', 'src/chains/ask/index.ts')).toBeUndefined()
    expect(layerViolation('evals/runner.ts', 'src/services.ts')).toBeUndefined()
  })
})
