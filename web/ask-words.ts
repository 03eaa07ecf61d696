// The words of an Ask answer's section, in the language the answer is written in (AskResult.language):
// a French question gets a French answer and figure labels, so the table and "how I read your question"
// around them read in French too. The rest of the console stays English.

export interface AskWords {
  answer: string
  figures: string
  figure: string
  value: string
  period: string
  counted: string
  estimated: string
  /** "−68% to 238%": an interval that starts below zero. */
  to: string
  noMessages: string
  part: string
  reading: string
  kind: string
  kinds: Record<string, string>
  timeRange: string
  comparedWith: string
  filters: string
  noFilters: string
  themeMatched: string
  grouping: string
  byWeek: string
  none: string
  /** "by channel": a ranking's dimension, named in `dimensions`. */
  by: (dimension: string) => string
  dimensions: Record<string, string>
  ownShare: string
  perDaySlot: string
  fewestFirst: string
  topic: string
  planner: string
  llm: string
  localRules: string
  editedByYou: string
  /** The reading's controls: the period, each filter, and the button that re-runs it. */
  fields: Record<'from' | 'to' | 'channel' | 'language' | 'sentiment' | 'intent' | 'theme' | 'mentions', string>
  any: string
  rerun: string
  citations: string
  withoutLlm: string
  /** A citation's sentiment label, as stored ("negative", "uncertain"). */
  sentiments: Record<string, string>
  /** Numbers with the language's separators: 57.6 → "57,6"; a percentage → "57,6 %". */
  num: (n: number) => string
  pct: (n: number) => string
}

/** Rounded to one decimal, written as the answer writes numbers (phrases/shared.ts numberIn): decimal separator, no grouping. */
function numbersIn(locale: string): Pick<AskWords, 'num' | 'pct'> {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false })
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, useGrouping: false })
  return { num: (n) => num.format(n), pct: (n) => pct.format(n / 100) }
}

const KINDS_EN = { count: 'count', trend: 'trend', why: 'why', examples: 'examples', compare: 'comparison', rank: 'ranking', awaiting: 'awaiting a reply', response_time: 'response time' }

const en: AskWords = {
  answer: 'Answer', figures: 'Figures', figure: 'Figure', value: 'Value', period: 'Period', counted: 'counted', estimated: 'estimated', to: 'to', noMessages: 'no messages', part: 'part',
  reading: 'How I read your question', kind: 'Kind', kinds: KINDS_EN, timeRange: 'Time range', comparedWith: 'Compared with', filters: 'Filters', noFilters: 'none (all customer messages)',
  themeMatched: 'Theme matched', grouping: 'Grouping', byWeek: 'by week', none: 'none', by: (d) => `by ${d}`, dimensions: { channel: 'channel', language: 'language', intent: 'intent', theme: 'theme', day: 'day', weekday: 'weekday', hour: 'hour', sentiment: 'sentiment' }, ownShare: ", each one's own share", perDaySlot: ', per day it occurs (UTC)',
  fewestFirst: ', fewest first', topic: 'Topic', planner: 'Planner', llm: 'LLM', localRules: 'local rules', editedByYou: ', edited by you',
  fields: { from: 'From', to: 'To', channel: 'Channel', language: 'Language', sentiment: 'Sentiment', intent: 'Intent', theme: 'Theme', mentions: 'Mentions' },
  any: 'any', rerun: 'Re-run', citations: 'Citations', withoutLlm: 'Answered without the LLM:',
  sentiments: { negative: 'negative', neutral: 'neutral', positive: 'positive', uncertain: 'uncertain' }, ...numbersIn('en-GB'),
}

const fr: AskWords = {
  answer: 'Réponse', figures: 'Chiffres', figure: 'Chiffre', value: 'Valeur', period: 'Période', counted: 'compté', estimated: 'estimé', to: 'à', noMessages: 'aucun message', part: 'partielle',
  reading: "Comment j'ai compris votre question", kind: 'Type',
  kinds: { count: 'décompte', trend: 'tendance', why: 'pourquoi', examples: 'exemples', compare: 'comparaison', rank: 'classement', awaiting: 'en attente de réponse', response_time: 'délai de réponse' },
  timeRange: 'Période', comparedWith: 'Comparée à', filters: 'Filtres', noFilters: 'aucun (tous les messages de clients)', themeMatched: 'Thème retenu', grouping: 'Regroupement',
  byWeek: 'par semaine', none: 'aucun', by: (d) => `par ${d}`, dimensions: { channel: 'canal', language: 'langue', intent: 'intention', theme: 'thème', day: 'jour', weekday: 'jour de la semaine', hour: 'heure', sentiment: 'sentiment' }, ownShare: ', la part propre à chacun', perDaySlot: ', par jour où il survient (UTC)', fewestFirst: ', les moins nombreux en premier',
  topic: 'Sujet', planner: 'Lecture', llm: 'LLM', localRules: 'règles locales', editedByYou: ', modifiée par vous',
  fields: { from: 'Du', to: 'Au', channel: 'Canal', language: 'Langue', sentiment: 'Sentiment', intent: 'Intention', theme: 'Thème', mentions: 'Mentionne' },
  any: 'tous', rerun: 'Relancer', citations: 'Citations', withoutLlm: 'Réponse sans le LLM :',
  sentiments: { negative: 'négatif', neutral: 'neutre', positive: 'positif', uncertain: 'incertain' }, ...numbersIn('fr-FR'),
}

const de: AskWords = {
  answer: 'Antwort', figures: 'Kennzahlen', figure: 'Kennzahl', value: 'Wert', period: 'Zeitraum', counted: 'gezählt', estimated: 'geschätzt', to: 'bis', noMessages: 'keine Nachrichten', part: 'teilweise',
  reading: 'Wie ich Ihre Frage verstanden habe', kind: 'Art',
  kinds: { count: 'Anzahl', trend: 'Verlauf', why: 'Warum', examples: 'Beispiele', compare: 'Vergleich', rank: 'Rangfolge', awaiting: 'wartet auf Antwort', response_time: 'Antwortzeit' },
  timeRange: 'Zeitraum', comparedWith: 'Verglichen mit', filters: 'Filter', noFilters: 'keine (alle Kundennachrichten)', themeMatched: 'Gefundenes Thema', grouping: 'Gruppierung',
  byWeek: 'nach Woche', none: 'keine', by: (d) => `nach ${d}`, dimensions: { channel: 'Kanal', language: 'Sprache', intent: 'Anliegen', theme: 'Thema', day: 'Tag', weekday: 'Wochentag', hour: 'Stunde', sentiment: 'Stimmung' }, ownShare: ', jeweils der eigene Anteil', perDaySlot: ', pro Tag, an dem er vorkommt (UTC)', fewestFirst: ', die wenigsten zuerst',
  topic: 'Thema der Suche', planner: 'Gelesen von', llm: 'LLM', localRules: 'lokalen Regeln', editedByYou: ', von Ihnen geändert',
  fields: { from: 'Von', to: 'Bis', channel: 'Kanal', language: 'Sprache', sentiment: 'Stimmung', intent: 'Anliegen', theme: 'Thema', mentions: 'Erwähnt' },
  any: 'alle', rerun: 'Neu berechnen', citations: 'Zitate', withoutLlm: 'Ohne das LLM beantwortet:',
  sentiments: { negative: 'negativ', neutral: 'neutral', positive: 'positiv', uncertain: 'unsicher' }, ...numbersIn('de-DE'),
}

const es: AskWords = {
  answer: 'Respuesta', figures: 'Cifras', figure: 'Cifra', value: 'Valor', period: 'Periodo', counted: 'contado', estimated: 'estimado', to: 'a', noMessages: 'sin mensajes', part: 'parcial',
  reading: 'Cómo he entendido su pregunta', kind: 'Tipo',
  kinds: { count: 'recuento', trend: 'tendencia', why: 'por qué', examples: 'ejemplos', compare: 'comparación', rank: 'clasificación', awaiting: 'pendiente de respuesta', response_time: 'tiempo de respuesta' },
  timeRange: 'Periodo', comparedWith: 'Comparado con', filters: 'Filtros', noFilters: 'ninguno (todos los mensajes de clientes)', themeMatched: 'Tema encontrado', grouping: 'Agrupación',
  byWeek: 'por semana', none: 'ninguna', by: (d) => `por ${d}`, dimensions: { channel: 'canal', language: 'idioma', intent: 'motivo', theme: 'tema', day: 'día', weekday: 'día de la semana', hour: 'hora', sentiment: 'sentimiento' }, ownShare: ', la proporción propia de cada uno', perDaySlot: ', por día en que aparece (UTC)', fewestFirst: ', de menos a más',
  topic: 'Asunto', planner: 'Leída por', llm: 'LLM', localRules: 'reglas locales', editedByYou: ', editada por usted',
  fields: { from: 'Desde', to: 'Hasta', channel: 'Canal', language: 'Idioma', sentiment: 'Sentimiento', intent: 'Motivo', theme: 'Tema', mentions: 'Menciona' },
  any: 'cualquiera', rerun: 'Volver a calcular', citations: 'Citas', withoutLlm: 'Respondida sin el LLM:',
  sentiments: { negative: 'negativo', neutral: 'neutral', positive: 'positivo', uncertain: 'incierto' }, ...numbersIn('es-ES'),
}

const pt: AskWords = {
  answer: 'Resposta', figures: 'Números', figure: 'Número', value: 'Valor', period: 'Período', counted: 'contado', estimated: 'estimado', to: 'a', noMessages: 'sem mensagens', part: 'parcial',
  reading: 'Como entendi a sua pergunta', kind: 'Tipo',
  kinds: { count: 'contagem', trend: 'tendência', why: 'porquê', examples: 'exemplos', compare: 'comparação', rank: 'classificação', awaiting: 'à espera de resposta', response_time: 'tempo de resposta' },
  timeRange: 'Período', comparedWith: 'Comparado com', filters: 'Filtros', noFilters: 'nenhum (todas as mensagens de clientes)', themeMatched: 'Tema encontrado', grouping: 'Agrupamento',
  byWeek: 'por semana', none: 'nenhum', by: (d) => `por ${d}`, dimensions: { channel: 'canal', language: 'idioma', intent: 'assunto', theme: 'tema', day: 'dia', weekday: 'dia da semana', hour: 'hora', sentiment: 'sentimento' }, ownShare: ', a proporção própria de cada um', perDaySlot: ', por dia em que ocorre (UTC)', fewestFirst: ', do menor para o maior',
  topic: 'Assunto', planner: 'Lida por', llm: 'LLM', localRules: 'regras locais', editedByYou: ', editada por si',
  fields: { from: 'De', to: 'Até', channel: 'Canal', language: 'Idioma', sentiment: 'Sentimento', intent: 'Assunto', theme: 'Tema', mentions: 'Menciona' },
  any: 'qualquer', rerun: 'Calcular de novo', citations: 'Citações', withoutLlm: 'Respondida sem o LLM:',
  sentiments: { negative: 'negativo', neutral: 'neutro', positive: 'positivo', uncertain: 'incerto' }, ...numbersIn('pt-BR'),
}

const it: AskWords = {
  answer: 'Risposta', figures: 'Cifre', figure: 'Cifra', value: 'Valore', period: 'Periodo', counted: 'contato', estimated: 'stimato', to: 'a', noMessages: 'nessun messaggio', part: 'parziale',
  reading: 'Come ho interpretato la domanda', kind: 'Tipo',
  kinds: { count: 'conteggio', trend: 'andamento', why: 'perché', examples: 'esempi', compare: 'confronto', rank: 'classifica', awaiting: 'in attesa di risposta', response_time: 'tempo di risposta' },
  timeRange: 'Periodo', comparedWith: 'Confrontato con', filters: 'Filtri', noFilters: 'nessuno (tutti i messaggi dei clienti)', themeMatched: 'Tema trovato', grouping: 'Raggruppamento',
  byWeek: 'per settimana', none: 'nessuno', by: (d) => `per ${d}`, dimensions: { channel: 'canale', language: 'lingua', intent: 'argomento', theme: 'tema', day: 'giorno', weekday: 'giorno della settimana', hour: 'ora', sentiment: 'sentiment' }, ownShare: ', la quota propria di ciascuno', perDaySlot: ', per giorno in cui ricorre (UTC)', fewestFirst: ', dal meno al più numeroso',
  topic: 'Argomento', planner: 'Interpretata da', llm: 'LLM', localRules: 'regole locali', editedByYou: ', modificata da te',
  fields: { from: 'Dal', to: 'Al', channel: 'Canale', language: 'Lingua', sentiment: 'Sentiment', intent: 'Argomento', theme: 'Tema', mentions: 'Menziona' },
  any: 'qualsiasi', rerun: 'Ricalcola', citations: 'Citazioni', withoutLlm: 'Risposta senza LLM:',
  sentiments: { negative: 'negativo', neutral: 'neutro', positive: 'positivo', uncertain: 'incerto' }, ...numbersIn('it-IT'),
}

const BY_LANGUAGE: Record<string, AskWords> = { en, fr, de, es, pt, it }

export function askWordsIn(language: string | undefined): AskWords {
  return (language && BY_LANGUAGE[language]) || en
}
