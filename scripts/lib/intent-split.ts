// The train/test split and few-shot choice shared by the intent measurements, so figures from
// scripts/measure-intent.ts and scripts/measure-embedders.ts are computed on the same examples (and
// the split on the same rows as the eval gate's).
import { stratifiedSplit } from '../../evals/suites/classification.ts'
import { seededRandom } from '../../src/seeded-random.ts'

export interface Example {
  /** The dataset row's id: the split is decided by its hash. */
  id: string
  text: string
  label: string
}

/** Seed of the few-shot choice (`firstPerLabel`). */
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

/** The share the eval gate trains on (evals/baseline.json, banking77 `split: 0.8`). */
export const TRAIN_SHARE = 0.8

/** The gate's split (stratified by label, by a hash of the id), so the scripts measure the rows the gate does. */
export function trainTestSplit(items: Example[]): { train: Example[]; test: Example[] } {
  return stratifiedSplit(items, TRAIN_SHARE)
}

/** `perLabel` seeded-random examples of each label. */
export function firstPerLabel(items: Example[], perLabel: number, seed: number): Example[] {
  const random = seededRandom(seed)
  return [...groupByLabel(items).values()].flatMap((group) => shuffled(group, random).slice(0, perLabel))
}
