// The ask eval's reviewer: a random share of the ingested tweets, chosen without looking at labels,
// labelled with the dataset's sentiment and reason; every other tweet's labels stay gold-only.
import { describe, expect, it } from 'vitest'
import { REVIEW_SHARE, reviewedRows, reviewerLabels, splitRows } from '../../evals/suites/ask.ts'
import type { AirlineRow } from '../../evals/datasets.ts'

const rows: AirlineRow[] = Array.from({ length: 4000 }, (_, i) => ({
  id: `t-${i}`, text: `tweet ${i}`, label: i % 3 === 0 ? 'negative' : i % 3 === 1 ? 'neutral' : 'positive',
  negative_reason: i % 3 === 0 ? (i % 2 ? 'Late Flight' : "Can't Tell") : null, airline: 'United', created_at: '2015-02-17T10:00:00-08:00',
}) as AirlineRow)

describe('ask eval reviewer', () => {
  it('reviews about the stated share, the same share of every label, independently of the train split', () => {
    const reviewed = reviewedRows(rows, REVIEW_SHARE)
    expect(reviewed.length / rows.length).toBeGreaterThan(REVIEW_SHARE - 0.02)
    expect(reviewed.length / rows.length).toBeLessThan(REVIEW_SHARE + 0.02)
    for (const label of ['negative', 'neutral', 'positive']) {
      const share = reviewed.filter((r) => r.label === label).length / rows.filter((r) => r.label === label).length
      expect(Math.abs(share - REVIEW_SHARE)).toBeLessThan(0.03)
    }
    const { evaluated } = splitRows(rows, 0.3)
    const reviewedOfEvaluated = reviewedRows(evaluated, REVIEW_SHARE).length / evaluated.length
    expect(Math.abs(reviewedOfEvaluated - REVIEW_SHARE)).toBeLessThan(0.02)
  })

  it('gives the dataset labels, a reason the taxonomy lacks as other', () => {
    const intents = new Set(['late_flight', 'other'])
    const intentOf = (reason: string) => reason.toLowerCase().replace(/[^a-z]+/g, '_')
    expect(reviewerLabels(rows[3]!, intentOf, intents)).toEqual({ sentiment: 'negative', intent: 'late_flight' })
    expect(reviewerLabels(rows[0]!, intentOf, intents)).toEqual({ sentiment: 'negative', intent: 'other' })
    expect(reviewerLabels(rows[2]!, intentOf, intents)).toEqual({ sentiment: 'positive', intent: 'other' })
  })
})
