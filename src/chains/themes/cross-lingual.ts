// The product and care words a French, a German and an English customer use for the same problem,
// mapped to one English word: "appli" and "Anwendung" are the "app", "WLAN" is "wifi", "facture" and
// "Rechnung" a "bill". Small on purpose: only words that name a product, a fault or a care process and
// mean the same in every context; a word with a second everyday sense ("fecha": closes / date,
// "connexion": login / connection) is left out, so a join on it is never a coincidence.

const SYNONYMS: Record<string, string[]> = {
  app: ['app', 'apps', 'appli', 'applis', 'applicazione', 'aplicación', 'aplicacion', 'aplicativo', 'aplicação', 'anwendung', '앱', '앱이', '앱을', '앱은', '앱에서', 'แอป'],
  crash: ['crash', 'crashes', 'crashing', 'crashed', 'plante', 'planté', 'plantage', 'stürzt', 'absturz', 'abgestürzt', 'crasha', 'chiude', 'cierra', '꺼져요'],
  freeze: ['freeze', 'freezes', 'freezing', 'frozen', 'bloquée', 'bloqué', 'bloqueada', 'bloqueado', 'bloccata', 'bloccato', 'hängt', 'congelada', '멈춰요'],
  update: ['update', 'updated', 'updating', 'mise', 'aktualisierung', 'aggiornamento', 'actualización', 'actualizacion', 'atualização', 'atualizacao', '업데이트'],
  login: ['login', 'log-in', 'signin', 'connecte', 'connecter', 'anmelden', 'anmeldung', 'einloggen'],
  screen: ['screen', 'écran', 'bildschirm', 'schermo', 'pantalla', 'ecrã', 'tela', '화면'],
  wifi: ['wifi', 'wi-fi', 'wlan', '와이파이'],
  router: ['router', 'routeur', 'modem', 'hub', 'rotuer', '공유기'],
  restarted: ['restarted', 'restart', 'rebooted', 'reboot', 'redémarré', 'redémarrer', 'redémarre', 'reiniciado', 'reiniciei', 'reiniciar', 'riavviato', 'neugestartet'],
  light: ['light', 'voyant', 'spia', 'lämpchen'],
  dropout: ['dropout', 'dropouts', 'dropping', 'drops', 'disconnecting', 'coupure', 'coupures', 'cortando', 'abbrüche'],
  upstairs: ['upstairs', 'étage'],
  broadband: ['broadband', 'fibre', 'fiber', 'fibra', 'glasfaser'],
  bill: ['bill', 'bills', 'billed', 'billing', 'facture', 'factures', 'rechnung', 'factura', 'fattura', 'fatura'],
  charged: ['charged', 'prélevé', 'prélèvement', 'abgebucht', 'cobrado', 'cobrada', 'addebitato', 'cobrou'],
  twice: ['twice', 'zweimal', 'doppelt'],
  refund: ['refund', 'refunded', 'remboursé', 'rembourser', 'remboursement', 'rückerstattung', 'erstattung', 'reembolso', 'rimborso'],
  delivery: ['delivery', 'delivered', 'deliver', 'livraison', 'livré', 'lieferung', 'geliefert', 'entrega', 'consegna', 'courier', 'parcel', 'colis', 'paket', 'pacco', 'paquete'],
  cancel: ['cancel', 'cancelling', 'canceling', 'cancellation', 'résilier', 'résiliation', 'kündigen', 'kündigung', 'cancelar', 'disdire', 'disdetta', 'cancelamento'],
  remote: ['remote', 'remotes', 'télécommande', 'télécommandes', 'fernbedienung', 'telecomando', 'telecomandos'],
  password: ['password', 'passwort', 'contraseña', 'senha'],
  price: ['price', 'prices', 'prix', 'preis', 'precio', 'prezzo', 'preço'],
  contract: ['contract', 'contrat', 'vertrag', 'contrato', 'contratto'],
}

/** French and Italian elided articles and prepositions glued to the next word: "l'appli" is "appli". */
export const ELIDED_ARTICLE = /^(?:l|d|j|m|n|s|t|c|qu|dall|dell|nell|sull|all|un)['’](?=\p{L}{2})/u

const CANONICAL = new Map<string, string>(Object.entries(SYNONYMS).flatMap(([english, words]) => words.map((w) => [w, english] as const)))

/** The English product word for a lowercase word of any language, or the word itself when it has none. */
export function canonicalWord(word: string): string {
  return CANONICAL.get(word) ?? word
}

/** True when the word is one of the product and care words this map knows, in any language. */
export function isProductWord(word: string): boolean {
  return CANONICAL.has(word)
}

/** The map's words that name a product or a care process (not a symptom such as "crash" or "dropout"): what a label may be built of. */
const PRODUCT_NOUNS = new Set(['app', 'remote', 'wifi', 'router', 'broadband', 'bill', 'delivery', 'password', 'price', 'contract', 'update', 'login', 'screen'])

/** The map's words that name a product itself, something a customer owns or uses (not a bill, a price or a process). */
const PRODUCTS = new Set(['app', 'remote', 'router', 'wifi', 'broadband'])

/** True when the word (any language) names a product itself: "télécommande", "appli", "WLAN". */
export function isProduct(word: string): boolean {
  return PRODUCTS.has(CANONICAL.get(word) ?? '')
}

/** The English product noun for a word of any language ("appli" → "app"), or null when it names none. */
export function productNoun(word: string): string | null {
  const canonical = CANONICAL.get(word)
  return canonical && PRODUCT_NOUNS.has(canonical) ? canonical : null
}
