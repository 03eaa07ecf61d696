/**
 * Generates the demo corpus shipped in demo/: conversations of "Brightwave", a fictional home-internet
 * and streaming-box provider, over ten ISO weeks (2026-W36 … 2026-W45), plus its knowledge articles.
 *
 *   npx tsx scripts/make-demo-corpus.ts          # rewrites demo/conversations.jsonl and demo/knowledge.jsonl
 *
 * Every line of text below was written for Parley; nothing is copied from a dataset. The output is
 * deterministic (one seeded PRNG, fixed dates, fixed iteration order), so re-running the script gives
 * byte-identical files and test/unit/demo-corpus.test.ts can check the committed copy against it.
 */
import { realpathSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { seededRandom } from '../src/seeded-random.ts'

export type DemoChannel = 'x' | 'instagram' | 'facebook' | 'whatsapp' | 'email' | 'chat'
export type DemoLanguage = 'en' | 'fr' | 'es' | 'de' | 'pt' | 'it' | 'ko' | 'th'
export type DemoScenario =
  | 'billing_double_charge'
  | 'router_wifi'
  | 'delivery_delay'
  | 'password_reset'
  | 'cancellation'
  | 'plan_question'
  | 'praise_support'
  | 'app_feedback'
  | 'remote_backorder'
  | 'app_52_crash'
  | 'regional_outage'

export interface DemoMessage {
  externalId: string
  role: 'customer' | 'agent'
  author: string
  text: string
  sentAt: string
  language: DemoLanguage
}

export interface DemoConversation {
  channel: DemoChannel
  externalId: string
  customer: { handle: string; name?: string }
  messages: DemoMessage[]
  metadata: { scenario: DemoScenario; resolved: boolean }
}

export const DEMO_SEED = 20260831
export const DEMO_FIRST_MONDAY = '2026-08-31'
export const DEMO_WEEK_COUNT = 10
/** App 5.2 goes out on this instant; its crash reports must never predate it. */
export const APP_52_RELEASE = '2026-10-08T09:00:00Z'
/** The fibre cut in West Yorkshire: outage conversations start inside this window. */
export const OUTAGE_WINDOW = { start: '2026-10-27T06:40:00Z', end: '2026-10-28T20:00:00Z' }
/** Service came back at this instant, so "it's fixed" replies are never sent before it. */
export const OUTAGE_RESTORED = '2026-10-28T21:10:00Z'
/** New Voice Remote stock lands; back-order complaints switch tone and then fade out. */
export const REMOTE_STOCK_ARRIVED = '2026-10-01T00:00:00Z'

const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS
const PERIOD_START_MS = Date.parse(`${DEMO_FIRST_MONDAY}T00:00:00Z`)
const PERIOD_END_MS = PERIOD_START_MS + DEMO_WEEK_COUNT * WEEK_MS - 1000
const X_LIMIT = 280

// ---------------------------------------------------------------------------------------------
// Seeded randomness: the point is only that the same seed always walks the same path.

export type Rng = () => number

export function createRng(seed: number): Rng {
  return seededRandom(seed)
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]
const chance = (rng: Rng, p: number): boolean => rng() < p
const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1))

function weightedPick<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as Array<[T, number]>
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  let roll = rng() * total
  for (const [key, w] of entries) {
    roll -= w
    if (roll < 0) return key
  }
  return entries[entries.length - 1][0]
}

// ---------------------------------------------------------------------------------------------
// Scenario content. A thread is one way a scenario plays out: the customer's opening, the agent's
// first reply (steps or a request for details), then pairs of [customer follow-up, agent closing]
// that must agree with each other. Threads can be limited in time (e.g. before the remote stock
// arrived). Scenarios without `ask` are one-shot (praise, feedback): the agent just answers.

export interface Thread {
  open: string[]
  ask?: string[]
  outcomes: Array<[followUp: string, closing: string]>
  from?: string
  until?: string
}

type Tone = 'negative' | 'neutral' | 'positive'

export interface ScenarioSpec {
  key: DemoScenario
  tone: Tone
  /** The agent's closing reply (the fix) is not sent before this instant. */
  closingNotBefore?: string
  /** The agent's first reply is troubleshooting steps the customer can try (rather than a question). */
  askGivesSteps?: boolean
  /** Conversations started per ISO week, W36 … W45. Explicit so the timeline is readable and testable. */
  weekly: number[]
  window?: { start: string; end: string }
  languageAffinity?: Partial<Record<DemoLanguage, number>>
  channelWeights?: Partial<Record<DemoChannel, number>>
  lines: Partial<Record<DemoLanguage, Thread[]>>
}

// English is most of the traffic, so it gets the most templates. Slots in braces are filled per
// conversation (same order number, e-mail, device… across all its messages), see `slotValues`.
const EN: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: [
        "You've charged me twice this month. {amount} taken on the same day, twice. Why?",
        'Just checked my bank app and Brightwave took {amount} two times. I want the second one back.',
        'double charged again?? {amount} x2 on my card statement',
        'Hi, my direct debit went out twice this month ({amount} each). Can someone look into this please',
        'Why is there a second payment of {amount} on my account? I only have one plan with you.',
        'Been billed twice for the same month. Not the first time either. Refund please.',
        'So my bill is {amount} but you took {amount} twice. Thats my food money for the week 😤',
        "There are two identical charges from Brightwave on my credit card this month. Can you explain?",
        "paid my bill and then you took it AGAIN by direct debit. sort it out",
        'I was charged twice for order {order}. Please refund the duplicate.',
      ],
      ask: [
        "Sorry about that! Please don't share card details here. Could you send us the email on your account and the date of both payments? We'll get the duplicate refunded.",
        "Really sorry for the double charge. Can you DM us your account email or order number (never your card number) and we'll check the payments straight away.",
        "Apologies! A duplicate payment should never happen. If you send us the account email and the order number, we'll look at both charges and refund the extra one.",
      ],
      outcomes: [
        [
          'Account email is {email}, both payments were on the {dom}.',
          "Thanks! I can see the duplicate {amount}. I've refunded it today; it'll be back on your card in 3–5 working days.",
        ],
        [
          "order number is {order}, I've DMed you",
          "Got it, thank you. The second {amount} payment on {order} was a duplicate: I've refunded it and you'll see it in 3–5 working days.",
        ],
        [
          "It's {email}. This is the second time this year btw",
          "I'm sorry it happened twice. I've refunded the duplicate {amount} (3–5 working days) and added a £10 goodwill credit to your next bill.",
        ],
        [
          'Sent you my order number ({order}). Will I get charged twice again next month?',
          "No, you won't: the duplicate came from a payment retry on our side, which is fixed on your account. The extra {amount} is refunded, 3–5 working days to show.",
        ],
      ],
    },
  ],
  router_wifi: [
    {
      open: [
        'My wifi keeps dropping out {since}. The {hub} light goes orange and then back to white.',
        'internet cutting out every evening around 8pm, {since}. Paying for Fibre 500 and getting nothing',
        "Wifi is so unstable, drops every 20 mins or so. I've restarted the {hub} a hundred times.",
        'Can someone help me set up my new {hub}? The light just flashes orange and nothing connects.',
        'Connection keeps disconnecting on all devices {since}. Work calls keep freezing 😩',
        "Just moved the {hub} to the living room and now the wifi won't reach upstairs at all",
        'Hi, the internet drops several times a day and comes back after a few minutes. Any idea why?',
        'Is there a problem in my area? My broadband has been dropping on and off {since}.',
        'Wifi is down AGAIN. This is the 4th time this week. The {hub} keeps rebooting itself.',
        "Set up the {hub} like the leaflet says but my laptop can't see the network at all",
        'speeds are fine in the morning then the wifi just dies at night. what is going on',
      ],
      ask: [
        "Sorry to hear that! Could you unplug the {hub} for 30 seconds, plug it back in and wait until the light is solid white? If it drops again, tell us the time and we'll run a line test.",
        "Sorry about the dropouts. First step: restart the {hub} (unplugged for 30 secs) and check the light turns solid white. Then let us know if it still drops and we'll test your line.",
        "That's frustrating, sorry. Please restart the {hub} and keep it somewhere open, away from the TV and microwave. If it still drops, send us your account email and we'll run a line test.",
      ],
      outcomes: [
        [
          'Done that, still dropping. Happened again 10 mins ago.',
          "Thanks for trying. I've run a line test and found a fault on your line, so I've booked an engineer for {day} between 8am and 1pm. You'll get a text the day before.",
        ],
        [
          'Restarted it and it seems ok now, fingers crossed',
          "Great! I've also pushed the latest firmware to your {hub}, which fixes evening dropouts on some lines. Shout if it happens again.",
        ],
        [
          'Light is solid white now but the wifi upstairs is still really weak.',
          "That sounds like range rather than a fault. I've sent you a free Brightwave wifi booster; it should arrive in 2–3 working days with setup steps in the box.",
        ],
        [
          'Tried everything, same problem. My email is {email}',
          "Thanks, I've checked your line and the signal is unstable, so an engineer will visit on {day}. Sorry for the hassle, and I've added a credit for the days affected.",
        ],
      ],
    },
  ],
  delivery_delay: [
    {
      open: [
        "Where is my {box}? Ordered it {days} days ago and tracking hasn't moved.",
        'Order {order} was supposed to arrive yesterday. Nothing. No email, no update.',
        'Still waiting on my {box} delivery. Tracking says "in transit" for a week now.',
        'The courier says they tried to deliver my {box} but I was home all day?? No card, no knock.',
        "Hi, my {box} hasn't arrived and the tracking link says the parcel can't be found.",
        'My delivery was marked as delivered but there is nothing here. Order {order}',
        "ordered the {box} for the weekend, it's now {dow} and still not here",
        'How long does delivery normally take? My {box} order ({order}) has been processing for ages.',
      ],
      ask: [
        "Sorry for the wait! Could you send us your order number (it starts with BW-) so we can check with the courier?",
        "Apologies, that's not the experience we want. Send us the order number and your postcode and we'll chase the courier for you.",
        "Sorry about this. If you DM us the order number we'll check where your {box} is right now.",
      ],
      outcomes: [
        [
          "It's {order}",
          "Thanks! Your {box} is at the local depot and is out for delivery on {day}. You'll get a 1-hour delivery slot by text that morning.",
        ],
        [
          'Order {order}, postcode LS6 2QT',
          "I've checked and the courier lost track of the parcel, so I've sent a replacement {box} by next-day delivery. New tracking is on its way by email.",
        ],
        [
          '{order}. I need it before the weekend',
          "It's with the courier and due {day}. If it hasn't arrived by then, we'll send a replacement by next-day delivery at no cost.",
        ],
      ],
    },
  ],
  password_reset: [
    {
      open: [
        "I can't log in to my account and the password reset email never arrives.",
        'Forgot my password, clicked reset, nothing in my inbox (checked spam too)',
        'The reset link says it has expired every time I click it. How do I get into my account?',
        'locked out of my Brightwave account after too many tries. help',
        'Trying to log in to pay my bill but it says my email is not recognised?',
        'Password reset link takes me to an error page. Tried 3 times.',
        'I changed my email address and now I cannot sign in to the website at all',
        "can't remember which email I used for my account, how do I reset the password?",
      ],
      ask: [
        "Sorry about that! Reset links last 30 minutes and only the newest one works. Could you tell us the email on your account so we can check it's the right one?",
        "Let's get you back in. Which email address is on your account? The reset email comes from no-reply@brightwave.example, so it's worth checking spam too.",
        "Sorry for the trouble. After 5 failed tries the account locks for 30 minutes. Send us your account email and we'll unlock it and send a fresh link.",
      ],
      outcomes: [
        [
          "It's {email}",
          "Thanks! I've unlocked the account and sent a fresh reset link to {email}. It's valid for 30 minutes; use the newest email only.",
        ],
        [
          'should be {email} but maybe the old one',
          "Found it, your account was still on your old address. I've updated it to {email} and sent a new reset link there.",
        ],
        [
          '{email}. Still nothing arriving',
          "Our emails to that address were bouncing. I've cleared the block and resent the link; it should arrive within a few minutes.",
        ],
      ],
    },
  ],
  cancellation: [
    {
      open: [
        'I want to cancel my contract. How do I do that?',
        "Moving abroad next month, need to cancel my broadband. What's the notice period?",
        'Please cancel my Brightwave subscription. Found a cheaper deal elsewhere.',
        "How much does it cost to leave early? I'm 14 months into an 18 month contract.",
        'Cancelling. The price rise was the last straw. Tell me what I need to do',
        'Want to cancel the Stream+ add-on but keep the internet. Possible?',
        "I've tried to cancel online three times and the page just errors. Cancel my account please.",
      ],
      ask: [
        "Sorry to see you go. You can cancel with 30 days' notice; outside your minimum term there's no fee. Can you send us your account email so we can check your contract?",
        "We can help with that. Could you send your account email or order number? I'll check your minimum term and any early exit fee before anything is changed.",
        "No problem. Can I ask what made you decide to leave? And please send us your account email so we can look at your contract.",
      ],
      outcomes: [
        [
          'Email is {email}. Just want it done',
          "Done: your cancellation is booked for 30 days from today, reference {ref}. We'll send a prepaid bag for the {hub}; please return it within 30 days.",
        ],
        [
          '{email}, and the price went up too much tbh',
          "Thanks for telling us. You're out of your minimum term, so there's no exit fee. Cancellation confirmed, reference {ref}, with your final bill 30 days from today.",
        ],
        [
          '{email}. Only the Stream+ bit please',
          "All sorted: Stream+ is removed from your next bill (reference {ref}) and your broadband stays as it is. You can keep using the {box} as a standard streamer.",
        ],
      ],
    },
  ],
  plan_question: [
    {
      open: [
        "What's the difference between Fibre 500 and Fibre 900? Is 900 worth it for a family of 5?",
        'Can I upgrade my speed without starting a new contract?',
        'Thinking of upgrading, how much is Fibre 900 for existing customers?',
        "Does the Stream+ bundle include the {box} or do I pay for it separately?",
      ],
      ask: [
        "Happy to help! Fibre 500 suits most homes; Fibre 900 is for lots of 4K streaming and big downloads at once. You can upgrade any time without a new contract. Want me to check the price for your address?",
        "Good question! Upgrades don't restart your contract and take effect within 24 hours. Send us your account email and we'll tell you the exact price for your plan.",
      ],
      outcomes: [
        [
          'Yes please, {email}',
          "For your address Fibre 900 is {amount} a month, the same contract end date. I've sent the upgrade link to {email}; it goes live within 24 hours of accepting.",
        ],
        ['ok and is the box included?', "Yes, Stream+ includes the {box} and the Voice Remote at no extra cost, and you can add it to your current plan any time."],
      ],
    },
    {
      open: [
        "I'm moving house next month. Can I take my Brightwave plan with me?",
        'moving in 3 weeks, what happens to my broadband?',
        'Do I need a new contract if I move? New place is in the same town.',
      ],
      ask: [
        "Congratulations on the move! You can take your plan with you at no cost if we cover the new address. Could you send us the new postcode and your moving date?",
      ],
      outcomes: [
        [
          'New postcode is M14 5RT, moving on the 1st',
          "Great news, we cover that address with the same speed. I've booked your home move for the 1st; take the {hub} with you and plug it in on the day.",
        ],
        [
          "it's BS3 4NX, from the 20th",
          "That address is covered. Your move is booked for the 20th with no fee and your contract stays the same. Just take the {hub} with you.",
        ],
      ],
    },
    {
      open: [
        'Why did my bill go up this month? Nobody told me.',
        'My monthly price went up by £3. Is that the yearly price rise?',
        'Can someone explain the new charges on my bill?',
      ],
      ask: [
        "Sorry for the surprise. Prices rise once a year in September by a fixed amount that's in your contract; we emailed about it in July. Want me to check that's all it is on your bill?",
      ],
      outcomes: [
        ['Yes please, email is {email}', "I've checked: the only change is the £3 yearly price rise from September. Nothing else has changed on your bill."],
        [
          'ok but that is a lot. Any cheaper plan?',
          "I hear you. Fibre 150 would save you £8 a month and is plenty for streaming in HD. I've emailed you the details so you can compare.",
        ],
      ],
    },
  ],
  praise_support: [
    {
      open: [
        'Shoutout to {agentFirst} on live chat today, sorted my router in 10 minutes. Best support I have had from any provider 👏',
        "Honestly impressed. Engineer came on time, fixed the line and explained everything. Thank you Brightwave!",
        "Just want to say thanks to the support team, you've been really patient with me this week 🙏",
        'Brightwave support on whatsapp is brilliant, quick and no script reading. More of this please',
        'Had a problem with my bill and it was fixed in one message. Never thought I would say this about an internet company 😅',
        'Big thanks to the engineer who came out today. Wifi is faster than ever.',
        'Switched to Brightwave last month and it has been faultless so far. Great speeds 🚀',
      ],
      outcomes: [
        ['', "Thank you so much for taking the time to tell us! We'll pass your kind words on to the team. ❤️"],
        ['', "This made our day! We'll make sure the team hears about it. Enjoy the speeds!"],
        ['', "Thank you! Lovely to hear, we'll share this with the team. Shout if you ever need anything."],
      ],
    },
  ],
  app_feedback: [
    {
      until: APP_52_RELEASE,
      open: [
        'Love the new usage stats in the Brightwave app, really handy',
        'Could you add a dark mode to the app? Only thing missing',
        'The app is actually good now. Restarting the router from my phone is a life saver',
        'Feature request: let me pause wifi for the kids from the app at bedtime',
        'Any plans to add the TV guide to the app? Would be great',
      ],
      outcomes: [
        ['', "Thanks for the feedback! We've passed it to our app team, who read every suggestion."],
        ['', "Glad you like it! Keep an eye out for the next update; there's more coming."],
      ],
    },
    {
      from: APP_52_RELEASE,
      open: [
        'The new look in the app is nice, but where has the data usage screen gone?',
        'The new TV guide in the app is great. Would be nice to set reminders too',
      ],
      outcomes: [['', "Thanks for the feedback! We've passed it to our app team, who read every suggestion."]],
    },
  ],
  remote_backorder: [
    {
      until: REMOTE_STOCK_ARRIVED,
      open: [
        'Ordered the {remote} {days} days ago and it still says "awaiting stock". When will it ship?',
        'Where is my {remote}? Order {order}. No updates at all.',
        'You took my money for a {remote} that you do not even have in stock?',
        'My {remote} order has been stuck on "processing" for weeks. Is it ever coming?',
        'Any update on the {remote} back order? Been waiting since August',
        'Still no {remote}. The old one is falling apart and the website says delivered in 3 days lol',
      ],
      ask: [
        "Sorry for the wait! The {remote} is on back order because demand was much higher than expected. New stock arrives at the end of September and orders ship in the order they were placed. Could you send us your order number?",
        "Apologies! The {remote} sold out faster than we planned for. Stock is due late September and we'll email you the moment yours ships. If you DM your order number we can check your place in the queue.",
      ],
      outcomes: [
        [
          "It's {order}",
          "Thanks! Order {order} is near the front of the queue and will ship in the first batch when stock arrives. You can cancel for a full refund any time before then.",
        ],
        [
          '{order}. Can I just cancel?',
          "Of course. I've cancelled {order} and refunded {amount} to your original payment method; it takes 3–5 working days to show.",
        ],
      ],
    },
    {
      from: REMOTE_STOCK_ARRIVED,
      open: [
        'Has the {remote} stock arrived yet? Still waiting on order {order}.',
        'My {remote} finally shipped, only took 5 weeks 🙄',
        'Still no sign of the {remote}, I was told end of September.',
      ],
      ask: ["Sorry it took so long! The new stock has arrived and back orders are shipping this week. Could you send us your order number so we can check yours?"],
      outcomes: [
        ['{order}', "Order {order} shipped yesterday and should be with you in 1–2 working days. The tracking link is in your email."],
      ],
    },
  ],
  app_52_crash: [
    {
      open: [
        'Since updating the {app} to {ver} it crashes the second I try to log in. {device}',
        'app just freezes on the loading screen after the update 🙄',
        "Is anyone else's Brightwave app crashing after the update? Can't sign in at all",
        'New app version is broken. Face ID login → crash. Every single time.',
        'Updated to {ver} yesterday and now the app closes itself after the splash screen on my {device}',
        'cant log into the app since the update, keeps kicking me out',
        'The app freezes when I open the TV guide and then closes itself. {device}, version {ver}',
        "Your latest update made the app unusable. Can't check my bill or restart the router from it anymore",
        'Reinstalled the {app} twice, still crashing at login. What is going on?',
        'app update = app crash. nice one brightwave',
        'Fingerprint login crashes the {app} since {ver} on my {device}. Please fix',
        'The app has been frozen on a white screen since I updated it this morning',
      ],
      ask: [
        "Sorry about this! It's a known issue in app 5.2 with Face ID/fingerprint sign-in on some phones. Workaround: clear the app's cache (or reinstall), then sign in with email and password. A fix is coming in 5.2.1.",
        "Apologies! 5.2 has a bug with biometric login on some devices. Please clear the app cache, then sign in with your email and password instead of Face ID/fingerprint. 5.2.1 with the fix is on its way.",
        "Thanks for flagging, and sorry! We know about this 5.2 crash at sign-in. Clearing the app's cache and logging in with email and password (not biometrics) gets around it until 5.2.1 is out.",
      ],
      outcomes: [
        [
          'That worked, thanks. Bit annoying though',
          "Glad it's working! You can turn biometric login back on once 5.2.1 is out; it'll arrive as a normal update in the app store.",
        ],
        [
          'Cleared the cache, still crashing 😩',
          "Sorry! Please uninstall and reinstall the app, then sign in with email and password, not biometrics. Until 5.2.1 you can also manage everything at brightwave.example/account.",
        ],
        [
          'ok the email login works but the TV guide still freezes',
          "Thanks for checking. The TV guide freeze is part of the same 5.2 bug and is fixed in 5.2.1. Until then, the guide on the {box} itself works as normal.",
        ],
      ],
    },
  ],
  regional_outage: [
    {
      open: [
        'Is Brightwave down in {area}? No internet since this morning',
        'Broadband completely dead in {area}. Anyone else? 😡',
        'No internet at all since about 7am, {area}. I work from home!!',
        'Outage in {area}? Router light is red and nothing works',
        "Whole street has no Brightwave internet in {area}. What's happening?",
        'Is there an outage? {area}, down since this morning, phone line dead too',
        "Day 2 with no broadband in {area}. I want compensation.",
        "no wifi, no TV, no updates from you. {area}. great",
      ],
      ask: [
        "Really sorry! There's an outage affecting parts of West Yorkshire including {area} since 06:40 on Tuesday after a fibre cable was damaged. Engineers are on site; live updates at brightwave.example/status",
        "We're sorry! A damaged fibre cable is causing an outage in {area} and nearby areas. Engineers are working on it now; follow brightwave.example/status for updates.",
      ],
      outcomes: [
        [
          'Any ETA? This is costing me a days work',
          "The repair is finished and service in {area} has been back since 21:10 on Wednesday. Every affected account gets a 2-day credit on the next bill automatically, no need to claim.",
        ],
        [
          'Still nothing here in {area}',
          "Service is restored now. If your {hub} is still offline, please restart it once. A 2-day credit is being added to all affected accounts automatically.",
        ],
      ],
    },
  ],
}

// Other languages: fewer templates, and only the scenarios that plausibly reach each market's
// support team. French customers lean heavily towards wifi dropouts (see `languageAffinity`), which
// is what "What do French-speaking customers complain about most?" should find.
const FR: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: [
        "Vous m'avez prélevé deux fois {amount} ce mois-ci. Je veux être remboursé.",
        'Double prélèvement sur mon compte !! {amount} x2, pourquoi ?',
        "Bonjour, j'ai été facturé deux fois pour la commande {order}. Merci de corriger.",
      ],
      ask: [
        "Toutes nos excuses ! Ne partagez jamais vos coordonnées bancaires ici. Pouvez-vous nous envoyer l'e-mail de votre compte et la date des deux prélèvements ?",
      ],
      outcomes: [
        ["C'est {email}, les deux le {dom}.", "Merci ! Le second prélèvement de {amount} était bien un doublon : il est remboursé aujourd'hui, comptez 3 à 5 jours ouvrés."],
        ['Commande {order}, je vous ai écrit en privé', "C'est corrigé : le doublon de {amount} sur {order} est remboursé (3 à 5 jours ouvrés). Désolés pour le désagrément."],
      ],
    },
  ],
  router_wifi: [
    {
      open: [
        'Le wifi coupe tous les soirs {since}. Inadmissible pour le prix.',
        'Coupures internet toutes les 20 minutes, le voyant du {hub} passe à l’orange puis revient au blanc.',
        'Encore une coupure de connexion ce soir 😡 ça fait {days} jours que ça dure',
        "Bonjour, ma connexion se coupe plusieurs fois par jour. J'ai déjà redémarré le {hub}, rien n'y fait.",
        'Impossible de faire une visio sans que le wifi décroche. Il se passe quoi chez Brightwave ?',
        "Installation du nouveau {hub} : le voyant clignote orange et aucun appareil ne se connecte",
        'le wifi ne marche plus à l’étage depuis que j’ai déplacé le {hub}',
        'Internet instable depuis une semaine, ça coupe et ça revient. Je télétravaille !!',
        "Pourquoi ma connexion fibre saute tous les soirs vers 21h ? J'en ai marre",
      ],
      ask: [
        "Désolés pour ces coupures. Pouvez-vous débrancher le {hub} 30 secondes, le rebrancher et attendre que le voyant soit blanc fixe ? Si ça coupe encore, dites-nous l'heure et nous testerons votre ligne.",
        "Nous sommes désolés. Redémarrez le {hub} (30 secondes débranché) et placez-le dans un endroit dégagé, loin de la télé. Si le problème continue, envoyez-nous l'e-mail du compte pour un test de ligne.",
      ],
      outcomes: [
        ['Fait, ça coupe toujours. Mon e-mail : {email}', "Merci. Le test de ligne montre un défaut : un technicien passera {day} entre 8h et 13h. Vous recevrez un SMS la veille."],
        ['Redémarré, ça a l’air d’aller pour l’instant', "Parfait ! Nous avons aussi installé la dernière mise à jour sur votre {hub}, elle corrige les coupures du soir sur certaines lignes."],
        ["Voyant blanc mais toujours pas de wifi à l'étage", "C'est plutôt une question de portée. Nous vous envoyons gratuitement un répéteur wifi Brightwave, livré sous 2 à 3 jours ouvrés."],
      ],
    },
  ],
  delivery_delay: [
    {
      open: [
        "Où est mon {box} ? Commandé il y a {days} jours et le suivi ne bouge pas.",
        'Commande {order} toujours pas livrée, aucune nouvelle.',
        'Le livreur dit être passé mais j’étais chez moi toute la journée…',
      ],
      ask: ['Désolés pour l’attente ! Pouvez-vous nous envoyer votre numéro de commande (il commence par BW-) ?'],
      outcomes: [
        ['{order}', 'Merci ! Votre {box} est au dépôt local et sera livré {day}. Vous recevrez un créneau d’une heure par SMS.'],
        ["C'est {order}, toujours rien", 'Le transporteur a perdu le colis : nous vous envoyons un nouveau {box} en livraison express, sans frais.'],
      ],
    },
  ],
  password_reset: [
    {
      open: [
        "Je n'arrive pas à me connecter et je ne reçois pas l'e-mail de réinitialisation.",
        'Le lien pour changer mon mot de passe est expiré à chaque fois ??',
        'Compte bloqué après trop d’essais. Comment faire ?',
      ],
      ask: ["Désolés ! Le lien est valable 30 minutes et seul le plus récent fonctionne. Quelle adresse e-mail est liée à votre compte ?"],
      outcomes: [
        ["C'est {email}", "Merci ! Votre compte est débloqué et un nouveau lien a été envoyé à {email}. Il est valable 30 minutes."],
        ['{email}, j’ai vérifié les spams', "Nos e-mails vers cette adresse étaient bloqués. C'est réglé, le lien vient d'être renvoyé."],
      ],
    },
  ],
  cancellation: [
    {
      open: [
        'Je souhaite résilier mon abonnement. Quelle est la marche à suivre ?',
        'Je déménage à l’étranger, comment résilier ?',
        "Résiliation svp, j'ai trouvé moins cher ailleurs.",
      ],
      ask: ["Dommage de vous voir partir. La résiliation se fait avec un préavis de 30 jours, sans frais après la période minimale. Pouvez-vous nous envoyer l'e-mail de votre compte ?"],
      outcomes: [
        ['{email}', "C'est fait : résiliation enregistrée dans 30 jours, référence {ref}. Nous vous enverrons un sac prépayé pour renvoyer le {hub}."],
        ['{email}, et la hausse de prix est de trop', "Merci pour votre retour. Vous êtes hors période minimale, donc sans frais. Résiliation confirmée, référence {ref}."],
      ],
    },
  ],
  plan_question: [
    {
      open: [
        'Quelle est la différence entre Fibre 500 et Fibre 900 ?',
        'Est-ce que je peux augmenter mon débit sans nouveau contrat ?',
      ],
      ask: ["Bonne question ! Fibre 500 convient à la plupart des foyers, Fibre 900 aux gros usages 4K. Le changement se fait à tout moment, sans nouvel engagement. Voulez-vous le prix pour votre adresse ?"],
      outcomes: [['Oui, {email}', 'Pour votre adresse, Fibre 900 est à {amount} par mois. Le lien de changement a été envoyé à {email}.']],
    },
  ],
  praise_support: [
    {
      open: [
        'Merci à {agentFirst} du chat, problème réglé en 10 minutes 👏',
        'Technicien ponctuel et très sympa, connexion parfaite depuis. Merci Brightwave !',
        'Service client au top sur WhatsApp, rapide et efficace.',
      ],
      outcomes: [['', 'Merci beaucoup pour ce message ! Nous transmettons à l’équipe ❤️']],
    },
  ],
  remote_backorder: [
    {
      until: REMOTE_STOCK_ARRIVED,
      open: [
        'Ma {remote} commandée il y a {days} jours est toujours "en attente de stock". Elle arrive quand ?',
        'Commande {order} (télécommande) : aucune nouvelle depuis des semaines.',
      ],
      ask: ["Désolés pour l'attente ! La télécommande vocale est en rupture : le nouveau stock arrive fin septembre et les commandes partent dans l'ordre. Pouvez-vous nous donner votre numéro de commande ?"],
      outcomes: [['{order}', 'Merci ! La commande {order} partira dans le premier lot. Vous pouvez aussi annuler pour un remboursement complet.']],
    },
  ],
  app_52_crash: [
    {
      open: [
        "Depuis la mise à jour {ver}, l'appli plante dès que je me connecte. {device}",
        "L'application reste bloquée sur l'écran blanc depuis la mise à jour 🙄",
        'Connexion par Face ID = plantage. Corrigez votre appli svp',
        "Impossible d'ouvrir l'appli Brightwave depuis hier, elle se ferme toute seule",
      ],
      ask: ["Désolés ! C'est un problème connu de la version 5.2 avec la connexion Face ID/empreinte. Videz le cache de l'appli (ou réinstallez-la), puis connectez-vous avec e-mail et mot de passe. Le correctif arrive dans la 5.2.1."],
      outcomes: [
        ['Ça marche, merci', "Parfait ! Vous pourrez réactiver la connexion biométrique avec la version 5.2.1."],
        ['Toujours le même plantage 😩', "Désolés ! Désinstallez puis réinstallez l'appli et connectez-vous par e-mail. En attendant la 5.2.1, tout est aussi disponible sur brightwave.example/account."],
      ],
    },
  ],
}

const ES: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: [
        'Me habéis cobrado dos veces {amount} este mes. Quiero que me devolváis uno.',
        'Cobro duplicado en mi cuenta!! {amount} x2',
        'Hola, me aparece el pedido {order} cobrado dos veces.',
      ],
      ask: ['¡Lo sentimos! No compartas datos de tarjeta por aquí. ¿Nos envías el email de tu cuenta y la fecha de los dos cargos?'],
      outcomes: [
        ['Es {email}', '¡Gracias! El segundo cargo de {amount} era un duplicado: lo hemos devuelto hoy, tardará de 3 a 5 días hábiles.'],
        ['Pedido {order}, os lo mando por privado', 'Solucionado: hemos devuelto el cargo duplicado de {amount} del pedido {order}. Lo verás en 3-5 días hábiles.'],
      ],
    },
  ],
  router_wifi: [
    {
      open: [
        'El wifi se corta cada noche desde hace {days} días. ¿Qué pasa?',
        'Se me va internet cada 20 minutos, ya he reiniciado el {hub} mil veces',
        'La luz del {hub} parpadea en naranja y no conecta nada 😤',
        'Hola, la conexión va y viene todo el día. Teletrabajo y así no se puede.',
      ],
      ask: ['¡Lo sentimos! ¿Puedes desenchufar el {hub} 30 segundos, volver a enchufarlo y esperar a que la luz quede blanca fija? Si se vuelve a cortar, dinos la hora y probamos tu línea.'],
      outcomes: [
        ['Hecho y se sigue cortando. Mi email: {email}', 'Gracias. La prueba de línea muestra una avería: un técnico irá el {day} entre las 8 y las 13 h.'],
        ['Reiniciado, de momento va bien', '¡Genial! También hemos actualizado el firmware de tu {hub}, que corrige los cortes nocturnos en algunas líneas.'],
      ],
    },
  ],
  delivery_delay: [
    {
      open: [
        '¿Dónde está mi {box}? Lo pedí hace {days} días y el seguimiento no se mueve.',
        'El pedido {order} tenía que llegar ayer. Nada.',
        'Dice que el repartidor vino pero estuve en casa todo el día…',
      ],
      ask: ['¡Perdona la espera! ¿Nos pasas el número de pedido (empieza por BW-) para revisarlo con la empresa de transporte?'],
      outcomes: [
        ['{order}', '¡Gracias! Tu {box} está en el almacén local y se entrega el {day}. Recibirás una franja de una hora por SMS.'],
        ['Es {order}, sigue sin llegar', 'El transportista ha perdido el paquete: te enviamos otro {box} con entrega urgente, sin coste.'],
      ],
    },
  ],
  password_reset: [
    {
      open: ['No me llega el email para cambiar la contraseña.', 'El enlace de restablecer contraseña dice que ha caducado', 'Cuenta bloqueada, no puedo entrar'],
      ask: ['¡Lo sentimos! El enlace dura 30 minutos y solo funciona el más reciente. ¿Qué email tiene tu cuenta?'],
      outcomes: [
        ['{email}', '¡Gracias! Hemos desbloqueado la cuenta y enviado un enlace nuevo a {email}. Es válido 30 minutos.'],
        ['Es {email} y ya miré en spam', 'Nuestros correos a esa dirección se estaban bloqueando. Ya está arreglado y te hemos reenviado el enlace.'],
      ],
    },
  ],
  cancellation: [
    {
      open: ['Quiero darme de baja. ¿Cómo lo hago?', 'Me mudo fuera del país, necesito cancelar el contrato', 'Cancelad mi cuenta por favor, he encontrado algo más barato'],
      ask: ['Sentimos que te vayas. La baja se hace con 30 días de preaviso y sin penalización fuera de la permanencia. ¿Nos pasas el email de tu cuenta?'],
      outcomes: [['{email}', 'Hecho: la baja queda registrada en 30 días, referencia {ref}. Te enviaremos una bolsa prepagada para devolver el {hub}.']],
    },
  ],
  praise_support: [
    {
      open: ['Gracias a {agentFirst} del chat, me lo solucionó en 10 minutos 👏', 'El técnico fue puntual y muy amable. ¡Gracias Brightwave!', 'Atención por WhatsApp de 10, rápida y clara.'],
      outcomes: [['', '¡Muchísimas gracias por tu mensaje! Se lo pasamos al equipo ❤️']],
    },
  ],
  remote_backorder: [
    {
      until: REMOTE_STOCK_ARRIVED,
      open: ['Pedí el {remote} hace {days} días y sigue "pendiente de stock". ¿Cuándo llega?', 'Pedido {order} del mando: ni una noticia en semanas.'],
      ask: ['¡Perdona la espera! El mando por voz está agotado; el nuevo stock llega a finales de septiembre y los pedidos salen por orden. ¿Nos das tu número de pedido?'],
      outcomes: [['{order}', '¡Gracias! El pedido {order} sale en el primer envío. También puedes cancelarlo con reembolso completo.']],
    },
  ],
  app_52_crash: [
    {
      open: [
        'Desde la actualización {ver} la app se cierra al iniciar sesión. {device}',
        'La app se queda congelada en la pantalla de carga desde que actualicé 🙄',
        'No puedo entrar en la app de Brightwave, se cierra sola',
      ],
      ask: ['¡Lo sentimos! Es un error conocido de la versión 5.2 con el inicio de sesión por huella/Face ID. Borra la caché de la app (o reinstálala) y entra con email y contraseña. La 5.2.1 lo soluciona.'],
      outcomes: [
        ['Funciona, gracias', '¡Genial! Podrás volver a activar el acceso biométrico con la versión 5.2.1.'],
        ['Sigue cerrándose 😩', '¡Perdona! Desinstala y vuelve a instalar la app y entra con tu email. Mientras llega la 5.2.1, tienes todo en brightwave.example/account.'],
      ],
    },
  ],
}

const DE: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: ['Ihr habt diesen Monat zweimal {amount} abgebucht. Bitte erstatten.', 'Doppelte Abbuchung!! {amount} zweimal am selben Tag', 'Hallo, Bestellung {order} wurde mir doppelt berechnet.'],
      ask: ['Das tut uns leid! Bitte keine Kartendaten hier teilen. Schickst du uns die E-Mail-Adresse deines Kontos und das Datum der beiden Abbuchungen?'],
      outcomes: [
        ['Das ist {email}', 'Danke! Die zweite Abbuchung über {amount} war doppelt. Wir haben sie heute erstattet, das dauert 3–5 Werktage.'],
        ['Bestellung {order}, per DM geschickt', 'Erledigt: die doppelte Zahlung von {amount} für {order} ist erstattet, in 3–5 Werktagen auf deinem Konto.'],
      ],
    },
  ],
  router_wifi: [
    {
      open: ['Das WLAN bricht jeden Abend ab, seit {days} Tagen. Was ist los?', 'Internet fällt alle 20 Minuten aus, {hub} schon x-mal neu gestartet', 'Die Lampe am {hub} blinkt orange und nichts verbindet sich', 'Ständig Verbindungsabbrüche im Homeoffice. So geht das nicht.'],
      ask: ['Das tut uns leid! Zieh bitte den Stecker vom {hub} für 30 Sekunden und warte, bis die Lampe dauerhaft weiß leuchtet. Wenn es wieder abbricht, sag uns die Uhrzeit, dann testen wir deine Leitung.'],
      outcomes: [
        ['Gemacht, bricht immer noch ab. Meine E-Mail: {email}', 'Danke. Der Leitungstest zeigt eine Störung, ein Techniker kommt am {day} zwischen 8 und 13 Uhr.'],
        ['Neu gestartet, läuft gerade', 'Super! Wir haben deinem {hub} außerdem die neueste Firmware geschickt, die abendliche Abbrüche auf manchen Leitungen behebt.'],
      ],
    },
  ],
  delivery_delay: [
    {
      open: ['Wo bleibt meine {box}? Vor {days} Tagen bestellt, Sendungsverfolgung steht still.', 'Bestellung {order} sollte gestern kommen. Nichts.', 'Der Bote sagt, er war da. Ich war den ganzen Tag zu Hause…'],
      ask: ['Entschuldige die Wartezeit! Schickst du uns die Bestellnummer (beginnt mit BW-)? Dann fragen wir beim Paketdienst nach.'],
      outcomes: [
        ['{order}', 'Danke! Deine {box} ist im Verteilzentrum und wird am {day} geliefert. Du bekommst ein Zeitfenster per SMS.'],
        ['{order}, immer noch nichts da', 'Das Paket ist beim Paketdienst verloren gegangen. Wir schicken dir kostenlos eine neue {box} per Expressversand.'],
      ],
    },
  ],
  password_reset: [
    {
      open: ['Die E-Mail zum Zurücksetzen des Passworts kommt nicht an.', 'Der Link zum Passwort-Reset ist jedes Mal abgelaufen??', 'Konto gesperrt nach zu vielen Versuchen. Was nun?'],
      ask: ['Das tut uns leid! Der Link gilt 30 Minuten und nur der neueste funktioniert. Welche E-Mail-Adresse ist mit deinem Konto verknüpft?'],
      outcomes: [['{email}', 'Danke! Dein Konto ist entsperrt und ein neuer Link ist an {email} unterwegs. Er gilt 30 Minuten.']],
    },
  ],
  cancellation: [
    {
      open: ['Ich möchte meinen Vertrag kündigen. Wie geht das?', 'Ich ziehe ins Ausland und muss kündigen.', 'Bitte kündigen, habe ein günstigeres Angebot gefunden.'],
      ask: ['Schade, dass du gehst. Die Kündigungsfrist beträgt 30 Tage, nach der Mindestlaufzeit ohne Gebühr. Schickst du uns die E-Mail deines Kontos?'],
      outcomes: [['{email}', 'Erledigt: Kündigung zum Ablauf von 30 Tagen, Referenz {ref}. Wir schicken dir einen frankierten Beutel für die Rücksendung des {hub}.']],
    },
  ],
  plan_question: [
    {
      open: ['Was ist der Unterschied zwischen Fibre 500 und Fibre 900?', 'Kann ich meine Geschwindigkeit ohne neuen Vertrag erhöhen?'],
      ask: ['Gute Frage! Fibre 500 reicht für die meisten Haushalte, Fibre 900 ist für viel 4K-Streaming gleichzeitig. Ein Wechsel geht jederzeit ohne neue Laufzeit. Sollen wir den Preis für deine Adresse prüfen?'],
      outcomes: [['Ja, {email}', 'Für deine Adresse kostet Fibre 900 {amount} im Monat. Den Link zum Wechsel haben wir an {email} geschickt.']],
    },
  ],
  remote_backorder: [
    {
      until: REMOTE_STOCK_ARRIVED,
      open: ['Meine {remote} ist seit {days} Tagen "nicht auf Lager". Wann kommt sie?', 'Bestellung {order} (Fernbedienung): seit Wochen keine Info.'],
      ask: ['Entschuldige die Wartezeit! Die Sprachfernbedienung ist ausverkauft, neue Ware kommt Ende September und Bestellungen gehen der Reihe nach raus. Schickst du uns die Bestellnummer?'],
      outcomes: [['{order}', 'Danke! Bestellung {order} geht mit der ersten Lieferung raus. Du kannst auch jederzeit gegen volle Erstattung stornieren.']],
    },
  ],
  app_52_crash: [
    {
      open: ['Seit dem Update auf {ver} stürzt die App beim Login ab. {device}', 'App hängt seit dem Update auf dem Ladebildschirm 🙄', 'Login mit Fingerabdruck = Absturz. Bitte fixen.'],
      ask: ['Das tut uns leid! Das ist ein bekannter Fehler in Version 5.2 beim Login mit Face ID/Fingerabdruck. Leere den App-Cache (oder installiere neu) und melde dich mit E-Mail und Passwort an. 5.2.1 behebt es.'],
      outcomes: [
        ['Klappt, danke', 'Super! Mit Version 5.2.1 kannst du den biometrischen Login wieder einschalten.'],
        ['Stürzt immer noch ab 😩', 'Sorry! Bitte deinstallieren, neu installieren und mit E-Mail anmelden. Bis 5.2.1 geht alles auch unter brightwave.example/account.'],
      ],
    },
  ],
}

const PT: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: ['Cobraram-me duas vezes {amount} este mês. Quero o reembolso.', 'Cobrança duplicada!! {amount} x2 no cartão', 'Olá, a encomenda {order} foi cobrada duas vezes.'],
      ask: ['Pedimos desculpa! Não partilhe dados do cartão aqui. Pode enviar-nos o email da conta e a data das duas cobranças?'],
      outcomes: [['É {email}', 'Obrigado! A segunda cobrança de {amount} era duplicada: foi reembolsada hoje e demora 3 a 5 dias úteis.']],
    },
  ],
  router_wifi: [
    {
      open: ['O wifi vai abaixo todas as noites há {days} dias.', 'A internet cai a cada 20 minutos, já reiniciei o {hub} várias vezes', 'A luz do {hub} pisca laranja e nada liga 😤'],
      ask: ['Lamentamos! Pode desligar o {hub} durante 30 segundos, voltar a ligar e esperar que a luz fique branca fixa? Se voltar a cair, diga-nos a hora e testamos a linha.'],
      outcomes: [
        ['Já fiz, continua a cair. Email: {email}', 'Obrigado. O teste mostra uma avaria na linha: um técnico vai a sua casa na {day} entre as 8h e as 13h.'],
        ['Reiniciei e parece estar bem', 'Ótimo! Também atualizámos o firmware do seu {hub}, que corrige quebras à noite em algumas linhas.'],
      ],
    },
  ],
  delivery_delay: [
    {
      open: ['Onde está o meu {box}? Encomendei há {days} dias.', 'A encomenda {order} devia ter chegado ontem. Nada.'],
      ask: ['Pedimos desculpa pela espera! Pode enviar-nos o número da encomenda (começa por BW-)?'],
      outcomes: [['{order}', 'Obrigado! O seu {box} está no armazém local e será entregue na {day}.']],
    },
  ],
  password_reset: [
    {
      open: ['Não recebo o email para repor a palavra-passe.', 'O link de recuperação diz sempre que expirou'],
      ask: ['Lamentamos! O link é válido 30 minutos e só o mais recente funciona. Qual é o email da sua conta?'],
      outcomes: [['{email}', 'Obrigado! Desbloqueámos a conta e enviámos um novo link para {email}, válido 30 minutos.']],
    },
  ],
  praise_support: [
    {
      open: ['Obrigado à {agentFirst} do chat, resolveu tudo em 10 minutos 👏', 'Apoio no WhatsApp excelente, rápido e simpático.'],
      outcomes: [['', 'Muito obrigado pela mensagem! Vamos partilhar com a equipa ❤️']],
    },
  ],
  app_52_crash: [
    {
      open: ['Desde a atualização {ver} a app fecha quando faço login. {device}', 'A app fica bloqueada no ecrã de carregamento desde a atualização'],
      ask: ['Pedimos desculpa! É um erro conhecido da versão 5.2 com login por Face ID/impressão digital. Limpe a cache da app (ou reinstale) e entre com email e palavra-passe. A 5.2.1 resolve.'],
      outcomes: [['Funcionou, obrigado', 'Ótimo! Pode voltar a ativar o login biométrico com a versão 5.2.1.']],
    },
  ],
}

const IT: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: ['Mi avete addebitato due volte {amount} questo mese. Voglio il rimborso.', 'Doppio addebito!! {amount} x2', "Buongiorno, l'ordine {order} mi è stato addebitato due volte."],
      ask: ["Ci scusiamo! Non condividere qui i dati della carta. Puoi inviarci l'email dell'account e la data dei due addebiti?"],
      outcomes: [["È {email}", "Grazie! Il secondo addebito di {amount} era un doppione: l'abbiamo rimborsato oggi, servono 3-5 giorni lavorativi."]],
    },
  ],
  router_wifi: [
    {
      open: ['Il wifi si disconnette ogni sera da {days} giorni.', 'Internet cade ogni 20 minuti, ho già riavviato il {hub} mille volte', 'La luce del {hub} lampeggia arancione e non si connette niente'],
      ask: ["Ci dispiace! Puoi staccare il {hub} per 30 secondi, riattaccarlo e aspettare che la luce sia bianca fissa? Se cade ancora, dicci l'ora e testiamo la linea."],
      outcomes: [
        ['Fatto, cade ancora. Email: {email}', 'Grazie. Il test mostra un guasto sulla linea: un tecnico passerà {day} tra le 8 e le 13.'],
        ['Riavviato, per ora funziona', 'Ottimo! Abbiamo anche aggiornato il firmware del tuo {hub}, che risolve le cadute serali su alcune linee.'],
      ],
    },
  ],
  delivery_delay: [
    {
      open: ['Dove è il mio {box}? Ordinato {days} giorni fa.', "L'ordine {order} doveva arrivare ieri. Niente."],
      ask: ["Scusa per l'attesa! Puoi inviarci il numero d'ordine (inizia con BW-)?"],
      outcomes: [['{order}', 'Grazie! Il tuo {box} è al deposito locale e arriva {day}.']],
    },
  ],
  cancellation: [
    {
      open: ['Vorrei disdire il contratto. Come faccio?', 'Mi trasferisco all’estero, devo disdire.'],
      ask: ["Ci dispiace vederti andare. La disdetta richiede 30 giorni di preavviso, senza costi dopo il periodo minimo. Puoi inviarci l'email dell'account?"],
      outcomes: [['{email}', 'Fatto: disdetta registrata tra 30 giorni, riferimento {ref}. Ti invieremo una busta prepagata per restituire il {hub}.']],
    },
  ],
  praise_support: [
    {
      open: ['Grazie a {agentFirst} della chat, problema risolto in 10 minuti 👏', 'Tecnico puntuale e gentilissimo. Grazie Brightwave!'],
      outcomes: [['', 'Grazie mille per il messaggio! Lo condividiamo con il team ❤️']],
    },
  ],
  app_52_crash: [
    {
      open: ["Dall'aggiornamento {ver} l'app si chiude quando faccio il login. {device}", "L'app resta bloccata sulla schermata di caricamento dopo l'aggiornamento"],
      ask: ["Ci scusiamo! È un problema noto della versione 5.2 con l'accesso tramite Face ID/impronta. Svuota la cache dell'app (o reinstallala) e accedi con email e password. La 5.2.1 lo risolve."],
      outcomes: [['Funziona, grazie', "Ottimo! Con la versione 5.2.1 potrai riattivare l'accesso biometrico."]],
    },
  ],
}

const KO: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: ['이번 달 요금이 {amount}씩 두 번 결제됐어요. 환불해 주세요.', '같은 날 {amount}이 두 번 빠져나갔습니다. 확인 부탁드려요'],
      ask: ['불편을 드려 죄송합니다. 카드 정보는 여기에 남기지 마시고, 계정 이메일과 결제 날짜를 알려주시겠어요?'],
      outcomes: [['{email} 입니다', '확인 감사합니다. 중복 결제된 {amount}은 오늘 환불 처리되었으며, 영업일 기준 3~5일 내에 반영됩니다.']],
    },
  ],
  router_wifi: [
    {
      open: ['와이파이가 저녁마다 계속 끊겨요. {hub} 재부팅해도 똑같아요 😩', '인터넷이 {days}일째 자꾸 끊깁니다. 확인 부탁드려요', '공유기 불빛이 주황색으로 깜빡이고 와이파이가 안 잡혀요'],
      ask: ['불편을 드려 죄송합니다. 공유기 전원을 30초 동안 뽑았다가 다시 꽂고, 불빛이 흰색으로 계속 켜지는지 확인해 주시겠어요? 또 끊기면 시간을 알려주세요.'],
      outcomes: [
        ['해봤는데 여전히 끊겨요. 이메일은 {email}', '확인 감사합니다. 회선 점검 결과 장애가 확인되어 {day} 오전 8시~오후 1시에 기사 방문을 예약해 드렸습니다.'],
        ['재부팅하니까 지금은 괜찮아요', '다행입니다! 일부 회선의 저녁 끊김 문제를 해결하는 최신 펌웨어도 공유기에 적용해 드렸습니다.'],
      ],
    },
  ],
  password_reset: [
    {
      open: ['비밀번호 재설정 메일이 안 와요.', '재설정 링크를 누르면 만료됐다고만 나와요'],
      ask: ['죄송합니다. 링크는 30분 동안만 유효하고 가장 최근 링크만 작동합니다. 계정에 등록된 이메일을 알려주시겠어요?'],
      outcomes: [['{email}', '감사합니다. 계정 잠금을 해제하고 {email}로 새 링크를 보내드렸습니다. 30분 동안 유효합니다.']],
    },
  ],
  praise_support: [
    {
      open: ['채팅 상담해 주신 {agentFirst}님 덕분에 10분 만에 해결했어요. 감사합니다 👏', '기사님이 시간 맞춰 오셔서 친절하게 고쳐주셨어요. 최고예요!'],
      outcomes: [['', '따뜻한 말씀 감사합니다! 팀에 꼭 전달하겠습니다 ❤️']],
    },
  ],
  app_52_crash: [
    {
      open: ['{ver} 업데이트 후 앱이 로그인할 때마다 꺼져요. {device}', '업데이트하고 나서 앱이 로딩 화면에서 멈춰요 😩', 'Face ID로 로그인하면 앱이 바로 튕깁니다. 빨리 고쳐주세요'],
      ask: ['불편을 드려 죄송합니다. 5.2 버전에서 Face ID/지문 로그인 시 발생하는 알려진 오류입니다. 앱 캐시를 삭제(또는 재설치)한 뒤 이메일과 비밀번호로 로그인해 주세요. 5.2.1에서 수정됩니다.'],
      outcomes: [
        ['됐어요, 감사합니다', '다행입니다! 5.2.1 업데이트 후에는 생체 인증 로그인을 다시 켜셔도 됩니다.'],
        ['그래도 계속 꺼져요', '죄송합니다. 앱을 삭제 후 다시 설치하고 이메일로 로그인해 주세요. 5.2.1 전까지는 brightwave.example/account 에서도 모두 이용하실 수 있습니다.'],
      ],
    },
  ],
}

const TH: Partial<Record<DemoScenario, Thread[]>> = {
  billing_double_charge: [
    {
      open: ['เดือนนี้โดนตัดเงิน {amount} สองครั้งค่ะ ขอเงินคืนด้วย', 'ทำไมถึงเก็บเงินซ้ำ {amount} สองรอบครับ'],
      ask: ['ขออภัยค่ะ กรุณาอย่าส่งข้อมูลบัตรที่นี่นะคะ รบกวนแจ้งอีเมลของบัญชีและวันที่ที่ถูกตัดเงินทั้งสองครั้งค่ะ'],
      outcomes: [['{email} ค่ะ', 'ขอบคุณค่ะ ยอด {amount} ที่ถูกตัดซ้ำได้คืนเงินแล้ววันนี้ จะเข้าบัญชีภายใน 3-5 วันทำการค่ะ']],
    },
  ],
  router_wifi: [
    {
      open: ['เน็ตหลุดทุกคืนเลยค่ะ รีสตาร์ท{hub}แล้วก็ไม่หาย', 'ไวไฟหลุดบ่อยมาก {days} วันแล้วครับ', 'ไฟที่{hub}กะพริบสีส้ม ต่อเน็ตไม่ได้เลย 😩'],
      ask: ['ขออภัยในความไม่สะดวกค่ะ รบกวนถอดปลั๊ก{hub} 30 วินาทีแล้วเสียบใหม่ รอจนไฟเป็นสีขาวค้างนะคะ ถ้ายังหลุดอีกแจ้งเวลาได้เลยค่ะ จะตรวจสอบสายให้'],
      outcomes: [
        ['ทำแล้วยังหลุดอยู่ อีเมล {email}', 'ขอบคุณค่ะ ตรวจสายแล้วพบปัญหา ได้นัดช่างเข้าไปวัน{day} ช่วง 8:00-13:00 น. ค่ะ'],
        ['รีสตาร์ทแล้วตอนนี้ใช้ได้ค่ะ', 'ดีใจด้วยค่ะ เราได้อัปเดตเฟิร์มแวร์ล่าสุดให้{hub}ด้วย ซึ่งช่วยแก้ปัญหาเน็ตหลุดตอนกลางคืนค่ะ'],
      ],
    },
  ],
  delivery_delay: [
    {
      open: ['สั่ง{box}ไป {days} วันแล้วยังไม่ได้ของเลยค่ะ', 'ออเดอร์ {order} ควรมาถึงเมื่อวาน แต่ยังไม่มาครับ'],
      ask: ['ขออภัยที่ให้รอค่ะ รบกวนแจ้งเลขคำสั่งซื้อ (ขึ้นต้นด้วย BW-) เพื่อให้เราตรวจสอบกับขนส่งนะคะ'],
      outcomes: [['{order}', 'ขอบคุณค่ะ {box}ของคุณอยู่ที่ศูนย์กระจายสินค้าแล้ว จะจัดส่งวัน{day}ค่ะ']],
    },
  ],
  praise_support: [
    {
      open: ['ขอบคุณน้อง{agentFirst}ที่ช่วยในแชท แก้ได้ใน 10 นาที 👏', 'ช่างมาตรงเวลาและสุภาพมากค่ะ ขอบคุณ Brightwave'],
      outcomes: [['', 'ขอบคุณมากสำหรับคำชมค่ะ จะส่งต่อให้ทีมนะคะ ❤️']],
    },
  ],
  app_52_crash: [
    {
      open: ['อัปเดตแอปเป็น {ver} แล้วล็อกอินไม่ได้ แอปเด้งออกตลอด {device}', 'แอปค้างหน้าโหลดหลังอัปเดตค่ะ'],
      ask: ['ขออภัยค่ะ นี่เป็นปัญหาที่ทราบแล้วในเวอร์ชัน 5.2 เมื่อล็อกอินด้วย Face ID/ลายนิ้วมือ รบกวนล้างแคชของแอป (หรือติดตั้งใหม่) แล้วเข้าสู่ระบบด้วยอีเมลและรหัสผ่านนะคะ เวอร์ชัน 5.2.1 จะแก้ไขค่ะ'],
      outcomes: [['ใช้ได้แล้วค่ะ ขอบคุณ', 'ดีใจด้วยค่ะ หลังอัปเดต 5.2.1 สามารถเปิดการล็อกอินด้วยไบโอเมตริกได้อีกครั้งค่ะ']],
    },
  ],
}

const LINES: Record<DemoLanguage, Partial<Record<DemoScenario, Thread[]>>> = { en: EN, fr: FR, es: ES, de: DE, pt: PT, it: IT, ko: KO, th: TH }

// ---------------------------------------------------------------------------------------------
// Per-language kits: who writes, how they greet and sign off, and the slot vocabulary.

interface Agent {
  name: string
  first: string
  initials: string
}

interface LanguageKit {
  weight: number
  channels: Partial<Record<DemoChannel, number>>
  /** "display|latin": the latin form feeds handles and e-mail addresses. */
  firstNames: string[]
  lastNames: string[]
  familyNameFirst?: boolean
  agents: Agent[]
  amounts: string[]
  weekdays: string[]
  daysOfWeek: string[]
  since: string[]
  hub: string[]
  box: string[]
  remote: string[]
  app: string[]
  dayOfMonth: (day: number) => string
  prefixes: string[]
  suffixes: Record<Tone, string[]>
  bump: string[]
  thanks: string[]
  willTry: string[]
  unhappy: string[]
  greet: (first: string) => string
  emailGreeting: string[]
  emailClosing: string[]
  /** Context people add in e-mails but not in a tweet; the last one is neutral (the account details). */
  emailExtras: string[]
  agentEmailClose: string
  agentSignoff: string
  team: string
  chatIntro: (agentFirst: string) => string
  whatsappPhone?: (rng: Rng) => string
}

const euro = (values: string[]): string[] => values.map((v) => `${v} €`)

const KITS: Record<DemoLanguage, LanguageKit> = {
  en: {
    weight: 58,
    channels: { x: 30, instagram: 12, facebook: 14, whatsapp: 10, email: 16, chat: 18 },
    firstNames: ['Jess', 'Tom', 'Priya', 'Callum', 'Aisha', 'Ben', 'Chloe', 'Dan', 'Ellie', 'Femi', 'Grace', 'Harry', 'Imogen', 'Jamal', 'Kate', 'Liam', 'Megan', 'Niall', 'Olivia', 'Raj', 'Sophie', 'Tariq', 'Zoe', 'Owen', 'Bethany', 'Kwame', 'Rhiannon', 'Stu'],
    lastNames: ['Harlow', 'Patel', 'Okafor', 'Brennan', 'Whitfield', 'Ashby', 'Mercer', 'Dunmore', 'Kaur', 'Lowry', 'Finch', 'Rowntree', 'Osei', 'Haddow', 'Pryce', 'Quayle', 'Sutcliffe', 'Venn'],
    agents: [
      { name: 'Marta Kowalski', first: 'Marta', initials: 'MK' },
      { name: 'Dev Sharma', first: 'Dev', initials: 'DS' },
      { name: 'Sam Okoye', first: 'Sam', initials: 'SO' },
      { name: 'Lena Byrne', first: 'Lena', initials: 'LB' },
      { name: 'Chris Tan', first: 'Chris', initials: 'CT' },
    ],
    amounts: ['£27.50', '£32.00', '£34.99', '£39.99', '£42.00', '£45.50', '£55.00'],
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    daysOfWeek: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    since: ['since Monday', 'for three days now', 'all week', 'since the weekend', 'every evening this week', 'on and off for a fortnight', 'since yesterday'],
    hub: ['router', 'hub', 'Brightwave Hub', 'wifi router'],
    box: ['Brightbox', 'Brightbox 4K', 'streaming box', 'box'],
    remote: ['Voice Remote', 'voice remote', 'new remote', 'Brightbox Voice Remote'],
    app: ['app', 'Brightwave app'],
    dayOfMonth: (d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`,
    prefixes: ['', '', '', '', 'Hi, ', 'Hello, ', 'Hey Brightwave, ', 'Hiya. ', 'Ok so ', 'Um, '],
    suffixes: {
      negative: ['', '', '', ' Please help.', ' Any ideas?', ' Not impressed.', ' Sort it out please.', ' Really fed up now.', ' Thanks in advance.'],
      neutral: ['', '', ' Thanks!', ' Cheers.', ' Thanks in advance.'],
      positive: ['', '', ' 😊', ' Cheers!'],
    },
    bump: ['Hello?? Anyone there?', 'Still waiting for a reply…', 'Can someone answer please', 'Bump. Nobody has got back to me.'],
    thanks: ['Thanks!', 'Thank you, much appreciated 🙏', 'Brilliant, thanks', 'cheers 👍', 'Great, thanks for sorting it.', 'Perfect, thank you!'],
    willTry: ["Thanks, I'll try that.", 'ok will give it a go', "Cheers, I'll let you know."],
    unhappy: ["Fine. But this shouldn't have happened in the first place.", "That's not good enough, honestly.", 'Took far too long to sort out.', 'ok. Not impressed with how long this took.'],
    greet: (first) => `Hi ${first}`,
    emailGreeting: ['Hello,', 'Hi,', 'Hi there,', 'Dear Brightwave,', 'To whom it may concern,'],
    emailClosing: ['Thanks', 'Regards', 'Many thanks', 'Kind regards', 'Cheers'],
    emailExtras: [
      'I have been with Brightwave for six years and never had to complain before.',
      'I already tried the live chat but it disconnected me twice.',
      "I'd appreciate a proper answer rather than a copy-and-paste reply.",
      "I was on hold for 40 minutes on the phone yesterday and gave up.",
      "Please reply by email as I'm at work during the day.",
      'My account email is {email} and the order number is {order}, in case you need them.',
    ],
    agentEmailClose: 'If anything else comes up, just reply to this email and it will come straight back to us.',
    agentSignoff: 'Kind regards',
    team: 'Brightwave Customer Care',
    chatIntro: (agent) => `Hi, you're chatting with ${agent} from Brightwave.`,
    // 07700 900000–900999 is the UK range reserved for fiction.
    whatsappPhone: (rng) => `+44 7700 900${String(intBetween(rng, 0, 999)).padStart(3, '0')}`,
  },
  fr: {
    weight: 12,
    channels: { x: 18, instagram: 16, facebook: 20, whatsapp: 18, email: 16, chat: 12 },
    firstNames: ['Camille', 'Julien', 'Léa', 'Mathieu', 'Inès', 'Nicolas', 'Chloé', 'Thomas', 'Manon', 'Karim', 'Élodie', 'Antoine'],
    lastNames: ['Marchand', 'Lefèvre', 'Roussel', 'Benali', 'Garnier', 'Faure', 'Chevalier', 'Perrin'],
    agents: [
      { name: 'Camille Robert', first: 'Camille', initials: 'CR' },
      { name: 'Hugo Martin', first: 'Hugo', initials: 'HM' },
    ],
    amounts: euro(['29,99', '34,99', '39,99', '44,99']),
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
    daysOfWeek: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    since: ['depuis lundi', 'depuis trois jours', 'depuis une semaine', 'depuis le week-end'],
    hub: ['routeur', 'Hub Brightwave', 'modem'],
    box: ['Brightbox', 'boîtier Brightbox', 'boîtier TV'],
    remote: ['télécommande vocale', 'nouvelle télécommande'],
    app: ['appli'],
    dayOfMonth: (d) => String(d),
    prefixes: ['', '', '', 'Bonjour, ', 'Salut, ', 'Bonsoir, '],
    suffixes: { negative: ['', '', ' Merci de faire vite.', ' Vraiment déçu.', ' Merci.'], neutral: ['', ' Merci !'], positive: ['', ' 😊'] },
    bump: ['Bonjour ?? Quelqu’un ?', 'Toujours pas de réponse…'],
    thanks: ['Merci !', 'Merci beaucoup 🙏', 'Super, merci', 'Parfait, merci pour votre aide.'],
    willTry: ['Merci, je vais essayer.', 'Ok je teste.'],
    unhappy: ['Bon. Ça n’aurait jamais dû arriver.', 'Franchement, c’est trop long.'],
    greet: (first) => `Bonjour ${first}`,
    emailGreeting: ['Bonjour,', 'Madame, Monsieur,'],
    emailClosing: ['Cordialement', 'Merci', 'Bien à vous'],
    emailExtras: ["Je suis client depuis cinq ans et c'est la première fois que je me plains.", "J'ai déjà essayé le chat, sans réponse.", "L'e-mail de mon compte est {email}."],
    agentEmailClose: "Si vous avez d'autres questions, répondez simplement à cet e-mail.",
    agentSignoff: 'Cordialement',
    team: 'Service client Brightwave',
    chatIntro: (agent) => `Bonjour, ${agent} de Brightwave à votre écoute.`,
    // 06 39 98 xx xx is reserved for fiction in France.
    whatsappPhone: (rng) => `+33 6 39 98 ${String(intBetween(rng, 0, 99)).padStart(2, '0')} ${String(intBetween(rng, 0, 99)).padStart(2, '0')}`,
  },
  es: {
    weight: 8,
    channels: { x: 16, instagram: 18, facebook: 16, whatsapp: 30, email: 10, chat: 10 },
    firstNames: ['Lucía', 'Javier', 'Carmen', 'Diego', 'Marta', 'Sergio', 'Paula', 'Álvaro', 'Nerea', 'Iker'],
    lastNames: ['García', 'Romero', 'Navarro', 'Ortega', 'Castillo', 'Iglesias', 'Molina'],
    agents: [
      { name: 'Lucía Gil', first: 'Lucía', initials: 'LG' },
      { name: 'Pablo Ruiz', first: 'Pablo', initials: 'PR' },
    ],
    amounts: euro(['29,99', '34,99', '39,99']),
    weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
    daysOfWeek: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    since: [],
    hub: ['router', 'router de Brightwave'],
    box: ['Brightbox', 'decodificador'],
    remote: ['mando por voz', 'mando nuevo'],
    app: ['app'],
    dayOfMonth: (d) => String(d),
    prefixes: ['', '', '', 'Hola, ', 'Buenas, '],
    suffixes: { negative: ['', '', ' Por favor, solucionadlo.', ' Qué desastre.', ' Gracias.'], neutral: ['', ' ¡Gracias!'], positive: ['', ' 😊'] },
    bump: ['¿Hola? ¿Alguien?', 'Sigo esperando respuesta…'],
    thanks: ['¡Gracias!', 'Muchas gracias 🙏', 'Perfecto, gracias'],
    willTry: ['Gracias, lo pruebo.', 'Vale, lo intento.'],
    unhappy: ['Vale, pero esto no debería haber pasado.', 'Demasiado tiempo para algo así.'],
    greet: (first) => `Hola ${first}`,
    emailGreeting: ['Hola,', 'Buenos días,'],
    emailClosing: ['Un saludo', 'Gracias'],
    emailExtras: ['Soy cliente desde hace cinco años y nunca había tenido que quejarme.', 'Ya lo intenté por el chat, sin respuesta.', 'El email de mi cuenta es {email}.'],
    agentEmailClose: 'Si necesitas algo más, responde a este correo y te ayudamos.',
    agentSignoff: 'Un saludo',
    team: 'Atención al cliente Brightwave',
    chatIntro: (agent) => `Hola, te atiende ${agent} de Brightwave.`,
  },
  de: {
    weight: 7,
    channels: { x: 14, instagram: 10, facebook: 18, whatsapp: 14, email: 26, chat: 18 },
    firstNames: ['Lena', 'Jonas', 'Anna', 'Felix', 'Sophie', 'Lukas', 'Miriam', 'Tobias', 'Katrin', 'Nils'],
    lastNames: ['Becker', 'Hoffmann', 'Krüger', 'Schubert', 'Vogel', 'Lange', 'Brandt'],
    agents: [
      { name: 'Jonas Weber', first: 'Jonas', initials: 'JW' },
      { name: 'Sabine Koch', first: 'Sabine', initials: 'SK' },
    ],
    amounts: euro(['29,99', '34,99', '39,99', '49,99']),
    weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
    daysOfWeek: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
    since: [],
    hub: ['Router', 'Brightwave Hub'],
    box: ['Brightbox', 'Streaming-Box', 'Brightbox 4K'],
    remote: ['Sprachfernbedienung', 'Voice Remote'],
    app: ['App'],
    dayOfMonth: (d) => `${d}.`,
    prefixes: ['', '', '', 'Hallo! ', 'Guten Tag. ', 'Moin! '],
    suffixes: { negative: ['', '', ' Bitte dringend lösen.', ' Echt ärgerlich.', ' Danke.'], neutral: ['', ' Danke!'], positive: ['', ' 😊'] },
    bump: ['Hallo?? Jemand da?', 'Warte immer noch auf eine Antwort…'],
    thanks: ['Danke!', 'Vielen Dank 🙏', 'Super, danke'],
    willTry: ['Danke, probiere ich aus.', 'Ok, teste ich.'],
    unhappy: ['Na gut. Hätte aber nicht passieren dürfen.', 'Hat viel zu lange gedauert.'],
    greet: (first) => `Hallo ${first}`,
    emailGreeting: ['Hallo,', 'Sehr geehrte Damen und Herren,', 'Guten Tag,'],
    emailClosing: ['Viele Grüße', 'Mit freundlichen Grüßen', 'Danke'],
    emailExtras: ['Ich bin seit fünf Jahren Kunde und habe mich noch nie beschwert.', 'Im Chat habe ich es schon versucht, ohne Antwort.', 'Meine Konto-E-Mail ist {email}.'],
    agentEmailClose: 'Wenn noch etwas ist, antworte einfach auf diese E-Mail.',
    agentSignoff: 'Viele Grüße',
    team: 'Brightwave Kundenservice',
    chatIntro: (agent) => `Hallo, hier ist ${agent} von Brightwave.`,
  },
  pt: {
    weight: 5,
    channels: { x: 8, instagram: 22, facebook: 18, whatsapp: 34, email: 8, chat: 10 },
    firstNames: ['Beatriz', 'João', 'Inês', 'Tiago', 'Mariana', 'Rui', 'Catarina', 'Pedro'],
    lastNames: ['Ferreira', 'Sousa', 'Carvalho', 'Mendes', 'Pinto', 'Lopes'],
    agents: [{ name: 'Beatriz Santos', first: 'Beatriz', initials: 'BS' }],
    amounts: euro(['29,99', '34,99', '39,99']),
    weekdays: ['segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira'],
    daysOfWeek: ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'],
    since: [],
    hub: ['router', 'router Brightwave'],
    box: ['Brightbox', 'equipamento Brightbox'],
    remote: ['comando de voz'],
    app: ['app'],
    dayOfMonth: (d) => String(d),
    prefixes: ['', '', 'Olá, ', 'Boa tarde, '],
    suffixes: { negative: ['', '', ' Resolvam por favor.', ' Obrigado.'], neutral: ['', ' Obrigada!'], positive: ['', ' 😊'] },
    bump: ['Olá?? Alguém?', 'Continuo à espera de resposta…'],
    thanks: ['Obrigado!', 'Muito obrigada 🙏', 'Perfeito, obrigado'],
    willTry: ['Obrigado, vou tentar.'],
    unhappy: ['Ok, mas isto não devia ter acontecido.'],
    greet: (first) => `Olá ${first}`,
    emailGreeting: ['Olá,', 'Bom dia,'],
    emailClosing: ['Cumprimentos', 'Obrigado'],
    emailExtras: ['Sou cliente há cinco anos e nunca tive de reclamar.', 'Já tentei pelo chat, sem resposta.', 'O email da minha conta é {email}.'],
    agentEmailClose: 'Se precisar de mais alguma coisa, basta responder a este email.',
    agentSignoff: 'Com os melhores cumprimentos',
    team: 'Apoio ao Cliente Brightwave',
    chatIntro: (agent) => `Olá, fala a ${agent} da Brightwave.`,
  },
  it: {
    weight: 4,
    channels: { x: 10, instagram: 24, facebook: 22, whatsapp: 24, email: 10, chat: 10 },
    firstNames: ['Giulia', 'Marco', 'Chiara', 'Luca', 'Francesca', 'Matteo', 'Sara', 'Davide'],
    lastNames: ['Bianchi', 'Esposito', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    agents: [{ name: 'Giulia Fontana', first: 'Giulia', initials: 'GF' }],
    amounts: euro(['29,99', '34,99', '39,99']),
    weekdays: ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì'],
    daysOfWeek: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
    since: [],
    hub: ['router', 'modem'],
    box: ['Brightbox', 'decoder Brightbox'],
    remote: ['telecomando vocale'],
    app: ['app'],
    dayOfMonth: (d) => String(d),
    prefixes: ['', '', 'Ciao, ', 'Buongiorno, '],
    suffixes: { negative: ['', '', ' Per favore risolvete.', ' Grazie.'], neutral: ['', ' Grazie!'], positive: ['', ' 😊'] },
    bump: ['Ciao?? C’è qualcuno?', 'Ancora nessuna risposta…'],
    thanks: ['Grazie!', 'Grazie mille 🙏', 'Perfetto, grazie'],
    willTry: ['Grazie, provo subito.'],
    unhappy: ['Ok, ma non doveva succedere.'],
    greet: (first) => `Ciao ${first}`,
    emailGreeting: ['Buongiorno,', 'Salve,'],
    emailClosing: ['Cordiali saluti', 'Grazie'],
    emailExtras: ['Sono cliente da cinque anni e non mi sono mai lamentato.', 'Ho già provato in chat, senza risposta.', "L'email del mio account è {email}."],
    agentEmailClose: 'Per qualsiasi altra cosa, rispondi pure a questa email.',
    agentSignoff: 'Cordiali saluti',
    team: 'Assistenza Clienti Brightwave',
    chatIntro: (agent) => `Ciao, sono ${agent} di Brightwave.`,
  },
  ko: {
    weight: 3,
    channels: { x: 14, instagram: 30, facebook: 6, whatsapp: 4, email: 12, chat: 34 },
    firstNames: ['지민|jimin', '서연|seoyeon', '민준|minjun', '하은|haeun', '도윤|doyun', '수빈|subin', '예준|yejun', '지우|jiwoo'],
    lastNames: ['김|kim', '이|lee', '박|park', '최|choi', '정|jung'],
    familyNameFirst: true,
    agents: [{ name: '이수진', first: '수진', initials: 'SJ' }],
    amounts: ['49,000원', '39,000원', '55,000원'],
    weekdays: ['월요일', '화요일', '수요일', '목요일', '금요일'],
    daysOfWeek: ['일요일', '월요일', '화요일', '수요일', '목요일', '금요일', '토요일'],
    since: [],
    hub: ['공유기'],
    box: ['브라이트박스'],
    remote: ['음성 리모컨'],
    app: ['앱'],
    dayOfMonth: (d) => `${d}일`,
    prefixes: ['', '', '안녕하세요. '],
    suffixes: { negative: ['', '', ' 빨리 해결해 주세요.', ' 너무 불편해요.'], neutral: ['', ' 감사합니다.'], positive: ['', ' 😊'] },
    bump: ['답변 기다리고 있어요…'],
    thanks: ['감사합니다!', '해결됐어요, 고맙습니다 🙏'],
    willTry: ['네, 해볼게요.'],
    unhappy: ['해결은 됐지만 너무 오래 걸렸네요.'],
    greet: (first) => `${first}님 안녕하세요`,
    emailGreeting: ['안녕하세요.'],
    emailClosing: ['감사합니다'],
    emailExtras: ['5년째 이용 중인데 이런 일은 처음입니다.', '채팅 상담도 시도했지만 답이 없었습니다.', '계정 이메일은 {email}입니다.'],
    agentEmailClose: '추가 문의 사항이 있으시면 이 메일에 회신해 주세요.',
    agentSignoff: '감사합니다',
    team: '브라이트웨이브 고객센터',
    chatIntro: (agent) => `안녕하세요, 브라이트웨이브 상담원 ${agent}입니다.`,
  },
  th: {
    weight: 3,
    channels: { x: 10, instagram: 16, facebook: 34, whatsapp: 6, email: 6, chat: 28 },
    firstNames: ['พลอย|ploy', 'ณัฐ|nat', 'ต้น|ton', 'มายด์|mind', 'เบียร์|beer', 'ฝน|fon', 'กิ๊ฟ|gift', 'บอส|boss'],
    lastNames: ['ศรีสุข|srisuk', 'วงศ์ใหญ่|wongyai', 'ทองดี|thongdee', 'แก้วมณี|kaewmanee'],
    agents: [{ name: 'นก', first: 'นก', initials: 'NP' }],
    amounts: ['899 บาท', '1,199 บาท', '699 บาท'],
    weekdays: ['จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์'],
    daysOfWeek: ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'],
    since: [],
    hub: ['เราเตอร์'],
    box: ['กล่อง Brightbox'],
    remote: ['รีโมตสั่งงานด้วยเสียง'],
    app: ['แอป'],
    dayOfMonth: (d) => String(d),
    // Thai politeness particles follow the writer's gender; the shared parts stay neutral.
    prefixes: ['', '', 'แอดมิน '],
    suffixes: { negative: ['', '', ' ช่วยแก้ไขด่วนด้วย', ' แย่มาก'], neutral: ['', ' ขอบคุณนะ'], positive: ['', ' 😊'] },
    bump: ['รอคำตอบอยู่นะ…'],
    thanks: ['ขอบคุณมาก 🙏', 'ขอบคุณนะ'],
    willTry: ['โอเค เดี๋ยวลองดู'],
    unhappy: ['แก้ได้แล้วแต่ใช้เวลานานเกินไป'],
    greet: (first) => `สวัสดีค่ะ คุณ${first}`,
    emailGreeting: ['เรียนฝ่ายบริการลูกค้า'],
    emailClosing: ['ขอบคุณค่ะ'],
    emailExtras: ['ใช้บริการมา 5 ปีแล้ว ไม่เคยมีปัญหาแบบนี้', 'ลองติดต่อทางแชทแล้วแต่ไม่มีคนตอบ', 'อีเมลบัญชีคือ {email}'],
    agentEmailClose: 'หากมีข้อสงสัยเพิ่มเติม สามารถตอบกลับอีเมลนี้ได้เลยค่ะ',
    agentSignoff: 'ขอบคุณค่ะ',
    team: 'ฝ่ายบริการลูกค้า Brightwave',
    chatIntro: (agent) => `สวัสดีค่ะ ${agent}จาก Brightwave ยินดีให้บริการค่ะ`,
  },
}

// ---------------------------------------------------------------------------------------------
// The timeline. Weekly counts are written out (W36 … W45) rather than drawn at random, so the
// trends the theme report should find are visible right here.

export const SCENARIOS: ScenarioSpec[] = [
  { key: 'billing_double_charge', tone: 'negative', weekly: [6, 5, 7, 6, 5, 6, 7, 5, 6, 6], channelWeights: { email: 1.5 }, lines: {} },
  { key: 'router_wifi', tone: 'negative', weekly: [8, 9, 8, 9, 8, 8, 9, 8, 9, 8], languageAffinity: { fr: 3.5 }, askGivesSteps: true, lines: {} },
  { key: 'delivery_delay', tone: 'negative', weekly: [4, 3, 4, 4, 3, 4, 5, 4, 4, 3], lines: {} },
  { key: 'password_reset', tone: 'negative', weekly: [4, 5, 4, 4, 5, 4, 4, 5, 4, 4], channelWeights: { chat: 1.5 }, lines: {} },
  { key: 'cancellation', tone: 'neutral', weekly: [3, 4, 3, 3, 4, 3, 4, 3, 4, 4], channelWeights: { email: 2, chat: 1.5 }, lines: {} },
  // A little bump in September, when the yearly price rise lands on bills.
  { key: 'plan_question', tone: 'neutral', weekly: [4, 3, 5, 6, 4, 3, 4, 3, 4, 3], lines: {} },
  { key: 'praise_support', tone: 'positive', weekly: [3, 4, 3, 4, 3, 4, 3, 3, 4, 3], channelWeights: { x: 1.5, instagram: 1.5 }, lines: {} },
  { key: 'app_feedback', tone: 'positive', weekly: [3, 3, 4, 3, 3, 2, 1, 1, 1, 1], channelWeights: { instagram: 1.5 }, lines: {} },
  // Fading: Voice Remote out of stock until REMOTE_STOCK_ARRIVED (2026-10-01), then gone by W43.
  { key: 'remote_backorder', tone: 'negative', weekly: [10, 12, 14, 11, 5, 2, 1, 0, 0, 0], lines: {} },
  // Emerging: app 5.2 released 2026-10-08 (W41); crash reports grow every week after.
  {
    key: 'app_52_crash',
    tone: 'negative',
    weekly: [0, 0, 0, 0, 0, 5, 10, 16, 22, 28],
    window: { start: APP_52_RELEASE, end: new Date(PERIOD_END_MS).toISOString() },
    languageAffinity: { ko: 2 },
    askGivesSteps: true,
    channelWeights: { x: 1.5, instagram: 1.3 },
    lines: {},
  },
  // Spike: one fibre cut in West Yorkshire on 2026-10-27 (W44), nothing before or after.
  {
    key: 'regional_outage',
    tone: 'negative',
    weekly: [0, 0, 0, 0, 0, 0, 0, 0, 38, 0],
    window: OUTAGE_WINDOW,
    closingNotBefore: OUTAGE_RESTORED,
    channelWeights: { x: 2.5, facebook: 1.5, email: 0.3 },
    lines: {},
  },
]
for (const spec of SCENARIOS) {
  for (const lang of Object.keys(LINES) as DemoLanguage[]) {
    const threads = LINES[lang][spec.key]
    if (threads) spec.lines[lang] = threads
  }
}

const OUTAGE_AREAS = ['Leeds', 'Headingley', 'Bradford', 'Wakefield', 'Harrogate', 'Otley', 'Pudsey', 'Horsforth', 'Shipley']
const DEVICES = ['Pixel 8', 'iPhone 13', 'Galaxy S23', 'iPhone 15 Pro', 'Galaxy A54', 'Xiaomi 13', 'iPhone 12 mini', 'OnePlus 11']
const APP_VERSIONS = ['5.2', '5.2.0', 'v5.2']
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example']
const BRAND_HANDLE: Record<DemoChannel, string> = {
  x: 'BrightwaveHelp',
  instagram: 'brightwave',
  facebook: 'Brightwave',
  whatsapp: 'Brightwave',
  email: 'Brightwave Customer Care',
  chat: 'Brightwave',
}
const EMOJI: Record<Tone, string[]> = {
  negative: ['😡', '🙄', '😤', '😩', '😒', '🤦'],
  neutral: ['🙂', '🤔', '🙏'],
  positive: ['😊', '🙌', '❤️', '👏', '💙'],
}

type Step = 'open' | 'bump' | 'ask' | 'willTry' | 'followUp' | 'closing' | 'thanks' | 'unhappy'

// Shapes give 1–6 messages. `resolved` means the agent's closing message was reached.
const SHAPES_WITH_ASK: Array<{ steps: Step[]; weight: number }> = [
  { steps: ['open'], weight: 11 },
  { steps: ['open', 'ask'], weight: 20 },
  { steps: ['open', 'ask', 'willTry'], weight: 4 },
  { steps: ['open', 'ask', 'followUp'], weight: 8 },
  { steps: ['open', 'ask', 'followUp', 'closing'], weight: 25 },
  { steps: ['open', 'ask', 'followUp', 'closing', 'thanks'], weight: 19 },
  { steps: ['open', 'bump', 'ask', 'followUp', 'closing', 'thanks'], weight: 8 },
  { steps: ['open', 'ask', 'followUp', 'closing', 'unhappy'], weight: 5 },
]
const ONE_SHOT_SHAPES: Array<{ steps: Step[]; weight: number }> = [
  { steps: ['open'], weight: 12 },
  { steps: ['open', 'closing'], weight: 50 },
  { steps: ['open', 'closing', 'thanks'], weight: 38 },
]

/** Minutes until the agent answers / the customer writes back, by channel. */
const REPLY_MINUTES: Record<DemoChannel, { agent: [number, number]; customer: [number, number] }> = {
  x: { agent: [6, 240], customer: [2, 120] },
  instagram: { agent: [20, 600], customer: [5, 240] },
  facebook: { agent: [20, 600], customer: [5, 300] },
  whatsapp: { agent: [3, 180], customer: [2, 120] },
  email: { agent: [120, 1800], customer: [60, 1440] },
  chat: { agent: [1, 4], customer: [1, 3] },
}

const latin = (entry: string): string => (entry.includes('|') ? entry.split('|')[1] : entry)
const display = (entry: string): string => entry.split('|')[0]
const ascii = (s: string): string => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()

interface Customer {
  first: string
  name: string
  handle: string
  email: string
  includeName: boolean
}

function makeCustomer(rng: Rng, kit: LanguageKit, channel: DemoChannel): Customer {
  const firstEntry = pick(rng, kit.firstNames)
  const lastEntry = pick(rng, kit.lastNames)
  const first = display(firstEntry)
  const last = display(lastEntry)
  const name = kit.familyNameFirst ? `${last}${first}` : `${first} ${last}`
  const f = ascii(latin(firstEntry))
  const l = ascii(latin(lastEntry))
  const year = intBetween(rng, 70, 99)
  const digits = intBetween(rng, 1, 999)
  const email = `${pick(rng, [`${f}.${l}`, `${f}${l}${year}`, `${f[0]}.${l}`, `${f}_${l}`, `${f}${digits}`])}@${pick(rng, EMAIL_DOMAINS)}`
  const social = pick(rng, [`${f}_${l}`, `${f}${l[0]}${year}`, `${f}.${digits}`, `the_real_${f}`, `${f}${l}`, `${l}.${f}${year}`, `its${f}x`])
  const phone = kit.whatsappPhone?.(rng)
  const handleByChannel: Record<DemoChannel, string> = {
    x: social,
    instagram: social,
    facebook: name,
    whatsapp: phone ?? name,
    email,
    chat: email,
  }
  const includeName = channel === 'x' || channel === 'instagram' ? chance(rng, 0.4) : true
  return { first, name, handle: handleByChannel[channel], email, includeName }
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = slots[key]
    if (value === undefined) throw new Error(`demo corpus: no value for slot ${whole} in "${template}"`)
    return value
  })
}

const LATIN_SCRIPT: ReadonlySet<DemoLanguage> = new Set(['en', 'fr', 'es', 'de', 'pt', 'it'])

/** Real customers type fast: lower-case, dropped or swapped letters, missing apostrophes. */
function roughen(rng: Rng, text: string, lang: DemoLanguage): string {
  if (!LATIN_SCRIPT.has(lang) || !chance(rng, 0.3)) return text
  const kind = intBetween(rng, 0, 4)
  if (kind === 0) return text.toLowerCase()
  if (kind === 1) return text.replace(/[’']/g, '')
  if (kind === 2) return text.replace(/[.!]$/, '')
  const words = text.split(' ')
  const candidates = words.map((w, i) => (/^\p{L}{5,}$/u.test(w) ? i : -1)).filter((i) => i >= 0)
  if (candidates.length === 0) return text
  const i = pick(rng, candidates)
  const w = words[i]
  const at = intBetween(rng, 1, w.length - 2)
  words[i] = kind === 3 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
  return words.join(' ')
}

const GREETING_MARK: Record<DemoLanguage, string> = { en: '!', fr: ' !', es: '!', de: '!', pt: '!', it: '!', ko: '!', th: '' }
const STARTS_WITH_GREETING = /^((hi|hello|hey|hola|buenas|bonjour|bonsoir|salut|hallo|guten tag|moin|olá|boa tarde|ciao|buongiorno)(?=[\s,.!])|안녕하세요|สวัสดี)/iu
// Words that keep their capital after "Hi, ": the pronoun I, the brand, product and feature names.
const KEEPS_CAPITAL = /^(I\b|I'|Brightwave|Brightbox|Face ID|Fibre|Stream|Voice)/u

/** Wraps an opening in a greeting and a closing remark without doubling greetings or punctuation. */
function frame(text: string, prefix: string, suffix: string, lang: DemoLanguage): string {
  let body = text
  const lead = STARTS_WITH_GREETING.test(body) ? '' : prefix
  if (lead.endsWith(', ') && lang !== 'de' && !KEEPS_CAPITAL.test(body)) body = body[0].toLowerCase() + body.slice(1)
  if (suffix.trim() !== '' && LATIN_SCRIPT.has(lang) && /[\p{L}\p{N}]$/u.test(body) && /^ \p{Lu}/u.test(suffix)) body += '.'
  return `${lead}${body}${suffix}`
}

function truncateForX(text: string): string {
  if (text.length <= X_LIMIT) return text
  const cut = text.slice(0, X_LIMIT - 1)
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`
}

interface Draft {
  scenario: ScenarioSpec
  lang: DemoLanguage
  channel: DemoChannel
  startMs: number
}

function buildConversation(rng: Rng, draft: Draft): Omit<DemoConversation, 'externalId'> & { startMs: number } {
  const { scenario, lang, channel, startMs } = draft
  const kit = KITS[lang]
  const customer = makeCustomer(rng, kit, channel)
  const agent = pick(rng, kit.agents)
  const start = new Date(startMs)
  const slots: Record<string, string> = {
    order: `BW-${intBetween(rng, 1_000_000, 9_999_999)}`,
    ref: `CX-${intBetween(rng, 100_000, 999_999)}`,
    email: customer.email,
    amount: pick(rng, kit.amounts),
    hub: pick(rng, kit.hub),
    box: pick(rng, kit.box),
    remote: pick(rng, kit.remote),
    app: pick(rng, kit.app),
    ver: pick(rng, APP_VERSIONS),
    device: pick(rng, DEVICES),
    days: String(intBetween(rng, 3, 16)),
    day: pick(rng, kit.weekdays),
    dom: kit.dayOfMonth(new Date(startMs - intBetween(rng, 1, 9) * DAY_MS).getUTCDate()),
    dow: kit.daysOfWeek[start.getUTCDay()],
    since: kit.since.length > 0 ? pick(rng, kit.since) : '',
    area: pick(rng, OUTAGE_AREAS),
    agentFirst: pick(rng, kit.agents).first,
  }
  const threads = (scenario.lines[lang] ?? []).filter((t) => isThreadLive(t, startMs))
  const thread = pick(rng, threads)
  // "I'll try that" only makes sense after troubleshooting steps, not after a request for details.
  const shapes = thread.ask ? SHAPES_WITH_ASK.filter((s) => scenario.askGivesSteps || !s.steps.includes('willTry')) : ONE_SHOT_SHAPES
  const steps = shapes[weightedIndex(rng, shapes.map((s) => s.weight))].steps
  const [followUp, closing] = pick(rng, thread.outcomes)
  const isX = channel === 'x'

  const customerText = (raw: string, opening: boolean): string => {
    let text = roughen(rng, raw, lang)
    if (opening && channel !== 'email') text = frame(text, pick(rng, kit.prefixes), pick(rng, kit.suffixes[scenario.tone]), lang)
    if (opening) {
      if (chance(rng, 0.12) && lang === 'en' && scenario.tone === 'negative' && channel !== 'x') {
        text += ` You can call me on ${KITS.en.whatsappPhone!(rng).replace('+44 7700', '07700')}.`
      }
    }
    if (channel !== 'email' && chance(rng, channel === 'chat' ? 0.05 : 0.22)) text += ` ${pick(rng, EMOJI[scenario.tone])}`
    if (isX && opening && chance(rng, 0.6)) text = `@${BRAND_HANDLE.x} ${text}`
    if (channel === 'email') {
      const extras = scenario.tone === 'negative' ? [pick(rng, kit.emailExtras), pick(rng, kit.emailExtras)] : [kit.emailExtras.at(-1)!]
      const context = [...new Set(extras)].map((line) => fill(line, slots)).join(' ')
      text = opening
        ? `${pick(rng, kit.emailGreeting)}\n\n${text}\n\n${context}\n\n${pick(rng, kit.emailClosing)}\n${customer.first}`
        : `${text}\n\n${customer.first}`
    }
    return isX ? truncateForX(text) : text
  }

  let agentSpoke = false
  const agentText = (body: string): string => {
    const firstAgentMessage = !agentSpoke
    agentSpoke = true
    switch (channel) {
      case 'x': {
        const full = `@${customer.handle} ${body} ^${agent.initials}`
        return full.length <= X_LIMIT ? full : truncateForX(`@${customer.handle} ${body}`)
      }
      case 'instagram':
      case 'facebook':
        return `${firstAgentMessage ? `${lang === 'es' ? '¡' : ''}${kit.greet(customer.first)}${GREETING_MARK[lang]} ` : ''}${body} ^${agent.initials}`
      case 'whatsapp':
        return `${body}\n– ${agent.first}, Brightwave`
      case 'email':
        return `${kit.greet(customer.first)},\n\n${body}\n\n${kit.agentEmailClose}\n\n${kit.agentSignoff},\n${agent.name}\n${kit.team}`
      case 'chat':
        return firstAgentMessage ? `${kit.chatIntro(agent.first)} ${body}` : body
    }
  }

  // An opening that fits on X, so the customer's point is never cut off mid-sentence.
  const openings = thread.open.map((t) => fill(t, slots))
  const fitting = isX ? openings.filter((t) => t.length <= 220) : openings
  const opening = pick(rng, fitting.length > 0 ? fitting : openings)

  const messages: DemoMessage[] = []
  const times: number[] = []
  let clock = startMs
  const replyRange = REPLY_MINUTES[channel]
  for (const step of steps) {
    const role: DemoMessage['role'] = step === 'ask' || step === 'closing' ? 'agent' : 'customer'
    if (messages.length > 0) {
      const [min, max] = step === 'bump' ? [Math.max(2, replyRange.customer[0]), replyRange.agent[1]] : replyRange[role]
      clock += Math.round((min + rng() * (max - min)) * 60_000)
    }
    if (step === 'closing' && scenario.closingNotBefore) {
      clock = Math.max(clock, Date.parse(scenario.closingNotBefore) + intBetween(rng, 5, 90) * 60_000)
    }
    let text: string
    switch (step) {
      case 'open':
        text = customerText(opening, true)
        break
      case 'bump':
        text = customerText(pick(rng, kit.bump), false)
        break
      case 'ask':
        text = agentText(fill(pick(rng, thread.ask ?? []), slots))
        break
      case 'followUp':
        text = customerText(fill(followUp, slots), false)
        break
      case 'closing':
        text = agentText(fill(closing, slots))
        break
      case 'willTry':
        text = customerText(pick(rng, kit.willTry), false)
        break
      case 'thanks':
        text = customerText(pick(rng, kit.thanks), false)
        break
      case 'unhappy':
        text = customerText(pick(rng, kit.unhappy), false)
        break
    }
    messages.push({
      externalId: '',
      role,
      author: role === 'agent' ? (channel === 'email' || channel === 'chat' ? agent.name : BRAND_HANDLE[channel]) : customer.handle,
      text,
      sentAt: '',
      language: lang,
    })
    times.push(clock)
  }
  squeezeIntoPeriod(messages, times, startMs)

  return {
    channel,
    customer: customer.includeName ? { handle: customer.handle, name: customer.name } : { handle: customer.handle },
    messages,
    metadata: { scenario: scenario.key, resolved: steps.includes('closing') },
    startMs,
  }
}

/** Replies late on the last Sunday would spill past the period; compress the gaps instead. */
function squeezeIntoPeriod(messages: DemoMessage[], times: number[], startMs: number): void {
  const last = times[times.length - 1]
  const scale = last > PERIOD_END_MS ? (PERIOD_END_MS - startMs) / (last - startMs) : 1
  messages.forEach((m, i) => {
    const ms = startMs + Math.floor(((times[i] - startMs) * scale) / 1000) * 1000
    m.sentAt = new Date(ms).toISOString().replace('.000Z', 'Z')
  })
}

function isThreadLive(thread: Thread, atMs: number): boolean {
  return (!thread.from || atMs >= Date.parse(thread.from)) && (!thread.until || atMs < Date.parse(thread.until))
}

function weightedIndex(rng: Rng, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let roll = rng() * total
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i]
    if (roll < 0) return i
  }
  return weights.length - 1
}

// Customers write mostly in the day and evening; a few at night.
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 7, 7, 6, 4, 2]

function drawStart(rng: Rng, fromMs: number, toMs: number): number {
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = fromMs + Math.floor(rng() * (toMs - fromMs))
    const hour = new Date(candidate).getUTCHours()
    if (rng() * 7 < HOUR_WEIGHTS[hour]) return Math.floor(candidate / 1000) * 1000
  }
  return Math.floor(fromMs / 1000) * 1000
}

function languagesFor(scenario: ScenarioSpec, atMs: number): Partial<Record<DemoLanguage, number>> {
  const weights: Partial<Record<DemoLanguage, number>> = {}
  for (const lang of Object.keys(KITS) as DemoLanguage[]) {
    const threads = scenario.lines[lang] ?? []
    if (threads.some((t) => isThreadLive(t, atMs))) weights[lang] = KITS[lang].weight * (scenario.languageAffinity?.[lang] ?? 1)
  }
  return weights
}

function channelsFor(scenario: ScenarioSpec, lang: DemoLanguage): Partial<Record<DemoChannel, number>> {
  const weights: Partial<Record<DemoChannel, number>> = {}
  for (const [channel, w] of Object.entries(KITS[lang].channels) as Array<[DemoChannel, number]>) {
    weights[channel] = w * (scenario.channelWeights?.[channel] ?? 1)
  }
  return weights
}

/** The whole corpus, oldest conversation first. Pure: same seed, same output. */
export function generateDemoConversations(seed = DEMO_SEED): DemoConversation[] {
  const rng = createRng(seed)
  const built: Array<ReturnType<typeof buildConversation>> = []
  for (let week = 0; week < DEMO_WEEK_COUNT; week++) {
    const weekStart = PERIOD_START_MS + week * WEEK_MS
    for (const scenario of SCENARIOS) {
      const from = Math.max(weekStart, scenario.window ? Date.parse(scenario.window.start) : weekStart)
      const to = Math.min(weekStart + WEEK_MS, scenario.window ? Date.parse(scenario.window.end) : Infinity)
      for (let i = 0; i < scenario.weekly[week]; i++) {
        const startMs = drawStart(rng, from, to)
        const lang = weightedPick(rng, languagesFor(scenario, startMs))
        const channel = weightedPick(rng, channelsFor(scenario, lang))
        built.push(buildConversation(rng, { scenario, lang, channel, startMs }))
      }
    }
  }
  built.sort((a, b) => a.startMs - b.startMs)
  return built.map(({ startMs: _startMs, ...conversation }, index) => {
    const externalId = `bw-${conversation.channel}-${String(index + 1).padStart(4, '0')}`
    return {
      channel: conversation.channel,
      externalId,
      customer: conversation.customer,
      messages: conversation.messages.map((m, i) => ({ ...m, externalId: `${externalId}-m${i + 1}` })),
      metadata: conversation.metadata,
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Knowledge articles: the help-centre pages agents link to. Reply suggestions should ground on
// these and on past agent replies, which follow the same policies.

export interface DemoKnowledgeArticle {
  externalId: string
  title: string
  body: string
  language: 'en'
  tags: string[]
}

const article = (externalId: string, title: string, tags: string[], paragraphs: string[]): DemoKnowledgeArticle => ({
  externalId,
  title,
  body: paragraphs.join('\n\n'),
  language: 'en',
  tags,
})

export const DEMO_KNOWLEDGE_ARTICLES: DemoKnowledgeArticle[] = [
  article('kb-billing-duplicate', 'Duplicate or double charges', ['billing', 'refund', 'payments'], [
    'Very occasionally a payment is taken twice, usually because a card payment and a Direct Debit both went through for the same bill, or because a failed payment was retried after it had actually succeeded.',
    'If a customer reports a double charge, ask for the email address on the account or the order number (it starts with BW-) and the dates of both payments. Never ask for, or accept, a full card number in a public or private message.',
    'Once the duplicate is confirmed, refund it to the original payment method the same day. Refunds take 3–5 working days to appear. If it is the second duplicate in twelve months, add a £10 goodwill credit to the next bill.',
  ]),
  article('kb-refund-policy', 'Refund policy', ['billing', 'refund', 'policy'], [
    'Customers can cancel an equipment order (Brightbox 4K, Voice Remote, wifi booster) for a full refund at any time before it ships, and within 14 days of delivery if it is returned unused in its packaging.',
    'Charges taken in error, such as duplicate payments, are always refunded in full to the original payment method within 3–5 working days. Service credits for outages or faults are added to the next bill automatically and do not need to be claimed.',
    'We do not refund monthly charges for partial months after a cancellation request; the final bill covers the 30-day notice period.',
  ]),
  article('kb-hub-restart', 'Restarting and resetting the Brightwave Hub', ['router', 'wifi', 'setup', 'troubleshooting'], [
    'Most dropouts are cleared by a restart. Unplug the Brightwave Hub at the wall, wait 30 seconds, plug it back in and wait about three minutes until the light is solid white. A flashing orange light means the Hub is still connecting; a red light means there is no signal on the line.',
    'A factory reset is a last resort because it removes custom wifi names and passwords. Hold the recessed reset button on the back for 15 seconds with a paperclip until the light flashes blue, then wait five minutes. The Hub returns to the network name and password printed on its back card.',
    'If the light stays red after a restart, check the status page at brightwave.example/status for an outage in the area before booking an engineer.',
  ]),
  article('kb-wifi-dropouts', 'Wifi dropouts and slow speeds', ['wifi', 'router', 'troubleshooting', 'engineer'], [
    'Place the Hub in the open, at table height, away from TVs, microwaves, fish tanks and thick walls. Evening-only dropouts on some lines are fixed by the Hub firmware 3.8.2, which agents can push remotely from the line tools.',
    'If the customer still has dropouts after a restart, run a line test from the account tools. A fault on the line means booking an engineer (morning 8am–1pm or afternoon 1pm–6pm slots, text reminder the day before) and adding a credit for the days affected.',
    'If the line test is clean and the problem is weak wifi in some rooms, it is a range issue: offer the free Brightwave wifi booster, which ships in 2–3 working days with setup steps in the box.',
  ]),
  article('kb-new-hub-setup', 'Setting up a new Hub', ['router', 'setup'], [
    'Connect the grey cable from the fibre wall socket to the port marked WAN on the Hub, then power it on. First start can take up to ten minutes while it downloads its settings; the light flashes orange during this time and turns solid white when ready.',
    'Join the network printed on the back card. If a laptop cannot see the network, check the Hub light is white and that the laptop supports 5 GHz; the 2.4 GHz network has the same name with -2G at the end.',
    'The Brightwave app can also set up the Hub: tap Home › Add device and follow the steps.',
  ]),
  article('kb-delivery-times', 'Delivery times for the Brightbox and accessories', ['delivery', 'brightbox', 'shipping'], [
    'Brightbox 4K and accessory orders ship within one working day and are delivered by our courier in 2–3 working days. The customer gets a tracking link by email and a one-hour delivery slot by text on the morning of delivery.',
    'If tracking has not moved for 3 working days, or a parcel is marked delivered but has not arrived, check with the courier using the order number. If the courier cannot find it, send a replacement by next-day delivery at no cost; there is no need to wait for the investigation.',
    'If the courier says they attempted delivery but the customer was home, apologise, log it as a courier complaint and re-book delivery for the next working day.',
  ]),
  article('kb-voice-remote-backorder', 'Voice Remote back orders (September 2026)', ['delivery', 'remote', 'backorder', 'shipping'], [
    'Demand for the new Voice Remote in August and September 2026 was much higher than expected and it went out of stock. Orders placed during that time show "awaiting stock" and ship in the order they were placed.',
    'New stock arrived on 1 October 2026 and all back orders shipped by 9 October. Customers who are still waiting after that date should be treated as a delivery problem: check the courier tracking and send a replacement if needed.',
    'Customers can cancel a back-ordered remote at any time before it ships for a full refund to the original payment method (3–5 working days).',
  ]),
  article('kb-app-52-login-crash', 'Known issue: app 5.2 crashes or freezes at sign-in', ['app', 'login', 'known-issue', 'crash'], [
    'Since version 5.2 of the Brightwave app (released 8 October 2026), some Android and iOS phones crash or freeze on the loading screen when signing in with Face ID or fingerprint. Some customers also see the TV guide freeze. The cause is a bug in how 5.2 restores the saved biometric session.',
    'Workaround: clear the app cache (Android: Settings › Apps › Brightwave › Storage › Clear cache; iPhone: Settings › General › iPhone Storage › Brightwave › Offload App, then reinstall), then sign in with email and password instead of biometrics. If the app still crashes, uninstall and reinstall it. Everything in the app is also available at brightwave.example/account.',
    'The fix ships in version 5.2.1 as a normal app store update. Customers can switch biometric sign-in back on after updating.',
  ]),
  article('kb-password-reset', 'Password reset and locked accounts', ['login', 'password', 'account'], [
    'Customers reset their password with Forgot password at brightwave.example/login. The reset email comes from no-reply@brightwave.example and the link is valid for 30 minutes; only the newest link works, so older emails give an "expired" error.',
    'After five failed sign-in attempts the account locks for 30 minutes. Agents can unlock it and send a fresh link from the account tools once the customer confirms the email address on the account.',
    'If the email never arrives, check whether it is bouncing (the account tools show a bounce flag) and clear the block; if the customer changed email address, update it on the account before sending the link.',
  ]),
  article('kb-cancellation-policy', 'Cancelling a Brightwave service', ['cancellation', 'contract', 'policy'], [
    'Customers can cancel with 30 days\' notice by message, phone or online. Outside the minimum term there is no fee. Inside the minimum term the early exit fee is the remaining monthly charges minus 20%, and the agent must tell the customer the amount before confirming.',
    'Always ask, once and without pressure, why the customer is leaving, and record the reason. Confirm the cancellation with a reference starting with CX- and the final bill date.',
    'The Hub must be returned within 30 days using the prepaid bag we send; otherwise a £60 charge applies. The Brightbox can be kept and works as a standard streamer without Stream+. Removing only the Stream+ add-on does not affect the broadband contract.',
  ]),
  article('kb-plans-prices', 'Plans and prices', ['plans', 'pricing', 'upgrade'], [
    'Broadband plans: Fibre 150 (good for HD streaming), Fibre 500 (most homes) and Fibre 900 (many 4K streams and large downloads at once). Stream+ adds the Brightbox 4K and the Voice Remote at no extra equipment cost.',
    'Customers can upgrade at any time without restarting their contract; the new speed is live within 24 hours of accepting the upgrade link. Downgrades are possible at the end of the minimum term.',
    'Prices rise once a year in September by the fixed amount stated in the contract (£3 a month in 2026); customers are emailed about it in July.',
  ]),
  article('kb-moving-home', 'Moving home', ['moving', 'contract', 'plans'], [
    'Customers can take their plan to a new address at no cost if Brightwave covers it, and the contract end date stays the same. Ask for the new postcode and the moving date, check coverage and book the home move.',
    'On moving day the customer takes the Hub with them and plugs it in at the new address. If the new address is not covered, the customer can leave without an early exit fee by showing proof of the move.',
  ]),
  article('kb-outages-credits', 'Outages, the status page and service credits', ['outage', 'status', 'credit', 'compensation'], [
    'Live incidents are posted at brightwave.example/status with the affected areas and the next update time. When many customers in one area report no service, check the status page first and reply with the incident details rather than troubleshooting each line.',
    'After an outage is fixed, affected accounts receive an automatic credit on the next bill (one day of service per day affected, rounded up); customers do not need to claim. If a Hub stays offline after service is restored, a single restart is enough.',
    'On 27 October 2026 a damaged fibre cable caused an outage across parts of West Yorkshire (Leeds, Bradford, Wakefield, Harrogate and nearby areas) from 06:40 on 27 October until 21:10 on 28 October. All affected accounts received a 2-day credit.',
  ]),
  article('kb-support-channels', 'How we talk to customers', ['support', 'channels', 'tone', 'privacy'], [
    'We answer on X, Instagram, Facebook, WhatsApp, email and live chat. On public channels, never ask for or repeat personal details (full name, address, card numbers); ask the customer to send their account email or order number by direct message.',
    'Replies are short, warm and specific: apologise once, say what happens next and when. On X and Instagram, agents sign off with their initials (for example ^MK). Reply in the language the customer wrote in.',
    'Chat is open 8am–10pm every day; social channels and WhatsApp are answered within 4 hours from 8am to 10pm; email within 2 working days.',
  ]),
]

// ---------------------------------------------------------------------------------------------

export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n'
}

export const DEMO_CONVERSATIONS_PATH = new URL('../demo/conversations.jsonl', import.meta.url)
export const DEMO_KNOWLEDGE_PATH = new URL('../demo/knowledge.jsonl', import.meta.url)

function main(): void {
  const conversations = generateDemoConversations()
  writeFileSync(DEMO_CONVERSATIONS_PATH, toJsonl(conversations))
  writeFileSync(DEMO_KNOWLEDGE_PATH, toJsonl(DEMO_KNOWLEDGE_ARTICLES))
  const messages = conversations.reduce((n, c) => n + c.messages.length, 0)
  console.log(`wrote ${conversations.length} conversations (${messages} messages) and ${DEMO_KNOWLEDGE_ARTICLES.length} knowledge articles to demo/`)
}

// Importing this module (the test does) must not write files; only running it does.
function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)
  } catch {
    return false
  }
}
if (invokedDirectly()) main()
