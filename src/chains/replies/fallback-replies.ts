// Replies written for Parley, not by the brand: what a draft falls back on when the brand's own past
// replies do not answer the case. Each is generic on purpose (no fact, no promise of an outcome), and is
// offered at a low confidence, below any past reply that fits.
import type { Approach } from './types.ts'

/** Used when the brand has too few past replies to draw on. */
export const TEMPLATES: Record<string, Partial<Record<Approach, string>>> = {
  en: {
    ask_dm: 'Thanks for reaching out. Could you send us a DM with a few more details so we can look into this for you?',
    check_and_follow_up: "Thanks for letting us know. We'll check this and get back to you as soon as we can.",
    ask_details: 'Could you tell us a little more about what happened, so we can help you with this?',
  },
  fr: {
    ask_dm: 'Merci de nous avoir contactés. Pouvez-vous nous envoyer un message privé avec quelques détails pour que nous puissions regarder cela ?',
    check_and_follow_up: 'Merci de nous avoir prévenus. Nous vérifions et revenons vers vous dès que possible.',
    ask_details: "Pouvez-vous nous en dire un peu plus sur ce qui s'est passé, afin que nous puissions vous aider ?",
  },
  es: {
    ask_dm: 'Gracias por escribirnos. ¿Nos envías un mensaje privado con algunos detalles para que podamos revisarlo?',
    check_and_follow_up: 'Gracias por avisarnos. Lo revisamos y te respondemos lo antes posible.',
    ask_details: '¿Puedes contarnos un poco más sobre lo que ha pasado para que podamos ayudarte?',
  },
  de: {
    ask_dm: 'Danke für deine Nachricht. Kannst du uns per Direktnachricht ein paar Details schicken, damit wir uns das ansehen können?',
    check_and_follow_up: 'Danke für den Hinweis. Wir prüfen das und melden uns so schnell wie möglich.',
    ask_details: 'Kannst du uns etwas genauer beschreiben, was passiert ist, damit wir dir helfen können?',
  },
  pt: {
    ask_dm: 'Obrigado pelo contacto. Pode enviar-nos uma mensagem privada com mais alguns detalhes para analisarmos?',
    check_and_follow_up: 'Obrigado por nos avisar. Vamos verificar e voltamos a falar consigo assim que possível.',
    ask_details: 'Pode contar-nos um pouco mais sobre o que aconteceu, para o podermos ajudar?',
  },
  it: {
    ask_dm: 'Grazie per averci scritto. Puoi inviarci un messaggio privato con qualche dettaglio così possiamo verificare?',
    check_and_follow_up: 'Grazie per la segnalazione. Verifichiamo e ti rispondiamo il prima possibile.',
    ask_details: 'Puoi raccontarci qualcosa in più su cosa è successo, così possiamo aiutarti?',
  },
  ko: {
    ask_dm: '문의해 주셔서 감사합니다. 확인할 수 있도록 자세한 내용을 DM으로 보내주시겠어요?',
    check_and_follow_up: '알려주셔서 감사합니다. 확인 후 최대한 빨리 다시 연락드리겠습니다.',
    ask_details: '도와드릴 수 있도록 어떤 일이 있었는지 조금 더 자세히 알려주시겠어요?',
  },
  th: {
    ask_dm: 'ขอบคุณที่ติดต่อเข้ามาค่ะ รบกวนส่งรายละเอียดเพิ่มเติมทางข้อความส่วนตัว เพื่อให้เราตรวจสอบให้นะคะ',
    check_and_follow_up: 'ขอบคุณที่แจ้งให้ทราบค่ะ เราจะตรวจสอบและติดต่อกลับโดยเร็วที่สุดค่ะ',
    ask_details: 'รบกวนเล่ารายละเอียดเพิ่มเติมอีกนิดได้ไหมคะ เพื่อให้เราช่วยดูให้ได้ค่ะ',
  },
  ja: {
    ask_dm: 'ご連絡ありがとうございます。確認いたしますので、詳細をDMでお送りいただけますか？',
    check_and_follow_up: 'お知らせいただきありがとうございます。確認のうえ、できるだけ早くご連絡いたします。',
    ask_details: 'お力になれるよう、何があったのかもう少し詳しく教えていただけますか？',
  },
  zh: {
    ask_dm: '感谢您的联系。请私信我们更多详细信息，以便我们为您查看。',
    check_and_follow_up: '感谢您告知我们。我们会尽快核实并回复您。',
    ask_details: '为了更好地帮助您，能否请您详细说明一下发生了什么？',
  },
  ar: {
    ask_dm: 'شكراً لتواصلك معنا. هل يمكنك إرسال بعض التفاصيل في رسالة خاصة حتى نتمكن من التحقق من الأمر؟',
    check_and_follow_up: 'شكراً لإبلاغنا. سنتحقق من الأمر ونعود إليك في أقرب وقت ممكن.',
    ask_details: 'هل يمكنك إخبارنا بمزيد من التفاصيل عما حدث حتى نتمكن من مساعدتك؟',
  },
  hi: {
    ask_dm: 'संपर्क करने के लिए धन्यवाद। क्या आप हमें निजी संदेश (DM) में कुछ और जानकारी भेज सकते हैं, ताकि हम इसे देख सकें?',
    check_and_follow_up: 'हमें बताने के लिए धन्यवाद। हम इसकी जाँच करेंगे और जल्द से जल्द आपसे संपर्क करेंगे।',
    ask_details: 'क्या आप हमें थोड़ा और बता सकते हैं कि क्या हुआ, ताकि हम आपकी मदद कर सकें?',
  },
  he: {
    ask_dm: 'תודה שפנית אלינו. אפשר לשלוח לנו הודעה פרטית עם עוד כמה פרטים כדי שנוכל לבדוק?',
    check_and_follow_up: 'תודה שעדכנת אותנו. נבדוק את הנושא ונחזור אליך בהקדם האפשרי.',
    ask_details: 'אפשר לספר לנו קצת יותר על מה שקרה, כדי שנוכל לעזור?',
  },
}

/**
 * For a customer who asks for a manager or has explained the case before (ESCALATION_CUES): an apology
 * (for the repetition when they said they repeat themselves) and one place to put the whole story, in
 * public by DM. "I want to speak to a manager… Third time I'm explaining" got "Thanks for the feedback!
 * We've passed it to our app team"; "your agent was rude… I want to make a formal complaint" was told
 * "I'm sorry you've had to explain this more than once", which nobody said.
 */
const ESCALATION: Record<string, { repeated: string; sorry: string; public: string; private: string }> = {
  en: {
    repeated: "I'm sorry you've had to explain this more than once.",
    sorry: "I'm sorry about this.",
    public: "Could you send us a DM with your account details and a short summary of what has happened so far? We'll make sure someone senior looks at it.",
    private: "Could you send us your account details and a short summary of what has happened so far? We'll make sure someone senior looks at it.",
  },
  fr: {
    repeated: 'Nous sommes désolés que vous ayez dû expliquer cela plusieurs fois.',
    sorry: 'Nous sommes désolés de cette situation.',
    public: "Pouvez-vous nous envoyer un message privé avec les références de votre compte et un résumé de ce qui s'est passé ? Nous veillerons à ce qu'un responsable s'en occupe.",
    private: "Pouvez-vous nous envoyer les références de votre compte et un résumé de ce qui s'est passé ? Nous veillerons à ce qu'un responsable s'en occupe.",
  },
  es: {
    repeated: 'Sentimos que hayas tenido que explicarlo más de una vez.',
    sorry: 'Sentimos lo ocurrido.',
    public: '¿Nos envías un mensaje privado con los datos de tu cuenta y un resumen de lo ocurrido? Nos aseguraremos de que lo revise un responsable.',
    private: '¿Nos envías los datos de tu cuenta y un resumen de lo ocurrido? Nos aseguraremos de que lo revise un responsable.',
  },
  de: {
    repeated: 'Es tut uns leid, dass du das mehrmals erklären musstest.',
    sorry: 'Das tut uns leid.',
    public: 'Kannst du uns per Direktnachricht deine Kontodaten und eine kurze Zusammenfassung schicken? Wir sorgen dafür, dass sich eine verantwortliche Person darum kümmert.',
    private: 'Kannst du uns deine Kontodaten und eine kurze Zusammenfassung schicken? Wir sorgen dafür, dass sich eine verantwortliche Person darum kümmert.',
  },
  pt: {
    repeated: 'Lamentamos que tenha tido de explicar isto mais do que uma vez.',
    sorry: 'Lamentamos o sucedido.',
    public: 'Pode enviar-nos uma mensagem privada com os dados da sua conta e um resumo do que aconteceu? Vamos garantir que um responsável analisa o caso.',
    private: 'Pode enviar-nos os dados da sua conta e um resumo do que aconteceu? Vamos garantir que um responsável analisa o caso.',
  },
  it: {
    repeated: 'Ci dispiace che tu abbia dovuto spiegarlo più di una volta.',
    sorry: 'Ci dispiace per quanto successo.',
    public: 'Puoi inviarci un messaggio privato con i dati del tuo account e un riepilogo di quanto successo? Ci assicureremo che se ne occupi un responsabile.',
    private: 'Puoi inviarci i dati del tuo account e un riepilogo di quanto successo? Ci assicureremo che se ne occupi un responsabile.',
  },
}

/** The escalation reply in the customer's language, or null where none is written; `repeated` when they said they explained it before. */
export function escalationReply(language: string, mode: 'public' | 'private', repeated: boolean): string | null {
  const reply = ESCALATION[language]
  return reply ? `${repeated ? reply.repeated : reply.sorry} ${reply[mode]}` : null
}

/**
 * For a customer who gives praise, when no past reply to praise fits: thanks, and nothing asked. "Tout
 * fonctionne à nouveau, merci beaucoup" got "Désolés pour ces coupures. Pouvez-vous débrancher le modem…"
 * (a reply to a dropout), and the templates above would ask a happy customer for details.
 */
const THANKS_FOR_PRAISE: Record<string, string> = {
  en: "Thank you so much for letting us know! We're glad to hear it, and we'll pass your kind words on to the team.",
  fr: "Merci beaucoup pour votre message ! Nous sommes ravis de l'apprendre et nous transmettons vos compliments à l'équipe.",
  es: '¡Muchas gracias por tu mensaje! Nos alegra mucho saberlo y trasladamos tus palabras al equipo.',
  de: 'Vielen Dank für deine Nachricht! Das freut uns sehr, und wir geben dein Lob gern an das Team weiter.',
  pt: 'Muito obrigado pela sua mensagem! Ficamos muito contentes e vamos partilhar as suas palavras com a equipa.',
  it: 'Grazie mille per il tuo messaggio! Ci fa molto piacere e passeremo i tuoi complimenti al team.',
  ko: '소중한 말씀 감사합니다! 기쁜 소식이네요. 팀에도 꼭 전달하겠습니다.',
  th: 'ขอบคุณมากสำหรับคำชมค่ะ ดีใจที่ได้ทราบ และเราจะส่งต่อคำชมนี้ให้ทีมนะคะ',
  ja: '温かいお言葉をありがとうございます！とても嬉しく思います。チームにも必ず伝えます。',
  zh: '非常感谢您的好评！我们很高兴听到这个消息，并会把您的认可转达给团队。',
  ar: 'شكراً جزيلاً على كلماتك اللطيفة! يسعدنا سماع ذلك، وسننقلها إلى الفريق.',
  hi: 'आपके अच्छे शब्दों के लिए बहुत धन्यवाद! यह सुनकर हमें खुशी हुई, और हम इसे टीम तक ज़रूर पहुँचाएँगे।',
  he: 'תודה רבה על המילים החמות! שמחים לשמוע, ונעביר אותן לצוות.',
}

/** The templates a draft falls back on in `language`: thanks alone for praise, the generic ones otherwise. */
export function fallbackTemplates(language: string, praise: boolean): Partial<Record<Approach, string>> {
  if (praise) return { acknowledge: THANKS_FOR_PRAISE[language] ?? THANKS_FOR_PRAISE.en }
  return TEMPLATES[language] ?? TEMPLATES.en!
}
