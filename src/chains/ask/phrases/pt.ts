// The local answer's sentences in Portuguese, readable in Brazil and in Portugal: periods named in Portuguese
// from the plan's English labels, dates and numbers as pt-BR writes them (decimal comma).
import { isThemeBounds, isWidenedByTheme } from '../theme-estimate.ts'
import { mentionParts } from '../subject-words.ts'
import { dateSpan, dayIn, groupNameIn, languageIn, listIn, measureIn, type MeasureNames, numberIn, periodName, type Unit } from './shared.ts'
import type { PerDay, Phrases, Unsure } from './types.ts'
import type { TimeRange } from '../types.ts'

const LOCALE = 'pt-BR'
const num = numberIn(LOCALE)
/** Singular below 2 ("1,5 dia", "1 mensagem"), plural from 2, as Portuguese counts. */
const plural = (n: number, one: string, many: string) => `${num(n)} ${Math.abs(n) < 2 ? one : many}`
const about = (yes: boolean) => (yes ? 'cerca de ' : '')

// Periods. The determiner comes first so prepositions contract with it: em + o = no, de + esta = desta, a + a = à.
const UNITS: Record<Unit, { one: string; many: string; f: boolean }> = {
  day: { one: 'dia', many: 'dias', f: false },
  week: { one: 'semana', many: 'semanas', f: true },
  month: { one: 'mês', many: 'meses', f: false },
  quarter: { one: 'trimestre', many: 'trimestres', f: false },
  year: { one: 'ano', many: 'anos', f: false },
  hour: { one: 'hora', many: 'horas', f: true },
}
const CONTRACTIONS: Record<string, Record<string, string>> = {
  em: { o: 'no', a: 'na', os: 'nos', as: 'nas', este: 'neste', esta: 'nesta' },
  de: { o: 'do', a: 'da', os: 'dos', as: 'das', este: 'deste', esta: 'desta' },
  a: { o: 'ao', a: 'à', os: 'aos', as: 'às' },
}
/** "em" + "o mês passado" = "no mês passado"; "de" + "esta semana" = "desta semana". */
function contract(prep: 'em' | 'de' | 'a', phrase: string): string {
  const m = /^(\S+) (.*)$/.exec(phrase)
  const joined = m && CONTRACTIONS[prep]![m[1]!]
  return joined ? `${joined} ${m[2]}` : `${prep} ${phrase}`
}

interface Named {
  /** With its determiner: "o mês passado", "as últimas 8 semanas", "hoje", "desde 3 de nov. de 2026"; dates alone for a range of dates. */
  head: string
  /** The range's dates, when the English label gives them in brackets. */
  dates?: string
  /** "hoje", "ontem", "desde …" and plain dates take no article, nor "em". */
  bare?: 'adverb' | 'since' | 'dates'
}

function named(range: TimeRange): Named {
  const p = periodName(range.label)
  const dates = /\(.+\)$/.test(range.label) ? dateSpan(range, LOCALE) : undefined
  switch (p.kind) {
    case 'all': return { head: 'todo o período' }
    case 'today': return { head: 'hoje', bare: 'adverb' }
    case 'yesterday': return { head: 'ontem', dates, bare: 'adverb' }
    case 'this': return { head: `${UNITS[p.unit].f ? 'esta' : 'este'} ${UNITS[p.unit].one}`, dates }
    case 'last': {
      const u = UNITS[p.unit]
      const head = p.unit === 'day' || p.unit === 'hour' ? `${u.f ? 'a última' : 'o último'} ${u.one}` : `${u.f ? 'a' : 'o'} ${u.one} ${u.f ? 'passada' : 'passado'}`
      return { head, dates }
    }
    case 'past': {
      const u = UNITS[p.unit]
      const head = p.n === 1 ? `${u.f ? 'a última' : 'o último'} ${u.one}` : `${u.f ? 'as últimas' : 'os últimos'} ${p.n} ${u.many}`
      return { head, dates }
    }
    case 'previous': return { head: 'o período anterior', dates }
    case 'sameBefore': {
      if (p.unit === 'day') return { head: 'ontem à mesma hora', dates, bare: 'adverb' }
      const u = UNITS[p.unit]
      return { head: `os mesmos dias ${contract('de', `${u.f ? 'a' : 'o'} ${u.one} ${u.f ? 'passada' : 'passado'}`)}`, dates }
    }
    case 'since': return { head: `desde ${dayIn(range.from, LOCALE)}`, bare: 'since' }
    case 'isoWeek': return { head: `a semana ${p.week} de ${p.year}`, dates }
    case 'lastWithData': return { head: 'a última semana com dados', dates }
    case 'dates': return { head: dateSpan(range, LOCALE), bare: 'dates' }
  }
}

const withDates = (head: string, dates: string | undefined) => (dates ? `${head} (${dates})` : head)
const oneDay = (range: TimeRange) => Date.parse(range.to) - Date.parse(range.from) <= 24 * 3600 * 1000
/** As the name of the period: "este mês (1 – 10 de nov. de 2026)", "desde 3 de nov. de 2026", plain dates. */
const period = (range: TimeRange) => {
  const n = named(range)
  return withDates(n.head, n.dates)
}
/** As a noun phrase after a verb or "para", "sobre": plain dates become "o período de …", "desde …" "o período desde …". */
function noun(range: TimeRange): string {
  const n = named(range)
  if (n.bare === 'dates') return oneDay(range) ? `o dia ${n.head}` : `o período de ${n.head}`
  if (n.bare === 'since') return `o período ${n.head}`
  return withDates(n.head, n.dates)
}
/** After "de", "a" (contracted): "do mês passado", "à semana passada", "de hoje". */
function nounAfter(prep: 'de' | 'a', range: TimeRange): string {
  return contract(prep, noun(range))
}
/** "no período anterior (…)", "nas últimas 8 semanas", "neste mês (…)", "hoje", "desde …", "no período de 1 – 31 de out. de 2026". */
function inPeriod(range: TimeRange): string {
  const n = named(range)
  if (n.bare === 'adverb' || n.bare === 'since') return withDates(n.head, n.dates)
  if (n.bare === 'dates') return oneDay(range) ? `em ${n.head}` : `no período de ${n.head}`
  return withDates(contract('em', n.head), n.dates)
}
/** "este mês: 1 – 10 de nov. de 2026", "semana passada: …", "últimas 8 semanas", "todo o período". */
function periodInBrackets(range: TimeRange): string {
  const n = named(range)
  const head = n.bare ? n.head : n.head.replace(/^(?:o|a|os|as) (?!período$)/, '')
  return n.dates ? `${head}: ${n.dates}` : head
}
/** "este mês (…) tem 9,4 dias, contra 31". */
function lengthsCore(range: TimeRange, days: number, before: number): string {
  const subject = noun(range)
  return `${subject} ${/^(?:os|as) /.test(subject) ? 'têm' : 'tem'} ${plural(days, 'dia', 'dias')}, contra ${num(before)}`
}
const lengths = (range: TimeRange, days: number, before: number) => `pois ${lengthsCore(range, days, before)}`
const perDayText = (p: PerDay) => (p.kind === 'none' ? '' : p.kind === 'short' ? ', por dia' : `; comparação feita por dia, ${lengths(p.range, p.days, p.daysBefore)}`)
const OVERLAP = 'há sobreposição entre os intervalos dos dois períodos, por isso o sentido da variação não é certo'
const unsureText = (u: Unsure) => (u === 'none' ? '' : u === 'short' ? '; também aqui o sentido da variação não é certo' : `; ${OVERLAP}`)
/** The previous period after "em", or "no período anterior" when the plan names none. */
const inPrevious = (range: TimeRange | undefined) => (range ? inPeriod(range) : 'no período anterior')

// Intents, sentiments, what is counted.
const INTENTS: Record<string, string> = {
  question: 'pergunta',
  complaint: 'reclamação',
  bug_outage: 'falha ou queda do app',
  billing: 'cobrança',
  delivery: 'entrega',
  account_login: 'acesso à conta',
  cancellation: 'cancelamento',
  feature_request: 'pedido de funcionalidade',
  praise: 'elogios',
  connectivity: 'conexão',
  product_fault: 'defeito do produto',
  appointment: 'agendamento',
  pricing: 'preços',
  other: 'outro',
}
const intentName = (intent: string) => INTENTS[intent] ?? intent.replace(/_/g, ' ')
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A sentiment's words, from its English key or its Portuguese name: "negativo", "negativa", "negativas". */
const SENTIMENTS: Record<string, { m: string; f: string; fpl: string }> = {
  negative: { m: 'negativo', f: 'negativa', fpl: 'negativas' },
  positive: { m: 'positivo', f: 'positiva', fpl: 'positivas' },
  neutral: { m: 'neutro', f: 'neutra', fpl: 'neutras' },
  uncertain: { m: 'incerto', f: 'de sentimento incerto', fpl: 'de sentimento incerto' },
}
for (const s of Object.values({ ...SENTIMENTS })) SENTIMENTS[s.m] = s
const sentiment = (s: string) => SENTIMENTS[s] ?? { m: s, f: s, fpl: s }
/** "negativas", "as de sentimento incerto" as a noun among messages. */
const sentimentNoun = (s: string) => (s === 'uncertain' || s === 'incerto' ? 'mensagens de sentimento incerto' : sentiment(s).fpl)

const DIMENSIONS: Record<string, { name: string; f: boolean }> = {
  channel: { name: 'canal', f: false },
  language: { name: 'idioma', f: false },
  intent: { name: 'assunto', f: false },
  theme: { name: 'tema', f: false },
  day: { name: 'dia', f: false },
  weekday: { name: 'dia da semana', f: false },
  hour: { name: 'hora', f: true },
  sentiment: { name: 'sentimento', f: false },
}
const dimensionName = (dimension: string) => DIMENSIONS[dimension]?.name ?? dimension

/** "que mencionam “router” ou “zebra”", "(ou o equivalente em outras línguas)". */
function mentionsText(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  const shown = words.map((w) => `“${w.replace(/^"|"$/g, '')}”`)
  const others = support
    ? '“atendimento ao cliente”, “chat ao vivo”, “em espera” e afins, em qualquer língua'
    : `${shown.length === 1 ? 'o equivalente' : 'os equivalentes'} em outras línguas`
  return `que mencionam ${shown.join(' ou ')}${translated ? ` (ou ${others})` : ''}`
}

/** "mensagens negativas de clientes sobre cobrança no whatsapp em alemão que mencionam “router”". */
function what(filters: Parameters<Phrases['what']>[0], noun: 'messages' | 'conversations' = 'messages'): string {
  const head = noun === 'conversations' ? 'conversas' : 'mensagens'
  const s = filters.sentiment
  const parts = [s && s !== 'uncertain' ? `${head} ${sentiment(s).fpl} de clientes` : `${head} de clientes`]
  if (s === 'uncertain') parts.push('com sentimento incerto')
  if (filters.intent) parts.push(`sobre ${intentName(filters.intent)}`)
  if (filters.theme) parts.push(`do tema “${filters.theme}”`)
  if (filters.channel) parts.push(`no ${filters.channel}`)
  if (filters.language) parts.push(`em ${languageIn(LOCALE, filters.language)}`)
  const segment = Object.entries(filters.segment ?? {}).map(([k, v]) => `${k} ${v}`)
  if (segment.length) parts.push(`(${segment.join(', ')})`)
  if (filters.mentions) parts.push(mentionsText(filters.mentions))
  return parts.join(' ')
}

/** One of what `what` says: "mensagem negativa de cliente … que menciona “router”" (quoted words left alone). */
function singular(phrase: string): string {
  const cut = phrase.search(/[“"]/)
  const head = cut < 0 ? phrase : phrase.slice(0, cut)
  const one = head
    .replace(/^mensagens\b/, 'mensagem')
    .replace(/^conversas\b/, 'conversa')
    .replace(/^(\S+) (negativ|positiv)as\b/, '$1 $2a')
    .replace(/^(\S+) neutras\b/, '$1 neutra')
    .replace(/ de clientes\b/, ' de cliente')
    .replace(/ que mencionam\b/, ' que menciona')
  return one + (cut < 0 ? '' : phrase.slice(cut))
}
/** "10 mensagens de clientes", "1 mensagem de cliente". */
const counted = (n: number, phrase: string) => `${num(n)} ${n === 1 ? singular(phrase) : phrase}`

/** "na semana 45 de 2026" for the ISO week "2026-W45"; other names as they are. */
function weekName(name: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(name)
  return m ? `a semana ${Number(m[2])} de ${m[1]}` : name
}

/** "segundas-feiras", "sábados": a weekday's plural. */
const weekdayPlural = (name: string) => (/-feira$/.test(name) ? name.replace(/^(\S+?)-feira$/, '$1s-feiras') : /s$/.test(name) ? name : `${name}s`)

/** The measures no figure computes, in Portuguese, with what the planner adds in brackets. */
const MEASURES: MeasureNames = {
  bySlot: { words: 'uma contagem restrita a dias da semana ou a horas do dia', reason: 'é possível ordená-los: “qual é o dia da semana com mais movimento?”' },
  averages: { words: 'médias por conversa ou por cliente' },
  closed: { words: 'uma contagem de conversas encerradas ou de problemas resolvidos', reason: 'nenhum dado indica se uma conversa foi encerrada' },
  newCustomers: { words: 'uma contagem de clientes novos ou recorrentes', reason: 'nenhum dado indica a primeira vez que um cliente escreveu' },
  themeRate: { words: 'uma proporção das mensagens de cada tema semanal', reason: 'os temas são classificados pelas suas reclamações' },
  byCustomer: { words: 'uma classificação de clientes individuais' },
  agentWork: { words: 'uma contagem do que os atendentes fizeram ou prometeram', reason: 'os números contam as mensagens dos clientes e quando foram respondidas' },
  byAgent: { words: 'uma divisão por atendente' },
  surveyScore: { words: 'uma pontuação de satisfação como o CSAT ou o NPS', reason: 'não são guardadas respostas a inquéritos; o que os clientes sentem lê-se no sentimento das suas mensagens' },
}

const LABELS = 'estimativa a partir dos rótulos do classificador'
const THEME_COUNT = 'contagem feita entre as mensagens que as análises semanais de temas colocaram no tema'

/** Why customers who complained can outnumber the negative messages, said wherever both are counted. */
const COMPLAINT_COUNTS = '; uma reclamação é uma mensagem negativa, ou uma neutra que relata o problema'
const SO_OUTNUMBER = ', por isso os clientes que reclamaram são mais numerosos do que as mensagens negativas'

export const pt: Phrases = {
  locale: LOCALE,
  num,
  pct: (n) => `${num(n)}%`,
  list: listIn(LOCALE),
  quoted: (text, n) => `“${text}” [${n}]`,

  period,
  inPeriod,
  periodInBrackets,
  day: (iso) => dayIn(iso, LOCALE),
  lengths,

  what,
  intentName,
  groupName: (dimension, key) => (dimension === 'sentiment' ? sentiment(key).m : groupNameIn(LOCALE, dimension, key, intentName)),
  dimensionName,
  sentimentName: (s) => sentiment(s).m,
  minutes(m) {
    if (m < 90) return `${Math.round(m)} min`
    if (m < 48 * 60) return `${num(Math.round(m / 6) / 10)} h`
    return plural(Math.round(m / 144) / 10, 'dia', 'dias')
  },
  threshold(minutes) {
    if (minutes % 1440 === 0) return minutes === 1440 ? 'um dia' : `${num(minutes / 1440)} dias`
    if (minutes === 60) return 'uma hora'
    if (minutes % 60 === 0 || minutes > 90) return plural(Math.round((10 * minutes) / 60) / 10, 'hora', 'horas')
    return plural(minutes, 'minuto', 'minutos')
  },

  interval(estimate) {
    if (isThemeBounds(estimate)) return `entre ${num(estimate.low)} e ${num(estimate.high)}`
    if (isWidenedByTheme(estimate)) {
      return `entre ${num(estimate.low)} e ${num(estimate.high)}: o intervalo de 95% dos rótulos, ampliado pelo que o agrupamento do tema pode ter errado`
    }
    return `intervalo de 95%: ${num(estimate.low)}–${num(estimate.high)}`
  },
  figure(f) {
    if (f.kind === 'exact') return num(f.value)
    if (f.kind === 'theme') {
      return `cerca de ${num(f.value)} (${THEME_COUNT}; entre ${num(f.low)} e ${num(f.high)}: o limite inferior conta só aquelas cuja conversa menciona ` +
        'as palavras do tema, o superior acrescenta as mensagens que o agrupamento pode ter deixado de fora)'
    }
    // Which estimate it is: corrected for the classifier's errors measured on people's labels, or the classifier's own.
    const how = f.corrected
      ? 'rótulos dados por pessoas contados com exatidão, o restante estimado a partir dos rótulos do classificador corrigidos pelos seus erros medidos'
      : LABELS
    return `cerca de ${num(f.value)} (${how}, ${pt.interval(f.estimate)})`
  },

  notComputed: (measure, understoodAs) =>
    `Esta pergunta pede ${measureIn(measure, MEASURES, (m) => `“${m}”`)}, que nenhum número aqui calcula, por isso não pode ser respondida como foi feita; entendi: ${understoodAs}. ` +
    'O que segue é o que se pode contar, não uma resposta.',
  notUnderstood: (understoodAs) =>
    `Não consegui associar esta pergunta a um número que eu possa calcular; entendi: ${understoodAs}. O que segue é uma pesquisa nas mensagens, não uma resposta.`,
  periodAssumed: (range) => `Nenhum período foi indicado: a comparação é entre ${noun(range)} e a semana anterior, como no relatório semanal de temas.`,
  eventRead: (theme, range) => range.label.includes('–')
    ? `Não foi indicada nenhuma data: as semanas do tema semanal “${theme}” (${range.label}) são comparadas com as semanas anteriores, sobre todas as mensagens a que a pergunta se refere.`
    : `Não foi indicada nenhuma data: a semana do tema semanal “${theme}” (${range.label}) é comparada com a semana anterior, sobre todas as mensagens a que a pergunta se refere.`,
  recentRead: (words, range) => `“${words}” não indica uma data: leio-o como ${noun(range)}.`,
  unplacedTime: (words, range, weekly) => `“${words}” não indica uma data que eu consiga ler: os números abrangem ${noun(range)}${weekly ? ', semana a semana' : ''}.`,
  notNarrowedIntent: (words, intent) => `“${words}” não é contado à parte: os números são de todas as mensagens sobre ${intentName(intent)}.`,
  notNarrowedKind: (kind) =>
    `A intenção de uma mensagem é o seu assunto ou o seu tipo (“${intentName(kind)}”), não ambos; por isso, a classificação abaixo é a dos assuntos de todas as mensagens de clientes, ` +
    `não só das mensagens do tipo “${intentName(kind)}”.`,
  rankedByTheme: (intent) => `Uma mensagem tem uma só intenção; por isso, as mensagens sobre ${intentName(intent)} não são classificadas por intenção, mas pelos temas semanais em que se encaixam.`,
  themeMatched(theme, labels) {
    const names = labels.map((l) => ('more' in l ? `mais ${num(l.more)}` : `“${l.label}”`))
    const one = labels.length === 1 && !('more' in labels[0]!)
    return `“${theme}” corresponde ${one ? 'ao tema semanal' : 'aos temas semanais'} ${pt.list(names)}: os números contam as mensagens ${one ? 'desse tema' : 'desses temas'}.`
  },
  noDataFor: (range, endsAt, suggested) =>
    `Não há dados para ${noun(range)}: os dados deste espaço de trabalho terminam em ${pt.day(endsAt)}. ` +
    `Em vez disso, pergunte sobre ${noun(suggested)} (com a mesma duração, terminando nessa data).`,
  dataStartsAt: (startsAt, previous) =>
    `Os dados deste espaço de trabalho começam em ${pt.day(startsAt)}, por isso só cobrem parte ${nounAfter('de', previous)}: ` +
    'uma variação em relação a esse período não é uma variação real.',

  noMessagesAtAll: (range, what, before) =>
    `Não há nenhuma mensagem de cliente para ${noun(range)}: os dados não têm nada desse período, o que não diz nada a respeito de ${what}` +
    `${before ? ` (houve ${num(before.value)} ${inPeriod(before.range)})` : ''}; nada é contado nem citado.`,
  noMatch: (what, range, before) =>
    `Não há ${what} que correspondam a esta pergunta ${inPeriod(range)}${before ? ` (houve ${num(before.value)} ${inPeriod(before.range)})` : ''}, ` +
    'por isso os dados não permitem responder; nada é contado nem citado.',
  openingEstimated: (figure, what, range) => `Houve ${figure} ${what} (${periodInBrackets(range)}).`,
  openingCounted: (total, what, range, how) =>
    `Houve ${counted(total, what)} (${periodInBrackets(range)}; ${how === 'exact' ? 'contagem exata a partir dos metadados' : THEME_COUNT}).`,
  customersFrom: (value, estimate) => (estimate ? `Vieram de cerca de ${plural(value, 'conversa', 'conversas')} (${pt.interval(estimate)}).` : `Vieram de ${plural(value, 'conversa', 'conversas')} (contagem exata).`),
  customersComplained: (value, estimate, reports, outnumber) =>
    `Cerca de ${value === 1 ? `${num(value)} cliente reclamou` : `${num(value)} clientes reclamaram`} (${pt.interval(estimate)}` +
    `${reports ? COMPLAINT_COUNTS : ''}` +
    `${reports && outnumber ? SO_OUTNUMBER : ''}).`,
  shareOf(value, estimate, base) {
    const of = `${about(base.estimated)}${counted(base.value, base.what)}`
    if (!estimate) return `Isso corresponde a ${num(value)}% do total de ${of}.`
    return `Isso corresponde a cerca de ${num(value)}% (intervalo de 95%: ${num(estimate.low)}–${num(estimate.high)}%) do total de ${of}.`
  },
  customersShare: (value, estimate, conversations, what) =>
    `Isso corresponde a cerca de ${num(value)}% (${pt.interval(estimate)}%) do total de ${plural(conversations, 'conversa', 'conversas')} com ${what}.`,

  changeNone: (previous) => `Não houve nenhuma ${inPeriod(previous)}.`,
  changeUnchanged: (their, before, previous, perDay) =>
    `${their ? 'As mensagens desses clientes não variaram' : 'Não há variação'} em comparação com ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}.`,
  changeMoved(their, up, percent, before, previous, perDay, unsure) {
    const pc = percent === undefined ? '' : ` ${num(percent)}%`
    const moved = their
      ? `As mensagens desses clientes ${up ? 'aumentaram' : 'diminuíram'}${pc}`
      : `Isso representa ${up ? 'um aumento' : 'uma queda'}${percent === undefined ? '' : ` de${pc}`}`
    return `${moved} em comparação com ${num(before)} ${inPeriod(previous)}${perDayText(perDay)}${unsureText(unsure)}.`
  },

  customersCompared(c) {
    const one = c.now === 1
    const who = c.who === 'complained'
      ? one ? 'cliente reclamou' : 'clientes reclamaram'
      : c.who === 'wrote'
        ? one ? 'cliente escreveu' : 'clientes escreveram'
        : `${one ? 'cliente escreveu' : 'clientes escreveram'} uma mensagem ${sentiment(c.who.sentiment).f}`
    const direction = c.direction === 'same' ? 'praticamente igual' : c.direction === 'up' ? 'aumento' : 'queda'
    const perDay = c.perDay ? ` por dia, ${lengths(c.range, c.perDay.days, c.perDay.daysBefore)}` : ''
    const sure = c.direction !== 'same' && c.overlap ? `; ${OVERLAP}` : ''
    return `Cerca de ${num(c.now)} ${who} ${inPeriod(c.range)} (${pt.interval(c.nowEstimate)}${c.outnumber ? COMPLAINT_COUNTS + SO_OUTNUMBER : ''}), contra cerca de ${num(c.before)} ${inPrevious(c.previous)} ` +
      `(${pt.interval(c.beforeEstimate)}): ${direction}${perDay}${sure}.`
  },

  weekByWeek: (weeks) => `Semana a semana: ${pt.list(weeks.map((w) => `${about(w.about)}${num(w.value)} ${contract('em', weekName(w.week))}${w.partial ? ' (só em parte)' : ''}`))}.`,
  weeklyVolume(w) {
    const week = (name: string, partial: boolean) => `${contract('em', weekName(name))}${partial ? ' (só em parte)' : ''}`
    // Which weeks the range only cuts into, when they are left out of the comparison.
    const left = w.leftOut.length
      ? `, em semanas completas (${pt.list(w.leftOut.map(weekName))} ${w.leftOut.length === 1 ? 'está' : 'estão'} só em parte no período)`
      : ''
    const overlap = w.overlap ? '; há sobreposição entre os intervalos das duas semanas, por isso o sentido da variação não é certo' : ''
    return `O volume semanal passou de ${about(w.about)}${num(w.first)} ${week(w.firstWeek, w.firstPartial)} para ${about(w.about)}${num(w.last)} ${week(w.lastWeek, w.lastPartial)}${left}${overlap}.`
  },
  negativeShareMoved: (s) =>
    `A proporção de ${s.of ? `negativas entre as ${s.of.replace(/^(?:as|os) /, '')}` : 'mensagens negativas'} passou de ${about(s.about)}${num(s.from)}% para ${about(s.about)}${num(s.to)}%` +
    `${s.overlap ? '; há sobreposição entre os intervalos das duas semanas, por isso o sentido da variação não é certo' : ''}.`,
  wholePeriodNegative: (value, estimate, previousValue) =>
    `No conjunto do período, ${estimate ? `cerca de ${num(value)}% (${pt.interval(estimate)}%)` : `${num(value)}%`} foram negativas` +
    `${previousValue !== undefined ? `, contra cerca de ${num(previousValue)}% no período anterior` : ''}.`,

  shareMoved: (s) =>
    `A proporção de ${sentimentNoun(s.sentiment)} entre as ${s.what} passou de cerca de ${num(s.before)}% (${pt.interval(s.beforeEstimate)}%) ${inPrevious(s.previous)} ` +
    `para cerca de ${num(s.now)}% (${pt.interval(s.nowEstimate)}%) ${inPeriod(s.range)}: ` +
    `${s.direction === 'up' ? 'aumento' : s.direction === 'down' ? 'queda' : 'sem variação'}${s.overlap && s.direction !== 'unchanged' ? `; ${OVERLAP}` : ''}.`,
  themeGrew: (t) =>
    t.weeks === t.previousWeeks
      ? `O tema que mais cresceu foi “${t.theme}”: ${num(t.before)} → ${num(t.now)} mensagens (segundo as análises semanais de temas).`
      : `O tema que mais cresceu por semana foi “${t.theme}”: ${num(t.before)} ${t.before === 1 ? 'mensagem' : 'mensagens'} em ${plural(t.previousWeeks, 'semana', 'semanas')} → ${num(t.now)} em ${plural(t.weeks, 'semana', 'semanas')} (segundo as análises semanais de temas).`,
  leaderGrew: (l) =>
    `${capitalise(intentName(l.intent))} foi provavelmente o assunto que mais cresceu` +
    `${l.row ? `: de cerca de ${num(l.row.before)} ${inPrevious(l.previous)} para cerca de ${num(l.row.now)} ${inPeriod(l.range)}` : ''}` +
    ` (uma variação de cerca de ${num(l.change)}, intervalo de 95%: ${num(l.low)} a ${num(l.high)}; a maior variação em ${num(l.chance)}% das reamostragens` +
    `${l.chance < 50 ? ', por isso não está claramente à frente dos outros' : ''}).`,
  grewMost: (g) =>
    `${capitalise(intentName(g.intent))} foi o assunto que mais cresceu${g.perDay ? ` por dia (${lengthsCore(g.perDay.range, g.perDay.days, g.perDay.daysBefore)})` : ''}: ` +
    `de ${num(g.before)} ${inPrevious(g.previous)} para ${num(g.now)} ${inPeriod(g.range)}.`,
  noneGrew: (previous, perDay) =>
    `Nenhum assunto cresceu claramente em relação ${previous ? nounAfter('a', previous) : 'ao período anterior'}` +
    `${perDay ? ` por dia (${lengthsCore(perDay.range, perDay.days, perDay.daysBefore)})` : ''}.`,
  fellMost: (intent, before, now) => `${capitalise(intentName(intent))} foi o assunto que mais diminuiu: de ${num(before)} para ${num(now)}.`,

  examples: (n, total, what, range, quotes) =>
    `${plural(n, 'exemplo', 'exemplos')} ${total === 1 ? `de ${counted(total, what)}` : `das ${num(total)} ${what}`} ${inPeriod(range)}: ${quotes}.`,
  mix(parts) {
    const said = parts.map((f, i) => `${f.estimate ? `cerca de ${num(f.value)}% (${pt.interval(f.estimate)}%)` : `${num(f.value)}%`} ${i === 0 ? 'foram ' : ''}${sentiment(f.sentiment).fpl}`)
    return `Destas, ${pt.list(said)} (estimativa a partir dos rótulos de sentimento).`
  },
  intentsMostCommon: (items) => `Os assuntos mais frequentes foram ${pt.list(items.map((i) => `${intentName(i.intent)} (${num(i.value)})`))}.`,
  unnamedIntents: (n, approx) => `${approx ? 'Cerca de ' : ''}${num(n)} não ${n === 1 ? 'correspondia' : 'correspondiam'} a nenhum assunto específico.`,
  citedMostlyAbout: (items, total) =>
    `As mensagens citadas tratam sobretudo de ${pt.list(items.map((i) => `${intentName(i.intent)} (${num(i.n)} de ${num(total)})`))}.`,
  representative: (quotes) => `Mensagens representativas: ${quotes}.`,

  nothingToRank: (what, range) => `Não há ${what} que correspondam a esta pergunta ${inPeriod(range)}, por isso não há nada para ordenar.`,
  rankFirst: (r) =>
    `Por ${dimensionName(r.dimension)}, ${r.name} tem o ${r.fewest ? 'menor' : 'maior'} número de ${r.byCustomers ? 'reclamações' : r.what} (${periodInBrackets(r.range)}): ` +
    `${r.byCustomers ? 'clientes que reclamaram, ' : ''}${r.figure}.`,
  rankThen: (items) => `Em seguida, ${pt.list(items.map((i) => `${i.name} (${about(i.about)}${num(i.value)})`))}.`,
  rankFooter: (estimated) =>
    estimated ? 'Estas contagens são estimativas a partir dos rótulos do classificador, com intervalos de 95% nos números.' : 'São contagens exatas a partir dos metadados das mensagens.',
  themesByIntents: () => 'Os temas são ordenados pelos assuntos das mensagens que agrupam, até que passem a guardar as suas próprias mensagens.',
  complaintPerCustomer: () =>
    'Uma reclamação é uma mensagem negativa, ou uma neutra que relata um problema; cada cliente conta uma vez, independentemente de quantas mensagens tenha escrito.',

  rateFirst(r) {
    const intent = r.intent ? intentName(r.intent) : undefined
    const s = r.sentiment && (r.sentiment === 'uncertain' ? 'têm sentimento incerto' : `são ${sentiment(r.sentiment).fpl}`)
    const what = r.byConversation
      ? `conversas com uma reclamação${intent ? ` sobre ${intent}` : ''}`
      : `mensagens de clientes que ${[s, intent && `tratam de ${intent}`].filter(Boolean).join(' e ')}`
    const of = r.byConversation ? 'conversas com mensagens de clientes' : 'mensagens de clientes'
    const where = r.dimension === 'channel' ? contract('em', `o ${r.name}`) : `em ${r.name}`
    const value = `cerca de ${num(r.value)}% (${pt.interval(r.estimate)}%) das suas ${about(r.baseAbout)}${num(r.base)} ${of}`
    if (r.single) return `Por ${dimensionName(r.dimension)}, a proporção de ${what} ${where} (${periodInBrackets(r.range)}) é de ${value}.`
    return `Por ${dimensionName(r.dimension)}, a proporção de ${what} é mais ${r.lowest ? 'baixa' : 'alta'} ${where} (${periodInBrackets(r.range)}): ${value}.`
  },
  rateThen: (items) => `Em seguida, ${pt.list(items.map((i) => `${i.name} (cerca de ${num(i.value)}% de ${about(i.baseAbout)}${num(i.base)})`))}.`,
  rateOverlap: (first, second, lowest) =>
    `Há sobreposição entre os intervalos de ${first} e de ${second}, por isso não é claro qual tem a proporção mais ${lowest ? 'baixa' : 'alta'}.`,
  complaintPerConversation: () =>
    'Uma reclamação é uma mensagem negativa, ou uma neutra que relata um problema; cada conversa conta uma vez, independentemente de quantas mensagens tenha.',
  rateFooter(dimension, mayHaveFewer, min) {
    const d = DIMENSIONS[dimension] ?? { name: dimension, f: false }
    const fewer = mayHaveFewer ? `que pode ter menos de ${num(min)} mensagens` : `com menos de ${num(min)} mensagens`
    return `As proporções são estimadas a partir dos rótulos do classificador, com intervalos de 95%; ${d.f ? 'uma' : 'um'} ${d.name} ${fewer} fica fora da classificação.`
  },

  slotFirst(s) {
    const slot = s.slot === 'weekday' ? 'dia da semana' : 'hora do dia'
    const days = s.slot === 'weekday' ? `${num(s.days)} ${s.days === 1 ? s.name : weekdayPlural(s.name)}` : plural(s.days, 'dia', 'dias')
    return `Por ${slot} (UTC), ${s.name} tem o ${s.fewest ? 'menor' : 'maior'} número de ${s.what} (${periodInBrackets(s.range)}): ` +
      `${s.figure} em ${days}, ${about(s.about)}${num(s.perDay)} por dia.`
  },
  slotThen: (items) => `Em seguida, ${pt.list(items.map((i) => `${i.name} (${about(i.about)}${num(i.perDay)} por dia)`))}.`,
  slotPerDay: (fewest, most) =>
    `A comparação é feita por dia, pois o período coberto pelos dados tem ${fewest === most ? num(fewest) : `de ${num(fewest)} a ${num(most)}`} ocorrências de cada.`,
  slotFooter: (estimated) =>
    estimated
      ? 'Estas contagens são estimativas a partir dos rótulos do classificador, com intervalos de 95% nos números; os horários estão em UTC.'
      : 'São contagens exatas a partir da data e hora das mensagens, em UTC.',

  nothingStarted: (range) => `Nenhuma conversa começou ${inPeriod(range)}, por isso não há nada para medir.`,
  awaiting: (n, started, range, byChannel) =>
    `${num(n)} de ${plural(started, 'conversa', 'conversas')} (${periodInBrackets(range)}) ${n === 1 ? 'ainda aguarda' : 'ainda aguardam'} resposta: ` +
    `a última mensagem é a do cliente (contagem exata${byChannel ? `; ${byChannel}` : ''}).`,
  waitingLonger: (n, minutes) => `Destas, ${num(n)} ${n === 1 ? 'espera' : 'esperam'} há mais de ${pt.threshold(minutes)} desde a última mensagem do cliente.`,
  medianResponse: ({ median, mean, p90, started, range }) =>
    `O tempo mediano de primeira resposta foi de ${pt.minutes(median)} (média: ${pt.minutes(mean)}; percentil 90: ${pt.minutes(p90)}) em ${plural(started, 'conversa', 'conversas')} (${periodInBrackets(range)}); ` +
    'valor exato, a partir da data e hora das mensagens.',
  noneAnswered: (started, range) =>
    started === 1
      ? `A única conversa (${periodInBrackets(range)}) não recebeu resposta de um agente.`
      : `Nenhuma das ${num(started)} conversas (${periodInBrackets(range)}) recebeu resposta de um agente.`,
  byChannelMedian: (items) => `Por canal (mediana, do mais lento para o mais rápido): ${items.map((i) => `${i.channel} ${pt.minutes(i.minutes)}`).join(', ')}.`,
  answeredWithin: (pct, minutes) => `${num(pct)}% foram respondidas no prazo de ${pt.threshold(minutes)}.`,
  unanswered: (n, byChannel, complaints) =>
    `${num(n)} nunca ${n === 1 ? 'recebeu' : 'receberam'} resposta de um agente (contagem exata${byChannel ? `; ${byChannel}` : ''})` +
    `${complaints ? `, ${n === 1 ? 'da qual' : 'das quais'} ${complaints} ${/^(?:cerca de )?1(?![\d,])/.test(complaints) ? 'começou' : 'começaram'} com uma reclamação` : ''}.`,
  channelCounts: (items) => items.map((i) => `${i.channel} ${num(i.value)}`).join(', '),

  messagesPerConversation: ({ mean, median, conversations, messages, what, range }) =>
    `${conversations === 1 ? 'A única conversa' : `As ${num(conversations)} conversas`} com ${what} (${periodInBrackets(range)}) ${conversations === 1 ? 'somou' : 'somaram'} ` +
    `${plural(messages, 'mensagem', 'mensagens')} no total, de clientes e de atendentes: ${num(mean)} por conversa em média (mediana: ${num(median)}); valor exato, a partir das mensagens armazenadas.`,
  repeatCustomers: ({ repeat, customers, share, scope, range }) =>
    `${customers === 1 ? 'Do único cliente' : `Dos ${num(customers)} clientes`}${scope ? ` ${scope}` : ''} (${periodInBrackets(range)}), ${num(repeat)} (${pt.pct(share)}) ${repeat < 2 ? 'escreveu' : 'escreveram'} em mais de uma conversa; ` +
    'valor exato, contando cada cliente pelo seu identificador em cada canal: a mesma pessoa em dois canais conta duas vezes.',
  withoutHandle: (n) => `${n === 1 ? 'Uma conversa' : `${num(n)} conversas`} sem identificador de cliente não ${n === 1 ? 'é contada' : 'são contadas'}.`,
  measureNotNarrowed: () =>
    'Estes números são de todas as conversas do período, seja qual for o assunto ou o tom: o assunto de cada conversa é uma estimativa do classificador, e estes números são exatos.',
}
