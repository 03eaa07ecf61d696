import { describe, expect, it } from 'vitest'
import { handsOverOnly, messageCore, withoutSignature } from '../../src/text/envelope.ts'

describe('withoutSignature', () => {
  it('drops a closer and the name under it, in several languages', () => {
    expect(withoutSignature('Your refund is on its way.\n\nKind regards\nTariq')).toBe('Your refund is on its way.')
    expect(withoutSignature('Die Rechnung ist korrigiert.\n\nViele Grüße\nFelix')).toBe('Die Rechnung ist korrigiert.')
    // An e-mail signature block: the closer, a name, a team.
    expect(withoutSignature("I've refunded it today.\n\nKind regards,\nChris Tan\nBrightwave Customer Care")).toBe("I've refunded it today.")
  })

  it('drops the closers letters end with in each supported language, with the wish or the thanks after them', () => {
    const closers = ["Thank you in advance,\nPriya", "Merci d'avance et bonne journée,\nMarie", 'Avec mes meilleures salutations,\nLuca', 'Vielen Dank und viele Grüße\nJonas',
      'Freundliche Grüsse\nUrs', 'Quedo atento a su respuesta, gracias.\nDiego', 'Muchas gracias de antemano,\nJavier', 'Com os melhores cumprimentos,\nAna', 'Obrigado desde já,\nRicardo',
      'Distinti saluti,\nRossella', 'Grazie mille e buona giornata,\nLuca']
    for (const closer of closers) expect(withoutSignature(`The remote does not work.\n\n${closer}`), closer).toBe('The remote does not work.')
    // A line that only starts like a closer is the message.
    expect(withoutSignature('The remote does not work.\n\nThanks for nothing\nMarie')).toContain('Thanks for nothing')
  })

  it('keeps short lines that follow no closer, and a message of one line', () => {
    expect(withoutSignature('Your new router ships today.\nTracking\nRoyal Mail 123')).toBe('Your new router ships today.\nTracking\nRoyal Mail 123')
    expect(withoutSignature('Thanks Sam')).toBe('Thanks Sam')
  })
})

describe('messageCore', () => {
  const email =
    "To whom it may concern,\n\nno wifi, no TV, no updates from you. Headingley. great\n\nMy account email is aisha.harlow@mail.example and the order number is BW-1430992, in case you need them.\n\nKind regards\nAisha"

  it('keeps what the message says and drops its salutation, signature and labelled identifiers', () => {
    const core = messageCore(email)
    expect(core).toContain('no wifi, no TV, no updates from you. Headingley. great')
    expect(core).not.toMatch(/concern|account|email|order number|BW-1430992|regards|Aisha/i)
  })

  it('drops a greeting line that ends in a colon, a stop or nothing, as letters open in Spanish, Portuguese and German', () => {
    for (const greeting of ['Estimados señores:', 'Hola, buenas tardes:', 'Olá, boa tarde.', 'Exmos. Senhores,', 'Guten Tag', 'Grüezi miteinander', 'Sehr geehrte Damen und Herren,']) {
      expect(messageCore(`${greeting}\n\nEl router no enciende desde ayer y ya probé otro enchufe.`).trim(), greeting).toBe('El router no enciende desde ayer y ya probé otro enchufe.')
    }
    // A first line that announces what follows is the message.
    expect(messageCore('Three problems with my order:\nthe box was crushed and the cable is missing')).toContain('Three problems')
  })

  it('drops sentences that hand identifiers over, in other languages', () => {
    expect(messageCore('Das WLAN bricht jeden Abend ab, seit drei Tagen.\nMeine Konto-E-Mail ist nils@mail.example')).not.toMatch(/Konto|nils/)
    expect(messageCore('Me cobraron dos veces este mes, no lo entiendo. El número de pedido es BW-9606508.')).not.toMatch(/pedido|9606508/)
    expect(messageCore('Colis jamais reçu, et personne ne me répond. Numéro de commande : BW-1234567')).not.toMatch(/commande|1234567/)
  })

  it('keeps identifiers a sentence says something with, and those that are all the message says', () => {
    const bag = 'Hi there bag ID is UA6016053916 can you update me and explain why it happened when I arrived 4 hours before the flight!'
    expect(messageCore(bag)).toBe(bag)
    expect(messageCore('Sure. My order number is BW-6333896.')).toBe('Sure. My order number is BW-6333896.')
    expect(messageCore('My order BW-1234567 never arrived')).toBe('My order BW-1234567 never arrived')
  })

  it('reads e-mails with Windows line ends alike', () => {
    expect(messageCore(email.replaceAll('\n', '\r\n'))).not.toMatch(/concern|account|BW-1430992|regards|Aisha/i)
  })

  it('keeps a last line that follows no closer, and a first line that is not a salutation', () => {
    const exclaimed = 'Huge amount of incoming planes to SFO delayed over 1-2 hours.\nFrustrating!'
    expect(messageCore(exclaimed)).toBe(exclaimed)
    expect(messageCore('No internet since 6am.\nStill nothing.')).toBe('No internet since 6am.\nStill nothing.')
    expect(messageCore('better travel photos:\nmy e-book of easy tips')).toBe('better travel photos:\nmy e-book of easy tips')
  })
})

describe('handsOverOnly', () => {
  it('is a message of identifiers and a few words, without a question', () => {
    for (const text of ["order number is BW-7352969, I've DMed you", 'Its BW-6817795\n\nOwen', 'My account email is jo@example.com', 'Ref 55120934']) expect(handsOverOnly(text), text).toBe(true)
    for (const text of ['BW-1029232. Can I just cancel?', 'BW-1029232. I need it before the weekend', 'The router BW-12345 keeps dropping every evening since Monday', 'Thanks']) {
      expect(handsOverOnly(text), text).toBe(false)
    }
  })
})
