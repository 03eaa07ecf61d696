// The local answer's sentences in French: periods named from the plan's English labels, numbers with a decimal comma.
import { mentionParts } from '../subject-words.ts'
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import { dateSpan, dayIn, groupNameIn, languageIn, listIn, measureIn, type MeasureNames, numberIn, periodName, type Unit } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'
import type { AskFilters, FigureEstimate, TimeRange } from '../types.ts'

const LOCALE = 'fr-FR'
const num = numberIn(LOCALE)
/** French typography: a narrow no-break space before %. */
const PCT = '\u202f%'
const pct = (n: number) => `${num(n)}${PCT}`
/** French puts the singular below 2: 0 message, 1,5 heure, 2 messages. */
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${Math.abs(n) < 2 ? one : many}`
const about = (yes: boolean) => (yes ? 'environ ' : '')
const VOWEL = /^[aeiouyhàâäéèêëîïôöûüœ]/i

/** "de" before a word: "d'environ 40", "du mois dernier", "des 8 dernières semaines". */
function de(s: string): string {
  if (/^le /.test(s)) return `du ${s.slice(3)}`
  if (/^les /.test(s)) return `des ${s.slice(4)}`
  return VOWEL.test(s) ? `d'${s}` : `de ${s}`
}
/** "à" before a word: "au mois dernier", "aux 8 dernières semaines". */
function at(s: string): string {
  if (/^le /.test(s)) return `au ${s.slice(3)}`
  if (/^les /.test(s)) return `aux ${s.slice(4)}`
  return `à ${s}`
}
/** "comptés", "comptée": a count said to be exact agrees with what it counts. */
const counted = (feminine: boolean, many: boolean) => `compté${feminine ? 'e' : ''}${many ? 's' : ''}`
const quote = (s: string) => `« ${s} »`

// Periods.
/** "1er nov. 2026": the first of a month as French writes it. */
const firstOfMonth = (s: string) => s.replace(/(^|\s)1 (?=\S+ \d{4})/, '$11er ')
const dayFr = (iso: string) => firstOfMonth(dayIn(iso, LOCALE))
const partsFmt = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
function dayParts(d: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(partsFmt.formatToParts(d).map((p) => [p.type, p.value]))
  return { day: parts.day === '1' ? '1er' : parts.day!, month: parts.month!, year: parts.year! }
}
/** "du 1er au 31 oct. 2026", "du 26 oct. au 1er nov. 2026", "le 9 nov. 2026". */
function fromTo(range: Pick<TimeRange, 'from' | 'to'>): string {
  const from = new Date(range.from)
  const last = new Date(Math.max(from.getTime(), Date.parse(range.to) - 1))
  const f = dayParts(from)
  const l = dayParts(last)
  const end = `${l.day} ${l.month} ${l.year}`
  if (f.day === l.day && f.month === l.month && f.year === l.year) return `le ${end}`
  if (f.year !== l.year) return `du ${f.day} ${f.month} ${f.year} au ${end}`
  return f.month === l.month ? `du ${f.day} au ${end}` : `du ${f.day} ${f.month} au ${end}`
}

const UNITS: Record<Unit, { one: string; many: string; feminine: boolean; this: string; last: string }> = {
  day: { one: 'jour', many: 'jours', feminine: false, this: "aujourd'hui", last: 'hier' },
  week: { one: 'semaine', many: 'semaines', feminine: true, this: 'cette semaine', last: 'la semaine dernière' },
  month: { one: 'mois', many: 'mois', feminine: false, this: 'ce mois-ci', last: 'le mois dernier' },
  quarter: { one: 'trimestre', many: 'trimestres', feminine: false, this: 'ce trimestre', last: 'le trimestre dernier' },
  year: { one: 'année', many: 'années', feminine: true, this: 'cette année', last: "l'année dernière" },
  hour: { one: 'heure', many: 'heures', feminine: true, this: 'cette heure-ci', last: 'la dernière heure' },
}
/** "les 8 dernières semaines", "le dernier mois". */
function pastUnits(n: number, unit: Unit): string {
  const u = UNITS[unit]
  if (n === 1) return u.feminine ? `la dernière ${u.one}` : `le dernier ${u.one}`
  return `les ${num(n)} ${u.feminine ? 'dernières' : 'derniers'} ${u.many}`
}

/** A period in three forms: a noun phrase, an adverbial ("in …") and the name said before its dates in brackets. */
interface PeriodForms {
  noun: string
  in: string
  /** The name said before the dates in brackets. */
  name: string
  /** Whether the label gives its dates in brackets. */
  dated: boolean
}
function forms(range: TimeRange): PeriodForms {
  const dated = / \(.+\)$/.test(range.label)
  const p = periodName(range.label)
  const plain = (noun: string, inP = noun) => ({ noun, in: inP, name: noun, dated })
  switch (p.kind) {
    case 'all':
      return { noun: 'toute la période', in: 'depuis le début', name: 'depuis le début', dated: false }
    case 'today':
      return plain("aujourd'hui")
    case 'yesterday':
      return plain('hier')
    case 'this':
      return plain(UNITS[p.unit].this)
    case 'last':
      return p.unit === 'hour' ? plain('la dernière heure', 'au cours de la dernière heure') : plain(UNITS[p.unit].last)
    case 'past': {
      const noun = pastUnits(p.n, p.unit)
      return plain(noun, `au cours ${de(noun)}`)
    }
    case 'previous':
      return plain('la période précédente', 'sur la période précédente')
    case 'sameBefore':
      if (p.unit === 'day') return plain('la même tranche horaire hier', 'hier à la même heure')
      return plain(`les mêmes jours ${de(UNITS[p.unit].last)}`, `sur les mêmes jours ${de(UNITS[p.unit].last)}`)
    case 'since': {
      const since = `depuis le ${dayFr(range.from)}`
      return { noun: `la période ${since}`, in: since, name: since, dated: false }
    }
    case 'isoWeek':
      return { noun: `la semaine ${p.week} de ${p.year}`, in: `en semaine ${p.week} de ${p.year}`, name: `semaine ${p.week} de ${p.year}`, dated }
    case 'lastWithData':
      return plain('la dernière semaine avec des données', 'au cours de la dernière semaine avec des données')
    case 'dates': {
      const span = fromTo(range)
      return { noun: span.startsWith('le ') ? `la journée du ${span.slice(3)}` : `la période ${span}`, in: span, name: dateSpan(range, LOCALE), dated: false }
    }
  }
}
const withDates = (s: string, range: TimeRange, dated: boolean) => (dated ? `${s} (${dateSpan(range, LOCALE)})` : s)
/** The period as the subject or object of a sentence: "ce mois-ci (1–10 nov. 2026)", "la période du 1er au 31 oct. 2026". */
const noun = (range: TimeRange) => {
  const f = forms(range)
  return withDates(f.noun, range, f.dated)
}
const inPeriod = (range: TimeRange) => {
  const f = forms(range)
  return withDates(f.in, range, f.dated)
}
/** The adverbial with more said in its own brackets: "ce mois-ci (1–10 nov. 2026 ; intervalle à 95 % : …)". */
function inPeriodWith(range: TimeRange, more: string): string {
  const f = forms(range)
  return f.dated ? `${f.in} (${dateSpan(range, LOCALE)} ; ${more})` : `${f.in} (${more})`
}
/** The adverbial inside brackets: "sur la période précédente : 26 oct. – 1 nov. 2026". */
const inPeriodFlat = (range: TimeRange) => inPeriod(range).replace(/ \((.+)\)$/, ' : $1')
const previousIn = (range: TimeRange | undefined) => (range ? inPeriod(range) : 'sur la période précédente')
const previousNoun = (range: TimeRange | undefined) => (range ? noun(range) : 'la période précédente')
const counts = (subject: string) => (subject.startsWith('les ') ? 'comptent' : 'compte')
const lengths = (range: TimeRange, days: number, before: number) => `car ${noun(range)} ${counts(noun(range))} ${plural(days, 'jour')} contre ${num(before)}`
/** The lengths inside brackets, the dates between commas: "ce mois-ci, du 1er au 10 nov. 2026, compte 9,4 jours contre 31". */
function lengthsInside(range: TimeRange, days: number, before: number): string {
  const f = forms(range)
  return `${f.dated ? `${f.noun}, ${fromTo(range)},` : f.noun} ${counts(f.noun)} ${plural(days, 'jour')} contre ${num(before)}`
}
const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', par jour' : ` ; comparaison par jour, ${lengths(p.range, p.days, p.daysBefore)}`)
const OVERLAP = (of: string) => ` ; les intervalles des deux ${of} se chevauchent, donc le sens de l'évolution n'est pas certain`
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? " ; ce n'est pas certain non plus" : OVERLAP('périodes'))
/** "2026-W45" → "semaine 45 de 2026". */
const weekName = (week: string) => week.replace(/^(\d{4})-W0?(\d{1,2})$/, 'semaine $2 de $1')
/** Weeks as the subject of a sentence: "la semaine 38 de 2026 n'est", "les semaines 38 et 46 de 2026 ne sont". */
function weeksAre(weeks: string[]): string {
  if (weeks.length === 1) return `la ${weekName(weeks[0]!)} n'est`
  const parsed = weeks.map((w) => /^(\d{4})-W0?(\d{1,2})$/.exec(w))
  const year = parsed[0]?.[1]
  if (parsed.every((m) => m && m[1] === year)) return `les semaines ${fr.list(parsed.map((m) => m![2]!))} de ${year} ne sont`
  return `${fr.list(weeks.map((w) => `la ${weekName(w)}`))} ne sont`
}

// What is counted.
interface Intent { name: string; about: string }
const INTENTS: Record<string, Intent> = {
  question: { name: 'question', about: 'posant une question' },
  complaint: { name: 'plainte', about: 'exprimant une plainte' },
  bug_outage: { name: "panne ou bug de l'application", about: "signalant une panne ou un bug de l'application" },
  billing: { name: 'facturation', about: 'sur la facturation' },
  delivery: { name: 'livraison', about: 'sur la livraison' },
  account_login: { name: 'connexion au compte', about: 'sur la connexion au compte' },
  cancellation: { name: 'résiliation', about: 'sur une résiliation' },
  feature_request: { name: 'demande de fonctionnalité', about: 'demandant une fonctionnalité' },
  praise: { name: 'éloges', about: 'faisant des éloges' },
  connectivity: { name: 'connexion internet', about: 'sur la connexion internet' },
  product_fault: { name: 'défaut du produit', about: 'signalant un défaut du produit' },
  appointment: { name: 'rendez-vous', about: 'sur un rendez-vous' },
  pricing: { name: 'tarifs', about: 'sur les tarifs' },
  other: { name: 'autre', about: 'sur un autre sujet' },
}
const intentName = (intent: string) => INTENTS[intent]?.name ?? intent.replace(/_/g, ' ')
/** After "messages": "sur la facturation", "posant une question", "sur « late flight »". */
const intentAbout = (intent: string) => INTENTS[intent]?.about ?? `sur ${quote(intent.replace(/_/g, ' '))}`

const SENTIMENTS: Record<string, [string, string]> = {
  negative: ['négatif', 'négative'],
  positive: ['positif', 'positive'],
  neutral: ['neutre', 'neutre'],
}
/** "négatifs" for messages, "négatives" for conversations; a sentiment already in French is found by its form. */
function sentimentWord(sentiment: string, feminine = false, many = false): string {
  const forms = SENTIMENTS[sentiment] ?? Object.values(SENTIMENTS).find((f) => f.includes(sentiment)) ?? [sentiment, sentiment]
  const word = forms[feminine ? 1 : 0]
  return many && !word.endsWith('s') ? `${word}s` : word
}

function describeMentions(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  const shown = words.map((w) => quote(w.replace(/^"|"$/g, '')))
  const others = support
    ? `${quote('service client')}, ${quote('chat en direct')}, ${quote('en attente')} et autres expressions semblables, dans toutes les langues`
    : `${shown.length === 1 ? 'ses noms' : 'leurs noms'} dans d'autres langues`
  return `mentionnant ${shown.join(' ou ')}${translated ? ` (ou ${others})` : ''}`
}

function describeFilters(filters: AskFilters, noun: 'messages' | 'conversations'): string {
  const feminine = noun === 'conversations'
  const parts = [noun, filters.sentiment ? sentimentWord(filters.sentiment, feminine, true) : '', 'de clients']
  if (filters.intent) parts.push(intentAbout(filters.intent))
  if (filters.theme) parts.push(`dans le thème ${quote(filters.theme)}`)
  if (filters.channel) parts.push(`${filters.channel === 'email' ? 'par' : 'sur'} ${filters.channel}`)
  if (filters.language) parts.push(`en ${languageIn(LOCALE, filters.language)}`)
  const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
  if (segment.length) parts.push(`(${segment.join(', ')})`)
  if (filters.mentions) parts.push(describeMentions(filters.mentions))
  return parts.filter(Boolean).join(' ')
}
/** "messages négatifs de clients sur …" → "message négatif de client sur …": what() said of one. */
function singular(what: string): string {
  return what.replace(/^(messages|conversations)((?: (?:négati|positi)(?:fs|ves)| neutres)?) de clients\b/, (_, n: string, adj: string) =>
    `${n.slice(0, -1)}${adj.replace(/fs$/, 'f').replace(/ves$/, 've').replace(/neutres$/, 'neutre')} de client`)
}
/** "Aucun message …" or "Aucune conversation …". */
const none = (what: string) => `${/^conversations?\b/.test(what) ? 'Aucune' : 'Aucun'} ${singular(what)}`

const DIMENSIONS: Record<string, { name: string; feminine: boolean }> = {
  channel: { name: 'canal', feminine: false },
  language: { name: 'langue', feminine: true },
  intent: { name: 'intention', feminine: true },
  theme: { name: 'thème', feminine: false },
  day: { name: 'jour', feminine: false },
  weekday: { name: 'jour de la semaine', feminine: false },
  hour: { name: 'heure', feminine: true },
  sentiment: { name: 'sentiment', feminine: false },
}
/** The dimension's key, from its key or its French name. */
const dimensionKey = (dimension: string) => Object.keys(DIMENSIONS).find((k) => k === dimension || DIMENSIONS[k]!.name === dimension) ?? dimension
const dimensionName = (dimension: string) => DIMENSIONS[dimension]?.name ?? dimension.replace(/_/g, ' ')
/** A group as the subject of a sentence: "l'allemand", "« facturation »", "le lundi", "le créneau 09:00–10:00 UTC". */
function groupSubject(dimension: string, name: string): string {
  switch (dimensionKey(dimension)) {
    case 'language':
      return VOWEL.test(name) ? `l'${name}` : `le ${name}`
    case 'intent':
    case 'theme':
    case 'sentiment':
      return quote(name)
    case 'day':
    case 'weekday':
      return `le ${name}`
    case 'hour':
      return `le créneau ${name}`
    default:
      return name
  }
}

// Figures.
/** The interval with "%" after its high bound: "intervalle à 95 % : 35,2–50 %". */
function interval(estimate: FigureEstimate, unit = ''): string {
  const low = num(estimate.low)
  const high = `${num(estimate.high)}${unit}`
  if (isThemeBounds(estimate)) return `entre ${low} et ${high}`
  if (isWidenedByTheme(estimate)) return `entre ${low} et ${high} : l'intervalle à 95${PCT} des étiquettes, élargi par ce que le regroupement du thème a pu mal classer`
  return `intervalle à 95${PCT} : ${low}–${high}`
}
const intervalPct = (estimate: FigureEstimate) => interval(estimate, PCT)
const FROM_LABELS = "estimation d'après les étiquettes du classifieur"

function durationText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'un jour' : plural(minutes / 1440, 'jour')
  if (minutes === 60) return 'une heure'
  if (minutes % 60 === 0 || minutes > 90) return plural(Math.round((10 * minutes) / 60) / 10, 'heure')
  return plural(minutes, 'minute')
}

const MEASURES: MeasureNames = {
  bySlot: { words: 'un décompte limité à certains jours de la semaine ou à certaines heures de la journée', reason: `on peut en revanche les classer : ${quote('quel jour de la semaine est le plus chargé ?')}` },
  averages: { words: 'des moyennes par conversation ou par client' },
  closed: { words: 'un décompte des conversations clôturées ou des problèmes résolus', reason: "rien n'enregistre si c'est le cas" },
  newCustomers: { words: 'un décompte des clients nouveaux ou revenus', reason: 'rien ne signale un premier contact' },
  themeRate: { words: 'une part des messages de chaque thème hebdomadaire', reason: 'les thèmes sont classés par leurs plaintes' },
  byCustomer: { words: 'un classement des clients un par un' },
  agentWork: { words: 'un décompte de ce que les agents ont fait ou promis', reason: 'les chiffres comptent les messages des clients et le moment où ils ont reçu une réponse' },
  byAgent: { words: 'un découpage par agent' },
  surveyScore: { words: 'un score de satisfaction comme le CSAT ou le NPS', reason: "aucune réponse d'enquête n'est enregistrée ; ce que ressentent les clients se lit dans le sentiment de leurs messages" },
}

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = ' ; une plainte est un message négatif, ou un message neutre signalant le problème'
const SO_OUTNUMBER = ', ces clients sont donc plus nombreux que les messages négatifs'

export const fr: Phrases = {
  locale: LOCALE,
  num,
  pct,
  list: listIn(LOCALE),
  quoted: (text, n) => `« ${text} » [${n}]`,

  period(range) {
    const f = forms(range)
    const p = periodName(range.label).kind
    return p === 'dates' ? dateSpan(range, LOCALE) : withDates(p === 'all' || p === 'since' ? f.in : f.noun, range, f.dated)
  },
  inPeriod,
  periodInBrackets(range) {
    const f = forms(range)
    return f.dated ? `${f.name} : ${dateSpan(range, LOCALE)}` : f.name
  },
  day: dayFr,
  lengths,

  what: (filters, noun = 'messages') => describeFilters(filters, noun),
  intentName,
  groupName: (dimension, key) => {
    if (dimension === 'sentiment') return sentimentWord(key)
    const name = groupNameIn(LOCALE, dimension, key, intentName)
    return dimension === 'day' ? firstOfMonth(name) : name
  },
  dimensionName,
  sentimentName: (sentiment) => sentimentWord(sentiment),
  minutes(m) {
    if (m < 90) return `${Math.round(m)} min`
    if (m < 48 * 60) return `${num(Math.round(m / 6) / 10)} h`
    return plural(Math.round(m / 144) / 10, 'jour')
  },
  threshold: durationText,

  interval: (estimate) => interval(estimate),
  figure(f) {
    if (f.kind === 'exact') return num(f.value)
    if (f.kind === 'theme') {
      return `environ ${num(f.value)} (compte des messages que les analyses hebdomadaires des thèmes ont placés dans le thème ; entre ${num(f.low)} et ${num(f.high)} : ` +
        `la borne basse ne compte que ceux dont la conversation emploie les mots du thème, la borne haute ajoute les messages que le regroupement a pu manquer)`
    }
    const how = f.corrected
      ? "étiquettes posées par des personnes comptées telles quelles, le reste estimé d'après les étiquettes du classifieur corrigées de leurs erreurs mesurées"
      : FROM_LABELS
    return `environ ${num(f.value)} (${how}, ${interval(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `Cette question demande ${measureIn(measure, MEASURES, quote)}, ce qu'aucun chiffre ici ne calcule : on ne peut donc pas y répondre telle qu'elle est posée ; je l'ai comprise ainsi : ${understoodAs}. ` +
    'Ce qui suit est ce qui peut être compté, pas une réponse.',
  notUnderstood: (understoodAs) =>
    `Je n'ai pas pu rattacher cette question à un chiffre que je sais calculer ; je l'ai comprise ainsi : ${understoodAs}. Ce qui suit est une recherche dans les messages, pas une réponse.`,
  periodAssumed: (range) =>
    `Aucune période n'a été précisée : je compare ${noun(range)} à la semaine d'avant, comme le fait le rapport hebdomadaire des thèmes.`,
  eventRead: (theme, range) => range.label.includes('–')
    ? `Aucune date n'est indiquée : les semaines du thème hebdomadaire ${quote(theme)} (${range.label}) sont comparées aux semaines précédentes, sur tous les messages que la question désigne.`
    : `Aucune date n'est indiquée : la semaine du thème hebdomadaire ${quote(theme)} (${range.label}) est comparée à la semaine précédente, sur tous les messages que la question désigne.`,
  recentRead: (words, range) => `${quote(words)} ne désigne aucune date : je le lis comme ${noun(range)}.`,
  unplacedTime: (words, range, weekly) =>
    `${quote(words)} ne désigne aucune date que je sache lire : les chiffres portent sur ${noun(range)}${weekly ? ', semaine par semaine' : ''}.`,
  notNarrowedIntent: (words, intent) => `${quote(words)} n'est pas compté à part : les chiffres valent pour tous les messages ${intentAbout(intent)}.`,
  notNarrowedKind: (kind) =>
    `L'intention d'un message est soit son sujet, soit son type (${quote(intentName(kind))}), pas les deux : le classement ci-dessous porte donc sur les sujets de tous les messages de clients, ` +
    `et pas seulement sur les messages de type ${quote(intentName(kind))}.`,
  rankedByTheme: (intent) => `Un message n'a qu'une intention : les messages ${intentAbout(intent)} ne sont donc pas classés par intention, mais par les thèmes de la semaine où ils se rangent.`,
  themeMatched: (theme, labels) =>
    `${quote(theme)} correspond aux thèmes hebdomadaires ${fr.list(labels.map((l) => ('more' in l ? `${num(l.more)} ${l.more < 2 ? 'autre' : 'autres'}` : quote(l.label))))} : ` +
    'les chiffres comptent leurs messages.',
  noDataFor: (range, endsAt, suggested) =>
    `Il n'y a aucune donnée pour ${noun(range)} : les données de cet espace de travail s'arrêtent le ${fr.day(endsAt)}. ` +
    `Posez plutôt la question pour ${noun(suggested)} (même durée, se terminant à cette date).`,
  dataStartsAt: (startsAt, previous) =>
    `Les données de cet espace de travail commencent le ${fr.day(startsAt)} : elles ne couvrent donc qu'en partie ${noun(previous)}, ` +
    "et une évolution par rapport à cette période n'est pas une vraie évolution.",

  noMessagesAtAll: (range, what, before) =>
    `Il n'y a aucun message de client, quel qu'il soit, ${inPeriod(range)} : les données ne contiennent rien pour cette période, ce qui ne dit rien des ${what}` +
    `${before ? ` (il y en avait ${num(before.value)} ${inPeriodFlat(before.range)})` : ''} ; rien n'est compté ni cité.`,
  noMatch: (what, range, before) =>
    `${none(what)} ne correspond à cette question ${inPeriod(range)}${before ? ` (il y en avait ${num(before.value)} ${inPeriodFlat(before.range)})` : ''}, ` +
    "les données ne permettent donc pas d'y répondre ; rien n'est compté ni cité.",
  openingEstimated: (figure, what, range) => `Il y a eu ${figure} ${what} (${fr.periodInBrackets(range)}).`,
  openingCounted: (total, what, range, how) =>
    `Il y a eu ${num(total)} ${Math.abs(total) < 2 ? singular(what) : what} (${fr.periodInBrackets(range)} ; ` +
    `${how === 'exact' ? `${counted(/^conversations?\b/.test(what), total >= 2)} exactement d'après les métadonnées` : 'compte des messages que les analyses hebdomadaires des thèmes ont placés dans le thème'}).`,
  customersFrom: (value, estimate) => (estimate ? `Ces messages provenaient d'environ ${plural(value, 'conversation')} (${interval(estimate)}).` : `Ces messages provenaient de ${plural(value, 'conversation')} (nombre exact).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `Environ ${plural(value, 'client')} ${value < 2 ? "s'est plaint" : 'se sont plaints'} (${interval(estimate)}` +
    `${reports ? COMPLAINT_COUNTS : ''}` +
    `${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = `${base.estimated ? 'quelque ' : ''}${num(base.value)} ${base.what}`
    if (!estimate) return `Cela représente ${pct(value)} des ${of}.`
    return `Cela représente environ ${pct(value)} (intervalle à 95${PCT} : ${num(estimate.low)}–${pct(estimate.high)}) des ${of}.`
  },
  customersShare: (value, estimate, conversations, what) =>
    `Cela représente environ ${pct(value)} (${intervalPct(estimate)}) des ${num(conversations)} conversations avec des ${what}.`,

  changeNone: (previous) => `Il n'y en avait aucun ${inPeriod(previous)}.`,
  changeUnchanged: (their, before, previous, perDay) =>
    `${their ? 'Le nombre de leurs messages' : 'Ce chiffre'} est inchangé par rapport à ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}.`,
  changeMoved: (their, up, percent, before, previous, perDay, unsure) =>
    `${their ? 'Le nombre de leurs messages' : 'Ce chiffre'} est en ${up ? 'hausse' : 'baisse'}${percent === undefined ? '' : ` de ${pct(percent)}`} ` +
    `par rapport à ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}${unsureText(unsure)}.`,

  customersCompared(c) {
    const many = c.now >= 2
    const who = c.who === 'complained'
      ? (many ? 'clients se sont plaints' : "client s'est plaint")
      : c.who === 'wrote'
        ? (many ? 'clients ont écrit' : 'client a écrit')
        : `${many ? 'clients ont écrit' : 'client a écrit'} un message ${sentimentWord(c.who.sentiment)}`
    const direction = c.direction === 'same' ? 'à peu près stable' : c.direction === 'up' ? 'en hausse' : 'en baisse'
    const perDay = c.perDay ? ` par jour, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? OVERLAP('périodes') : ''
    // "previous period (26 Oct – 1 Nov)" is said by its dates, as the English does.
    const before = !c.previous
      ? `sur la période précédente (${interval(c.beforeEstimate)})`
      : periodName(c.previous.label).kind === 'previous'
        ? `${fromTo(c.previous)} (${interval(c.beforeEstimate)})`
        : inPeriodWith(c.previous, interval(c.beforeEstimate))
    return `Environ ${num(c.now)} ${who} ${inPeriodWith(c.range, `${interval(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}`)}, contre environ ${num(c.before)} ${before} : ${direction}${perDay}${sure}.`
  },

  weekByWeek: (weeks) => `Semaine par semaine : ${fr.list(weeks.map((w) => `${about(w.about)}${num(w.value)} en ${weekName(w.week)}${w.partial ? ' (partiellement)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `en ${weekName(name)}${partial ? ' (partiellement)' : ''}`
    const left = w.leftOut.length ? `, en semaines complètes (${weeksAre(w.leftOut)} que partiellement dans la période)` : ''
    return `Le volume hebdomadaire est passé ${de(`${about(w.about)}${num(w.first)}`)} ${week(w.firstWeek, w.firstPartial)} à ${about(w.about)}${num(w.last)} ` +
      `${week(w.lastWeek, w.lastPartial)}${left}${w.overlap ? OVERLAP('semaines') : ''}.`
  },
  negativeShareMoved: (s) =>
    `La part des messages négatifs${s.of ? ` parmi les ${s.of}` : ''} est passée ${de(`${about(s.about)}${pct(s.from)}`)} à ${about(s.about)}${pct(s.to)}` +
    `${s.overlap ? OVERLAP('semaines') : ''}.`,
  wholePeriodNegative: (value, estimate, previousValue) =>
    `Sur l'ensemble de la période, ${estimate ? `environ ${pct(value)} (${intervalPct(estimate)})` : pct(value)} étaient négatifs` +
    `${previousValue !== undefined ? `, contre environ ${pct(previousValue)} sur la période précédente` : ''}.`,

  shareMoved: (s) =>
    `La part des messages ${sentimentWord(s.sentiment, false, true)} parmi les ${s.what} est passée d'environ ${pct(s.before)} (${intervalPct(s.beforeEstimate)}) ${previousIn(s.previous)} ` +
    `à environ ${pct(s.now)} (${intervalPct(s.nowEstimate)}) ${inPeriod(s.range)} : ${s.direction === 'up' ? 'en hausse' : s.direction === 'down' ? 'en baisse' : 'inchangée'}` +
    `${s.overlap && s.direction !== 'unchanged' ? OVERLAP('périodes') : ''}.`,
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `Le thème qui a le plus augmenté est ${quote(t.theme)} : ${num(t.before)} → ${plural(t.now, 'message')} (d'après les analyses hebdomadaires des thèmes).`
      : `Le thème qui a le plus augmenté par semaine est ${quote(t.theme)} : ${plural(t.before, 'message')} en ${plural(t.previousWeeks, 'semaine')} → ${num(t.now)} en ${plural(t.weeks, 'semaine')} (d'après les analyses hebdomadaires des thèmes).`,
  leaderGrew: (l) =>
    `Le sujet ${quote(intentName(l.intent))} a très probablement le plus augmenté` +
    `${l.row ? ` : d'environ ${num(l.row.before)} ${previousIn(l.previous)} à environ ${num(l.row.now)} ${inPeriod(l.range)}` : ''}` +
    ` (une variation d'environ ${num(l.change)}, intervalle à 95${PCT} : de ${num(l.low)} à ${num(l.high)} ; la plus forte variation dans ${pct(l.chance)} des rééchantillonnages` +
    `${l.chance < 50 ? ', donc pas nettement devant les autres' : ''}).`,
  grewMost: (g) =>
    `Le sujet ${quote(intentName(g.intent))} a le plus augmenté${g.perDay ? ` par jour (${lengthsInside(g.perDay.range, g.perDay.days, g.perDay.daysBefore)})` : ''} : ` +
    `${de(num(g.before))} ${previousIn(g.previous)} à ${num(g.now)} ${inPeriod(g.range)}.`,
  noneGrew: (previous, perDay) =>
    `Aucun sujet n'a nettement augmenté par rapport ${at(previousNoun(previous))}` +
    `${perDay ? ` par jour (${lengthsInside(perDay.range, perDay.days, perDay.daysBefore)})` : ''}.`,
  fellMost: (intent, before, now) => `Le sujet ${quote(intentName(intent))} a le plus baissé : ${de(num(before))} à ${num(now)}.`,

  examples: (n, total, what, range, quotes) =>
    `${plural(n, 'exemple')}${total === 1 ? `, le seul ${singular(what)}` : ` parmi les ${num(total)} ${what}`} ${inPeriod(range)} : ${quotes}.`,
  mix(parts) {
    const said = parts.map((f, i) => `${f.estimate ? `environ ${pct(f.value)} (${intervalPct(f.estimate)})` : pct(f.value)} ${i === 0 ? 'étaient ' : ''}${sentimentWord(f.sentiment, false, true)}`)
    return `Parmi ces messages, ${fr.list(said)} (estimation d'après les étiquettes de sentiment).`
  },
  intentsMostCommon: (items) => `Les intentions les plus fréquentes étaient : ${items.map((i) => `${intentName(i.intent)} (${num(i.value)})`).join(', ')}.`,
  unnamedIntents: (n, approx) =>
    `${approx ? 'Environ ' : ''}${num(n)} ${n < 2 ? 'ne correspondait' : 'ne correspondaient'} à aucune intention précise.`,
  citedMostlyAbout: (items, total) =>
    `Les messages cités portent surtout sur : ${items.map((i) => `${intentName(i.intent)} (${num(i.n)} sur ${num(total)})`).join(' et ')}.`,
  representative: (quotes) => `Messages représentatifs : ${quotes}.`,

  nothingToRank: (what, range) => `${none(what)} ne correspond à cette question ${inPeriod(range)}, il n'y a donc rien à classer.`,
  rankFirst: (r) =>
    `Par ${dimensionName(dimensionKey(r.dimension))}, ${groupSubject(r.dimension, r.name)} compte le ${r.fewest ? 'moins' : 'plus'} ${de(r.byCustomers ? 'plaintes' : r.what)} ` +
    `(${fr.periodInBrackets(r.range)})${r.byCustomers ? ', en nombre de clients qui se sont plaints' : ''} : ${r.figure}.`,
  rankThen: (items) => `Puis ${items.map((i) => `${i.name} (${about(i.about)}${num(i.value)})`).join(', ')}.`,
  rankFooter: (estimated) =>
    estimated
      ? `Ces nombres sont des estimations d'après les étiquettes du classifieur, avec des intervalles à 95${PCT} dans les chiffres.`
      : "Ce sont des décomptes exacts d'après les métadonnées des messages.",
  themesByIntents: () => 'Les thèmes sont classés selon les intentions de leurs messages, tant que les thèmes ne portent pas eux-mêmes leurs messages.',
  complaintPerCustomer: () =>
    'Une plainte est un message négatif, ou un message neutre signalant un problème ; un client ne compte qu\'une fois, quel que soit le nombre de ses messages.',

  rateFirst(r) {
    const key = dimensionKey(r.dimension)
    const intent = r.intent ? ` ${intentAbout(r.intent)}` : ''
    const what = r.byConversation
      ? `conversations avec une plainte${intent}`
      : `messages${r.sentiment ? ` ${sentimentWord(r.sentiment, false, true)}` : ''}${intent}`
    const of = r.byConversation ? 'conversations avec des messages de clients' : 'messages de clients'
    const where = key === 'channel' ? `${r.name === 'email' ? 'par' : 'sur'} ${r.name}` : key === 'language' ? `en ${r.name}` : `pour ${groupSubject(key, r.name)}`
    const share = `environ ${pct(r.value)} (${intervalPct(r.estimate)})`
    const base = `${r.baseAbout ? 'quelque ' : ''}${num(r.base)} ${of}`
    if (r.single) return `Par ${dimensionName(key)}, ${where} (${fr.periodInBrackets(r.range)}), la part des ${what} est ${de(share)} sur ${base}.`
    return `Par ${dimensionName(key)}, la part des ${what} est la plus ${r.lowest ? 'basse' : 'élevée'} ${where} (${fr.periodInBrackets(r.range)}) : ${share} de ses ${base}.`
  },
  rateThen: (items) => `Puis ${items.map((i) => `${i.name} (environ ${pct(i.value)} sur ${about(i.baseAbout)}${num(i.base)})`).join(', ')}.`,
  rateOverlap: (first, second, lowest) =>
    `Les intervalles ${de(first)} et ${de(second)} se chevauchent : aucun des deux n'est nettement le plus ${lowest ? 'bas' : 'élevé'}.`,
  complaintPerConversation: () =>
    "Une plainte est un message négatif, ou un message neutre signalant un problème ; une conversation ne compte qu'une fois, quel que soit le nombre de ses messages.",
  rateFooter(dimension, mayHaveFewer, min) {
    const d = DIMENSIONS[dimensionKey(dimension)]
    const name = d?.name ?? dimension.replace(/_/g, ' ')
    const f = d?.feminine ?? false
    return `Les parts sont estimées d'après les étiquettes du classifieur, avec des intervalles à 95${PCT} ; ${f ? 'une' : 'un'} ${name} ` +
      `${mayHaveFewer ? `qui pourrait compter moins de ${plural(min, 'message')}` : `comptant moins de ${plural(min, 'message')}`} n'est pas ${f ? 'classée' : 'classé'}.`
  },

  slotFirst(s) {
    const slot = s.slot === 'weekday' ? 'jour de la semaine' : 'heure de la journée'
    const subject = s.slot === 'weekday' ? `le ${s.name}` : `le créneau ${s.name}`
    const days = s.slot === 'weekday' ? plural(s.days, s.name) : plural(s.days, 'jour')
    return `Par ${slot} (UTC), ${subject} compte le ${s.fewest ? 'moins' : 'plus'} ${de(s.what)} (${fr.periodInBrackets(s.range)}) : ` +
      `${s.figure} sur ${days}, soit ${about(s.about)}${num(s.perDay)} par jour.`
  },
  slotThen: (items) => `Puis ${items.map((i) => `${i.name} (${about(i.about)}${num(i.perDay)} par jour)`).join(', ')}.`,
  slotPerDay: (fewest, most) =>
    `Chacun est comparé par jour, car la période couverte par les données en compte ${fewest === most ? num(fewest) : `de ${num(fewest)} à ${num(most)}`} de chaque.`,
  slotFooter: (estimated) =>
    estimated
      ? `Ces nombres sont des estimations d'après les étiquettes du classifieur, avec des intervalles à 95${PCT} dans les chiffres ; les heures sont en UTC.`
      : "Ce sont des décomptes exacts d'après l'horodatage des messages, en UTC.",

  nothingStarted: (range) => `Aucune conversation n'a commencé ${inPeriod(range)}, il n'y a donc rien à mesurer.`,
  awaiting: (n, started, range, byChannel) =>
    `${num(n)} ${n < 2 ? 'conversation' : 'conversations'} sur ${num(started)} (${fr.periodInBrackets(range)}) ${n < 2 ? 'attend' : 'attendent'} encore une réponse : ` +
    `${n < 2 ? 'son' : 'leur'} dernier message est celui du client (${counted(true, n >= 2)} exactement${byChannel ? ` ; ${byChannel}` : ''}).`,
  waitingLonger(n, minutes) {
    const t = fr.threshold(minutes)
    return `Parmi elles, ${num(n)} ${n < 2 ? 'attend' : 'attendent'} depuis plus ${/^[aeiouyhé]/i.test(t) ? "d'" : 'de '}${t}, à compter du dernier message du client.`
  },
  medianResponse: ({ median, mean, p90, started, range }) =>
    `Le délai médian de première réponse était de ${fr.minutes(median)} (moyenne : ${fr.minutes(mean)} ; 90e centile : ${fr.minutes(p90)}) sur ${plural(started, 'conversation')}, ${inPeriod(range)} ; ` +
    "valeur exacte, d'après l'horodatage des messages.",
  noneAnswered: (started, range) =>
    started === 1
      ? `La seule conversation (${fr.periodInBrackets(range)}) n'a reçu aucune réponse d'un agent.`
      : `Aucune des ${num(started)} conversations (${fr.periodInBrackets(range)}) n'a reçu de réponse d'un agent.`,
  byChannelMedian: (items) => `Par canal (médiane, du plus lent au plus rapide) : ${items.map((i) => `${i.channel} ${fr.minutes(i.minutes)}`).join(', ')}.`,
  answeredWithin: (value, minutes) => `${pct(value)} ont reçu une réponse dans un délai ${de(durationText(minutes))}.`,
  unanswered: (n, byChannel, complaints) =>
    `${num(n)} ${n < 2 ? "n'a jamais reçu" : "n'ont jamais reçu"} de réponse d'un agent (${counted(true, n >= 2)} exactement${byChannel ? ` ; ${byChannel}` : ''})` +
    `${complaints ? `, dont ${complaints} ${/^(?:environ )?1\b(?![,\d])/.test(complaints) ? 'a commencé' : 'ont commencé'} par une plainte` : ''}.`,
  channelCounts: (items) => items.map((i) => `${i.channel} ${num(i.value)}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `${conversations === 1 ? 'La seule conversation' : `Les ${num(conversations)} conversations`} avec des ${what} (${fr.periodInBrackets(range)}) ` +
    `${conversations === 1 ? 'comptait' : 'comptaient'} ${plural(messages, 'message')} au total, des clients et des agents : ${num(mean)} par conversation en moyenne (médiane : ${num(median)}) ; ` +
    "valeur exacte, d'après les messages enregistrés.",
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `Sur ${customers < 2 ? 'le' : 'les'} ${plural(customers, 'client')}${scope ? ` ${scope}` : ''} (${fr.periodInBrackets(range)}), ${num(repeat)} (${pct(share)}) ${repeat < 2 ? 'a' : 'ont'} écrit dans plus d'une conversation ; ` +
    'valeur exacte, un client étant compté par son identifiant sur chaque canal : la même personne sur deux canaux compte deux fois.',
  withoutHandle: (n) => `${plural(n, 'conversation')} sans identifiant client ${n < 2 ? "n'est pas comptée" : 'ne sont pas comptées'}.`,
  measureNotNarrowed: () =>
    "Ces chiffres portent sur toutes les conversations de la période, quels qu'en soient le sujet ou le ton : le sujet d'une conversation est une estimation du classifieur, alors que ces chiffres sont exacts.",
}
