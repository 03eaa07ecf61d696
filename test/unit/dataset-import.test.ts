import { describe, expect, it } from 'vitest'
import { NAMED_SPEAKERS, rowToConversation } from '../../src/pipeline/dataset-import.ts'

type Imported = { messages: Array<{ role: string; author: string }>; metadata: Record<string, unknown> }

describe('importing summarisation rows', () => {
  it('keeps the names of a transcript of named people as authors, its first speaker as the customer', () => {
    const { conversation } = rowToConversation({
      id: 'd1',
      dialog: [
        { speaker: '#Person1#', text: 'Hello, how are you doing today?' },
        { speaker: '#Person2#', text: 'I have been having trouble breathing lately.' },
        { speaker: '#Person1#', text: 'Do you have any allergies?' },
      ],
      summary: '#Person2# has trouble breathing.',
    }, 0)
    const c = conversation as Imported
    expect(c.messages.map((m) => [m.role, m.author])).toEqual([['customer', '#Person1#'], ['agent', '#Person2#'], ['customer', '#Person1#']])
    expect(c.metadata.speakers).toBe(NAMED_SPEAKERS)
  })

  it('maps customer and agent speakers to roles and marks nothing', () => {
    const { conversation } = rowToConversation({
      id: 't1',
      dialog: [{ speaker: 'customer', text: 'My app crashes.' }, { speaker: 'agent', text: 'Please reinstall it.' }],
      summaries: ['Customer app crashes.'],
    }, 0)
    const c = conversation as Imported
    expect(c.messages.map((m) => [m.role, m.author])).toEqual([['customer', 'customer-t1'], ['agent', 'agent']])
    expect(c.metadata.speakers).toBeUndefined()
  })
})
