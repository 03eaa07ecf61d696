// One seeded PRNG for everything that must repeat exactly across runs and machines (training splits,
// clustering starts, generated corpora). Math.random cannot be seeded.

/** mulberry32: 32 bits of state, fast, and good enough for sampling; uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
