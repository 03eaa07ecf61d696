// The intent taxonomy of a workspace: what the intent classifiers choose from. Every workspace
// starts with DEFAULT_TAXONOMY (general customer care) and can replace it through the API;
// the examples double as few-shot training data for the local classifier.
import { z } from 'zod'

export interface IntentDef {
  name: string
  description: string
  examples: string[]
}

/** The label given when no intent of the taxonomy fits well enough. */
export const OTHER_INTENT = 'other'

export const MAX_INTENTS = 200
export const MAX_EXAMPLES_PER_INTENT = 200
export const MAX_EXAMPLE_CHARS = 1000
export const MAX_DESCRIPTION_CHARS = 500
export const INTENT_NAME_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

export const intentDefSchema = z.object({
  name: z.string().regex(INTENT_NAME_PATTERN, 'lower snake_case, starting with a letter, at most 40 characters'),
  description: z.string().trim().min(1).max(MAX_DESCRIPTION_CHARS),
  examples: z.array(z.string().trim().min(1).max(MAX_EXAMPLE_CHARS)).max(MAX_EXAMPLES_PER_INTENT),
})

export const taxonomySchema = z
  .array(intentDefSchema)
  .min(1)
  .max(MAX_INTENTS)
  .superRefine((intents, ctx) => {
    const seen = new Set<string>()
    intents.forEach((intent, i) => {
      if (seen.has(intent.name)) {
        ctx.addIssue({ code: 'custom', message: `duplicate intent name "${intent.name}"`, path: [i, 'name'] })
      }
      seen.add(intent.name)
    })
  })

export type Taxonomy = z.infer<typeof taxonomySchema>

/** Flattens a taxonomy into classifier training examples. */
export function taxonomyExamples(taxonomy: IntentDef[]): Array<{ text: string; label: string }> {
  return taxonomy.flatMap((intent) => intent.examples.map((text) => ({ text, label: intent.name })))
}

// Examples are written for Parley (not taken from any dataset): short, social-media-like,
// mostly English with French, Spanish, German, Portuguese, Italian, Korean and Thai.
export const DEFAULT_TAXONOMY: IntentDef[] = [
  {
    name: 'question',
    description: 'A general question about a product, service, policy, opening hours or how to do something, with no problem reported.',
    examples: [
      'What time does your store open on Sundays?',
      'Do you ship to Canada?',
      'How do I change the language in the app?',
      'Is the blue version still available in size M?',
      'Can I use the same plan on two phones?',
      'Where can I find the user manual for this model?',
      'Does the warranty cover water damage?',
      'Which payment methods do you accept?',
      'Quick question: is there a student discount?',
      'How long does the battery usually last?',
      'Is it possible to pick up my order in store?',
      'Do you have a branch near the central station?',
      'Quelle est la différence entre les deux formules ?',
      '¿Tienen tienda física en Madrid?',
      'Gibt es das Produkt auch in Schwarz?',
      'Vocês entregam aos sábados?',
      'Avete un numero di telefono per l’assistenza?',
      '매장 영업시간이 어떻게 되나요?',
      'ร้านเปิดกี่โมงคะ',
    ],
  },
  {
    name: 'complaint',
    description: 'The customer is unhappy about the service, staff, quality or how they were treated and says so.',
    examples: [
      'Worst customer service I have ever experienced.',
      'I waited 45 minutes on hold and then got disconnected. Unacceptable.',
      'Your agent was rude to me and hung up.',
      'The product broke after two days, really poor quality.',
      'I am so disappointed, nobody ever answers my emails.',
      'This is the third time I have to explain my problem to you.',
      'Terrible experience at your shop today, staff ignored us.',
      'You promised a callback yesterday and nobody called.',
      'Honestly fed up with how you treat loyal customers.',
      'The food arrived cold and the packaging was torn.',
      'Service client catastrophique, personne ne répond.',
      'Estoy muy molesto, nadie me ha dado una solución.',
      'Ich bin sehr enttäuscht von Ihrem Kundenservice.',
      'Péssimo atendimento, ninguém resolve nada.',
      'Servizio pessimo, sono davvero deluso.',
      '상담원이 너무 불친절했어요.',
      'บริการแย่มาก รอนานมาก',
    ],
  },
  {
    name: 'bug_outage',
    description: 'Something is broken or down: the app, website or service fails, crashes, shows errors or does not load.',
    examples: [
      'The app keeps crashing when I open it.',
      'Is your website down? I get a 500 error.',
      'Nothing loads since this morning, is there an outage?',
      'I cannot send messages, it just spins forever.',
      'Checkout button does nothing when I click it.',
      'The update broke notifications on my phone.',
      'Your service has been down for two hours in my area.',
      'Getting an error code 403 every time I try to upload.',
      'No internet connection since last night, the router light is red.',
      'The page is blank after the latest update.',
      "L'application plante à chaque ouverture.",
      'La web no carga, ¿hay una caída del servicio?',
      'Die App stürzt ständig ab.',
      'O site está fora do ar?',
      "L'app non funziona da stamattina.",
      '앱이 계속 꺼져요. 오류가 나요.',
      'แอปเข้าไม่ได้ ขึ้นข้อผิดพลาดตลอด',
    ],
  },
  {
    name: 'billing',
    description: 'Charges, invoices, refunds, payments, prices on a bill, double charges or payment failures.',
    examples: [
      'I was charged twice for the same order.',
      'Can I get a refund for last month?',
      'Why is my bill higher than usual?',
      'My payment was declined but the money left my account.',
      'Please send me an invoice for my purchase.',
      'There is a charge on my card I do not recognise.',
      'When will my refund be processed?',
      'You charged me after I cancelled my subscription.',
      'How do I update my credit card details?',
      'The promo code was not applied to my invoice.',
      'On m’a prélevé deux fois ce mois-ci.',
      '¿Cuándo me devuelven el dinero?',
      'Ich habe eine falsche Rechnung bekommen.',
      'Fui cobrado duas vezes no cartão.',
      'Mi avete addebitato un importo sbagliato.',
      '환불은 언제 되나요? 결제가 두 번 됐어요.',
      'โดนตัดเงินสองครั้งค่ะ ขอคืนเงินด้วย',
    ],
  },
  {
    name: 'delivery',
    description: 'Shipping and delivery: where an order is, late, lost or damaged parcels, tracking, wrong items delivered.',
    examples: [
      'Where is my order? It was supposed to arrive on Monday.',
      'My package says delivered but I never got it.',
      'The tracking number does not work.',
      'I received the wrong item in my parcel.',
      'The box arrived damaged.',
      'My delivery is a week late.',
      'Can I change the delivery address for my order?',
      'The courier left without ringing the bell.',
      'When will my order be shipped?',
      'Only half of my order arrived.',
      "Mon colis n'est toujours pas arrivé.",
      'Mi pedido no ha llegado todavía.',
      'Wo ist mein Paket? Die Sendungsverfolgung zeigt nichts.',
      'Meu pedido ainda não chegou.',
      'Il mio pacco è in ritardo di una settimana.',
      '택배가 아직 안 왔어요. 배송 조회가 안 돼요.',
      'พัสดุยังไม่มาส่งเลยค่ะ',
    ],
  },
  {
    name: 'account_login',
    description: 'Signing in, passwords, verification codes, locked or hacked accounts, changing account details.',
    examples: [
      'I cannot log in to my account.',
      'I forgot my password and the reset email never comes.',
      'My account has been locked.',
      'I think my account was hacked.',
      'I am not receiving the verification code by SMS.',
      'How do I change the email address on my account?',
      'The two-factor code is always invalid.',
      'It says my username does not exist.',
      'Please delete my account and my data.',
      'I keep getting logged out of the app.',
      'Je n’arrive pas à me connecter à mon compte.',
      'Olvidé mi contraseña y no puedo entrar.',
      'Mein Konto wurde gesperrt.',
      'Não consigo acessar minha conta.',
      'Non riesco ad accedere al mio account.',
      '로그인이 안 돼요. 비밀번호를 잊어버렸어요.',
      'เข้าสู่ระบบไม่ได้ ลืมรหัสผ่าน',
    ],
  },
  {
    name: 'cancellation',
    description: 'The customer wants to cancel or end a subscription, contract, booking or order, or threatens to leave.',
    examples: [
      'I want to cancel my subscription.',
      'How do I end my contract?',
      'Please cancel my order before it ships.',
      'I am switching to another provider, close my account.',
      'Cancel my membership effective immediately.',
      'How can I stop the automatic renewal?',
      'I need to cancel my booking for next week.',
      'If this is not fixed today I am leaving.',
      'Unsubscribe me from the premium plan.',
      'What is the notice period to terminate my plan?',
      'Je veux résilier mon abonnement.',
      'Quiero cancelar mi suscripción.',
      'Ich möchte meinen Vertrag kündigen.',
      'Quero cancelar minha assinatura.',
      'Vorrei disdire il mio abbonamento.',
      '구독을 해지하고 싶어요.',
      'ต้องการยกเลิกการสมัครสมาชิก',
    ],
  },
  {
    name: 'feature_request',
    description: 'A suggestion or wish for a new feature, product, option or improvement.',
    examples: [
      'Please add a dark mode to the app.',
      'It would be great if I could export my data to Excel.',
      'Any plans to support Apple Pay?',
      'You should offer a family plan.',
      'I wish the app had a widget for the home screen.',
      'Could you add an option to schedule deliveries?',
      'Please bring back the old layout as an option.',
      'Would love to see a vegan option on the menu.',
      'Suggestion: let us split the bill between cards.',
      'Can you make the app available on smartwatches?',
      'Ce serait bien d’avoir un mode sombre.',
      'Sería genial poder pagar con PayPal.',
      'Bitte fügt eine Exportfunktion hinzu.',
      'Seria ótimo ter o app em modo escuro.',
      'Sarebbe bello avere una versione per tablet.',
      '다크 모드 기능을 추가해 주세요.',
      'อยากให้เพิ่มฟีเจอร์โหมดมืดค่ะ',
    ],
  },
  {
    name: 'praise',
    description: 'Thanks, compliments or positive feedback about the product, service or staff.',
    examples: [
      'Thank you so much, your team was amazing!',
      'Great service, the problem was solved in minutes.',
      'Love the new update, works perfectly.',
      'Shout out to Anna from support, super helpful.',
      'Best delivery service ever, always on time.',
      'Just wanted to say you guys are awesome.',
      'The new menu is delicious, well done!',
      'Really impressed with how fast you replied.',
      'Thanks for the quick refund, much appreciated.',
      'Five stars, I will definitely order again.',
      'Merci beaucoup, service au top !',
      '¡Muchas gracias, excelente atención!',
      'Vielen Dank, super Service!',
      'Adorei o atendimento, muito obrigado!',
      'Grazie mille, servizio eccellente!',
      '친절하게 도와주셔서 감사합니다!',
      'ขอบคุณมากค่ะ บริการดีมาก',
    ],
  },
  {
    name: OTHER_INTENT,
    description: 'Anything else: greetings without a request, spam, off-topic chatter, messages not addressed to customer care.',
    examples: [
      'hi',
      'Hello there',
      'Happy new year everyone!',
      'Check out my profile for free followers',
      'Who is watching the game tonight?',
      'lol',
      'Good morning',
      'Follow me back please',
      'What a beautiful sunset today',
      'Click this link to win a free phone',
      'Bonjour à tous',
      'Hola buenos días',
      'Guten Morgen zusammen',
      'Bom dia pessoal',
      'Buongiorno a tutti',
      '안녕하세요',
      'สวัสดีค่ะ',
    ],
  },
]
