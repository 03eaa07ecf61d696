import { describe, expect, it } from 'vitest'
import { withoutFillers } from '../../src/text/fillers.ts'

describe('withoutFillers', () => {
  it('drops the hesitations and filler tags of a voice note, in each supported language', () => {
    expect(withoutFillers('hi so um i ordered the new phone and uh the tracking said, you know, it was delivered', 'en')).toBe('hi so i ordered the new phone and the tracking said, it was delivered')
    expect(withoutFillers('euh bon la box elle marche pas tsé', 'fr')).toBe('bon la box elle marche pas')
    expect(withoutFillers('ähm das internet ist weg weißt du', 'de')).toBe('das internet ist weg')
    expect(withoutFillers('eh o sea el wifi se corta', 'es')).toBe('el wifi se corta')
    expect(withoutFillers('é... a internet cai toda hora né', 'pt')).toBe('a internet cai toda hora')
    expect(withoutFillers('cioè ehm il modem non si accende', 'it')).toBe('il modem non si accende')
  })

  it('keeps the words that look like fillers', () => {
    // A question, not a tag.
    expect(withoutFillers('do you know if the shop is open on Sunday?', 'en')).toBe('do you know if the shop is open on Sunday?')
    expect(withoutFillers('weißt du ob ihr eine Störung habt?', 'de')).toBe('weißt du ob ihr eine Störung habt?')
    // "um" is a word in German and Portuguese, "né" a word in Italian, "hum" a sound in English.
    expect(withoutFillers('Wir ziehen nächsten Monat um, um 10 Uhr', 'de')).toBe('Wir ziehen nächsten Monat um, um 10 Uhr')
    expect(withoutFillers('tenho um problema com a fatura', 'pt')).toBe('tenho um problema com a fatura')
    expect(withoutFillers('non funziona né il wifi né la tv', 'it')).toBe('non funziona né il wifi né la tv')
    expect(withoutFillers('the router makes a loud hum', 'en')).toBe('the router makes a loud hum')
    expect(withoutFillers('Umbrella and umami are words', 'en')).toBe('Umbrella and umami are words')
  })
})
