// The same thing named in the languages the local planner reads. A leader asking "Wie viele
// Beschwerden über das WLAN?" was answered with the one message that says "WLAN" (the demo has 84
// wifi conversations, in five languages), and "Quantas mensagens sobre o aplicativo?" with none: a
// question's word for a thing names the thing, whatever language the customers wrote in, and the
// weekly themes are labelled in English. Everyday product words only; intents have their own words
// (INTENT_SYNONYMS in planner-local.ts), and a word not listed stands for itself.

/** Each line: one thing, English first (what theme labels are written in), then its other names. */
const SAME_THING: readonly string[][] = [
  ['app', 'apps', 'appli', 'applis', 'application', 'applications', 'aplicación', 'aplicacion', 'aplicativo', 'aplicação', 'applicazione', 'anwendung'],
  ['wifi', 'wi-fi', 'wlan'],
  ['router', 'routeur', 'enrutador', 'roteador', 'modem'],
  ['remote', 'télécommande', 'telecommande', 'fernbedienung', 'mando', 'telecomando'],
  ['update', 'updates', 'actualización', 'actualizacion', 'atualização', 'atualizacao', 'aggiornamento', 'aktualisierung'],
  ['price', 'prices', 'prix', 'preis', 'preise', 'preiserhöhung', 'preiserhöhungen', 'precio', 'precios', 'preço', 'preços', 'prezzo', 'prezzi'],
  // Not the Spanish "red" (a red light) nor the Portuguese "conta" (a bill).
  ['network', 'réseau', 'netz', 'netzwerk', 'rede', 'rete'],
  ['speed', 'vitesse', 'geschwindigkeit', 'velocidad', 'velocidade', 'velocità'],
  ['screen', 'écran', 'bildschirm', 'pantalla', 'tela', 'schermo'],
  ['phone', 'téléphone', 'telefon', 'handy', 'teléfono', 'móvil', 'telefone', 'celular', 'telefono'],
  ['website', 'site', 'webseite', 'sitio', 'página', 'sito'],
  ['order', 'orders', 'commande', 'commandes', 'bestellung', 'pedido', 'pedidos', 'ordine'],
  ['account', 'compte', 'konto', 'cuenta', 'profilo'],
  ['contract', 'contrat', 'vertrag', 'contrato', 'contratto'],
  ['card', 'carte', 'karte', 'tarjeta', 'cartão'],
  ['battery', 'batterie', 'akku', 'batería', 'bateria', 'batteria'],
  ['tv', 'télé', 'télévision', 'fernsehen', 'fernseher', 'televisión', 'tele', 'televisão', 'televisione'],
  ['email', 'e-mail', 'courriel', 'correo', 'mail'],
  ['signal', 'signale', 'señal', 'sinal', 'segnale'],
  // The support people get, as against the service they pay for ("still has no service"): see SUPPORT_PHRASES.
  ['support', 'customer service', 'customer support', 'customer care', 'support team', 'helpdesk', 'help desk', 'live chat', 'on hold',
    'service client', 'kundenservice', 'kundendienst', 'atención al cliente', 'servicio al cliente', 'soporte', 'atendimento', 'suporte',
    'assistenza clienti', 'servizio clienti',
    // …and the people who give it: "examples of customers praising our agents" searched for "agents", which customers never write.
    'agent', 'agents', 'staff', 'advisor', 'advisors', 'adviser', 'advisers', 'representative', 'representatives', 'conseiller', 'conseillère', 'conseillers',
    'mitarbeiter', 'mitarbeiterin', 'servicemitarbeiter', 'kundenberater', 'agente', 'agentes', 'asesor', 'asesores', 'atendente', 'atendentes', 'operatore', 'operatori', 'operatrice'],
]

/**
 * How a question names the support itself: "What do people think of our customer service?" counted the
 * four messages saying "service", one of them a home with no service; "support" names all of these.
 */
const SUPPORT_PHRASES = /(?<![\p{L}])(?:(?:customer|client) (?:service|support|care)|(?:your|the|our) (?:support|service) team|support team|help ?desk|service (?:client|clients|clientèle)|kundenservice|kundendienst|atenci[óo]n al cliente|servicio al cliente|atendimento(?: ao cliente)?|assistenza clienti|servizio clienti)(?![\p{L}])/giu

/**
 * Whether the word names the support rather than a product or a problem: customers of any theme say
 * they were "on hold" or tried the "live chat", so a theme is about it only when its label says so.
 */
export function namesSupport(word: string): boolean {
  return FORMS.get(word.toLowerCase())?.[0] === 'support'
}

/**
 * The question with each phrase that names the support replaced by the word "support", except those a
 * workspace's own labels use (airline_dev's intent "Customer Service Issue" is read as that intent).
 */
export function withSupportNamed(question: string, labelled: (phrase: string) => boolean = () => false): string {
  return question.replace(SUPPORT_PHRASES, (phrase) => (labelled(phrase) ? phrase : 'support'))
}

const FORMS = new Map<string, readonly string[]>()
for (const line of SAME_THING) for (const word of line) FORMS.set(word, line)

/** The names of the thing a word names, the word first; the word alone when it is not listed. */
export function namesOf(word: string): string[] {
  const line = FORMS.get(word.toLowerCase())
  return line ? [word, ...line.filter((w) => w !== word.toLowerCase())] : [word]
}

/** A full-text query (websearch syntax) for any name of the thing a word names; a name of several words is a phrase. */
export function anyNameQuery(word: string): string {
  return namesOf(word).map((name) => (name.includes(' ') ? `"${name}"` : name)).join(' or ')
}

/**
 * The words a mention filter shows ("router" or "wifi"), whether other languages' names of the same things
 * were searched too, and whether it is the support (searched by its phrases more than by words).
 */
export function mentionParts(mentions: string): { words: string[]; translated: boolean; support: boolean } {
  const shown: string[] = []
  const things = new Set<readonly string[]>()
  let translated = false
  for (const word of mentions.split(' or ')) {
    const thing = FORMS.get(word.replace(/^"|"$/g, '').toLowerCase())
    if (thing && things.has(thing)) {
      translated = true
      continue
    }
    if (thing) things.add(thing)
    shown.push(word)
  }
  return { words: shown, translated, support: shown.length === 1 && [...things].some((thing) => thing[0] === 'support') }
}

/**
 * A mentions filter in words: each thing by the first of its names the filter lists ("mentioning
 * "wlan" or any of its names in other languages"), other words as they are.
 */
export function describeMentions(mentions: string): string {
  const { words, translated, support } = mentionParts(mentions)
  const shown = words.map((w) => `"${w}"`)
  // The support goes by phrases more than by other languages' words: say which.
  const others = support ? '"customer service", "live chat", "on hold" and the like, in any language' : `${shown.length === 1 ? 'its names' : 'their names'} in other languages`
  return `mentioning ${shown.join(' or ')}${translated ? ` (or ${others})` : ''}`
}
