// The cheap VADER (src/chains/classify/vader.ts) must score every text exactly as the vader-sentiment
// package does: the sentiment model's weights were trained on the package's outputs.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- vader-sentiment ships no type declarations
import vader from 'vader-sentiment'
import { vaderScores } from '../../src/chains/classify/vader.ts'

const reference = (text: string) =>
  (vader as { SentimentIntensityAnalyzer: { polarity_scores(t: string): unknown } }).SentimentIntensityAnalyzer.polarity_scores(text)

const lexiconWords = readFileSync(createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt'), 'utf8')
  .split('\n').map((line) => line.split('\t')[0]).filter(Boolean)

function mismatches(texts: string[]): Array<{ text: string; ours: unknown; theirs: unknown }> {
  const out = []
  for (const text of texts) {
    const ours = vaderScores(text)
    const theirs = reference(text)
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) out.push({ text, ours, theirs })
  }
  return out
}

/** A seeded generator, so a failure names texts that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const PIECES = [
  'not', "isn't", 'never', 'so', 'this', 'very', 'VERY', 'kind', 'of', 'sort of', 'at', 'least', 'but', 'BUT', 'the', 'shit',
  'bomb', 'yeah', 'right', 'cut', 'mustard', 'kiss', 'death', 'hand', 'to', 'mouth', 'bad', 'ass', 'just', 'enough', 'hardly',
  'good', 'GOOD', 'great', 'terrible', 'awful', 'love', 'hate', 'refund', 'delay', 'thanks', 'ok', 'no', 'without', 'barely',
  ':)', ':(', ':-D', '<3', '(:', 'lol', 'wtf', 'x', 'a', 'I', '😀', 'très', 'bien', 'nicht', 'gut', '좋아요', 'ดีมาก', '@user', '#tag',
  'https://t.co/abc', '…', '--', "don't", 'cant', 'nope', 'uh-uh', 'kinda', 'extremely', 'fucking', 'FUCKING', 'Least', 'At',
]
const MARKS = ['', '', '', '.', '!', '?', ',', '!!', '???', '?!?', '"', "'", ':', '-', '...', '(', ')', '!?!?', '*']

function syntheticTexts(n: number, seed: number): string[] {
  const next = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]
  const texts: string[] = []
  for (let i = 0; i < n; i++) {
    const words: string[] = []
    const length = 1 + Math.floor(next() * 14)
    for (let j = 0; j < length; j++) {
      const word = next() < 0.5 ? pick(PIECES) : pick(lexiconWords)
      const shaped = next() < 0.1 ? word.toUpperCase() : word
      const before = next() < 0.15 ? pick(MARKS) : ''
      const after = next() < 0.3 ? pick(MARKS) : ''
      words.push(`${before}${shaped}${after}`)
    }
    texts.push(words.join(next() < 0.1 ? '\n' : next() < 0.1 ? '  ' : ' '))
  }
  return texts
}

describe('VADER scores match the vader-sentiment package exactly', () => {
  it('on every lexicon entry alone and in contexts that use negation, boosters, caps, "but" and punctuation', () => {
    const texts = lexiconWords.flatMap((w) => [w, `not ${w}`, `very ${w}!!`, `I am ${w.toUpperCase()} but ${w}?`, `(${w}),`, `at least ${w}`, `kind of ${w}...`])
    expect(texts.length).toBeGreaterThan(7_000 * 7)
    expect(mismatches(texts)).toEqual([])
  })

  it('on 20,000 seeded random texts', () => {
    expect(mismatches(syntheticTexts(20_000, 7))).toEqual([])
  })

  it('on empty, whitespace-only and punctuation-only texts', () => {
    expect(mismatches(['', ' ', '\n\t', '!', '!!!', '?? !!', '. , ;', 'a', 'I'])).toEqual([])
  })

  it('returns a fresh object each call (callers may keep or change it)', () => {
    const a = vaderScores('good service')
    a.compound = 99
    expect(vaderScores('good service').compound).not.toBe(99)
  })

  const files = ['sentiment/goemotions_dev.jsonl', 'sentiment/tweeteval_val.jsonl', 'sentiment/umsab_val.jsonl', 'replies/twcs_head_pairs.jsonl']
    .map((f) => `../shared/datasets/${f}`)
  const present = files.filter((f) => existsSync(f))
  it.skipIf(present.length === 0)(`on real posts from ../shared/datasets (${present.length === 0 ? 'skipped: ../shared absent' : present.length + ' files'})`, () => {
    const texts: string[] = []
    for (const file of present) {
      for (const line of readFileSync(file, 'utf8').split('\n').slice(0, 3_000)) {
        if (!line.trim()) continue
        const row = JSON.parse(line) as Record<string, unknown>
        for (const v of Object.values(row)) if (typeof v === 'string' && v.length > 3) texts.push(v)
      }
    }
    expect(texts.length).toBeGreaterThan(3_000)
    expect(mismatches(texts)).toEqual([])
  })
})
