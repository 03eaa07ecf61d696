import type { PolarityLexicon } from './types.ts'

// Written for Parley: common evaluative words of customer-care and social posts. English relies
// mostly on VADER's lexicon; this list adds service vocabulary VADER lacks.
export const ENGLISH: PolarityLexicon = {
  positive: [
    'good', 'like', 'liked', 'thanks', 'thank', 'thx', 'ty', 'great', 'awesome', 'amazing', 'excellent', 'love', 'loved', 'loving',
    'perfect', 'fantastic', 'wonderful', 'best', 'helpful', 'resolved', 'fixed', 'recommend*', 'happy',
    'glad', 'enjoy*', 'fast', 'quick', 'smooth', 'easy', 'beautiful', 'brilliant', 'superb', 'nice', 'cool',
    'excited', 'exciting', 'congrat*', 'proud', 'fun', 'favourite', 'favorite', 'yay', 'lol', 'haha*',
  ],
  negative: [
    'worst', 'terrible', 'awful', 'horrible', 'hate', 'hated', 'useless', 'broken', 'scam', 'refund',
    'delay*', 'cancel*', 'waiting', 'still', 'rude', 'disappoint*', 'frustrat*', 'annoy*', 'ridiculous',
    'unacceptable', 'sucks', 'suck', 'fail*', 'lost', 'poor', 'bad', 'angry', 'sad', 'sick',
    'complain*', 'problem*', 'issue*', 'error', 'crash*', 'slow', 'expensive', 'overpriced', 'stuck',
    'ugh', 'wtf', 'sorry', 'kill*', 'dead', 'died', 'death', 'war', 'attack*',
  ],
  negators: [
    'not', 'no', 'never', 'nothing', 'neither', 'nor', 'without', 'hardly', 'barely', 'dont', 'doesnt',
    'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'couldnt', 'wont', 'wouldnt', 'shouldnt',
    'havent', 'hasnt', 'aint',
  ],
}

export const FRENCH: PolarityLexicon = {
  positive: [
    'bon', 'bonne', 'bien', 'super', 'génial', 'géniale', 'excellent*', 'parfait*', 'merci', 'magnifique',
    'adore', 'aime', 'j\'aime', 'j\'adore', 'top', 'bravo', 'heureux', 'heureuse', 'content*', 'ravi*',
    'formidable', 'incroyable', 'beau', 'belle', 'meilleur*', 'sympa', 'cool', 'rapide', 'efficace',
    'recommande', 'félicit*', 'plaisir', 'mdr', 'ptdr', 'trop bien',
  ],
  negative: [
    'mauvais*', 'nul', 'nulle', 'horrible', 'terrible', 'déçu*', 'décevant*', 'déception', 'pire',
    'honte', 'colère', 'marre', 'arnaque', 'lent*', 'cher', 'chère', 'problème*', 'panne', 'retard*',
    'triste', 'déteste', 'haine', 'catastroph*', 'inadmissible', 'inacceptable', 'scandal*', 'merde',
    'putain', 'chiant*', 'énerv*', 'galère', 'mort*', 'peur', 'dommage',
  ],
  negators: ['pas', 'jamais', 'rien', 'sans', 'aucun', 'aucune', 'ni', 'plus'],
}

export const SPANISH: PolarityLexicon = {
  positive: [
    'bueno', 'buena', 'buen', 'bien', 'genial', 'excelente', 'perfect*', 'gracias', 'encanta', 'encantó',
    'me gusta', 'gusta', 'mejor', 'feliz', 'increíble', 'maravillos*', 'hermos*', 'bonit*', 'rápido',
    'recomiendo', 'felicidades', 'amo', 'amor', 'guapa', 'guapo', 'divertid*', 'jaja*', 'jeje*', 'fantástic*',
  ],
  negative: [
    'malo', 'mala', 'mal', 'peor', 'horrible', 'terrible', 'pésim*', 'fatal', 'odio', 'triste', 'asco',
    'decepción', 'decepcion*', 'estafa', 'lento', 'caro', 'problema*', 'queja', 'vergüenza', 'mierda',
    'harto', 'harta', 'enfadad*', 'cabread*', 'miedo', 'muerte', 'muert*', 'lástima', 'fraude',
  ],
  negators: ['no', 'nunca', 'jamás', 'nada', 'sin', 'ni', 'tampoco', 'nadie'],
}

export const GERMAN: PolarityLexicon = {
  positive: [
    'gut', 'gute', 'guter', 'gutes', 'super', 'toll*', 'klasse', 'prima', 'danke', 'perfekt*', 'schön*',
    'liebe', 'geil*', 'genial', 'hervorragend*', 'ausgezeichnet*', 'freue', 'freude', 'glücklich*', 'lecker',
    'empfehle*', 'zufrieden', 'schnell', 'beste*', 'wunderbar*', 'spaß', 'cool', 'hammer', 'haha*',
  ],
  negative: [
    'schlecht*', 'schlimm*', 'mies*', 'scheiße', 'scheiss*', 'mist', 'furchtbar*', 'schrecklich*', 'enttäusch*',
    'ärger*', 'nervig*', 'nervt', 'katastroph*', 'langsam', 'teuer', 'problem*', 'störung', 'verspätung*',
    'hasse', 'traurig*', 'leider', 'betrug', 'wütend', 'sauer', 'angst', 'tot', 'unverschämt*', 'peinlich*',
  ],
  negators: ['nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'nie', 'niemals', 'nichts', 'ohne', 'weder'],
  // German often negates after the verb or adjective: "gefällt mir nicht", "das ist gut? nicht wirklich".
  postNegators: ['nicht'],
}

export const PORTUGUESE: PolarityLexicon = {
  positive: [
    'bom', 'boa', 'bem', 'ótimo', 'ótima', 'otimo', 'otima', 'excelente', 'perfeit*', 'obrigad*', 'adoro',
    'amo', 'amei', 'gosto', 'lind*', 'maravilhos*', 'feliz', 'incrível', 'melhor', 'top', 'recomendo',
    'parabéns', 'parabens', 'show', 'demais', 'rápido', 'kkk*', 'rsrs*', 'haha*', 'massa', 'legal',
  ],
  negative: [
    'ruim', 'péssim*', 'pessim*', 'horrível', 'horrivel', 'terrível', 'odeio', 'triste', 'decepção',
    'decepcion*', 'raiva', 'merda', 'lixo', 'golpe', 'lento', 'caro', 'problema*', 'vergonha', 'pior',
    'chato', 'chata', 'saco', 'medo', 'morte', 'morreu', 'absurdo', 'reclama*', 'fdp',
  ],
  negators: ['não', 'nao', 'nunca', 'jamais', 'nada', 'sem', 'nem', 'ninguém'],
}

export const ITALIAN: PolarityLexicon = {
  positive: [
    'buono', 'buona', 'buon', 'bene', 'ottim*', 'eccellente', 'perfett*', 'grazie', 'adoro', 'amo', 'bello',
    'bella', 'bellissim*', 'fantastic*', 'meraviglios*', 'felice', 'migliore', 'grande', 'bravo', 'brava',
    'complimenti', 'consiglio', 'piace', 'divertent*', 'veloce', 'top', 'haha*', 'ahah*',
  ],
  negative: [
    'cattiv*', 'brutto', 'brutta', 'male', 'pessim*', 'orribile', 'terribile', 'odio', 'triste', 'delus*',
    'vergogna', 'schifo', 'merda', 'truffa', 'lento', 'caro', 'problem*', 'peggio', 'peggiore', 'paura',
    'morte', 'morto', 'rabbia', 'incazzat*', 'purtroppo', 'ridicol*',
  ],
  negators: ['non', 'mai', 'niente', 'nulla', 'senza', 'né', 'nessun*'],
}
