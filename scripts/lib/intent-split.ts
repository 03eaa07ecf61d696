// The train/test split and few-shot choice shared by the intent measurements, so figures from
// scripts/measure-intent.ts and scripts/measure-embedders.ts are computed on the same examples.
import { seededRandom } from '../../src/seeded-random.ts'

export interface Example {
  text: string
  label: string
}

export const SPLIT_SEED = 42
export const FEW_SHOT = 10

function groupByLabel(items: Example[]): Map<string, Example[]> {
  const groups = new Map<string, Example[]>()
  for (const item of items) groups.set(item.label, [...(groups.get(item.label) ?? []), item])
  return groups
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = items.slice()
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

/** Split stratified by label (`testShare` of each label to test), fixed seed. */
export function stratifiedSplit(items: Example[], testShare: number, seed: number): { train: Example[]; test: Example[] } {
  const random = seededRandom(seed)
  const train: Example[] = []
  const test: Example[] = []
  for (const group of groupByLabel(items).values()) {
    const order = shuffled(group, random)
    const cut = Math.round(order.length * testShare)
    test.push(...order.slice(0, cut))
    train.push(...order.slice(cut))
  }
  return { train, test }
}

/** `perLabel` seeded-random examples of each label. */
export function firstPerLabel(items: Example[], perLabel: number, seed: number): Example[] {
  const random = seededRandom(seed)
  return [...groupByLabel(items).values()].flatMap((group) => shuffled(group, random).slice(0, perLabel))
}
