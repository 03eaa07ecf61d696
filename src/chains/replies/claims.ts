// Claims of actions in a draft: "I've refunded it", "a replacement has been sent", "wir haben … storniert",
// "I've booked an engineer for Wednesday", "service is restored now", "I've checked your line and the signal
// is unstable".
// A draft reused from another case can state an action nobody took for this customer; such a draft is
// flagged (the agent must confirm before sending) and trusted less, unless this conversation already
// shows the action was done. A wording that promises ("we'll refund") is not a claim.
import { sentencesOf } from '../../text/sentences.ts'

export const ACTION_CLAIMS = ['refund', 'sent', 'cancelled', 'credited', 'fixed', 'escalated', 'booked', 'checked', 'outage'] as const
export type ActionClaim = (typeof ACTION_CLAIMS)[number]

/**
 * English: the action as the second verb of a perfect, "I've updated your address and sent a new reset
 * link": "I've"/"we have", a past participle, then "and <verb>" in the same sentence (a dot inside a
 * token, as in an address or an amount, does not end it).
 */
const andThen = (verbs: string) => `\\b(?:i|we)(?:'ve|’ve| have)\\s+(?:\\w+\\s+){0,2}?\\w+ed\\b(?:[^.!?;]|\\.(?=\\S)){0,60}?\\band\\s+(?:(?:also|just|already|then)\\s+)?(?:${verbs})\\b`

// English: not within a condition ("once your order has shipped", "when it is out for delivery").
const NOT_IF = '(?<!\\b(?:once|when|until|after|before|if|soon as)\\s+(?:[\\w\'’-]+\\s+){0,3})'

// Japanese states a done action in the past polite form; "返金いたします" (we will refund) is a promise.
const JA_DONE = '(?:を)?(?:いたしました|しました|させていただきました|済み|が完了(?:いたしました|しました))'
// Korean: a past tense, never the future -겠- ("환불해 드렸습니다" done, "환불해 드리겠습니다" promised).
const KO_DONE = '\\s?(?:해\\s?드렸|했|되었|됐|처리(?:해\\s?드렸|했|되었|됐)|(?:이|가|을|를)?\\s?완료)'
// Thai marks a done action with แล้ว or เรียบร้อย after the verb and its object ("ยกเลิกคำสั่งซื้อให้แล้ว");
// จะ before the verb promises.
const TH_DONE = '[\\u0E00-\\u0E7F]{0,15}?(?:แล้ว|เรียบร้อย)'
const thaiDone = (verbs: string) => `(?<!จะ\\s?)(?:${verbs})${TH_DONE}`
// Arabic: "تم"/"تمت" (has been done) or "قمنا ب" (we did) before the action's noun; "سيتم" (will be
// done), "سنقوم" and "سوف" promise. The verb's own past ("أرسلنا", we sent) is listed per claim.
const arabicDone = (nouns: string) => `(?<![\\u0600-\\u06FF])و?(?:تمت?|قمنا\\s?ب|لقد\\s?قمنا\\s?ب)\\s?(?:ال)?(?:${nouns})`
// Hindi: the verb with दिया/दी/लिया (done), हो गया (happened) or किया गया (was done); "करेंगे",
// "भेज देंगे" and "भेज दिया जाएगा" (will be sent) promise.
const hindiDone = (verbs: string) => `(?:${verbs})\\s?(?:(?:कर\\s?)?(?:दिया|दी|दिए|दिये|ली|लिया)|हो\\s?(?:गया|गई|गए|चुका|चुकी)|किया\\s?(?:गया|गई|है))(?!\\s?जा(?:एगा|एगी|एंगे|एँगे))`
// Hebrew is listed in the first person past ("שלחנו", we sent) and the passive past ("בוטלה"); the
// future ("נשלח", we will send) is written like "was sent" without vowels and is left out.

// Past or perfect statements only, per language: en fr de es pt it, then ja zh (已 = already done) ko th, then ar hi he.
const CLAIM_PATTERNS: Record<ActionClaim, RegExp> = {
  refund: new RegExp([
    andThen('refunded|reimbursed|reversed'),
    "\\b(?:i|we)(?:'ve|’ve| have| just| now)*\\s+(?:(?:fully|now|just|already)\\s+)?(?:refunded|reimbursed|processed (?:a|the|your) refund|issued (?:a|the|your) refund|reversed)",
    '\\b(?:is|was|has been|have been|been)\\s+(?:now\\s+|fully\\s+|already\\s+)?(?:refunded|reimbursed|reversed)',
    '\\brefund (?:has been|was|is) (?:processed|issued|approved|on its way)',
    "(?:j'ai|j’ai|nous avons|on a)\\s+(?:bien\\s+)?(?:remboursé|procédé au remboursement|effectué le remboursement)",
    '(?:a|ont|est|sont) été (?:intégralement\\s+)?rembours',
    // "il est remboursé aujourd'hui": the refund as a state, done; "sera remboursé" promises.
    '\\b(?:est|sont)\\s+(?:bien\\s+|déjà\\s+|intégralement\\s+)?rembours(?:é|ée|és|ées)(?![\\p{L}])',
    '(?:haben|habe|hat|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:zurück)?erstattet',
    '(?:hemos|he|ha sido|han sido|fue)\\s+(?:reembolsad|devuelt|procesado el reembolso)',
    '(?:reembolsámos|reembolsamos|estornamos|foi reembolsad|foram reembolsad|foi estornad)',
    '(?:abbiamo|ho|è stato|sono stati)\\s+(?:già\\s+)?rimborsat',
    `返金(?:処理)?${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:退款|退还|退回)|退款已(?:处理|完成|到账|发放|退回)',
    `환불${KO_DONE}`, thaiDone('คืนเงิน'),
    arabicDone('استرداد|إرجاع\\s?(?:المبلغ|المال)|رد\\s?المبلغ'), '(?:أعدنا|رددنا)\\s?(?:لك\\s?)?(?:المبلغ|المال)|استرددنا',
    hindiDone('रिफंड|धनवापसी|(?:पैसे|पैसा|राशि|रकम)\\s?वापस'), 'החזרנו|החזרתי|(?:בוצע|ביצענו)\\s?החזר|הוחזר',
  ].join('|'), 'iu'),
  sent: new RegExp([
    andThen('(?:re-?)?sent|shipped|dispatched|posted|mailed|emailed'),
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|already\\s+)?(?:(?:re-?)?sent|shipped|dispatched|posted|mailed|emailed)\\b",
    // "A fix is on its way" announces a release ("5.2.1 with the fix is on its way"), not a parcel sent.
    '\\b(?:has|have) been (?:sent|shipped|dispatched|posted)|(?<!\\b(?:fix|update|upgrade|version|release|patch)\\s)\\b(?:is|was) (?:now )?(?:on (?:its|the) way|shipped|dispatched)',
    // Where a parcel is now: "Your Brightbox is at the local depot and is out for delivery" was another customer's.
    `${NOT_IF}(?:\\b(?:is|are|was|were)\\s+|['’]s\\s+)(?:now\\s+|already\\s+)?(?:out for delivery|with the courier|at (?:the|your) (?:local )?depot|in transit)\\b`,
    // The thing itself as the subject of a plain past: "Order BW-8042600 shipped yesterday" reached a customer
    // still waiting for a voice remote. Not after "once", "when"…, nor with "will", "be"… before it.
    `${NOT_IF}\\b(?:order|parcel|package|replacement|remote|router|hub|box|item|it)(?:\\s+(?!(?:will|would|be|to|should|can|may|not)\\b)[\\w#-]+){0,2}?\\s+(?:shipped|dispatched|went out(?! of)|left (?:our|the) warehouse)\\b`,
    "(?:j'ai|j’ai|nous avons)\\s+(?:bien\\s+)?(?:envoyé|expédié)|(?:a|ont) été (?:envoyé|expédié)",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:verschickt|versendet|versandt|gesendet|zugeschickt)',
    '(?:hemos|he)\\s+(?:enviado|mandado)|(?:ha sido|fue|han sido) enviad',
    '(?:enviámos|enviamos|despachamos|foi enviad|foram enviad)',
    '(?:abbiamo|ho)\\s+(?:già\\s+)?(?:inviato|spedito)|(?:è stato|sono stati) (?:inviat|spedit)',
    // Where a parcel is now, in the other languages: "Il tuo Brightbox è al deposito locale e arriva [date]" was another customer's.
    "(?:est|sont)\\s+(?:déjà\\s+)?(?:au dépôt|en cours de livraison|en transit|chez le transporteur)|(?:ist|sind)\\s+(?:bereits\\s+)?(?:im (?:lokalen )?(?:depot|verteilzentrum)|in zustellung|unterwegs zu (?:dir|ihnen))|(?:está|están)\\s+(?:ya\\s+)?(?:en el (?:almacén|centro de reparto)|en reparto|en tránsito)|(?:está|estão)\\s+(?:já\\s+)?(?:no (?:armazém|centro de distribuição|depósito)|em trânsito|a caminho)|(?:è|sono)\\s+(?:già\\s+)?(?:al deposito|in consegna|in transito)",
    `(?:発送|送付|再送)${JA_DONE}|お送りしました`, '已(?:经)?(?:为您|给您)?(?:发货|寄出|发出|寄送|补发)',
    `(?:발송|배송)${KO_DONE}|보내\\s?드렸`, thaiDone('จัดส่ง|ส่งของ'),
    arabicDone('إرسال|شحن'), 'أرسلنا|أرسلت\\s?لك', hindiDone('भेज|डिस्पैच'), 'שלחנו|שלחתי|נשלחה|נשלחו',
  ].join('|'), 'iu'),
  cancelled: new RegExp([
    andThen('cancell?ed'),
    "\\bcancell?ation (?:is |has been )?confirmed|\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+)?cancell?ed\\b|\\b(?:has|have) been cancell?ed|\\b(?:is|was) (?:now )?cancell?ed",
    "(?:j'ai|j’ai|nous avons)\\s+(?:bien\\s+)?annulé|(?:a|ont) été annulé|est (?:bien )?annulé",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:storniert|gekündigt)',
    '(?:hemos|he)\\s+cancelado|(?:ha sido|fue|está) cancelad',
    '(?:cancelámos|cancelamos|foi cancelad)',
    '(?:abbiamo|ho)\\s+annullato|(?:è stato|è stata) annullat',
    `(?:キャンセル|解約)${JA_DONE}`, '已(?:经)?(?:为您|给您)?取消',
    `(?:취소|해지)${KO_DONE}`, thaiDone('ยกเลิก'),
    arabicDone('إلغاء'), 'ألغينا', hindiDone('रद्द|कैंसल'), 'ביטלנו|ביטלתי|בוטלה|בוטלו',
  ].join('|'), 'iu'),
  credited: new RegExp([
    andThen('credited'),
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+)?(?:credited|applied (?:a|the) (?:credit|discount)|added (?:a|the) (?:credit|voucher))|\\b(?:has|have) been credited|\\bcredit (?:has been|was) (?:applied|added)",
    // Under way: "A 2-day credit is being added to all affected accounts" reached a customer whose TV channels had gone.
    "\\b(?:credit|voucher|discount|compensation)s?\\b[^.!?]{0,40}\\b(?:is|are) (?:being|now being) (?:added|applied|credited|paid)|\\b(?:is|are) being credited|\\b(?:i|we)(?:['’]re| are| am|['’]m) (?:now )?(?:adding|applying) (?:a|the|an) (?:\\S+ )?(?:credit|voucher|discount)",
    "(?:j'ai|j’ai|nous avons)\\s+(?:crédité|appliqué un avoir)|a été crédité",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:gutgeschrieben)',
    '(?:hemos|he)\\s+(?:abonado|acreditado)|(?:ha sido|fue) (?:abonad|acreditad)',
    '(?:creditámos|creditamos|foi creditad)',
    '(?:abbiamo|ho)\\s+accreditato|(?:è stato|sono stati) accreditat',
    `(?:ポイント|クレジット|クーポン)(?:を)?(?:付与|追加|発行)${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:补偿|发放|充值)',
    `(?:적립|크레딧\\s?지급)${KO_DONE}`, thaiDone('เติมเครดิต|คืนเครดิต'),
    arabicDone('إضافة\\s?(?:ال)?رصيد|إيداع'), 'أضفنا\\s?(?:ال)?رصيد', hindiDone('क्रेडिट'), 'זיכינו|זיכיתי',
  ].join('|'), 'iu'),
  fixed: new RegExp([
    andThen('fixed|resolved|sorted|corrected|repaired'),
    // A fix applied to this customer's equipment: "I've also pushed the latest firmware to your router"
    // reached a French customer as "Nous avons aussi installé la dernière mise à jour sur votre Hub".
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:also\\s+|just\\s+|now\\s+)?(?:pushed|installed|applied|updated|upgraded)\\s+(?:[\\w-]+\\s+){0,3}?(?:firmware|software|update|patch)\\b",
    "(?:j'ai|j’ai|nous avons)\\s+(?:aussi\\s+|également\\s+)?(?:installé|appliqué|envoyé|mis à jour)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:mise à jour|micrologiciel|firmware|logiciel)",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,60}\\b(?:Firmware|Software|Update)\\b[^.!?]{0,30}\\b(?:geschickt|installiert|aufgespielt|aktualisiert)',
    '(?:hemos|he)\\s+(?:también\\s+)?(?:actualizado|instalado|aplicado|enviado)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:firmware|actualización|software)',
    '(?:atualizámos|atualizamos|instalámos|instalamos|aplicámos)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:firmware|atualização|software)',
    '(?:abbiamo|ho)\\s+(?:anche\\s+|già\\s+)?(?:aggiornato|installato|applicato|inviato)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:firmware|aggiornamento|software)',
    `(?:ファームウェア|ソフトウェア)(?:を)?(?:更新|アップデート)${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:更新|升级)(?:了)?(?:固件|软件)',
    `(?:펌웨어|소프트웨어)(?:를)?\\s?(?:업데이트|업그레이드)${KO_DONE}`, thaiDone('อัปเดตเฟิร์มแวร์|อัพเดทเฟิร์มแวร์'),
    // An account unlocked is fixed too: "I've unlocked the account and sent a fresh reset link" reached a customer whose account was never locked.
    `\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+)?(?:fixed|resolved|sorted|corrected|repaired|unlocked|unblocked)\\b|${NOT_IF}\\b(?:has|have) been (?:fixed|resolved|sorted(?: out)?|corrected|repaired|unlocked|unblocked)|${NOT_IF}\\b(?:is|was) (?:now )?(?:fixed|resolved|unlocked|unblocked)`,
    "(?:j'ai|j’ai|nous avons)\\s+(?:corrigé|résolu|réparé|débloqué)|(?:a|ont) été (?:corrigé|résolu|réparé|débloqué)|est (?:maintenant )?(?:corrigé|résolu|débloqué)",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:behoben|gelöst|repariert|korrigiert|entsperrt)',
    '(?:hemos|he)\\s+(?:solucionado|resuelto|corregido|arreglado|desbloqueado)|(?:ha sido|fue|está) (?:solucionad|resuelt|corregid|arreglad|desbloquead)',
    '(?:resolvemos|corrigimos|desbloqueámos|desbloqueamos|foi resolvid|foi corrigid|foi desbloquead|está resolvid)',
    '(?:abbiamo|ho)\\s+(?:risolto|corretto|sistemato|sbloccato)|(?:è stato|è stata) (?:risolt|corrett|sistemat|sbloccat)',
    // A service or an account back as it was: "service is restored now" told a customer still offline
    // (bw-x-0428, "Still nothing here in Shipley") that the outage was over.
    `\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+)?restored\\b|${NOT_IF}\\b(?:is|are|was|were|has been|have been)\\s+(?:now\\s+|fully\\s+)?(?:restored|back (?:up|online|to normal|since)|up and running again|working (?:normally )?again)|${NOT_IF}\\b(?:the\\s+)?repairs?\\s+(?:is|are|was|were|has been|have been)\\s+(?:now\\s+)?(?:finished|complete|completed|done)\\b`,
    "(?:j'ai|j’ai|nous avons)\\s+rétabli|(?:a|ont) été rétabli|(?:est|sont) (?:maintenant |de nouveau )?rétabli",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\bwiederhergestellt',
    '(?:hemos|he)\\s+restablecido|(?:ha sido|han sido|fue|está|quedó)\\s+restablecid',
    '(?:foi|foram|está|estão)\\s+(?:restabelecid|repost)',
    '(?:abbiamo|ho)\\s+ripristinato|(?:è stato|è stata|sono stati)\\s+ripristinat',
    `(?:修正|解決|復旧|修理)${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:修复|解决|处理好|修好|恢复)',
    `(?:해결|수정|복구)${KO_DONE}`, thaiDone('แก้ไข|กลับมาใช้งาน(?:ได้)?'),
    arabicDone('إصلاح|حل|استعادة|إعادة\\s?الخدمة'), 'أصلحنا|حللنا|عادت\\s?الخدمة', hindiDone('ठीक|हल|बहाल'), 'תיקנו|תיקנתי|תוקנה|תוקנו|שוחזר|חזר\\s?לפעול',
  ].join('|'), 'iu'),
  escalated: new RegExp([
    andThen('escalated|forwarded'),
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+)?(?:escalated|passed (?:this|it|your \\w+) (?:on|along)|raised (?:this|it|a ticket)|forwarded (?:this|it|your))|\\b(?:has|have) been (?:escalated|passed on|forwarded)",
    "(?:j'ai|j’ai|nous avons)\\s+(?:escaladé|transmis|remonté)|(?:a|ont) été (?:escaladé|transmis|remonté)",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:weitergeleitet|eskaliert)',
    '(?:hemos|he)\\s+(?:escalado|trasladado|derivado)|(?:ha sido|fue) (?:escalad|trasladad|derivad)',
    '(?:escalámos|escalamos|encaminhámos|encaminhamos|foi encaminhad|foi escalad)',
    '(?:abbiamo|ho)\\s+(?:inoltrato|segnalato|escalato)|(?:è stato|è stata) (?:inoltrat|segnalat)',
    `(?:担当部署|専門部署)に(?:共有|連携|報告|エスカレーション)${JA_DONE}|エスカレーション${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:转交|上报|反馈给)',
    `(?:전달|이관)${KO_DONE}|전달\\s?드렸`, thaiDone('ส่งเรื่อง(?:ต่อ)?|ส่งต่อ'),
    arabicDone('تصعيد|تحويل'), 'صعّدنا|صعدنا', hindiDone('फॉरवर्ड|एस्केलेट|आगे\\s?(?:भेज|बढ़ा)'), 'העברנו|העברתי|הועבר|הועברה|הסלמנו',
  ].join('|'), 'iu'),
  // An appointment, a visit or a move the agent booked: only a booking made for this customer ("I've
  // booked", "your visit is booked", "su visita está agendada"); "maintenance is scheduled for tonight"
  // and "el mantenimiento está programado" announce, not claim.
  booked: new RegExp([
    andThen('booked|scheduled|rescheduled|arranged'),
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+|already\\s+)?(?:booked|scheduled|rescheduled|arranged)\\b",
    '\\byour\\s+(?:[\\w-]+\\s+){0,2}(?:is|has been|was)\\s+(?:now\\s+|already\\s+)?(?:booked|scheduled|rescheduled)\\b',
    "(?:j'ai|j’ai|nous avons)\\s+(?:bien\\s+)?(?:réservé|planifié|programmé|fixé)|votre\\s+(?:[\\p{L}-]+\\s+){0,2}(?:a été|est)\\s+(?:bien\\s+)?(?:réservé|planifié|programmé)",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:gebucht|vereinbart|eingeplant|terminiert)',
    '(?:hemos|he)\\s+(?:reservado|programado|agendado|concertado)|\\b(?:tu|su)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:ha sido|fue|está|quedó)\\s+(?:reservad|programad|agendad)',
    '(?:agendámos|agendamos|marcámos|marcamos|reservámos)|\\b(?:o seu|a sua|o teu|a tua)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:foi|está)\\s+(?:agendad|marcad)',
    '(?:abbiamo|ho)\\s+(?:già\\s+)?(?:prenotato|programmato|fissato)|\\b(?:il tuo|la tua|il suo|la sua)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:è stato|è stata)\\s+(?:prenotat|programmat|fissat)',
    `(?:予約|手配)${JA_DONE}`, '已(?:经)?(?:为您|给您)?(?:预约|安排|预订)',
    `예약${KO_DONE}`, thaiDone('นัด(?:หมาย)?|จอง'),
    arabicDone('حجز|تحديد\\s?موعد|جدولة'), 'حجزنا', hindiDone('बुक|शेड्यूल'), 'קבענו|קבעתי|תיאמנו|תיאמתי',
  ].join('|'), 'iu'),
  // A finding on this customer's account, line or order: "I've checked your line and the signal is
  // unstable", "I've checked: the only change is the £3 price rise", "I can see two payments". Reused, it
  // reports another customer's case as this one's. "We'll check", "let me look into it" promise, and a
  // present tense that also promises ("lo revisamos", "verificamos") is left out.
  checked: new RegExp([
    andThen('checked|tested|investigated'),
    "\\b(?:i|we)(?:'ve|’ve| have| just)*\\s+(?:just\\s+|now\\s+|already\\s+)?(?:checked|double-checked|looked into|tested|investigated|(?:ran|run) (?:a |some )?(?:line |speed |remote )?(?:test|check|diagnostic)s?)\\b",
    "\\b(?:i|we) can (?:now )?see (?:that |from (?:our|my) (?:end|side|records),? |on (?:our|my) (?:end|side|system),? )?(?:your|two|both)\\b",
    "(?:j'ai|j’ai|nous avons)\\s+(?:bien\\s+)?(?:vérifié|contrôlé|testé|examiné)|\\baprès vérification",
    '(?:haben|habe|wurde|wurden|ist)\\b[^.!?]{0,40}\\b(?:geprüft|überprüft|nachgesehen|getestet|kontrolliert)',
    '(?:hemos|he)\\s+(?:revisado|comprobado|verificado|consultado)|\\btras (?:revisar|comprobar|verificar)',
    '(?:verifiquei|verificámos|confirmei|confirmámos|analisei|analisámos|consultei)',
    '(?:abbiamo|ho)\\s+(?:già\\s+)?(?:controllato|verificato)|\\bdopo (?:aver|una) (?:controllato|verifica)',
    `(?:お調べ|調査|点検)${JA_DONE}|確認(?:いたしました|した)ところ`, '已(?:经)?(?:为您|给您)?(?:查询|核实|核查|检查|查看)|经(?:查询|核实|核查|检查)',
    '확인\\s?(?:해\\s?(?:보니|본\\s?결과|봤|보았)|했|\\s?결과)|점검\\s?결과', thaiDone('ตรวจสอบ|เช็[กค]'),
    arabicDone('تحقق|فحص|مراجعة'), 'تحققنا|فحصنا|راجعنا|بعد\\s?(?:التحقق|الفحص|المراجعة)', hindiDone('जाँच|जांच|चेक'), 'בדקנו|בדקתי|(?:לאחר|אחרי)\\s?בדיקה',
  ].join('|'), 'iu'),
  // An outage stated as going on where the customer is: "A damaged fibre cable is causing an outage in
  // Headingley…" (0.57) was the first draft to "Is there an outage in Headingley?", the past case's town
  // replaced by this customer's. Whether there is one today is for the agent to confirm.
  outage: new RegExp([
    "\\b(?:is|are) causing (?:an|the) outage|\\bthere(?:'s|’s| is) (?:an|a known) (?:outage|network fault|fault)\\b|\\ban outage (?:affecting|in)\\b|\\bengineers are (?:on site|working on it|on it)",
    "\\bune panne (?:touche|affecte|est en cours|en cours)|\\bpanne (?:dans|sur) (?:votre|ta|la) (?:zone|secteur|quartier)|\\bnos techniciens (?:sont sur place|travaillent)",
    '\\b(?:eine )?störung (?:in (?:ihrer|deiner|der) (?:region|gegend|umgebung)|betrifft)|\\btechniker sind (?:vor ort|dran)',
    '\\bhay una avería|\\bavería (?:afecta|en (?:tu|su|la) zona)|\\btécnicos (?:ya )?(?:están|trabajan) (?:trabajando|en la zona|en ello)',
    '\\bhá uma avaria|\\bavaria (?:afeta|na (?:sua|tua) zona)|\\btécnicos (?:já )?(?:estão|trabalham) (?:a trabalhar|no local)',
    "\\bc['’]è un guasto|\\bguasto (?:che )?(?:interessa|nella (?:tua|sua) zona)|\\btecnici (?:sono|stanno) (?:già )?(?:lavorando|sul posto)",
  ].join('|'), 'iu'),
}

/**
 * The actions a text states as done, in a stable order. With `customerIdentifier` (the customer's own
 * order or account number, filled into another case's reply), a statement about it is that case's
 * finding told as this one's: "Order BW-8042600 is near the front of the queue" was checked for another
 * customer's order. A question about it ("Is BW-8042600 the right order?") states nothing.
 */
export function claimsOf(text: string, customerIdentifier?: string): ActionClaim[] {
  const stated = customerIdentifier !== undefined && sentencesOf(text).some((s) => s.includes(customerIdentifier) && !s.trimEnd().endsWith('?'))
  // An outage asked about ("Is there an outage in your area?") is not stated.
  const statements = sentencesOf(text).filter((s) => !/[?？]\s*$/u.test(s)).join(' ')
  return ACTION_CLAIMS.filter((claim) => CLAIM_PATTERNS[claim].test(claim === 'outage' ? statements : text) || (claim === 'checked' && stated))
}

/** Actions this conversation shows were done: an agent of this conversation said so. */
export function doneInConversation(turns: Array<{ role: string; text: string }>): Set<ActionClaim> {
  return new Set(turns.filter((t) => t.role === 'agent').flatMap((t) => claimsOf(t.text)))
}

/** Claims not backed by the conversation: the agent must confirm them before sending. */
export function unbackedClaims(claims: ActionClaim[], done: ReadonlySet<ActionClaim>): ActionClaim[] {
  return claims.filter((c) => !done.has(c))
}
