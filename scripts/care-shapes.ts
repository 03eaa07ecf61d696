// Writes a care-labels file again in the shapes other channels bring, with the same labels, so the
// care-labels suite measures whether a message's labels depend on how it was sent (they should not):
//
// - email: a greeting line above and a closing with a name below ("Estimados señores:" … "Quedo atento a
//   su respuesta, gracias.\nDiego"), five of each per language, in turn;
// - voice: a voice note transcribed: lower case, no punctuation, a filler every six words, taken in turn
//   from hesitations ("um", "euh", "ähm") and from words that fill but are also words ("like", "genre",
//   "tipo"), which the classifier does not strip;
// - hesitations and nopunct: the voice note with hesitations only, and with no filler at all;
// - public: "@brightwave_help" before and a hashtag or an emoji after;
// - thanks-first: a kind sentence before each negative message (its labels are the message's: the
//   problem is what the customer came for);
// - praise-pairs: two praises of one language put together (still praise);
// - solved: each negative message followed by how it was put right, with thanks ("… Rang you and it was
//   sorted the same day, thanks!"): now praise, and positive; its subject is a second intent;
// - came-back: each negative message after a fix it was promised ("You told me on Monday this was fixed."):
//   its labels are the message's, and a fix that did not hold is no praise;
// - plain: the rows as they are, for comparison.
//
//   npx tsx scripts/care-shapes.ts evals/data/care_labels_dev.jsonl /tmp/shapes
//   npm run eval -- care-labels --data /tmp/shapes/thanks-first.jsonl
//
// Run it on the dev file: the shapes of the held-out file are held out too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface CareRow { id: string; text: string; label: string; intents: string[]; sentiment: string; lang: string }

const LETTERS: Record<string, Array<[string, string]>> = {
  en: [['Dear Sir or Madam,', 'Kind regards,\nMargaret'], ['Hello,', 'Thanks,\nDerek'], ['Hi there,', 'Many thanks,\nHelen'], ['Good morning,', 'Best regards,\nTunde'], ['Dear Customer Care,', 'Thank you in advance,\nPriya']],
  fr: [['Madame, Monsieur,', 'Cordialement,\nSandrine'], ['Bonjour,', "Merci d'avance et bonne journée,\nMarie"], ["Bonjour à toute l'équipe,", 'Bien à vous,\nPhilippe'], ['Bonsoir,', 'Je vous remercie par avance,\nThomas'], ['Bonjour Madame, Monsieur,', 'Avec mes meilleures salutations,\nLuca']],
  de: [['Sehr geehrte Damen und Herren,', 'Mit freundlichen Grüßen\nLena Bauer'], ['Hallo liebes Team,', 'Vielen Dank und viele Grüße\nJonas'], ['Guten Tag', 'Freundliche Grüsse\nUrs'], ['Grüezi miteinander', 'Danke im Voraus!\nSabine'], ['Liebes Kundenservice-Team,', 'Beste Grüße\nMarkus']],
  es: [['Estimados señores:', 'Un saludo,\nLucía'], ['Hola, buenas tardes:', 'Muchas gracias de antemano,\nJavier'], ['Buenos días:', 'Atentamente,\nMaría José'], ['Hola,', 'Saludos cordiales,\nAndrés'], ['Estimados:', 'Quedo atento a su respuesta, gracias.\nDiego']],
  pt: [['Exmos. Senhores,', 'Com os melhores cumprimentos,\nAna'], ['Olá, boa tarde.', 'Obrigado desde já,\nRicardo'], ['Prezados,', 'Atenciosamente,\nJuliana'], ['Bom dia,', 'Cumprimentos,\nJoão'], ['Olá,', 'Agradeço a atenção,\nFernanda']],
  it: [['Gentili Signori,', 'Cordiali saluti,\nGiulia'], ['Buongiorno,', 'Grazie in anticipo,\nMarco'], ['Gentile servizio clienti,', 'Distinti saluti,\nRossella'], ['Salve,', 'Grazie mille e buona giornata,\nLuca'], ['Buonasera,', 'Un saluto,\nFrancesca']],
}
const HESITATIONS: Record<string, string[]> = { en: ['um', 'uh', 'erm'], fr: ['euh', 'bah', 'hum'], de: ['ähm', 'äh', 'öhm'], es: ['eh', 'ehh', 'mmm'], pt: ['é...', 'hum', 'ahn'], it: ['ehm', 'mah', 'ehh'] }
const FILLER_WORDS: Record<string, string[]> = {
  en: ['like', 'you know', 'so yeah', 'i mean'], fr: ['genre', 'tu vois', 'voilà', 'en fait'], de: ['halt', 'weißt du', 'also', 'irgendwie'],
  es: ['o sea', 'bueno', 'este', 'pues'], pt: ['tipo', 'né', 'então', 'sabe'], it: ['cioè', 'tipo', 'allora', 'praticamente'],
}
const KIND_SENTENCES: Record<string, string[]> = {
  en: ['The engineer who came last week was lovely, thanks for that.', 'Love the new app design by the way 👍'],
  fr: ['Merci au technicien venu la semaine dernière, très sympa.', "Bravo pour la nouvelle appli d'ailleurs 👍"],
  de: ['Danke an den Techniker letzte Woche, der war echt nett.', 'Die neue App gefällt mir übrigens gut 👍'],
  es: ['Gracias al técnico de la semana pasada, muy amable.', 'La app nueva está genial, por cierto 👍'],
  pt: ['Obrigado ao técnico da semana passada, muito simpático.', 'Adorei a nova app, já agora 👍'],
  it: ['Grazie al tecnico della settimana scorsa, gentilissimo.', 'Bella la nuova app, comunque 👍'],
}
const TAILS = ['#help', '#fail', '', '🙏']
const SOLVED: Record<string, string[]> = {
  en: ['Rang you and it was sorted the same day, thanks!', 'Your team fixed it in ten minutes, great service.', 'All sorted now after one chat, cheers 🙌'],
  fr: ["J'ai appelé et c'était réglé le jour même, merci !", 'Votre équipe a résolu ça en dix minutes, super service.', 'Tout est rentré dans l’ordre après un seul message, merci 🙌'],
  de: ['Hab angerufen und es war am selben Tag erledigt, danke!', 'Euer Team hat das in zehn Minuten gelöst, super Service.', 'Nach einem Chat ist jetzt alles behoben, danke 🙌'],
  es: ['Llamé y lo solucionaron el mismo día, ¡gracias!', 'Vuestro equipo lo arregló en diez minutos, un servicio genial.', 'Ya está todo resuelto con un solo mensaje, gracias 🙌'],
  pt: ['Liguei e resolveram no mesmo dia, obrigado!', 'A vossa equipa resolveu isso em dez minutos, ótimo serviço.', 'Já ficou tudo resolvido com uma mensagem, obrigada 🙌'],
  it: ['Ho chiamato e hanno risolto in giornata, grazie!', 'Il vostro team l’ha sistemato in dieci minuti, servizio ottimo.', 'Tutto risolto con un solo messaggio, grazie 🙌'],
}
const PROMISED_FIX: Record<string, string[]> = {
  en: ['You told me on Monday this was fixed.', 'Supposedly sorted last week.'],
  fr: ["On m'a dit lundi que c'était réglé.", 'Soi-disant résolu la semaine dernière.'],
  de: ['Am Montag hieß es, das sei behoben.', 'Angeblich letzte Woche gelöst.'],
  es: ['El lunes me dijeron que estaba solucionado.', 'Supuestamente arreglado la semana pasada.'],
  pt: ['Na segunda disseram-me que estava resolvido.', 'Supostamente resolvido na semana passada.'],
  it: ['Lunedì mi avevate detto che era risolto.', 'Teoricamente sistemato la settimana scorsa.'],
}

const inTurn = <T>(items: T[], i: number): T => items[i % items.length]!

/** The text spoken: lower case, no punctuation, a filler first and after every sixth word. */
function spoken(text: string, fillers: string[] | undefined, i: number): string {
  const words = text.replace(/[.!?¿¡,;:]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase().split(' ')
  if (!fillers) return words.join(' ')
  const out = [inTurn(fillers, i)]
  words.forEach((word, k) => {
    out.push(word)
    if (k > 0 && k % 6 === 0) out.push(inTurn(fillers, i + k))
  })
  return out.join(' ')
}

export function careShapes(rows: CareRow[]): Record<string, CareRow[]> {
  const rowsOf = rows.filter((r) => LETTERS[r.lang])
  const both = (lang: string) => [...HESITATIONS[lang]!, ...FILLER_WORDS[lang]!]
  const praises = new Map<string, CareRow[]>()
  for (const r of rowsOf) if (r.label === 'praise') praises.set(r.lang, [...(praises.get(r.lang) ?? []), r])
  return {
    plain: rowsOf,
    email: rowsOf.map((r, i) => ({ ...r, text: `${inTurn(LETTERS[r.lang]!, i)[0]}\n\n${r.text}\n\n${inTurn(LETTERS[r.lang]!, i)[1]}` })),
    voice: rowsOf.map((r, i) => ({ ...r, text: spoken(r.text, both(r.lang), i) })),
    hesitations: rowsOf.map((r, i) => ({ ...r, text: spoken(r.text, HESITATIONS[r.lang], i) })),
    nopunct: rowsOf.map((r, i) => ({ ...r, text: spoken(r.text, undefined, i) })),
    public: rowsOf.map((r, i) => ({ ...r, text: `@brightwave_help ${r.text} ${inTurn(TAILS, i)}`.trim() })),
    'thanks-first': rowsOf.filter((r) => r.sentiment === 'negative').map((r, i) => ({ ...r, text: `${inTurn(KIND_SENTENCES[r.lang]!, i)} ${r.text}` })),
    solved: rowsOf.filter((r) => r.sentiment === 'negative').map((r, i) => ({
      ...r, text: `${r.text.trim()} ${inTurn(SOLVED[r.lang]!, i)}`, label: 'praise', intents: ['praise', ...r.intents.filter((x) => x !== 'praise')], sentiment: 'positive',
    })),
    'came-back': rowsOf.filter((r) => r.sentiment === 'negative').map((r, i) => ({ ...r, text: `${inTurn(PROMISED_FIX[r.lang]!, i)} ${r.text}` })),
    'praise-pairs': [...praises.values()].flatMap((group) => group.map((r, i) => {
      const next = inTurn(group, i + 1)
      return { ...r, id: `${r.id}+${next.id}`, text: `${r.text.trim()} ${next.text.trim()}` }
    })),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, outDir] = process.argv.slice(2)
  if (!input || !outDir) throw new Error('usage: npx tsx scripts/care-shapes.ts <care-labels.jsonl> <out-dir>')
  const rows = readFileSync(input, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CareRow)
  mkdirSync(outDir, { recursive: true })
  for (const [shape, shaped] of Object.entries(careShapes(rows))) {
    writeFileSync(join(outDir, `${shape}.jsonl`), shaped.map((r) => JSON.stringify(r)).join('\n') + '\n')
    console.log(`${shape}: ${shaped.length} rows`)
  }
}
