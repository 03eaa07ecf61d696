// Downloads a transformers.js embedding model once (at image build time) into a plain folder, so the
// service loads it offline: EMBEDDINGS=auto picks <MODELS_DIR>/embedder when it exists.
// Usage: tsx scripts/bake-model.ts <hub model id> <target folder>
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { env, pipeline } from '@huggingface/transformers'

const [model, target] = process.argv.slice(2)
if (!model || !target) {
  console.error('usage: tsx scripts/bake-model.ts <hub model id> <target folder>')
  process.exit(2)
}
env.cacheDir = mkdtempSync(join(tmpdir(), 'parley-bake-'))
const extractor = await pipeline('feature-extraction', model, { dtype: 'fp32' })
const probe = await extractor(['hello'], { pooling: 'mean', normalize: true })
cpSync(join(env.cacheDir, model), target, { recursive: true })
// The folder's name is not the model's: record it so vectors carry the real model id.
const configPath = join(target, 'config.json')
const config = JSON.parse(readFileSync(configPath, 'utf8'))
writeFileSync(configPath, JSON.stringify({ ...config, _name_or_path: model }, null, 2))
console.log(`baked ${model} (${probe.dims.at(-1)} dimensions) into ${target}`)
