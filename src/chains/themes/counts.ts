// What a theme's messages are like: how its customers feel (sentiment) and its most frequent intents and channels.
// The weekly run counts them per snapshot; the report adds up the snapshots it folds into one theme.
import type { NamedCount, SentimentMix } from './types.ts'

/** Intents and channels kept per theme. */
const TOP_COUNTS = 3

/**
 * How a theme's customers feel about it: each conversation counted once, by the sentiment of its first
 * message in the theme (members in the order they were sent). The rest of a thread is mostly the
 * customer's follow-ups and closers: "Thanks, that worked" is about the support, not the topic, and made
 * the demo's W44 app-crash theme read 39% positive (4% by first messages).
 */
export function customerSentimentMix(members: Array<{ conversationId: string; sentiment: string | null; closes?: boolean }>): SentimentMix {
  // A message that only closes the case is not how the customer feels about the theme: "Perfect, thank
  // you!" made a conversation cancelling over a price rise count as positive. A conversation the theme
  // holds only such messages of is left out.
  const first = new Map<string, string | null>()
  for (const m of members) if (!m.closes && !first.has(m.conversationId)) first.set(m.conversationId, m.sentiment)
  return sentimentMix([...first.values()])
}

export function sentimentMix(sentiments: Array<string | null>): SentimentMix {
  const mix: SentimentMix = { negative: 0, neutral: 0, positive: 0, uncertain: 0, unknown: 0 }
  for (const s of sentiments) {
    // An uncertain label is a finding of its own ("the classifier cannot tell"), not a missing one.
    const key = s === 'negative' || s === 'neutral' || s === 'positive' || s === 'uncertain' ? s : 'unknown'
    mix[key]++
  }
  return mix
}

export function topCounts(values: Array<string | null>): NamedCount[] {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return topOf(counts)
}

export function mergeCounts(lists: NamedCount[][]): NamedCount[] {
  const counts = new Map<string, number>()
  for (const list of lists) for (const c of list) counts.set(c.name, (counts.get(c.name) ?? 0) + c.count)
  return topOf(counts)
}

export function addMixes(mixes: Array<Omit<SentimentMix, 'uncertain'> & { uncertain?: number }>): SentimentMix {
  const total: SentimentMix = { negative: 0, neutral: 0, positive: 0, uncertain: 0, unknown: 0 }
  for (const m of mixes) for (const k of Object.keys(total) as Array<keyof SentimentMix>) total[k] += m[k] ?? 0
  return total
}

function topOf(counts: Map<string, number>): NamedCount[] {
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, TOP_COUNTS)
}
