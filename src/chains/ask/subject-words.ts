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
]

const FORMS = new Map<string, readonly string[]>()
for (const line of SAME_THING) for (const word of line) FORMS.set(word, line)

/** The names of the thing a word names, the word first; the word alone when it is not listed. */
export function namesOf(word: string): string[] {
  const line = FORMS.get(word.toLowerCase())
  return line ? [word, ...line.filter((w) => w !== word.toLowerCase())] : [word]
}

/** A full-text query (websearch syntax) for any name of the thing a word names. */
export function anyNameQuery(word: string): string {
  return namesOf(word).join(' or ')
}

/**
 * A mentions filter in words: each thing by the first of its names the filter lists ("mentioning
 * "wlan" or any of its names in other languages"), other words as they are.
 */
export function describeMentions(mentions: string): string {
  const shown: string[] = []
  const things = new Set<readonly string[]>()
  let translated = false
  for (const word of mentions.split(' or ')) {
    const thing = FORMS.get(word.toLowerCase())
    if (thing && things.has(thing)) {
      translated = true
      continue
    }
    if (thing) things.add(thing)
    shown.push(`"${word}"`)
  }
  return `mentioning ${shown.join(' or ')}${translated ? ` (or ${shown.length === 1 ? 'its names' : 'their names'} in other languages)` : ''}`
}
