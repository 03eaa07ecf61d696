// "Still open" in a summary: right when the customer's last message is unanswered, empty when they
// only closed the conversation, the agent's pending request when the agent spoke last.
import { describe, expect, it } from 'vitest'
import { reportedSpeech, summarizeDialog } from '../../src/chains/summarize/local.ts'

const c = (text: string) => ({ speaker: 'customer', text })
const a = (text: string) => ({ speaker: 'agent', text })

describe('still open', () => {
  it('keeps the problem open when the customer last gave only the order number asked for', () => {
    const s = summarizeDialog([
      c('Buenas, el pedido BW-5242823 tenía que llegar ayer. Nada. Qué desastre.'),
      a('¡Hola Marta! ¿Nos pasas el número de pedido para revisarlo con la empresa de transporte?'),
      c('BW-5242823'),
    ])
    expect(s.open).toContain('tenía que llegar ayer')
  })

  it('is the customer\'s question when they last gave only the detail asked for ("Hallo, ich bin drei Monate im Ausland." was left open)', () => {
    const s = summarizeDialog([
      c('Hallo, ich bin drei Monate im Ausland. Kann ich meinen Vertrag pausieren, statt zu kündigen?'),
      a('Hallo! Das prüfen wir gern. Schickst du uns die E-Mail deines Kontos?'),
      c('klar, das ist anna.k@example.de'),
    ])
    expect(s.open).toBe('Kann ich meinen Vertrag pausieren, statt zu kündigen?')
  })

  it('is the customer’s last unanswered words', () => {
    const s = summarizeDialog([
      c("Hi, my Brightbox hasn't arrived and the tracking link says the parcel can't be found."),
      a("Send us the order number and your postcode and we'll chase the courier for you."),
      c('BW-1029232. I need it before the weekend'),
    ])
    expect(s.open).toBe('I need it before the weekend')
  })

  it('is empty when the customer only thanks after the answer', () => {
    const s = summarizeDialog([
      c('Ordered the Brightbox for the weekend and it is still not here'),
      a("It's with the courier and due Wednesday, we'll send a replacement if not."),
      c('Thanks!'),
    ])
    expect(s.open).toBeNull()
  })

  it('reads what the customer last said in the other languages: a problem that remains, or a thanks that closes', () => {
    const opening = c('Bonjour, ma box ne capte plus le wifi dans la chambre depuis la mise à jour')
    const asked = a('Bonjour ! Désolés. Pouvez-vous redémarrer la box et nous dire si le voyant est blanc fixe ?')
    // Was the opening message: the restart did not help, which is what waits now.
    expect(summarizeDialog([opening, asked, c('Le voyant est blanc fixe mais toujours pas de wifi dans la chambre')]).open)
      .toBe('Le voyant est blanc fixe mais toujours pas de wifi dans la chambre')
    // Was the opening message too: nothing waits.
    expect(summarizeDialog([opening, asked, c('Merci, tout fonctionne à nouveau')]).open).toBeNull()
    expect(summarizeDialog([opening, asked, c('Danke, das WLAN funktioniert wieder')]).open).toBeNull()
  })

  it('is the agent’s request when the agent spoke last and asked something', () => {
    const s = summarizeDialog([c('My app crashes at login every time.'), a('Sorry about that. Could you tell us which version you are on?')])
    expect(s.open).toBe('Could you tell us which version you are on?')
  })
})

describe('reported speech', () => {
  it('turns first and second person into third, in English only', () => {
    expect(reportedSpeech("I can't log into my account", 'customer')).toBe("They can't log into the account")
    expect(reportedSpeech('Hi there! Could you DM us your email?', 'agent')).toBe('Asks the customer to DM the email.')
    expect(reportedSpeech('Je ne peux pas me connecter', 'customer')).toBe('Je ne peux pas me connecter')
    expect(reportedSpeech('I have a cough, do you have one?', '#Person2#', '#Person1#')).toBe('#Person2# has a cough, do #Person1# have one?')
  })
})
