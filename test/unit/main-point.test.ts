import { describe, expect, it } from 'vitest'
import type { Classification } from '../../src/chains/classify/types.ts'
import { classifyInLanguages as classify } from '../helpers/classify.ts'

const labels = (read: Classification[]) => read.map((c) => [c.intent?.label, c.sentiment.label])

describe('the main point of a message that praises first', () => {
  it('is the problem after the praise, in each supported language', async () => {
    const read = await classify([
      ['en', "The engineer on Monday was lovely, thanks. But my bill has a £45 installation fee I was told I wouldn't pay."],
      ['fr', "Merci au technicien venu lundi, très sympa. Par contre la facture contient 45 € de frais d'installation alors qu'on m'avait dit que c'était gratuit."],
      ['de', 'Danke an den Techniker vom Montag, sehr nett. Aber auf der Rechnung stehen 45 € Installationsgebühr, obwohl es kostenlos sein sollte.'],
      ['es', 'Gracias al técnico del lunes, muy amable. Pero en la factura me cobraron 45 € de instalación y me dijeron que era gratis.'],
      ['pt', 'Obrigado ao técnico de segunda, muito simpático. Mas na fatura cobraram 45 € de instalação e disseram-me que era grátis.'],
      ['it', "Grazie al tecnico di lunedì, gentilissimo. Però in bolletta ci sono 45 € di installazione e mi avevano detto che era gratis."],
    ])
    expect(read.map((c) => c.intent?.label)).toEqual(Array(6).fill('billing'))
    // Not pleased: negative, or uncertain where the model cannot tell from the problem alone.
    expect(read.map((c) => c.sentiment.label).filter((s) => s !== 'negative' && s !== 'uncertain')).toEqual([])
    expect(read.map((c) => c.sentiment.label)).toContain('negative')
  })

  it('is found after an emoji or a stop before a small letter', async () => {
    const read = await classify([
      ['en', 'Love the new app design 👍 the replacement earbuds you sent are dead too, the left one will not charge'],
      ['it', "Grazie al tecnico della settimana scorsa, bravissimo. in bolletta c'è una voce di 4,99 € che non ho mai attivato"],
    ])
    expect(read.map((c) => c.intent?.label)).toEqual(['product_fault', 'billing'])
    expect(read.map((c) => c.sentiment.label)).not.toContain('positive')
  })

  it('leaves praise throughout, and praise after a complaint, as praise', async () => {
    const read = await classify([
      ['en', 'Thank you so much for the quick install. Everything works perfectly, great job!'],
      ['en', 'The queue on Saturday was a bit long, but I mainly want to thank Karim, who spent an hour finding me the right laptop. Thank you!'],
    ])
    expect(labels(read)).toEqual([['praise', 'positive'], ['praise', 'positive']])
  })

  it('leaves praise in words the cues do not know as praise, when the model finds some praise in each part', async () => {
    const read = await classify([
      ['fr', "J'adore la nouvelle offre de chaînes, bravo ! Vous êtes géniaux, le technicien d'hier a été trop serviable."],
      ['en', 'Big thanks to the engineer who came out today. Wifi is faster than ever. 😊'],
      // A part that says something is wrong is no praise: the e-mail handed over is not what the customer came for.
      ['en', 'Tried everything, same problem. My email is sophie256@example.net'],
    ])
    expect(read.map((c) => c.intent?.label)).toEqual(['praise', 'praise', expect.not.stringMatching(/^(praise|account_login|connectivity)$/)])
  })

  it('is a calm question after praise, with no problem read into it', async () => {
    const [asked] = await classify([['en', 'The installation went perfectly, thank you! One question: can I split the 5 GHz and 2.4 GHz networks on the router?']])
    expect(asked!.intent?.label).not.toBe('praise')
    expect(['positive', 'neutral']).toContain(asked!.sentiment.label)
  })
})

describe('labels read what a customer says, not how it is sent', () => {
  const wrongItem = 'I received my order today but the box had wired earbuds instead of the monitor I ordered.'

  it('are read alike, to the probability, in a letter\'s greeting and closing', async () => {
    const [plain, letter, carta] = await classify([
      ['en', wrongItem], ['en', `Dear Customer Care,\n\n${wrongItem}\n\nKind regards,\nDerek`],
      ['es', 'Estimados señores:\n\nMe cobraron dos veces la cuota de marzo.\n\nQuedo atento a su respuesta, gracias.\nDiego'],
    ])
    expect(letter!.sentiment).toEqual(plain!.sentiment)
    expect(letter!.intent).toEqual(plain!.intent)
    const [sinCarta] = await classify([['es', 'Me cobraron dos veces la cuota de marzo.']])
    expect(carta!.sentiment).toEqual(sinCarta!.sentiment)
  })

  it('are read alike, to the probability, without a voice note\'s hesitations', async () => {
    const read = await classify([
      ['en', 'the app keeps crashing when i open it since the update'], ['en', 'um the app uh keeps crashing um when i open it since the update'],
      ['fr', 'ma box redémarre toute seule toutes les nuits'], ['fr', 'euh ma box euh redémarre toute seule tsé toutes les nuits'],
    ])
    expect(read[1]!.sentiment).toEqual(read[0]!.sentiment)
    expect(read[3]!.sentiment).toEqual(read[2]!.sentiment)
  })

  it('take a request asked without a question mark as a request', async () => {
    const [spoken] = await classify([['en', 'hi so can i move my installation from thursday to saturday cos im working that day']])
    expect(spoken!.sentiment.label).toBe('neutral')
  })
})
