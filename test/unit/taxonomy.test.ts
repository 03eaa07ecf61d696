import { describe, expect, it } from 'vitest'
import { DEFAULT_TAXONOMY, MAX_INTENTS, OTHER_INTENT, taxonomyExamples, taxonomySchema } from '../../src/chains/classify/taxonomy.ts'

describe('default taxonomy', () => {
  it('validates against the taxonomy schema', () => {
    expect(taxonomySchema.safeParse(DEFAULT_TAXONOMY).success).toBe(true)
  })

  it('has the customer-care intents care teams see, with at least 12 examples each', () => {
    expect(DEFAULT_TAXONOMY.map((i) => i.name).sort()).toEqual(
      ['account_login', 'appointment', 'billing', 'bug_outage', 'cancellation', 'complaint', 'connectivity', 'delivery', 'feature_request', OTHER_INTENT,
        'praise', 'pricing', 'product_fault', 'question'].sort(),
    )
    for (const intent of DEFAULT_TAXONOMY) expect(intent.examples.length).toBeGreaterThanOrEqual(12)
  })

  it('includes Korean and Thai examples in every intent', () => {
    for (const intent of DEFAULT_TAXONOMY) {
      expect(intent.examples.some((e) => /[\uAC00-\uD7AF]/.test(e)), intent.name).toBe(true)
      expect(intent.examples.some((e) => /[\u0E00-\u0E7F]/.test(e)), intent.name).toBe(true)
    }
  })

  it('flattens into labelled training examples', () => {
    const examples = taxonomyExamples(DEFAULT_TAXONOMY)
    expect(examples.length).toBe(DEFAULT_TAXONOMY.reduce((n, i) => n + i.examples.length, 0))
    expect(examples[0]).toEqual({ text: DEFAULT_TAXONOMY[0].examples[0], label: DEFAULT_TAXONOMY[0].name })
  })
})

describe('taxonomySchema', () => {
  const intent = { name: 'refund_status', description: 'Where a refund is', examples: ['where is my refund'] }

  it('rejects duplicate names', () => {
    const result = taxonomySchema.safeParse([intent, intent])
    expect(result.success).toBe(false)
    expect(JSON.stringify(result.error?.issues)).toContain('duplicate')
  })

  it('rejects names that are not lower snake_case', () => {
    for (const name of ['Refund', '1refund', 'refund-status', 'a'.repeat(41), '']) {
      expect(taxonomySchema.safeParse([{ ...intent, name }]).success, name).toBe(false)
    }
  })

  it('enforces the size limits', () => {
    expect(taxonomySchema.safeParse([]).success).toBe(false)
    const many = Array.from({ length: MAX_INTENTS + 1 }, (_, i) => ({ ...intent, name: `intent_${i}` }))
    expect(taxonomySchema.safeParse(many).success).toBe(false)
    expect(taxonomySchema.safeParse(many.slice(0, MAX_INTENTS)).success).toBe(true)
    expect(taxonomySchema.safeParse([{ ...intent, description: 'x'.repeat(501) }]).success).toBe(false)
    expect(taxonomySchema.safeParse([{ ...intent, examples: Array(201).fill('hello') }]).success).toBe(false)
    expect(taxonomySchema.safeParse([{ ...intent, examples: ['x'.repeat(1001)] }]).success).toBe(false)
  })
})
