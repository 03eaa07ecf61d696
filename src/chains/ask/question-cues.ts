// The words a question is read by, in the languages Parley supports (en fr de es pt it, some ko th): what
// kind of question it is, what it counts, how it feels, which channel and language, which subject, and the
// words that say what is asked rather than what about. planner-local.ts makes the plan from them.
import type { AskKind, ConversationMeasure, GroupBy } from './types.ts'

/** Word boundaries that hold for accented letters too ("réponse", "más"). */
const W = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu')

/** Care-team questions, in the supported languages: checked before the other kinds. */
export const AWAITING_CUE = W([
  'still waiting(?: for (?:a |an )?(?:reply|answer|response))?', 'awaiting (?:a |an )?(?:reply|answer|response)', 'waiting for (?:a |an |our )?(?:reply|answer|response)',
  'needs? (?:a )?reply', 'not (?:yet )?(?:been )?(?:answered|replied)', 'no reply yet', 'open conversations',
  // "Which customers are waiting longest for a reply?" counted the messages of a theme whose customers say "waiting".
  'waiting (?:the )?longest', 'waited (?:the )?longest', 'longest wait(?:ing)?',
  // "How many customers are waiting more than a day for a reply?" compared all time with nothing, in a theme matched by "waiting".
  'waiting (?:[\\p{L}\\d]+ ){1,5}for (?:a |an |our )?(?:reply|answer|response)', '(?:waited|waiting) (?:for )?(?:more|longer) than', 'been waiting',
  'attend(?:ent)? (?:encore )?(?:une )?r[ée]ponse', 'en attente(?: de r[ée]ponse)?', 'sans r[ée]ponse',
  '(?<!wie lange )warten (?:noch )?auf (?:eine )?antwort', 'warten noch', 'unbeantwortet(?:e|en)?', 'ohne antwort',
  'esperando (?:una )?respuesta', 'sin respuesta', 'a[úu]n esperan?', 'aguardando (?:uma )?resposta', 'esperando (?:uma )?resposta', '(?:[àa] )?espera de (?:uma )?resposta', 'sem resposta',
  // …with a wait between: "warten seit mehr als 2 Tagen auf eine Antwort", "aguardam resposta há mais de um dia".
  '(?<!wie lange )wartet? (?:[\\p{L}\\d]+ ){1,6}auf (?:eine )?antwort', '(?<!wie lange )warten (?:[\\p{L}\\d]+ ){1,6}auf (?:eine )?antwort', 'aguarda(?:m)? (?:uma )?resposta', 'esperam (?:uma )?resposta',
  '(?<!quanto )aspett(?:a|ano|ando) (?:[\\p{L}\\d]+ ){0,5}(?:una )?risposta', 'in attesa di (?:una )?risposta',
  '답변(?:을)? 기다리', '답장 대기', 'รอการตอบกลับ',
].join('|'))
export const RESPONSE_TIME_CUE = W([
  'how (?:fast|quickly|long)', 'response times?', 'reply times?', 'first[- ]response', 'time to (?:first )?(?:reply|respond|response|answer)',
  // Superlatives ask for a measurement ("which channel has the slowest replies"); "complaints about slow
  // replies" is a topic, so the plain adjective is not a cue.
  '(?:slowest|fastest|quickest) (?:replies|reply|responses?|answers?)', '(?:reply|replies|respond|responds|answer|answers|answered|replied) (?:the )?(?:slowest|fastest|quickest)',
  'within (?:an|one|1) hour', '(?:answered|replied|reply|replies|response|responded|answer|answers)(?: [\\p{L}-]+){0,2} (?:with)?in (?:an?|one|two|three|four|five|six|twelve|twenty-four|\\d+(?:\\.\\d+)?) ?(?:minutes?|mins?|hours?|hrs?|h)', 'went unanswered', 'go unanswered', 'never (?:got )?(?:an? )?(?:answer|answered|reply|replied)', 'unanswered',
  'temps de r[ée]ponse', 'd[ée]lai de r[ée]ponse', 'r[ée]pond(?:ons|ez)[- ]nous', 'en moins d.une heure', 'r[ée]ponse (?:en moins de|sous|dans les) \\d+ ?(?:minutes?|heures?|h)',
  'antwortzeit(?:en)?', 'reaktionszeit(?:en)?', 'wie schnell', 'innerhalb einer stunde', '(?:innerhalb (?:von )?|binnen )\\d+ (?:minuten|stunden) (?:[\\p{L}]+ ){0,2}beantwortet',
  'tiempo de respuesta', 'qu[ée] tan r[áa]pido', 'con qu[ée] rapidez', 'com que rapidez', 'quanto (?:velocemente|rapidamente|in fretta)', 'à quelle vitesse', 'avec quelle rapidit[ée]', 'en menos de una hora', 'respond\\p{L}* en menos de \\d+ (?:minutos|horas)', 'tempo de resposta', 'respondid\\p{L}* em menos de \\d+ (?:minutos|horas)', 'qu[ãa]o r[áa]pido', 'em menos de uma hora',
  // "¿Cuánto tardamos en responder de media?" was not understood.
  'cu[áa]nto tard\\p{L}* en (?:responder|contestar)',
  // How long customers wait: "Combien de temps les clients attendent-ils une réponse ?", "Wie lange warten Kunden…?",
  // "¿Cuánto tienen que esperar…?", "Quanto tempo é que os clientes esperam…?", "Quanto aspettano i clienti…?".
  'combien de temps (?:[\\p{L}-]+ ){0,3}attend\\p{L}*', 'wie lange warten', 'cu[áa]nto (?:tiempo )?(?:tienen que |deben |suelen )?esper\\p{L}*', 'quanto tempo (?:[\\p{L}]+ ){0,4}esper\\p{L}*', 'quanto (?:tempo )?aspett\\p{L}*', 'quanto tempo (?:demor\\p{L}*|lev\\p{L}*) (?:a|para) responder', 'wie lange (?:dauert|brauchen)',
  'combien de temps (?:pour|avant de|mettons-nous [àa]) r[ée]pondre', 'tempo di risposta', 'quanto (?:tempo )?ci mettiamo a rispondere', 'entro un.ora', 'rispost\\p{L}* entro \\d+ (?:minuti|ore)',
  '응답 시간', 'เวลาตอบกลับ',
  // "Quel canal a les réponses les plus lentes ?" ranked the channels by their messages.
  'r[ée]ponses? (?:les )?plus (?:lentes?|rapides?)', 'r[ée]pond(?:ons|ez|ent)? le plus (?:vite|rapidement|lentement)', '(?:antwortet|antworten|reagiert|reagieren) am (?:langsamsten|schnellsten)', 'am (?:langsamsten|schnellsten) (?:geantwortet|beantwortet)',
  'respuestas? (?:m[áa]s|menos) (?:lentas?|r[áa]pidas?)', 'respostas? (?:mais|menos) (?:lentas?|r[áa]pidas?)', 'rispost[ae] pi[ùu] (?:lent[ae]|veloci|rapid[ae])',
  // "Combien de conversations n'ont jamais reçu de réponse ?" counted the messages saying "jamais" or "réponse".
  'jamais (?:re[çc]u|eu|obtenu) (?:de |une )?r[ée]ponse', 'nie (?:eine )?antwort', 'keine antwort (?:bekommen|erhalten)',
  'nunca (?:recib|obtuv|tuv)\\p{L}* (?:una )?respuesta', 'nunca (?:receb|obtiv|tiv)\\p{L}* (?:uma )?resposta', 'mai (?:ricevuto|avuto|ottenuto) (?:una )?risposta', 'senza risposta',
].join('|'))
/** "which channel has the most …", "top 3 …", "quel canal … le plus", "welcher Kanal … am meisten". */
export const RANK_CUE = W([
  'which|what|quel(?:le)?s?|welche[rsmn]?|cu[áa]l(?:es)?|qu[ée]|qual|quais|quoi|was|wor[üu]ber|o que|quale|quali|di cosa|che|cosa', 'top \\d+', 'top', 'most common', 'biggest', 'largest', 'busiest', 'quietest',
].join('|'))
/** "Most" in the supported languages; a count before them is a ranking's limit (N_MOST). */
const MOST_WORDS = ['most', 'biggest', 'largest', 'highest', 'busiest', 'le plus', 'la plus', 'les plus', 'am meisten', 'die meisten', 'meisten', 'häufigsten', 'größten', 'höchsten', 'más', 'mais', 'più',
  // "the three biggest problems": "les trois plus gros problèmes", "los tres mayores problemas" were read as a why.
  'plus (?:gros|grosses|grands|grandes|importants|importantes)', 'mayores', 'maiores', 'mayor', 'maior',
  // "busiest": "l'heure la plus chargée", "la hora con más actividad", "l'ora più trafficata".
  'plus charg[ée]e?s?', 'am meisten los', 'con m[áa]s actividad', 'com mais movimento', 'pi[ùu] trafficat[oa]']
export const MOST_CUE = W([...MOST_WORDS, 'top', '가장', 'มากที่สุด'].join('|'))
/**
 * "Main" after a count: "the 3 main topics", "les 3 principaux sujets", "die 3 wichtigsten Themen" rank like
 * "the 3 most common" (they were read as why). Without a count "the main problems" stays a why, as in English.
 */
const MAIN_WORDS = ['main', 'principa(?:ux|les?|l)', 'wichtigsten', 'principais', 'principali']
/** "Fewest", "least", "lowest": a ranking from the bottom ("Which channel has the fewest complaints?" searched for "fewest"). */
export const LEAST_CUE = W('least|fewest|lowest|smallest|quietest|le moins|la moins|les moins|am wenigsten|wenigsten|menos|meno|' +
  // "the quietest hour": "l'heure la plus calme", "la hora más tranquila", "a hora mais calma", "l'ora più tranquilla", "die ruhigste Stunde".
  'plus calmes?|m[áa]s tranquil[oa]s?|mais calm[oa]s?|pi[ùu] tranquill[oa]|ruhigsten?|am ruhigsten')
/**
 * A ranking of each group's rate rather than its count: "Which channel is the most negative?" (x had the
 * most negative messages as it has the most messages), "sentiment by channel", "the negative share per language".
 */
export const RATE_CUE = new RegExp([
  '(?:is|are|was|were|seems?)\\s+(?:the\\s+)?(?:most|least)\\s+(?:negative|positive|unhappy|happy|angry|satisfied|dissatisfied|critical)(?![\\p{L}]|\\s+(?:messages?|complaints?|comments?|posts?|tweets?|customers?|people))',
  '(?:most|least)\\s+(?:negative|positive|unhappy|happy|angry|satisfied|dissatisfied)\\s+(?:channels?|languages?|platforms?)',
  '(?:sentiments?|moods?|satisfaction)\\s+(?:by|per|for each|on each|in each|across|of each|on every)\\s+(?:the\\s+)?(?:channels?|languages?|platforms?)',
  // "Quel canal est le plus négatif ?", "Welcher Kanal ist am negativsten?", "¿Qué canal es el más negativo?" ranked the counts.
  '(?:est|sont|es|son|é|são|è|sono)\\s+(?:(?:le|la|les|el|los|las|o|a|os|as|il|lo|i|gli)\\s+)?(?:plus|moins|más|menos|mais|più|meno)\\s+(?:n[ée]gati|positi|m[ée]content|satisf|insatisf|content|descontent|insoddisf|soddisf|scontent)\\p{L}*(?!\\s+(?:messages?|mensajes|mensagens|messaggi|clients?|clientes|clienti))',
  'am\\s+(?:negativsten|positivsten|unzufriedensten|zufriedensten)',
  'am\\s+wenigsten\\s+(?:negativ|positiv|zufrieden|unzufrieden)',
].join('|'), 'iu')
/** "… per channel", "… by language": a breakdown, of counts unless a share or the sentiment is asked. */
export const PER_GROUP_CUE = /\b(?:by|per|for each|on each|in each|across|each)\s+(?:the\s+)?(?:channels?|languages?|platforms?)\b|par (?:canal|langue)|pro (?:kanal|sprache)|por (?:canal|idioma|l[íi]ngua)|per (?:canale|lingua)/iu
/** A feeling compared: "happier", "angrier", "more satisfied", "less negative". */
export const COMPARATIVE_FEELING = new RegExp([
  '\\b(?:happier|unhappier|angrier|(?:more|less) (?:happy|unhappy|angry|satisfied|dissatisfied|positive|negative|frustrated|upset|pleased))\\b',
  '(?<![\\p{L}])(?:plus|moins|más|menos|mais|più|meno) (?:satisf|insatisf|content|m[ée]content|descontent|heureu|feli|soddisf|insoddisf|n[ée]gati|positi|[ée]nerv|f[âa]ch|irrit|agac|enfad|enojad|molest|zangad|arrabbiat)\\p{L}*',
  '(?<![\\p{L}])(?:zufriedener|unzufriedener|glücklicher|unglücklicher|negativer|positiver|verärgerter|wütender)(?![\\p{L}])',
].join('|'), 'iu')
/** Complaining, as against feeling negative: a share of complaints is of conversations. */
export const COMPLAINT_WORD = /complain|plaint|r[ée]clam|beschwer|quej|reclama|queix|lament/iu
/** The question is about how messages feel without naming a class ("sentiment on WhatsApp against email"). */
export const SENTIMENT_ASKED = W('sentiments?|moods?|satisfaction|feel(?:ings?)?|stimmung|humeur|sentimiento|sentimento')
export const GROUP_WORDS: Array<[GroupBy, RegExp]> = [
  ['channel', W('channels?|canal|canaux|kan[aä]le?n?|canales|canale|canali|platforms?|채널|ช่องทาง')],
  ['language', W('languages?|langues?|sprachen?|idiomas?|l[íi]nguas?|lingua|lingue|언어|ภาษา')],
  ['sentiment', W('sentiments?|moods?|stimmung')],
  ['theme', W('themes?|th[èe]mes?|themas?|temas?|tema|temi|주제|หัวข้อ')],
  // The day of the week and the hour of the day, before the date: "Which day of the week is busiest?"
  ['weekday', W('weekdays?|days? of (?:the )?week|jours? de la semaine|wochentage?n?|d[íi]as? de la semana|dias? da semana|giorn[oi] della settimana')],
  // An hour as a slot, not a span: "the top 3 complaints in the last 48 hours" ranks intents.
  ['hour', W('(?:which|what|busiest|quietest|peak|by|per|each) (?:hours?|times?)|hours? of (?:the )?day|times? of (?:the )?day|quelles? heures?|welche[rn]? (?:uhrzeit|stunden?|tageszeit)|uhrzeit|tageszeit|qu[ée] horas?|que horas?|qual hora|hor[áa]rio|che ora|quale ora|orario|l.heure la plus|heures? de la journ[ée]e|stunde des tages|hora del d[íi]a|hora do dia|l.ora pi[ùu]|ora della giornata')],
  // A date: "Which day had the most messages in November?"
  ['day', W('(?:which|what|busiest|quietest|the) (?:day|date)(?! of)|busiest(?! (?:hour|time|weekday))|quietest(?! (?:hour|time|weekday))|quel jour|welche[rmn]? tag|an welchem tag|qu[ée] d[íi]a|que dia|qual dia|quale giorno|le jour le plus|o dia com mais|il giorno pi[ùu]|el d[íi]a con m[áa]s')],
  // "the most common complaints" ranks what they are about, in every language ("las quejas más comunes" searched for "comunes");
  // so does what customers praise ("Was loben die Kunden am meisten?").
  ['intent', W('complaints|plaintes|r[ée]clamations|beschwerden|quejas|reclamaciones|reclama[çc][õo]es|reclami|lamentele|f[ée]licitent|appr[ée]cient|loben|elogian|elogiam|lodano|apprezzano|' +
    'praise|questions?|requests?|demandes?|fragen|anfragen|anliegen|preguntas|solicitudes|perguntas|pedidos|domande|richieste|intents?|reasons?|topics?|subjects?|categor(?:y|ies)|issues?|problems?|sujets?|raisons?|motifs?|gr[üu]nde?|probl[èe]me[ns]?|soucis|motivos?|raz[óo]n(?:es)?|assuntos?|asuntos?|problemas?|problemi|argomenti|motivi|argomento|about|complain about|se plaignent|de quoi|worüber|sobre qu[ée]|de qu[ée]|do que|di cosa')],
]
/** How many a ranking asks for in words, in the supported languages: "the three most", "les trois … les plus", "die drei häufigsten". */
const COUNT_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, ten: 10, deux: 2, trois: 3, quatre: 4, cinq: 5, dix: 10, zwei: 2, drei: 3, vier: 4, fünf: 5, zehn: 10,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, diez: 10, 'três': 3, quatro: 4, dez: 10, due: 2, tre: 3, quattro: 4, dieci: 10,
}
const NUMBER = `\\d{1,2}|${Object.keys(COUNT_WORDS).join('|')}`
const N_MOST = new RegExp(`(?<![\\p{L}\\p{N}])(?:top\\s+(${NUMBER})|(${NUMBER})\\s+((?:[\\p{L}-]+\\s+){0,3}?)(?:${[...MOST_WORDS, ...MAIN_WORDS].join('|')}))(?![\\p{L}])`, 'iu')
/** Words of time between the number and "most" make it a period ("the last three weeks, what was most…"), not a count of rows. */
const TIME_UNIT = /(?<![\p{L}])(?:days?|weeks?|months?|years?|quarters?|jours?|semaines?|mois|ans?|tage?n?|wochen?|monate?n?|jahre?n?|d[ií]as|semanas|meses|a[ñn]os|dias)(?![\p{L}])/iu

/** "top 5", "the three most common", "les trois sujets les plus fréquents": how many rows a ranking wants. */
export function topCount(question: string): number | undefined {
  const m = N_MOST.exec(question)
  if (!m || (m[3] && TIME_UNIT.test(m[3]))) return undefined
  const said = (m[1] ?? m[2])!.toLowerCase()
  return COUNT_WORDS[said] ?? Number(said)
}
/** A count asked whether it dropped or rose ("Did the number of messages drop in November?"); group 1 is the verb. */
export const DID_MOVE = /\b(?:did|has|have|does|do)\b[^?.]{1,60}?(?<!price )\b(drop|fall|rise|increase|decrease)\b/i
export const SPIKE_CUE = W('spiked?|spikes|surged?|jump(?:ed)?|pic|hausse|augment[ée]|anstieg|gestiegen|pico|aument[óo]|subiu|go(?:ne)? up|went up|go down|went down|gone down|going (?:up|down)|goes (?:up|down)')
/**
 * Grew or fell, in the other supported languages: "¿Cuál fue el tema que más creció en octubre?" was
 * answered with the theme that had the most messages, and "Welches Thema ist im Oktober am stärksten
 * gewachsen?" counted messages mentioning "gewachsen".
 */
export const CHANGED_CUE = W([
  'creci(?:ó|o|eron|do|endo)', 'disminuy(?:ó|o|eron)', 'baj(?:ó|aron)', 'aument(?:ó|aron)', 'subi(?:ó|eron)', 'cresc(?:eu|eram|ido|endo)', 'aument(?:ou|aram|ado)', 'diminu(?:iu|íram|iram|ído|ido)',
  'gewachsen', 'zugenommen', 'abgenommen', 'gesunken', 'caiu', 'ca[íi]ram', 'baixou', 'baixaram', 'diminu(?:é|ée|és|ées)', 'baiss(?:é|ée|és|ées)',
  // …and as they go: "Welche Themen wachsen?" searched for "wachsen".
  'wachsen', 'wächst', 'steigen', 'steigt', 'zunehmen', '(?:nehmen|nimmt) (?:[\\p{L}]+ ){0,3}zu', 'augmentent', 'progressent', 'crecen', 'aumentan', 'crescem', 'aumentam', 'crescono', 'aumentano',
  // …and in the continuous: "Quais temas estão a crescer mais rápido?" ranked the themes of all time.
  'a crescer', 'a aumentar',
  // "Le nombre de plaintes … diminue-t-il ?", "Gehen die Beschwerden … zurück?", "¿Están disminuyendo las quejas…?" were read as a why.
  'augmente', 'diminue', 'diminuent', 'baisse', 'baissent', 'zur[üu]ckgehen', 'zur[üu]ckgegangen', '(?:gehen|geht) (?:[\\p{L}]+ ){0,6}zur[üu]ck',
  'aumentando', 'disminuyendo', 'bajando', 'subiendo', 'diminuindo', 'caindo', 'diminuendo', 'calando',
  '(?:è|sono) (?:cresciut|aumentat|diminuit|calat)[oaie]', 'cresciut[oaie]', 'aumentat[oaie]', 'diminuit[oaie]', 'calat[oaie]',
].join('|'))

/**
 * Which way a count went, asked with no period to compare: "Did password reset complaints go down after
 * the fix?" counted every message of all time, and "Are password problems going down?" was read as a why.
 * With no period named, the weeks' trend answers which way it went.
 */
export const DIRECTION_CUE = W([
  'go(?:ne|es|ing)? (?:up|down)|went (?:up|down)',
  // "Are billing complaints growing?" counted all time and said nothing of growth.
  'grow(?:s|ing|n)?|grew|ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|fell|fallen|dropp(?:ed|ing)|shr(?:ink|inks|inking|ank)',
].join('|'))
/** Asked which one grew ("Which themes grew?"): no trend answers that, the last week's changes do. */
export const WHICH_CUE = W('which|what|quel(?:le)?s?|welche[snmr]?|qu[ée]|cu[áa]l(?:es)?|quais|qual|quali')

/**
 * A part of a whole, in the supported languages. "%" has no word boundary before it: "what % of whatsapp
 * messages are about billing" was read as a "why" without its share.
 */
export const SHARE_CUE = /(?<![\p{L}])(share|percent(?:age)?|proportion|fraction|ratio|pourcentage|quelle part|plus (?:grande|forte|petite|faible) part|anteil|prozent|porcentaje|proporci[óo]n|propor[çc][ãa]o|percentagem|porcentagem|percentuale|quota)(?![\p{L}])|%/iu
export const KIND_CUES: Array<[AskKind, RegExp]> = [
  ['examples', /\b(examples?|show me|show|quotes?|samples?|list (?:some |the )?(?:messages|tweets|posts))\b/i],
  // "Montre-moi des exemples de plaintes sur la facture" was read as a why.
  ['examples', /(?<![\p{L}])(exemples?|beispiele?|ejemplos?|exemplos?|esempi|esempio|montre[- ]moi|zeig mir|mu[ée]strame|ens[ée][ñn]ame|mostra[- ]me|mostre(?:[- ]me)?|mostrami|fammi vedere)(?![\p{L}])/iu],
  // "…happier this month than last month": a comparative against a period is a comparison.
  ['compare', /\b(compare[ds]?|comparison|versus|vs\.?|grew|grown|grow|growing|increased?|rose|risen|rising|declined?|fell|fallen|dropped|decreased?|more than|fewer than|less than|than (?:last|the previous|previous|in|during|before))\b/i],
  // "Did the number of messages drop in November?" searched for messages saying "drop".
  ['compare', DID_MOVE],
  ['trend', /\b(how (?:did|has|have|does|do|is|was) .{0,80}\b(?:change[ds]?|evolved?|develop(?:ed)?|move[ds]?|trend(?:ed)?|shift(?:ed)?)|trends?|trending|over time|week by week|per week|weekly|month by month)\b/i],
  // "Is sentiment on Instagram getting worse?" asks which way it goes.
  ['trend', /\b((?:getting|got|gotten|becoming|become|grown) (?:worse|better)|improv(?:e[ds]?|ing)|deteriorat(?:e[ds]?|ing)|worsen(?:s|ed|ing)?)\b/i],
  // The same in the other languages, whose relative periods read as English by now: "plus satisfaits this month
  // que last month", "Wie hat sich die Stimmung … entwickelt?", "¿Está empeorando el sentimiento?" (read as a why).
  ['compare', /(?<![\p{L}])(?:que|qu'|als|do que|rispetto (?:a|al|alla|allo)|di quanto)(?:\s+(?:en|el|la|no|na|im|au|nel|nella|in))?\s+(?:last|previous)(?![\p{L}])/iu],
  // …and a period against another: "par rapport à septembre", "im Vergleich zum September", "comparado con", "em comparação com", "rispetto a".
  ['compare', /(?<![\p{L}])(?:par rapport (?:[àa]|aux?)|im vergleich zu[mr]?|verglichen mit|comparad[oa] (?:con|com|a)|en comparaci[óo]n con|em compara[çc][ãa]o com|rispetto (?:a|al|alla|allo)\s+(?:[\p{L}]+\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre))(?![\p{L}])/iu],
  ['compare', /(?<![\p{L}])(?:compar(?:er|ez|e|ons|ar|a|e|o|ando|are|ate|i)|vergleich(?:e|en|t)?|confront(?:are|a|ate|ando)|(?:a|ont) (?:le plus )?progress[ée]e?s?)(?![\p{L}])/iu],
  ['trend', /(?<![\p{L}])(?:[ée]volu[ée]\p{L}*|[ée]volue|a chang[ée]|ont chang[ée]|evoluciona\p{L}*|evolu(?:i|ir)|est[áa] a evoluir|sta andando|c[óo]mo cambi(?:aron|[óo])|entwickelt|ver[äa]ndert|(?:ha|han) cambiado|evolucionad[oa]|mud(?:ou|aram)|evolu[íi](?:u|ram)|(?:è|sono) cambiat[oaie]|(?:è|sono) evolut[oaie]|au fil du temps|im zeitverlauf|semaine (?:par|apr[èe]s) semaine|woche f[üu]r woche|semana a semana|settimana per settimana|tendances?|tendencias?|tend[êe]ncias?|tendenz[ae])(?![\p{L}])/iu],
  ['trend', /(?<![\p{L}])(?:se d[ée]grad\p{L}*|s['’]aggrav\p{L}*|(?:wird|werden|wurde|wurden)\s+(?:[\p{L}]+\s+){0,5}schlimmer|s.am[ée]lior\p{L}*|(?:wird|werden|wurde|wurden)\s+(?:[\p{L}]+\s+){0,5}(?:schlechter|besser)|verschlechter\p{L}*|verbesser\p{L}*|empeor(?:ando|ado|a|an)|mejor(?:ando|ado)|pior(?:ando|ou|am)|melhor(?:ando|ou|am)|peggior(?:ando|ato|a|ano)|miglior(?:ando|ato|a|ano))(?![\p{L}])/iu],
  ['count', /(?<![\p{L}])(combien|wie viele|wieviele|anzahl|cu[áa]nt[oa]s|quant[oa]s|quant[ie]|몇|กี่)(?![\p{L}])/iu],
  ['count', /\b(how many|number of|count|what share|which share|what percent(?:age)?|what proportion|what fraction|how much of|how often|percentage of|share of)\b/i],
  ['why', /\b(why|what (?:do|did|are|were|is|was)|reasons?|main (?:issues|topics|problems)|about what)\b/i],
  // What people say, in the other languages: "Que disent les gens de nos prix ?" was not understood.
  // …and what they said: "Qu'est-ce que les clients ont dit sur la hausse des prix ?" was not understood.
  ['why', /(?<![\p{L}])(?:que disent|qu['’]en disent|was sagen|qu[ée] dicen?|o que (?:[\p{L}é]+ ){0,6}(?:dizem|dizer)|cosa dicono|che cosa dicono|qu['’]est-ce que (?:[\p{L}]+\s+){0,3}ont dit|qu['’]ont dit|was haben (?:[\p{L}]+\s+){0,4}gesagt|qu[ée] (?:han )?dicho|qu[ée] dijeron|o que (?:[\p{L}é]+\s+){0,6}disseram|(?:che )?cosa hanno detto)(?![\p{L}])/iu],
  // "Summarize last week for me" searched for messages saying "summarize": an overview is what "What happened last week?" gives.
  ['why', /(?<![\p{L}])(?:summar(?:y|ise|ize|ising|izing)|sum up|overview|recap|what happened|what['’]s new|what is new|quoi de neuf|was gibt(?: es|['’]s)? (?:[\p{L}]+\s+){0,4}neues|qu[ée] novedades|novidades|novit[àa]|qu['’]est-ce qui s['’]est pass[ée]|que s['’]est-il pass[ée]|was ist (?:[\p{L}]+\s+){0,6}passiert|qu[ée] (?:ha |han )?pas(?:ado|ó)|o que (?:é que )?aconteceu|cos['’]è successo|cosa (?:è|e) successo|che (?:cosa )?(?:è|e) successo|r[ée]sum(?:é|e|er|ez)|r[ée]capitul\p{L}*|aper[çc]u|zusammenfass\p{L}*|fass\p{L}* .{0,40}zusammen|[üu]berblick|resum(?:en|e|o|ir|a|ame)|resúmeme|panorama|riassum\p{L}*|riassunt\p{L}*|riepilog\p{L}*|panoramica)(?![\p{L}])/iu],
  // A share asked for without the words above is counted: "Quel pourcentage…", "what % of…".
  ['count', SHARE_CUE],
]
/**
 * A time named by an event rather than a date: "Did password reset complaints go down after the fix?"
 * counted all time without a word on the fix. Read only when no date is; its words stay in the topic,
 * as the event may be the subject ("before the price rise").
 */
export const EVENT_TIME = /(?<![\p{L}])(?:after|since|before|until)\s+(?:the|our|your|this|that|last)\s+[\p{L}-]+(?:\s+(?:update|release|change|visit|rise|launch|upgrade))?/iu
/**
 * "Lately", "still", "these days": a recent time the question names no dates for. "Are customers still
 * complaining about the app login?" counted all time, and "What have customers been complaining about
 * lately?" searched for messages saying "lately". Care-team questions ("still waiting") are read before.
 */
export const RECENT_CUE = W([
  'recently', 'lately', 'these days', 'nowadays', 'still', 'any ?more', 'currently', 'at the moment',
  'r[ée]cemment', 'derni[èe]rement', 'ces derniers temps', 'ces temps-ci', 'en ce moment', 'actuellement', 'toujours', 'encore',
  'in letzter zeit', 'k[üu]rzlich', 'neulich', 'derzeit', 'zurzeit', 'momentan', 'aktuell', 'immer noch', 'noch immer', 'weiterhin', 'noch(?!\\s+(?:nicht|kein))',
  '[úu]ltimamente', 'recientemente', 'estos d[íi]as', 'hoy en d[íi]a', 'actualmente', 'todav[íi]a', 'aún', 'siguen', 'sigue',
  'recentemente', 'nos [úu]ltimos tempos', 'hoje em dia', 'atualmente', 'ainda', 'continuam', 'continua',
  'di recente', 'in questo periodo', 'attualmente', 'ancora', 'tuttora', 'continuano',
].join('|'))
/**
 * "What should we fix first?", "What is our biggest problem?": which problem most customers complain
 * about. It was not understood, or ranked every message's subject.
 */
export const PRIORITY_CUE = W([
  'fix first', 'fix next', 'prioriti[sz]e', 'top priority', 'priorities', 'most urgent', 'most pressing', 'biggest (?:problems?|issues?|pain points?)', 'focus on first',
  'r[ée]gler en premier', 'corriger en premier', 'prioris\\p{L}*', 'priorit[ée]s?', 'plus (?:gros|grands?) probl[èe]mes?', 'plus urgent',
  'zuerst (?:beheben|l[öo]sen)', 'priorisier\\p{L}*', 'gr[öo][ßs]te[ns]? problem\\p{L}*', 'am dringendsten',
  'arreglar primero', 'priorizar', 'prioridad(?:es)?', 'mayor(?:es)? problemas?', 'm[áa]s urgente',
  'corrigir primeiro', 'resolver primeiro', 'prioridades?', 'maior(?:es)? problemas?', 'mais urgente',
  'sistemare prima', 'risolvere prima', '(?:sistemare|risolvere|correggere) per prim[oa]', 'priorit[àa]', 'problem[ai] pi[ùu] grand[ei]', 'pi[ùu] grand[ei] problem[ai]', 'pi[ùu] urgente',
].join('|'))

/** The question asks for the messages that use its words: "How many messages mentioned Face ID?" counted the themes "face" matched. */
export const MENTIONS_CUE = W('mention(?:s|ed|ing)?|contain(?:s|ed|ing)?|mentionn\\p{L}*|erwähn\\p{L}*|mencion\\p{L}*|menzion\\p{L}*')
/** The question counts people, not their messages. */
// Not "customer messages": "What share of customer messages are negative?" asks for the messages' share.
export const CUSTOMERS_CUE = W('(?:customers?|clients?|clientes?|clienti|kunden|kundinnen|people|personnes|gens|leute|personas|gente|pessoas|persone|users|utilisateurs|nutzer|usuarios|usu[áa]rios|utenti|고객|ลูกค้า)(?!\\s+(?:messages?|tweets?|posts?|emails?|replies|conversations?))')

/**
 * Days of the week said as a habit ("more complaints on Mondays?", "are Fridays busier?", "le lundi", "montags"):
 * answered by ranking the weekdays, as "mondays" was searched for as a word.
 */
export const HABITUAL_WEEKDAY = W('(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends|les (?:lundis|mardis|mercredis|jeudis|vendredis|samedis|dimanches)|(?:mon|diens|mittwo|donners|frei|sams|sonn)tags|los (?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados|domingos)|(?:[àa]s|nas) (?:segundas|ter[çc]as|quartas|quintas|sextas)|(?:aos|nos) (?:s[áa]bados|domingos)')

/** Conversations counted as such: "What percentage of conversations were about billing?" was the messages' share. */
export const CONVERSATIONS_CUE = W('conversations?|tickets?|cases|unterhaltungen|konversationen|gespr[äa]che|conversaciones|conversas|conversazioni')

/**
 * Conversations as what is counted: "How many tickets did we get in October?" searched for messages saying
 * "tickets", and "How many conversations did we get last week?" was answered with the messages.
 */
export const COUNTED_CONVERSATIONS = W(
  '(?:how many|number of|combien de|wie viele|cu[áa]nt[oa]s|quant[oa]s|quant[ie])\\s+(?:(?:support|new|nouvelles?|neuen?|nuev[oa]s|nov[oa]s|nuov[ie])\\s+)?' +
    '(?:conversations?|tickets?|cases|chats|unterhaltungen|konversationen|gespr[äa]che|f[äa]lle|conversaciones|casos|conversas|conversazioni|casi|ticket)',
)

export const SENTIMENT_CUES: Array<['negative' | 'positive' | 'neutral', RegExp]> = [
  ['negative', /(?<![\p{L}])(plai(?:gn|nt)\p{L}*|r[âa]l(?:er|ent|e)|[ée]nerv[ée]\p{L}*|w[üu]tend\p{L}*|ver[äa]rgert\p{L}*|enfadad\p{L}*|enojad\p{L}*|irritad\p{L}*|arrabbiat\p{L}*|r[ée]clam\p{L}*|m[ée]content\p{L}*|beschwer\p{L}*|unzufrieden\p{L}*|quej\p{L}*|reclam\p{L}*|queix\p{L}*|lament[ae]\p{L}*|scontent\p{L}*|insatisf\p{L}*|insoddisfatt\p{L}*|descontent\p{L}*|불만|ร้องเรียน)/iu],
  ['negative', /\b(unhappy|unhappier|unhappiest|complain(?:s|ed|ing|ts?)?|angry|angrier|angriest|upset|frustrat(?:ed|ion)|dissatisfied|negative|annoyed|disappointed|furious|bad experiences?|mad at)\b/i],
  ['positive', /\b(happy|happier|happiest|praised?|praising|positive|satisfied|pleased|delighted|love[ds]?|compliments?|thank(?:ed|s)?|grateful)\b/i],
  ['neutral', /\bneutral\b/i],
  // What customers like: "What do customers like about us?" counted every message, two thirds of them not positive.
  ['positive', /\b(?:(?:like[sd]?|enjoy(?:s|ed)?|value[sd]?|appreciat(?:e|es|ed)) (?:most )?about|appreciat(?:e|es|ed))\b/i],
  ['positive', /(?<![\p{L}])(?:aiment (?:chez|dans|le plus)|gef[äa]llt|gefallen|m[öo]gen\b[^?.!]{0,30}\ban|les gusta|gostam|(?:gli )?piace)(?![\p{L}])/iu],
  // Pleased, in the other languages: "¿Cuántos clientes están contentos?" counted messages mentioning "contentos" (none).
  ['positive', /(?<![\p{L}])(satisfait(?:e|s|es)?|heureu(?:x|se|ses)|zufrieden\p{L}*|glücklich\p{L}*|content[oa]s?|satisfech[oa]s?|feli(?:z|ces)|satisfeit[oa]s?|contentes?|soddisfatt[oaie]|content[ie])(?![\p{L}])/iu],
  // The labels' own words in the other languages: "Quel pourcentage des messages sont négatifs ?" counted messages mentioning "négatifs".
  ['negative', /(?<![\p{L}])(n[ée]gati(?:f|fs|ve|ves)|negativ(?:e|en|er|es|sten)?|negativ[oa]s?|negativi)(?![\p{L}])/iu],
  ['positive', /(?<![\p{L}])(positi(?:f|fs|ve|ves)|positiv(?:e|en|er|es|sten)?|positiv[oa]s?|positivi)(?![\p{L}])/iu],
  // Praising, in the other languages: "Was loben die Kunden am meisten?" searched for "loben".
  ['positive', /(?<![\p{L}])(f[ée]licit\p{L}*|appr[ée]ci(?:ent|e|é|és|ée)|lob(?:en|t|te|ten)|gelobt|elogi(?:an|a|aron|am|aram|ado|ano|ato|ati)|lod(?:ano|a|ato|ati)|apprezz(?:ano|a|ato|ati)|elogiar|hablen bien|hablan bien|falam bem|falem bem|parlano bene|parlino bene|disent du bien)(?![\p{L}])/iu],
  ['neutral', /(?<![\p{L}])(neutres?|neutral(?:e|en|er|es)?|neutr[oa]s?)(?![\p{L}])/iu],
]

/** Channel names people use → the channel ids ingestion stores. */
export const CHANNEL_WORDS: Array<[string, RegExp]> = [
  ['x', /\b(twitter|tweets?|tweeted|(?:on|via|from|sur|auf|bei|en|no|na|su|em) x|x posts?)\b/i],
  ['instagram', /\b(instagram|insta|ig)\b/i],
  ['facebook', /\b(facebook|fb|messenger)\b/i],
  ['whatsapp', /\b(whats ?app)\b/i],
  ['email', /\b(e-?mails?|by mail|correo electr[óo]nico|courriel|correio eletr[óo]nico)(?![\p{L}])/iu],
  ['chat', /\b((?:live |web )?chat)\b/i],
]

/** Language names and adjectives → ISO 639-1 ("French-speaking", "francophone", "Korean"). */
export const LANGUAGE_WORDS: Record<string, string[]> = {
  en: ['english', 'anglophone', 'anglais', 'englisch', 'ingl[éeê]s', 'inglese'], fr: ['french', 'francophones?', 'fran[çc]ais', 'französisch\\p{L}*', 'franc[éeê]s', 'franceses', 'francese'],
  es: ['spanish', 'hispanophones?', 'espagnol', 'spanisch\\p{L}*', 'espa[ñn]ol', 'hispanohablantes?', 'spagnolo', 'espanhol'], de: ['german', 'germanophones?', 'allemand', 'deutsch\\p{L}*', 'alem[áa]n', 'alem[ãa]o', 'tedesco'],
  pt: ['portuguese', 'brazilian', 'lusophones?', 'portugais', 'portugiesisch\\p{L}*', 'portugu[éeê]s', 'portoghese'], it: ['italian', 'italien', 'italienisch\\p{L}*', 'italian[oi]', 'italiane?'], ko: ['korean'], th: ['thai'], ja: ['japanese'], zh: ['chinese', 'mandarin'],
  nl: ['dutch', 'flemish'], ar: ['arabic'], hi: ['hindi'], ru: ['russian'], pl: ['polish'], tr: ['turkish'], sv: ['swedish'], id: ['indonesian'],
  vi: ['vietnamese'],
}

/** Everyday words for the default taxonomy's intents; a workspace's own intents match by name. */
export const INTENT_SYNONYMS: Record<string, string[]> = {
  delivery: ['delivery', 'deliveries', 'shipping', 'shipment', 'parcel', 'package', 'courier', 'tracking', 'late order', 'backorder',
    'livraison', 'colis', 'lieferung', 'lieferungen', 'paket', 'entrega', 'envío', 'envio', 'encomenda', 'consegna', 'consegne', 'spedizione', 'pacco', 'corriere'],
  // Not "price rise": it is one event, found by the weekly theme that names it (a bill names billing, a price rise a plan's price).
  billing: ['billing', 'bill', 'charged', 'charge', 'double charge', 'invoice', 'refund', 'payment', 'overcharged',
    'facturation', 'facture', 'remboursement', 'rechnung', 'abrechnung', 'rückerstattung', 'erstattung', 'factura', 'facturación', 'fatura', 'faturação', 'faturamento', 'cobrança', 'reembolso',
    'bolletta', 'fattura', 'fatturazione', 'addebito', 'rimborso',
    // Plurals: "Wie viele Erstattungen wurden … angefordert?" searched for messages saying "erstattungen".
    'remboursements', 'rückerstattungen', 'erstattungen', 'reembolsos', 'rimborsi'],
  // "¿Sigue colgándose la app?", "A app continua a ir abaixo?" named no subject.
  bug_outage: ['crash', 'crashes', 'crashing', 'bug', 'broken', 'error', 'not loading', 'app fault', 'plante', 'absturz', 'stürzt', 'falha', 'cuelga', 'colgándose', 'colgarse', 'se cuelga', 'ir abaixo', 'vai abaixo',
    // "le plantage de l'appli", "el fallo de la app", "o travamento do app" named no subject.
    'plantage', 'plantages', 'fallo de la app', 'fallos de la app', 'travamento', 'travamentos'],
  // A service outage is a connectivity subject in the default taxonomy; app and website faults are bug_outage.
  connectivity: ['outage', 'service outage', 'network outage', 'no internet', 'internet down', 'connectivity', 'panne', 'coupure', 'störung',
    'ausfall', 'netzausfall', 'avería', 'caída', 'queda', 'sem internet', 'sin internet', 'guasto', 'disservizio', 'senza internet'],
  account_login: ['login', 'log in', 'sign in', 'password', 'locked out', 'account access', 'two-factor', '2fa', 'connexion', 'mot de passe', 'mots de passe', 'anmeldung', 'anmeldeprobleme', 'anmeldeproblemen', 'passwort', 'passwörter', 'contraseña', 'inicio de sesión', 'senha', 'accesso', 'problemi di accesso'],
  // "How many customers cancelled in October?" counted messages mentioning "cancelled" (none): the past is the intent too.
  cancellation: ['cancel', 'cancellation', 'cancelling', 'canceling', 'cancelled', 'canceled', 'churn', 'churned', 'leaving', 'résiliation', 'résilié', 'annulation', 'kündigung', 'kündigungen', 'gekündigt', 'cancelación', 'cancelaciones', 'cancelamento', 'cancelamentos', 'disdetta', 'disdette', 'recesso', 'résiliations',
    // The verbs: "warum Kunden kündigen", "los clientes se dan de baja", "os clientes cancelam", "i clienti disdicono" named nothing.
    'kündigen', 'darse de baja', 'se dan de baja', 'dan de baja', 'cancelam', 'disdicono', 'disdire', 'résilient', 'résilier',
    // At risk of leaving: "Quels clients risquent de partir ?", "abwanderungsgefährdet", "nos abandonar", "abbandonarci".
    'partir', 'abwanderung', 'abwanderungsgefährdet', 'abwandern', 'abandonar', 'nos abandonar', 'abbandonare', 'abbandonarci'],
  appointment: ['appointment', 'appointments', 'engineer visit', 'engineer visits', 'technician', 'engineer', 'engineers', 'installation date',
    'rendez-vous', 'technicien', 'techniker', 'termin', 'técnico', 'cita', 'appuntamento',
    // "Technikerbesuche", "interventi dei tecnici" were searched for as words.
    'technikerbesuch', 'technikerbesuche', 'techniker-termin', 'intervention de technicien', 'visita del técnico', 'visitas del técnico', 'visita técnica', 'técnicos', 'tecnico', 'tecnici', 'interventi dei tecnici'],
  feature_request: ['feature request', 'feature', 'suggestion'],
  praise: ['praise', 'compliment'],
  question: ['questions'],
}


/** Words of the question that say what is asked, not what about: kept out of the retrieval topic. */
export const NON_TOPIC = new Set([
  'how', 'many', 'much', 'share', 'percentage', 'percent', 'proportion', 'fraction', 'why', 'what', 'which', 'who', 'when', 'customers',
  'customer', 'people', 'users', 'messages', 'message', 'tweets', 'tweet', 'posts', 'post', 'conversations', 'complaints', 'complaint',
  'complain', 'complaining', 'complained', 'examples', 'example', 'show', 'me', 'change', 'changed', 'sentiment', 'grew', 'most', 'period',
  'between', 'since', 'within', 'speaking', 'count', 'number', 'compare', 'compared', 'trend', 'did', 'do', 'were', 'was', 'about', 'unhappy',
  'happy', 'angry', 'upset', 'negative', 'positive', 'neutral', 'praise', 'reason', 'reasons', 'main', 'week', 'month', 'year', 'days',
  'say', 'saying', 'said', 'says', 'talk', 'talking', 'think', 'thinking', 'feel', 'feeling', 'felt', 'write', 'writing', 'wrote',
  'mention', 'mentioning', 'mentioned', 'problem', 'problems', 'issue', 'issues', 'topic', 'topics', 'common', 'often', 'top',
  'volume', 'spike', 'spiked', 'surge', 'channel', 'channels', 'intent', 'intents', 'reply', 'replies', 'answer', 'answered',
  'ask', 'asks', 'asked', 'asking', 'contacted', 'getting', 'worse', 'better', 'improving', 'improved', 'deteriorating', 'worsening', 'mood', 'moods',
  'up', 'down', 'go', 'goes', 'going', 'gone', 'went', 'get', 'gets', 'got', 'receive', 'receives',
  // The same words in the other supported languages.
  'combien', 'quoi', 'clients', 'client', 'messages', 'semaine', 'mois', 'wie', 'viele', 'kunden', 'nachrichten', 'woche', 'monat', 'gab',
  'cuántos', 'cuántas', 'cuantos', 'cuantas', 'clientes', 'mensajes', 'hubo', 'semana', 'mes', 'quantos', 'quantas', 'mensagens', 'houve', 'mês',
  // Thinking and saying: "Que pensent les clients du service client ?" searched for "pensent".
  'pensent', 'pense', 'pensez', 'disent', 'denken', 'sagen', 'halten', 'piensan', 'opinan', 'dicen', 'pensam', 'acham', 'dizem', 'pensano', 'dicono',
  'quanti', 'quante', 'clienti', 'cliente', 'messaggi', 'messaggio', 'settimana', 'mese', 'ci', 'abbiamo', 'hanno', 'stati', 'state',
  // "main problems": "Quais são os principais problemas dos clientes em outubro?" searched for messages saying "principais".
  'principaux', 'problèmes', 'problème', 'hauptprobleme', 'probleme', 'problem', 'principales', 'problemas', 'principais', 'quais', 'principali', 'problemi',
  // What was received or asked: "Quanti messaggi negativi abbiamo ricevuto?" searched for messages saying "ricevuto".
  'received', 'ricevuto', 'ricevuti', 'reçu', 'reçus', 'erhalten', 'bekommen', 'recibimos', 'recibido', 'recibidos', 'recebemos', 'recebido', 'recebidos',
  // …or came in: "Wie viele Nachrichten kamen per E-Mail im Oktober?" searched for messages saying "kamen".
  'kamen', 'kam', 'gekommen', 'eingegangen', 'llegaron', 'llegó', 'chegaram', 'chegou', 'arrivés', 'arrivées', 'arrivati', 'arrivate',
  // …or that we had: "Combien de conversations avons-nous eu en octobre ?" had the topic "avons-nous".
  'avons-nous', 'a-t-on', 'eu', 'hatten', 'tuvimos', 'tivemos', 'avuto', 'avute',
  // The words of a ranking or a split, which name no topic: "Which topics are growing fastest?" searched for
  // "fastest", "What's the sentiment breakdown for WhatsApp?" for "breakdown".
  'fastest', 'quickest', 'rapidly', 'quickly', 'breakdown', 'split', 'distribution',
  // Liking, and the French question's opening: "Qu'est-ce que les clients aiment chez nous ?" searched for "aiment" and "chez".
  'like', 'likes', 'liked', 'enjoy', 'enjoyed', 'appreciate', 'aiment', 'aime', 'chez', 'est-ce', 'gefällt', 'gusta', 'gustan', 'gostam', 'piace',
  'nosotros', 'nosotras', 'uns', 'nós', 'noi', 'fait', 'font',
  // What happened, what is new, how it goes, who wrote or said: "Was ist diesen Monat … passiert?" searched for "passiert",
  // "Como está indo esta semana…?" for "indo", "¿De qué se quejan los clientes que escriben en alemán?" for "escriben".
  'passé', 'passe', 'passiert', 'pasado', 'pasó', 'aconteceu', 'successo', 'cos', 'neuf', 'neues', 'novedades', 'novidades', 'novità',
  'läuft', 'indo', 'va', 'anda', 'hazme', 'faz', 'fammi', 'escriben', 'escrevem', 'scrivono', 'écrivent', 'schreiben',
  'dijeron', 'disseram', 'detto', 'dit', 'gesagt', 'aggravent', 'aggrave', 'schlimmer', 'depuis', 'seit', 'desde', 'anterior', 'précédent', 'vorherigen', 'precedente',
  // Our, and the small verbs of asking how it went: "Comment s'est passé octobre…", "Wie schneidet der Oktober … ab?", "¿Qué tal fue…?",
  // "Como correu outubro…?", "Com'è andato ottobre…?", "Wie sieht die Verteilung … aus?", "¿Cómo se reparte…?", "Com'è distribuito…?".
  'nuestros', 'nuestras', 'nuestro', 'nuestra', 'nossos', 'nossas', 'nosso', 'nossa', 'nostri', 'nostre', 'nostro', 'nostra', 'unsere', 'unserer', 'unseren',
  'passé', 'tal', 'correu', 'andato', 'andata', 'schneidet', 'sieht', 'reparte', 'repartido', 'distribuito', 'distribuita', 'com', "com'è", 'com’è',
  'rapport', 'comparado', 'comparada', 'nehmen', 'nimmt', 'gens', 'leute', 'gente', 'pessoas', 'persone', 'personnes', 'personas',
  'hablen', 'hablan', 'falam', 'falem', 'parlano', 'parlino', 'bien', 'bem', 'bene',
  // Saying and showing: "¿Qué dice la gente…?", "O que é que as pessoas andam a dizer…?", "Fammi vedere…", "Dame ejemplos…", "hemos recibido".
  'dice', 'dicen', 'dizer', 'andam', 'dire', 'enséñame', 'fammi', 'vedere', 'dame', 'dammi', 'qualche', 'hemos', 'risquent', 'risco', 'rischiano', 'stato', 'foi',
  // A direction or a cause asked about: "Are there fewer complaints since the app fix?" matched themes by "fewer".
  'fewer', 'less', 'cause', 'caused', 'provoqué', 'provoquée', 'causé', 'causée', 'verursacht', 'ausgelöst', 'causado', 'provocado', 'causou', 'provocou', 'causato', 'provocato',
  // A split, or what was received: "Quelle est la répartition du sentiment sur WhatsApp ?" searched for "répartition".
  'reçue', 'reçues', 'répartition', 'verteilung', 'stimmungsverteilung', 'desglose', 'distribución', 'distribuição', 'ripartizione', 'distribuzione',
  // How fast, and the growing itself: "Quali argomenti crescono più velocemente?" searched for "argomenti" and "velocemente".
  'crescer', 'aumentar', 'depressa', 'vite', 'schnellsten', 'schnell', 'rápido', 'rápidamente', 'velocemente', 'veloce', 'argomenti', 'argomento',
  // "were about": "Quel pourcentage des messages de novembre concerne la facturation ?" said "concerne" was not counted apart.
  'concerne', 'concernent', 'concernaient', 'concernait', 'betraf', 'betrafen', 'betrifft', 'betreffen', 'trata', 'tratan', 'tratam', 'tratavam', 'riguarda', 'riguardano', 'riguardavano',
  'zeig', 'chiesto', 'chiesti', 'gefragt', 'scritto', 'scritti', 'écrit', 'écrits', 'geschrieben', 'escribieron', 'escrito', 'escreveram',
  'demande', 'demandes', 'demandé', 'demandée', 'demandés', 'pidieron', 'pidió', 'solicitudes', 'pediram', 'richiesta', 'richieste', 'anfragen',
  // "are", "were": "¿Qué porcentaje de los mensajes son negativos?" had the topic "son" (an English word, so kept by the pooled stopwords).
  'son', 'sont', 'sind', 'são', 'sono', 'fueron', 'étaient', 'waren', 'foram', 'erano',
  // How customers feel, in the other languages ("Wie ist die Stimmung auf Instagram?" searched for "stimmung"), and "are".
  'stimmung', 'humeur', 'ressenti', 'sentimiento', 'sentimientos', 'ánimo', 'sentimento', 'sentimentos', 'umore', 'están', 'estão', 'estan', 'estao',
  // "How many messages contained an order number?" matched 22 weekly themes through "contained"; "How is the voice remote doing?".
  'contain', 'contains', 'contained', 'containing', 'doing', 'happen', 'happens', 'happened', 'happening', 'give', 'tell', 'please', 'fasse', 'fass', 'zusammen', 'han', 'têm', 'tem', 'ont', 'après', 'después', 'depois', 'dopo', 'avant', 'antes', 'concernant', 'sobre', 'andando', 'progressé', 'progressée', 'progressés',
  // What the themes are called, not one of them: "Which themes grew?" had the topic "themes".
  'theme', 'themes', 'subject', 'subjects', 'thème', 'thèmes', 'sujet', 'sujets', 'thema', 'themen', 'tema', 'temas', 'assunto', 'assuntos', 'temi',
  // How much: "Welches Thema ist am stärksten gewachsen?", "¿Cuál fue el tema que más creció?".
  'fue', 'stärksten', 'stärkste', 'meisten', 'plus', 'más', 'mais', 'più',
  // "Wie hat sich die Zahl der Beschwerden … entwickelt?" searched for "zahl", "¿Cómo cambió…?" for "cambió", "em comparação com" for "comparação".
  'zahl', 'anzahl', 'cambió', 'cambiaron', 'comparação', 'comparación', 'comparaison', 'vergleich', 'confronto',
  // How common, and how: "¿Cuáles son las quejas más comunes?" searched for "comunes", "Comment … a évolué" for "comment".
  'common', 'frequent', 'fréquent', 'fréquente', 'fréquents', 'fréquentes', 'courant', 'courants', 'courantes', 'häufig', 'häufige', 'häufigsten',
  'común', 'comunes', 'frecuente', 'frecuentes', 'comum', 'comuns', 'frequente', 'frequentes', 'comune', 'comuni', 'frequenti',
  'comment', 'cómo', 'como', 'come', 'wichtigsten', 'principaux', 'principales', 'principais', 'principali',
  // Changing, worse and better, and "than": "¿Cómo ha cambiado el sentimiento…?" searched for "cambiado".
  'changé', 'changée', 'évolué', 'geändert', 'verändert', 'entwickelt', 'cambiado', 'cambiada', 'mudou', 'mudaram', 'cambiato', 'cambiata', 'cambiati',
  'schlechter', 'besser', 'wird', 'está', 'estão', 'sta', 'stanno', 'rispetto', 'als',
  // Why, how many and "there is": "¿Hay más quejas…?" searched for "hay", "Warum ist das Volumen…" for "volumen".
  'pourquoi', 'warum', 'qué', 'porque', 'perché', 'volume', 'volumen', 'nombre', 'anzahl', 'número', 'numero',
  'hay', 'gibt', 'estaba', 'estaban', 'era', 'eran', 'war', 'était', 'étaient', 'estava', 'estavam',
  // Italian's elided prepositions: "Quanti messaggi sull'app" searched for "sull".
  'sull', 'dell', 'nell', 'dall', 'all', 'coll', 'quell',
])
/** Cue words of any kind (count, complaint, ranking…) never name the topic. */
export const isCueWord = (w: string) =>
  MENTIONS_CUE.test(w) || SENTIMENT_CUES.some(([, re]) => re.test(w)) || KIND_CUES.some(([, re]) => re.test(w)) || RANK_CUE.test(w) || MOST_CUE.test(w) || LEAST_CUE.test(w) || CHANGED_CUE.test(w) || SPIKE_CUE.test(w)

/** An elided article or preposition is not part of the word: "sull'app" is "app", "l'appli" is "appli". */
export const ELIDED = /^(?:l|d|j|c|n|s|m|t|qu|jusqu|lorsqu|puisqu|sull|dell|nell|dall|all|coll|quell|un|cos)['’]/iu

/** What a count or an example restricted to a weekday or an hour lacks: they are ranked, not filtered by. */
export const BY_SLOT_NOT_COMPUTED = 'a count restricted to days of the week or hours of the day (they can be ranked: "which weekday is busiest?")'

/**
 * A weekly theme's own share of a sentiment: "Which theme is the most negative?" was answered "App login has
 * the most complaints" as if that were asked. Themes are ranked by their complaints, and the answer says so.
 */
export const THEME_RATE_NOT_COMPUTED = "a share of each weekly theme's messages (themes are ranked by their complaints instead)"

/** What the brand's agents did is not counted; how fast they replied is (care.ts). */
export const AGENT_WORK_NOT_COMPUTED = 'a count of what agents did or promised (the figures count customer messages and when they were answered)'

/** No survey answer is stored; how customers feel is read from their messages. */
export const SURVEY_SCORE_NOT_COMPUTED = 'a satisfaction score such as CSAT or NPS (no survey answers are stored: how customers feel is the sentiment of their messages)'

/** People are never named in an answer (citations are masked), so they are not ranked. */
export const BY_CUSTOMER_NOT_COMPUTED = 'a ranking of individual customers'

/** What the averages entry of NOT_COMPUTED says: a response time's mean is computed (care.ts), other averages are not. */
export const AVERAGES_NOT_COMPUTED = 'averages per conversation or customer'

/**
 * Measures no figure computes, and what to call them: "Which day of the week gets the most complaints?"
 * searched for messages saying "gets", and "How many customers wrote to us more than once?" for messages
 * in the themes "Monthly price" and "Price" (they say "once"). The answer says which measure it lacks.
 */
export const NOT_COMPUTED: Array<[RegExp, string]> = [
  // "Show me complaints from the weekend" would count messages saying "weekend".
  [/\b(?:day of (?:the )?week|weekdays?|weekends?|time of (?:the )?day|hours? of (?:the )?day|which hours?|what time)\b|jour de la semaine|week-end|wochentag|wochenende|uhrzeit|día de la semana|fin de semana|dia da semana|fim de semana|giorno della settimana|fine settimana/iu, BY_SLOT_NOT_COMPUTED],
  [/\baverage (?:number|length|count)|\bper (?:conversation|customer)\b|\bon average\b|en moyenne|im durchschnitt|durchschnittlich|en promedio|em média|in media/iu, AVERAGES_NOT_COMPUTED],
  // Nothing stores whether a conversation was closed or its problem solved: "How many conversations did we close in October?" searched for "close".
  [/\b(?:(?:conversations|tickets|cases|problems|issues)\s+(?:did we |have we |were |we |got )?(?:close|closed|resolve|resolved|solve|solved|fix|fixed)|(?:close|closed|resolve|resolved|solve|solved)\s+(?:conversations|tickets|cases)|resolution rate|resolved rate|solved rate)\b|(?:conversations?|tickets?|cas|demandes?)\s+(?:r[ée]solu(?:e|s|es)?|cl[ôo]tur[ée]e?s?|ferm[ée]e?s?)|(?:gelöst|geschlossen)e?n?\s|(?:resuelt|cerrad)[oa]s|(?:resolvid|fechad)[oa]s|(?:risolt|chius)[ie]/iu, 'a count of conversations closed or problems solved (nothing stores whether one was)'],
  // Nothing marks a customer's first contact: "How many new customers wrote in November?" counted messages saying "new".
  [/\b(?:new|first-time|first time|returning|existing) (?:customers|clients|users|contacts)\b|nouveaux clients|neue kunden|nuevos clientes|novos clientes|nuovi clienti/iu, 'a count of new or returning customers (nothing marks a first contact)'],
  // "Who are our angriest customers?" searched for messages saying "angriest": answers count and quote
  // messages, and never name a customer (citations are masked), so a ranking of people is not computed.
  [new RegExp([
    '\\b(?:which|who)\\s+(?:of\\s+(?:our|the)\\s+)?(?:customers|clients|users)\\b.{0,60}\\b(?:most|least|more|angriest|happiest|worst|best)\\b',
    '\\bwho\\s+(?:complained|complains|wrote|writes|messaged|contacted us|posted)\\s+(?:the\\s+)?most\\b',
    // …but "the top reasons customers cancel" ranks reasons.
    '\\b(?:angriest|unhappiest|happiest|loudest|most (?:active|vocal|frequent|angry|unhappy|upset|loyal)|top|biggest)\\s+(?!(?:reasons?|causes?|issues?|problems?|complaints?|topics?|subjects?|themes?)\\s)(?:\\w+\\s+)?(?:customers|clients|users|complainers)\\b',
    '(?<![\\p{L}])(?:quels|quelles|welche|qu[ée]|quais|quali)\\s+(?:clients|kunden|clientes|clienti)(?![\\p{L}]).{0,60}(?:le plus|am meisten|más|mais|più)',
    '(?<![\\p{L}])qui\\s+sont\\s+(?:nos|les)\\s+clients\\s+les\\s+plus',
    '(?<![\\p{L}])(?:die|unsere)\\s+(?:unzufriedensten|wütendsten|zufriedensten|aktivsten)\\s+kunden',
    // …not a comparison: "¿Están los clientes más enfadados en X que en Instagram?" compares two channels.
    '(?<![\\p{L}])(?:los|nuestros)\\s+clientes\\s+más\\s+(?:enfadados|descontentos|molestos|satisfechos|activos)(?![^?.!]*(?<![\\p{L}])que(?![\\p{L}]))',
    '(?<![\\p{L}])(?:os|nossos)\\s+clientes\\s+mais\\s+(?:irritados|insatisfeitos|satisfeitos|ativos)(?![^?.!]*(?<![\\p{L}])(?:do )?que(?![\\p{L}]))',
    '(?<![\\p{L}])(?:i|nostri)\\s+clienti\\s+più\\s+(?:arrabbiati|insoddisfatti|soddisfatti|attivi)(?![^?.!]*(?<![\\p{L}])(?:che|rispetto)(?![\\p{L}]))',
  ].join('|'), 'iu'), BY_CUSTOMER_NOT_COMPUTED],
  // What the brand's side did: "How many refunds did we promise last month?" counted every billing message,
  // "How many conversations did agents handle per day?" searched for messages saying "agents" and "handle".
  [new RegExp([
    '\\b(?:did|do|have|has|had)\\s+(?:we|our\\s+(?:agents?|team|staff|support))\\s+(?:(?:already|ever|actually)\\s+)?(?:promise|promised|offer|offered|give|gave|given|refund|refunded|send|sent|issue|issued|handle|handled|approve|approved)\\b',
    '\\b(?:agents?|staff|reps?|representatives?|team members?)\\s+(?:handle|handled|promise|promised|offer|offered|issue|issued|approve|approved)\\b',
    '(?<![\\p{L}])(?:avons-nous|a-t-on|ont-ils)\\s+(?:\\p{L}+\\s+)?(?:promis|offert|accordé|remboursé|traité)|(?<![\\p{L}])(?:nos|les)\\s+agents\\s+(?:ont|traitent)',
    '(?<![\\p{L}])(?:haben wir|hat (?:unser|das) (?:team|support))\\s+.{0,40}?(?:versprochen|zugesagt|angeboten|erstattet|bearbeitet)',
    '(?<![\\p{L}])(?:prometimos|hemos prometido|ofrecimos|reembolsamos|nuestros agentes (?:atendieron|gestionaron|prometieron))',
    '(?<![\\p{L}])(?:prometemos|prometeram|oferecemos|reembolsamos|nossos (?:agentes|atendentes) (?:atenderam|trataram|prometeram))',
    '(?<![\\p{L}])(?:abbiamo promesso|abbiamo offerto|abbiamo rimborsato|i nostri (?:operatori|agenti) hanno)',
  ].join('|'), 'iu'), AGENT_WORK_NOT_COMPUTED],
  // "Which agent replies fastest?" gave the team's response time as if it were an agent's.
  // "What is our CSAT score?" searched for messages saying "csat" or "score": no survey answer is stored.
  [/\b(?:csat|nps|net promoter|(?:customer )?satisfaction (?:score|rate|rating)s?)\b|score de satisfaction|taux de satisfaction|zufriedenheits(?:wert|rate|quote|score)|puntuaci[óo]n de satisfacci[óo]n|[íi]ndice de satisfacci[óo]n|pontua[çc][ãa]o de satisfa[çc][ãa]o|[íi]ndice de satisfa[çc][ãa]o|punteggio di soddisfazione|indice di soddisfazione/iu, SURVEY_SCORE_NOT_COMPUTED],
  [/\b(?:per|by|each|which|what|every)\s+(?:agent|rep|representative|staff member)\b|(?<![\p{L}])(?:quel agent|par agent|welche[rmn]? (?:agent|mitarbeiter)|(?:pro|je) (?:agent|mitarbeiter)|qu[ée] agente|por agente|qual (?:agente|atendente)|por atendente|quale (?:operatore|agente)|per (?:operatore|agente))(?![\p{L}])/iu, 'a breakdown by agent'],
]

/**
 * Measures of conversations that are computed (conversation-measures.ts), read before NOT_COMPUTED:
 * "What is the average number of messages per conversation?" and "How many customers contacted us more
 * than once?" were answered with "no figure here computes this".
 */
export const MEASURE_CUES: Array<[RegExp, ConversationMeasure]> = [
  [/\bmessages? (?:per|in an?|in each|does an?) (?:conversation|thread|chat)\b|\b(?:long|length of) (?:are |is )?(?:our |the |a )?conversations?\b.{0,30}\bmessages\b|messages? par conversation|nachrichten (?:pro|je) (?:konversation|unterhaltung|gespräch)|mensajes por conversación|mensagens por conversa|messaggi per conversazione/iu, 'messages_per_conversation'],
  [/\bmore than (?:once|one (?:conversation|time))\b|\brepeat (?:customers|contacts|complainers)\b|\b(?:came|come|wrote|write|contacted us) (?:back|again|twice)\b|plus d['’]une fois|mehr als einmal|más de una vez|mais d[eo] (?:que )?uma vez|più di una volta/iu, 'repeat_customers'],
]

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, twelve: 12, 'twenty-four': 24 }
/** "une heure", "einen Tag", "einer Stunde", "una hora", "uma hora", "un'ora": one, as the other languages say it before a unit. */
const ONE_WORDS = ['un', 'une', 'ein', 'eine', 'einen', 'einer', 'einem', 'uno', 'una', 'um', 'uma', "un'", 'un’']
/** "within 2 hours", "in under 30 minutes": the response time a care question asks about, in minutes. */
const WITHIN = /(?<![\p{L}])(?:within|in under|in less than|under|less than|en moins d['’]|en moins de|sous|innerhalb(?: von)?|binnen|en menos de|em menos de|entro)\s*(an?|one|two|three|four|five|six|twelve|twenty-four|une?|eine[rm]?|ein|un[oa]|um|uma|un['’]|\d+(?:[.,]\d+)?)\s*(minutes?|mins?|hours?|hrs?|h|heures?|minuten|stunden?|minutos|horas?|minuti|ore|ora)(?![\p{L}])/iu

export function withinMinutes(question: string): number | undefined {
  const m = WITHIN.exec(question)
  if (!m) return undefined
  const said = m[1]!.toLowerCase()
  const n = WORD_NUMBERS[said] ?? (ONE_WORDS.includes(said) ? 1 : Number(said.replace(',', '.')))
  const minutes = Math.round(/^m/i.test(m[2]!) ? n : n * 60)
  return minutes > 0 ? minutes : undefined
}

/**
 * "more than a day", "over 24 hours", "plus d'un jour", "mehr als 2 Tage": how long a customer has waited,
 * as an awaiting question asks it, in minutes.
 */
const WAITED_LONGER = new RegExp(
  `(?<![\\p{L}])(?:more than|longer than|over|at least|plus d['’]|plus de|mehr als|über|más de|mais de|più di|oltre)\\s*(${[...Object.keys(WORD_NUMBERS), ...Object.keys(COUNT_WORDS), ...ONE_WORDS].join('|')}|\\d+(?:[.,]\\d+)?)\\s*` +
    '(minutes?|mins?|hours?|hrs?|h|days?|weeks?|heures?|jours?|semaines?|stunden?|tage?n?|wochen?|horas?|d[íi]as?|semanas?|ore|ora|giorn[oi]|settiman[ae])(?![\\p{L}])',
  'iu',
)

export function waitedMinutes(question: string): number | undefined {
  const m = WAITED_LONGER.exec(question)
  if (!m) return undefined
  const said = m[1]!.toLowerCase()
  const n = WORD_NUMBERS[said] ?? COUNT_WORDS[said] ?? (ONE_WORDS.includes(said) ? 1 : Number(said.replace(',', '.')))
  const unit = m[2]!.toLowerCase()
  const perUnit = /^(?:m)/.test(unit) ? 1 : /^(?:h|stund|or[ae]$)/.test(unit) ? 60 : /^(?:w|sem|settiman)/.test(unit) ? 7 * 24 * 60 : 24 * 60
  const minutes = Math.round(n * perUnit)
  return minutes > 0 ? minutes : undefined
}

/** Two subjects set side by side: "billing or delivery", "billing vs delivery", "facturation ou livraison", "facturación o entrega". */
export const SIDE_BY_SIDE = /(?<![\p{L}])(?:vs\.?|versus|against|or|ou|oder|o|contra|gegen|frente a)(?![\p{L}])/iu
