// The local answer: a few sentences built only from the figures and the retrieved messages, so every
// number it states is a figure and every quote is a citation. No matching data → it says so.
import { describeFilters } from './figures.ts'
import type { AnswerRequest, AskAnswerer, AskCitation, AskFigure } from './types.ts'

const QUOTE_CHARS = 140
const QUOTES = 3
const TOP_TOPICS = 3

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const topic = (intent: string) => intent.replace(/_/g, ' ')

export function quote(text: string, max = QUOTE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`
}

function quotes(citations: AskCitation[], n = QUOTES): string {
  return citations.slice(0, n).map((c) => `“${quote(c.text)}” [${c.n}]`).join('; ')
}

function changeSentence(figures: AskFigure[]): string | undefined {
  const previous = figures.find((f) => f.kind === 'previous_count')
  if (!previous) return undefined
  const change = figures.find((f) => f.kind === 'change')
  const period = previous.label.split(', ').slice(-1)[0]
  if (!change) return `There were none in the ${period}.`
  if (change.value === 0) return `That is unchanged from the ${period} (${previous.value}).`
  return `That is ${change.value > 0 ? 'up' : 'down'} ${Math.abs(change.value)}% from ${previous.value} in the ${period}.`
}

/** The intents that dominate the cited messages: what the retrieved set is mostly about. */
function dominantIntents(citations: AskCitation[]): string | undefined {
  const counts = new Map<string, number>()
  for (const c of citations) if (c.intent) counts.set(c.intent, (counts.get(c.intent) ?? 0) + 1)
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2)
  if (top.length === 0) return undefined
  return `The cited messages are mostly about ${top.map(([k, n]) => `${topic(k)} (${n} of ${citations.length})`).join(' and ')}.`
}

export function answerLocally(req: AnswerRequest): string {
  const { plan, figures, citations } = req
  const range = plan.timeRange.label
  const what = describeFilters(plan.filters)
  const count = figures.find((f) => f.kind === 'count' && f.unit === 'messages')
  const total = count?.value ?? 0
  if (total === 0) {
    const previous = figures.find((f) => f.kind === 'previous_count')
    const before = previous && previous.value > 0 ? ` (there were ${previous.value} in the ${previous.label.split(', ').slice(-1)[0]})` : ''
    return `No ${what} match this question for ${range}${before}, so the data cannot answer it; nothing is counted or quoted.`
  }
  const sentences: string[] = []
  const share = figures.find((f) => f.kind === 'share')
  const base = figures.find((f) => f.kind === 'count' && f.label.startsWith('all '))
  const breakdown = figures.filter((f) => f.kind === 'breakdown')
  const opening = `There ${total === 1 ? 'was' : 'were'} ${plural(total, what.replace(/ messages/, ' message'), what)} (${range}).`

  switch (plan.kind) {
    case 'count': {
      sentences.push(opening)
      if (share && base) sentences.push(`That is ${share.value}% of the ${base.value} ${base.label.replace(/^all /, '').split(', ')[0]}.`)
      const change = changeSentence(figures)
      if (change) sentences.push(change)
      break
    }
    case 'trend': {
      const volume = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'volume')
      const negative = figures.filter((f) => f.kind === 'series' && f.group?.measure === 'negative_share')
      sentences.push(opening)
      if (volume.length >= 2) {
        const [first, last] = [volume[0]!, volume[volume.length - 1]!]
        sentences.push(`Weekly volume went from ${first.value} in ${first.group!.week} to ${last.value} in ${last.group!.week}.`)
        const [nf, nl] = [negative[0]!, negative[negative.length - 1]!]
        sentences.push(`The negative share moved from ${nf.value}% to ${nl.value}%.`)
      }
      const mix = figures.find((f) => f.kind === 'sentiment_mix' && f.group?.sentiment === 'negative')
      if (mix) sentences.push(`Over the whole period ${mix.value}% were negative${mix.previousValue !== undefined ? `, against ${mix.previousValue}% in the previous period` : ''}.`)
      else {
        const change = changeSentence(figures)
        if (change) sentences.push(change)
      }
      break
    }
    case 'compare': {
      sentences.push(opening)
      const moved = breakdown.filter((f) => f.previousValue !== undefined).map((f) => ({ f, delta: f.value - (f.previousValue ?? 0) }))
      const grew = moved.filter((m) => m.delta > 0).sort((a, b) => b.delta - a.delta)[0]
      const fell = moved.filter((m) => m.delta < 0).sort((a, b) => a.delta - b.delta)[0]
      const period = plan.previousRange?.label ?? 'the previous period'
      if (grew) sentences.push(`${capitalise(topic(grew.f.group!.intent!))} grew most: from ${grew.f.previousValue} in ${period} to ${grew.f.value} in ${range}.`)
      else if (moved.length) sentences.push(`No topic grew against ${period}.`)
      if (fell) sentences.push(`${capitalise(topic(fell.f.group!.intent!))} fell most: from ${fell.f.previousValue} to ${fell.f.value}.`)
      if (!grew && !fell) {
        const change = changeSentence(figures)
        if (change) sentences.push(change)
      }
      break
    }
    case 'examples': {
      sentences.push(`${plural(citations.length, 'example')} of the ${total} ${what} in ${range}: ${quotes(citations, citations.length)}.`)
      return sentences.join(' ')
    }
    case 'why': {
      sentences.push(opening)
      if (breakdown.length > 0) {
        const named = breakdown.filter((f) => f.group!.intent !== 'other')
        const top = named.slice(0, TOP_TOPICS).map((f) => `${topic(f.group!.intent!)} (${f.value})`)
        if (top.length) sentences.push(`The most common intents were ${top.join(', ')}.`)
        const unnamed = breakdown.find((f) => f.group!.intent === 'other')
        if (unnamed) sentences.push(`${unnamed.value} matched no specific intent.`)
      }
      const change = changeSentence(figures)
      if (change) sentences.push(change)
      break
    }
  }
  const dominant = plan.kind !== 'compare' ? dominantIntents(citations) : undefined
  if (dominant && breakdown.length === 0) sentences.push(dominant)
  if (citations.length > 0) sentences.push(`Representative messages: ${quotes(citations)}.`)
  return sentences.join(' ')
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function createLocalAnswerer(): AskAnswerer {
  return {
    mode: 'local',
    async answer(req) {
      return { answer: answerLocally(req), degraded: false }
    },
  }
}
