// Reply retrieval draws on OTHER conversations: the agent's own earlier answer in this conversation
// is context, not a precedent, and quoting it back would repeat what the customer already read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conversation, createTestServices, createWorkspace } from '../helpers/services.ts'

let t: Awaited<ReturnType<typeof createTestServices>>
beforeAll(async () => {
  t = await createTestServices()
})
afterAll(async () => t?.close())

type Ws = Awaited<ReturnType<typeof createWorkspace>>

interface Suggestion { text: string; sources: Array<{ type: string; id: string; conversationId: string; messageId?: string }> }

describe('reply retrieval', () => {
  it('never takes a precedent from the conversation being answered', async () => {
    const ws = await createWorkspace(t.services)
    const [past] = await t.ingest(ws, [
      conversation('p-other', [
        ['customer', 'my internet is down since this morning, no connection at all'],
        ['agent', 'Sorry about that! Please send us a DM with your account email so we can check the line.'],
      ]),
    ])
    // The conversation's first customer message is the nearest neighbour of its last one, and the
    // agent answered it: only the exclusion of this conversation keeps that answer out.
    const ownAnswer = 'Please unplug the zebra modem and wait for the violet lamp.'
    const [target] = await t.ingest(ws, [
      conversation('p-self', [
        ['customer', 'my internet is down since this morning, no connection'],
        ['agent', ownAnswer],
        ['customer', 'my internet is still down since this morning, no connection at all'],
      ]),
    ])

    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: {} })
    expect(res.statusCode, res.body).toBe(200)
    const suggestions = res.json().suggestions as Suggestion[]
    expect(suggestions.length).toBeGreaterThan(0)
    const sources = suggestions.flatMap((s) => s.sources)
    // The other conversation is found, so retrieval ran and an empty source list proves nothing.
    expect(sources.map((s) => s.conversationId)).toContain(past.id)
    for (const source of sources) expect(source.conversationId, 'a source from the conversation being answered').not.toBe(target.id)
    for (const s of suggestions) expect(s.text).not.toMatch(/zebra modem|violet lamp/)
  })

  it('finds the past case at the same stage when the follow-up shares few words with its customer (an e-mail address)', async () => {
    const ws = await createWorkspace(t.services)
    const [refunded] = await t.ingest(ws, [
      conversation('es-twice', [
        ['customer', 'Hola, me aparece el pedido BW-1234567 cobrado dos veces.'],
        ['agent', '¡Lo sentimos! No compartas datos de tarjeta por aquí. ¿Nos envías el email de tu cuenta y la fecha de los dos cargos?'],
        ['customer', 'Es d.ortega@example.com'],
        ['agent', '¡Gracias! El segundo cargo era un duplicado: lo hemos devuelto hoy, tardará de 3 a 5 días hábiles.'],
      ]),
    ])
    // More customer messages than retrieval reads by content (SIMILAR_MESSAGES_K), each closer in words to the follow-up.
    await t.ingest(ws, Array.from({ length: 45 }, (_, i) => conversation(`es-router-${i}`, [
      ['customer', `Los dos routers fueron instalados el día ${i % 28 + 1} y los dos se reinician solos`],
      ['agent', '¡Lo sentimos! ¿Puedes desenchufar el router 30 segundos y volver a enchufarlo?'],
    ])))
    const [target] = await t.ingest(ws, [
      conversation('es-follow-up', [
        ['customer', 'Hola, me han cobrado dos veces la factura de noviembre'],
        ['agent', '¡Lo sentimos! ¿Nos puedes enviar el email de tu cuenta y la fecha de los dos cobros?'],
        ['customer', 'Es ana.lopez@example.com, los dos cobros fueron el día 3'],
      ]),
    ])
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: {} })
    expect(res.statusCode, res.body).toBe(200)
    const suggestions = res.json().suggestions as Array<Suggestion & { claims: string[] }>
    const duplicate = suggestions.find((s) => s.text.includes('era un duplicado'))
    expect(duplicate, suggestions.map((s) => s.text).join(' | ')).toBeDefined()
    expect(duplicate!.sources.map((x) => x.conversationId)).toContain(refunded.id)
    // It says a refund was made: the agent is told to check before sending.
    expect(duplicate!.claims).toContain('refund')
  })

  it('reads a past reply with what its customer wrote earlier in the case: another town is a placeholder, however often the brand wrote it', async () => {
    const ws = await createWorkspace(t.services)
    // In two past cases the town came in the first message and the reply naming it answered "Any ETA?".
    const outage = (id: string) => conversation(id, [
      ['customer', 'No internet at all in Pudsey since 7am'],
      ['agent', 'Sorry! There is an outage in your area, engineers are on site.'],
      ['customer', 'Any ETA? This is costing me a days work'],
      ['agent', 'The repair is finished and service in Pudsey has been back since 21:10.'],
    ])
    await t.ingest(ws, [outage('pudsey-1'), outage('pudsey-2')])
    const [target] = await t.ingest(ws, [conversation('ask-eta', [['customer', 'Any ETA? This is costing me a days work, no internet']])])
    const res = await t.app.inject({ method: 'POST', url: `/v1/conversations/${target.id}/suggestions`, headers: ws.auth('agent'), payload: {} })
    expect(res.statusCode, res.body).toBe(200)
    const back = (res.json().suggestions as Array<Suggestion & { placeholders: string[] }>).find((s) => s.text.includes('has been back since'))
    expect(back, res.body).toBeDefined()
    expect(back!.text).toContain('service in [place] has been back')
    expect(back!.text).not.toMatch(/Pudsey/)
  })
})
