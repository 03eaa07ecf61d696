// VADER (Hutto & Gilbert 2014) scores, computed exactly as the `vader-sentiment` package (1.1.3,
// Apache-2.0) computes them, but cheaply. That package builds, on every call, a dictionary of every
// word glued to each of 17 punctuation marks just to strip the marks again: about 0.2 ms a text,
// the largest cost of local classification (bench/profile-enrich.ts). Here a token's leading or
// trailing mark is recognised directly, and the lexicon is one Map read once from the package's own
// vader_lexicon.txt. The package stays the reference: test/unit/vader.test.ts compares both on every
// lexicon entry and on thousands of texts, and the outputs must be identical.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export interface VaderScores { neg: number; neu: number; pos: number; compound: number }

function loadLexicon(): Map<string, number> {
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt')
  const lexicon = new Map<string, number>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t')
    if (word && mean !== undefined) lexicon.set(word, Number(mean))
  }
  return lexicon
}

const LEXICON = loadLexicon()
const B_INCR = 0.293
const B_DECR = -0.293
const C_INCR = 0.733
const N_SCALAR = -0.74
/** The package's punctuation class (its `,-.` is a range: all 32 ASCII marks). */
const PUNCTUATION = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/
const PUNC_LIST = new Set(['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?'])
const NEGATE = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't", "couldn't",
  "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt', 'neither', "don't",
  "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never', 'none', 'nope', 'nor',
  'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent', "oughtn't", "shan't",
  "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't", "wouldn't", 'rarely', 'seldom', 'despite',
])
const BOOSTERS = new Map<string, number>([
  ...['absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing', 'enormously',
    'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'flippin', 'fricking', 'frickin',
    'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'intensely', 'majorly',
    'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly', 'totally',
    'tremendously', 'uber', 'unbelievably', 'unusually', 'utterly', 'very'].map((w) => [w, B_INCR] as const),
  ...['almost', 'barely', 'hardly', 'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little', 'marginally',
    'occasionally', 'partly', 'scarcely', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of'].map((w) => [w, B_DECR] as const),
])
const IDIOMS = new Map<string, number>([
  ['the shit', 3], ['the bomb', 3], ['bad ass', 1.5], ['yeah right', -2], ['cut the mustard', 2], ['kiss of death', -1.5], ['hand to mouth', -2],
])

const isUpper = (word: string) => word.length > 0 && /^[^a-z]*[A-Z]+[^a-z]*$/.test(word)
const negated = (word: string) => NEGATE.has(word) || word.includes("n't")

/**
 * The package's tokens: whitespace-split, one-character tokens dropped, and a word with one listed
 * mark (or run of marks) glued to its start or end stripped of it (when what is left has no mark and
 * is longer than one character, the only case in which the package's dictionary holds the token).
 */
function wordsAndEmoticons(text: string): string[] {
  const words: string[] = []
  for (const token of text.split(/\s/)) {
    if (token.length <= 1) continue
    let lead = 0
    while (lead < token.length && PUNCTUATION.test(token[lead])) lead++
    let trail = token.length
    while (trail > lead && PUNCTUATION.test(token[trail - 1])) trail--
    const core = token.slice(lead, trail)
    const hasMark = lead > 0 || trail < token.length
    const stripped = hasMark && core.length > 1 && !PUNCTUATION.test(core) &&
      ((trail === token.length && PUNC_LIST.has(token.slice(0, lead))) || (lead === 0 && PUNC_LIST.has(token.slice(trail))))
    words.push(stripped ? core : token)
  }
  return words
}

function scalarIncDec(word: string, valence: number, isCapDiff: boolean): number {
  const scalar0 = BOOSTERS.get(word.toLowerCase())
  if (scalar0 === undefined) return 0
  let scalar = valence < 0 ? scalar0 * -1 : scalar0
  if (isCapDiff && isUpper(word)) scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR
  return scalar
}

function neverCheck(valence: number, w: string[], startI: number, index: number): number {
  if (startI === 0 && negated(w[index - 1])) valence = valence * N_SCALAR
  if (startI === 1) {
    if (w[index - 2] === 'never' && (w[index - 1] === 'so' || w[index - 1] === 'this')) valence = valence * 1.5
    else if (negated(w[index - 2])) valence = valence * N_SCALAR
  }
  if (startI === 2) {
    if ((w[index - 3] === 'never' && (w[index - 2] === 'so' || w[index - 2] === 'this')) || w[index - 1] === 'so' || w[index - 1] === 'this') {
      valence = valence * 1.25
    } else if (negated(w[index - 3])) valence = valence * N_SCALAR
  }
  return valence
}

function idiomsCheck(valence: number, w: string[], index: number): number {
  const twoOne = `${w[index - 2]} ${w[index - 1]}`
  const threeTwo = `${w[index - 3]} ${w[index - 2]}`
  const sequences = [`${w[index - 1]} ${w[index]}`, `${w[index - 2]} ${w[index - 1]} ${w[index]}`, twoOne, `${w[index - 3]} ${w[index - 2]} ${w[index - 1]}`, threeTwo]
  for (const sequence of sequences) {
    const idiom = IDIOMS.get(sequence)
    if (idiom !== undefined) {
      valence = idiom
      break
    }
  }
  if (w.length - 1 > index) valence = IDIOMS.get(`${w[index]} ${w[index + 1]}`) ?? valence
  if (w.length - 1 > index + 1) valence = IDIOMS.get(`${w[index]} ${w[index + 1]} ${w[index + 2]}`) ?? valence
  if (BOOSTERS.has(threeTwo) || BOOSTERS.has(twoOne)) valence = valence + B_DECR
  return valence
}

function leastCheck(valence: number, w: string[], index: number): number {
  if (index > 1 && w[index - 1].toLowerCase() === 'least' && !LEXICON.has('least')) {
    if (w[index - 2].toLowerCase() !== 'at' && w[index - 2].toLowerCase() !== 'very') valence = valence * N_SCALAR
  } else if (index > 0 && w[index - 1].toLowerCase() === 'least' && !LEXICON.has('least')) {
    valence = valence * N_SCALAR
  }
  return valence
}

function sentimentValence(item: string, index: number, w: string[], isCapDiff: boolean): number {
  const lexical = LEXICON.get(item.toLowerCase())
  if (lexical === undefined) return 0
  let valence = lexical
  if (isUpper(item) && isCapDiff) valence = valence > 0 ? valence + C_INCR : valence - C_INCR
  for (let startI = 0; startI < 3; startI++) {
    if (index > startI && !LEXICON.has(w[index - (startI + 1)].toLowerCase())) {
      let s = scalarIncDec(w[index - (startI + 1)], valence, isCapDiff)
      if (startI === 1 && s !== 0) s = s * 0.95
      else if (startI === 2 && s !== 0) s = s * 0.9
      valence = valence + s
      valence = neverCheck(valence, w, startI, index)
      if (startI === 2) valence = idiomsCheck(valence, w, index)
    }
  }
  return leastCheck(valence, w, index)
}

function count(text: string, char: string): number {
  let n = 0
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++
  return n
}

function scoreValence(sentiments: number[], text: string): VaderScores {
  if (sentiments.length === 0) return { neg: 0, neu: 0, pos: 0, compound: 0 }
  let sum = 0
  for (const s of sentiments) sum += s
  const qm = count(text, '?')
  const emphasis = Math.min(count(text, '!'), 4) * 0.292 + (qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0)
  if (sum > 0) sum += emphasis
  else if (sum < 0) sum -= emphasis
  const normalised = sum / Math.sqrt(sum * sum + 15)
  const compound = normalised < -1 ? -1 : normalised > 1 ? 1 : normalised
  let posSum = 0
  let negSum = 0
  let neutral = 0
  for (const s of sentiments) {
    if (s > 0) posSum += s + 1
    else if (s < 0) negSum += s - 1
    else neutral += 1
  }
  if (posSum > Math.abs(negSum)) posSum += emphasis
  else if (posSum < Math.abs(negSum)) negSum -= emphasis
  const total = posSum + Math.abs(negSum) + neutral
  return {
    neg: Number.parseFloat(Math.abs(negSum / total).toFixed(3)),
    neu: Number.parseFloat(Math.abs(neutral / total).toFixed(3)),
    pos: Number.parseFloat(Math.abs(posSum / total).toFixed(3)),
    compound: Number.parseFloat(compound.toFixed(4)),
  }
}

function computeScores(text: string): VaderScores {
  const w = wordsAndEmoticons(text)
  let upper = 0
  for (const word of w) if (isUpper(word)) upper++
  const isCapDiff = w.length - upper > 0 && w.length - upper < w.length
  const sentiments: number[] = []
  for (let i = 0; i < w.length; i++) {
    const lower = w[i].toLowerCase()
    if ((i < w.length - 1 && lower === 'kind' && w[i + 1].toLowerCase() === 'of') || BOOSTERS.has(lower)) sentiments.push(0)
    else sentiments.push(sentimentValence(w[i], i, w, isCapDiff))
  }
  let but = w.indexOf('but')
  if (but === -1) but = w.indexOf('BUT')
  if (but !== -1) {
    for (let i = 0; i < sentiments.length; i++) {
      if (i < but) sentiments[i] = sentiments[i] * 0.5
      else if (i > but) sentiments[i] = sentiments[i] * 1.5
    }
  }
  return scoreValence(sentiments, text)
}

// The classifier asks twice per text (features, then the English blend): the last answer is kept.
let lastText: string | undefined
let lastScores: VaderScores | undefined

/** VADER's neg/neu/pos shares and compound score in [-1, 1] of one text (a fresh object each call). */
export function vaderScores(text: string): VaderScores {
  if (text !== lastText || !lastScores) {
    lastScores = computeScores(text)
    lastText = text
  }
  return { ...lastScores }
}
