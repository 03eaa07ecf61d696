import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/chains/classify/language.ts'

describe('detectLanguage', () => {
  it.each([
    ['en', 'The delivery arrived two days late and nobody answered my emails.'],
    ['fr', "Je n'ai toujours pas reçu ma commande, c'est vraiment pénible."],
    ['es', 'No me gusta nada este servicio, llevo una semana esperando.'],
    ['de', 'Das Paket ist leider immer noch nicht angekommen.'],
    ['pt', 'Meu pedido ainda não chegou e ninguém me responde.'],
    ['it', 'Il mio ordine non è ancora arrivato, sono molto deluso.'],
    ['nl', 'Mijn bestelling is nog steeds niet aangekomen.'],
    ['ko', '배송이 너무 늦어요 ㅠㅠ 언제 도착하나요?'],
    ['th', 'ส่งของช้ามาก รอมาเป็นอาทิตย์แล้ว'],
    ['ja', '注文した商品がまだ届いていません。'],
    ['ar', 'لم يصل طلبي حتى الآن، الخدمة سيئة جدا'],
    ['ru', 'Мой заказ до сих пор не пришёл.'],
  ])('detects %s', (language, text) => {
    const detected = detectLanguage(text)
    expect(detected.language).toBe(language)
    expect(detected.confidence).toBeGreaterThan(0.3)
  })

  it('reads text in Han characters alone as Chinese: Japanese writes kana between its kanji', () => {
    // The library guess was Japanese at 0.94 for both.
    expect(detectLanguage('亲爱的张小姐，感谢您的反馈！请先重启应用再试一次。').language).toBe('zh')
    expect(detectLanguage('感谢您的反馈！请先重启应用再试一次。').language).toBe('zh')
    expect(detectLanguage('田中様、お問い合わせありがとうございます。').language).toBe('ja')
  })

  it('ignores handles, links and hashtags marks', () => {
    expect(detectLanguage('@acme_support https://t.co/xyz #fail el pedido nunca llegó').language).toBe('es')
  })

  it("answers 'und' with low confidence when there is nothing to go on", () => {
    for (const text of ['', '👍👍', '12345 !!!', '@someone http://x.y']) {
      expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 })
    }
  })
})
