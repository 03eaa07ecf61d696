// The local answer's sentences in Spanish (es-ES): periods named from the plan's English labels, dates and
// numbers as Spain writes them (1–10 nov 2026, 12,5 %), nouns and adjectives agreeing (mensajes, conversaciones).
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import { mentionParts } from '../subject-words.ts'
import { dateSpan, dayIn, groupNameIn, languageIn, listIn, measureIn, type MeasureNames, numberIn, periodName, type Unit } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'
import type { AskFilters, FigureEstimate, TimeRange } from '../types.ts'

const LOCALE = 'es-ES'
const num = numberIn(LOCALE)
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** "a, b y c"; "y" becomes "e" before an /i/ sound: "twitter e instagram", "francés e inglés". */
const list = listIn(LOCALE)
const orList = listIn(LOCALE, 'disjunction')
/** "o" becomes "u" before an /o/ sound. */
const or = (next: string) => (/^h?o/i.test(next) ? 'u' : 'o')

// ---- Periods -------------------------------------------------------------------------------------

const UNITS: Record<Unit, { one: string; many: string; fem: boolean }> = {
  day: { one: 'día', many: 'días', fem: false },
  week: { one: 'semana', many: 'semanas', fem: true },
  month: { one: 'mes', many: 'meses', fem: false },
  quarter: { one: 'trimestre', many: 'trimestres', fem: false },
  year: { one: 'año', many: 'años', fem: false },
  hour: { one: 'hora', many: 'horas', fem: true },
}

const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dayOnly = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', timeZone: 'UTC' })

/** The range's first and last day (its end is exclusive). */
function days(range: Pick<TimeRange, 'from' | 'to'>): [Date, Date] {
  const from = new Date(range.from)
  return [from, new Date(Math.max(from.getTime(), Date.parse(range.to) - 1))]
}

/** "del 1 al 31 oct 2026", "del 26 oct al 1 nov 2026", "el 9 nov 2026": a range named by its dates after a verb. */
function fromTo(range: Pick<TimeRange, 'from' | 'to'>): string {
  const [from, last] = days(range)
  const end = dayIn(last.toISOString(), LOCALE)
  const same = (a: number, b: number) => a === b
  if (from.toISOString().slice(0, 10) === last.toISOString().slice(0, 10)) return `el ${end}`
  const sameYear = same(from.getUTCFullYear(), last.getUTCFullYear())
  const start = sameYear && same(from.getUTCMonth(), last.getUTCMonth()) ? dayOnly.format(from) : sameYear ? dayMonth.format(from) : dayIn(from.toISOString(), LOCALE)
  return `del ${start} al ${end}`
}

/** The period's name without its dates, whether it reads as an adverb ("este mes", "ayer"), and its dates in brackets, if any. */
function named(range: TimeRange): { text: string; adverb: boolean; dates?: string; kind: string } {
  const p = periodName(range.label)
  const valid = !Number.isNaN(Date.parse(range.from)) && !Number.isNaN(Date.parse(range.to))
  const dates = valid && /\)$/.test(range.label) ? dateSpan(range, LOCALE) : undefined
  const u = 'unit' in p ? UNITS[p.unit] : UNITS.day
  switch (p.kind) {
    case 'all':
      return { text: 'todo el periodo', adverb: false, kind: p.kind }
    case 'today':
      return { text: 'hoy', adverb: true, kind: p.kind }
    case 'yesterday':
      return { text: 'ayer', adverb: true, dates, kind: p.kind }
    case 'this':
      return { text: `${u.fem ? 'esta' : 'este'} ${u.one}`, adverb: true, dates, kind: p.kind }
    case 'last': {
      const text = p.unit === 'day' ? 'el último día' : p.unit === 'hour' ? 'la última hora' : u.fem ? `la ${u.one} pasada` : `el ${u.one} pasado`
      return { text, adverb: true, dates, kind: p.kind }
    }
    case 'past': {
      const text = p.n === 1 ? `${u.fem ? 'la última' : 'el último'} ${u.one}` : `${u.fem ? 'las últimas' : 'los últimos'} ${p.n} ${u.many}`
      return { text, adverb: false, dates, kind: p.kind }
    }
    case 'previous':
      return { text: 'el periodo anterior', adverb: false, dates, kind: p.kind }
    case 'sameBefore': {
      if (p.unit === 'day') return { text: 'ayer a la misma hora', adverb: true, dates, kind: p.kind }
      return { text: `los mismos días ${u.fem ? 'de la' : 'del'} ${u.one} ${u.fem ? 'pasada' : 'pasado'}`, adverb: false, dates, kind: p.kind }
    }
    case 'since':
      return { text: `desde el ${valid ? dayIn(range.from, LOCALE) : range.label.replace(/^since /, '')}`, adverb: true, kind: p.kind }
    case 'isoWeek':
      return { text: `la semana ${p.week} de ${p.year}`, adverb: false, dates, kind: p.kind }
    case 'lastWithData':
      return { text: 'la última semana con datos', adverb: false, dates, kind: p.kind }
    case 'dates':
      return { text: valid ? dateSpan(range, LOCALE) : range.label, adverb: false, kind: p.kind }
  }
}

const withDates = (n: { text: string; dates?: string }) => `${n.text}${n.dates ? ` (${n.dates})` : ''}`
const valid = (range: TimeRange) => !Number.isNaN(Date.parse(range.from)) && !Number.isNaN(Date.parse(range.to))

/** "este mes (1–10 nov 2026)", "todo el periodo", "1–31 oct 2026". */
const period = (range: TimeRange) => withDates(named(range))

/** After a verb: "en el periodo anterior (…)", "en las últimas 8 semanas", "este mes (…)", "ayer (…)", "del 1 al 31 oct 2026". */
function inPeriod(range: TimeRange): string {
  const n = named(range)
  if (n.kind === 'dates') return valid(range) ? fromTo(range) : n.text
  return n.adverb ? withDates(n) : `en ${withDates(n)}`
}

/** After a noun: "de la semana pasada (…)", "del periodo anterior (…)", "desde el 3 nov 2026", "del 1 al 31 oct 2026". */
function ofPeriod(range: TimeRange): string {
  const n = named(range)
  if (n.kind === 'dates') return valid(range) ? fromTo(range).replace(/^el /, 'del ') : `de ${n.text}`
  if (n.kind === 'since') return n.text
  return withDates(n).startsWith('el ') ? `del ${withDates(n).slice(3)}` : `de ${withDates(n)}`
}

/** As a subject or after a preposition: "el periodo del 1 al 31 oct 2026", "el periodo desde el 3 nov 2026", "este mes (…)". */
function subject(range: TimeRange): string {
  const n = named(range)
  if (n.kind === 'dates') return valid(range) ? (fromTo(range).startsWith('el ') ? fromTo(range) : `el periodo ${fromTo(range)}`) : n.text
  if (n.kind === 'since') return `el periodo ${n.text}`
  return withDates(n)
}

/** "a" + "el" → "al". */
const toward = (phrase: string) => (phrase.startsWith('el ') ? `al ${phrase.slice(3)}` : `a ${phrase}`)

/** "2026-W44" → "la semana 44 de 2026"; other names as they are. */
const weekName = (week: string) => week.replace(/^(\d{4})-W(\d{2})$/, (_m, y: string, w: string) => `la semana ${Number(w)} de ${y}`)

// ---- What is counted -----------------------------------------------------------------------------

const INTENTS: Record<string, string> = {
  question: 'pregunta',
  complaint: 'queja',
  bug_outage: 'fallo o caída de la app',
  billing: 'facturación',
  delivery: 'entrega',
  account_login: 'acceso a la cuenta',
  cancellation: 'baja',
  feature_request: 'petición de función',
  praise: 'elogios',
  connectivity: 'conexión',
  product_fault: 'defecto del producto',
  appointment: 'cita',
  pricing: 'precios',
  other: 'otro',
}
const intentName = (intent: string) => INTENTS[intent] ?? intent.replace(/_/g, ' ')

/** Intents that say what kind of message it is rather than what it is about. */
const KINDS = new Set(['question', 'complaint', 'feature_request', 'praise'])
/** After a noun: "sobre facturación", "de tipo pregunta", "sobre otros asuntos". */
function aboutIntent(intent: string): string {
  if (intent === 'other') return 'sobre otros asuntos'
  return KINDS.has(intent) ? `de tipo ${intentName(intent)}` : `sobre ${intentName(intent)}`
}

/** Sentiment adjectives by gender and number; Spanish words are accepted too. */
const SENTIMENTS: Record<string, { m: string; f: string; mp: string; fp: string }> = {
  negative: { m: 'negativo', f: 'negativa', mp: 'negativos', fp: 'negativas' },
  positive: { m: 'positivo', f: 'positiva', mp: 'positivos', fp: 'positivas' },
  neutral: { m: 'neutral', f: 'neutral', mp: 'neutrales', fp: 'neutrales' },
}
function sentimentWord(sentiment: string, form: 'm' | 'f' | 'mp' | 'fp' = 'm'): string {
  const forms = SENTIMENTS[sentiment] ?? Object.values(SENTIMENTS).find((s) => Object.values(s).includes(sentiment))
  return forms ? forms[form] : sentiment
}

/** Whether a "what" phrase is feminine (conversaciones) and its article. */
const feminine = (what: string) => /^conversaci/.test(what)
const the = (what: string) => (feminine(what) ? 'las' : 'los')

/** "mensajes negativos de clientes que mencionan «router»" → "mensaje negativo de cliente que menciona «router»". */
function singular(what: string): string {
  return what
    .replace(/^mensajes/, 'mensaje')
    .replace(/^conversaciones/, 'conversación')
    .replace(/^(mensaje|conversación) (negativ|positiv)([oa])s\b/, '$1 $2$3')
    .replace(/^(mensaje|conversación) neutrales\b/, '$1 neutral')
    .replace(' de clientes', ' de cliente')
    .replace(' que mencionan ', ' que menciona ')
}

/** "que mencionan «router» o «zebra»", with the other names searched. */
function mentioning(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  // The support is searched by its phrases in every language: named by its Spanish word, one of them.
  const shown = support ? ['«soporte»'] : words.map((w) => `«${w.replace(/^"|"$/g, '')}»`)
  const others = support
    ? '«atención al cliente», «chat en directo», «en espera» y similares, en cualquier idioma'
    : 'sus nombres en otros idiomas'
  return `que mencionan ${orList(shown)}${translated ? ` (${or(others)} ${others})` : ''}`
}

function what(filters: AskFilters, noun: 'messages' | 'conversations' = 'messages'): string {
  const conversations = noun === 'conversations'
  const parts = [conversations ? 'conversaciones' : 'mensajes']
  if (filters.sentiment) parts.push(sentimentWord(filters.sentiment, conversations ? 'fp' : 'mp'))
  parts.push('de clientes')
  if (filters.intent) parts.push(aboutIntent(filters.intent))
  if (filters.theme) parts.push(`del tema «${filters.theme}»`)
  if (filters.channel) parts.push(`en ${filters.channel}`)
  if (filters.language) parts.push(`en ${languageIn(LOCALE, filters.language)}`)
  const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
  if (segment.length) parts.push(`(${segment.join(', ')})`)
  if (filters.mentions) parts.push(mentioning(filters.mentions))
  return parts.join(' ')
}

const DIMENSIONS: Record<string, string> = {
  channel: 'canal',
  language: 'idioma',
  intent: 'motivo',
  theme: 'tema',
  day: 'día',
  weekday: 'día de la semana',
  hour: 'hora',
  sentiment: 'sentimiento',
}
const dimensionName = (dimension: string) => DIMENSIONS[dimension] ?? dimension.replace(/_/g, ' ')
const isHour = (dimension: string) => dimension === 'hour' || dimension === 'hora'
const isDay = (dimension: string) => ['weekday', 'day', 'día', 'día de la semana'].includes(dimension)
/** A group as the subject of a sentence: "el lunes", "la franja 09:00–10:00 UTC", "instagram". */
const groupSubject = (dimension: string, name: string) => (isHour(dimension) ? `la franja ${name}` : isDay(dimension) ? `el ${name}` : name)

// ---- Figures -------------------------------------------------------------------------------------

/** "intervalo del 95 %: 35,2–50"; with `percent`, "… 5,2–48,5 %". */
function interval(estimate: FigureEstimate, percent = false): string {
  const low = num(estimate.low)
  const high = `${num(estimate.high)}${percent ? ' %' : ''}`
  const between = percent ? `entre el ${low} y el ${high}` : `entre ${low} y ${high}`
  if (isThemeBounds(estimate)) return between
  if (isWidenedByTheme(estimate)) return `${between}: el intervalo del 95 % de las etiquetas, ampliado por los posibles errores del agrupamiento del tema`
  return `intervalo del 95 %: ${low}–${high}`
}

/** "alrededor del 12,7 %", "el 12,7 %". */
const share = (value: number, about: boolean) => `${about ? 'alrededor del' : 'el'} ${num(value)} %`
/** "alrededor del 12,7 % (intervalo del 95 %: 5,2–48,5 %)". */
const shareWith = (value: number, estimate: FigureEstimate) => `alrededor del ${num(value)} % (${interval(estimate, true)})`
/** "unos 42 clientes", "unas 6 conversaciones", "alrededor de 1 conversación". */
const aboutCount = (n: number, fem: boolean, one: string, many: string) => (n === 1 ? `alrededor de 1 ${one}` : `${fem ? 'unas' : 'unos'} ${num(n)} ${many}`)
const aboutNum = (yes: boolean, n: number) => `${yes ? 'unos ' : ''}${num(n)}`

const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', comparando por día' : `; comparando por día, ${lengths(p.range, p.days, p.daysBefore)}`)
const OVERLAP = 'los intervalos de los dos periodos se solapan, así que la dirección no es segura'
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? '; tampoco es seguro' : `; ${OVERLAP}`)

/** "este mes (1–10 nov 2026) tiene 9,4 días, frente a los 31 del periodo anterior". */
function lengthsBare(range: TimeRange, days: number, daysBefore: number): string {
  const before = daysBefore === 1 ? '1 día' : `los ${num(daysBefore)}`
  return `${subject(range)} tiene ${plural(days, 'día')}, frente a ${before} del periodo anterior`
}
const lengths = (range: TimeRange, days: number, daysBefore: number) => `ya que ${lengthsBare(range, days, daysBefore)}`

const THEME_COUNTED = 'contando los mensajes que el análisis semanal de temas asignó al tema'

/** The planner's English descriptions of what no figure computes, in Spanish; each with its bracketed reason when it has one. */
const MEASURES: MeasureNames = {
  bySlot: { words: 'un recuento limitado a ciertos días de la semana u horas del día', reason: 'sí se pueden ordenar: «¿qué día de la semana tiene más mensajes?»' },
  averages: { words: 'medias por conversación o por cliente' },
  closed: { words: 'un recuento de conversaciones cerradas o de problemas resueltos', reason: 'no se registra si una conversación se cerró o se resolvió' },
  newCustomers: { words: 'un recuento de clientes nuevos o recurrentes', reason: 'nada marca el primer contacto de un cliente' },
  themeRate: { words: 'una proporción de los mensajes de cada tema semanal', reason: 'los temas se clasifican por sus quejas' },
  byCustomer: { words: 'una clasificación de clientes concretos' },
  agentWork: { words: 'un recuento de lo que hicieron o prometieron los agentes', reason: 'las cifras cuentan los mensajes de los clientes y cuándo se respondieron' },
  byAgent: { words: 'un desglose por agente' },
  surveyScore: { words: 'una puntuación de satisfacción como el CSAT o el NPS', reason: 'no se guardan respuestas de encuestas; cómo se sienten los clientes se lee en el sentimiento de sus mensajes' },
}

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = '; una queja es un mensaje negativo, o uno neutral que informa del problema'
const SO_OUTNUMBER = ', por eso superan en número a los mensajes negativos'

export const es: Phrases = {
  locale: LOCALE,
  num,
  pct: (n) => `${num(n)} %`,
  list,
  quoted: (text, n) => `«${text}» [${n}]`,

  period,
  inPeriod,
  // "(este mes: 1–10 nov 2026)", not "(este mes (1–10 nov 2026))".
  periodInBrackets(range) {
    const n = named(range)
    return n.dates ? `${n.text}: ${n.dates}` : n.text
  },
  day: (iso) => dayIn(iso, LOCALE),
  lengths,

  what,
  intentName,
  groupName: (dimension, key) => (dimension === 'sentiment' ? sentimentWord(key) : groupNameIn(LOCALE, dimension, key, intentName)),
  dimensionName,
  sentimentName: (sentiment) => sentimentWord(sentiment),
  minutes(m) {
    if (m < 90) return `${Math.round(m)} min`
    if (m < 48 * 60) return `${num(Math.round(m / 6) / 10)} h`
    return `${num(Math.round(m / 144) / 10)} días`
  },
  threshold(minutes) {
    if (minutes % 1440 === 0) return minutes === 1440 ? 'un día' : `${num(minutes / 1440)} días`
    if (minutes === 60) return 'una hora'
    if (minutes % 60 === 0 || minutes > 90) return `${num(Math.round((10 * minutes) / 60) / 10)} horas`
    return plural(minutes, 'minuto')
  },

  interval: (estimate) => interval(estimate),
  figure(f) {
    if (f.kind === 'exact') return num(f.value)
    if (f.kind === 'theme') {
      return (
        `aproximadamente ${num(f.value)} (${THEME_COUNTED}; entre ${num(f.low)} y ${num(f.high)}: el límite inferior cuenta solo aquellos cuya conversación ` +
        'menciona las palabras del tema, el superior añade los mensajes que el agrupamiento puede haber pasado por alto)'
      )
    }
    // Say which estimate it is: corrected for the classifier's errors measured on people's labels, or the classifier's own.
    const how = f.corrected
      ? 'las etiquetas puestas por personas, contadas con exactitud; el resto, estimado a partir de las etiquetas del clasificador corregidas según sus errores medidos'
      : 'estimación a partir de las etiquetas del clasificador'
    return `aproximadamente ${num(f.value)} (${how}; ${interval(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `Esta pregunta pide ${measureIn(measure, MEASURES, (m) => `«${m}»`)}, algo que ninguna cifra de aquí calcula, así que no puede responderse tal como está planteada; he entendido: ${understoodAs}. ` +
    'Lo que sigue es lo que se puede contar, no una respuesta.',
  notUnderstood: (understoodAs) =>
    `No he podido asociar esta pregunta a ninguna cifra que pueda calcular; he entendido: ${understoodAs}. Lo que sigue es una búsqueda entre los mensajes, no una respuesta.`,
  periodAssumed: (range) => `No se indicó ningún periodo: se compara ${subject(range)} con la semana anterior, como hace el informe semanal de temas.`,
  eventRead: (theme, range) => range.label.includes('–')
    ? `No se indicó ninguna fecha: se comparan las semanas del tema semanal «${theme}» (${range.label}) con las semanas anteriores, sobre todos los mensajes a los que se refiere la pregunta.`
    : `No se indicó ninguna fecha: se compara la semana del tema semanal «${theme}» (${range.label}) con la semana anterior, sobre todos los mensajes a los que se refiere la pregunta.`,
  recentRead: (words, range) => `«${words}» no indica ninguna fecha: lo leo como ${subject(range)}.`,
  unplacedTime: (words, range, weekly) => `«${words}» no indica ninguna fecha que pueda leer: las cifras abarcan ${subject(range)}${weekly ? ', semana a semana' : ''}.`,
  notNarrowedIntent: (words, intent) => `«${words}» no se cuenta aparte: las cifras son de todos los mensajes ${aboutIntent(intent)}.`,
  notNarrowedKind: (kind) =>
    `El motivo de un mensaje es su asunto o su tipo («${intentName(kind)}»), no ambas cosas, así que la clasificación siguiente es de los asuntos de todos los mensajes ` +
    `de clientes, no solo de los mensajes ${aboutIntent(kind)}.`,
  rankedByTheme: (intent) => `Un mensaje tiene un solo motivo, así que los mensajes ${aboutIntent(intent)} no se clasifican por motivo, sino por los temas semanales en los que caen.`,
  themeMatched: (theme, labels) =>
    `«${theme}» coincidió con los temas semanales ${list(labels.map((l) => ('more' in l ? `${l.more} más` : `«${l.label}»`)))}: las cifras cuentan sus mensajes.`,
  noDataFor: (range, endsAt, suggested) =>
    `No hay datos para ${subject(range)}: los datos de este espacio de trabajo terminan el ${dayIn(endsAt, LOCALE)}. ` +
    `Pregunte en su lugar por ${subject(suggested)} (la misma duración, hasta esa fecha).`,
  dataStartsAt: (startsAt, previous) =>
    `Los datos de este espacio de trabajo empiezan el ${dayIn(startsAt, LOCALE)}, así que solo cubren en parte ${subject(previous)}: ` +
    'un cambio respecto a ese periodo no es un cambio real.',

  noMessagesAtAll: (range, what, before) =>
    `No hay ningún mensaje de clientes para ${subject(range)}: los datos no tienen nada de ese periodo, lo que no dice nada acerca de ${the(what)} ${what}` +
    `${before ? ` (hubo ${num(before.value)} ${inPeriod(before.range)})` : ''}; no se cuenta ni se cita nada.`,
  noMatch: (what, range, before) =>
    `No hay ${what} que respondan a esta pregunta para ${subject(range)}${before ? ` (hubo ${num(before.value)} ${inPeriod(before.range)})` : ''}, ` +
    'así que los datos no pueden responderla; no se cuenta ni se cita nada.',
  openingEstimated: (figure, what, range) => `Hubo ${figure} ${what} (${es.periodInBrackets(range)}).`,
  openingCounted: (total, what, range, how) =>
    `Hubo ${num(total)} ${total === 1 ? singular(what) : what} (${es.periodInBrackets(range)}; ${how === 'exact' ? 'recuento exacto a partir de los metadatos' : THEME_COUNTED}).`,
  customersFrom: (value, estimate) => (estimate ? `Procedían de ${aboutCount(value, true, 'conversación', 'conversaciones')} (${interval(estimate)}).` : `Procedían de ${num(value)} ${value === 1 ? 'conversación' : 'conversaciones'} (recuento exacto).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `${capitalise(aboutCount(value, false, 'cliente', 'clientes'))} ${value === 1 ? 'se quejó' : 'se quejaron'} (${interval(estimate)}` +
    `${reports ? COMPLAINT_COUNTS : ''}` +
    `${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = `${the(base.what)} ${base.estimated ? 'aproximadamente ' : ''}${num(base.value)} ${base.what}`
    if (!estimate) return `Eso representa el ${num(value)} % de ${of}.`
    return `Eso representa alrededor del ${num(value)} % (intervalo del 95 %: ${num(estimate.low)}–${num(estimate.high)} %) de ${of}.`
  },
  customersShare: (value, estimate, conversations, what) =>
    `Eso representa ${shareWith(value, estimate)} de las ${num(conversations)} conversaciones con ${what}.`,

  changeNone: (previous) => `No hubo ninguno ${inPeriod(previous)}.`,
  changeUnchanged: (their, before, previous, perDay) =>
    `${their ? 'Sus mensajes no cambian' : 'No hay cambio'} frente a ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}.`,
  changeMoved(their, up, percent, before, previous, perDay, unsure) {
    const move = their
      ? `Sus mensajes ${up ? 'aumentan' : 'disminuyen'}${percent === undefined ? '' : ` un ${num(percent)} %`}`
      : `Eso supone ${up ? 'un aumento' : 'un descenso'}${percent === undefined ? '' : ` del ${num(percent)} %`}`
    return `${move} frente a ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}${unsureText(unsure)}.`
  },

  customersCompared(c) {
    const who =
      c.who === 'complained' ? (c.now === 1 ? 'se quejó' : 'se quejaron')
      : c.who === 'wrote' ? (c.now === 1 ? 'escribió' : 'escribieron')
      : `${c.now === 1 ? 'escribió' : 'escribieron'} un mensaje ${sentimentWord(c.who.sentiment)}`
    const direction = c.direction === 'same' ? 'más o menos igual' : c.direction === 'up' ? 'un aumento' : 'un descenso'
    const perDay = c.perDay ? ` por día, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? `; ${OVERLAP}` : ''
    // The previous period by its dates alone, as the sentence already compares it.
    const previous = !c.previous ? 'en el periodo anterior' : periodName(c.previous.label).kind === 'previous' && valid(c.previous) ? fromTo(c.previous) : inPeriod(c.previous)
    return (
      `${capitalise(aboutCount(c.now, false, 'cliente', 'clientes'))} ${who} ${inPeriod(c.range)} (${interval(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}), ` +
      `frente a ${c.before === 1 ? 'alrededor de 1' : `unos ${num(c.before)}`} ${previous} (${interval(c.beforeEstimate)}): ${direction}${perDay}${sure}.`
    )
  },

  weekByWeek: (weeks) => `Semana a semana: ${list(weeks.map((w) => `${aboutNum(w.about, w.value)} en ${weekName(w.week)}${w.partial ? ' (solo en parte)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `${weekName(name)}${partial ? ' (solo en parte)' : ''}`
    // Which weeks the range only cuts into, when they are left out of the comparison.
    const left = w.leftOut.length
      ? `, comparando semanas completas (${list(w.leftOut.map(weekName))} ${w.leftOut.length === 1 ? 'solo está' : 'solo están'} en parte dentro del periodo)`
      : ''
    return (
      `El volumen semanal pasó de ${aboutNum(w.about, w.first)} en ${week(w.firstWeek, w.firstPartial)} a ${aboutNum(w.about, w.last)} en ${week(w.lastWeek, w.lastPartial)}` +
      `${left}${w.overlap ? '; los intervalos de las dos semanas se solapan, así que la dirección no es segura' : ''}.`
    )
  },
  negativeShareMoved: (s) =>
    `La proporción de mensajes negativos${s.of ? ` entre ${the(s.of)} ${s.of}` : ''} pasó ${s.about ? 'de alrededor del' : 'del'} ${num(s.from)} % ` +
    `${s.about ? 'a alrededor del' : 'al'} ${num(s.to)} %${s.overlap ? '; los intervalos de las dos semanas se solapan, así que la dirección no es segura' : ''}.`,
  wholePeriodNegative: (value, estimate, previousValue) =>
    `En todo el periodo, ${estimate ? shareWith(value, estimate) : share(value, false)} fueron negativos` +
    `${previousValue !== undefined ? `, frente a alrededor del ${num(previousValue)} % en el periodo anterior` : ''}.`,

  shareMoved(s) {
    const fem = feminine(s.what)
    const part = `${fem ? 'conversaciones' : 'mensajes'} ${sentimentWord(s.sentiment, fem ? 'fp' : 'mp')}`
    const previous = s.previous ? inPeriod(s.previous) : 'en el periodo anterior'
    const direction = s.direction === 'up' ? 'un aumento' : s.direction === 'down' ? 'un descenso' : 'sin cambios'
    return (
      `La proporción de ${part} entre ${the(s.what)} ${s.what} pasó de ${shareWith(s.before, s.beforeEstimate)} ${previous} ` +
      `a ${shareWith(s.now, s.nowEstimate)} ${inPeriod(s.range)}: ${direction}${s.overlap && s.direction !== 'unchanged' ? `; ${OVERLAP}` : ''}.`
    )
  },
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `El tema que más creció es «${t.theme}»: de ${num(t.before)} a ${plural(t.now, 'mensaje')} (según el análisis semanal de temas).`
      : `El tema que más creció por semana es «${t.theme}»: de ${plural(t.before, 'mensaje')} en ${plural(t.previousWeeks, 'semana')} a ${num(t.now)} en ${plural(t.weeks, 'semana')} (según el análisis semanal de temas).`,
  leaderGrew: (l) =>
    `El motivo que probablemente más creció es «${intentName(l.intent)}»` +
    `${l.row ? `: de unos ${num(l.row.before)} ${l.previous ? inPeriod(l.previous) : 'en el periodo anterior'} a unos ${num(l.row.now)} ${inPeriod(l.range)}` : ''}` +
    ` (un cambio de unos ${num(l.change)}, intervalo del 95 %: de ${num(l.low)} a ${num(l.high)}; el mayor cambio en el ${num(l.chance)} % de los remuestreos` +
    `${l.chance < 50 ? ', así que no destaca claramente sobre los demás' : ''}).`,
  grewMost: (g) =>
    `El motivo que más creció${g.perDay ? ` por día (${lengthsBare(g.perDay.range, g.perDay.days, g.perDay.daysBefore)})` : ''} es «${intentName(g.intent)}»: ` +
    `de ${num(g.before)} ${g.previous ? inPeriod(g.previous) : 'en el periodo anterior'} a ${num(g.now)} ${inPeriod(g.range)}.`,
  noneGrew: (previous, perDay) =>
    `Ningún motivo creció claramente${perDay ? ' por día' : ''} frente ${toward(previous ? subject(previous) : 'el periodo anterior')}` +
    `${perDay ? ` (${lengthsBare(perDay.range, perDay.days, perDay.daysBefore)})` : ''}.`,
  fellMost: (intent, before, now) => `El motivo que más bajó es «${intentName(intent)}»: de ${num(before)} a ${num(now)}.`,

  examples: (n, total, what, range, quotes) =>
    `${plural(n, 'ejemplo')} ${total === 1 ? `del único ${singular(what)}` : `de ${the(what)} ${num(total)} ${what}`} ${ofPeriod(range)}: ${quotes}.`,
  mix(parts) {
    const said = parts.map((f, i) => `${f.estimate ? shareWith(f.value, f.estimate) : share(f.value, false)} ${i === 0 ? 'eran ' : ''}${sentimentWord(f.sentiment, 'mp')}`)
    return `De ellos, ${list(said)} (estimación a partir de las etiquetas de sentimiento).`
  },
  intentsMostCommon: (items) => `Los motivos más frecuentes fueron ${list(items.map((i) => `${intentName(i.intent)} (${num(i.value)})`))}.`,
  unnamedIntents: (n, approx) =>
    `${approx ? (n === 1 ? 'Alrededor de 1' : `Unos ${num(n)}`) : num(n)} no ${n === 1 ? 'encajó' : 'encajaron'} en ningún motivo concreto.`,
  citedMostlyAbout: (items, total) =>
    `Los mensajes citados tratan sobre todo de ${list(items.map((i) => `${intentName(i.intent)} (${num(i.n)} de ${num(total)})`))}.`,
  representative: (quotes) => `Mensajes representativos: ${quotes}.`,

  nothingToRank: (what, range) => `No hay ${what} que respondan a esta pregunta para ${subject(range)}, así que no hay nada que clasificar.`,
  rankFirst: (r) =>
    `Por ${dimensionName(r.dimension)}, ${groupSubject(r.dimension, r.name)} es ${isHour(r.dimension) ? 'la' : 'el'} que ${r.fewest ? 'menos' : 'más'} ` +
    `${r.byCustomers ? 'quejas' : r.what} tiene (${es.periodInBrackets(r.range)}): ${r.byCustomers ? 'clientes que se quejaron, ' : ''}${r.figure}.`,
  rankThen: (items) => `Le ${items.length === 1 ? 'sigue' : 'siguen'} ${list(items.map((i) => `${i.name} (${aboutNum(i.about, i.value)})`))}.`,
  rankFooter: (estimated) =>
    estimated
      ? 'Estos recuentos son estimaciones a partir de las etiquetas del clasificador, con intervalos del 95 % en las cifras.'
      : 'Son recuentos exactos a partir de los metadatos de los mensajes.',
  themesByIntents: () => 'Los temas se ordenan según los motivos de los mensajes que agrupan, hasta que los temas tengan sus propios mensajes.',
  complaintPerCustomer: () => 'Una queja es un mensaje negativo, o uno neutral que informa de un problema; cada cliente cuenta una vez, por muchos mensajes que haya escrito.',

  rateFirst(r) {
    const intent = r.intent ? ` ${aboutIntent(r.intent)}` : ''
    const what = r.byConversation
      ? `conversaciones con una queja${intent}`
      : `mensajes${r.sentiment ? ` ${sentimentWord(r.sentiment, 'mp')}` : ''} de clientes${intent}`
    const of = r.byConversation ? 'conversaciones con mensajes de clientes' : 'mensajes de clientes'
    const on = r.dimension === 'channel' || r.dimension === 'language' ? 'en' : isHour(r.dimension) ? 'en la franja' : isDay(r.dimension) ? 'el' : 'para'
    const figure = `${shareWith(r.value, r.estimate)} de sus ${r.baseAbout ? 'aproximadamente ' : ''}${num(r.base)} ${of}`
    if (r.single) return `Por ${dimensionName(r.dimension)}, la proporción de ${what} ${on} ${r.name} (${es.periodInBrackets(r.range)}) es de ${figure}.`
    return `Por ${dimensionName(r.dimension)}, la proporción de ${what} es más ${r.lowest ? 'baja' : 'alta'} ${on} ${r.name} (${es.periodInBrackets(r.range)}): ${figure}.`
  },
  rateThen: (items) =>
    `Le ${items.length === 1 ? 'sigue' : 'siguen'} ${list(items.map((i) => `${i.name} (alrededor del ${num(i.value)} % de ${i.baseAbout ? 'aproximadamente ' : ''}${num(i.base)})`))}.`,
  rateOverlap: (first, second, lowest) =>
    `Los intervalos de ${list([first, second])} se solapan, así que no está claro cuál tiene la proporción más ${lowest ? 'baja' : 'alta'}.`,
  complaintPerConversation: () =>
    'Una queja es un mensaje negativo, o uno neutral que informa de un problema; cada conversación cuenta una vez, tenga los mensajes que tenga.',
  rateFooter: (dimension, mayHaveFewer, min) =>
    `Las proporciones se estiman a partir de las etiquetas del clasificador, con intervalos del 95 %; ${isHour(dimension) ? 'una' : 'un'} ${dimensionName(dimension)} ` +
    `${mayHaveFewer ? 'que puede tener' : 'con'} menos de ${plural(min, 'mensaje')} no entra en la clasificación.`,

  slotFirst(s) {
    const hour = s.slot === 'hour'
    const slot = hour ? 'hora del día' : 'día de la semana'
    const name = hour ? `la franja ${s.name}` : `el ${s.name}`
    const days = hour ? plural(s.days, 'día') : `${num(s.days)} ${s.days === 1 ? s.name : s.name.replace(/o$/, 'os')}`
    return (
      `Por ${slot} (UTC), ${name} es ${hour ? 'la' : 'el'} que ${s.fewest ? 'menos' : 'más'} ${s.what} tiene (${es.periodInBrackets(s.range)}): ` +
      `${s.figure} en ${days}, ${aboutNum(s.about, s.perDay)} al día.`
    )
  },
  slotThen: (items) =>
    `Le ${items.length === 1 ? 'sigue' : 'siguen'} ${list(items.map((i) => `${/^\d/.test(i.name) ? '' : 'el '}${i.name} (${aboutNum(i.about, i.perDay)} al día)`))}.`,
  slotPerDay: (fewest, most) => `Cada uno se compara por día, ya que el periodo que cubren los datos tiene entre ${num(fewest)} y ${num(most)} de cada uno.`,
  slotFooter: (estimated) =>
    estimated
      ? 'Estos recuentos son estimaciones a partir de las etiquetas del clasificador, con intervalos del 95 % en las cifras; las horas están en UTC.'
      : 'Son recuentos exactos a partir de las marcas de tiempo de los mensajes, en UTC.',

  nothingStarted: (range) => `No empezó ninguna conversación ${inPeriod(range)}, así que no hay nada que medir.`,
  awaiting: (n, started, range, byChannel) =>
    `${num(n)} de ${plural(started, 'conversación', 'conversaciones')} (${es.periodInBrackets(range)}) ${n === 1 ? 'sigue' : 'siguen'} esperando respuesta: ` +
    `su último mensaje es del cliente (recuento exacto${byChannel ? `; ${byChannel}` : ''}).`,
  waitingLonger: (n, minutes) => `De ellas, ${num(n)} ${n === 1 ? 'lleva' : 'llevan'} más de ${es.threshold(minutes)} esperando desde el último mensaje del cliente.`,
  medianResponse: ({ median, mean, p90, started, range }) =>
    `El tiempo mediano de primera respuesta fue de ${es.minutes(median)} (media: ${es.minutes(mean)}; percentil 90: ${es.minutes(p90)}) en ${plural(started, 'conversación', 'conversaciones')} ` +
    `${ofPeriod(range)}; exacto, a partir de las marcas de tiempo de los mensajes.`,
  noneAnswered: (started, range) =>
    started === 1
      ? `La única conversación (${es.periodInBrackets(range)}) no recibió respuesta de ningún agente.`
      : `Ninguna de las ${num(started)} conversaciones (${es.periodInBrackets(range)}) recibió respuesta de un agente.`,
  byChannelMedian: (items) => `Por canal (mediana, del más lento al más rápido): ${list(items.map((i) => `${i.channel} ${es.minutes(i.minutes)}`))}.`,
  answeredWithin: (pct, minutes) => `El ${num(pct)} % recibió respuesta en ${es.threshold(minutes)} o menos.`,
  unanswered: (n, byChannel, complaints) =>
    `${num(n)} nunca ${n === 1 ? 'recibió' : 'recibieron'} respuesta de un agente (recuento exacto${byChannel ? `; ${byChannel}` : ''})` +
    `${complaints ? `; de ${n === 1 ? 'ella' : 'ellas'}, ${complaints} ${complaints === '1' ? 'empezó' : 'empezaron'} con una queja` : ''}.`,
  channelCounts: (items) => items.map((i) => `${i.channel} ${num(i.value)}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `${conversations === 1 ? 'La única conversación' : `Las ${num(conversations)} conversaciones`} con ${what} (${es.periodInBrackets(range)}) ${conversations === 1 ? 'sumó' : 'sumaron'} ` +
    `${plural(messages, 'mensaje')} en total, de clientes y agentes: ${num(mean)} por conversación de media (mediana: ${num(median)}); cifra exacta, a partir de los mensajes guardados.`,
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `De ${customers === 1 ? 'el único cliente' : `los ${num(customers)} clientes`}${scope ? ` ${scope}` : ''} (${es.periodInBrackets(range)}), ${num(repeat)} (${es.pct(share)}) ${repeat === 1 ? 'escribió' : 'escribieron'} en más de una conversación; ` +
    'cifra exacta, contando a cada cliente por su identificador en cada canal: la misma persona en dos canales cuenta dos veces.',
  withoutHandle: (n) => `${n === 1 ? 'Una conversación' : `${num(n)} conversaciones`} sin identificador de cliente no ${n === 1 ? 'se cuenta' : 'se cuentan'}.`,
  measureNotNarrowed: () =>
    'Estas cifras son de todas las conversaciones del periodo, sea cual sea su tema o su tono: de qué trata cada conversación es una estimación del clasificador, y estas cifras son exactas.',
}
