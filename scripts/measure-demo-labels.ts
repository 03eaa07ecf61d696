// Labels on the demo corpus against its scenario ground truth (demo/README.md): sentiment of customer
// messages by scenario, the share of customer messages whose intent is `other`, intent by scenario,
// and how many conversations await a reply (the conversation-level rule of store/conversations.ts)
// against the truth (last message the customer's, the agent never answered it, and it is not a closer).
// Uses the local classifier exactly as the enrichment stage calls it. Usage:
//   npx tsx scripts/measure-demo-labels.ts [--file demo/conversations.jsonl] [--json]
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createLocalClassifier } from '../src/chains/classify/local.ts'
import { DEFAULT_TAXONOMY } from '../src/chains/classify/taxonomy.ts'
import type { ClassifyInput, WorkspaceLabels } from '../src/chains/classify/types.ts'

const { values: options } = parseArgs({
  options: {
    file: { type: 'string', default: new URL('../demo/conversations.jsonl', import.meta.url).pathname },
    json: { type: 'boolean', default: false },
    examples: { type: 'string' },
  },
})

interface DemoMessage { externalId: string; role: 'customer' | 'agent'; text: string; language?: string }
interface DemoConversation { channel: string; externalId: string; messages: DemoMessage[]; metadata: { scenario: string; resolved: boolean } }

const conversations: DemoConversation[] = readFileSync(options.file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
const labels: WorkspaceLabels = { workspaceId: 'demo', taxonomy: DEFAULT_TAXONOMY, intentCorrections: [], sentimentCorrections: [], brandHandles: [] }
const inputs: ClassifyInput[] = []
for (const c of conversations) {
  let run = 0
  let answered = false
  for (const m of c.messages) {
    run = m.role === 'agent' ? 0 : run + 1
    answered ||= m.role === 'agent'
    inputs.push({ messageId: m.externalId, text: m.text, role: m.role, language: m.language ?? null, channel: c.channel,
      unansweredCustomerMessages: m.role === 'customer' ? run : 0, afterAgentReply: m.role === 'customer' && answered, conversationId: c.externalId })
  }
}
const results = new Map((await createLocalClassifier().classify(labels, inputs)).map((r) => [r.messageId, r]))

const count = (table: Record<string, Record<string, number>>, row: string, col: string) => {
  table[row] ??= {}
  table[row][col] = (table[row][col] ?? 0) + 1
}
// The demo generator's "I'll try that" closers (scripts/make-demo-corpus.ts, willTry), used only to label truth here.
const WILL_TRY = ["i'll try that", 'will give it a go', "i'll let you know", 'je vais essayer', 'ok je teste', 'lo pruebo', 'lo intento',
  'probiere ich aus', 'teste ich', 'vou tentar', 'provo subito', '해볼게요', 'เดี๋ยวลองดู']
const sentimentByScenario: Record<string, Record<string, number>> = {}
const openingSentimentByScenario: Record<string, Record<string, number>> = {}
const intentByScenario: Record<string, Record<string, number>> = {}
let customerMessages = 0
let other = 0
let awaitingPredicted = 0
let awaitingTrue = 0
let awaitingBoth = 0
const misses: string[] = []
for (const c of conversations) {
  const scenario = c.metadata.scenario
  c.messages.forEach((m, i) => {
    if (m.role !== 'customer') return
    const r = results.get(m.externalId)!
    customerMessages++
    if (r.intent?.label === 'other') other++
    count(sentimentByScenario, scenario, r.sentiment.label)
    if (i === 0) {
      count(openingSentimentByScenario, scenario, r.sentiment.label)
      count(intentByScenario, scenario, r.intent?.label ?? '-')
    }
  })
  const last = c.messages[c.messages.length - 1]
  const predicted = last.role === 'customer' && results.get(last.externalId)!.needsReply
  // Truth from the corpus's shapes: nobody answered a request at all, or the customer replied to the agent's
  // question (the follow-up) and waits; thanks, "I'll try that" and after-the-fact grumbles close it.
  const agentTurns = c.messages.filter((m) => m.role === 'agent').length
  // Unanswered praise asks for nothing.
  const truth = last.role === 'customer' && ((agentTurns === 0 && scenario !== 'praise_support') || (c.messages.length === 3 && !c.metadata.resolved && isFollowUp(c)))
  if (predicted) awaitingPredicted++
  if (truth) awaitingTrue++
  if (predicted && truth) awaitingBoth++
  if (predicted !== truth && misses.length < 40) misses.push(`${truth ? 'missed' : 'extra '} ${c.externalId}: ${last.text.slice(0, 90)}`)
}

/** The corpus marks the willTry closer as unresolved too: tell it apart by the agent's ask being answered with detail. */
function isFollowUp(c: DemoConversation): boolean {
  const text = c.messages[2].text.toLowerCase()
  return !WILL_TRY.some((w) => text.includes(w))
}

const result = {
  customerMessages,
  otherShare: Number((other / customerMessages).toFixed(3)),
  sentimentByScenario,
  openingSentimentByScenario,
  intentByScenario,
  awaiting: { predicted: awaitingPredicted, truth: awaitingTrue, both: awaitingBoth },
}
if (options.json) console.log(JSON.stringify(result, null, 2))
else {
  const table = (title: string, t: Record<string, Record<string, number>>, cols: string[]) => {
    console.log(`\n${title}\n${'scenario'.padEnd(24)}${cols.map((c) => c.padStart(11)).join('')}`)
    for (const [row, counts] of Object.entries(t).sort()) console.log(`${row.padEnd(24)}${cols.map((c) => String(counts[c] ?? 0).padStart(11)).join('')}`)
  }
  const sentiments = ['negative', 'neutral', 'positive', 'uncertain']
  table('sentiment of customer messages', sentimentByScenario, sentiments)
  table('sentiment of opening messages', openingSentimentByScenario, sentiments)
  table('intent of opening messages', intentByScenario, [...DEFAULT_TAXONOMY.map((d) => d.name)])
  console.log(`\nother: ${other}/${customerMessages} = ${(100 * other / customerMessages).toFixed(1)}% of customer messages`)
  console.log(`awaiting reply: predicted ${awaitingPredicted}, truth ${awaitingTrue}, both ${awaitingBoth}`)
  if (options.examples) for (const m of misses) console.log(m)
}
