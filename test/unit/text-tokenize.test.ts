// The tokenisers of src/text, each with its normaliser. The model tokenisers are pinned because the
// sentiment and intent weights and the stored builtin vectors were computed from exactly these tokens.
import { describe, expect, it } from 'vitest'
import { normaliseForBuiltinEmbedder, normaliseForIntentFeatures, normaliseForSentiment } from '../../src/text/normalise.ts'
import { builtinEmbedderTokens, intentFeatureTokens, letterAndDigitRuns, sentimentTokens, words } from '../../src/text/tokenize.ts'

describe('words (topic words)', () => {
  it('keeps contractions and hyphenated words, drops handles, links, entities, numbers and lone letters', () => {
    expect(words("Don't cancel my check-in @bob https://x.co &amp; ios11 a 42")).toEqual(["don't", 'cancel', 'my', 'check-in', 'ios11'])
  })

  it('segments scripts written without spaces into words (Intl.Segmenter)', () => {
    expect(words('LINEで注文したのに届かない')).toEqual(['line', 'で', '注文', 'した', 'の', 'に', '届', 'か', 'ない'])
    expect(words('สั่งของไปสามวันแล้วยังไม่ได้รับของเลยครับ')).toContain('สั่ง')
    expect(words('สั่งของไปสามวันแล้วยังไม่ได้รับของเลยครับ')).toContain('ไม่')
  })
})

describe('model tokens (frozen with their feature versions)', () => {
  it('sentiment: negation split off, elongation capped, emoticons and punctuation runs kept, RT/handles/links/# dropped', () => {
    expect(sentimentTokens(normaliseForSentiment("RT @bob I don't like it!!! soooo bad :) https://t.co/x #fail")))
      .toEqual(['i', 'do', 'not', 'like', 'it', '!!!', 'sooo', 'bad', ':)', 'fail'])
  })

  it('intent: accents folded, numbers, links and mentions as placeholders, inner apostrophes and emoji kept', () => {
    expect(intentFeatureTokens(normaliseForIntentFeatures("Café refund of 123€ for order's item http://x.co @bob 😡")))
      .toEqual(['cafe', 'refund', 'of', '0', 'for', "order's", 'item', 'url', 'mention', '😡'])
  })

  it('builtin embedder: full-width folded, handles and links dropped, Thai marks kept, emoji a token of its own', () => {
    expect(builtinEmbedderTokens(normaliseForBuiltinEmbedder('Ｃafé @ShopHelp iPhone15 ค่ะ 😡 https://t.co/x')))
      .toEqual(['cafe', 'iphone15', 'ค่ะ', '😡'])
  })

  it('reply overlap: lowercased runs of letters and digits, split at anything else', () => {
    expect(letterAndDigitRuns("Hi Anna, order #12-B isn't here.")).toEqual(['hi', 'anna', 'order', '12', 'b', 'isn', 't', 'here'])
  })
})
