import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILTIN_DIMENSION, BUILTIN_ID, createBuiltinEmbedder, stemWord } from '../../src/embeddings/builtin.ts'
import { cosine } from '../../src/embeddings/embedder.ts'
import { createEmbedder } from '../../src/embeddings/index.ts'
import { normaliseForBuiltinEmbedder } from '../../src/text/normalise.ts'

const embedder = createBuiltinEmbedder()

async function similarities(anchor: string, ...others: string[]): Promise<number[]> {
  const [a, ...rest] = await embedder.embed([anchor, ...others])
  return rest.map((v) => cosine(a, v))
}

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((sum, x) => sum + x * x, 0))
}

describe('builtin embedder', () => {
  it('has a versioned id and 384 dimensions', () => {
    expect(embedder.id).toBe(BUILTIN_ID)
    expect(embedder.id).toMatch(/^builtin:hash-ngram-v\d+$/)
    expect(embedder.dimension).toBe(384)
    expect(BUILTIN_DIMENSION).toBe(384)
  })

  it('returns one unit vector per text, deterministically', async () => {
    const texts = ['Where is my parcel?', 'Où est mon colis ?', '택배 어디 있나요', 'พัสดุอยู่ไหน', '荷物はどこですか', 'أين طردي؟']
    const first = await embedder.embed(texts)
    const second = await createBuiltinEmbedder().embed(texts)
    expect(first).toHaveLength(texts.length)
    for (const [i, v] of first.entries()) {
      expect(v).toBeInstanceOf(Float32Array)
      expect(v.length).toBe(384)
      expect(norm(v)).toBeCloseTo(1, 5)
      expect(Array.from(v)).toEqual(Array.from(second[i]))
    }
  })

  it('gives a zero vector, not NaN, for text with nothing to embed', async () => {
    const [empty, onlyLink] = await embedder.embed(['', 'https://example.com/a/b @someone'])
    expect(Array.from(empty).every((x) => x === 0)).toBe(true)
    expect(Array.from(onlyLink).every((x) => x === 0)).toBe(true)
  })

  it('ignores URLs, @handles, case, width and accents', async () => {
    const [plain, decorated] = await embedder.embed([
      'refund for my cancelled order',
      '@ShopHelp REFUND for my cancelled ORDER https://t.co/xyz123',
    ])
    expect(cosine(plain, decorated)).toBeCloseTo(1, 5)
    expect(normaliseForBuiltinEmbedder('Ｃafé Délai')).toBe('cafe delai')
    expect(normaliseForBuiltinEmbedder('ＡＢＣ ＠ShopHelp ΚΑΛΗΜΈΡΑ').split(/\s+/).filter(Boolean)).toEqual(['abc', 'καλημερα'])
    // Thai vowels and tone marks are combining marks but must survive accent folding.
    expect(normaliseForBuiltinEmbedder('ค่ะ')).toBe('ค่ะ')
  })

  it.each([
    ['en', 'My flight was delayed for three hours', 'The flight got delayed again, three hours late', 'I love the new chocolate cake recipe'],
    ['fr', 'Mon vol a été retardé de trois heures', 'Encore un retard sur mon vol, trois heures', 'Je voudrais changer mon mot de passe'],
    ['es', 'Mi pedido no ha llegado todavía', 'Todavía no llegó mi pedido', 'Quiero cancelar mi suscripción al gimnasio'],
    ['ko', '배송이 너무 늦어요 언제 도착하나요', '배송은 언제 도착하나요? 너무 늦네요', '비밀번호를 변경하고 싶습니다'],
    ['th', 'พัสดุยังไม่มาส่งเลยครับ รอมาหนึ่งสัปดาห์แล้ว', 'รอพัสดุมาหนึ่งสัปดาห์แล้วยังไม่ได้รับ', 'อยากเปลี่ยนรหัสผ่านค่ะ'],
    ['ja', '注文した商品がまだ届きません', '商品がまだ届かないです', 'パスワードを変更したい'],
    ['ar', 'لم يصل طلبي حتى الآن', 'طلبي لم يصل بعد', 'أريد تغيير كلمة المرور'],
  ])('ranks a paraphrase sharing words above an unrelated text (%s)', async (_language, anchor, paraphrase, unrelated) => {
    const [toParaphrase, toUnrelated] = await similarities(anchor, paraphrase, unrelated)
    expect(toParaphrase).toBeGreaterThan(toUnrelated + 0.2)
  })

  it('tolerates typos and inflection', async () => {
    const [typo, unrelated] = await similarities('my package was never delivered', 'my pakage was nevr deliverd', 'change my password')
    expect(typo).toBeGreaterThan(unrelated + 0.15)
    expect(stemWord('delayed', [...'delayed'].map((c) => c.codePointAt(0)!))).toBe('delay')
    expect(stemWord('cancelled', [...'cancelled'].map((c) => c.codePointAt(0)!))).toBe('cancel')
    expect(stemWord('charging', [...'charging'].map((c) => c.codePointAt(0)!))).toBe(stemWord('charges', [...'charges'].map((c) => c.codePointAt(0)!)))
  })

  it('lets content words, not function words, decide similarity', async () => {
    const [sameTopic, sameFunctionWords] = await similarities(
      'the refund is still missing',
      'refund missing',
      'the weather is still nice',
    )
    expect(sameTopic).toBeGreaterThan(sameFunctionWords)
  })

  it('stops before work when the signal is already aborted', async () => {
    await expect(embedder.embed(['x'], { signal: AbortSignal.abort() })).rejects.toThrow()
  })
})

describe('createEmbedder spec handling', () => {
  const modelsDir = mkdtempSync(join(tmpdir(), 'parley-models-'))

  it('builds the builtin embedder for "builtin"', async () => {
    const { embedder: e, reason } = await createEmbedder({ spec: 'builtin', modelsDir })
    expect(e.id).toBe(BUILTIN_ID)
    expect(reason).toMatch(/builtin/)
  })

  it('falls back to builtin for "auto" when no model folder is baked, and says why', async () => {
    const { embedder: e, reason } = await createEmbedder({ spec: 'auto', modelsDir })
    expect(e.id).toBe(BUILTIN_ID)
    expect(reason).toContain(join(modelsDir, 'embedder'))
    expect(reason).toMatch(/no model folder/)
  })

  it('falls back to builtin for "auto" when the baked folder is broken', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'parley-models-'))
    mkdirSync(join(broken, 'embedder', 'onnx'), { recursive: true })
    writeFileSync(join(broken, 'embedder', 'tokenizer.json'), '{ not json')
    const { embedder: e, reason } = await createEmbedder({ spec: 'auto', modelsDir: broken })
    expect(e.id).toBe(BUILTIN_ID)
    expect(reason).toMatch(/failed to load/)
  })

  it('rejects unknown specs with the valid forms', async () => {
    await expect(createEmbedder({ spec: 'word2vec', modelsDir })).rejects.toThrow(/valid forms: auto \| builtin \| transformers:.* \| openai:/)
    await expect(createEmbedder({ spec: 'openai:', modelsDir })).rejects.toThrow(/valid forms/)
  })

  it('refuses openai without a key or a base URL', async () => {
    await expect(createEmbedder({ spec: 'openai:text-embedding-3-small', modelsDir })).rejects.toThrow(/EMBEDDINGS_API_KEY/)
  })
})
