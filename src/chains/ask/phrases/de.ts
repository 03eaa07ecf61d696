// The local answer's sentences in German: periods named in German from the plan's English labels, numbers
// with a decimal comma, what is counted declined for the slot it fills ("keine negativen Kundennachrichten").
import { mentionParts } from '../subject-words.ts'
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import type { FigureEstimate, TimeRange } from '../types.ts'
import { dateSpan, dayIn, groupNameIn, languageIn, listIn, measureIn, type MeasureNames, numberIn, periodName, type Unit } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'

const LOCALE = 'de-DE'
const num = numberIn(LOCALE)
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
const about = (yes: boolean) => (yes ? 'etwa ' : '')
const quote = (s: string) => `„${s}“`

type Gender = 'm' | 'f' | 'n'
const UNITS: Record<Unit, { one: string; many: string; manyDative: string; gender: Gender }> = {
  hour: { one: 'Stunde', many: 'Stunden', manyDative: 'Stunden', gender: 'f' },
  day: { one: 'Tag', many: 'Tage', manyDative: 'Tagen', gender: 'm' },
  week: { one: 'Woche', many: 'Wochen', manyDative: 'Wochen', gender: 'f' },
  month: { one: 'Monat', many: 'Monate', manyDative: 'Monaten', gender: 'm' },
  quarter: { one: 'Quartal', many: 'Quartale', manyDative: 'Quartalen', gender: 'n' },
  year: { one: 'Jahr', many: 'Jahre', manyDative: 'Jahren', gender: 'n' },
}
/** "of last week" in the genitive: "dieselben Tage der letzten Woche". */
const SAME_DAYS_OF = { week: 'der letzten Woche', month: 'des letzten Monats', quarter: 'des letzten Quartals', year: 'des letzten Jahres' }
const THIS = { nom: { m: 'dieser', f: 'diese', n: 'dieses' }, acc: { m: 'diesen', f: 'diese', n: 'dieses' }, dat: { m: 'diesem', f: 'dieser', n: 'diesem' } }
const LAST = {
  nom: { m: 'der letzte', f: 'die letzte', n: 'das letzte' },
  acc: { m: 'den letzten', f: 'die letzte', n: 'das letzte' },
  dat: { m: 'dem letzten', f: 'der letzten', n: 'dem letzten' },
  in: { m: 'im letzten', f: 'in der letzten', n: 'im letzten' },
  bare: { m: 'letzten', f: 'letzte', n: 'letztes' },
}

/**
 * A period in the cases the sentences need: `nom` names it, `subject` can open a clause ("der heutige Tag
 * umfasst …"), `acc` follows "für", `dat` follows "gegenüber" and "nach", `in` says when, `bracket` follows a count.
 */
interface PeriodForms { nom: string; subject: string; acc: string; dat: string; in: string; bracket: string }

function periodForms(range: TimeRange): PeriodForms {
  const name = periodName(range.label)
  const span = dateSpan(range, LOCALE)
  const dated = /\(.+\)$/.test(range.label)
  const d = dated ? ` (${span})` : ''
  const colon = dated ? `: ${span}` : ''
  const same = (s: string): PeriodForms => ({ nom: s, subject: s, acc: s, dat: s, in: s, bracket: s })
  /** A noun phrase: nominative (also the subject), accusative, dative, "in …", and the bracket's words. */
  const noun = (nom: string, acc: string, dat: string, inn: string, bracket: string): PeriodForms => ({ nom, subject: nom, acc, dat, in: inn, bracket })
  switch (name.kind) {
    case 'all':
      return noun('der gesamte Zeitraum', 'den gesamten Zeitraum', 'dem gesamten Zeitraum', 'im gesamten Zeitraum', 'gesamter Zeitraum')
    case 'today':
      return { ...same('heute'), subject: 'der heutige Tag' }
    case 'yesterday':
      return { ...same(`gestern${d}`), subject: `der gestrige Tag${d}`, bracket: `gestern${colon}` }
    case 'this': {
      const { one, gender: g } = UNITS[name.unit]
      return noun(`${THIS.nom[g]} ${one}${d}`, `${THIS.acc[g]} ${one}${d}`, `${THIS.dat[g]} ${one}${d}`, `in ${THIS.dat[g]} ${one}${d}`, `${THIS.acc[g]} ${one}${colon}`)
    }
    case 'last':
    case 'past': {
      const { one, many, manyDative, gender: g } = UNITS[name.unit]
      if (name.kind === 'last' || name.n === 1) {
        return noun(`${LAST.nom[g]} ${one}${d}`, `${LAST.acc[g]} ${one}${d}`, `${LAST.dat[g]} ${one}${d}`, `${LAST.in[g]} ${one}${d}`, `${LAST.bare[g]} ${one}${colon}`)
      }
      const n = num(name.n)
      return noun(`die letzten ${n} ${many}`, `die letzten ${n} ${many}`, `den letzten ${n} ${manyDative}`, `in den letzten ${n} ${manyDative}`, `die letzten ${n} ${many}`)
    }
    case 'previous':
      return noun(`der vorherige Zeitraum${d}`, `den vorherigen Zeitraum${d}`, `dem vorherigen Zeitraum${d}`, `im vorherigen Zeitraum${d}`, `vorheriger Zeitraum${colon}`)
    case 'sameBefore': {
      if (name.unit === 'day') return { ...same(`gestern zur selben Zeit${d}`), subject: `derselbe Zeitraum gestern${d}`, bracket: `gestern zur selben Zeit${colon}` }
      const of = SAME_DAYS_OF[name.unit]
      return noun(`dieselben Tage ${of}${d}`, `dieselben Tage ${of}${d}`, `denselben Tagen ${of}${d}`, `an denselben Tagen ${of}${d}`, `dieselben Tage ${of}${colon}`)
    }
    case 'since': {
      const since = `seit dem ${dayIn(range.from, LOCALE)}`
      return { ...same(since), subject: `die Zeit ${since}`, acc: `die Zeit ${since}`, dat: `der Zeit ${since}` }
    }
    case 'isoWeek': {
      const week = `KW ${name.week}/${name.year}`
      return { ...same(`${week}${d}`), in: `in ${week}${d}`, bracket: `${week}${colon}` }
    }
    case 'lastWithData': {
      const week = `Woche mit Daten${d}`
      return noun(`die letzte ${week}`, `die letzte ${week}`, `der letzten ${week}`, `in der letzten ${week}`, `letzte Woche mit Daten${colon}`)
    }
    case 'dates':
      return datesForms(range)
  }
}

/** A range named by its dates: "1.–31. Okt. 2026", "vom 1. bis 31. Okt. 2026", "am 19. Nov. 2026". */
function datesForms(range: TimeRange): PeriodForms {
  const span = dateSpan(range, LOCALE)
  if (!span.includes('–')) return { nom: span, subject: `der ${span}`, acc: `den ${span}`, dat: `dem ${span}`, in: `am ${span}`, bracket: span }
  const fromTo = span.replace(/\s?–\s?/, ' bis ')
  return { nom: span, subject: `der Zeitraum vom ${fromTo}`, acc: `den Zeitraum vom ${fromTo}`, dat: `dem Zeitraum vom ${fromTo}`, in: `vom ${fromTo}`, bracket: span }
}

/** The previous period after "gegenüber etwa 80": its dates alone when it is named "previous period (…)". */
function previousIn(range: TimeRange | undefined, datesOnly = false): string {
  if (!range) return 'im vorherigen Zeitraum'
  if (datesOnly && periodName(range.label).kind === 'previous' && /\(.+\)$/.test(range.label)) return datesForms(range).in
  return periodForms(range).in
}

const days = (n: number) => `${num(n)} ${n === 1 ? 'Tag' : 'Tage'}`
/** "da dieser Monat (…) 9,4 Tage umfasst und der Vergleichszeitraum 31". */
const lengths = (range: TimeRange, n: number, before: number) => `da ${periodForms(range).subject} ${days(n)} umfasst und der Vergleichszeitraum ${num(before)}`
/** The same inside brackets: "dieser Monat (…) umfasst 9,4 Tage, der Vergleichszeitraum 31". */
const lengthsAside = (range: TimeRange, n: number, before: number) => `${periodForms(range).subject} umfasst ${days(n)}, der Vergleichszeitraum ${num(before)}`
const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', pro Tag gerechnet' : `; pro Tag verglichen, ${lengths(p.range, p.days, p.daysBefore)}`)
const NOT_CERTAIN = 'die Richtung ist also nicht sicher'
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? '; auch das ist nicht sicher' : `; die Intervalle der beiden Zeiträume überschneiden sich, ${NOT_CERTAIN}`)

// What is counted: "negative Kundennachrichten zur Abrechnung auf whatsapp auf Deutsch, die „router“ erwähnen".
const SENTIMENT_STEMS: Record<string, string> = { negative: 'negativ', positive: 'positiv', neutral: 'neutral', uncertain: 'nicht eindeutig eingestuft' }
/** A sentiment as its German stem, whether it comes as the class ("negative") or as sentimentName gave it. */
const stemOf = (sentiment: string) => SENTIMENT_STEMS[sentiment] ?? sentiment
const LEADING_ADJECTIVE = new RegExp(`^(${Object.values(SENTIMENT_STEMS).join('|')})e `)

const INTENT_NAMES: Record<string, string> = {
  question: 'Frage', complaint: 'Beschwerde', bug_outage: 'App-Fehler oder -Ausfall', billing: 'Abrechnung', delivery: 'Lieferung',
  account_login: 'Konto-Anmeldung', cancellation: 'Kündigung', feature_request: 'Funktionswunsch', praise: 'Lob', connectivity: 'Verbindung',
  product_fault: 'Produktfehler', appointment: 'Termin', pricing: 'Preise', other: 'Sonstiges',
}
/** Messages "about" a default intent; another intent by its name. */
const INTENT_ABOUT: Record<string, string> = {
  question: 'mit Fragen', complaint: 'mit Beschwerden', bug_outage: 'zu App-Fehlern oder -Ausfällen', billing: 'zur Abrechnung', delivery: 'zur Lieferung',
  account_login: 'zur Konto-Anmeldung', cancellation: 'zur Kündigung', feature_request: 'mit Funktionswünschen', praise: 'mit Lob', connectivity: 'zur Verbindung',
  product_fault: 'zu Produktfehlern', appointment: 'zu Terminen', pricing: 'zu Preisen', other: 'ohne bestimmtes Anliegen',
}
const intentAbout = (intent: string) => INTENT_ABOUT[intent] ?? `zum Anliegen ${quote(de.intentName(intent))}`
const CHANNEL_PREPOSITIONS: Record<string, string> = { email: 'per', chat: 'im' }

function mentioning(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  const shown = words.map((w) => quote(w.replace(/^"|"$/g, '')))
  const others = support ? 'oder „customer service“, „live chat“, „on hold“ und Ähnliches in jeder Sprache' : 'oder die Entsprechungen in anderen Sprachen'
  return `, die ${shown.join(' oder ')}${translated ? ` (${others})` : ''} erwähnen`
}

/**
 * `what` in the slot it fills: plural after a number ('plural'), after an article or "keine" ('weak'),
 * after "mit", "aus den" ('dative'), one after "1" ('one') or after "der einzigen" ('oneDative').
 */
type Slot = 'plural' | 'weak' | 'dative' | 'one' | 'oneDative'
function inflect(what: string, slot: Slot): string {
  const adjective = LEADING_ADJECTIVE.exec(what)
  let rest = adjective ? what.slice(adjective[0].length) : what
  const neuter = rest.startsWith('Kundengespräch')
  const ending = slot === 'plural' ? 'e' : slot === 'one' ? (neuter ? 'es' : 'e') : 'en'
  if (slot === 'dative') rest = rest.replace(/^Kundengespräche\b/, 'Kundengesprächen')
  if (slot === 'one' || slot === 'oneDative') rest = rest.replace(/^Kunden(nachricht|gespräch)(?:en|e)?/, 'Kunden$1').replace(/ erwähnen$/, ' erwähnt')
  return `${adjective ? `${adjective[1]}${ending} ` : ''}${rest}`
}
/** A relative clause ending the phrase is closed by a comma when the sentence goes on. */
const closed = (what: string) => (what.includes(', die ') ? `${what},` : what)

/** "95-%-Intervall 35,2–50", for a share "95-%-Intervall 35,2–50 %". */
function intervalOf(estimate: FigureEstimate, unit = ''): string {
  const [low, high] = [num(estimate.low), `${num(estimate.high)}${unit}`]
  if (isThemeBounds(estimate)) return `zwischen ${low} und ${high}`
  if (isWidenedByTheme(estimate)) return `zwischen ${low} und ${high}: das 95-%-Intervall der Labels, erweitert um das, was das Clustering des Themas falsch zugeordnet haben könnte`
  return `95-%-Intervall ${low}–${high}`
}
const shareWithInterval = (value: number, estimate: FigureEstimate) => `etwa ${de.pct(value)} (${intervalOf(estimate, ' %')})`
const THEME_COUNTED = 'gezählt unter den Nachrichten, die die wöchentlichen Themenauswertungen dem Thema zugeordnet haben'

const MEASURES: MeasureNames = {
  bySlot: { words: 'eine auf bestimmte Wochentage oder Tageszeiten beschränkte Zählung', reason: 'Wochentage und Stunden lassen sich aber in eine Rangfolge bringen: „An welchem Wochentag ist am meisten los?“' },
  averages: { words: 'Durchschnittswerte pro Gespräch oder Kunde' },
  closed: { words: 'eine Zählung abgeschlossener Gespräche oder gelöster Probleme', reason: 'nirgends ist gespeichert, ob das der Fall war' },
  newCustomers: { words: 'eine Zählung neuer oder wiederkehrender Kunden', reason: 'nichts kennzeichnet einen Erstkontakt' },
  themeRate: { words: 'einen Anteil an den Nachrichten jedes Wochenthemas', reason: 'die Themen werden nach ihren Beschwerden gereiht' },
  byCustomer: { words: 'eine Rangfolge einzelner Kunden' },
  agentWork: { words: 'eine Zählung dessen, was Mitarbeiter getan oder zugesagt haben', reason: 'die Zahlen zählen die Nachrichten der Kunden und wann sie beantwortet wurden' },
  byAgent: { words: 'eine Aufschlüsselung nach Mitarbeiter' },
  surveyScore: { words: 'ein Zufriedenheitswert wie CSAT oder NPS', reason: 'Umfrageantworten werden nicht gespeichert; wie Kunden sich fühlen, zeigt die Stimmung ihrer Nachrichten' },
}

const DIMENSIONS: Record<string, { name: string; gender: Gender }> = {
  channel: { name: 'Kanal', gender: 'm' }, language: { name: 'Sprache', gender: 'f' }, intent: { name: 'Anliegen', gender: 'n' }, theme: { name: 'Thema', gender: 'n' },
  day: { name: 'Tag', gender: 'm' }, weekday: { name: 'Wochentag', gender: 'm' }, hour: { name: 'Stunde', gender: 'f' }, sentiment: { name: 'Stimmung', gender: 'f' },
}
/** A group of a ranking named in quotes where its name is words of its own: an intent, a theme. */
const groupInText = (dimension: string, name: string) => ([DIMENSIONS.intent!.name, DIMENSIONS.theme!.name].includes(de.dimensionName(dimension)) ? quote(name) : name)
const weekName = (week: string) => week.replace(/^(\d{4})-W(\d{2})$/, (_m, year: string, n: string) => `KW ${Number(n)}/${year}`)
const intentInText = (intent: string) => `Das Anliegen ${quote(de.intentName(intent))}`
const customers = (n: number) => `${num(n)} ${n === 1 ? 'Kunde' : 'Kunden'}`
const conversations = (n: number) => `${num(n)} ${n === 1 ? 'Gespräch' : 'Gesprächen'}`

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = '; als Beschwerde gilt eine negative Nachricht oder eine neutrale, die das Problem meldet'
const SO_OUTNUMBER = ', daher übersteigt ihre Zahl die der negativen Nachrichten'

export const de: Phrases = {
  locale: LOCALE,
  num,
  pct: (n) => `${num(n)} %`,
  list: listIn(LOCALE),
  quoted: (text, n) => `„${text}“ [${n}]`,

  period: (range) => periodForms(range).nom,
  inPeriod: (range) => periodForms(range).in,
  periodInBrackets: (range) => periodForms(range).bracket,
  day: (iso) => dayIn(iso, LOCALE),
  lengths,

  what(filters, noun = 'messages') {
    const parts = [`${filters.sentiment ? `${de.sentimentName(filters.sentiment)}e ` : ''}${noun === 'conversations' ? 'Kundengespräche' : 'Kundennachrichten'}`]
    if (filters.intent) parts.push(intentAbout(filters.intent))
    if (filters.theme) parts.push(`im Thema ${quote(filters.theme)}`)
    if (filters.channel) parts.push(`${CHANNEL_PREPOSITIONS[filters.channel] ?? 'auf'} ${filters.channel}`)
    if (filters.language) parts.push(`auf ${languageIn(LOCALE, filters.language)}`)
    const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
    if (segment.length) parts.push(`(${segment.join(', ')})`)
    return `${parts.join(' ')}${filters.mentions ? mentioning(filters.mentions) : ''}`
  },
  intentName: (intent) => INTENT_NAMES[intent] ?? intent.replace(/_/g, ' '),
  groupName: (dimension, key) => (dimension === 'sentiment' ? de.sentimentName(key) : groupNameIn(LOCALE, dimension, key, de.intentName)),
  dimensionName: (dimension) => DIMENSIONS[dimension]?.name ?? dimension,
  sentimentName: (sentiment) => SENTIMENT_STEMS[sentiment] ?? sentiment,
  minutes(m) {
    if (m < 90) return `${num(Math.round(m))} min`
    if (m < 48 * 60) return `${num(Math.round(m / 6) / 10)} h`
    return `${num(Math.round(m / 144) / 10)} Tage`
  },
  // In the dative, as its sentences say it ("innerhalb von 2 Tagen", "seit mehr als einem Tag").
  threshold(minutes) {
    if (minutes % 1440 === 0) return minutes === 1440 ? 'einem Tag' : `${num(minutes / 1440)} Tagen`
    if (minutes === 60) return 'eine Stunde'
    if (minutes % 60 === 0 || minutes > 90) return `${num(Math.round((10 * minutes) / 60) / 10)} Stunden`
    return `${num(minutes)} ${minutes === 1 ? 'Minute' : 'Minuten'}`
  },

  interval: (estimate) => intervalOf(estimate),
  figure(f) {
    if (f.kind === 'exact') return num(f.value)
    if (f.kind === 'theme') {
      return `etwa ${num(f.value)} (${THEME_COUNTED}; zwischen ${num(f.low)} und ${num(f.high)}: Die untere Grenze zählt nur die, deren Gespräch die Wörter des Themas nennt, ` +
        'die obere zählt Nachrichten hinzu, die das Clustering übersehen haben könnte)'
    }
    const how = f.corrected
      ? 'von Menschen vergebene Labels exakt gezählt, der Rest geschätzt anhand von Klassifikator-Labels, korrigiert um deren gemessene Fehler'
      : 'geschätzt anhand von Klassifikator-Labels'
    return `etwa ${num(f.value)} (${how}, ${intervalOf(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `Diese Frage zielt auf ${measureIn(measure, MEASURES, quote)}. Keine der hier berechneten Zahlen liefert das, daher lässt sie sich nicht wie gestellt beantworten; verstanden habe ich: ${understoodAs}. ` +
    'Was folgt, ist das, was sich zählen lässt, keine Antwort.',
  notUnderstood: (understoodAs) =>
    `Diese Frage konnte ich keiner Zahl zuordnen, die ich berechnen kann; verstanden habe ich: ${understoodAs}. Was folgt, ist eine Suche in den Nachrichten, keine Antwort.`,
  periodAssumed: (range) => `Es wurde kein Zeitraum genannt: ${cap(periodForms(range).subject)} wird mit der Woche davor verglichen, wie im wöchentlichen Themenbericht.`,
  eventRead: (theme, range) => range.label.includes('–')
    ? `Es wurde kein Datum genannt: Die Wochen des Wochenthemas ${quote(theme)} (${range.label}) werden mit den Wochen davor verglichen, über alle Nachrichten, die die Frage meint.`
    : `Es wurde kein Datum genannt: Die Woche des Wochenthemas ${quote(theme)} (${range.label}) wird mit der Woche davor verglichen, über alle Nachrichten, die die Frage meint.`,
  recentRead: (words, range) => `${quote(words)} nennt kein Datum: Ich lese es als ${periodForms(range).acc}.`,
  unplacedTime: (words, range, weekly) => `${quote(words)} nennt kein Datum, das ich einordnen kann: Die Zahlen gelten für ${periodForms(range).acc}${weekly ? ', Woche für Woche' : ''}.`,
  notNarrowedIntent: (words, intent) => `${quote(words)} wird nicht gesondert gezählt: Die Zahlen gelten für alle Nachrichten ${intentAbout(intent)}.`,
  notNarrowedKind: (kind) =>
    `Das Anliegen einer Nachricht ist entweder ihr Gegenstand oder ihre Art (${quote(de.intentName(kind))}), nicht beides; die folgende Rangliste zeigt daher die Gegenstände ` +
    `aller Kundennachrichten, nicht nur die der Nachrichten vom Typ ${quote(de.intentName(kind))}.`,
  rankedByTheme: (intent) => `Eine Nachricht hat nur ein Anliegen: Die Nachrichten ${intentAbout(intent)} werden daher nicht nach Anliegen geordnet, sondern nach den Wochenthemen, zu denen sie gehören.`,
  themeMatched: (theme, labels) =>
    `${quote(theme)} entspricht den wöchentlichen Themen ${de.list(labels.map((l) => ('more' in l ? `${num(l.more)} weiteren` : quote(l.label))))}: Die Zahlen umfassen deren Nachrichten.`,
  noDataFor: (range, endsAt, suggested) =>
    `Für ${periodForms(range).acc} gibt es keine Daten: Die Daten dieses Workspace reichen bis zum ${de.day(endsAt)}. ` +
    `Fragen Sie stattdessen nach ${periodForms(suggested).dat} (gleich lang, mit Ende an diesem Tag).`,
  dataStartsAt: (startsAt, previous) =>
    `Die Daten dieses Workspace beginnen am ${de.day(startsAt)}, daher ist ${periodForms(previous).subject} nur teilweise abgedeckt: Eine Veränderung gegenüber diesem Zeitraum ist keine echte.`,

  noMessagesAtAll: (range, what, before) =>
    `Für ${periodForms(range).acc} gibt es überhaupt keine Kundennachrichten: Die Daten decken diesen Zeitraum nicht ab, was nichts über ${what}` +
    `${before ? ` (${periodForms(before.range).in} gab es ${num(before.value)})` : ''}${what.includes(', die ') ? ',' : ''} aussagt; es wird nichts gezählt oder zitiert.`,
  noMatch: (what, range, before) =>
    `Zu dieser Frage passen für ${periodForms(range).acc} keine ${inflect(what, 'weak')}${before ? ` (${periodForms(before.range).in} gab es ${num(before.value)})` : ''}, ` +
    'daher können die Daten sie nicht beantworten; es wird nichts gezählt oder zitiert.',
  openingEstimated: (figure, what, range) => `Es gab ${figure} ${what} (${de.periodInBrackets(range)}).`,
  openingCounted: (total, what, range, how) =>
    `Es gab ${num(total)} ${total === 1 ? inflect(what, 'one') : what} (${de.periodInBrackets(range)}; ${how === 'exact' ? 'exakte Zählung aus den Metadaten' : THEME_COUNTED}).`,
  customersFrom: (value, estimate) => (estimate ? `Sie stammen aus etwa ${conversations(value)} (${intervalOf(estimate)}).` : `Sie stammen aus ${conversations(value)} (exakt).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `Etwa ${customers(value)} ${value === 1 ? 'hat' : 'haben'} sich beschwert (${intervalOf(estimate)}` +
    `${reports ? COMPLAINT_COUNTS : ''}` +
    `${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = `der ${about(base.estimated)}${num(base.value)} ${inflect(base.what, 'weak')}`
    if (!estimate) return `Das sind ${de.pct(value)} ${of}.`
    return `Das sind ${shareWithInterval(value, estimate)} ${of}.`
  },
  customersShare: (value, estimate, total, what) => `Das sind ${shareWithInterval(value, estimate)} der ${num(total)} Gespräche mit ${inflect(what, 'dative')}.`,

  changeNone: (previous) => `${cap(periodForms(previous).in)} gab es keine.`,
  changeUnchanged: (their, before, previous, perDay) =>
    `${their ? 'Die Zahl ihrer Nachrichten ist' : 'Das ist'} unverändert gegenüber ${num(before)} ${periodForms(previous).in}${perDayText(perDay)}.`,
  changeMoved: (their, up, percent, before, previous, perDay, unsure) =>
    `${their ? 'Die Zahl ihrer Nachrichten zeigt einen' : 'Das ist ein'} ${up ? 'Anstieg' : 'Rückgang'}${percent === undefined ? '' : ` um ${de.pct(percent)}`} ` +
    `gegenüber ${num(before)} ${periodForms(previous).in}${perDayText(perDay)}${unsureText(unsure)}.`,

  customersCompared(c) {
    const when = periodForms(c.range).in
    const did = c.who === 'complained' ? `sich ${when} beschwert` : c.who === 'wrote' ? `${when} geschrieben` : `${when} eine ${stemOf(c.who.sentiment)}e Nachricht geschrieben`
    const direction = c.direction === 'same' ? 'etwa gleich viele' : c.direction === 'up' ? 'mehr' : 'weniger'
    const perDay = c.perDay ? ` pro Tag, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? `; die Intervalle der beiden Zeiträume überschneiden sich, ${NOT_CERTAIN}` : ''
    return `Etwa ${customers(c.now)} ${c.now === 1 ? 'hat' : 'haben'} ${did} (${intervalOf(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}), gegenüber etwa ${num(c.before)} ${previousIn(c.previous, true)} ` +
      `(${intervalOf(c.beforeEstimate)}): ${direction}${perDay}${sure}.`
  },

  weekByWeek: (weeks) => `Woche für Woche: ${de.list(weeks.map((w) => `${about(w.about)}${num(w.value)} in ${weekName(w.week)}${w.partial ? ' (nur teilweise)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `${weekName(name)}${partial ? ' (nur teilweise)' : ''}`
    const left = w.leftOut.length
      ? `, gemessen an ganzen Wochen (${w.leftOut.map(weekName).join(' und ')} ${w.leftOut.length === 1 ? 'liegt' : 'liegen'} nur teilweise im Zeitraum)`
      : ''
    return `Das wöchentliche Volumen veränderte sich von ${about(w.about)}${num(w.first)} in ${week(w.firstWeek, w.firstPartial)} auf ${about(w.about)}${num(w.last)} ` +
      `in ${week(w.lastWeek, w.lastPartial)}${left}${w.overlap ? `; die Intervalle der beiden Wochen überschneiden sich, ${NOT_CERTAIN}` : ''}.`
  },
  negativeShareMoved: (s) =>
    `Der Anteil negativer ${s.of ? closed(s.of) : 'Nachrichten'} veränderte sich von ${about(s.about)}${de.pct(s.from)} auf ${about(s.about)}${de.pct(s.to)}` +
    `${s.overlap ? `; die Intervalle der beiden Wochen überschneiden sich, ${NOT_CERTAIN}` : ''}.`,
  wholePeriodNegative: (value, estimate, previousValue) =>
    `Über den gesamten Zeitraum waren ${estimate ? shareWithInterval(value, estimate) : de.pct(value)} negativ` +
    `${previousValue !== undefined ? `, gegenüber etwa ${de.pct(previousValue)} im vorherigen Zeitraum` : ''}.`,

  shareMoved: (s) =>
    `Der Anteil ${stemOf(s.sentiment)}er ${closed(s.what)} lag ${previousIn(s.previous)} bei ${shareWithInterval(s.before, s.beforeEstimate)} und ${periodForms(s.range).in} ` +
    `bei ${shareWithInterval(s.now, s.nowEstimate)}: ${s.direction === 'up' ? 'ein Anstieg' : s.direction === 'down' ? 'ein Rückgang' : 'unverändert'}` +
    `${s.overlap && s.direction !== 'unchanged' ? `; die Intervalle der beiden Zeiträume überschneiden sich, ${NOT_CERTAIN}` : ''}.`,
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `Am stärksten gewachsen ist das Thema ${quote(t.theme)}: ${num(t.before)} → ${num(t.now)} Nachrichten (aus den wöchentlichen Themenauswertungen).`
      : `Pro Woche am stärksten gewachsen ist das Thema ${quote(t.theme)}: ${num(t.before)} Nachrichten in ${t.previousWeeks === 1 ? 'einer Woche' : `${num(t.previousWeeks)} Wochen`} → ${num(t.now)} in ${t.weeks === 1 ? 'einer Woche' : `${num(t.weeks)} Wochen`} (aus den wöchentlichen Themenauswertungen).`,
  leaderGrew: (l) =>
    `${intentInText(l.intent)} ist wahrscheinlich am stärksten gewachsen` +
    `${l.row ? `: von etwa ${num(l.row.before)} ${previousIn(l.previous)} auf etwa ${num(l.row.now)} ${periodForms(l.range).in}` : ''}` +
    ` (eine Veränderung um etwa ${num(l.change)}, 95-%-Intervall ${num(l.low)} bis ${num(l.high)}; in ${de.pct(l.chance)} der Bootstrap-Stichproben die größte Veränderung` +
    `${l.chance < 50 ? ', also nicht eindeutig vor den anderen' : ''}).`,
  grewMost: (g) =>
    `${intentInText(g.intent)} ist ${g.perDay ? `pro Tag gerechnet am stärksten gewachsen (${lengthsAside(g.perDay.range, g.perDay.days, g.perDay.daysBefore)})` : 'am stärksten gewachsen'}: ` +
    `von ${num(g.before)} ${previousIn(g.previous)} auf ${num(g.now)} ${periodForms(g.range).in}.`,
  noneGrew: (previous, perDay) =>
    `Kein Anliegen ist gegenüber ${previous ? periodForms(previous).dat : 'dem vorherigen Zeitraum'}` +
    `${perDay ? ` pro Tag gerechnet deutlich gewachsen (${lengthsAside(perDay.range, perDay.days, perDay.daysBefore)})` : ' deutlich gewachsen'}.`,
  fellMost: (intent, before, now) => `${intentInText(intent)} ist am stärksten zurückgegangen: von ${num(before)} auf ${num(now)}.`,

  examples(n, total, what, range, quotes) {
    const neuter = what.includes('Kundengespräch')
    const of = total === 1 ? `${neuter ? 'dem einzigen' : 'der einzigen'} ${inflect(what, 'oneDative')}` : `den ${num(total)} ${inflect(what, 'dative')}`
    return `${num(n)} ${n === 1 ? 'Beispiel' : 'Beispiele'} aus ${closed(of)} ${periodForms(range).in}: ${quotes}.`
  },
  mix(parts) {
    const said = parts.map((f) => `${f.estimate ? shareWithInterval(f.value, f.estimate) : de.pct(f.value)} ${stemOf(f.sentiment)}`)
    return `Davon waren ${de.list(said)} (geschätzt anhand der Stimmungs-Labels).`
  },
  intentsMostCommon: (items) => `Die häufigsten Anliegen waren ${items.map((i) => `${de.intentName(i.intent)} (${num(i.value)})`).join(', ')}.`,
  unnamedIntents: (n, approx) => `${approx ? 'Etwa ' : ''}${num(n)} ${n === 1 ? 'ließ' : 'ließen'} sich keinem bestimmten Anliegen zuordnen.`,
  citedMostlyAbout: (items, total) =>
    `Die zitierten Nachrichten gehören vor allem ${items.length === 1 ? 'zum Anliegen' : 'zu den Anliegen'} ` +
    `${de.list(items.map((i) => `${quote(de.intentName(i.intent))} (${num(i.n)} von ${num(total)})`))}.`,
  representative: (quotes) => `Repräsentative Nachrichten: ${quotes}.`,

  nothingToRank: (what, range) => `Zu dieser Frage passen für ${periodForms(range).acc} keine ${inflect(what, 'weak')}, daher lässt sich keine Rangfolge bilden.`,
  rankFirst: (r) =>
    `Nach ${de.dimensionName(r.dimension)} hat ${groupInText(r.dimension, r.name)} die ${r.fewest ? 'wenigsten' : 'meisten'} ${r.byCustomers ? 'Beschwerden' : inflect(r.what, 'weak')} ` +
    `(${de.periodInBrackets(r.range)}): ${r.byCustomers ? 'gezählt nach Kunden, die sich beschwert haben, ' : ''}${r.figure}.`,
  rankThen: (items) => `Danach folgen ${items.map((i) => `${i.name} (${about(i.about)}${num(i.value)})`).join(', ')}.`,
  rankFooter: (estimated) =>
    estimated ? 'Diese Zahlen sind anhand von Klassifikator-Labels geschätzt; die 95-%-Intervalle stehen bei den Kennzahlen.' : 'Das sind exakte Zählungen aus den Metadaten der Nachrichten.',
  themesByIntents: () => 'Solange Themen ihre Nachrichten nicht selbst führen, werden sie nach den Anliegen darunter eingestuft.',
  complaintPerCustomer: () => 'Als Beschwerde gilt eine negative Nachricht oder eine neutrale, die ein Problem meldet; ein Kunde zählt einmal, egal wie viele Nachrichten er geschrieben hat.',

  rateFirst(r) {
    const intent = r.intent ? ` ${intentAbout(r.intent)}` : ''
    const share = r.byConversation
      ? `der Anteil der Gespräche mit einer Beschwerde${intent}`
      : `der Anteil ${r.sentiment ? `${stemOf(r.sentiment)}er` : 'der'} Kundennachrichten${intent}`
    const of = r.byConversation ? 'Gesprächen mit Kundennachrichten' : 'Kundennachrichten'
    const dimension = de.dimensionName(r.dimension)
    const name = groupInText(dimension, r.name)
    const figure = `${shareWithInterval(r.value, r.estimate)} von insgesamt ${about(r.baseAbout)}${num(r.base)} ${of}`
    if (r.single) return `Nach ${dimension} beträgt ${share} für ${name} (${de.periodInBrackets(r.range)}) ${figure}.`
    return `Nach ${dimension} ist ${share} bei ${name} am ${r.lowest ? 'niedrigsten' : 'höchsten'} (${de.periodInBrackets(r.range)}): ${figure}.`
  },
  rateThen: (items) => `Danach folgen ${items.map((i) => `${i.name} (etwa ${de.pct(i.value)} von ${about(i.baseAbout)}${num(i.base)})`).join(', ')}.`,
  rateOverlap: (first, second, lowest) =>
    `Die Intervalle von ${first} und ${second} überschneiden sich, daher ist keiner der beiden Anteile eindeutig der ${lowest ? 'niedrigste' : 'höchste'}.`,
  complaintPerConversation: () => 'Als Beschwerde gilt eine negative Nachricht oder eine neutrale, die ein Problem meldet; ein Gespräch zählt einmal, egal wie viele Nachrichten es enthält.',
  rateFooter(key, mayHaveFewer, min) {
    const dimension = de.dimensionName(key)
    const gender = Object.values(DIMENSIONS).find((d) => d.name === dimension)?.gender
    const [a, which] = gender === 'm' ? ['ein', 'der'] : gender === 'n' ? ['ein', 'das'] : gender === 'f' ? ['eine', 'die'] : ['eine Gruppe', 'die']
    const group = gender ? `${a} ${dimension}` : a
    const fewer = mayHaveFewer ? `, ${which} möglicherweise weniger als ${num(min)} Nachrichten hat,` : ` mit weniger als ${num(min)} Nachrichten`
    return `Die Anteile sind anhand von Klassifikator-Labels geschätzt, mit 95-%-Intervallen; ${group}${fewer} wird nicht in die Rangfolge aufgenommen.`
  },

  slotFirst(s) {
    const [by, name, on] = s.slot === 'weekday'
      ? ['Wochentag', s.name, `${num(s.days)} ${s.days === 1 ? s.name : `${s.name}en`}`]
      : ['Tagesstunde', `die Stunde ${s.name}`, days(s.days).replace(/Tage$/, 'Tagen')]
    return `Nach ${by} (UTC) hat ${name} die ${s.fewest ? 'wenigsten' : 'meisten'} ${inflect(s.what, 'weak')} (${de.periodInBrackets(s.range)}): ` +
      `${s.figure} an ${on}, ${about(s.about)}${num(s.perDay)} pro Tag.`
  },
  slotThen: (items) => `Danach folgen ${items.map((i) => `${i.name} (${about(i.about)}${num(i.perDay)} pro Tag)`).join(', ')}.`,
  slotPerDay: (fewest, most) => `Verglichen wird jeweils pro Tag, da jeder davon in dem Zeitraum, den die Daten abdecken, ${num(fewest)}- bis ${num(most)}-mal vorkommt.`,
  slotFooter: (estimated) =>
    estimated
      ? 'Diese Zahlen sind anhand von Klassifikator-Labels geschätzt; die 95-%-Intervalle stehen bei den Kennzahlen, die Zeiten sind in UTC.'
      : 'Das sind exakte Zählungen anhand der Zeitstempel der Nachrichten, in UTC.',

  nothingStarted: (range) => `${cap(periodForms(range).in)} wurden keine Gespräche begonnen, daher gibt es nichts zu messen.`,
  awaiting: (n, started, range, byChannel) =>
    `${num(n)} von ${num(started)} Gesprächen (${de.periodInBrackets(range)}) ${n === 1 ? 'wartet' : 'warten'} noch auf eine Antwort: ` +
    `Die letzte Nachricht stammt ${n === 1 ? '' : 'jeweils '}vom Kunden (exakte Zählung${byChannel ? `; ${byChannel}` : ''}).`,
  waitingLonger: (n, minutes) =>
    `Davon ${n === 1 ? 'wartet' : 'warten'} ${num(n)} seit mehr als ${minutes === 60 ? 'einer Stunde' : de.threshold(minutes)}, gerechnet ab der letzten Nachricht des Kunden.`,
  medianResponse: ({ median, mean, p90, started, range }) =>
    `Der Median der Zeit bis zur ersten Antwort lag bei ${de.minutes(median)} (Mittelwert ${de.minutes(mean)}, 90. Perzentil ${de.minutes(p90)}) über ${num(started)} ${started === 1 ? 'Gespräch' : 'Gespräche'} ` +
    `${periodForms(range).in}; exakt, anhand der Zeitstempel der Nachrichten.`,
  noneAnswered: (started, range) =>
    `${started === 1 ? 'Das einzige Gespräch' : `Keines der ${num(started)} Gespräche`} (${de.periodInBrackets(range)}) hat ${started === 1 ? 'keine' : 'eine'} Antwort eines Mitarbeiters erhalten.`,
  byChannelMedian: (items) => `Nach Kanal (Median, langsamster zuerst): ${items.map((i) => `${i.channel} ${de.minutes(i.minutes)}`).join(', ')}.`,
  answeredWithin: (pct, minutes) => `${de.pct(pct)} wurden ${minutes === 60 ? 'innerhalb einer Stunde' : `innerhalb von ${de.threshold(minutes)}`} beantwortet.`,
  unanswered: (n, byChannel, complaints) =>
    `${num(n)} ${n === 1 ? 'hat' : 'haben'} nie eine Antwort eines Mitarbeiters erhalten (exakt${byChannel ? `; ${byChannel}` : ''})` +
    `${complaints ? `, davon ${/^(etwa )?1\b(?![,\d])/.test(complaints) ? 'begann' : 'begannen'} ${complaints} mit einer Beschwerde` : ''}.`,
  channelCounts: (items) => items.map((i) => `${i.channel} ${num(i.value)}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `${conversations === 1 ? 'Das einzige Gespräch' : `Die ${num(conversations)} Gespräche`} mit ${what} (${de.periodInBrackets(range)}) ${conversations === 1 ? 'umfasste' : 'umfassten'} ` +
    `insgesamt ${num(messages)} ${messages === 1 ? 'Nachricht' : 'Nachrichten'} von Kunden und Mitarbeitern: im Durchschnitt ${num(mean)} pro Gespräch (Median ${num(median)}); exakt, anhand der gespeicherten Nachrichten.`,
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `Von ${customers === 1 ? 'dem einen Kunden' : `den ${num(customers)} Kunden`}${scope ? ` ${scope}` : ''} (${de.periodInBrackets(range)}) ${repeat === 1 ? 'hat' : 'haben'} ${num(repeat)} (${de.pct(share)}) in mehr als einem Gespräch geschrieben; ` +
    'exakt, wobei ein Kunde nach seinem Handle auf jedem Kanal gezählt wird: Dieselbe Person auf zwei Kanälen zählt doppelt.',
  withoutHandle: (n) => `${n === 1 ? 'Ein Gespräch' : `${num(n)} Gespräche`} ohne Kunden-Handle ${n === 1 ? 'wird' : 'werden'} nicht mitgezählt.`,
  measureNotNarrowed: () =>
    'Diese Zahlen gelten für alle Gespräche des Zeitraums, unabhängig von Thema und Ton: Worum es in einem Gespräch geht, schätzt der Klassifikator, diese Zahlen aber sind exakt.',
}
