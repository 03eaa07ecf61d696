import { readFileSync } from 'node:fs'
import { loadSentimentModel } from './src/chains/classify/sentiment-local.ts'
import { detectLanguage } from './src/chains/classify/language.ts'
const m = loadSentimentModel('/tmp/sent-full')
const rows = readFileSync('/work/shared/datasets/sentiment/tweeteval_val.jsonl','utf8').trim().split('\n').slice(0,400).map(l=>JSON.parse(l))
const c: Record<string,number> = {}
for (const r of rows) { const p = m.predict(r.text); const k = r.label+'->'+p.label; c[k]=(c[k]??0)+1 }
console.log(c)
const l: Record<string,number> = {}
for (const r of rows) { const k = detectLanguage(r.text).language; l[k]=(l[k]??0)+1 }
console.log(l)
for (const t of ['I love this, thank you!','This is the worst service ever','The meeting is at 5pm']) console.log(t, m.predict(t))
