// Phrases whose meaning a support lead never doubts, in every supported language: an explicit
// complaint ("charged twice", "never arrived", "down again", "still waiting"), an explicit thank-you
// or compliment, and the closers that end a conversation ("I'll try that", "took far too long").
// The sentiment model is trained on tweets, not on care conversations: these cues keep its plain
// mistakes out (a complaint is never positive, a thank-you never negative) and tell the inbox which
// customer messages close a thread. Written for Parley, not taken from any dataset.

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'")
}

const SUBSTRING_SCRIPT = /[\u0E00-\u0E7F\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/

/**
 * Matches whole words for space-separated scripts and substrings for Korean and Thai, where
 * particles attach to words (Korean) or words are not separated at all (Thai). Terms and text are
 * folded (accents dropped, lower case); a space in a term matches any run of spaces.
 */
export function termMatcher(terms: string[]): (folded: string) => boolean {
  const folded = terms.map(foldText)
  const substringTerms = folded.filter((t) => SUBSTRING_SCRIPT.test(t))
  const wordTerms = folded.filter((t) => !substringTerms.includes(t)).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
  const wordRe = wordTerms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${wordTerms.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null
  return (text) => (wordRe?.test(text) ?? false) || substringTerms.some((t) => text.includes(t))
}

/**
 * Money still taken after the customer ended the contract: "J'ai résilié mon abonnement il y a deux mois
 * et vous me prélevez encore" read as uncertain, "Ich habe gekündigt und Sie buchen immer noch ab" as delivery.
 */
export const STILL_CHARGED_CUES = termMatcher([
  'still charging', 'still being charged', 'still charged me', 'still billing me', 'still taking money', 'took money again', 'charged me after', 'charging me after',
  'prelevez encore', 'preleve encore', 'prelevez toujours', 'preleve toujours', 'continuez a prelever', 'continuez de prelever',
  'buchen immer noch', 'bucht immer noch', 'buchen weiterhin', 'bucht weiterhin', 'immer noch abgebucht', 'trotzdem abgebucht',
  'siguen cobrando', 'seguis cobrando', 'siguen cargando', 'me siguen cobrando', 'continuam a cobrar', 'continuam cobrando', 'continuam a me cobrar',
  'continuate ad addebitare', 'continuate ad addebitarmi', 'continuano ad addebitare', 'continuano ad addebitarmi',
])

/**
 * Money taken twice with the amount or the thing between: "you took £55.00 twice. Thats my food money for
 * the week 😡 … Many thanks" read as positive, "me habéis cobrado la factura de noviembre dos veces" as
 * nothing plain. The fixed phrases ("charged twice", "cobrado dos veces") need the words side by side.
 */
const TAKEN_TWICE = new RegExp(
  '(?<![\\p{L}])(?:took|taken|charged|billed|debited|deducted|paid|preleve|prelevee|debite|facture|paye|abgebucht|berechnet|belastet|bezahlt|cobrado|cobraron|cobrasteis|cargado|cargaron|cobraram|debitado|debitaram|addebitato|addebitati|pagato)' +
    '(?![\\p{L}])(?:[^.!?\\n]|(?<=\\d)[.](?=\\d)){1,40}?(?<![\\p{L}])(?:twice|two times|deux fois|zweimal|doppelt|dos veces|duas vezes|due volte)(?![\\p{L}])(?!\\s+as(?![\\p{L}]))',
  'u',
)

export const takenTwice = (folded: string): boolean => TAKEN_TWICE.test(folded)

/** …an amount taken twice, the sum named between: "you took £55.00 twice", "ha cobrado 34,99 € dos veces". */
const AMOUNT_TAKEN_TWICE = new RegExp(
  `${TAKEN_TWICE.source.split('(?:[^.!?')[0]}[^.!?\\n]{0,20}?(?:[£$€]\\s?\\d|\\d+(?:[.,]\\d{2})?\\s?(?:€|eur|euros?|pounds?|dollars?|usd|gbp))(?:[^.!?\\n]|(?<=\\d)[.,](?=\\d)){0,20}?(?<![\\p{L}])(?:twice|two times|deux fois|zweimal|doppelt|dos veces|duas vezes|due volte)(?![\\p{L}])`,
  'u',
)
export const amountTakenTwice = (folded: string): boolean => AMOUNT_TAKEN_TWICE.test(folded)

/**
 * How the customer was treated, or kept waiting on the line, in so many words: a complaint for the sentiment, and
 * the taxonomy's complaint ("staff") for the intent (intent-cues.ts COMPLAINT_LABELS, which adds looser forms).
 */
export const STAFF_TREATMENT_TERMS: readonly string[] = [
  'rude', 'hung up on me', 'unhelpful', 'dismissive', 'unpleasant', 'warteschleife',
  'malpoli', 'raccroche au nez', 'meprisant', 'pas serviable', 'desagreable', 'unhoflich', 'aufgelegt', 'abweisend', 'unangenehm',
  'maleducado', 'maleducada', 'me ha colgado', 'borde', 'desagradable', 'malcriado', 'malcriada', 'desligou-me', 'desdem', 'desagradavel',
  'maleducato', 'maleducata', 'attaccato il telefono', 'scortese', 'sgradevole',
]

/** Something went wrong and the customer says so: a fault, a failed delivery, a wrong charge, waiting. */
export const COMPLAINT_CUES = (folded: string): boolean => COMPLAINT_PHRASES(folded) || STILL_CHARGED_CUES(folded) || takenTwice(folded) || waitedLong(folded)

/**
 * The problem is over and the customer says so: "Thanks, the refund for the double charge arrived today!"
 * and "Merci, le remboursement du double prélèvement est bien arrivé" read as negative complaints (0.82),
 * the charge they name being the past. With a thank-you and nothing still wrong (resolvedWithThanks), the
 * problem named is no complaint.
 */
const RESOLVED_TERMS = termMatcher([
  'thanks for sorting', 'thank you for sorting', 'thanks for fixing', 'thank you for fixing', 'thanks for resolving', 'thank you for resolving', 'sorted now', 'all sorted', 'got my refund', 'got the refund', 'money is back',
  "merci d'avoir regle", "merci d'avoir resolu", 'probleme resolu', "c'est regle", 'danke furs beheben', 'danke fur die losung', 'problem gelost', 'ist erledigt',
  'gracias por solucionarlo', 'gracias por resolverlo', 'ya esta solucionado', 'problema resuelto', 'obrigado por resolver', 'obrigada por resolver', 'ja esta resolvido', 'problema resolvido',
  'grazie per aver risolto', 'problema risolto', 'tutto risolto',
])
const REFUND_ARRIVED = /(?<![\p{L}])(?:refund|remboursement|erstattung|ruckerstattung|gutschrift|reembolso|rimborso)(?![\p{L}])[^.!?\n]{0,60}?(?<![\p{L}])(?:arrived|came through|went through|is back|received|arrive|recu|angekommen|eingegangen|erhalten|llego|recibido|chegou|recebido|arrivato|ricevuto)(?![\p{L}])/u
/** "…but I was charged again", "toujours pas", "immer noch": something is still wrong. */
const STILL_WRONG = /(?<![\p{L}])(?:but|still|again|mais|toujours|encore|aber|immer noch|schon wieder|pero|todavia|otra vez|ainda|de novo|ancora|di nuovo)(?![\p{L}])/u

export function resolvedWithThanks(folded: string): boolean {
  return (RESOLVED_TERMS(folded) || REFUND_ARRIVED.test(folded)) && thanksCue(folded) && !STILL_WRONG.test(folded)
}

/**
 * Waiting, or time gone by, counted in days, weeks or months: "Estou à espera do reembolso há três
 * semanas" read as positive, "Ich warte seit drei Wochen auf mein Paket" and "Aspetto il pacco da tre
 * settimane" as uncertain, "Thanks, but it has been 8 working days now and nothing on my card" as
 * positive (0.75). Not "wait" or "espero" alone: "can't wait" and "espero que" (I hope) are glad.
 */
const WAITING_WORDS = termMatcher([
  'waiting', 'waited', "j'attends", 'attends', 'en attente', 'attendu', 'warte', 'warten', 'gewartet', 'esperando', 'esperado', 'a espera', 'aspetto', 'aspettando', 'atteso', 'in attesa',
  'on hold', 'en espera', 'em espera', 'warteschleife',
])
/** Time gone by is a complaint only with nothing to show for it: not "it has been 3 days and the wifi is perfect". */
const TIME_GONE_BY = termMatcher(["it's been", 'it has been', 'its been', 'ca fait', 'cela fait', 'seit', 'desde hace'])
const STILL_NOTHING = termMatcher([
  'nothing', 'no', 'not', "n't", 'never', 'still', 'rien', 'pas', 'toujours', 'kein', 'keine', 'nicht', 'nichts', 'noch', 'nada', 'ningun', 'ninguna', 'sigue', 'sigo', 'todavia',
  'ainda', 'nao', 'niente', 'nessun', 'nessuna', 'non', 'ancora',
])
const DURATION_WORDS = termMatcher([
  'days', 'weeks', 'months', 'jours', 'semaines', 'mois', 'tage', 'tagen', 'wochen', 'monate', 'monaten', 'dias', 'semanas', 'meses', 'giorni', 'settimane', 'mesi',
  // …or, on the line or in a chat, minutes and hours: "Llevo 40 minutos en espera para hablar con alguien" read as neutral.
  'minutes', 'hours', 'an hour', 'minuten', 'stunden', 'minutos', 'horas', 'minuti', 'heures', "l'heure", 'une heure', 'eine stunde', 'una hora', 'uma hora', "un'ora",
])
const waitedLong = (folded: string): boolean => DURATION_WORDS(folded) && (WAITING_WORDS(folded) || (TIME_GONE_BY(folded) && STILL_NOTHING(folded)))
const COMPLAINT_PHRASES = termMatcher([
  // en
  'charged twice', 'billed twice', 'paid twice', 'went out twice', 'taken twice', 'twice this month', 'twice for', 'double charged', 'charged me twice', 'double charge', 'charged me again', 'overcharged', 'still not refunded', 'no refund',
  'never arrived', 'never received', "hasn't arrived", 'has not arrived', "didn't arrive", 'did not arrive', 'not arrived', 'still not arrived', 'never came', 'never got it', 'lost my parcel', 'lost my order',
  'down again', 'is down', 'went down', 'outage', 'no internet', 'no signal', 'no service', 'no connection', 'keeps dropping', 'keeps crashing', 'keeps disconnecting', 'keeps freezing', 'keeps cutting out', 'cutting out', 'dropping out', 'drops every',
  'not working', "isn't working", "doesn't work", 'does not work', "won't work", "won't load", "won't connect", 'not loading', 'stopped working', 'crashes', 'crashing', 'crashed', 'freezes', 'broken', 'still broken',
  'unusable', 'crash', 'still not here', 'not here yet', 'supposed to arrive', 'no update', 'on hold for', 'gave up', 'error', 'error page', 'error code', 'stuck', 'awaiting stock', 'out of stock', 'is it ever coming', 'marked as delivered', 'says delivered', 'nothing here', 'nothing connects',
  "can't connect", 'cannot connect', "won't reach", 'keeps dropping', 'drops', 'dropping', 'dropouts', 'disconnecting', 'unstable', 'weak signal', 'really weak', 'so slow', 'too slow',
  "can't log in", 'cannot log in', "can't sign in", 'cannot sign in', 'locked out', "can't access", "won't open", "can't open", 'closes itself', 'closes by itself', 'keeps closing', 'frozen',
  'rescheduled twice', 'cancelled twice', 'moved twice', 'postponed twice', 'nobody calls back', 'no one calls back', 'nobody calls me back',
  'still waiting', 'been waiting', 'waiting since', 'someone answer', 'anyone answer', 'still nothing', 'still no', 'no answer', 'no reply', 'no response', 'nobody replied', 'nobody has replied', 'no one has replied', 'nobody has got back', 'anyone there', 'third time', '4th time',
  'second payment', 'two payments', 'identical charges', 'took it again', 'refund please', 'i want a refund', 'i want my money back',
  'tried to deliver', 'home all day', 'was in all day', 'should have arrived', 'was due yesterday', 'no card through the door', 'where is my order', 'where is my parcel',
  'unacceptable', 'terrible', 'awful', 'horrible', 'worst', 'rubbish', 'useless', 'ridiculous', 'disgraceful', 'appalling', 'fed up', 'sick of', 'disappointed', 'not impressed', 'not good enough', 'too long', 'far too long', "shouldn't have happened", 'thanks for nothing',
  'never showed up', "didn't show up", 'did not show up', 'no-show', 'never turned up', "didn't turn up", 'nobody came', 'no one came', 'nobody showed up', 'nobody turned up', 'never showed',
  // A device that restarts or dies by itself, goods that came broken: "The TV box keeps restarting every few minutes" and "Mi pedido llegó roto" read as uncertain.
  'keeps restarting', 'keeps rebooting', 'restarts itself', 'reboots itself', 'restarts by itself', 'reboots by itself', 'turns off by itself', 'keeps turning off', 'turns itself off', 'switches itself off', 'dead on arrival',
  // Blocked, short-changed, billed more or for what was paid: "The app won't let me pay my bill", "My broadband
  // speed is a fraction of what I pay for", "Why is my bill £20 higher this month?" read as uncertain.
  "won't let me", 'will not let me', "doesn't let me", 'fraction of what', 'fraction of the speed', 'bill is higher', 'higher this month', 'bill went up', 'bill has gone up', 'higher than usual', 'but i paid', 'i already paid',
  // A bill against what was agreed: "My bill says £45 but my plan is £30, why?" (four on the trial store), "Ich wurde diesen Monat doppelt belastet".
  'but my plan is', 'but my contract is', 'but my contract says', 'but i was told', 'but i was quoted', 'not what i was quoted', 'not what i signed up for',
  'doppelt belastet', 'zweimal belastet', 'preleve alors que', 'prelevee alors que', 'debite alors que',
  // ...or will not start at all: "The new hub won't power on" was product fault, uncertain in sentiment.
  "won't turn on", "won't switch on", "won't power on", "doesn't turn on", 'does not turn on', 'will not turn on', 'not turning on', "doesn't power on",
  "ne s'allume plus", "ne s'allume pas", 'geht nicht mehr an', 'no enciende', 'no se enciende', 'nao liga mais', 'non si accende',
  'arrived broken', 'arrived damaged', 'came broken', 'came damaged', 'arrived smashed', 'arrived cracked', 'arrived empty', 'have disappeared', 'has disappeared',
  // Something promised and not done, or a change not announced: "I was promised a call back yesterday and nobody called".
  "still hasn't", 'still has not', "still haven't", 'still have not', "hasn't come through", 'second time this', 'nobody called', 'no one called', 'never called back', 'nobody called back', 'nobody rang', 'nobody told me', 'no one told me', 'without telling', 'without warning', 'without any warning', 'nowhere near',
  // Slower, dearer or other than paid for, charged without cause, someone else in the account, calls not
  // wanted: "My speeds are way below what I'm paying for", "Why did you charge me an early termination fee?
  // I was out of contract", "I got someone else's bill in my account", "Please stop calling me with sales
  // offers", "Your new pricing is a joke" read as uncertain (a support lead reads each as a complaint).
  'very slow', 'really slow', 'painfully slow', 'way below', 'well below', 'far below', 'below what i', 'less than what i pay', 'a fraction of',
  'why did you charge', 'why have you charged', 'why was i charged', 'why am i being charged', 'charged me for a', 'being charged for', 'still paying for', 'that i returned', 'which i returned', 'i already returned', 'i already sent back', 'was out of contract', 'termination fee',
  "someone else's", "somebody else's", 'someone logged in', 'someone accessed', 'someone has accessed', 'unauthorised', 'unauthorized', 'hacked', 'not me who',
  'stop calling', 'stop texting', 'stop emailing', 'stop sending me', 'is a joke', 'what a joke', 'a complete joke',
  // A charge not recognised, support that cannot be reached: "On m'a facturé des frais que je ne connais pas",
  // "Non riesco a parlare con il servizio clienti da una settimana" read as uncertain in all five languages.
  "don't recognise", "don't recognize", 'do not recognise', 'do not recognize', "didn't authorise", "didn't authorize", 'never authorised', 'never authorized',
  "can't reach", 'cannot reach', 'unable to reach', "can't get through", 'cannot get through', "can't get hold of", 'impossible to reach',
  // Goods damaged, a device that hums or runs hot, stopped working, staff who were rude, paid and still charged, in
  // every language: "…la pantalla de la tablet está rajada", "A box faz um zumbido muito alto e fica mesmo quente",
  // "O comando deixou de funcionar", "Cobraram-me uma taxa por atraso mas eu paguei a tempo" read as neutral.
  'cracked', 'smashed', 'shattered', 'fissure', 'fissuree', 'gesprungen', 'zersprungen', 'rajada', 'rajado', 'agrietada', 'rachado', 'rachada', 'crepato', 'crepata', 'incrinato', 'incrinata',
  'buzzing', 'gets really hot', 'gets very hot', 'too hot to touch', 'bourdonnement', 'chauffe vraiment', 'chauffe trop', 'brummt', 'wird richtig heiss', 'wird sehr heiss', 'zumbido', 'se calienta', 'fica mesmo quente', 'fica muito quente', 'ronzio', 'si scalda',
  'ne marche plus', 'ne fonctionne plus', 'geht nicht mehr', 'dejado de funcionar', 'deixou de funcionar', 'smesso di funzionare', 'non funziona piu',
  ...STAFF_TREATMENT_TERMS,
  "alors que j'ai paye", 'aber ich hab bezahlt', 'aber ich habe bezahlt', 'pero pague', 'pero ya pague', 'mas eu paguei', 'mas paguei', 'ma ho pagato', 'ma avevo pagato',
  'alguien ha entrado', 'alguem entrou', 'qualcuno e entrato', 'continua a cadere', 'continua a cair', 'sigue cayendose', 'debolissimo', 'debolissima', 'muy debil', 'muito fraco', 'muito fraca',
  // fr
  'preleve deux fois', 'debite deux fois', 'facture deux fois', 'double prelevement', 'jamais recu', 'jamais arrive', "toujours pas arrive", "n'est toujours pas", 'toujours pas', 'toujours rien', 'toujours en attente',
  'encore une coupure', 'coupure', 'ca coupe', 'se coupe', 'instable', 'en attente de stock', 'erreur', 'bloquee', 'en panne', 'panne', 'ne marche pas', 'ne marche plus', 'ne fonctionne pas', 'ne fonctionne plus', 'plante', 'bloque', 'ne charge pas', 'impossible de me connecter', "n'arrive pas a me connecter", "impossible d'ouvrir", 'se ferme', "ne s'ouvre pas", "ne s'ouvre plus", 'ne se connecte',
  'je veux etre rembourse', 'remboursez-moi', 'aurait du arriver', 'devait arriver', 'chez moi toute la journee', 'ou est ma commande', 'ou est mon colis', 'quel desastre', 'aucune nouvelle',
  'inadmissible', 'inacceptable', 'honteux', 'nul', 'catastrophique', 'marre', 'decu', 'decue', 'trop long', "n'aurait jamais du", 'merci pour rien', 'personne ne repond', 'jamais venu', 'jamais passe', "personne n'est venu", "personne n'est passe", "n'est pas venu",
  "personne ne m'a rappele", "personne ne m'a prevenu", 'sans prevenir', 'personne ne rappelle', 'personne ne me rappelle', 'reporte deux fois', 'annule deux fois',
  'que je ne connais pas', 'que je ne reconnais pas', "je n'ai pas autorise", "n'arrive pas a joindre", 'impossible de joindre', 'injoignable',
  'coupe tous les', 'coupe chaque', 'saute tous les', 'saute chaque', 'redemarre toute seule', "s'eteint toute seule", 'tres faible', 'trop faible',
  'tres lent', 'tres lente', 'bien en dessous', "quelqu'un d'autre", "quelqu'un s'est connecte", 'pirate', 'arretez de m\'appeler', 'arretez de m\'envoyer', 'pourquoi avez-vous preleve', 'pourquoi ai-je ete preleve', 'frais de resiliation',
  'redemarre tout seul', 'redemarre sans arret', "s'eteint tout seul", 'arrive casse', 'arrivee cassee', 'arrive endommage', 'arrivee endommagee', 'arrive abime', 'arrivee abimee',
  // es
  'cobrado dos veces', 'cobraron dos veces', 'doble cobro', 'cargo duplicado', 'nunca llego', 'no ha llegado', 'no me ha llegado', 'sigue sin', 'sigo esperando', 'sin respuesta',
  'no funciona', 'se corta', 'inestable', 'atascado', 'error', 'no carga', 'se cae', 'se cuelga', 'caida', 'sin servicio', 'sin internet', 'sin conexion', 'no puedo entrar', 'no puedo iniciar sesion', 'se cierra', 'se bloquea', 'no se abre', 'no abre', 'no puedo abrir', 'se queda colgada',
  'quiero mi dinero', 'devolvedme', 'tenia que llegar', 'deberia haber llegado', 'donde esta mi pedido', 'que desastre', 'un desastre', 'ni una noticia', 'todo el dia en casa',
  'inaceptable', 'vergonzoso', 'pesimo', 'harto', 'harta', 'decepcionado', 'decepcionada', 'demasiado tiempo', 'no deberia haber pasado', 'nunca vino', 'no vino nadie', 'nadie vino', 'no ha venido nadie',
  'nadie me llamo', 'nadie me ha llamado', 'sin avisar', 'nadie me aviso', 'nadie me ha avisado', 'nadie me llama', 'nadie llama', 'nadie contesta', 'aplazado dos veces', 'cancelado dos veces',
  'que no reconozco', 'que no conozco', 'no autorice', 'no consigo hablar', 'no consigo contactar', 'no hay forma de hablar', 'imposible contactar',
  'no vino', 'no ha venido', 'no se presento', 'muy lento', 'muy lenta', 'muy baja', 'muy bajo', 'de otra persona', 'alguien entro', 'hackeado', 'hackeada', 'dejen de llamar', 'dejen de enviarme', 'por que me cobraron', 'por que me han cobrado',
  'se reinicia solo', 'se reinicia sola', 'se reinicia cada', 'se apaga solo', 'se apaga sola', 'llego roto', 'llego rota', 'llego danado', 'llego danada', 'llego vacio', 'llego vacia',
  // de
  'doppelt abgebucht', 'zweimal abgebucht', 'doppelt berechnet', 'nie angekommen', 'nicht angekommen', 'immer noch nicht', 'immer noch kein', 'warte immer noch', 'keine antwort', 'schon wieder',
  'funktioniert nicht', 'absturz', 'wo bleibt', 'steht still', 'bricht ab', 'bricht jeden', 'instabil', 'fehler', 'hangt', 'funktioniert nicht mehr', 'geht nicht', 'sturzt ab', 'abgesturzt', 'stoerung', 'storung', 'ausfall', 'kein internet', 'keine verbindung', 'kann mich nicht anmelden', 'komme nicht rein', 'sturzt', 'lasst sich nicht offnen',
  'bitte erstatten', 'geld zuruck', 'hatte gestern kommen sollen', 'sollte gestern', 'den ganzen tag zu hause', 'keine info', 'keine nachricht',
  'unverschamt', 'inakzeptabel', 'frechheit', 'schrecklich', 'enttauscht', 'zu lange', 'viel zu lange', 'nicht passieren durfen', 'nie gekommen', 'ist nicht gekommen', 'niemand kam', 'niemand ist gekommen',
  'niemand hat zuruckgerufen', 'niemand hat angerufen', 'ohne vorwarnung', 'ohne ankundigung', 'niemand hat mir bescheid gesagt', 'hat mir niemand bescheid gesagt',
  // …said in the present, or a date moved again: "mein Techniker-Termin wurde zweimal verschoben, niemand ruft zurück" read as uncertain.
  'niemand ruft zuruck', 'ruft niemand zuruck', 'niemand meldet sich', 'meldet sich niemand', 'zweimal verschoben', 'schon wieder verschoben', 'erneut verschoben',
  'die ich nicht kenne', 'die ich nicht erkenne', 'nicht autorisiert', 'nicht genehmigt', 'nicht erreichbar', 'niemanden erreicht', 'erreiche niemanden',
  'nicht gekommen', 'nicht erschienen', 'sehr langsam', 'extrem langsam', 'viel zu langsam', 'von jemand anderem', 'jemand hat sich eingeloggt', 'gehackt', 'horen sie auf', 'warum haben sie mir', 'warum wurde mir',
  'startet standig neu', 'startet immer wieder neu', 'startet dauernd neu', 'schaltet sich standig aus', 'schaltet sich von selbst aus', 'kaputt angekommen', 'beschadigt angekommen', 'defekt angekommen',
  // pt
  'cobrado duas vezes', 'cobraram duas vezes', 'cobranca duplicada', 'nunca chegou', 'nao chegou', 'ainda nao chegou', 'ainda nao', 'continuo esperando', 'sem resposta',
  'nao funciona', 'instavel', 'trava', 'erro', 'nao carrega', 'fecha sozinho', 'fecha quando', 'caiu', 'fora do ar', 'sem internet', 'sem sinal', 'nao consigo entrar', 'nao consigo acessar', 'bloqueada', 'bloqueado', 'nao abre', 'internet cai', 'cai a cada',
  'quero o meu dinheiro', 'quero reembolso', 'devia ter chegado', 'deveria ter chegado', 'onde esta o meu', 'onde esta minha', 'sem noticias', 'um desastre', 'resolvam',
  'inaceitavel', 'pessimo', 'pessima', 'horrivel', 'decepcionado', 'decepcionada', 'vergonha', 'nao devia ter acontecido', 'nunca apareceu', 'ninguem apareceu',
  'ninguem ligou', 'ninguem me ligou', 'sem avisar', 'ninguem me avisou', 'ninguem avisou', 'ninguem liga', 'ninguem me liga', 'ninguem responde', 'adiado duas vezes', 'cancelado duas vezes',
  'que nao reconheco', 'que nao conheco', 'nao autorizei', 'nao consigo falar', 'nao consigo contactar', 'nao consigo contatar',
  'nao veio', 'nao apareceu', 'muito lenta', 'muito lento', 'muito baixa', 'de outra pessoa', 'alguem entrou', 'hackeada', 'hackeado', 'parem de ligar', 'parem de me ligar', 'por que me cobraram',
  'reinicia sozinho', 'reinicia sozinha', 'desliga sozinho', 'desliga sozinha', 'chegou partido', 'chegou partida', 'chegou danificado', 'chegou danificada', 'chegou estragado', 'chegou estragada', 'chegou vazio', 'chegou vazia',
  // it
  'addebitato due volte', 'doppio addebito', 'mai arrivato', 'non e arrivato', 'non e ancora arrivato', 'ancora niente', 'ancora nessuna', 'sto ancora aspettando',
  'non funziona', 'instabile', 'errore', 'bloccato', 'si interrompe', 'non carica', 'si blocca', 'si chiude', 'crasha', 'guasto', 'disservizio', 'senza internet', 'non riesco ad accedere', 'non riesco a entrare', 'bloccata', 'non si apre',
  'doveva arrivare', 'dove e il mio', 'nessuna notizia', 'un disastro',
  'inaccettabile', 'vergogna', 'pessimo', 'deluso', 'delusa', 'troppo tempo', 'non doveva succedere', 'mai venuto', 'non e venuto nessuno', 'nessuno e venuto',
  'nessuno mi ha richiamato', 'nessuno ha chiamato', 'senza avvisare', 'nessuno richiama', 'nessuno mi richiama', 'nessuno risponde', 'rinviato due volte', 'annullato due volte',
  // Nobody came, nobody said: "il tecnico doveva venire oggi … ma non si è visto nessuno. Nessuno mi ha avvisato." read as positive (0.58).
  'non si e visto nessuno', 'non si e visto', 'nessuno si e visto', 'nessuno mi ha avvisato', 'non mi ha avvisato nessuno', 'nessuno ci ha avvisato',
  'che non conosco', 'che non riconosco', 'non autorizzato', 'non riesco a parlare', 'non riesco a contattare', 'irraggiungibile',
  'si disconnette', 'si scollega', 'salta la connessione', 'cade la connessione', 'bassissima', 'bassissimo',
  'non e venuto', 'non si e presentato', 'molto lenta', 'molto lento', 'lentissima', 'lentissimo', 'di un altro', "qualcuno e entrato", 'hackerato', 'smettetela di chiamare', 'smettete di chiamarmi', 'perche mi avete addebitato',
  'si riavvia da solo', 'si riavvia di continuo', 'si spegne da solo', 'si spegne da sola', 'arrivato rotto', 'arrivata rotta', 'arrivato danneggiato', 'arrivata danneggiata', 'arrivato vuoto', 'arrivata vuota',
  // ko
  '두 번 결제', '이중 결제', '두번 결제', '안 왔', '안왔', '아직도', '아직 안', '답변이 없', '답장이 없', '또 끊', '끊겨', '끊기', '먹통', '오류', '장애', '안 돼요', '안돼요', '튕겨', '꺼져', '로그인이 안', '최악', '실망', '너무 오래',
  // th
  'ตัดเงินสองครั้ง', 'เก็บเงินซ้ำ', 'ยังไม่ได้รับ', 'ยังไม่มา', 'ยังไม่ได้', 'ล่ม', 'ใช้ไม่ได้', 'เข้าไม่ได้', 'หลุด', 'ค้าง', 'เน็ตหลุด', 'แย่', 'ผิดหวัง', 'นานเกินไป', 'อีกแล้ว',
])

/**
 * Praise in so many words: "Apoio no WhatsApp excelente, rápido e simpático." read as other. Words that
 * judge, not thanks, which a message with a problem opens with too ("thanks in advance"); a negative
 * message that uses them is a complaint (withNegativeSentiment). Not a sentiment cue: irony uses them too.
 */
const PRAISE_TERMS = termMatcher([
  'excellent', 'amazing', 'awesome', 'brilliant', 'fantastic', 'great service', 'great job', 'well done', 'super helpful', 'so helpful', 'five stars', 'kudos', 'impressed',
  'genial', 'au top', 'bravo', 'hervorragend', 'ausgezeichnet', 'toller service', 'super service', 'excelente', 'estupendo', 'increible', 'otimo', 'adorei', 'impecavel',
  'eccellente', 'ottimo', 'fantastico', 'bravissimi',
  // …a team or a person: "Vous êtes géniaux, le technicien d'hier a été trop serviable" read as the appointment's, uncertain.
  'geniaux', 'spitze', 'unos cracks', 'incriveis', 'fantastici', 'good job', 'nice job', 'bon travail', 'gute arbeit', 'buen trabajo', 'bom trabalho', 'ottimo lavoro', 'de excelencia',
  'trop serviable', 'tres serviable', 'so hilfsbereit', 'sehr hilfsbereit', 'super atento', 'muy atento', 'muy atenta', 'super prestavel', 'muito prestavel', 'super disponibile', 'molto disponibile',
  // A thing (feminine in French, Spanish, Italian) judged: "Votre nouvelle appli TV est géniale", "La nuova app TV è fantastica".
  'geniale', 'fantastique', 'fantastica', 'ottima', 'estupenda', 'excelentes', 'una pasada', 'e brutal', 'esta brutal',
  // Nothing went wrong, said as a judgement: "atención de 10" (a thing that works well is workingWellCue's).
  'spot on', 'sans faille', 'irreprochable', 'de 10', 'de diez', 'sin fallos',
  // Judging the person who came: "El técnico fue puntual y muy amable" is praise of a visit, not about one.
  'punctual', 'very friendly', 'so friendly', 'super friendly', 'tres aimable', 'sehr freundlich', 'puntual', 'muy amable', 'pontual', 'muito simpatico', 'puntuale', 'gentilissimo', 'gentilissima',
])

/** A judgement of what would be, which is a wish: "Estaría genial que la app dejara pausar el wifi" read as positive praise. */
const WISHED_FOR = /(?<![\p{L}])(?:would be|it'd be|that'd be|ce serait|serait|ware|waere|estaria|seria|sarebbe)\s+(?:[\p{L}]+\s+)?(?:great|genial|geniale|top|bello|bien|toll|super|nice|fantastic|awesome|amazing|otimo|ottimo|perfect|perfecto|perfeito|perfetto|brilliant|excellent|excelente|eccellente)(?![\p{L}])/gu
/** A judgement denied: "…still not here. Not impressed." read as praise (then a complaint) and left its delivery case. */
const DENIED = /(?<![\p{L}])(?:not|never|hardly|nicht|nie|pas|jamais|no|nunca|nao|non|mai)\s+(?:so|very|that|too|really|sehr|so|tres|si|muy|tan|muito|tao|molto|cosi)?\s*[\p{L}']+/gu
export const praiseCue = (folded: string): boolean => PRAISE_TERMS(folded.replace(WISHED_FOR, ' ').replace(DENIED, ' '))

/**
 * Something works, and well, in so many words: "Das Internet läuft einwandfrei seit dem Techniker-Besuch,
 * danke" read as connectivity and negative, and "The wifi has been perfect since the new router, thanks"
 * as connectivity. A message that also complains, or says "not", is not one (workingWellCue): "it's not
 * working again", "geht wieder nicht".
 */
const WORKING_WELL_TERMS = termMatcher([
  'working again', 'works again', 'working fine now', 'works fine now', 'working perfectly', 'works perfectly', 'working great', 'works great', 'working well now',
  'has been perfect', 'been perfect since', 'perfect since', 'back to normal', 'all good now', 'all sorted now', 'faultless', 'flawless', 'rock solid',
  'fonctionne a nouveau', 'fonctionne de nouveau', 'marche a nouveau', 'marche de nouveau', 'remarche', 'fonctionne parfaitement', 'marche parfaitement', 'impeccable depuis', 'parfait depuis', 'tout fonctionne',
  'funktioniert wieder', 'geht wieder', 'lauft wieder', 'funktioniert einwandfrei', 'lauft einwandfrei', 'funktioniert perfekt', 'lauft perfekt', 'lauft stabil', 'einwandfrei', 'tadellos',
  'ya funciona', 'vuelve a funcionar', 'funciona perfectamente', 'funciona de maravilla', 'funciona genial', 'todo funciona', 'impecable',
  'ja funciona', 'voltou a funcionar', 'funciona perfeitamente', 'esta tudo a funcionar', 'tudo a funcionar', 'tudo funcionando', 'impecavel',
  'funziona di nuovo', 'ora funziona', 'adesso funziona', 'funziona perfettamente', 'funziona tutto', 'impeccabile',
  // …said casually: "le nouveau forfait marche super bien", "der neue Tarif läuft super", "va alla grande".
  // …or better than it was: "Big thanks to the engineer who came out today. Wifi is faster than ever. 😊"
  'faster than ever', 'better than ever', 'quicker than ever', 'plus rapide que jamais', 'mieux que jamais', 'schneller als je', 'besser als je', 'besser denn je',
  'mas rapido que nunca', 'mejor que nunca', 'mais rapido do que nunca', 'mais rapida do que nunca', 'melhor do que nunca', 'piu veloce che mai', 'meglio che mai',
  'working really well', 'works really well', 'marche super bien', 'marche tres bien', 'fonctionne super bien', 'fonctionne tres bien', 'lauft super', 'funktioniert super',
  'va genial', 'funciona muy bien', 'a funcionar lindamente', 'funciona lindamente', 'funciona muito bem', 'va alla grande', 'funziona alla grande', 'funziona benissimo',
  // ...or the customer says they are pleased with it: "Ich bin seit 10 Jahren Kunde und sehr zufrieden" read as a
  // negative complaint, "Je suis client depuis 10 ans et très satisfait" as other.
  'very happy with', 'so happy with', 'really happy with', "i'm very happy", 'very satisfied', 'really satisfied', 'keep it up', 'keep up the good work',
  'tres satisfait', 'tres satisfaite', 'tres content', 'tres contente', 'continuez comme ca', 'sehr zufrieden', 'super zufrieden', 'total zufrieden', 'weiter so',
  'muy contento', 'muy contenta', 'muy satisfecho', 'muy satisfecha', 'seguid asi', 'muito satisfeito', 'muito satisfeita', 'muito contente', 'continuem assim',
  'molto soddisfatto', 'molto soddisfatta', 'molto contento', 'molto contenta', 'continuate cosi',
])
/** Words that undo a working-well phrase near them ("not working again", "geht wieder nicht"). */
const NEGATION = termMatcher(['not', "n't", 'no', 'never', 'nicht', 'kein', 'keine', 'nao', 'non', 'pas', 'plus', 'jamais', 'nunca', 'mai'])

/** The customer says something works well now, and nothing in the message complains. */
export function workingWellCue(folded: string): boolean {
  const said = folded.replace(NOTHING_WRONG_ALL, ' ')
  // Asked, it is no statement: "Will my Mac Pro boot with no problems?".
  const nothingWrong = NOTHING_WRONG_ONE.test(folded.replace(/[^.!?]*\?/g, ' '))
  return (WORKING_WELL_TERMS(folded) || nothingWrong) && !COMPLAINT_CUES(said) && !NEGATION(said.replace(/n't/g, " n't"))
}

/**
 * Nothing wrong, said with a "no": "faultless so far. Great speeds, no complaints" read as connectivity,
 * as its "no" undid the working-well phrase. These say something works well, and are no negation.
 */
const NOTHING_WRONG = String.raw`(?<![\p{L}])(?:no complaints|no problems|no issues|not a single problem|never had a problem|nothing to complain about|pas de souci|aucun souci|aucun probleme|keine probleme|keinerlei probleme|sin problemas|ningun problema|sem problemas|nenhum problema|nessun problema)(?![\p{L}])`
const NOTHING_WRONG_ALL = new RegExp(NOTHING_WRONG, 'gu')
const NOTHING_WRONG_ONE = new RegExp(NOTHING_WRONG, 'u')

/**
 * A statement that something is not, does not or never did, in every supported language: with the intent of
 * a problem, it is the problem reported ("J'ai rechargé vingt euros et le crédit s'affiche pas", "O comando
 * não responde de todo", "No puedo restablecer la contraseña, el código no llega nunca" read as neutral). A
 * question is not one ("Is it normal that it doesn't charge?" may be asked calmly), nor "no complaints".
 */
const STATED_NEGATION = termMatcher([
  'not', "n't", 'never', 'no', 'nothing', 'nobody', 'cannot',
  'pas', 'jamais', 'rien', 'aucun', 'aucune',
  'nicht', 'kein', 'keine', 'keinen', 'nie', 'niemand', 'nichts',
  'nada', 'nadie', 'nunca', 'ningun', 'ninguna',
  'nao', 'ninguem', 'nenhum', 'nenhuma',
  'non', 'nessuno', 'niente', 'nulla',
])
export const saysNot = (folded: string) => STATED_NEGATION(folded.replace(NOTHING_WRONG_ALL, ' ').replace(/n't/g, " n't"))
export function negatedStatement(folded: string): boolean {
  return !folded.includes('?') && saysNot(folded)
}

/**
 * A plain request, asked: "Is it possible to suspend my contract for two months?" read as negative (0.51),
 * "Posso sospendere il mio abbonamento per due mesi?" as positive (0.54). Asking whether or how something
 * can be done says nothing of how the customer feels; a complaint or a thank-you in it still does.
 */
const REQUEST_OPENERS = termMatcher([
  'can i', 'could i', 'may i', 'can we', 'could we', 'is it possible', 'how do i', 'how can i', 'is there a way', 'do you offer', 'would it be possible',
  'puis-je', 'est-ce que je peux', 'est-il possible', 'est ce possible', 'comment puis-je', 'comment faire pour', 'pourrais-je',
  'kann ich', 'konnte ich', 'ist es moglich', 'wie kann ich', 'gibt es eine moglichkeit', 'darf ich',
  'puedo', 'podria', 'es posible', 'como puedo', 'se puede', 'hay forma de', 'hay manera de',
  'posso', 'e possivel', 'como posso', 'da para', 'seria possivel',
  'e possibile', 'come posso', 'si puo', 'sarebbe possibile', 'potrei',
  // A wish and the way to it: "je souhaite résilier mon abonnement, je déménage à l'étranger. Quelle est la procédure ?" read as positive (0.53).
  // Not "I'd like to": "@united I'd like to know why…?" is a complaint, and the airline eval's ranking of United's reasons flipped.
  'what is the procedure', 'what is the process', 'je souhaite', 'je voudrais', 'quelle est la procedure', 'quelle est la marche a suivre',
  'ich mochte', 'wie ist das vorgehen', 'quisiera', 'me gustaria', 'cual es el procedimiento', 'gostaria de', 'qual e o procedimento', 'vorrei', 'qual e la procedura',
])
/** Anger typed rather than said: "!!", the faces customers use for it, and "Can I just cancel?" after weeks of waiting. */
const TYPED_ANGER = /!!|[\u{1F620}\u{1F621}\u{1F624}\u{1F612}\u{1F644}\u{1F92C}]|(?:can|could) (?:i|we) just /u

export function plainRequestCue(folded: string): boolean {
  return REQUEST_OPENERS(folded) && plainQuestion(folded)
}

/**
 * A voice note transcribed, or a message typed in one breath, has no stop and no question mark: its question
 * is in its words ("can i move the installation to thursday cos im working that day"). Dev messages written
 * so lost 9 points of sentiment's sure share.
 */
const UNPUNCTUATED_MIN_WORDS = 8
const unpunctuated = (folded: string) => !/[.!?。！？¿]/.test(folded) && folded.split(/\s+/).length >= UNPUNCTUATED_MIN_WORDS
/** How a question opens, said without its mark: "do you have the black one", "est-ce que vous êtes ouverts le dimanche". */
const QUESTION_OPENERS = termMatcher([
  'do you', 'does it', 'does the', 'is there', 'are there', 'are you', 'how much', 'how long', 'what time', 'which plan',
  'est-ce que', 'est ce que', 'combien coute', 'combien ca coute', 'vous avez', 'gibt es', 'habt ihr', 'haben sie', 'was kostet', 'wie viel kostet', 'wie lange',
  'tienen', 'teneis', 'cuanto cuesta', 'cuanto sale', 'a que hora', 'voces tem', 'tem como', 'quanto custa', 'quanto fica', 'que horas', 'avete', 'quanto costa', 'a che ora',
])
/** Whether the message asks: with a question mark, or in an unpunctuated message with a request's or a question's words. */
export const asks = (folded: string) => folded.includes('?') || (unpunctuated(folded) && (REQUEST_OPENERS(folded) || QUESTION_OPENERS(folded)))

/** A question with no complaint or anger in it: what a request says, whatever words open it. */
export function plainQuestion(folded: string): boolean {
  return asks(folded) && !TYPED_ANGER.test(folded) && !COMPLAINT_CUES(folded) && !ESCALATION_CUES(folded)
}

/** …and without a "not" either: "Is it normal that it doesn't charge?" may be a problem asked about calmly. */
export function plainQuestionWithoutNegation(folded: string): boolean {
  return plainQuestion(folded) && !saysNot(folded)
}

/** Politeness formulas that are not gratitude for anything yet. */
const ADVANCE_THANKS = termMatcher([
  'thanks in advance', 'thank you in advance', 'thanks in adv', 'merci d\'avance', 'merci par avance', 'merci de faire vite', 'gracias de antemano', 'gracias por adelantado',
  'danke im voraus', 'vielen dank im voraus', 'herzlichen dank im voraus', 'besten dank im voraus', 'desde ja obrigad', 'obrigado desde ja', 'obrigada desde ja', 'grazie in anticipo', 'grazie anticipatamente',
])

/** Gratitude or a compliment. */
export const THANKS_CUES = termMatcher([
  'thanks', 'thank you', 'thx', 'cheers', 'much appreciated', 'appreciate it', 'big thanks', 'shout out', 'shoutout', 'well done', 'great service', 'brilliant', 'amazing', 'awesome', 'excellent', 'fantastic', 'love the', 'love it', 'so helpful', 'really helpful',
  'merci', 'bravo', 'au top', 'parfait', 'gracias', 'excelente', 'perfecto', 'danke', 'vielen dank', 'herzlichen dank', 'besten dank', 'tausend dank', 'dankeschon', 'toll', 'klasse', 'prima', 'obrigado', 'obrigada', 'otimo', 'perfeito', 'adorei', 'grazie', 'ottimo', 'perfetto', 'bravissimi',
  '감사', '고맙', '최고', '친절', 'ขอบคุณ', 'ดีมาก', 'เยี่ยม',
])

/** Words of thanks customers type in a hurry: matched with one slip (a letter missing, extra, wrong or swapped). */
const THANKS_WORDS = ['thanks', 'thank', 'cheers', 'merci', 'gracias', 'danke', 'obrigado', 'obrigada', 'grazie', 'perfect', 'brilliant']
/** Real words one slip away from a word of thanks. */
const NEAR_THANKS = new Set(['think', 'thinks', 'thing', 'things', 'thane', 'dance', 'graze', 'cheeks', 'cheeses', 'merch', 'mercy', 'tank', 'tanks', 'than'])
const MIN_FUZZY_LENGTH = 4
/** Only short messages: in a long one a near-miss is more likely another word. */
const MAX_FUZZY_WORDS = 8

/** Optimal string alignment distance, stopping early above 1. */
function withinOneSlip(a: string, b: string): boolean {
  // One edit at most (a substitution, an adjacent swap, a letter added or dropped), checked from the
  // first difference without the full distance matrix: this runs for every word of every short message.
  if (a.length < b.length) [a, b] = [b, a]
  if (a.length - b.length > 1) return false
  let i = 0
  while (i < b.length && a[i] === b[i]) i++
  if (i === a.length) return true
  if (a.length !== b.length) return a.slice(i + 1) === b.slice(i)
  if (a.slice(i + 1) === b.slice(i + 1)) return true
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

function misspeltThanks(folded: string): boolean {
  const words = folded.split(/[^\p{L}]+/u).filter(Boolean)
  if (words.length > MAX_FUZZY_WORDS) return false
  return words.some((w) => w.length >= MIN_FUZZY_LENGTH && !NEAR_THANKS.has(w) && THANKS_WORDS.some((t) => withinOneSlip(w, t)))
}

/** A thank-you that is not a politeness formula ahead of a request. */
export function thanksCue(folded: string): boolean {
  if (!THANKS_CUES(folded) && !misspeltThanks(folded)) return false
  // "Thanks in advance" alone is a sign-off, not gratitude: look for thanks elsewhere in the text.
  return !ADVANCE_THANKS(folded) || THANKS_CUES(ADVANCE_THANKS_STRIP(folded)) || misspeltThanks(ADVANCE_THANKS_STRIP(folded))
}
const ADVANCE_THANKS_STRIP = (folded: string) =>
  folded.replace(/(thanks?|thank you|merci|gracias|danke|(?:vielen|herzlichen|besten) dank|obrigad[oa]|grazie)\s+(in advance|in adv|d'avance|par avance|de faire vite|de antemano|por adelantado|im voraus|desde ja|in anticipo|anticipatamente)/g, ' ')
    .replace(/desde ja obrigad[oa]/g, ' ')

/**
 * Closers after an agent's answer that expect nothing back: "I'll try that", "I'll let you know", and
 * after-the-fact grumbles about a fixed problem ("took far too long", "shouldn't have happened").
 */
export const CLOSING_CUES = termMatcher([
  "i'll try that", 'i will try that', "i'll try it", 'will give it a go', 'give it a go', "i'll let you know", 'will let you know', "i'll give that a try",
  'je vais essayer', 'je teste', 'ok je teste', 'je vous tiens au courant', 'lo pruebo', 'lo intento', 'lo probare', 'te aviso', 'probiere ich aus', 'teste ich', 'ich probiere es', 'melde mich',
  'vou tentar', 'vou testar', 'provo subito', 'ci provo', 'vi faccio sapere', '해볼게요', '해 볼게요', 'ลองดู',
  "shouldn't have happened", 'should not have happened', 'not good enough', 'took far too long', 'took too long', 'too long to sort', 'not impressed with how long',
  "n'aurait jamais du arriver", "c'est trop long", 'no deberia haber pasado', 'demasiado tiempo para', 'nicht passieren durfen', 'viel zu lange gedauert',
  'nao devia ter acontecido', 'non doveva succedere', '너무 오래 걸렸', 'นานเกินไป',
])

/**
 * The customer asks for someone above the agent, or says they have explained it before: "I want to speak
 * to a manager, this is ridiculous. Third time I'm explaining the same thing." got "Thanks for the
 * feedback! We've passed it to our app team".
 */
const ASKS_SOMEONE_ELSE = termMatcher([
  // en
  'speak to a manager', 'speak to your manager', 'speak with a manager', 'talk to a manager', 'speak to the manager', 'speak to a supervisor', 'talk to a supervisor',
  'speak with a supervisor', 'speak to someone senior', 'speak to a human', 'talk to a human', 'speak to a real person', 'talk to a real person', 'escalate this',
  'escalate my', 'formal complaint', 'complaints department',
  // fr, es, de, pt, it
  'parler à un responsable', 'parler à un superviseur', 'parler à un humain', 'réclamation officielle',
  'hablar con un supervisor', 'hablar con un responsable', 'hablar con un gerente', 'hablar con una persona', 'hoja de reclamaciones', 'reclamación formal',
  'mit einem vorgesetzten', 'ihren vorgesetzten', 'mit einem menschen', 'offizielle beschwerde',
  'falar com um supervisor', 'falar com um gerente', 'falar com o responsável', 'falar com uma pessoa', 'livro de reclamações',
  'parlare con un responsabile', 'parlare con un supervisore', 'parlare con una persona', 'reclamo formale',
])

/** The customer says they have explained the case before: "Third time I'm explaining the same thing". */
export const REPEATED_CUES = termMatcher([
  'third time i', 'fourth time i', 'fifth time i', 'repeating myself', 'repeat myself', 'explaining the same',
  'already explained', 'explained this twice', 'explained it twice', 'explained it already', 'told you already',
  'je me répète', 'pour la troisième fois', "j'ai déjà expliqué", 'zum dritten mal', 'schon erklärt', 'bereits erklärt',
  'por tercera vez', 'ya lo expliqué', 'lo he explicado', 'pela terceira vez', 'já expliquei', 'per la terza volta', 'ho già spiegato', 'già spiegato',
])

export const ESCALATION_CUES = (folded: string): boolean => ASKS_SOMEONE_ELSE(folded) || REPEATED_CUES(folded)

/**
 * "Don't want to cancel", said: the word names what the customer does not want. "I don't want to cancel,
 * I just want a cheaper plan" read as a cancellation (0.99) and flagged cancellation_terms. Accented or
 * folded text alike.
 */
const NEGATED_CANCELLATION = /(?<![\p{L}])(?:don['’]?t|do not|doesn['’]?t|does not|not|never|no need to|without|rather not|rather than|wouldn['’]?t|won['’]?t|instead of|ne (?:veux |voudrais )?pas|sans|no quiero|sin|nicht|ohne|não quero|nao quero|sem|non voglio|senza)\s+(?:(?:want|wanna|need|going|plan(?:ning)?|looking|trying)\s+(?:to\s+)?)?(?:cancel(?:l?ing|l?ed)?|cancellation|r[ée]silier|annuler|cancelar|darme de baja|k[üu]ndigen|stornieren|cancelamento|disdire|annullare)(?![\p{L}])/giu

/** The text without what it says the customer does not want to cancel. */
export function withoutNegatedCancellation(text: string): string {
  return text.replace(NEGATED_CANCELLATION, ' ')
}
