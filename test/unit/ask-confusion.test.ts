// Confusion-corrected counts: built from a classifier whose errors are known, so the truth of every
// figure is known too.
import { describe, expect, it } from 'vitest'
import { canEstimate, compareTargets, confusionModel, estimateShare, estimateTarget, fitSubset, MIN_LABELLED, type LabelCell } from '../../src/chains/ask/confusion.ts'

/** A sentiment classifier that calls 30% of negatives neutral and 10% of neutrals negative. */
function classified(trueNegatives: number, trueNeutrals: number, corrected: boolean): LabelCell[] {
  const cell = (truth: string, predicted: string, n: number): LabelCell => ({
    sentiment: predicted, intent: 'other', trueSentiment: corrected ? truth : null, trueIntent: null, n,
  })
  return [
    cell('negative', 'negative', Math.round(0.7 * trueNegatives)),
    cell('negative', 'neutral', Math.round(0.3 * trueNegatives)),
    cell('neutral', 'neutral', Math.round(0.9 * trueNeutrals)),
    cell('neutral', 'negative', Math.round(0.1 * trueNeutrals)),
  ].filter((c) => c.n > 0)
}

const predictedNegatives = (cells: LabelCell[]) => cells.filter((c) => c.sentiment === 'negative').reduce((s, c) => s + c.n, 0)

describe('confusion-corrected counts', () => {
  const reviewed = classified(100, 100, true)
  const model = confusionModel(reviewed, ['sentiment'])!

  it('needs enough corrected messages before it measures anything', () => {
    expect(confusionModel(classified(10, 10, true), ['sentiment'])).toBeUndefined()
    expect(MIN_LABELLED).toBeGreaterThan(20)
    expect(model.labelled).toBe(200)
    // A field nobody corrected cannot be estimated from this model.
    expect(canEstimate(model, { intent: 'billing' })).toBe(false)
    expect(canEstimate(model, { sentiment: 'negative' })).toBe(true)
  })

  it('recovers the true count where classify-and-count is far off, also when the mix differs from the reviewed sample', () => {
    for (const [negatives, neutrals] of [[300, 100], [60, 240]] as const) {
      const subset = classified(negatives, neutrals, false)
      const estimate = estimateTarget(fitSubset(model, subset), { sentiment: 'negative' })
      const countedError = Math.abs(predictedNegatives(subset) - negatives)
      expect(Math.abs(estimate.value - negatives)).toBeLessThan(countedError)
      expect(Math.abs(estimate.value - negatives) / negatives).toBeLessThan(0.1)
      expect(estimate.low).toBeLessThanOrEqual(negatives)
      expect(estimate.high).toBeGreaterThanOrEqual(negatives)
      expect(estimate.low).toBeLessThan(estimate.high)
    }
  })

  it('counts corrected messages exactly, with no interval around them', () => {
    const subset = classified(20, 20, true)
    const estimate = estimateTarget(fitSubset(model, subset), { sentiment: 'negative' })
    expect(estimate).toEqual({ value: 20, low: 20, high: 20 })
  })

  it('gives the same interval whatever order the store returns the cells in', () => {
    const subset = classified(300, 100, false)
    const interval = (cells: LabelCell[]) => estimateTarget(fitSubset(confusionModel(cells, ['sentiment'])!, subset), { sentiment: 'negative' })
    expect(interval([...reviewed].reverse())).toEqual(interval(reviewed))
    expect(interval([reviewed[2]!, reviewed[0]!, reviewed[3]!, reviewed[1]!])).toEqual(interval(reviewed))
  })

  it('a wider interval when fewer messages measured the confusion', () => {
    const small = confusionModel(classified(25, 25, true), ['sentiment'])!
    const subset = classified(300, 100, false)
    const wide = estimateTarget(fitSubset(small, subset), { sentiment: 'negative' })
    const narrow = estimateTarget(fitSubset(model, subset), { sentiment: 'negative' })
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low)
  })
})

describe('confusion-corrected shares', () => {
  // Complaints about delivery vs billing, with half the billing complaints called delivery.
  const cells = (delivery: number, billing: number, corrected: boolean): LabelCell[] => {
    const cell = (truth: string, predicted: string, n: number): LabelCell => ({
      sentiment: 'negative', intent: predicted, trueSentiment: corrected ? 'negative' : null, trueIntent: corrected ? truth : null, n,
    })
    return [cell('delivery', 'delivery', delivery), cell('billing', 'billing', billing / 2), cell('billing', 'delivery', billing / 2)]
  }
  const model = confusionModel(cells(40, 40, true), ['sentiment', 'intent'])!

  it('estimates the share of a reason among complaints inside 0–100 and around the truth', () => {
    const fit = fitSubset(model, cells(60, 40, false))
    const share = estimateShare(fit, { intent: 'delivery' }, { sentiment: 'negative' })!
    // Truth 60%; classify-and-count says 80%.
    expect(Math.abs(share.value - 60)).toBeLessThan(8)
    expect(share.low).toBeLessThanOrEqual(60)
    expect(share.high).toBeGreaterThanOrEqual(60)
    expect(share.high).toBeLessThanOrEqual(100)
    expect(share.low).toBeGreaterThanOrEqual(0)
  })

  it('refuses a class with too few corrected examples', () => {
    const sparse = confusionModel([...cells(40, 40, true), { sentiment: 'negative', intent: 'pricing', trueSentiment: 'negative', trueIntent: 'pricing', n: 1 }], ['sentiment', 'intent'])!
    expect(canEstimate(sparse, { intent: 'pricing' })).toBe(false)
    expect(canEstimate(sparse, { intent: 'billing' })).toBe(true)
  })
})

describe('which grew most', () => {
  const cells = (delivery: number, billing: number, corrected: boolean): LabelCell[] => [
    { sentiment: 'negative', intent: 'delivery', trueSentiment: corrected ? 'negative' : null, trueIntent: corrected ? 'delivery' : null, n: Math.round(0.8 * delivery) },
    { sentiment: 'negative', intent: 'billing', trueSentiment: corrected ? 'negative' : null, trueIntent: corrected ? 'delivery' : null, n: Math.round(0.2 * delivery) },
    { sentiment: 'negative', intent: 'billing', trueSentiment: corrected ? 'negative' : null, trueIntent: corrected ? 'billing' : null, n: Math.round(0.8 * billing) },
    { sentiment: 'negative', intent: 'delivery', trueSentiment: corrected ? 'negative' : null, trueIntent: corrected ? 'billing' : null, n: Math.round(0.2 * billing) },
  ].filter((c) => c.n > 0)
  const model = confusionModel(cells(50, 50, true), ['sentiment', 'intent'])!
  const targets = [{ sentiment: 'negative', intent: 'delivery' }, { sentiment: 'negative', intent: 'billing' }]

  it('names the clearly larger growth with a high probability and an interval around it', () => {
    const [delivery, billing] = compareTargets(fitSubset(model, cells(80, 45, false)), fitSubset(model, cells(40, 40, false)), targets)
    expect(delivery!.largest).toBeGreaterThan(0.9)
    expect(delivery!.largest + billing!.largest).toBeCloseTo(1)
    expect(Math.abs(delivery!.value - 40)).toBeLessThan(6)
    expect(delivery!.low).toBeLessThanOrEqual(40)
    expect(delivery!.high).toBeGreaterThanOrEqual(40)
  })

  it('does not pretend to know when the two changes are alike', () => {
    const [delivery, billing] = compareTargets(fitSubset(model, cells(50, 50, false)), fitSubset(model, cells(45, 45, false)), targets)
    expect(delivery!.largest).toBeLessThan(0.8)
    expect(billing!.largest).toBeLessThan(0.8)
  })
})
