import { planLocally } from './src/chains/ask/planner-local.ts'
import { DEFAULT_TAXONOMY } from './src/chains/classify/taxonomy.ts'
const vocab = { intents: DEFAULT_TAXONOMY, channels: ['x','email'], themes: [], segments: { airline: ['United', 'US Airways', 'American', 'Virgin America'] } }
const now = new Date('2026-11-08T12:00:00Z')
for (const q of ['Why were customers unhappy with delivery last month?', 'How did sentiment about the app change since the October release?', 'What do French-speaking customers complain about most?', 'How many complaints in the past two weeks?', 'How many billing messages between 1 and 15 October?', 'Show examples of login problems this week', 'How many negative tweets about US Airways between 17 February 2015 and 20 February 2015?', 'Which complaint reason grew most from 17–19 February 2015 to 21–23 February 2015?', 'What share of complaints to United between 17 and 20 February 2015 were about delivery?'])
  console.log(q, JSON.stringify(planLocally(q, now, vocab)))
