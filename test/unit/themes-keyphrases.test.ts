import { describe, expect, it } from 'vitest'
import { clusterKeyphrases, mergeClustersByWords, mergeTerms } from '../../src/chains/themes/keyphrases.ts'
import { describeCluster, englishWordsOf, labelInEnglish, leadWithSubject, spreadQuotesOverLanguages, themeDescription } from '../../src/chains/themes/describe-local.ts'

// Made-up messages written for this test.
const docs = [
  '@acme my parcel never arrived, tracking number 12345 http://t.co/x',
  'parcel never arrived and the tracking page is blank',
  'Still no parcel. Tracking says delivered but it never arrived',
  'where is my parcel? tracking not updated for days',
  'the app crashes when I open the settings page',
  'app crashes every time on login, please fix',
  'Since the update the app crashes on startup',
  'app crashes again after the update',
  'random thought about nothing',
]
const labels = [0, 0, 0, 0, 1, 1, 1, 1, -1]

describe('clusterKeyphrases', () => {
  const phrases = clusterKeyphrases(docs, labels, { top: 5, language: 'en' })

  it('gives distinctive phrases per cluster, bigrams included, and none for noise', () => {
    expect([...phrases.keys()].sort()).toEqual([0, 1])
    const first = phrases.get(0)!.map((p) => p.phrase)
    const second = phrases.get(1)!.map((p) => p.phrase)
    expect(first.slice(0, 3).some((p) => p.includes('parcel') || p.includes('tracking'))).toBe(true)
    expect(second).toContain('app crashes')
    expect(first.some((p) => p.includes('crash'))).toBe(false)
  })

  it('drops handles, links, numbers and stopwords', () => {
    const all = [...phrases.values()].flat().map((p) => p.phrase)
    for (const phrase of all) {
      expect(phrase).not.toMatch(/acme|http|t\.co|\d|^(the|my|and|is|on)$/)
    }
  })

  it('orders phrases by decreasing weight and skips a word already inside a stronger bigram', () => {
    const second = phrases.get(1)!
    for (let i = 1; i < second.length; i++) expect(second[i].weight).toBeLessThanOrEqual(second[i - 1].weight)
    const words = second.map((p) => p.phrase)
    expect(words).not.toContain('crashes')
  })

  it('handles scripts written without spaces', () => {
    const thai = clusterKeyphrases(['บัตรเครดิตหาย', 'บัตรเครดิตหายไป', 'แอปค้าง', 'แอปค้างอีกแล้ว'], [0, 0, 1, 1])
    expect(thai.get(0)!.length).toBeGreaterThan(0)
  })

  it('leaves generic chat words out of key phrases', () => {
    const chasers = ['wifi keeps dropping, anyone else? costing me a days work', 'wifi keeps dropping since this morning, anyone else?', 'the wifi keeps dropping every evening', 'bill charged twice this month', 'charged twice on my bill', 'bill says charged twice, thanks']
    const result = clusterKeyphrases(chasers, [0, 0, 0, 1, 1, 1], { top: 5, language: 'en' })
    const all = [...result.values()].flat().map((p) => p.phrase)
    expect(all).toContain('wifi')
    expect(all.some((p) => p.includes('charged twice'))).toBe(true)
    for (const phrase of all) expect(phrase).not.toMatch(/anyone|else|days|work|morning|evening|month|thanks/)
  })

  it('names no theme by a verb of happening (the demo\'s "Price went", from "the price went up")', () => {
    const rises = ['the price went up again, cancelling', 'price went up by £5 this month', 'my price went up without warning', 'got a price rise letter today', 'bill got more expensive, price rise again', 'the modem is fine']
    const result = clusterKeyphrases(rises, [0, 0, 0, 0, 0, -1], { top: 5, language: 'en' })
    const all = result.get(0)!.map((p) => p.phrase)
    expect(all.some((p) => p.includes('price'))).toBe(true)
    for (const phrase of all) expect(phrase).not.toMatch(/\b(?:went|got|came)\b/)
  })

  it('names no theme by a preposition (W47\'s "Cancel within", from "Can I get a refund if I cancel within 14 days?")', () => {
    const refunds = ['Can I get a refund if I cancel within 14 days?', 'cancel within the cooling-off period, refund?', 'refund if I cancel within two weeks', 'cancel during the trial', 'the modem is fine', 'the modem lights are fine']
    const all = clusterKeyphrases(refunds, [0, 0, 0, 0, 1, 1], { top: 8, language: 'en' }).get(0)!.map((p) => p.phrase)
    expect(all).toContain('cancel')
    for (const phrase of all) expect(phrase).not.toMatch(/\b(?:within|during)\b/)
  })

  it('names no theme by a number said in words ("Travelling for three", from "travelling for three months")', () => {
    const away = ['I am travelling for three months, can I pause my broadband?', 'abroad for three months, can I pause my plan', 'Je pars trois mois, puis-je suspendre mon abonnement ?', 'pause for two months while travelling', 'the modem is fine', 'the modem lights are fine']
    const all = clusterKeyphrases(away, [0, 0, 0, 0, 1, 1], { top: 8, language: 'en' }).get(0)!.map((p) => p.phrase)
    expect(all).toContain('pause')
    for (const phrase of all) expect(phrase).not.toMatch(/\b(?:two|three|trois)\b/)
  })

  it('keeps the particle of a verb it names ("Cannot sign", from "I cannot sign in to the website")', () => {
    const signIn = ['I cannot sign in to the website', 'cannot sign in since I changed my email', 'still cannot sign in, tried twice', 'logged out and cannot log in again', 'the modem is fine', 'the modem lights are fine']
    const all = clusterKeyphrases(signIn, [0, 0, 0, 0, 1, 1], { top: 5, language: 'en' }).get(0)!.map((p) => p.phrase)
    expect(all).toContain('cannot sign-in')
    for (const phrase of all) expect(phrase).not.toMatch(/\bsign$|\bsign\s(?!in)/)
  })

  it('makes no phrase across two sentences (the demo\'s "twice thats", from "took £55.00 twice. Thats my food money")', () => {
    const twice = ['you took [AMOUNT_1] twice. Thats my food money', 'charged twice. Thats not ok', 'billed twice. Thats the second time', 'charged twice this month', 'app 5.2 crashes', 'the modem is fine']
    const all = clusterKeyphrases(twice, [0, 0, 0, 0, 1, -1], { top: 8, language: 'en' }).get(0)!.map((p) => p.phrase)
    expect(all).toContain('charged twice')
    expect(all.filter((p) => /twice thats/.test(p))).toEqual([])
    // Chat asides name nothing either.
    const asides = clusterKeyphrases(['charged twice thats not ok tbh', 'charged twice, not impressed', 'charged twice again tbh', 'thats twice now, charged', 'the modem is fine'], [0, 0, 0, 0, -1], { top: 8, language: 'en' })
    expect(asides.get(0)!.map((p) => p.phrase).filter((p) => /\b(?:thats|tbh|impressed)\b/.test(p))).toEqual([])
  })

  it('rejects mismatched inputs', () => {
    expect(() => clusterKeyphrases(['a'], [0, 1])).toThrow(/differ/)
  })
})

describe('mergeClustersByWords', () => {
  it('joins clusters told in the same words, keeps others apart and numbers by size', () => {
    const texts = [
      'no internet in leeds since the outage', 'internet down in leeds, outage?', 'outage in bradford, internet dead',
      'leeds outage still no internet', 'internet outage bradford again',
      'the app crashes at login', 'app crashes after the update', 'login crashes the app',
      'random words here',
    ]
    const labels = [0, 0, 0, 1, 1, 2, 2, 2, -1]
    const merged = mergeClustersByWords(texts, labels, 0.3, { language: 'en' })
    expect(merged[0]).toBe(merged[3])
    expect(merged[0]).toBe(0)
    expect(merged[5]).toBe(1)
    expect(merged[5]).not.toBe(merged[0])
    expect(merged[8]).toBe(-1)
    expect(mergeClustersByWords(texts, labels, 0.99, { language: 'en' })[3]).not.toBe(mergeClustersByWords(texts, labels, 0.99, { language: 'en' })[0])
  })
})

describe('describeCluster', () => {
  const unit = (values: number[]) => {
    const norm = Math.hypot(...values)
    return Float32Array.from(values, (x) => x / norm)
  }
  const texts = ['parcel lost', 'parcel lost', 'parcel lost!!', 'tracking is blank', 'courier never came', 'refund for the parcel?', 'unrelated']
  const vectors = [unit([1, 0.1, 0]), unit([1, 0.1, 0]), unit([1, 0.1, 0.01]), unit([0.8, 0.5, 0]), unit([0.8, 0, 0.5]), unit([0.7, 0.3, 0.3]), unit([0, 0, 1])]
  const centroid = unit([1, 0.2, 0.2])
  const result = describeCluster({ keyphrases: [{ phrase: 'parcel lost', weight: 0.3 }, { phrase: 'tracking', weight: 0.1 }], texts, vectors, centroid })

  it('picks 3–5 central, non-duplicate quotes', () => {
    expect(result.representativeIdx.length).toBeGreaterThanOrEqual(3)
    expect(result.representativeIdx.length).toBeLessThanOrEqual(5)
    const picked = result.representativeIdx.filter((i) => i <= 2)
    expect(picked).toHaveLength(1)
    expect(result.representativeIdx).not.toContain(6)
  })

  it('labels from the top phrase and describes with phrases and a quote', () => {
    expect(result.label).toBe('Parcel lost')
    expect(result.description).toContain('7 messages')
    expect(result.description).toContain('“tracking”')
    expect(result.description).toContain(texts[result.representativeIdx[0]])
  })

  it('leads the label with a bigram most of the theme uses, in 2–4 words', () => {
    const labelled = describeCluster({
      keyphrases: [{ phrase: 'app', weight: 0.5, support: 0.9 }, { phrase: 'app crash', weight: 0.4, support: 0.6 }, { phrase: 'login', weight: 0.35, support: 0.4 }, { phrase: 'rare pair', weight: 0.3, support: 0.05 }],
      texts, vectors, centroid,
    })
    // A bigram names the theme on its own: never two phrases stacked ("App crash, login").
    expect(labelled.label).toBe('App crash')
    // A single word takes one more, read as one noun phrase.
    const single = describeCluster({ keyphrases: [{ phrase: 'wifi', weight: 0.5, support: 0.9 }, { phrase: 'router', weight: 0.4, support: 0.5 }], texts, vectors, centroid })
    expect(single.label).toBe('Wifi router')
  })

  it('labels a theme told in French in English, from its product words and intent', () => {
    const texts = ["Depuis la mise à jour, l'appli plante", "l'appli plante au démarrage depuis la mise à jour", 'Merci !', "Mise à jour installée, l'appli ne s'ouvre plus"]
    const languages = ['fr', 'fr', 'fr', 'fr']
    const intents = ['bug_outage', 'bug_outage', 'praise', 'bug_outage']
    expect(labelInEnglish({ label: 'Mise jour', texts, languages, intents })).toBe('App problems')
    // Without an intent that names a topic, the product words alone.
    expect(labelInEnglish({ label: 'Mise jour', texts, languages, intents: intents.map(() => 'other') })).toBe('App update issues')
    // Nothing English to say: the language it is told in.
    expect(labelInEnglish({ label: 'เวลา', texts: ['ขอบคุณนะ', 'ช่างมาตรงเวลา', 'ขอบคุณ'], languages: ['th', 'th', 'th'], intents: ['praise', 'other', 'praise'] })).toBe('Praise: messages in Thai')
    // A subject's name says more than the language, which it keeps (two themes of French follow-ups were both "Messages in French").
    expect(labelInEnglish({ label: 'Vérifié spams', texts: ["[EMAIL_1], j'ai vérifié les spams", "c'est [EMAIL_1], rien dans les spams"], languages: ['fr', 'fr'], intents: ['account_login', 'account_login'] })).toBe('Sign-in problems in French')
    expect(labelInEnglish({ label: 'Deux le', texts: ["C'est [EMAIL_1], les deux le 15.", 'Les deux prélèvements le 3'], languages: ['fr', 'fr'], intents: ['billing', 'billing'] })).toBe('Billing in French')
    // Unless most of its messages are about it: one billing message among thanks (a theme of thanks).
    expect(labelInEnglish({ label: 'เวลา', texts: ['ขอบคุณนะ', 'ช่างมาตรงเวลา', 'ค่าบริการ'], languages: ['th', 'th', 'th'], intents: ['praise', 'praise', 'billing'] })).toBe('Praise: messages in Thai')
    // An English label of an English theme stays as its customers put it.
    const english = ['the app crashes at login', 'app crashes at login again', 'the app crashes at login since 5.2']
    expect(labelInEnglish({ label: 'App crashes at login', texts: english, languages: ['en', 'en', 'en'], intents: ['bug_outage', 'bug_outage', 'bug_outage'] })).toBe('App crashes at login')
  })

  it('falls back to a label from the most central message without key phrases', () => {
    const bare = describeCluster({ keyphrases: [], texts, vectors, centroid })
    expect(bare.label.length).toBeGreaterThan(0)
    expect(bare.labelFromQuote).toBe(true)
  })

  it('replaces a label taken from a quote\'s opening words with the theme\'s product words and intent, even in English', () => {
    const said = ['Um, so my bill is higher than last month?', 'Why is my bill higher this month', 'bill went up again, why']
    const input = { label: 'Um, so my bill is', texts: said, languages: ['en', 'en', 'en'], intents: ['billing', 'billing', 'billing'] }
    expect(labelInEnglish({ ...input, labelFromQuote: true })).toBe('Bill')
    expect(labelInEnglish(input)).toBe('Um, so my bill is')
  })

  it('replaces a one-word label that names no product with the theme\'s product words and intent; a product word stays', () => {
    const said = ['charged twice this month', 'you took it twice', 'twice on my bill again']
    const input = { texts: said, languages: ['en', 'en', 'en'], intents: ['billing', 'billing', 'billing'] }
    expect(labelInEnglish({ ...input, label: 'Twice' })).toBe('Bill')
    expect(labelInEnglish({ ...input, label: 'Wifi', intents: ['connectivity', 'connectivity', 'connectivity'] })).toBe('Wifi')
  })

  it('says a theme of thanks is praise ("Faultless switched" named customers pleased since switching)', () => {
    const pleased = { texts: ['switched last month and it has been faultless', 'faultless since I switched, great speeds', 'great service', 'my bill is wrong'], languages: ['en', 'en', 'en', 'en'] }
    expect(labelInEnglish({ ...pleased, label: 'Faultless switched', intents: ['praise', 'praise', 'praise', 'billing'] })).toBe('Praise: faultless switched')
    // Half is no theme of thanks.
    expect(labelInEnglish({ ...pleased, label: 'Faultless switched', intents: ['praise', 'praise', 'billing', 'billing'] })).toBe('Faultless switched')
  })

  it('keeps an English label whose words the week says in English, when the theme\'s own messages say one of them', () => {
    // This week's movers never wrote "house"; the weeks before, whose words the key phrases read too, did.
    const movers = { texts: ['moving in 3 weeks, what happens to my broadband?', 'new postcode is [ADDRESS_1], moving on the 1st', 'do I need a new contract if I move?'], languages: ['en', 'en', 'en'], intents: ['pricing', 'pricing', 'pricing'] }
    const week = englishWordsOf(['Moving house next month, can I take my plan?', 'let me pause wifi for the kids'], ['en', 'en'])
    expect(labelInEnglish({ ...movers, label: 'Moving house' })).not.toBe('Moving house')
    expect(labelInEnglish({ ...movers, label: 'Moving house', englishWords: week })).toBe('Moving house')
    // Words its own messages never say name another week's theme: "Pause wifi" for router dropouts.
    const router = { texts: ['wifi drops every evening', 'router keeps dropping the wifi', 'le wifi coupe'], languages: ['en', 'en', 'fr'], intents: ['connectivity', 'connectivity', 'connectivity'] }
    expect(labelInEnglish({ ...router, label: 'Pause wifi', englishWords: week })).not.toBe('Pause wifi')
  })

  it('names the theme with the run of words its customers use for its distinctive words', () => {
    const said = ['app crashes at login since 5.2', 'the app crashes at login every time', 'app crashes at login, please fix', 'login broken, app crashes', 'app fica bloqueada', 'crashes']
    const named = describeCluster({
      keyphrases: [{ phrase: 'app', weight: 0.5, support: 0.8 }, { phrase: 'crashes', weight: 0.4, support: 0.8 }, { phrase: 'login', weight: 0.35, support: 0.6 }, { phrase: 'bloqueada', weight: 0.3, support: 0.2 }],
      texts: said,
      vectors: said.map(() => unit([1, 0, 0])),
      centroid: unit([1, 0, 0]),
    })
    expect(named.label).toBe('App crashes at login')
    // Said by too few of the theme, a phrase does not name it.
    const rare = describeCluster({ keyphrases: [{ phrase: 'app', weight: 0.5, support: 1 }, { phrase: 'bloqueada', weight: 0.3, support: 0.2 }], texts: said, vectors: said.map(() => unit([1, 0, 0])), centroid: unit([1, 0, 0]) })
    expect(rare.label).not.toMatch(/fica/)
  })

  it('reads a run of words within one clause, through no "and" and no name (W47: "Outage in leeds internet", "Password and the reset")', () => {
    const at = (said: string[]) => ({ texts: said, vectors: said.map(() => unit([1, 0, 0])), centroid: unit([1, 0, 0]) })
    const outage = ['Is there an outage in Leeds? Internet has been down since 9am', 'Outage in Leeds? Internet has been down all day', 'Is there an outage in Leeds? Internet has been down for hours']
    const crossed = describeCluster({ ...at(outage), keyphrases: [{ phrase: 'internet', weight: 0.5, support: 1 }, { phrase: 'outage', weight: 0.4, support: 1 }, { phrase: 'down', weight: 0.3, support: 1 }] })
    expect(crossed.label).not.toMatch(/leeds/i)
    expect(crossed.label).toBe('Internet has been down')
    // A name between two topic words ends the run even inside a clause.
    const named = ['outage in Leeds internet gone', 'outage in Leeds internet down', 'the outage in Leeds internet dead']
    expect(describeCluster({ ...at(named), keyphrases: [{ phrase: 'outage', weight: 0.5, support: 1 }, { phrase: 'internet', weight: 0.4, support: 1 }] }).label).not.toMatch(/leeds/i)
    const reset = ['I forgot my password and the reset email never comes', 'forgot my password and the reset link expired', 'password and the reset page broken', 'password reset email missing', 'no password reset email']
    const joined = describeCluster({ ...at(reset), keyphrases: [{ phrase: 'password', weight: 0.5, support: 1 }, { phrase: 'reset', weight: 0.45, support: 1 }, { phrase: 'forgot', weight: 0.3, support: 0.4 }] })
    expect(joined.label).toBe('Password reset')
  })

  it('quotes the same words once and fills no quote with an off-topic member', () => {
    const said = ['When will my Brightbox arrive?', 'When will my Brightbox arrive?', 'When will my Brightbox arrive?', "I'm deaf, can you contact me by text instead of phone?"]
    const vectors = [unit([1, 0, 0]), unit([1, 0, 0]), unit([1, 0, 0]), unit([0.1, 1, 0])]
    const described = describeCluster({ keyphrases: [{ phrase: 'brightbox arrive', weight: 0.5, support: 0.75 }], texts: said, vectors, centroid: unit([1, 0.05, 0]) })
    expect(described.representativeIdx).toHaveLength(1)
    expect(said[described.representativeIdx[0]]).toBe('When will my Brightbox arrive?')
  })

  it('never names a theme with two forms of one word, and takes a bigram around its lone head word from further down', () => {
    // Texts in which no run of words joins two distinctive ones, so the label is made of the key phrases.
    const said = ['flight', 'flights', 'seats']
    const at = { texts: said, vectors: said.map(() => unit([1, 0, 0])), centroid: unit([1, 0, 0]) }
    const flights = describeCluster({ ...at, keyphrases: [{ phrase: 'flight', weight: 0.5, support: 0.5 }, { phrase: 'flights', weight: 0.45, support: 0.4 }, { phrase: 'seats', weight: 0.4, support: 0.3 }] })
    expect(flights.label).toBe('Flight seats')
    const twice = describeCluster({
      ...at,
      keyphrases: [
        { phrase: 'twice', weight: 0.12, support: 0.23 }, { phrase: 'bill', weight: 0.09, support: 0.14 }, { phrase: 'food money', weight: 0.086, support: 0.08 },
        { phrase: 'charged', weight: 0.08, support: 0.09 }, { phrase: 'bank app', weight: 0.073, support: 0.06 }, { phrase: 'charged twice', weight: 0.073, support: 0.06 },
      ],
    })
    expect(twice.label).toBe('Charged twice')
    // A bigram far below its word names it no better than the word and its partner.
    const faint = describeCluster({ ...at, keyphrases: [{ phrase: 'cancel', weight: 0.2, support: 0.3 }, { phrase: 'contract', weight: 0.15, support: 0.2 }, ...['a', 'b', 'c'].map((w) => ({ phrase: `x${w}`, weight: 0.12, support: 0.1 })), { phrase: 'cancel online', weight: 0.05, support: 0.05 }] })
    expect(faint.label).toBe('Cancel contract')
    // A state goes after the thing it is about (the demo's W44 outage theme was "Down internet").
    const down = describeCluster({ ...at, keyphrases: [{ phrase: 'down', weight: 0.1, support: 0.13 }, { phrase: 'costing', weight: 0.09, support: 0.11 }, { phrase: 'internet', weight: 0.09, support: 0.14 }] })
    expect(down.label).toBe('Internet down')
    // A request's verb names the asking, not the thing asked for (the demo's W41 "Add dark" theme asked for a dark mode).
    const dark = describeCluster({ ...at, keyphrases: [{ phrase: 'app', weight: 0.2, support: 0.5 }, { phrase: 'add', weight: 0.15, support: 0.4 }, { phrase: 'add dark', weight: 0.12, support: 0.3 }, { phrase: 'dark mode', weight: 0.11, support: 0.3 }] })
    expect(dark.label).toBe('Dark mode')
    // A phrase one message of a small theme says is that message's ("Food money": a double charge that
    // was "my food money for the week", beside a thank-you and an e-mail address).
    const three = ['So my bill is £45.50 but you took £45.50 twice. Thats my food money for the week', 'Perfect, thank you!', "it's [EMAIL_1]. this is the second time this year btw"]
    const small = describeCluster({ texts: three, vectors: three.map(() => unit([1, 0, 0])), centroid: unit([1, 0, 0]), keyphrases: [{ phrase: 'food money', weight: 0.2, support: 1 / 3, messages: 1 }, { phrase: 'impressed', weight: 0.1, support: 1 / 3, messages: 1 }] })
    expect(small.label).not.toMatch(/food money/i)
    expect(small.labelFromQuote).toBe(true)
  })

  it('quotes no message that only closes its case while the theme has others ("Perfect, thank you!" was a quote of "Price rise")', () => {
    const texts = ['Um, cancelling. The price rise was the last straw. Tell me what I need to do', 'Email is [EMAIL_1]. Just want it done', 'Perfect, thank you!']
    const at = { keyphrases: [{ phrase: 'price rise', weight: 0.2, support: 0.4 }], texts, vectors: [unit([1, 0, 0]), unit([1, 0.2, 0]), unit([1, 0.1, 0])], centroid: unit([1, 0.1, 0]) }
    expect(describeCluster(at).representativeIdx).toContain(2)
    const quoted = describeCluster({ ...at, closes: [false, false, true] }).representativeIdx
    expect(quoted).not.toContain(2)
    expect(quoted).toContain(0)
    // A theme of closers alone still shows one.
    expect(describeCluster({ ...at, closes: [true, true, true] }).representativeIdx.length).toBeGreaterThan(0)
  })

  it('quotes no message about another subject than most of the theme\'s ("Charged twice" quoted a parcel that never came)', () => {
    const texts = [
      'You took £55.00 twice this month', 'Double charged again, £42.00 x2 on my statement', 'Brightwave took £42.00 two times, I want it back',
      'Order [ORDER_1] was supposed to arrive yesterday. Nothing.', 'Why was I billed twice? This is the second time',
    ]
    const at = { keyphrases: [{ phrase: 'twice', weight: 0.3, support: 0.6 }], texts, vectors: [unit([1, 0, 0]), unit([1, 0.2, 0]), unit([1, 0.1, 0.1]), unit([1, 0.05, 0]), unit([1, 0, 0.2])], centroid: unit([1, 0.05, 0]) }
    expect(describeCluster(at).representativeIdx).toContain(3)
    const intents = ['billing', 'billing', 'billing', 'delivery', 'complaint']
    const quoted = describeCluster({ ...at, intents }).representativeIdx
    expect(quoted).not.toContain(3)
    // Another message takes its place.
    expect(quoted.length).toBe(describeCluster(at).representativeIdx.length)
    // Without a subject most messages share, no quote is left out for its intent.
    expect(describeCluster({ ...at, intents: ['billing', 'delivery', 'billing', 'delivery', 'other'] }).representativeIdx).toContain(3)
  })
})

describe('mergeClustersByWords across languages', () => {
  it('joins one problem told in several languages by the product words and release numbers they share', () => {
    const texts = [
      'the app crashes at login since update 5.2', 'app 5.2.0 crashes on login every time', 'since 5.2 the app crashes after login',
      "depuis la 5.2 l'app plante au login", "l'app plante au login depuis la mise à jour 5.2", "plantage de l'app au login, version 5.2",
      'my bill shows a double charge', 'charged twice on my bill this month', 'double charge on the bill again',
    ]
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2])
    const merged = mergeClustersByWords(texts, labels, 0.3)
    expect(merged[3]).toBe(merged[0])
    expect(merged[6]).not.toBe(merged[0])
    expect([...mergeTerms("Dall'aggiornamento v5.2.0 l'app si chiude", new Set())]).toEqual(expect.arrayContaining(['app', 'update', '5.2']))
  })

  it('reads each language\'s word for the same product ("appli", "Anwendung" → app) as one word', () => {
    const texts = [
      'the app crashes when I open it', 'app crashes on the loading screen', 'the app keeps crashing',
      "l'appli plante dès l'ouverture", "mon appli plante sur l'écran de chargement", "l'appli plante encore",
      'die Anwendung stürzt beim Öffnen ab', 'Anwendung stürzt ständig ab', 'die Anwendung stürzt ab',
      'my bill shows a double charge', 'charged twice on my bill this month', 'double charge on the bill again',
    ]
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
    const merged = mergeClustersByWords(texts, labels, 0.3)
    expect(merged[3]).toBe(merged[0])
    expect(merged[6]).toBe(merged[0])
    expect(merged[9]).not.toBe(merged[0])
    expect([...mergeTerms('WLAN fällt aus, Rechnung doppelt', new Set())]).toEqual(expect.arrayContaining(['wifi', 'bill']))
    expect([...mergeTerms("Redémarré, mais le voyant du routeur passe à l'orange", new Set())]).toEqual(expect.arrayContaining(['restarted', 'light', 'router']))
  })
})

describe('quotes of a theme', () => {
  const unit = (values: number[]) => {
    const norm = Math.hypot(...values)
    return Float32Array.from(values, (x) => x / norm)
  }

  it('show each language the theme is told in', () => {
    // Made-up: six English reports close to the centre, three French and two German ones further out.
    const texts = [
      'the app crashes at login every time', 'app crashes on the loading screen after update', 'app keeps crashing since the update today',
      'app freezes on white screen after login', 'reinstalled the app, still crashing at login', 'the new app version crashes immediately',
      "l'appli plante dès que je me connecte", "impossible d'ouvrir l'appli depuis la mise à jour", "l'appli reste bloquée sur l'écran blanc",
      'die App stürzt beim Login ab seit dem Update', 'App hängt auf dem Ladebildschirm fest',
    ]
    const languages = ['en', 'en', 'en', 'en', 'en', 'en', 'fr', 'fr', 'fr', 'de', 'de']
    const vectors = texts.map((_, i) => unit([1, i < 6 ? 0.1 * i : 0.9, i >= 9 ? 0.8 : 0.2]))
    const centroid = unit([1, 0.1, 0.1])
    const picked = describeCluster({ keyphrases: [{ phrase: 'app', weight: 1, support: 1 }], texts, vectors, centroid }).representativeIdx
    const spread = spreadQuotesOverLanguages({ picked, languages, texts, vectors, centroid })
    expect(new Set(spread.map((i) => languages[i]))).toEqual(new Set(['en', 'fr', 'de']))
    expect(spread.length).toBeLessThanOrEqual(5)
    // One language only: the quotes are the central ones, untouched.
    expect(spreadQuotesOverLanguages({ picked, languages: texts.map(() => 'en'), texts, vectors, centroid })).toEqual(picked)
  })

  it('are never only a thank-you or an identifier when the theme says more', () => {
    // The thank-yous and the bare reference sit closest to the centre (their threads are about the theme).
    const texts = ['Thanks!', '[ORDER_1]', 'Perfect, thank you!', 'charged twice for the same month', 'double charge again', 'Merci !', 'charged twice on my bill']
    const substantive = [3, 4, 6]
    const vectors = texts.map((_, i) => unit([1, substantive.includes(i) ? 0.3 : 0.05, 0.01 * i]))
    const centroid = unit([1, 0.05, 0])
    const picked = describeCluster({ keyphrases: [], texts, vectors, centroid }).representativeIdx
    expect([...picked].sort()).toEqual(substantive)
    // With fewer than three that say something, one bare message fills the minimum, never more.
    const fewer = describeCluster({ keyphrases: [], texts: texts.slice(0, 6), vectors: vectors.slice(0, 6), centroid }).representativeIdx
    expect(fewer.filter((i) => !substantive.includes(i))).toHaveLength(1)
  })
})

describe('describeCluster with a place name among the key phrases', () => {
  // Made-up outage reports: the town is the most distinctive word, but it says where, not what.
  const texts = [
    'Is the broadband down in Horsforth? Nothing since this morning',
    'broadband down again, whole street in Horsforth',
    'No broadband at all, we are in Horsforth too',
    'our broadband is down, Horsforth area',
    'broadband down since 7am',
  ]
  const vectors = texts.map(() => Float32Array.from([1, 0]))
  const keyphrases = [
    { phrase: 'horsforth', weight: 0.5, support: 0.8 },
    { phrase: 'broadband', weight: 0.4, support: 1 },
    { phrase: 'down', weight: 0.3, support: 0.8 },
  ]

  it('labels the theme with what it is about, not the name its customers write capitalised', () => {
    const { label, description } = describeCluster({ keyphrases, texts, vectors, centroid: Float32Array.from([1, 0]) })
    expect(label.toLowerCase()).not.toContain('horsforth')
    expect(label.toLowerCase()).toContain('broadband')
    // The key phrases and the description still say where.
    expect(description.toLowerCase()).toContain('horsforth')
  })

  it('keeps a word most customers write in lower case', () => {
    const lower = texts.map((t) => t.replace(/Horsforth/g, 'horsforth'))
    expect(describeCluster({ keyphrases, texts: lower, vectors, centroid: Float32Array.from([1, 0]) }).label.toLowerCase()).toContain('horsforth')
  })
})

describe('describeCluster with a contraction typed without its apostrophe', () => {
  it('does not put "thats" in a label', () => {
    const texts = ['charged twice thats not right', 'you charged me twice, thats wrong', 'twice this month, thats the second time', 'charged twice again']
    const vectors = texts.map(() => Float32Array.from([1, 0]))
    const keyphrases = [
      { phrase: 'twice', weight: 0.5, support: 1 },
      { phrase: 'thats', weight: 0.45, support: 0.75 },
      { phrase: 'charged', weight: 0.3, support: 0.75 },
    ]
    const { label } = describeCluster({ keyphrases, texts, vectors, centroid: Float32Array.from([1, 0]) })
    expect(label.toLowerCase()).not.toContain('thats')
    expect(label.toLowerCase()).toContain('twice')
  })
})

describe('leadWithSubject', () => {
  it('puts first a quote of the intent most of the theme has, that opens its conversation', () => {
    // "Billing in Thai": a thank-you for the engineer was the most central of three messages.
    expect(leadWithSubject([0, 1], ['praise', 'billing', 'billing'], [true, true, true])).toEqual([1, 0])
    // "Charged twice": a reply to the agent ("Sent you my order number…") came before an opening complaint.
    expect(leadWithSubject([0, 1, 2], ['billing', 'billing', 'billing'], [false, true, true])).toEqual([1, 0, 2])
  })

  it('keeps the order when no intent holds most of the theme and nothing opens a conversation', () => {
    expect(leadWithSubject([2, 0, 1], ['billing', 'delivery', 'praise', 'other'], [false, false, false, false])).toEqual([2, 0, 1])
    expect(leadWithSubject([2, 0, 1], ['billing', 'delivery', 'praise', 'other'], [true, false, false, false])).toEqual([0, 2, 1])
  })
})

describe('themeDescription', () => {
  it('says the volume given and quotes the lead message as shown, placeholders kept', () => {
    const text = themeDescription({ label: 'Late parcels', keyphrases: ['parcel', 'tracking'], volume: 1200, typical: 'Order [ORDER_1] was supposed to arrive yesterday.' })
    expect(text).toBe('Late parcels: 1200 messages. Messages most often mention “parcel” and “tracking”. A typical message: “Order [ORDER_1] was supposed to arrive yesterday.”')
  })
})
