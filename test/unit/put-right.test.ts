import { describe, expect, it } from 'vitest'
import { afterPutRight } from '../../src/chains/classify/put-right.ts'
import { classifyInLanguages as classify } from '../helpers/classify.ts'

describe('a problem told as put right', () => {
  it('is thanks for the fix, not the problem, in each supported language', async () => {
    const read = await classify([
      ['en', 'Hey, had a problem with my bill and it was fixed in one message. Never thought I would say this about an internet company 😅 Cheers!'],
      ['en', 'The router kept dropping all weekend, rang you this morning and it was sorted straight away. Great service.'],
      ['fr', "Ma box coupait tous les soirs depuis une semaine. J'ai appelé et le conseiller a tout réglé à distance, merci beaucoup !"],
      ['de', 'Mein Konto war seit Freitag gesperrt, ich kam nicht mehr rein. Eure Kollegin im Chat hat es in zehn Minuten entsperrt, vielen Dank!'],
      ['es', 'Me cobraron dos veces la factura de marzo. Escribí por aquí y me lo solucionaron en un día, ¡muchas gracias!'],
      ['pt', 'O comando deixou de funcionar na semana passada. Liguei e trocaram-no logo no dia seguinte, obrigado pela rapidez!'],
      ['it', "Il modem si spegneva da solo da giorni. Ho scritto in chat e l'hanno sostituito in due giorni, grazie mille!"],
    ])
    expect(read.map((c) => c.intent?.label)).toEqual(Array(7).fill('praise'))
    expect(read.map((c) => c.sentiment.label)).toEqual(Array(7).fill('positive'))
  })

  it('is not a fix that did not hold, was only said to be done, or is wished for', async () => {
    const read = await classify([
      ['fr', "Salut, vous m'avez prélevé deux fois 44,99 € ce mois-ci. Je veux être remboursé. Merci."],
      ['de', 'Ihr habt doppelt abgebucht, das soll bitte erstattet werden. Danke.'],
      ['en', 'You charged me twice, I would like to be refunded please. Thanks'],
      ['en', 'Fixed on Monday, down again today. Same thing, no internet at all since 7am.'],
      ['en', 'You told me on the phone the login loop was sorted. I still get sent back to the sign-in page.'],
      ['fr', "On m'a dit lundi que c'était réglé. Ce soir la box coupe encore toutes les dix minutes."],
      ['de', 'Am Montag hieß es, die Störung sei behoben. Heute wieder kein Internet, der Router blinkt rot.'],
      ['es', 'Me dijeron que ya estaba solucionado lo de la factura y me han vuelto a cobrar dos veces.'],
      ['pt', 'Disseram-me que o problema estava resolvido, mas a internet continua a cair à noite.'],
      ['it', 'Mi avevate detto che era tutto risolto, invece internet è di nuovo giù da stamattina.'],
    ])
    expect(read.map((c) => c.intent?.label)).not.toContain('praise')
    expect(read.map((c) => c.sentiment.label)).not.toContain('positive')
  })

  it('is a new request when the customer asks for something after the fix, and no problem is read into it', async () => {
    const read = await classify([
      ['en', 'Got locked out of my account last month and your chat sorted it. Now I want to move up to the 500 Mb plan, how much would that be a month?'],
      ['es', 'Hace un par de semanas me hackearon la cuenta y ya me la recuperaron. Ahora quiero subir al plan de 500 megas, ¿cuánto cuesta al mes?'],
      ['en', 'Hello, after the double charge in August was refunded (thanks for that), can I switch to paying by card instead of direct debit?'],
    ])
    expect(read.map((c) => c.intent?.label)).toEqual(['pricing', 'pricing', 'billing'])
    expect(read.map((c) => c.sentiment.label)).not.toContain('negative')
  })

  it('finds the words from which the message tells of the fix', () => {
    expect(afterPutRight('The router kept dropping, rang you and it was sorted straight away. Great service.', 'en'))
      .toEqual({ told: 'sorted straight away. Great service.', thanks: true })
    // Asked for something new, the customer came for that, not for the fix's clause nor the thanks for it.
    expect(afterPutRight('My bill was wrong in May and you refunded it, thanks. Can I pay by card from now on?', 'en'))
      .toEqual({ told: 'Can I pay by card from now on?', thanks: false })
    expect(afterPutRight('Hello, after the double charge in August was refunded (thanks for that), can I switch to paying by card?', 'en'))
      .toEqual({ told: 'can I switch to paying by card?', thanks: false })
  })

  it('leaves whole a message with no past problem, a fix asked about, a status in quotes, and a fix of nothing', () => {
    expect(afterPutRight('Thanks for sorting my bill so quickly!', 'en')).toBeUndefined()
    expect(afterPutRight('Great job by your engineer, he fixed the socket in minutes. Cheers!', 'en')).toBeUndefined()
    expect(afterPutRight('My flight was cancelled. Any way I can get this sorted today? Thanks', 'en')).toBeUndefined()
    expect(afterPutRight("Three weeks waiting and you closed my ticket as 'resolved' without calling. Thanks for nothing 👏", 'en')).toBeUndefined()
    expect(afterPutRight('Me transfirieron seis veces y nadie solucionó nada 👏👏', 'es')).toBeUndefined()
    expect(afterPutRight('Fixed on Monday, down again today 👍', 'en')).toBeUndefined()
    // A language with no words for it is read whole.
    expect(afterPutRight('고쳐 주셔서 감사합니다', 'ko')).toBeUndefined()
  })
})
