// The local answer's sentences in Italian: periods named from the plan's English labels, dates and
// numbers as Italian writes them (decimal comma), articles and prepositions agreeing with what follows.
import { mentionParts } from '../subject-words.ts'
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import { dateSpan, dayIn, groupNameIn, languageIn, listIn, measureIn, type MeasureNames, numberIn, periodName } from './shared.ts'
import type { Unit } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'
import type { AskFilters, TimeRange } from '../types.ts'

const LOCALE = 'it-IT'
const num = numberIn(LOCALE)
const about = (yes: boolean) => (yes ? 'circa ' : '')

// Articles and prepositions. "8", "11", "1" and "80…" are said with a vowel: "l'8%", "gli 11 messaggi".
const vowelNumber = (s: string) => /^(?:8|11(?!\d)|1(?!\d))/.test(s)
/** "il 12,5%", "l'8%": a percentage with its article. */
const il = (n: number) => `${vowelNumber(num(n)) ? "l'" : 'il '}${num(n)}%`
/** "i 126", "gli 8": a masculine plural count with its article. */
const iN = (n: number) => `${vowelNumber(num(n)) ? 'gli' : 'i'} ${num(n)}`
const PREP_STEM: Record<string, string> = { di: 'de', a: 'a', da: 'da', in: 'ne', su: 'su' }
/** "di" + "il mese scorso" → "del mese scorso"; "in" + "le ultime 8 settimane" → "nelle ultime 8 settimane". */
function prep(p: 'di' | 'a' | 'da' | 'in' | 'su' | 'per', phrase: string): string {
  const stem = PREP_STEM[p]
  const m = /^(il |lo |la |i |gli |le |l')/.exec(phrase)
  if (!stem || !m) return `${p} ${phrase}`
  const rest = phrase.slice(m[1]!.length)
  const art = { 'il ': 'l ', 'lo ': 'llo ', 'la ': 'lla ', 'i ': 'i ', 'gli ': 'gli ', 'le ': 'lle ', "l'": "ll'" }[m[1]!]!
  return `${stem}${art}${rest}`
}
/** Counted things said in this file are messages (m.) or conversations (f.). */
const feminine = (what: string) => /^conversazion/.test(what)
/** "i 42 messaggi …", "le 42 conversazioni …", "i circa 237 messaggi …". */
const theCount = (n: number, what: string, approx = false) => `${feminine(what) ? `le ${about(approx)}${num(n)}` : approx ? `i circa ${num(n)}` : iN(n)} ${what}`
/** "messaggi negativi dei clienti che menzionano …" → "messaggio negativo dei clienti che menziona …". */
function singular(what: string): string {
  return what
    .replace(/^messaggi\b/, 'messaggio')
    .replace(/^conversazioni\b/, 'conversazione')
    .replace(/^(messaggio|conversazione) (negativ|positiv|neutr)[ie]\b/, (_, noun: string, adj: string) => `${noun} ${adj}${noun === 'messaggio' ? 'o' : 'a'}`)
    .replace(/ che menzionano /, ' che menziona ')
}
const plural = (n: number, one: string, many: string) => `${num(n)} ${n === 1 ? one : many}`
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

// Periods.
/** "1–10 nov 2026": the range's days, without the leading zeros ICU writes in Italian ranges ("01–10 nov"). */
const span = (range: Pick<TimeRange, 'from' | 'to'>) => dateSpan(range, LOCALE).replace(/(^|\s|–)0(\d)(?!\d)/g, '$1$2')
const dayOf = (iso: string) => dayIn(iso, LOCALE)
/** A day with its article: "il 20 nov 2026", "l'8 nov 2026". */
const theDay = (day: string) => `${/^(?:8|11)\b/.test(day) ? "l'" : 'il '}${day}`
const singleDay = (range: TimeRange) => !span(range).includes('–')

const UNITS: Record<Unit, { one: string; many: string; f: boolean }> = {
  day: { one: 'giorno', many: 'giorni', f: false },
  week: { one: 'settimana', many: 'settimane', f: true },
  month: { one: 'mese', many: 'mesi', f: false },
  quarter: { one: 'trimestre', many: 'trimestri', f: false },
  year: { one: 'anno', many: 'anni', f: false },
  hour: { one: 'ora', many: 'ore', f: true },
}
const THIS: Record<Unit, string> = { day: 'oggi', week: 'questa settimana', month: 'questo mese', quarter: 'questo trimestre', year: "quest'anno", hour: "quest'ora" }
const LAST: Record<Unit, string> = { day: 'ieri', week: 'la settimana scorsa', month: 'il mese scorso', quarter: 'il trimestre scorso', year: "l'anno scorso", hour: "l'ora scorsa" }

/** The period's name without its dates: "il mese scorso", "le ultime 8 settimane", "tutto il periodo". */
function periodWords(range: TimeRange): string {
  const p = periodName(range.label)
  switch (p.kind) {
    case 'all': return 'tutto il periodo'
    case 'today': return 'oggi'
    case 'yesterday': return 'ieri'
    case 'this': return THIS[p.unit]
    case 'last': return LAST[p.unit]
    case 'past': {
      const u = UNITS[p.unit]
      if (p.n === 1) return `${u.f ? "l'ultima" : "l'ultimo"} ${u.one}`
      return `${u.f ? 'le ultime' : 'gli ultimi'} ${p.n} ${u.many}`
    }
    case 'previous': return 'il periodo precedente'
    case 'sameBefore': return p.unit === 'day' ? 'ieri alla stessa ora' : `gli stessi giorni ${prep('di', LAST[p.unit])}`
    case 'since': return `dal ${dayOf(range.from)}`
    case 'isoWeek': return `la settimana ${p.week} del ${p.year}`
    case 'lastWithData': return "l'ultima settimana con dati"
    case 'dates': return span(range)
  }
}
/** The dates the English label gives in brackets, if it does. */
const bracketed = (range: TimeRange) => {
  const kind = periodName(range.label).kind
  return kind !== 'dates' && kind !== 'since' && /\(.+\)$/.test(range.label) ? span(range) : undefined
}
const period = (range: TimeRange) => {
  const dates = bracketed(range)
  return `${periodWords(range)}${dates ? ` (${dates})` : ''}`
}
/** The period as a noun phrase that takes a preposition: "il periodo 1–31 ott 2026", "il periodo dal 3 nov 2026". */
function thePeriod(range: TimeRange): string {
  const kind = periodName(range.label).kind
  if (kind === 'dates') return singleDay(range) ? theDay(span(range)) : `il periodo ${span(range)}`
  if (kind === 'since') return `il periodo ${period(range)}`
  return period(range)
}
/** "nel periodo precedente (…)", "nelle ultime 8 settimane", "in questo mese (…)", "oggi", "dal 3 nov 2026", "il 9 nov 2026". */
function inPeriod(range: TimeRange): string {
  const name = periodName(range.label)
  const kind = name.kind
  if (kind === 'since') return period(range)
  const adverb = kind === 'today' || kind === 'yesterday' || (kind === 'sameBefore' && name.unit === 'day')
  if (adverb || (kind === 'dates' && singleDay(range))) return thePeriod(range)
  return prep('in', thePeriod(range))
}
/** "perché questo mese (1–10 nov 2026) ha 9,4 giorni contro 31". */
const lengths = (range: TimeRange, days: number, before: number) => {
  const name = thePeriod(range)
  return `perché ${name} ${/^(?:le|gli) /.test(name) ? 'hanno' : 'ha'} ${plural(days, 'giorno', 'giorni')} contro ${num(before)}`
}
const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', su base giornaliera' : `; il confronto è su base giornaliera, ${lengths(p.range, p.days, p.daysBefore)}`)
const OVERLAP_PERIODS = '; gli intervalli dei due periodi si sovrappongono, quindi la direzione non è certa'
const OVERLAP_WEEKS = '; gli intervalli delle due settimane si sovrappongono, quindi la direzione non è certa'
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? '; anche qui la direzione non è certa' : OVERLAP_PERIODS)
/** "2026-W39" → "la settimana 39 del 2026". */
const weekName = (w: string) => w.replace(/^(\d{4})-W0?(\d+)$/, 'la settimana $2 del $1')

// Sentiments: English keys, or the Italian names this file gives them.
const SENTIMENTS: Record<string, { one: string; m: string; f: string }> = {
  negative: { one: 'negativo', m: 'negativi', f: 'negative' },
  positive: { one: 'positivo', m: 'positivi', f: 'positive' },
  neutral: { one: 'neutro', m: 'neutri', f: 'neutre' },
  uncertain: { one: 'incerto', m: 'incerti', f: 'incerte' },
}
const sentimentKey = (s: string) => (SENTIMENTS[s] ? s : Object.keys(SENTIMENTS).find((k) => SENTIMENTS[k]!.one === s) ?? s)
/** "negativi", "neutre"; an unknown sentiment as it is. */
const sentimentPlural = (s: string, f = false) => SENTIMENTS[sentimentKey(s)]?.[f ? 'f' : 'm'] ?? s
const sentimentOne = (s: string) => SENTIMENTS[sentimentKey(s)]?.one ?? s

// Intents: a name, the phrase after "messaggi …", and with an article ("la fatturazione", plural or not).
const INTENTS: Record<string, { name: string; about: string; the: string; pl?: boolean; kind?: string }> = {
  question: { name: 'domanda', about: 'di tipo domanda', the: 'le domande', pl: true, kind: 'domande' },
  complaint: { name: 'reclamo', about: 'di tipo reclamo', the: 'i reclami', pl: true, kind: 'reclami' },
  bug_outage: { name: "errore o blocco dell'app", about: "su errori o blocchi dell'app", the: "gli errori o blocchi dell'app", pl: true },
  billing: { name: 'fatturazione', about: 'sulla fatturazione', the: 'la fatturazione' },
  delivery: { name: 'consegna', about: 'sulla consegna', the: 'la consegna' },
  account_login: { name: "accesso all'account", about: "sull'accesso all'account", the: "l'accesso all'account" },
  cancellation: { name: 'disdetta', about: 'sulla disdetta', the: 'la disdetta' },
  feature_request: { name: 'richiesta di funzionalità', about: 'di tipo richiesta di funzionalità', the: 'le richieste di funzionalità', pl: true, kind: 'richieste di funzionalità' },
  praise: { name: 'elogi', about: 'di tipo elogio', the: 'gli elogi', pl: true, kind: 'elogi' },
  connectivity: { name: 'connessione', about: 'sulla connessione', the: 'la connessione' },
  product_fault: { name: 'difetto del prodotto', about: 'su difetti del prodotto', the: 'i difetti del prodotto', pl: true },
  appointment: { name: 'appuntamento', about: 'sugli appuntamenti', the: 'gli appuntamenti', pl: true },
  pricing: { name: 'prezzi', about: 'sui prezzi', the: 'i prezzi', pl: true },
  other: { name: 'altro', about: 'della categoria «altro»', the: 'la categoria «altro»' },
}
const intentName = (intent: string) => INTENTS[intent]?.name ?? intent.replace(/_/g, ' ')
const intentAbout = (intent: string) => INTENTS[intent]?.about ?? `sull'argomento «${intentName(intent)}»`
const intentThe = (intent: string) => INTENTS[intent]?.the ?? `«${intentName(intent)}»`
const intentPlural = (intent: string) => INTENTS[intent]?.pl === true
/** A name back to its intent: "fatturazione" → billing; a custom intent's name to itself. */
const intentOf = (name: string) => Object.keys(INTENTS).find((k) => INTENTS[k]!.name === name) ?? name.replace(/ /g, '_')
/** After "messaggi che …": "riguardano la fatturazione"; a kind of message: "sono domande". */
const intentClause = (intent: string) => (INTENTS[intent]?.kind ? `sono ${INTENTS[intent]!.kind}` : `riguardano ${intentThe(intent)}`)

// Dimensions: English keys, or the Italian names this file gives them.
const DIMENSIONS: Record<string, { name: string; a: string; f?: boolean }> = {
  channel: { name: 'canale', a: 'un canale' },
  language: { name: 'lingua', a: 'una lingua', f: true },
  intent: { name: 'argomento', a: 'un argomento' },
  theme: { name: 'tema', a: 'un tema' },
  day: { name: 'giorno', a: 'un giorno' },
  weekday: { name: 'giorno della settimana', a: 'un giorno della settimana' },
  hour: { name: 'ora', a: "un'ora", f: true },
  sentiment: { name: 'sentiment', a: 'un sentiment' },
}
const dimensionKey = (d: string) => (DIMENSIONS[d] ? d : Object.keys(DIMENSIONS).find((k) => DIMENSIONS[k]!.name === d) ?? d)
const dimensionName = (d: string) => DIMENSIONS[dimensionKey(d)]?.name ?? d

/** "il tedesco", "lo spagnolo", "l'inglese". */
const masculineArticle = (word: string) => (/^[aeiouhàèéìòù]/i.test(word) ? "l'" : /^(?:s[^aeiou]|z|gn|ps|x|y)/i.test(word) ? 'lo ' : 'il ')
/** A ranked group as the subject of a sentence: "il tedesco", "la fatturazione", "il lunedì", "la fascia 09:00–10:00 UTC"; channels as they are. */
function theGroup(dimension: string, name: string): { np: string; pl: boolean } {
  switch (dimensionKey(dimension)) {
    case 'language': return { np: `${masculineArticle(name)}${name}`, pl: false }
    case 'intent': {
      const intent = intentOf(name)
      return { np: intentThe(intent), pl: intentPlural(intent) }
    }
    case 'theme': return { np: `il tema «${name}»`, pl: false }
    case 'weekday': return { np: `${name === 'domenica' ? 'la' : 'il'} ${name}`, pl: false }
    case 'hour': return { np: `la fascia ${name}`, pl: false }
    case 'sentiment': return { np: `il sentiment ${sentimentOne(name)}`, pl: false }
    default: return { np: name, pl: false }
  }
}
/** "su whatsapp", "via email", "in chat". */
const onChannel = (channel: string) => (channel === 'email' ? 'via email' : channel === 'chat' ? 'in chat' : `su ${channel}`)

/** "che menzionano «router» (o i suoi nomi in altre lingue)". */
function mentionsText(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  const shown = words.map((w) => `«${w.replace(/^"|"$/g, '')}»`)
  // The support goes by phrases more than by other languages' words: say which.
  const others = support ? '«assistenza clienti», «chat dal vivo», «in attesa» e simili, in qualsiasi lingua' : `${shown.length === 1 ? 'i suoi nomi' : 'i loro nomi'} in altre lingue`
  return `che menzionano ${shown.join(' o ')}${translated ? ` (o ${others})` : ''}`
}

/** The planner's English measure descriptions (NOT_COMPUTED_MEASURES), with what some of them add in brackets. */
const MEASURES: MeasureNames = {
  bySlot: { words: 'un conteggio limitato a giorni della settimana o a ore del giorno', reason: 'si possono mettere in classifica: «qual è il giorno della settimana più intenso?»' },
  averages: { words: 'medie per conversazione o per cliente' },
  closed: { words: 'un conteggio delle conversazioni chiuse o dei problemi risolti', reason: 'nessun dato registra se lo siano stati' },
  newCustomers: { words: 'un conteggio dei clienti nuovi o di ritorno', reason: 'nulla indica un primo contatto' },
  themeRate: { words: 'una quota dei messaggi di ciascun tema settimanale', reason: 'i temi sono ordinati in base ai loro reclami' },
  byCustomer: { words: 'una classifica dei singoli clienti' },
  agentWork: { words: 'un conteggio di ciò che gli operatori hanno fatto o promesso', reason: 'le cifre contano i messaggi dei clienti e quando hanno ricevuto risposta' },
  byAgent: { words: 'una suddivisione per operatore' },
  surveyScore: { words: "un punteggio di soddisfazione come il CSAT o l'NPS", reason: 'non vengono salvate risposte a sondaggi; come si sentono i clienti si legge nel sentiment dei loro messaggi' },
}

/** " (ce n'erano 12 nel periodo precedente (…))": the count of the period before, when there was one. */
const beforeText = (before: { value: number; range: TimeRange } | undefined) =>
  before ? ` (${before.value === 1 ? "ce n'era 1" : `ce n'erano ${num(before.value)}`} ${inPeriod(before.range)})` : ''

const ESTIMATED = 'stima basata sulle etichette del classificatore'
const THEME_RUNS = 'conteggio tra i messaggi che le analisi settimanali dei temi hanno assegnato al tema'

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = '; un reclamo è un messaggio negativo, o uno neutro che segnala il problema'
const SO_OUTNUMBER = ', per questo sono più dei messaggi negativi'

export const it: Phrases = {
  locale: LOCALE,
  num,
  pct: (n) => `${num(n)}%`,
  list: listIn(LOCALE),
  quoted: (text, n) => `“${text}” [${n}]`,

  period,
  inPeriod,
  // "(questo mese: 1–10 nov 2026)", not "(questo mese (1–10 nov 2026))".
  periodInBrackets: (range) => period(range).replace(/ \((.+)\)$/, ': $1'),
  day: dayOf,
  lengths,

  what(filters: AskFilters, noun = 'messages') {
    const f = noun === 'conversations'
    const parts: string[] = [f ? 'conversazioni' : 'messaggi']
    const sentiment = filters.sentiment && sentimentKey(filters.sentiment)
    if (sentiment && sentiment !== 'uncertain') parts.push(sentimentPlural(sentiment, f))
    parts.push('dei clienti')
    if (sentiment === 'uncertain') parts.push('dal sentiment incerto')
    if (filters.intent) parts.push(intentAbout(filters.intent))
    if (filters.theme) parts.push(`del tema «${filters.theme}»`)
    if (filters.channel) parts.push(onChannel(filters.channel))
    if (filters.language) parts.push(`in ${languageIn(LOCALE, filters.language)}`)
    const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
    if (segment.length) parts.push(`(${segment.join(', ')})`)
    if (filters.mentions) parts.push(mentionsText(filters.mentions))
    return parts.join(' ')
  },
  intentName,
  groupName: (dimension, key) => (dimension === 'sentiment' ? sentimentOne(key) : groupNameIn(LOCALE, dimension, key, intentName)),
  dimensionName,
  sentimentName: sentimentOne,
  minutes(m) {
    if (m < 90) return `${Math.round(m)} min`
    if (m < 48 * 60) return `${num(Math.round(m / 6) / 10)} h`
    return `${num(Math.round(m / 144) / 10)} giorni`
  },
  threshold(minutes) {
    if (minutes % 1440 === 0) return minutes === 1440 ? 'un giorno' : `${num(minutes / 1440)} giorni`
    if (minutes === 60) return "un'ora"
    if (minutes % 60 === 0 || minutes > 90) return `${num(Math.round((10 * minutes) / 60) / 10)} ore`
    return plural(minutes, 'minuto', 'minuti')
  },

  interval(estimate) {
    if (isThemeBounds(estimate)) return `tra ${num(estimate.low)} e ${num(estimate.high)}`
    if (isWidenedByTheme(estimate)) {
      return `tra ${num(estimate.low)} e ${num(estimate.high)}: l'intervallo al 95% delle etichette, ampliato per gli errori che il clustering del tema può aver commesso`
    }
    return `intervallo al 95%: ${num(estimate.low)}–${num(estimate.high)}`
  },
  figure(f) {
    if (f.kind === 'exact') return num(f.value)
    if (f.kind === 'theme') {
      return `circa ${num(f.value)} (${THEME_RUNS}; tra ${num(f.low)} e ${num(f.high)}: il limite inferiore conta solo quelli la cui conversazione contiene ` +
        `le parole del tema, quello superiore aggiunge i messaggi che il clustering potrebbe aver tralasciato)`
    }
    // Say which estimate it is: corrected for the classifier's errors measured on people's labels, or the classifier's own.
    const how = f.corrected
      ? 'i messaggi etichettati da persone contati esattamente, il resto stimato dalle etichette del classificatore corrette per i loro errori misurati'
      : ESTIMATED
    return `circa ${num(f.value)} (${how}, ${it.interval(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `Questa domanda chiede ${measureIn(measure, MEASURES, (m) => `«${m}»`)}, che nessun dato qui calcola, quindi non si può rispondere come richiesto; ho capito: ${understoodAs}. ` +
    'Quanto segue è ciò che si può contare, non una risposta.',
  notUnderstood: (understoodAs) =>
    `Non sono riuscito a ricondurre questa domanda a un dato che posso calcolare; ho capito: ${understoodAs}. Quanto segue è una ricerca tra i messaggi, non una risposta.`,
  periodAssumed: (range) => `Non è stato indicato un periodo: confronto ${thePeriod(range)} con la settimana precedente, come fa il report settimanale dei temi.`,
  eventRead: (theme, range) => range.label.includes('–')
    ? `Non è indicata alcuna data: le settimane del tema settimanale «${theme}» (${range.label}) sono confrontate con le settimane precedenti, su tutti i messaggi a cui si riferisce la domanda.`
    : `Non è indicata alcuna data: la settimana del tema settimanale «${theme}» (${range.label}) è confrontata con la settimana precedente, su tutti i messaggi a cui si riferisce la domanda.`,
  recentRead: (words, range) => `«${words}» non indica una data: lo leggo come ${thePeriod(range)}.`,
  unplacedTime: (words, range, weekly) => `«${words}» non indica una data che io sappia leggere: i dati si riferiscono ${prep('a', thePeriod(range))}${weekly ? ', settimana per settimana' : ''}.`,
  notNarrowedIntent: (words, intent) => `«${words}» non viene contato a parte: i dati riguardano tutti i messaggi ${intentAbout(intent)}.`,
  notNarrowedKind: (kind) =>
    `La categoria di un messaggio indica il suo argomento o il suo tipo («${intentName(kind)}»), non entrambi, quindi la classifica seguente riguarda ` +
    `gli argomenti di tutti i messaggi dei clienti, non solo quelli dei messaggi di tipo ${intentName(kind)}.`,
  rankedByTheme: (intent) => `Un messaggio ha una sola categoria, quindi i messaggi ${intentAbout(intent)} non sono classificati per categoria, ma per i temi settimanali in cui rientrano.`,
  themeMatched(theme, labels) {
    const said = labels.map((l) => ('more' in l ? (l.more === 1 ? 'un altro' : `altri ${num(l.more)}`) : `«${l.label}»`))
    const one = labels.length === 1 && !('more' in labels[0]!)
    return `«${theme}» corrisponde ${one ? 'al tema settimanale' : 'ai temi settimanali'} ${said.join(', ')}: i dati contano ${one ? 'i suoi' : 'i loro'} messaggi.`
  },
  noDataFor: (range, endsAt, suggested) =>
    `Non ci sono dati ${prep('per', thePeriod(range))}: i dati di questo workspace terminano ${theDay(dayOf(endsAt))}. ` +
    `Chiedi piuttosto informazioni ${prep('su', thePeriod(suggested))} (stessa durata, fino a quella data).`,
  dataStartsAt: (startsAt, previous) =>
    `I dati di questo workspace iniziano ${theDay(dayOf(startsAt))}, quindi coprono solo in parte ${thePeriod(previous)}: ` +
    'una variazione rispetto a quel periodo non è una variazione reale.',

  noMessagesAtAll: (range, what, before) =>
    `Non c'è nessun messaggio dei clienti, di nessun tipo, ${inPeriod(range)}: i dati non contengono nulla per quel periodo, ` +
    `il che non dice nulla ${prep('su', `${feminine(what) ? 'le' : 'i'} ${what}`)}${beforeText(before)}; nulla viene contato né citato.`,
  noMatch: (what, range, before) =>
    `Per questa domanda non ci sono ${what} ${inPeriod(range)}${beforeText(before)}, quindi i dati non permettono di rispondere; nulla viene contato né citato.`,
  openingEstimated: (figure, what, range) => `${feminine(what) ? 'Ci sono state' : 'Ci sono stati'} ${figure} ${what} (${it.periodInBrackets(range)}).`,
  openingCounted(total, what, range, how) {
    const verb = total === 1 ? (feminine(what) ? "C'è stata" : "C'è stato") : feminine(what) ? 'Ci sono state' : 'Ci sono stati'
    return `${verb} ${num(total)} ${total === 1 ? singular(what) : what} (${it.periodInBrackets(range)}; ${how === 'exact' ? 'conteggio esatto dai metadati' : THEME_RUNS}).`
  },
  customersFrom: (value, estimate) => (estimate ? `Provengono da circa ${plural(value, 'conversazione', 'conversazioni')} (${it.interval(estimate)}).` : `Provengono da ${plural(value, 'conversazione', 'conversazioni')} (conteggio esatto).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `Circa ${num(value)} ${value === 1 ? 'cliente ha' : 'clienti hanno'} presentato un reclamo (${it.interval(estimate)}` +
    `${reports ? COMPLAINT_COUNTS : ''}${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = prep('di', theCount(base.value, base.what, base.estimated))
    if (!estimate) return `Si tratta ${prep('di', il(value))} ${of}.`
    return `Si tratta di circa ${il(value)} (intervallo al 95%: ${num(estimate.low)}–${num(estimate.high)}%) ${of}.`
  },
  customersShare: (value, estimate, conversations, what) =>
    `Si tratta di circa ${il(value)} (${it.interval(estimate)}%) delle ${num(conversations)} conversazioni con ${what}.`,

  changeNone: (previous) => `Non ce n'erano ${inPeriod(previous)}.`,
  changeUnchanged: (their, before, previous, perDay) =>
    `${their ? 'I loro messaggi sono invariati' : 'Il dato è invariato'} rispetto ${prep('a', iN(before))} ${prep('di', thePeriod(previous))}${perDayText(perDay)}.`,
  changeMoved: (their, up, percent, before, previous, perDay, unsure) =>
    `${their ? 'I loro messaggi sono' : 'Il dato è'} in ${up ? 'aumento' : 'calo'}${percent === undefined ? '' : ` ${prep('di', il(percent))}`} ` +
    `rispetto ${prep('a', iN(before))} ${prep('di', thePeriod(previous))}${perDayText(perDay)}${unsureText(unsure)}.`,

  customersCompared(c) {
    const one = c.now === 1
    const who = c.who === 'complained'
      ? `${one ? 'ha' : 'hanno'} presentato un reclamo`
      : c.who === 'wrote'
        ? `${one ? 'ha' : 'hanno'} scritto`
        : `${one ? 'ha' : 'hanno'} scritto un messaggio ${sentimentKey(c.who.sentiment) === 'uncertain' ? 'dal sentiment incerto' : sentimentOne(c.who.sentiment)}`
    const direction = c.direction === 'same' ? 'più o meno stabile' : c.direction === 'up' ? 'in aumento' : 'in calo'
    const perDay = c.perDay ? ` su base giornaliera, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? OVERLAP_PERIODS : ''
    // The previous period by its dates where the answer names it "previous period".
    const previous = !c.previous ? 'nel periodo precedente' : periodName(c.previous.label).kind === 'previous' ? `nel periodo ${span(c.previous)}` : inPeriod(c.previous)
    return `Circa ${num(c.now)} ${one ? 'cliente' : 'clienti'} (${it.interval(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}) ${who} ${inPeriod(c.range)}, ` +
      `contro circa ${num(c.before)} (${it.interval(c.beforeEstimate)}) ${previous}: ${direction}${perDay}${sure}.`
  },

  weekByWeek: (weeks) => `Settimana per settimana: ${it.list(weeks.map((w) => `${about(w.about)}${num(w.value)} ${prep('in', weekName(w.week))}${w.partial ? ' (solo in parte)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `${prep('in', weekName(name))}${partial ? ' (solo in parte)' : ''}`
    // Which weeks the range only cuts into, when they are left out of the comparison.
    const left = w.leftOut.length
      ? `, considerando solo settimane intere (${it.list(w.leftOut.map(weekName))} ${w.leftOut.length === 1 ? 'rientra' : 'rientrano'} solo in parte nel periodo)`
      : ''
    return `Il volume settimanale è passato da ${about(w.about)}${num(w.first)} ${week(w.firstWeek, w.firstPartial)} a ${about(w.about)}${num(w.last)} ` +
      `${week(w.lastWeek, w.lastPartial)}${left}${w.overlap ? OVERLAP_WEEKS : ''}.`
  },
  negativeShareMoved(s) {
    const of = s.of ? `la percentuale di ${feminine(s.of) ? 'negative tra le' : 'negativi tra i'} ${s.of}` : 'la percentuale di messaggi negativi'
    const from = s.about ? `da circa ${il(s.from)}` : prep('da', il(s.from))
    const to = s.about ? `a circa ${il(s.to)}` : prep('a', il(s.to))
    return `${capitalise(of)} è passata ${from} ${to}${s.overlap ? OVERLAP_WEEKS : ''}.`
  },
  wholePeriodNegative: (value, estimate, previousValue) =>
    `Sull'intero periodo era negativo ${estimate ? `circa ${il(value)} (${it.interval(estimate)}%)` : il(value)}` +
    `${previousValue !== undefined ? `, contro circa ${il(previousValue)} nel periodo precedente` : ''}.`,

  shareMoved(s) {
    const f = feminine(s.what)
    const which = sentimentKey(s.sentiment) === 'uncertain' ? `${f ? 'quelle' : 'quelli'} dal sentiment incerto` : sentimentPlural(s.sentiment, f)
    const direction = s.direction === 'unchanged' ? 'invariata' : s.direction === 'up' ? 'in aumento' : 'in calo'
    const previous = s.previous ? inPeriod(s.previous) : 'nel periodo precedente'
    return `La percentuale di ${which} tra ${f ? 'le' : 'i'} ${s.what} è passata da circa ${il(s.before)} (${it.interval(s.beforeEstimate)}%) ${previous} ` +
      `a circa ${il(s.now)} (${it.interval(s.nowEstimate)}%) ${inPeriod(s.range)}: ${direction}${s.overlap && s.direction !== 'unchanged' ? OVERLAP_PERIODS : ''}.`
  },
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `Il tema cresciuto di più è «${t.theme}»: ${num(t.before)} → ${plural(t.now, 'messaggio', 'messaggi')} (dalle analisi settimanali dei temi).`
      : `Il tema cresciuto di più per settimana è «${t.theme}»: ${plural(t.before, 'messaggio', 'messaggi')} in ${plural(t.previousWeeks, 'settimana', 'settimane')} → ${num(t.now)} in ${plural(t.weeks, 'settimana', 'settimane')} (dalle analisi settimanali dei temi).`,
  leaderGrew(l) {
    const from = l.row ? `: da circa ${num(l.row.before)} ${l.previous ? inPeriod(l.previous) : 'nel periodo precedente'} a circa ${num(l.row.now)} ${inPeriod(l.range)}` : ''
    return `L'argomento cresciuto di più ${intentPlural(l.intent) ? 'sono' : 'è'} con ogni probabilità ${intentThe(l.intent)}${from}` +
      ` (una variazione di circa ${num(l.change)}, intervallo al 95% da ${num(l.low)} a ${num(l.high)}; la variazione più grande ${prep('in', il(l.chance))} dei ricampionamenti` +
      `${l.chance < 50 ? ', quindi non è nettamente davanti agli altri' : ''}).`
  },
  grewMost(g) {
    const perDay = g.perDay ? ` su base giornaliera (${lengths(g.perDay.range, g.perDay.days, g.perDay.daysBefore).replace(/^perché /, '')})` : ''
    return `L'argomento cresciuto di più${perDay} ${intentPlural(g.intent) ? 'sono' : 'è'} ${intentThe(g.intent)}: ` +
      `da ${num(g.before)} ${g.previous ? inPeriod(g.previous) : 'nel periodo precedente'} a ${num(g.now)} ${inPeriod(g.range)}.`
  },
  noneGrew: (previous, perDay) =>
    `Nessun argomento è cresciuto nettamente rispetto ${previous ? prep('a', thePeriod(previous)) : 'al periodo precedente'}` +
    `${perDay ? ` su base giornaliera (${lengths(perDay.range, perDay.days, perDay.daysBefore).replace(/^perché /, '')})` : ''}.`,
  fellMost: (intent, before, now) => `L'argomento calato di più ${intentPlural(intent) ? 'sono' : 'è'} ${intentThe(intent)}: da ${num(before)} a ${num(now)}.`,

  examples: (n, total, what, range, quotes) =>
    `${plural(n, 'esempio', 'esempi')} su ${num(total)} ${total === 1 ? singular(what) : what} ${inPeriod(range)}: ${quotes}.`,
  mix(parts) {
    const said = parts.map((f, i) => {
      const share = f.estimate ? `circa ${il(f.value)} (${it.interval(f.estimate)}%)` : il(f.value)
      const sentiment = sentimentKey(f.sentiment) === 'uncertain' ? 'di sentiment incerto' : sentimentOne(f.sentiment)
      return `${share} ${i === 0 ? 'era ' : ''}${sentiment}`
    })
    return `Di questi, ${it.list(said)} (stima basata sulle etichette di sentiment).`
  },
  intentsMostCommon: (items) => `Gli argomenti più frequenti erano ${items.map((i) => `${intentName(i.intent)} (${num(i.value)})`).join(', ')}.`,
  unnamedIntents: (n, approx) => `${approx ? 'Circa ' : ''}${num(n)} non ${n === 1 ? 'corrispondeva' : 'corrispondevano'} a nessun argomento specifico.`,
  citedMostlyAbout: (items, total) => `I messaggi citati riguardano soprattutto ${items.map((i) => `${intentThe(i.intent)} (${num(i.n)} su ${num(total)})`).join(' e ')}.`,
  representative: (quotes) => `Messaggi rappresentativi: ${quotes}.`,

  nothingToRank: (what, range) => `Per questa domanda non ci sono ${what} ${inPeriod(range)}, quindi non c'è nulla da mettere in classifica.`,
  rankFirst(r) {
    const group = theGroup(r.dimension, r.name)
    return `Per ${dimensionName(r.dimension)}, ${group.np} ${group.pl ? 'hanno' : 'ha'} il ${r.fewest ? 'minor' : 'maggior'} numero di ${r.byCustomers ? 'reclami' : r.what} ` +
      `(${it.periodInBrackets(r.range)}): ${r.byCustomers ? 'clienti che hanno presentato un reclamo, ' : ''}${r.figure}.`
  },
  rankThen: (items) => `${items.length === 1 ? 'Segue' : 'Seguono'} ${items.map((i) => `${i.name} (${about(i.about)}${num(i.value)})`).join(', ')}.`,
  rankFooter: (estimated) =>
    estimated ? 'Questi conteggi sono stime basate sulle etichette del classificatore, con gli intervalli al 95% indicati nei dati.' : 'Questi sono conteggi esatti dai metadati dei messaggi.',
  themesByIntents: () => 'I temi sono messi in classifica in base agli argomenti che raggruppano, finché non conterranno direttamente i propri messaggi.',
  complaintPerCustomer: () =>
    'Un reclamo è un messaggio negativo, o uno neutro che segnala un problema; ogni cliente conta una volta sola, per quanti messaggi abbia scritto.',

  rateFirst(r) {
    const sentiment = r.sentiment && (sentimentKey(r.sentiment) === 'uncertain' ? 'hanno un sentiment incerto' : `sono ${sentimentPlural(r.sentiment)}`)
    const what = r.byConversation
      ? `conversazioni con un reclamo${r.intent ? ` ${intentAbout(r.intent)}` : ''}`
      : `messaggi dei clienti${sentiment || r.intent ? ` che ${[sentiment, r.intent && intentClause(r.intent)].filter(Boolean).join(' e ')}` : ''}`
    const of = r.byConversation ? 'conversazioni con messaggi dei clienti' : 'messaggi dei clienti'
    const dimension = dimensionKey(r.dimension)
    const group = dimension === 'channel' ? { np: r.name } : theGroup(dimension, r.name)
    const where = r.single
      ? `si riferisce ${prep('a', group.np)}`
      : `è più ${r.lowest ? 'bassa' : 'alta'} ${dimension === 'channel' ? onChannel(r.name) : prep('per', group.np)}`
    const its = r.byConversation ? 'delle sue' : 'dei suoi'
    return `Per ${dimensionName(r.dimension)}, la quota di ${what} ${where} (${it.periodInBrackets(r.range)}): ` +
      `circa ${il(r.value)} (${it.interval(r.estimate)}%) ${its} ${about(r.baseAbout)}${num(r.base)} ${of}.`
  },
  rateThen: (items) => `${items.length === 1 ? 'Segue' : 'Seguono'} ${items.map((i) => `${i.name} (circa ${il(i.value)} su ${about(i.baseAbout)}${num(i.base)})`).join(', ')}.`,
  rateOverlap: (first, second, lowest) =>
    `Gli intervalli di ${first} e di ${second} si sovrappongono, quindi nessuno dei due ha chiaramente la quota più ${lowest ? 'bassa' : 'alta'}.`,
  complaintPerConversation: () =>
    'Un reclamo è un messaggio negativo, o uno neutro che segnala un problema; ogni conversazione conta una volta sola, per quanti messaggi contenga.',
  rateFooter(dimension, mayHaveFewer, min) {
    const d = DIMENSIONS[dimensionKey(dimension)]
    return `Le quote sono stime basate sulle etichette del classificatore, con intervalli al 95%; ${d?.a ?? `«${dimension}»`} ` +
      `${mayHaveFewer ? `che potrebbe avere meno di ${num(min)} messaggi` : `con meno di ${num(min)} messaggi`} non viene ${d?.f ? 'messa' : 'messo'} in classifica.`
  },

  slotFirst(s) {
    const slot = s.slot === 'weekday' ? 'giorno della settimana' : 'ora del giorno'
    const group = theGroup(s.slot, s.name)
    // "12 lunedì", "3 sabati", "2 domeniche"; hours over days.
    const many = s.slot !== 'weekday' ? 'giorni' : s.name === 'sabato' ? 'sabati' : s.name === 'domenica' ? 'domeniche' : s.name
    const days = plural(s.days, s.slot === 'weekday' ? s.name : 'giorno', many)
    return `Per ${slot} (UTC), ${group.np} ha il ${s.fewest ? 'minor' : 'maggior'} numero di ${s.what} (${it.periodInBrackets(s.range)}): ` +
      `${s.figure} in ${days}, ${about(s.about)}${num(s.perDay)} al giorno.`
  },
  slotThen: (items) => `${items.length === 1 ? 'Segue' : 'Seguono'} ${items.map((i) => `${i.name} (${about(i.about)}${num(i.perDay)} al giorno)`).join(', ')}.`,
  slotPerDay: (fewest, most) => `Ognuno è confrontato su base giornaliera, perché nel periodo coperto dai dati ciascuno ricorre da ${num(fewest)} a ${num(most)} volte.`,
  slotFooter: (estimated) =>
    estimated
      ? 'Questi conteggi sono stime basate sulle etichette del classificatore, con gli intervalli al 95% indicati nei dati; gli orari sono in UTC.'
      : 'Questi sono conteggi esatti dagli orari dei messaggi, in UTC.',

  nothingStarted: (range) => `Nessuna conversazione è iniziata ${inPeriod(range)}, quindi non c'è nulla da misurare.`,
  awaiting: (n, started, range, byChannel) =>
    `${num(n)} ${n === 1 ? 'conversazione' : 'conversazioni'} su ${num(started)} (${it.periodInBrackets(range)}) ${n === 1 ? 'è' : 'sono'} ancora in attesa di risposta: ` +
    `l'ultimo messaggio è del cliente (conteggio esatto${byChannel ? `; ${byChannel}` : ''}).`,
  waitingLonger: (n, minutes) => `Di queste, ${num(n)} ${n === 1 ? 'aspetta' : 'aspettano'} da più di ${it.threshold(minutes)} dall'ultimo messaggio del cliente.`,
  medianResponse: ({ median, mean, p90, started, range }) =>
    `Il tempo mediano di prima risposta è stato di ${it.minutes(median)} (media ${it.minutes(mean)}, 90° percentile ${it.minutes(p90)}) su ${plural(started, 'conversazione', 'conversazioni')} ` +
    `${inPeriod(range)}; dato esatto, dagli orari dei messaggi.`,
  noneAnswered: (started, range) =>
    started === 1
      ? `L'unica conversazione (${it.periodInBrackets(range)}) non ha ricevuto risposta da un operatore.`
      : `Nessuna delle ${num(started)} conversazioni (${it.periodInBrackets(range)}) ha ricevuto risposta da un operatore.`,
  byChannelMedian: (items) => `Per canale (mediana, dal più lento): ${items.map((i) => `${i.channel} ${it.minutes(i.minutes)}`).join(', ')}.`,
  answeredWithin: (pct, minutes) => `${capitalise(il(pct))} ha ricevuto risposta entro ${it.threshold(minutes)}.`,
  unanswered(n, byChannel, complaints) {
    // The conversations that opened with a complaint: "di cui circa 36 (…) iniziate", "di cui 1 iniziata".
    const oneComplaint = complaints !== undefined && /^(?:circa )?1(?![\d,])/.test(complaints)
    return `${num(n)} ${n === 1 ? 'non ha' : 'non hanno'} mai ricevuto risposta da un operatore (dato esatto${byChannel ? `; ${byChannel}` : ''})` +
      `${complaints ? `, di cui ${complaints} ${oneComplaint ? 'iniziata' : 'iniziate'} con un reclamo` : ''}.`
  },
  channelCounts: (items) => items.map((i) => `${i.channel} ${num(i.value)}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `${conversations === 1 ? "L'unica conversazione" : `Le ${num(conversations)} conversazioni`} con ${what} (${it.periodInBrackets(range)}) ${conversations === 1 ? 'contava' : 'contavano'} ` +
    `${plural(messages, 'messaggio', 'messaggi')} in tutto, dei clienti e degli operatori: ${num(mean)} per conversazione in media (mediana: ${num(median)}); dato esatto, dai messaggi registrati.`,
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `${customers === 1 ? "Dell'unico cliente" : `Dei ${num(customers)} clienti`}${scope ? ` ${scope}` : ''} (${it.periodInBrackets(range)}), ${num(repeat)} (${it.pct(share)}) ${repeat === 1 ? 'ha' : 'hanno'} scritto in più di una conversazione; ` +
    'dato esatto, contando ogni cliente per il suo identificativo su ciascun canale: la stessa persona su due canali conta due volte.',
  withoutHandle: (n) => `${n === 1 ? 'Una conversazione' : `${num(n)} conversazioni`} senza identificativo del cliente non ${n === 1 ? 'è contata' : 'sono contate'}.`,
  measureNotNarrowed: () =>
    "Queste cifre riguardano tutte le conversazioni del periodo, qualunque ne sia l'argomento o il tono: di cosa parli una conversazione è una stima del classificatore, mentre queste cifre sono esatte.",
}
