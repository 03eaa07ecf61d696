// Words that name what a message is about in every supported language, as evidence for the intent
// model's reading. The model learns from a few dozen examples per intent, so a plain word it has not
// seen in that form ("Résiliation svp", "le livreur", "nicht auf Lager") leaves the right intent at
// 0.15–0.35. A cue multiplies its intent's odds by a fixed likelihood ratio, the same a priori strength
// as the sentiment cues (sentiment-decision.ts): strong evidence, not proof, so a message whose words
// point elsewhere keeps its reading. Cues apply only to a taxonomy that has an intent of that exact
// name (the default taxonomy's); a workspace's own intents are left to its examples.
// Written for Parley, not taken from any dataset.
import { amountTakenTwice, foldText, praiseCue, STAFF_TREATMENT_TERMS, STILL_CHARGED_CUES, termMatcher, workingWellCue } from './plain-cues.ts'
import type { IntentPrediction } from './intent-local.ts'
import { OTHER_INTENT, PRAISE_INTENT } from './taxonomy.ts'

const COMPLAINT_INTENT = 'complaint'

/** How much likelier a message naming the intent's cue is to be about it (odds ratio; not tuned on evaluation data). */
export const INTENT_CUE_FOR = 3

/** The customer wants to end or leave something (not "my flight was cancelled": past forms are left out). */
const CANCELLATION_CUES = termMatcher([
  'cancel', 'cancelling', 'canceling', 'cancellation', 'unsubscribe', 'terminate my', 'close my account', 'delete my account', 'remove my account', 'deactivate my account', 'end my contract', 'leave early', 'leave before',
  'fermer mon compte', 'konto schliessen', 'konto loschen', 'cerrar mi cuenta', 'fechar a minha conta', 'fechar minha conta', 'chiudere il mio account', 'chiudere il conto',
  'resilier', 'resiliation', 'resiliez', 'mettre fin a mon', 'annuler mon abonnement', 'annuler mon contrat',
  'kundigen', 'kundigung', 'kuendigen', 'kuendigung', 'gekundigt', 'vertrag beenden',
  // The notice and the minimum term of leaving: "La baja se hace con 30 días de preaviso y sin penalización fuera de la permanencia".
  'preaviso', 'permanencia', 'preavis', 'preavviso', 'aviso previo',
  // German writes them as one word: "Die Kündigungsfrist beträgt 30 Tage, nach der Mindestlaufzeit" was offered to a technician who never came.
  'kundigungsfrist', 'kuendigungsfrist', 'mindestlaufzeit', 'mindestvertragslaufzeit', 'kundigungsgebuhr',
  // …and what a reply says to someone leaving: "Sentimos que te vayas" stayed in a reply offered to a slow line.
  'sorry to see you go', 'sad to see you go', 'sorry to see you leave', 'que te vayas', 'que vous partiez', 'que tu partes', 'dass du gehst', 'dass sie uns verlassen', 'que voce va embora', 'che te ne vada', 'vederti andare',
  'darme de baja', 'dar de baja', 'cancelar', 'cancelad', 'cancelen', 'cancele', 'cancelacion', 'rescindir', 'rescision',
  'cancelamento', 'rescisao',
  'disdire', 'disdetta', 'recesso', 'annullare l\'abbonamento',
  '해지', '탈퇴', 'ยกเลิก',
])

/**
 * A bill and its amount: "Bonjour, j'ai reçu une facture de 89€ alors que mon forfait est à 30€" read as
 * other (billing 0.05), its "reçu" as delivery. A sum on a bill leaves little doubt: as strong as four cues
 * (with three, billing rose to 0.30 and the model's other class kept 0.36).
 */
const BILL_AMOUNT = /(?<![\p{L}])(?:bill|invoice|facture|rechnung|factura|fatura|fattura|bolletta)(?:\s+[\p{L}']+){0,4}?\s+(?:[£€$]\s?\d|\d+(?:[.,]\d+)?\s?(?:[£€$]|eur|euros?|pounds?|dollars?)(?![\p{L}]))/u
const BILL_AMOUNT_CUES = (folded: string): boolean => BILL_AMOUNT.test(folded)

/**
 * Money: a charge, a bill, a refund, a payment ("Still no refund after 3 weeks" read as other, as did
 * 32 of 60 questions about a refund policy in Bitext's customer-support set).
 */
const BILLING_CUES = termMatcher([
  'refund', 'refunded', 'refunds', 'invoice', 'invoices', 'my bill', 'the bill', 'this bill', 'billed', 'billing', 'charged', 'charges', 'direct debit', 'payment', 'payments', 'receipt',
  // Bills in the plural, how they come and how they are paid: "Can I get paper bills instead of e-bills?" and
  // "Je peux payer ma facture par virement ?" read as other.
  'bills', 'paper bill', 'paper bills', 'e-bill', 'e-bills', 'bank transfer', 'late fee', 'late payment fee',
  // A fee on the bill: "Pourquoi il y a 10 € de frais de dossier sur ma facture ?" read as other.
  'admin fee', 'admin fees', 'processing fee', 'service fee', 'frais de dossier', 'frais de gestion', 'gebuhr', 'gebuhren', 'bearbeitungsgebuhr', 'cargo de gestion', 'comision', 'taxa administrativa', 'commissione', 'costi di gestione',
  'remboursement', 'rembourse', 'rembourser', 'facture', 'factures', 'facturation', 'preleve', 'prelevement', 'debite', 'paiement', 'virement', 'frais de retard',
  'rechnung', 'rechnungen', 'erstattung', 'ruckerstattung', 'ruckzahlung', 'geld zuruck', 'erstatten', 'abgebucht', 'lastschrift', 'zahlung', 'gutschrift', 'uberweisung', 'mahngebuhr',
  'reembolso', 'reembolsar', 'factura', 'facturas', 'cobro', 'cobrado', 'cobraron', 'recibo', 'pago', 'transferencia bancaria', 'recargo',
  'fatura', 'faturas', 'cobranca', 'cobrada', 'cobraram', 'cobraram-me', 'pagamento', 'estorno',
  'rimborso', 'fattura', 'fatture', 'addebito', 'addebitato', 'bolletta', 'bollette', 'bonifico',
  '환불', '요금', '청구', 'คืนเงิน', 'ค่าบริการ', 'บิล',
])

/**
 * Money held for the customer, a gift card's or an account's: "My gift card says it has a zero balance but I
 * never used it. It was a birthday present." read as delivery (0.61, billing 0.07), a present being a parcel
 * to the model, in all six languages. The words name what is paid with, so they weigh as three cues.
 */
const STORED_VALUE_CUES = termMatcher([
  'gift card', 'gift cards', 'giftcard', 'gift voucher', 'voucher', 'vouchers', 'voucher code', 'store credit', 'account credit', 'zero balance', 'my balance', 'remaining balance',
  'carte cadeau', 'cartes cadeaux', 'carte-cadeau', "bon d'achat", 'mon solde', 'solde de',
  'geschenkkarte', 'geschenkgutschein', 'gutschein', 'gutscheincode', 'guthaben',
  'tarjeta regalo', 'cheque regalo', 'saldo',
  'cartao oferta', 'cartao presente', 'cartao de oferta', 'vale de oferta', 'vale-presente',
  'carta regalo', 'buono regalo',
])

/**
 * A refund waited for or missing: "I've been waiting three weeks for my refund" read as delivery (0.67)
 * in English, German, Spanish, Portuguese and Italian, the model's reading of waiting words (learnt from
 * late parcels) outweighing one billing cue; in Italian billing stayed under 0.03. The refund is what
 * is waited for, so these words together outweigh a delivery. A refund named in passing ("the parcel
 * arrived damaged, I want a refund") is evidence as strong as two cues, and outweighs nothing but a complaint.
 */
const REFUND_WORDS = termMatcher([
  'refund', 'refunded', 'money back', 'remboursement', 'rembourse', 'erstattung', 'ruckerstattung', 'ruckzahlung', 'geld zuruck',
  'reembolso', 'reembolsado', 'estorno', 'rimborso', 'rimborsato', '환불', 'คืนเงิน',
])
const AWAITING_WORDS = termMatcher([
  'waiting', 'still', 'yet', 'not received', "haven't received", 'never received', 'never got', 'where is', "where's",
  'attends', 'attente', 'toujours', 'pas recu', 'jamais recu', 'warte', 'warten', 'noch', 'nie erhalten', 'wo bleibt',
  'esperando', 'espera', 'todavia', 'aun no', 'sigo sin', 'no he recibido', 'ainda', 'nao recebi', 'aspetto', 'aspettando', 'ancora', 'non ho ricevuto',
  '아직', 'ยังไม่ได้',
])
/** Money given back, without the word refund: "…und mein Geld immer noch nicht zurückbekommen" read as delivery (0.69). */
const MONEY_BACK = /(?<![\p{L}])(?:(?:geld|dinero|dinheiro|soldi|argent)(?![\p{L}])[^.!?\n]{0,30}?(?<![\p{L}])(?:zuruck\p{L}*|devuelto|devolvido|restituit[oi]|rendu)|(?:devuelto|devolvido|restituito|rendu)\s+(?:el |o |i |l'|mon |mi |meu |il )?(?:dinero|dinheiro|soldi|argent))(?![\p{L}])/u
const REFUND_AWAITED_CUES = (folded: string): boolean => (REFUND_WORDS(folded) || MONEY_BACK.test(folded)) && AWAITING_WORDS(folded)

/**
 * The customer names the intent ("I want to file a complaint"), or says what can only be one: "Thanks
 * for nothing" read as praise, "I want to speak to a manager" as a cancellation, "Le technicien n'est
 * jamais venu" as praise, and Bitext's customer-support set had its complaints ("I want to lodge a
 * complaint") read as a complaint once in a hundred. Evidence as strong as three cues: the model's own
 * reading of such words ("thanks", "I want to") is strong, and the words leave no doubt.
 */
const COMPLAINT_LABELS = termMatcher([
  'complaint', 'complaints', 'complain', 'complaining', 'thanks for nothing', 'speak to a manager', 'speak to your manager', 'talk to a manager',
  'speak to a supervisor', 'talk to a supervisor', 'never showed up', "didn't show up", 'did not show up', 'no-show', 'never turned up', "didn't turn up",
  'nobody came', 'no one came', 'nobody showed up', 'no one showed up', 'nobody turned up', 'no one turned up',
  "personne n'est venu", "personne n'est passe", "n'est pas venu", "n'est pas passe", 'niemand kam', 'niemand ist gekommen', 'ist nicht gekommen',
  'no vino nadie', 'nadie vino', 'no ha venido nadie', 'ninguem apareceu', 'nao apareceu', 'non e venuto nessuno', 'nessuno e venuto',
  'reclamation', 'plainte', 'jamais venu', 'jamais passe', 'beschwerde', 'beschweren', 'nie gekommen', 'queja', 'quejarme', 'reclamacion', 'nunca vino',
  'reclamacao', 'reclamar', 'nunca apareceu', 'reclamo', 'lamentela', 'mai venuto', '불만', 'ร้องเรียน',
  // How the customer was treated: "Vuestro agente ha sido un maleducado y me ha colgado" read as delivery,
  // "Euer Mitarbeiter war unhöflich und hat einfach aufgelegt" as other (the taxonomy's complaint: "staff").
  ...STAFF_TREATMENT_TERMS,
  // …and looser forms, which the sentiment leaves to its model: "hung up", "unfreundlich", "me colgó", "pasaron de mí".
  'so rude', 'hung up', 'impoli', 'unfreundlich', 'me colgo', 'mal-educado', 'mal educado', 'desligou a chamada', 'sgarbato', 'sgarbata',
  'pas aimable', 'antipatico', 'antipatica', 'meprisante', 'null hilfsbereit', 'nicht hilfsbereit', 'pasaron de mi', 'no me ayudaron nada', 'no me ayudo nada',
  'nao me ajudou nada', 'nao me ajudaram nada', 'non mi ha aiutato per niente', 'non mi hanno aiutato per niente',
])

/**
 * Unhappy with the service, in words other subjects' messages use too ("on hold", "no reply",
 * "ridiculous"). A message that also names its subject (a bill, a delivery, the wifi) is about that
 * subject: the subject's cue outweighs this one and the labels above.
 */
const SERVICE_COMPLAINT_CUES = termMatcher([
  'not happy with the service', 'unhappy with the service', 'discontent', 'dissatisfied', 'on hold', 'nobody called', 'no one called', 'never called back',
  'nobody answers', 'no one answers', 'nobody replies', 'no reply', 'no response',
  // Kept waiting on the line: "Ich hänge seit 45 Minuten in der Warteschleife" read as delivery.
  'in the queue', 'en attente depuis', 'que je suis en attente', 'en espera', 'em espera', 'in attesa da',
  // "Nobody has replied to my email for a week" and "Your chatbot is useless" read as other.
  'nobody has replied', 'no one has replied', 'nobody replied', 'no one replied', 'nobody got back', 'nobody has got back', 'no one got back', 'chatbot',
  'unacceptable', 'ridiculous', 'worst service', 'worst customer service',
  'terrible service', 'appalling', 'worst company', 'worst provider', 'shittiest', 'crappy service', 'lying to', 'liars', 'you lied',
  'personne ne repond', 'aucune reponse', 'sans reponse', 'inadmissible', 'inacceptable', 'niemand meldet sich', 'keine antwort', 'unverschamt', 'inakzeptabel',
  'sin respuesta', 'nadie responde', 'nadie contesta', 'inaceptable', 'sem resposta', 'ninguem responde', 'inaceitavel', 'nessuna risposta', 'nessuno risponde', 'inaccettabile',
  '불친절',
])

/** An order on its way, late or missing: words of shipping, couriers and stock (not "order" alone, which bills use too). */
const DELIVERY_CUES = termMatcher([
  'delivery', 'delivered', 'deliver', 'courier', 'parcel', 'tracking', 'shipped', 'shipping', 'dispatched', 'back order', 'backorder', 'back-order',
  'package', 'track my order', 'track my package', 'order status', 'status of my order', 'status of my purchase', 'where is my order', 'where is my package',
  'awaiting stock', 'out of stock', 'not in stock', 'sold out', 'new stock', 'back in stock', "hasn't arrived", 'has not arrived', 'not arrived', 'never arrived', 'should have arrived', 'still not here',
  'supposed to arrive', 'due to arrive', 'meant to arrive', 'was to arrive', 'devait arriver', 'devia ter chegado', 'sollte ankommen', 'debia llegar', 'tenia que llegar',
  'livraison', 'livreur', 'colis', 'suivi de commande', 'rupture de stock', 'en rupture', 'nouveau stock', "n'est pas arrive", 'pas encore arrive',
  'lieferung', 'geliefert', 'lieferdienst', 'zusteller', 'paketbote', 'der bote', 'zugestellt', 'nicht auf lager', 'ausverkauft', 'neue ware', 'nicht angekommen',
  // The carrier: "…para revisarlo con la empresa de transporte" was read as no subject, and offered to a slow line.
  'empresa de transporte', 'transportista', 'transporteur', 'transportadora', 'paketdienst',
  'entrega', 'repartidor', 'paquete', 'seguimiento del pedido', 'no ha llegado', 'sin stock', 'nuevo stock', 'esta agotado', 'esta agotada',
  'encomenda', 'encomendei', 'entregador', 'pacote', 'rastreio', 'nao chegou', 'esgotado', 'esgotada', 'novo stock',
  'consegna', 'corriere', 'pacco', 'spedizione', 'doveva arrivare', 'non e arrivato', 'esaurito', 'esaurita', 'nuovo stock',
  'no sign of', 'aucune trace de', 'keine spur von', 'ni rastro de', 'nem sinal d',
  '배송', '택배', 'จัดส่ง', 'พัสดุ', 'ยังไม่ได้ของ', 'ยังไม่ได้รับของ',
])

/**
 * Asking where something is: "Um, where is my voice remote? Order BW-8042600." read as other. Mostly a
 * thing on its way, so delivery, but only when nothing else is named ("where is my refund" is the bill's).
 */
const WHERE_IS_CUES = termMatcher([
  'where is my', "where's my", 'wheres my', 'ou est mon', 'ou est ma', 'ou en est mon', 'ou en est ma', 'wo ist mein', 'wo bleibt mein', 'donde esta mi', 'cade meu', 'cade minha',
  'dove il mio', 'dove la mia', "dov'e il mio", "dov'e la mia",
])

/**
 * French "connexion" is the line, and signing in too: "la connexion Face ID/empreinte", "connexion par Face
 * ID = plantage", "l'appli se ferme à la connexion". Such a sign-in is no cue of the line: the reply "C'est
 * un problème connu de la version 5.2 avec la connexion Face ID…" was offered third to "ma connexion internet
 * coupe tous les soirs", as naming connectivity too.
 */
const SIGN_IN_CONNEXION = /(?<![\p{L}])(?:connexion (?:par |avec |via )?(?:face ?id|empreinte|touch ?id|biometrique|mot de passe|identifiant)|connexion (?:a|au) (?:mon |votre |l'|l’)?(?:compte|espace client|appli|application)|(?:a|lors de) la connexion(?! internet| wifi| fibre| au reseau))/gu
const LINE_CUES = termMatcher([
  'wifi', 'wi-fi', 'wlan', 'router', 'broadband', 'internet', 'connection', 'no signal', 'no service', 'keeps dropping', 'dropouts', 'drops out', 'disconnects', 'speed', 'speeds', 'mbps', 'download speed',
  // The line itself: "You disconnected my line by mistake", "I can't receive calls on my landline" read as other.
  'disconnected', 'cut off', 'landline', 'phone line', 'dial tone', 'buffering',

  'vitesse', 'geschwindigkeit', 'velocidad', 'velocidade', 'velocita',
  // The box itself and its cuts, as French replies say them: "Désolés pour ces coupures. Pouvez-vous débrancher le modem…"
  // named no subject and was offered to a customer whose technician never came.
  'connexion', 'coupure', 'coupures', 'se coupe', 'ca coupe', 'decroche', 'routeur', 'modem',
  'conexion', 'se corta', 'sigue cortando', 'va y viene', 'sin senal',
  'verbindung', 'bricht ab', 'kein netz',
  'conexao', 'sem sinal', 'caindo', 'connessione', 'cade la linea',
  '와이파이', '인터넷', '공유기', 'ไวไฟ', 'อินเทอร์เน็ต', 'เน็ต',
])
/** The connection itself: the wifi, the router, the line dropping (an outage is connectivity too; an app fault is not). */
const CONNECTIVITY_CUES = (folded: string) => LINE_CUES(folded.replace(SIGN_IN_CONNEXION, ' '))

/**
 * Signing in to an account: "Trying to log in to pay my bill, it says my password is wrong" read as
 * billing alone, so a reply about a locked account ("After 5 failed tries the account locks…") was
 * offered to "My bill says £45 but my plan is £30": nothing in its words named sign-in as a subject of its
 * own. Not "connexion" or "connect" alone, which a line uses too.
 */
const ACCOUNT_CUES = termMatcher([
  'log in', 'log into', 'logging in', 'login', 'log-in', 'sign in', 'signing in', 'sign into', 'password', 'passcode', 'verification code', 'security code', 'two-factor', '2fa',
  'locked out', 'account locked', 'account is locked', 'account locks', 'account was locked', 'unlock my account', 'reset link', 'reset links', 'reset email', 'reset emails', 'hacked', 'username',
  'mot de passe', 'me connecter a mon compte', 'identifiant', 'connexion face id', 'connexion par face id', 'connexion avec face id', 'connexion par empreinte', 'connexion au compte', 'code de verification', 'compte bloque', 'compte pirate',
  'passwort', 'kennwort', 'einloggen', 'nicht anmelden', 'konto gesperrt', 'gehackt', 'bestatigungscode',
  // A reset link in the other languages: "Der Link gilt 30 Minuten und nur der neueste funktioniert" named no
  // subject, so it was offered to a customer whose technician never came.
  // Not the verbs alone: a router is reset too ("Router zurücksetzen", "réinitialiser la box").
  'lien de reinitialisation', 'e-mail de reinitialisation', 'le lien est valable', 'nouveau lien',
  'link zum zurucksetzen', 'link gilt', 'neuen link', 'reset-link', 'enlace de restablecimiento', 'el enlace dura', 'enlace nuevo',
  'link de redefinicao', 'o link e valido', 'novo link', 'link di reimpostazione', 'il link e valido', 'nuovo link',
  'contrasena', 'iniciar sesion', 'codigo de verificacion', 'cuenta bloqueada', 'hackeada',
  'senha', 'fazer login', 'codigo de verificacao', 'conta bloqueada',
  'accedere al mio account', 'codice di verifica', 'account bloccato',
  // Someone else in the account: "Alguien ha entrado en mi cuenta desde otro país" read as delivery.
  "s'est connecte a mon compte", 'in mein konto eingeloggt', 'entrado en mi cuenta', 'entro en mi cuenta', 'accedido a mi cuenta', 'entrou na minha conta', 'acedeu a minha conta', 'entrato nel mio account',
  '비밀번호', '로그인', 'รหัสผ่าน', 'เข้าสู่ระบบ',
])

/**
 * A link to get back into the account: "Boa tarde, o link de recuperação diz sempre que expirou" read as
 * delivery (0.49 against 0.17, a link being a parcel's tracking too). The words leave no doubt: as
 * strong as three cues, over delivery.
 */
const RECOVERY_LINK_CUES = termMatcher([
  'password reset link', 'reset link', 'recovery link', 'link de recuperacao', 'recuperar a senha', 'recuperacao de senha', 'link de redefinicao', 'redefinir a senha',
  'lien de recuperation', 'lien de reinitialisation', 'enlace de recuperacion', 'enlace de restablecimiento', 'link zum zurucksetzen', 'link di recupero', 'link di reimpostazione',
])

/**
 * Whose name the account is in, one of the account's details: "Je veux changer le titulaire du contrat" and
 * "Quiero cambiar la titularidad del contrato" read as cancellations (the contract's words). The words
 * leave no doubt, so as strong as three cues, outweighing the cancellation; the Spanish one still reads
 * near even (0.49 against 0.47): the model reads "quiero … contrato" as leaving that strongly.
 */
const ACCOUNT_HOLDER_CUES = termMatcher([
  'account holder', 'account into my name', 'titulaire du compte', 'titulaire du contrat', 'changement de titulaire', 'kontoinhaber', 'vertragsinhaber', 'inhaberwechsel',
  'titularidad', 'cambio de titular', 'titularidade', 'titular da conta', 'intestatario', 'cambio di intestazione',
])

/**
 * The app falling over: "Login mit Fingerabdruck = Absturz" is the app's fault at sign-in, not the
 * account's, and a sign-in cue alone read it as other. Outweighs the sign-in words beside it.
 */
const APP_CRASH_CUES = termMatcher([
  'crash', 'crashes', 'crashed', 'crashing', 'keeps closing', 'force closes', 'absturz', 'sturzt ab', 'abgesturzt', 'plante', 'plantage', 'se cierra', 'se cuelga',
  'fecha sozinho', 'app fecha', 'trava', 'travando', 'si chiude', 'si blocca', 'crasha', '앱이 꺼', '튕겨', 'แอปเด้ง', 'แอปค้าง',
])

/**
 * Asking for something the product does not do yet, in forms that rarely mean anything else. A form
 * that also complains ("it would be nice if my parcel arrived") is left out.
 */
const FEATURE_REQUEST_CUES = termMatcher([
  'could you add', 'can you add', 'please add', 'plans to add', 'would love to see', 'wish the app',
  'pourriez-vous ajouter', 'pouvez-vous ajouter', 'bitte fugt', 'podrian anadir', 'podeis anadir', 'pueden anadir',
  'podiam adicionar', 'podem adicionar', 'potreste aggiungere', '기능 추가', '추가해 주세요', '추가해주세요', 'อยากให้เพิ่ม', 'ขอฟีเจอร์',
  // Asked of the brand in the other languages' own forms: "Ce serait bien d'ajouter une mise en veille programmée
  // dans l'appli", "Bitte baut einen Sleep-Timer in die App ein", "Porfa, añadid un temporizador" read as bug_outage.
  // The imperative only: "comment ajouter une ligne ?" asks how, of a thing that exists.
  "bien d'ajouter", 'ajoutez', 'bitte baut', 'baut doch', 'anadid', 'anadan', 'adicionem', 'aggiungete',
  // …or wished for: "J'adorerais avoir un mode sombre", "Me encantaría que la app tuviera modo oscuro".
  "i'd love a", "i'd love an", "i'd love to have", 'would love a', 'would love an', "j'adorerais avoir", "j'adorerais un", "j'adorerais une", "j'aimerais avoir",
  'hatte gern einen', 'hatte gern eine', 'hatte gerne einen', 'hatte gerne eine', 'hatte total gern', 'me encantaria que', 'me encantaria tener', 'adorava ter', 'gostava de ter',
  'mi piacerebbe avere', 'mi piacerebbe tanto', 'mi piacerebbe un', 'mi piacerebbe una',
  // Asked as a question or a suggestion: "Vous pourriez ajouter une option…?", "Podem acrescentar uma opção…?",
  // "Estaría genial poder descargar las facturas en PDF" (read as praise), "Je suggère un forfait famille".
  'vous pourriez ajouter', 'pourriez ajouter', 'podriais anadir', 'podem acrescentar', 'podiam acrescentar', 'potete aggiungere', 'potreste mettere',
  'would be great if', 'would be great to', 'would be nice if', 'would be nice to', 'ce serait bien de pouvoir', 'ce serait genial de pouvoir', 'ware toll wenn', 'ware schon wenn', 'ware super wenn',
  'estaria genial poder', 'seria genial poder', 'estaria bien poder', 'dava jeito poder', 'dava imenso jeito', 'seria otimo poder', 'sarebbe top poter', 'sarebbe bello poter', 'sarebbe comodo poter',
  "i'd like to suggest", 'i would suggest', 'i suggest', 'je suggere', 'je propose', 'ich schlage vor', 'vorschlagen', 'quisiera sugerir', 'sugiero', 'sugiro', 'vorrei proporre', 'propongo',
])

/**
 * The customer names the intent themselves: "Feature request: let me pause wifi for the kids from the
 * app" read as connectivity (0.6-0.7), as did 5 of the demo's 22 app-feedback openings. Evidence as
 * strong as three cues, and the topic words after it (wifi, delivery) name the feature, not a fault.
 */
const FEATURE_REQUEST_LABELS = termMatcher(['feature request', 'feature idea', 'feature suggestion', 'demande de fonctionnalite', 'funktionswunsch', 'feature-wunsch', 'solicitud de funcion', 'pedido de funcionalidade', 'richiesta di funzionalita'])

/**
 * What a plan costs, a discount, a deal: "Do you offer a discount for pensioners on the broadband plans?"
 * read as a feature request (0.45, pricing under 0.05). The words name the subject, so they weigh as three
 * cues and outweigh the connectivity words that name the plan ("broadband"). Not "charge" or "bill",
 * which are billing's; a price rise is pricing's, as the taxonomy describes it.
 */
const PRICING_CUES = termMatcher([
  'discount', 'discounts', 'promo code', 'promotion', 'deal for', 'deals for', 'any deals', 'cheaper', 'how much does', 'how much is', 'how much would',
  'price', 'prices', 'pricing', 'price rise', 'price increase', 'tariff',
  'reduction', 'remise', 'combien coute', 'prix', 'tarif', 'rabatt', 'preis', 'preise', 'was kostet', 'descuento', 'precio', 'cuanto cuesta', 'tarifa',
  'desconto', 'preco', 'quanto custa', 'tarifario', 'sconto', 'prezzo', 'quanto costa', 'tariffa',
  // Plural and short forms, and the monthly fee: "Vous faites une réduc pour les étudiants ?", "Fate sconti per gli
  // studenti?" and "Porque é que a minha mensalidade subiu 4€?" read as other and delivery.
  'reduc', 'reducs', 'reductions', 'rabatte', 'descuentos', 'descontos', 'sconti', 'monthly fee', 'monthly price',
  'monatspreis', 'monatsgebuhr', 'grundgebuhr', 'cuota mensual', 'mensalidade', 'canone mensile', 'canone', 'mensualite', 'abonnement mensuel',
])

/**
 * Moving house with a plan, which the default taxonomy files under pricing: "Do I need a new contract if
 * I move?" read as a cancellation, "moving in 3 weeks, what happens to my broadband?" as connectivity.
 * As strong as two cues; an order's delivery words outweigh it ("change the delivery address, I'm moving").
 */
const MOVING_TERMS = termMatcher([
  'moving house', 'move house', 'moving home', 'moved house', 'moved home', 'just moved', 'if i move', 'when i move', "i'm moving", 'im moving', "we're moving", 'we are moving', 'moving in', 'moving to', 'moving on the', 'moving out', 'new postcode', 'new address', 'proof of the move',
  'take my plan', 'take my broadband', 'demenage', 'demenagement', 'demenageons', 'umzug', 'umziehen', 'umgezogen', 'ziehe um', 'ziehen um',
  'mudanza', 'me mudo', 'nos mudamos', 'mudarme', 'mudarnos', 'mudanca', 'mudar de casa', 'vou me mudar', 'vamos nos mudar', 'trasloco', 'traslocare', 'mi trasferisco', 'ci trasferiamo',
])
/** German splits the verb: "Wir ziehen nächsten Monat um", "Ich ziehe am 1. März nach Köln um." */
const GERMAN_MOVING = /(?<![\p{L}])zieh(?:e|en|t|st)\s+(?:[\p{L}\p{N}.]+\s+){0,6}?um(?=\s*(?:$|[,.!?;:]|und\b|aber\b|was\b|wie\b|kann\b|muss\b))/u
export const MOVING_CUES = (folded: string): boolean => MOVING_TERMS(folded) || GERMAN_MOVING.test(folded)

/**
 * A device that came damaged, which the default taxonomy files under product_fault ("broken on arrival"):
 * "The router you sent arrived with a cracked case" read as connectivity (the router's word). An order's
 * delivery words are not outweighed: a parcel damaged in transit is the delivery's too.
 */
const DAMAGED_CUES = termMatcher([
  'cracked', 'smashed', 'dented', 'damaged', 'arrived broken', 'came broken', 'broken on arrival', 'dead on arrival',
  'endommage', 'endommagee', 'fissure', 'fissuree', 'arrive casse', 'arrivee cassee', 'beschadigt', 'kaputt angekommen', 'gesprungen',
  'danado', 'danada', 'llego roto', 'llego rota', 'agrietado', 'danificado', 'danificada', 'chegou partido', 'chegou quebrado', 'rachado',
  'danneggiato', 'danneggiata', 'arrivato rotto', 'arrivata rotta', 'incrinato',
])

/**
 * Paying for what was never ordered, or told of a debt: "I never signed up for Stream+, why am I paying for
 * it?" and "I got a letter saying I owe £200" read as other, billing at 0.12 and under. Words of money
 * owed or taken without consent leave little doubt: as strong as two cues.
 */
const UNWANTED_CHARGE_CUES = termMatcher([
  'never signed up', "didn't sign up", 'did not sign up', 'never agreed to', 'why am i paying', 'why am i being charged', 'i owe', 'debt collector', 'debt collection', 'in arrears',
  // …in the other languages: "Laut Kontostand schulde ich euch Geld, aber ich hab letzten Monat alles bezahlt" read as other.
  'schulde ich', 'ich schulde', "je vous dois", "je dois de l'argent", 'les debo', 'debo dinero', 'em divida', 'devo dinheiro', 'devo dei soldi', 'devo soldi',
  // Charged for a thing sent back, or for leaving: "I'm being charged for a router I returned in September" read as connectivity.
  'being charged for', 'still paying for', 'charged me an early termination', 'early termination fee',
  "jamais souscrit", 'pourquoi je paie', 'pourquoi suis-je preleve', 'nie abgeschlossen', 'nie bestellt', 'warum zahle ich', 'inkasso',
  'nunca contrate', 'por que estoy pagando', 'por que me cobran', 'nunca subscrevi', 'porque estou a pagar', 'mai sottoscritto', 'perche sto pagando',
  // A service not ordered: "un cargo de 15€ por un servicio que no he contratado" read as other (billing 0.19).
  "didn't order", 'never ordered', "didn't ask for", 'never asked for', 'no he contratado', 'no he solicitado', 'no he pedido', "je n'ai pas souscrit", "je n'ai pas demande",
  'nicht bestellt', 'nicht abgeschlossen', 'nao contratei', 'nao pedi', 'nao subscrevi', 'non ho sottoscritto', 'non ho richiesto', 'non ho attivato',
])

/**
 * A device that does not work as a device: "Le décodeur ne s'allume plus depuis ce matin", "Mein Receiver
 * startet ständig neu" and "Il modem si spegne da solo ogni ora" read as other (0.70–0.74), the fault
 * under 0.11. The words leave little doubt: as strong as three cues (with two, the receiver still read as
 * other at 0.74, and "The TV box keeps restarting every few minutes" as connectivity: a box restarting by
 * itself is the box's fault, whatever it connects).
 */
const DEVICE_FAULT_CUES = termMatcher([
  "won't turn on", "won't switch on", "won't power on", "doesn't turn on", 'does not turn on', 'will not turn on', 'not turning on', 'keeps rebooting', 'keeps restarting',
  'reboots itself', 'restarts itself', 'turns itself off', 'switches itself off', 'overheating', 'overheats',
  "ne s'allume plus", "ne s'allume pas", 'redemarre tout seul', "s'eteint tout seul", 'surchauffe',
  'geht nicht mehr an', 'startet standig neu', 'startet immer wieder neu', 'schaltet sich aus', 'schaltet sich ab', 'uberhitzt',
  'no enciende', 'no se enciende', 'se reinicia solo', 'se apaga solo', 'se sobrecalienta',
  'nao liga', 'reinicia sozinho', 'desliga sozinho', 'sobreaquece',
  'non si accende', 'si riavvia da solo', 'si spegne da solo', 'si surriscalda',
  // …said of a box, a feminine noun: "a minha box de TV reinicia sozinha todas as noites" read as other.
  'redemarre toute seule', "s'eteint toute seule", 'se reinicia sola', 'se apaga sola', 'reinicia sozinha', 'desliga sozinha', 'si riavvia da sola', 'si spegne da sola', 'startet von selbst neu',
  // A light or a device that does not come on, said informally: "…et maintenant le voyant d'alimentation s'allume plus".
  "doesn't come on", "won't come on", 'does not come on', "s'allume plus", "s'allume pas", 'nao acende', 'nao liga', 'no enciende', 'non si accende piu',
  // Faulty in so many words (the taxonomy's own word): "Wohin kann ich das defekte Ladegerät zurückschicken?" read as other.
  'faulty', 'defective', 'defectueux', 'defectueuse', 'defekt', 'defekte', 'defekten', 'defektes', 'defectuoso', 'defectuosa', 'avariado', 'avariada', 'defeituoso', 'defeituosa', 'difettoso', 'difettosa',
  // Spanish puts the customer between: "El descodificador se me calienta y se apaga al cabo de una hora" read as other.
  'se me calienta', 'se me apaga', 'se me reinicia', 'aquece demais', 'desliga-se sozinha', 'desliga-se sozinho',
  // A device that hums or runs hot: "La box fait un gros bourdonnement et chauffe vraiment beaucoup" read as other.
  'buzzing', 'buzzing noise', 'humming noise', 'loud noise', 'gets hot', 'gets really hot', 'gets very hot', 'runs hot', 'too hot to touch',
  'bourdonnement', 'bourdonne', 'gresille', 'chauffe beaucoup', 'chauffe vraiment', 'chauffe trop', 'brummt', 'summt', 'wird heiss', 'wird sehr heiss', 'wird richtig heiss', 'wird total heiss',
  'zumbido', 'se calienta', 'se pone muy caliente', 'fica quente', 'fica muito quente', 'aquece muito', 'ronzio', 'ronza', 'si scalda', 'diventa bollente',
])

/**
 * A device named with a fault that has no words of its own: "El mando ha dejado de funcionar aunque le he
 * puesto pilas nuevas" read as delivery, "Il telecomando ha smesso di funzionare" as other. Devices a line
 * does not need (not the router or modem, whose faults are the connection's), with words of not working.
 */
const DEVICE_NOUNS = termMatcher([
  'the remote', 'my remote', 'remote control', 'voice remote', 'set-top box', 'decoder', 'descodificador', 'decodificador', 'charger', 'power adapter',
  'la telecommande', 'ma telecommande', 'le decodeur', 'mon decodeur', 'le chargeur', 'mon chargeur',
  'fernbedienung', 'receiver', 'ladegerat', 'netzteil',
  'el mando', 'mi mando', 'del mando', 'el deco', 'mi deco', 'el decodificador', 'el cargador', 'mi cargador',
  'o comando', 'meu comando', 'do comando', 'a minha box', 'o descodificador', 'o carregador',
  'il telecomando', 'mio telecomando', 'del telecomando', 'il decoder', 'il caricatore',
])
const NOT_WORKING = termMatcher([
  'stopped working', 'not working', "doesn't work", 'does not work', "isn't working", "won't work", 'no longer works', 'dead',
  'marche plus', 'marche pas', 'ne fonctionne plus', 'ne fonctionne pas', 'fonctionne plus', 'geht nicht mehr', 'funktioniert nicht', 'reagiert nicht', 'geht nicht',
  'dejado de funcionar', 'deja de funcionar', 'no funciona', 'no responde', 'deixou de funcionar', 'nao funciona', 'nao responde',
  'smesso di funzionare', 'non funziona', 'non risponde', 'non va piu',
])
const DEVICE_NOT_WORKING_CUES = (folded: string): boolean => DEVICE_NOUNS(folded) && NOT_WORKING(folded)

/**
 * Goods dead from the box: "The router you sent me is dead on arrival" read as connectivity (0.68), the
 * router's word outweighing its state by far; the fault was under 0.01, so only five cues' odds lift it.
 */
/**
 * A part missing from what was delivered, which the taxonomy files under delivery ("wrong items delivered"):
 * "My new router arrived but there is no power adapter in the box" read as connectivity (0.80), the router's word
 * outweighing what was missing. As strong as three cues.
 */
export const MISSING_PART_CUES = termMatcher([
  'missing from the box', 'missing from my order', 'missing from the parcel', 'not in the box', 'no power adapter', 'no power supply', 'no power cable', 'no charger', 'without the power', 'without a power',
  'came without', 'arrived without', 'missing the power', 'missing the cable', 'missing cable', 'missing adapter', 'missing charger', 'missing remote',
  'pas dans la boite', 'il manque le', 'il manque la', "il manque l'", 'arrive sans', 'livre sans', 'sans le chargeur', "sans l'adaptateur", "pas d'adaptateur", 'pas de chargeur',
  'fehlt das netzteil', 'fehlt das kabel', 'fehlt die fernbedienung', 'nicht im paket', 'nicht in der box', 'ohne netzteil', 'kein netzteil',
  'falta el cargador', 'falta el cable', 'falta el adaptador', 'falta el mando', 'no venia el', 'llego sin', 'vino sin',
  'falta o carregador', 'falta o cabo', 'falta o transformador', 'veio sem', 'chegou sem',
  "manca l'alimentatore", 'manca il cavo', 'manca il telecomando', 'arrivato senza', 'senza alimentatore',
])

const DEAD_ON_ARRIVAL_CUES = termMatcher(['dead on arrival', 'arrived dead', 'dead out of the box', 'doa', 'mort a la livraison', 'tot angekommen', 'llego muerto', 'chegou morto', 'arrivato morto'])

/**
 * The TV picture, which connectivity holds ("TV or mobile signal"): "My TV channels have disappeared"
 * read as other, no intent above the threshold. As strong as two cues.
 */
const TV_SIGNAL_CUES = termMatcher([
  'tv channels', 'my channels', 'channels are missing', 'channels have disappeared', 'channels disappeared', 'no picture', 'pixelating', 'pixelated',
  'mes chaines', 'chaines tele', 'meine sender', 'sender fehlen', 'mis canales', 'meus canais', 'i miei canali',
])

/**
 * A visit by the brand's engineer or technician, booked, moved or missed: "the engineer was supposed to
 * come between 8 and 12 and nobody showed up" read as a complaint, and its drafts asked for an order
 * number to chase the courier. Outweighs the complaint and delivery cues ("never showed up", "nobody
 * came"); with a connection's words too ("nobody came to install my broadband") both count.
 */
const APPOINTMENT_CUES = termMatcher([
  'engineer', 'engineers', 'technician', 'technicians', 'installer', 'appointment', 'installation date', 'install date',
  'installation was booked', 'installation is booked', 'install was booked', 'come to install', 'came to install', 'coming to install', 'visit was booked',
  'technicien', 'rendez-vous', 'rdv', 'techniker', 'technikertermin', 'termin', 'tecnico', 'cita', 'appuntamento', '기사', 'ช่าง',
  // The installation moved: "Podem passar a minha instalação para a próxima sexta?" read as pricing, the Spanish and Italian as other.
  'my installation', 'mon installation', 'meine installation', 'la instalacion', 'mi instalacion', 'a minha instalacao', 'a instalacao', "l'installazione", 'installationstermin',
  "date d'installation", "date de l'installation", 'de instalacion', 'de la instalacion', 'da instalacao', 'de instalacao', "dell'installazione", 'di installazione',
])

/**
 * Putting a plan on hold, which the default taxonomy files under pricing with the plan's other changes:
 * "can I pause my subscription for 2 months while I'm travelling? don't want to cancel" read as billing.
 * As strong as five cues, outweighing cancellation as moving does (with two, "Can I pause my broadband
 * subscription instead of cancelling?" stayed a cancellation at 0.45, and was counted as one; with three,
 * "I want to freeze my membership for the summer" stayed one at 0.65).
 */
const PLAN_HOLD_CUES = termMatcher([
  ...['pause', 'freeze', 'suspend'].flatMap((verb) => ['subscription', 'plan', 'contract', 'membership', 'broadband', 'service', 'line'].map((what) => `${verb} my ${what}`)),
  ...['subscription', 'plan', 'contract', 'membership', 'broadband', 'service', 'line'].map((what) => `put my ${what} on hold`),
  // The customer holding the account, not a lock on it: "Can I put my account on hold while I'm abroad?" read
  // as account login (0.43), while "my account is on hold" stays the lock it is.
  'put my account on hold', 'pause my account', 'hold my account while', 'hold my subscription', 'hold my plan',
  'mettre en pause', 'abonnement en pause', 'forfait en pause', 'contrat en pause', 'suspendre mon abonnement', 'suspendre mon forfait', 'suspendre mon contrat', 'pausieren', 'vertrag ruhen', 'pausar mi', 'pausar o meu', 'pausar a minha', 'mettere in pausa', 'sospendere il mio',
])


/**
 * Liking a thing, in so many words, is positive feedback about it: "I love the new app update, very
 * smooth!" read as bug outage (0.81). As strong as two cues, over the things a message can be about.
 */
const LIKING_CUES = termMatcher(['i love the', 'love the new', 'loving the', "j'adore", 'ich liebe', 'me encanta', 'eu adoro', 'adoro il', 'adoro la'])

/**
 * What a customer says works well again names the thing that works: "Das Internet läuft einwandfrei seit
 * dem Techniker-Besuch, danke" is praise, not connectivity (0.88) nor the visit. As strong as three cues,
 * as the words leave no doubt, and only when nothing in the message complains (workingWellCue).
 */
const WORKING_THINGS = ['connectivity', 'product_fault', 'bug_outage', 'account_login', 'appointment', 'delivery']

/** Readings a customer pleased in so many words is moved from (withPositiveSentiment). */
const PLEASED_CAN_MOVE = [...WORKING_THINGS, COMPLAINT_INTENT, OTHER_INTENT]

/**
 * Each cue's intent, its odds ratio (INTENT_CUE_FOR unless said; an intent counts its first matching cue
 * only), the intents its match outweighs, and whether it counts only when no other intent's cue matched.
 */
export const INTENT_CUES: ReadonlyArray<{ intent: string; matches: (folded: string) => boolean; odds?: number; outweighs?: readonly string[]; alone?: true }> = [
  { intent: 'feature_request', matches: FEATURE_REQUEST_LABELS, odds: INTENT_CUE_FOR ** 3, outweighs: ['connectivity', 'delivery'] },
  // As strong as three cues, for the same reason: "Porfa, añadid un temporizador de apagado a la app" stayed bug_outage
  // (0.60, the request 0.27) with two. Still no more than the label form, which also outweighs the topic's cue.
  { intent: 'feature_request', matches: FEATURE_REQUEST_CUES, odds: INTENT_CUE_FOR ** 3 },
  { intent: 'cancellation', matches: CANCELLATION_CUES, outweighs: ['complaint', 'pricing'] },
  { intent: 'delivery', matches: DELIVERY_CUES, outweighs: ['complaint', 'pricing'] },
  { intent: 'delivery', matches: WHERE_IS_CUES, alone: true },
  { intent: 'connectivity', matches: CONNECTIVITY_CUES, outweighs: ['complaint'] },
  { intent: 'account_login', matches: ACCOUNT_HOLDER_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['cancellation', 'billing'] },
  { intent: 'account_login', matches: RECOVERY_LINK_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint', 'delivery'] },
  { intent: 'account_login', matches: ACCOUNT_CUES, outweighs: ['complaint'] },
  { intent: 'bug_outage', matches: APP_CRASH_CUES, outweighs: ['account_login', 'complaint'] },
  // Before DAMAGED_CUES, which say it too: an intent counts its first matching cue.
  { intent: 'product_fault', matches: DEAD_ON_ARRIVAL_CUES, odds: INTENT_CUE_FOR ** 5, outweighs: ['complaint', 'connectivity', 'delivery'] },
  { intent: 'product_fault', matches: DAMAGED_CUES, outweighs: ['connectivity', 'complaint'] },
  { intent: 'product_fault', matches: DEVICE_FAULT_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint', 'connectivity'] },
  { intent: 'product_fault', matches: DEVICE_NOT_WORKING_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint', 'delivery'] },
  { intent: 'connectivity', matches: TV_SIGNAL_CUES, odds: INTENT_CUE_FOR ** 2, outweighs: ['complaint'] },
  { intent: 'appointment', matches: APPOINTMENT_CUES, outweighs: ['complaint', 'delivery'] },
  // Charged after cancelling is the bill's problem: the customer has already left (STILL_CHARGED_CUES).
  { intent: 'billing', matches: STILL_CHARGED_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint', 'cancellation', 'delivery'] },
  // An amount taken twice, the sum between: "you took £55.00 twice … the order number is [ORDER_1]" read as delivery.
  { intent: 'billing', matches: amountTakenTwice, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint', 'delivery'] },
  // As strong as five cues: a thing sent back is a parcel to the model, and "Devolvi a coluna há três semanas e
  // ainda não recebi o reembolso" stayed delivery (0.77) with four.
  { intent: 'billing', matches: REFUND_AWAITED_CUES, odds: INTENT_CUE_FOR ** 5, outweighs: ['complaint', 'delivery'] },
  { intent: 'billing', matches: STORED_VALUE_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['complaint'] },
  { intent: 'billing', matches: REFUND_WORDS, odds: INTENT_CUE_FOR ** 2, outweighs: ['complaint'] },
  { intent: 'delivery', matches: MISSING_PART_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['connectivity', 'product_fault', 'complaint'] },
  { intent: 'billing', matches: UNWANTED_CHARGE_CUES, odds: INTENT_CUE_FOR ** 2, outweighs: ['complaint', 'delivery'] },
  { intent: 'billing', matches: BILL_AMOUNT_CUES, odds: INTENT_CUE_FOR ** 4, outweighs: ['complaint', 'delivery'] },
  { intent: 'billing', matches: BILLING_CUES, outweighs: ['complaint'] },
  { intent: 'pricing', matches: PRICING_CUES, odds: INTENT_CUE_FOR ** 3, outweighs: ['feature_request', 'connectivity'] },
  { intent: 'pricing', matches: MOVING_CUES, odds: INTENT_CUE_FOR ** 2, outweighs: ['connectivity', 'cancellation'] },
  { intent: 'pricing', matches: PLAN_HOLD_CUES, odds: INTENT_CUE_FOR ** 5, outweighs: ['cancellation', 'billing'] },
  // …and the plan that works well is no question of its price: "der neue Tarif läuft super" read as pricing.
  { intent: 'praise', matches: workingWellCue, odds: INTENT_CUE_FOR ** 3, outweighs: [...WORKING_THINGS, 'pricing'] },
  // As strong as three cues: an app judged is said with the app's words, which the model reads as its fault: "A vossa
  // nova app de TV está brutal, muito mais rápida" stayed bug_outage (0.46, praise 0.13) with two.
  { intent: 'praise', matches: praiseCue, odds: INTENT_CUE_FOR ** 3, outweighs: ['appointment'] },
  { intent: 'praise', matches: LIKING_CUES, odds: INTENT_CUE_FOR ** 2, outweighs: WORKING_THINGS },
  { intent: 'complaint', matches: COMPLAINT_LABELS, odds: INTENT_CUE_FOR ** 3 },
  { intent: 'complaint', matches: SERVICE_COMPLAINT_CUES },
]

/** Intents that say what kind of message it is, not what it is about. */
const KIND_INTENTS: ReadonlySet<string> = new Set([PRAISE_INTENT, COMPLAINT_INTENT, 'feature_request'])

/**
 * The default taxonomy's subjects whose words `folded` uses ("courier" is the delivery's, "router" the
 * connection's), however the message would be classified: what a reply to it talks about.
 */
export function subjectsNamedIn(folded: string): string[] {
  return [...new Set(INTENT_CUES.filter((cue) => !cue.alone && !KIND_INTENTS.has(cue.intent) && cue.matches(folded)).map((cue) => cue.intent))]
}

/**
 * The prediction with each matching cue's intent made its odds ratio times likelier (Bayes on the odds,
 * the other intents scaled down together), then decided as the model decides: `other` when the best
 * known intent stays under `otherThreshold`. An intent of the model's `labels` missing from the ranked
 * list enters it with the last ranked one's probability, the most it can have.
 */
export function withIntentCues(prediction: IntentPrediction, text: string, otherThreshold: number, labels: readonly string[] = []): IntentPrediction {
  const folded = foldText(text)
  const matching = INTENT_CUES.filter((cue) => cue.matches(folded))
  const matched = matching
    .filter((cue) => !cue.alone || matching.every((c) => c.intent === cue.intent))
    .filter((cue, i, all) => all.findIndex((c) => c.intent === cue.intent) === i)
  const outweighed = new Set(matched.flatMap((cue) => cue.outweighs ?? []))
  let ranked = prediction.ranked
  let moved = false
  for (const cue of matched) {
    if (outweighed.has(cue.intent)) continue
    // An intent under the model's ranked few has at most the last one's probability: "Mein Receiver startet
    // ständig neu" ranked product_fault outside them, and its cue was ignored.
    if (!ranked.some((r) => r.label === cue.intent) && labels.includes(cue.intent)) ranked = [...ranked, { label: cue.intent, p: Math.min(...ranked.map((r) => r.p)) }]
    const at = ranked.findIndex((r) => r.label === cue.intent)
    if (at < 0) continue
    const p = ranked[at]!.p
    const odds = cue.odds ?? INTENT_CUE_FOR
    const total = 1 + (odds - 1) * p
    ranked = ranked.map((r, i) => ({ label: r.label, p: (i === at ? odds * r.p : r.p) / total }))
    moved = true
  }
  if (!moved) return prediction
  ranked = [...ranked].sort((a, b) => b.p - a.p)
  const top = ranked[0]!
  const bestKnown = ranked.find((r) => r.label !== OTHER_INTENT)
  if (top.label === OTHER_INTENT || (bestKnown && bestKnown.p < otherThreshold)) return { label: OTHER_INTENT, confidence: 1 - (bestKnown?.p ?? 0), ranked }
  return { label: top.label, confidence: top.p, ranked }
}

/**
 * The intent of a message the sentiment reads as negative. Praise is positive feedback, so a negative
 * message is not praise ("Thanks for nothing" read as praise 0.62, and no cue outweighs "thanks"); nor is
 * one that complains about the service in so many words "other" ("Been on hold for an hour, this is
 * ridiculous" stayed under the threshold a subject needs). When the taxonomy has a complaint intent (the
 * default one's), that reading's share becomes the complaint's.
 */
export function withNegativeSentiment(prediction: IntentPrediction, text: string, taxonomy: ReadonlyArray<{ name: string }>): IntentPrediction {
  if (prediction.label !== PRAISE_INTENT && prediction.label !== OTHER_INTENT) return prediction
  if (!taxonomy.some((t) => t.name === COMPLAINT_INTENT)) return prediction
  if (prediction.label === OTHER_INTENT) {
    const folded = foldText(text)
    if (!COMPLAINT_LABELS(folded) && !SERVICE_COMPLAINT_CUES(folded)) return prediction
  }
  return shareMovedTo(prediction, COMPLAINT_INTENT)
}

/**
 * The intent of a message the sentiment reads as positive. A customer who says the thing works well now
 * gives positive feedback, praise in the default taxonomy, whatever thing they name: "The wifi has been
 * perfect since the new router, thanks" stayed connectivity (0.53) under the praise cue, as the model reads
 * "wifi" and "router" as the connection's (0.99), and its drafts apologised for dropouts. Nor is a
 * customer pleased in so many words complaining, or saying nothing: "Ich bin seit 10 Jahren Kunde und sehr
 * zufrieden" read as a complaint (0.37), with praise outside the model's ten likeliest intents.
 */
export function withPositiveSentiment(prediction: IntentPrediction, text: string, taxonomy: ReadonlyArray<{ name: string }>): IntentPrediction {
  const folded = foldText(text)
  // …or judges it in so many words: "La vostra nuova app TV è fantastica" stayed bug_outage (0.36, praise 0.30).
  if (!PLEASED_CAN_MOVE.includes(prediction.label) || !(workingWellCue(folded) || praiseCue(folded))) return prediction
  return taxonomy.some((t) => t.name === PRAISE_INTENT) ? shareMovedTo(prediction, PRAISE_INTENT) : prediction
}

/**
 * The intent of a customer who thanks for a problem put right (put-right.ts): praise, when the taxonomy has it,
 * with the share of the subject they name. "…had a problem with my bill and it was fixed in one message. Cheers!"
 * read as connectivity, and its drafts apologised for dropouts.
 */
export function asThanksForFix(prediction: IntentPrediction, labels: readonly string[]): IntentPrediction {
  if (prediction.label === PRAISE_INTENT || !labels.includes(PRAISE_INTENT)) return prediction
  return shareMovedTo(prediction, PRAISE_INTENT)
}

/** The prediction with its label's share given to `target`, the other intents' kept in proportion. */
function shareMovedTo(prediction: IntentPrediction, target: string): IntentPrediction {
  const moved = prediction.label
  // "Other" is the model's doubt about every subject (its confidence is 1 − the best subject's), any other label one class's share.
  const share = moved === OTHER_INTENT ? prediction.confidence : prediction.confidence + (prediction.ranked.find((r) => r.label === target)?.p ?? 0)
  const rest = prediction.ranked.filter((r) => r.label !== moved && r.label !== target)
  const restSum = rest.reduce((sum, r) => sum + r.p, 0)
  const ranked = [{ label: target, p: share }, ...rest.map((r) => ({ label: r.label, p: restSum > 0 ? (r.p * (1 - share)) / restSum : 0 }))]
    .sort((a, b) => b.p - a.p)
  return { label: ranked[0]!.label, confidence: ranked[0]!.p, ranked }
}
