// Drafts that tell the customer to take a step they say they already took.
import { describe, expect, it } from 'vitest'
import { localDrafts } from '../../src/chains/replies/local.ts'
import { REPEATABLE_STEPS, repeatedSteps, stepsTaken, stepsTakenIn, withoutRepeatedSteps } from '../../src/chains/replies/steps-taken.ts'
import { EMPTY_VOICE, type ReplyCandidate, type ReplyRequest } from '../../src/chains/replies/types.ts'

const ALL = new Set(REPEATABLE_STEPS)

describe('steps the customer says they took', () => {
  it.each([
    ['hey my router keeps dropping wifi every evening, already restarted it twice', ['restart']],
    ['app keeps crashing when I open my bill. already reinstalled it and cleared the cache, no luck', ['reinstall', 'clear cache']],
    ["can't log in, I reset my password twice and it still says wrong password", ['reset password']],
    ["My hub light is flashing red. I've tried turning it off and on again, still red.", ['restart']],
    ['Tried turning phone off and on n nothing', ['restart']],
    ['doesn’t work and i even tried deleting the app', ['reinstall']],
    ['I tried to log out and back in, nothing', ['sign out and in']],
    ['Tried resetting my settings .. restarting my phone .. all that', ['restart']],
    ["I've tried clearing the cache, reinstalling and restarting", ['restart', 'reinstall', 'clear cache']],
  ])('%s', (text, steps) => {
    expect([...stepsTaken(text)]).toEqual(steps)
  })

  it.each([
    'my router keeps restarting every hour',
    "I haven't restarted it yet",
    'the hub restarted itself at 3am',
    'Should I restart it?',
    'How do I reset my password?',
    'Can I reinstall the app without losing data?',
    'I will restart it later',
  ])('not taken: %s', (text) => {
    expect([...stepsTaken(text)]).toEqual([])
  })

  it('reads "already did that" as the step the agent had just told ("Already did that three times" after "Could you restart the router")', () => {
    const agent = { role: 'agent', text: 'Sorry to hear that! Could you restart the router and let us know if it keeps happening?' }
    const first = { role: 'customer', text: 'Hi, my internet has been dropping every evening for a week' }
    for (const reply of ['Already did that three times. Still dropping.', 'Did that, no change', 'Ya lo hice, sigue igual', 'Déjà fait, ça ne change rien']) {
      expect([...stepsTakenIn([first, agent, { role: 'customer', text: reply }])], reply).toEqual(['restart'])
    }
    // Not without an agent telling the step, nor when the customer has not done it.
    expect([...stepsTakenIn([first, { role: 'customer', text: 'Already did that three times.' }])]).toEqual([])
    expect([...stepsTakenIn([first, agent, { role: 'customer', text: "I haven't yet, will try tonight" }])]).toEqual([])
    expect([...stepsTakenIn([first, agent, { role: 'customer', text: 'How did that happen?' }])]).toEqual([])
  })
})

describe('a draft that tells a step again', () => {
  it.each([
    ['First step: restart the router (unplugged for 30 secs) and check the light turns solid white.', ['restart']],
    ['Could you unplug the router for 30 seconds, plug it back in?', ['restart']],
    ['Have you tried restarting your device?', ['restart']],
    ['Please uninstall and reinstall the app, then sign in with email and password.', ['reinstall']],
    ["We know about this crash. Clearing the app's cache and logging in with email gets around it.", ['clear cache']],
    ['You can reset your password at brightwave.example/reset.', ['reset password']],
    ["We'll restart your line from here.", []],
    ['No need to restart anything, the fix is automatic.', []],
    ['Reset links last 30 minutes and only the newest one works.', []],
  ])('%s', (text, steps) => {
    expect(repeatedSteps(text, ALL)).toEqual(steps)
  })

  it('only a step the customer took counts', () => {
    expect(repeatedSteps('Please restart the router and clear the cache.', new Set(['clear cache'] as const))).toEqual(['clear cache'])
    expect(repeatedSteps('Please restart the router.', new Set())).toEqual([])
  })

  it('an article’s sentence telling the step is left out, unless it is all the passage says', () => {
    const article = 'Unplug the Brightwave Hub at the wall, wait 30 seconds and plug it back in. A red light means there is no signal on the line.'
    expect(withoutRepeatedSteps(article, new Set(['restart']))).toBe('A red light means there is no signal on the line.')
    expect(withoutRepeatedSteps('Unplug the Hub for 30 seconds.', new Set(['restart']))).toBe('Unplug the Hub for 30 seconds.')
    expect(withoutRepeatedSteps(article, new Set(['reinstall']))).toBe(article)
  })
})

describe('the local path (demo: "already restarted it twice" got "restart the router" first, unflagged)', () => {
  const req: ReplyRequest = {
    workspaceId: 'w', conversationId: 'c', channel: 'chat', mode: 'private', tone: 'friendly', n: 3, maxChars: 2000,
    customer: { handle: null, name: null }, voice: EMPTY_VOICE,
    turns: [{ messageId: 'm1', role: 'customer', text: 'my wifi keeps dropping every evening, already restarted the router twice', language: 'en', needsReply: true, urgency: 'normal', reasons: [] }],
  }
  const past = (id: string, text: string, similarity: number): ReplyCandidate => ({
    id, kind: 'agent_message', conversationId: `past-${id}`, customerMessageId: `cm-${id}`, customerText: 'wifi keeps dropping', similarity, contextSimilarity: null, text, language: 'en', pastCustomer: { handle: null, name: null },
  })

  it('ranks a reply that moves on above one that repeats the step, and flags the one that repeats it', () => {
    const { drafts } = localDrafts(req, {
      query: req.turns[0].text, language: 'en', knowledge: [],
      candidates: [
        past('restart', 'Sorry about that! Please restart the router and wait for a solid white light.', 0.6),
        past('test', 'Sorry about that! Send us your account email and we will run a line test tonight.', 0.55),
      ],
    })
    expect(drafts[0].text).toContain('line test')
    expect(drafts[0].repeats).toEqual([])
    expect(drafts[1].text).toContain('restart the router')
    expect(drafts[1].repeats).toEqual(['restart'])
    expect(drafts[1].confidence).toBeLessThan(drafts[0].confidence)
  })

  it('leaves the step out of an article’s answer', () => {
    const article = { chunkId: 'k', articleId: 'a', title: 'Hub lights', language: 'en', score: 0.45, text: 'If your wifi keeps dropping, restart the router: unplug it for 30 seconds. If it still drops every evening, it is often interference from other networks; move the router away from the TV.' }
    const { drafts } = localDrafts(req, { query: req.turns[0].text, language: 'en', knowledge: [article], candidates: [] })
    const fromArticle = drafts.find((d) => d.sources[0]?.type === 'knowledge')!
    expect(fromArticle.text).toContain('interference')
    expect(fromArticle.text).not.toMatch(/unplug|restart/i)
    expect(fromArticle.repeats).toEqual([])
  })
})

describe('in Spanish, French, German, Portuguese and Italian (demo: "ya reinicié el router" got "¿Puedes desenchufar el router…?")', () => {
  it.each([
    ['Hola, no tengo internet desde ayer, ya reinicié el router', ['restart']],
    ["Bonjour, j'ai déjà redémarré la box deux fois", ['restart']],
    ['Ich habe den Router schon zweimal neu gestartet', ['restart']],
    ['Já reiniciei o router e continua sem internet', ['restart']],
    ["Ho già riavviato il modem ma non va", ['restart']],
    ["He reinstalado la app y borré la caché", ['reinstall', 'clear cache']],
    // Tried: "J'ai déjà essayé de la débrancher" got "Pouvez-vous débrancher le modem 30 secondes" unflagged.
    ["Ma box redémarre toute seule depuis hier. J'ai déjà essayé de la débrancher.", ['restart']],
    ['Ya intenté reiniciar el router', ['restart']],
    ['Ich habe schon versucht, den Router neu zu starten', ['restart']],
    ['Já tentei reiniciar o router', ['restart']],
    ['Ho già provato a riavviare il modem', ['restart']],
    // With the object on the infinitive: "Ho già provato a riavviarlo" got "Puoi staccare il router per 30 secondi" unflagged.
    ['Il router si spegne da solo ogni sera. Ho già provato a riavviarlo.', ['restart']],
    ['Ya he intentado reiniciarlo dos veces', ['restart']],
    ['Já tentei reiniciá-lo', ['restart']],
    ['Ich habe nicht versucht, den Router neu zu starten', []],
    // As a note, without "habe": "Router schon neu gestartet." got "Zieh bitte den Stecker vom Router" unflagged.
    ['Seit drei Tagen bricht die Verbindung jeden Abend ab. Router schon neu gestartet.', ['restart']],
    ['Connexion coupée tous les soirs, box déjà redémarrée.', ['restart']],
    ['Sin internet desde ayer, router ya reiniciado.', ['restart']],
    ['Modem già riavviato, niente da fare.', ['restart']],
    ['Ich habe den Router nicht neu gestartet', []],
    ['Der Router wurde noch nicht neu gestartet', []],
    ['No reinicié el router todavía', []],
    ['¿Tengo que reiniciar el router?', []],
  ])('%s', (text, steps) => {
    expect([...stepsTaken(text)]).toEqual(steps)
  })

  it.each([
    ['¿Puedes desenchufar el router 30 segundos y volver a enchufarlo?', ['restart']],
    ['Redémarrez la box et attendez la lumière blanche.', ['restart']],
    ['Bitte starten Sie den Router neu.', ['restart']],
    ['Zieh bitte den Stecker vom Router für 30 Sekunden.', ['restart']],
    ['Reinicie o router, por favor.', ['restart']],
    ['Riavvia il modem e attendi due minuti.', ['restart']],
    // Off, a wait, and on again: offered unflagged (0.40) to "Já reiniciei o router".
    ['Lamentamos! Pode desligar o router Brightwave durante 30 segundos, voltar a ligar e esperar que a luz fique branca fixa?', ['restart']],
    ['Puoi spegnere il modem per 30 secondi e poi riaccenderlo?', ['restart']],
    // The du-form: "Habe sie schon neu installiert" got "Leere den App-Cache (oder installiere neu)", unflagged.
    ['Leere den App-Cache (oder installiere neu) und melde dich mit E-Mail an.', ['reinstall', 'clear cache']],
    ['Installier die App bitte neu.', ['reinstall']],
    ['No hace falta reiniciar nada, ya está solucionado.', []],
    ['Reiniciaremos tu línea desde aquí.', []],
  ])('%s', (text, steps) => {
    expect(repeatedSteps(text, ALL)).toEqual(steps)
  })
})
