import { describe, expect, it } from 'vitest'
import {
  adjustedRandIndex,
  bestOfK,
  calibration,
  chrF,
  classificationReport,
  corpusChrF,
  expectedCalibrationError,
  mean,
  nmi,
  percentile,
  purity,
  reliabilityTable,
  rougeL,
  rougeMulti,
  rougeN,
  rougeTokens,
} from '../../evals/metrics.ts'

describe('mean and percentile', () => {
  it('interpolates linearly between ranks like numpy', () => {
    // [1,2,3,4]: p50 → rank 0.5*3 = 1.5 → 2 + 0.5*(3-2) = 2.5; p90 → rank 2.7 → 3 + 0.7*1 = 3.7
    expect(percentile([4, 1, 3, 2], 50)).toBeCloseTo(2.5, 12)
    expect(percentile([4, 1, 3, 2], 90)).toBeCloseTo(3.7, 12)
    expect(percentile([4, 1, 3, 2], 0)).toBe(1)
    expect(percentile([4, 1, 3, 2], 100)).toBe(4)
    expect(mean([1, 2, 3, 4])).toBe(2.5)
  })

  it('returns NaN for no data rather than a misleading 0', () => {
    expect(mean([])).toBeNaN()
    expect(percentile([], 50)).toBeNaN()
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })
})

describe('classificationReport', () => {
  // gold a a a b b c / pred a a b b c c; classes sorted a, b, c
  // confusion rows = gold: a → [2,1,0], b → [0,1,1], c → [0,0,1]
  // accuracy = 4/6
  // a: P = 2/2 = 1,   R = 2/3, F1 = 2·1·(2/3)/(1+2/3) = 0.8
  // b: P = 1/2,       R = 1/2, F1 = 0.5
  // c: P = 1/2,       R = 1/1, F1 = 2·0.5·1/1.5 = 2/3
  // macro P = (1 + .5 + .5)/3 = 2/3; macro R = (2/3 + 1/2 + 1)/3 = 13/18; macro F1 = (4/5 + 1/2 + 2/3)/3 = 59/90
  const gold = ['a', 'a', 'a', 'b', 'b', 'c']
  const pred = ['a', 'a', 'b', 'b', 'c', 'c']

  it('matches the hand computation', () => {
    const report = classificationReport(gold, pred)
    expect(report.accuracy).toBeCloseTo(4 / 6, 12)
    expect(report.macro_precision).toBeCloseTo(2 / 3, 12)
    expect(report.macro_recall).toBeCloseTo(13 / 18, 12)
    expect(report.macro_f1).toBeCloseTo(59 / 90, 12)
    expect(report.per_class.a).toEqual({ precision: 1, recall: 2 / 3, f1: expect.closeTo(0.8, 12), support: 3 })
    expect(report.per_class.c.f1).toBeCloseTo(2 / 3, 12)
    expect(report.confusion).toEqual({ labels: ['a', 'b', 'c'], matrix: [[2, 1, 0], [0, 1, 1], [0, 0, 1]] })
  })

  it('counts a predicted-only class with recall 0 (scikit-learn), unless labels are fixed', () => {
    // gold x x / pred x y: x → P 1/1, R 1/2; y → P 0/1, R 0/0 := 0 → macro R = (0.5 + 0)/2 = 0.25
    expect(classificationReport(['x', 'x'], ['x', 'y']).macro_recall).toBeCloseTo(0.25, 12)
    // labels = [x]: macro R = 0.5; accuracy still counts the wrong y: 1/2
    const fixed = classificationReport(['x', 'x'], ['x', 'y'], ['x'])
    expect(fixed.macro_recall).toBeCloseTo(0.5, 12)
    expect(fixed.accuracy).toBe(0.5)
    expect(fixed.confusion.matrix).toEqual([[1]])
  })

  it('rejects lists of different lengths', () => {
    expect(() => classificationReport(['a'], [])).toThrow(/differ in length/)
  })
})

describe('calibration', () => {
  it('computes ECE and the reliability table by hand', () => {
    // 5 bins (lower, upper]: 0.3 → (0.2,0.4]; 0.6 → (0.4,0.6]; 0.8 and 0.7 → (0.6,0.8]; 0.9 → (0.8,1]
    // gaps: |0 − 0.3| = 0.3 (n 1), |0 − 0.6| = 0.6 (n 1), |1 − 0.75| = 0.25 (n 2), |1 − 0.9| = 0.1 (n 1)
    // ECE = (0.3 + 0.6 + 2·0.25 + 0.1)/5 = 1.5/5 = 0.3
    const confidences = [0.9, 0.8, 0.6, 0.3, 0.7]
    const correct = [true, true, false, false, true]
    const result = calibration(confidences, correct, 5)
    expect(result.ece).toBeCloseTo(0.3, 12)
    expect(result.bins.map((b) => b.count)).toEqual([0, 1, 1, 2, 1])
    expect(result.bins[3]).toMatchObject({ accuracy: 1, confidence: expect.closeTo(0.75, 12) })
    expect(result.bins[0].accuracy).toBeNaN()
    expect(expectedCalibrationError(confidences, correct, 5)).toBeCloseTo(0.3, 12)
    expect(reliabilityTable(confidences, correct, 5)).toEqual(result.bins)
  })

  it('puts a confidence on a bin edge into the lower bin despite float error', () => {
    // 0.7 * 10 = 7.000000000000001 in floating point; it still belongs to (0.6, 0.7]
    const bins = calibration([0.7, 0, 1], [true, false, true]).bins
    expect(bins[6].count).toBe(1)
    expect(bins[0].count).toBe(1)
    expect(bins[9].count).toBe(1)
  })
})

describe('clustering metrics', () => {
  // gold 0 0 0 1 1 1 / pred 0 0 1 1 2 2; contingency (pred × gold): p0 {g0: 2}, p1 {g0: 1, g1: 1}, p2 {g1: 2}
  const gold = [0, 0, 0, 1, 1, 1]
  const pred = [0, 0, 1, 1, 2, 2]

  it('NMI uses the arithmetic mean of the entropies', () => {
    // MI = 2·(2/6)·ln(6·2/(3·2)) + 2·(1/6)·ln(6·1/(3·2)) = (2/3)·ln 2
    // H(gold) = ln 2, H(pred) = ln 3 → NMI = (2/3 ln 2)/((ln 2 + ln 3)/2) = (4/3) ln 2 / ln 6 ≈ 0.515804
    expect(nmi(gold, pred)).toBeCloseTo(((4 / 3) * Math.log(2)) / Math.log(6), 12)
    expect(nmi(gold, pred)).toBeCloseTo(0.515804, 6)
  })

  it('ARI from pair counts', () => {
    // same-cluster pairs: both = C(2,2)+C(2,2) = 2; gold = 2·C(3,2) = 6; pred = 3·C(2,2) = 3; all = C(6,2) = 15
    // tp = 2, fn = 4, fp = 1, tn = 8 → ARI = 2(2·8 − 4·1)/((6)(12) + (3)(9)) = 24/99
    expect(adjustedRandIndex(gold, pred)).toBeCloseTo(24 / 99, 12)
  })

  it('purity credits each cluster with its majority class', () => {
    // p0 → 2, p1 → 1, p2 → 2 → 5/6
    expect(purity(gold, pred)).toBeCloseTo(5 / 6, 12)
  })

  it('ignores the names of clusters', () => {
    const renamed = ['x', 'x', 'x', 'y', 'y', 'y']
    expect(nmi(gold, renamed)).toBe(1)
    expect(adjustedRandIndex(gold, renamed)).toBe(1)
    expect(purity(gold, renamed)).toBe(1)
  })

  it('treats noise (-1 or "noise") as one cluster of its own', () => {
    // everything noise → one predicted cluster: MI = 0 → NMI 0; purity = 2/4
    // pairs: both = 2, gold = 2, pred = C(4,2) = 6 → tp 2, fn 0, fp 4, tn 0 → ARI = 2(0 − 0)/(…) = 0
    for (const noise of [-1, 'noise']) {
      const allNoise = [noise, noise, noise, noise]
      expect(nmi(['a', 'a', 'b', 'b'], allNoise)).toBe(0)
      expect(adjustedRandIndex(['a', 'a', 'b', 'b'], allNoise)).toBe(0)
      expect(purity(['a', 'a', 'b', 'b'], allNoise)).toBe(0.5)
    }
  })
})

describe('ROUGE', () => {
  const candidate = 'The cat was found under the bed.'
  const reference = 'the cat was under the bed'

  it('tokenises like rouge-score, widened to Unicode letters', () => {
    expect(rougeTokens("Don't PANIC — it's 42!")).toEqual(['don', 't', 'panic', 'it', 's', '42'])
    expect(rougeTokens('Café naïve ÜBER')).toEqual(['café', 'naïve', 'über'])
    // Devanagari vowel signs are combining marks and must stay inside the word
    expect(rougeTokens('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया'])
  })

  it('ROUGE-1 / ROUGE-2 / ROUGE-L F1 by hand', () => {
    // unigrams: candidate 7, reference 6, clipped overlap the×2 cat was under bed = 6
    // P = 6/7, R = 1 → F1 = 2·(6/7)/(13/7) = 12/13
    expect(rougeN(candidate, reference, 1)).toBeCloseTo(12 / 13, 12)
    // bigrams: candidate 6, reference 5, overlap the-cat cat-was under-the the-bed = 4
    // P = 4/6, R = 4/5 → F1 = 2·(2/3)(4/5)/(2/3 + 4/5) = 16/22
    expect(rougeN(candidate, reference, 2)).toBeCloseTo(16 / 22, 12)
    // LCS = "the cat was under the bed" = 6 → same P/R as ROUGE-1 → 12/13
    expect(rougeL(candidate, reference)).toBeCloseTo(12 / 13, 12)
  })

  it('scores empty text as 0', () => {
    expect(rougeN('', reference, 1)).toBe(0)
    expect(rougeL('!!!', reference)).toBe(0)
    expect(rougeN('one', 'one', 2)).toBe(0)
  })

  it('rougeMulti takes the best reference per metric independently', () => {
    // A = "bed the under was cat the": same unigrams as the reference → R1 = 12/13, no shared bigram → R2 = 0,
    //     LCS with the candidate = 3 (e.g. the…cat…the) → P 3/7, R 3/6 → F1 = 6/13
    // B = "the cat was found": R1 overlap 4 → P 4/7, R 1 → 8/11; bigrams 3 of 3 shared → P 3/6, R 1 → 2/3;
    //     LCS 4 → 8/11
    const scores = rougeMulti(candidate, ['bed the under was cat the', 'the cat was found'])
    expect(scores.rouge1).toBeCloseTo(12 / 13, 12)
    expect(scores.rouge2).toBeCloseTo(2 / 3, 12)
    expect(scores.rouge_l).toBeCloseTo(8 / 11, 12)
  })
})

describe('chrF', () => {
  it('matches a hand computation with effective-order averaging', () => {
    // "ab c" → "abc" (whitespace removed) vs "abd"
    // n=1: 3 vs 3, matched a b = 2 → P = R = 2/3; n=2: ab bc vs ab bd → 1 → P = R = 1/2; n=3: 0 → P = R = 0
    // n ≥ 4: no n-grams on either side → left out. avgP = avgR = (2/3 + 1/2 + 0)/3 = 7/18
    // F2 = 5PR/(4P + R) = P when P = R → 7/18
    expect(chrF('ab c', 'abd')).toBeCloseTo(7 / 18, 12)
    // "ab" vs "abc": n=1 P 2/2 R 2/3; n=2 P 1/1 R 1/2; n=3 candidate has none → left out
    // avgP = 1, avgR = 7/12 → F2 = 5·(7/12)/(4 + 7/12) = 35/55 = 7/11
    expect(chrF('ab', 'abc')).toBeCloseTo(7 / 11, 12)
    // beta = 1 → F1 = 2·(7/12)/(1 + 7/12) = 14/19
    expect(chrF('ab', 'abc', { beta: 1 })).toBeCloseTo(14 / 19, 12)
  })

  it('reproduces sacrebleu on its documented examples (score / 100)', () => {
    // sentence example from the sacrebleu-based chrF metric card: 61.576379378113785
    expect(
      chrF('The relationship between Obama and Netanyahu is not exactly friendly.', [
        'The ties between Obama and Netanyahu are not particularly friendly.',
      ]),
    ).toBeCloseTo(0.61576379378113785, 10)
    // corpus example from the same card: 84.64214891738334
    expect(
      corpusChrF(
        [
          'The relationship between cats and dogs is not exactly friendly.',
          'a good bookshop is just a genteel black hole that knows how to read.',
        ],
        [
          'The relationship between dogs and cats is not exactly friendly.',
          'A good bookshop is just a genteel Black Hole that knows how to read.',
        ],
      ),
    ).toBeCloseTo(0.8464214891738334, 10)
  })

  it('keeps the best of several references and scores nothing as 0', () => {
    expect(chrF('ab', ['zzz', 'abc'])).toBeCloseTo(7 / 11, 12)
    expect(chrF('', 'abc')).toBe(0)
  })
})

describe('bestOfK', () => {
  it('returns the best score and which candidate reached it', () => {
    const result = bestOfK(['a dog', 'the cat was under the bed', 'the cat'], 'the cat was under the bed', rougeL)
    expect(result).toEqual({ score: 1, index: 1 })
    expect(bestOfK([], 'x', rougeL).index).toBe(-1)
  })
})
