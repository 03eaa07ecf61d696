import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SENTIMENT_MODEL_DIR, loadSentimentModel, sentimentModelFromFile,
} from '../../src/chains/classify/sentiment-local.ts'
import type { SentimentModelFile } from '../../src/chains/classify/sentiment-local.ts'
import {
  hashFeatureName, isTransferableFeature, lexiconHits, SENTIMENT_FEATURE_VERSION, sentimentFeatures, TRANSFER_HEAD_PREFIX,
} from '../../src/chains/classify/sentiment-features.ts'
import { normaliseForSentiment } from '../../src/text/normalise.ts'
import { sentimentTokens } from '../../src/text/tokenize.ts'

const MODEL_PRESENT = existsSync(`${DEFAULT_SENTIMENT_MODEL_DIR}/model.json`)

function hits(text: string, language: string) {
  const normalized = normaliseForSentiment(text)
  return lexiconHits(normalized, sentimentTokens(normalized), language)
}

describe('sentiment lexicon negation', () => {
  it.each([
    ['en', 'this is not good'],
    ['fr', "ce n'est pas bon"],
    ['es', 'no me gusta'],
    ['de', 'das gefällt mir nicht, gar nicht gut'],
    ['ko', '안 좋아요'],
    ['ko', '좋지 않았다'],
    ['th', 'ไม่ดี'],
  ])('%s: "%s" counts as negative', (language, text) => {
    const result = hits(text, language)
    expect(result.negative).toBeGreaterThan(0)
    expect(result.positive).toBe(0)
  })

  it('prefers the longer Korean entry ("재미없" is not "재미")', () => {
    expect(hits('진짜 재미없다', 'ko')).toEqual({ positive: 0, negative: 1 })
  })
})

describe('language-independent cues', () => {
  it('puts English (VADER) and other languages (own lexicon) on one polarity scale', () => {
    const english = sentimentFeatures('This is great, thank you', 'en')
    const french = sentimentFeatures("C'est génial, merci", 'fr')
    const negative = sentimentFeatures('Terrible service, awful', 'en')
    expect(english.get('x:polarity')).toBeGreaterThan(0.2)
    expect(french.get('x:polarity')).toBeGreaterThan(0.2)
    expect(negative.get('x:polarity')).toBeLessThan(-0.2)
  })

  it('marks news-like and question posts and keeps v1 extraction for older model files', () => {
    const features = sentimentFeatures('Launch date confirmed for 12 May? https://example.com #games', 'en')
    expect(features.get('x:url')).toBe(1)
    expect(features.get('x:question')).toBe(1)
    expect(features.get('x:digits')).toBe(1)
    expect(features.get('x:no-evidence')).toBe(1)
    const v1 = sentimentFeatures('Launch date confirmed for 12 May?', 'en', 'sent-features-v1')
    expect([...v1.keys()].some((name) => name.startsWith('x:'))).toBe(false)
  })

  it('leaves words, bigrams, character n-grams and the language out of the transfer head', () => {
    expect(['w:good', 'b:<s> good', 'c:ดี', 'lang:en'].some(isTransferableFeature)).toBe(false)
    expect(['x:polarity', 'lex:pos', 'emo:neg', 'vader:compound', 'bias'].every(isTransferableFeature)).toBe(true)
  })
})

describe('transfer head', () => {
  // A hand-made model: the full head knows nothing; the transfer head says "a link means neutral".
  function tinyModel(weight: number): SentimentModelFile {
    const bucket = hashFeatureName(`${TRANSFER_HEAD_PREFIX}x:url`, 12)
    return {
      format: 'parley-sentiment/1', featureVersion: SENTIMENT_FEATURE_VERSION, labels: ['negative', 'neutral', 'positive'],
      hashBits: 12, temperature: 1, quantScale: 1 / 1000, trainedLanguages: ['fr'],
      buckets: Buffer.from(Uint32Array.from([bucket]).buffer).toString('base64'),
      weights: Buffer.from(Int16Array.from([-5000, 5000, -5000]).buffer).toString('base64'),
      transferHead: { temperature: 1, weight }, training: {},
    }
  }

  it('is used for languages without training rows, in proportion to its weight', () => {
    const text = 'voir https://example.com'
    const used = sentimentModelFromFile(tinyModel(1), 'test').predict(text, 'ko')
    expect(used.label).toBe('neutral')
    expect(used.probs.neutral).toBeGreaterThan(0.99)
    expect(sentimentModelFromFile(tinyModel(0.5), 'test').predict(text, 'ko').probs.neutral).toBeCloseTo(
      0.5 / 3 + 0.5 * used.probs.neutral, 6)
    expect(sentimentModelFromFile(tinyModel(1), 'test').predict(text, 'fr').probs.neutral).toBeCloseTo(1 / 3, 6)
  })
})

const MODEL_TITLE = MODEL_PRESENT ? 'local sentiment model' : 'local sentiment model (skipped: models/sentiment/model.json missing, run npm run train:sentiment)'
describe.skipIf(!MODEL_PRESENT)(MODEL_TITLE, () => {
  const model = loadSentimentModel()

  it('has a version derived from the weights file and is cached', () => {
    expect(model.version).toMatch(/^sentiment-local-[0-9a-f]{12}$/)
    expect(loadSentimentModel()).toBe(model)
  })

  it.each([
    ['en', 'I love this, thank you so much for the quick help! 😍', 'positive'],
    ['en', 'Worst service ever. Still waiting for my refund 😡', 'negative'],
    ['en', 'This is not good at all.', 'negative'],
    ['fr', "Merci beaucoup, c'est parfait, je suis très content !", 'positive'],
    ['fr', "C'est nul, je suis vraiment déçu du service.", 'negative'],
    ['es', 'Me encanta, excelente atención, ¡gracias!', 'positive'],
    ['es', 'Pésimo servicio, no me gusta nada, qué asco.', 'negative'],
    ['de', 'Super, vielen Dank, alles perfekt!', 'positive'],
    ['de', 'Schrecklich, total enttäuscht, nie wieder.', 'negative'],
    ['pt', 'Amei, ótimo atendimento, obrigado!', 'positive'],
    ['pt', 'Péssimo, que raiva, serviço horrível.', 'negative'],
    ['it', 'Bellissimo, grazie mille, tutto perfetto!', 'positive'],
    ['it', 'Che schifo, servizio pessimo, sono deluso.', 'negative'],
    ['ko', '정말 최고예요 강추합니다 ㅋㅋ', 'positive'],
    ['ko', '최악이에요 너무 지루하고 돈 아깝다 ㅠㅠ', 'negative'],
    ['th', 'อร่อยมาก ประทับใจสุดๆ ขอบคุณค่ะ', 'positive'],
    ['th', 'แย่มาก บริการห่วย ผิดหวังสุดๆ', 'negative'],
  ])('%s: %s → %s', (_language, text, expected) => {
    expect(model.predict(text).label).toBe(expected)
  })

  it('turns negation and emoji into the expected direction', () => {
    expect(model.predict('good').score).toBeGreaterThan(model.predict('not good').score)
    expect(model.predict('ไม่ดีเลย').score).toBeLessThan(model.predict('ดีมาก').score)
    expect(model.predict('안 좋아요').score).toBeLessThan(model.predict('좋아요').score)
    expect(model.predict('pedido recibido 👍').score).toBeGreaterThan(model.predict('pedido recibido 👎').score)
  })

  it('returns probabilities that sum to 1, a score in [-1, 1] and the label with the top probability', () => {
    for (const text of ['ok', 'The parcel is at the depot.', '최고', '', '🙂', 'นี่คืออะไร']) {
      const prediction = model.predict(text)
      const probs = Object.values(prediction.probs)
      expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6)
      expect(Math.abs(prediction.score)).toBeLessThanOrEqual(1)
      expect(prediction.confidence).toBe(Math.max(...probs))
      expect(prediction.probs[prediction.label]).toBe(prediction.confidence)
    }
  })

  it('accepts a caller-given language tag', () => {
    expect(model.predict('Não gostei, péssimo', 'pt-BR').label).toBe('negative')
  })
})
