import { describe, expect, it } from 'vitest'
import { splitByProduct } from '../../src/chains/themes/product-split.ts'

/** One theme (label 0) of conversations in several languages, and unclustered filler conversations (-1) so the week has other words. */
function week(conversations: Array<{ texts: string[]; label?: number }>) {
  const items: Array<{ text: string; conversationId: string }> = []
  const labels: number[] = []
  conversations.forEach(({ texts, label = 0 }, c) => {
    for (const text of texts) {
      items.push({ text, conversationId: `c${c}` })
      labels.push(label)
    }
  })
  return { items, labels: Int32Array.from(labels) }
}

const filler = Array.from({ length: 30 }, (_, i) => ({ texts: [`My bill went up again this month ${i}`, 'Why was I charged more?'], label: -1 }))
const remote = [
  ['Where is my voice remote? Order BW-1. No updates at all.', 'Thanks!'],
  ['Any update on the voice remote back order? Been waiting since August.'],
  ['Ma nouvelle télécommande est toujours en attente de stock.', 'BW-2'],
  ['Bestellung BW-3 (Fernbedienung): seit Wochen keine Info.'],
  ['Still no new remote. The old one is falling apart.'],
  ['Ordered the new remote 15 days ago and it still says awaiting stock.'],
  ['You took my money for a remote you do not have in stock?'],
  ['Any update on the remote back order?', 'It is BW-4'],
]
const brightbox = [
  ['Hi, my Brightbox 4K has not arrived and the tracking link says the parcel cannot be found.', 'BW-5. I need it before the weekend'],
  ['Um, ordered the Brightbox 4K for the weekend, still not here', 'Thanks!'],
  ['Hola, ¿Dónde está mi Brightbox? El seguimiento no se mueve.', '¡Gracias!'],
  ['The courier says they tried to deliver my Brightbox 4K but I was home all day'],
]
const opts = { inFocus: () => true, minSize: 5, minFocus: 3 }

describe('splitByProduct', () => {
  it('splits a theme whose conversations name one product, in any language, from those naming another by its name, whole conversations at a time', () => {
    const { items, labels } = week([...remote.map((texts) => ({ texts })), ...brightbox.map((texts) => ({ texts })), ...filler])
    const split = splitByProduct(labels, items, opts)
    const labelOf = (c: number) => new Set(items.flatMap((item, i) => (item.conversationId === `c${c}` ? [split[i]] : [])))
    // Every remote conversation, French and German included, keeps the theme.
    for (let c = 0; c < remote.length; c++) expect(labelOf(c), `remote conversation ${c}`).toEqual(new Set([0]))
    // The Brightbox conversations, their follow-ups ("Thanks!", an order number) and the Spanish one, form a new theme.
    const moved = new Set(brightbox.map((_, b) => [...labelOf(remote.length + b)]).flat())
    expect(moved.size).toBe(1)
    expect([...moved][0]).toBeGreaterThan(0)
    // The unclustered stay unclustered.
    expect(split.filter((label, i) => labels[i] === -1 && label !== -1).length).toBe(0)
  })

  it('leaves a theme alone when the other conversations name an aspect of the same subject, not another product by its name', () => {
    const aspect = [
      ['my buttons are not working after the update', 'still broken'],
      ['the buttons stopped working', 'any news?'],
      ['buttons dead, batteries are new'],
      ['the buttons are sticky', 'ok thanks'],
      ['two buttons do nothing at all'],
    ].map((texts) => ({ texts }))
    const { items, labels } = week([...remote.map((texts) => ({ texts })), ...aspect, ...filler])
    expect([...splitByProduct(labels, items, opts)]).toEqual([...labels])
  })

  it('reads words from a sample of a big week, moves whole conversations, and leaves a conversation none of whose messages was read where it is', () => {
    const { items, labels } = week([...remote.map((texts) => ({ texts })), ...brightbox.map((texts) => ({ texts })), ...filler])
    // The sample: each conversation's first message, except the first remote conversation's (read nothing of it).
    const read = (i: number) => items[i].conversationId !== 'c0' && (i === 0 || items[i - 1].conversationId !== items[i].conversationId)
    const split = splitByProduct(labels, items, { ...opts, read })
    const labelsOf = (c: string) => new Set(items.flatMap((item, i) => (item.conversationId === c ? [split[i]] : [])))
    expect(labelsOf('c0')).toEqual(new Set([0]))
    const moved = new Set(brightbox.flatMap((_, b) => [...labelsOf(`c${remote.length + b}`)]))
    // Follow-ups ("Thanks!", an order number) were not read, and moved with their conversation.
    expect(moved.size).toBe(1)
    expect([...moved][0]).toBeGreaterThan(0)
  })

  it('leaves a theme alone when the other group is too small for a theme', () => {
    const { items, labels } = week([...remote.map((texts) => ({ texts })), ...brightbox.slice(0, 2).map((texts) => ({ texts })), ...filler])
    expect([...splitByProduct(labels, items, opts)]).toEqual([...labels])
  })
})
