// Local neural embeddings through transformers.js (ONNX Runtime). A hub id downloads on first
// use into <modelsDir>/hub; a folder (e.g. one baked into the Docker image) never touches the network.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path'
import { env, pipeline, type DataType, type FeatureExtractionPipeline } from '@huggingface/transformers'
import { l2Normalise, throwIfAborted, type EmbedKind, type EmbedOptions, type Embedder } from './embedder.ts'

export const DEFAULT_TRANSFORMERS_BATCH_SIZE = 32
const HUB_CACHE_SUBDIR = 'hub'
const DIMENSION_PROBE_TEXT = 'dimension probe'

export interface TransformersEmbedderOptions {
  /** A Hugging Face hub id ('Xenova/multilingual-e5-small') or a model folder path. */
  model: string
  /** Hub downloads are cached under <modelsDir>/hub. */
  modelsDir?: string
  /** Hub ids only; false = use the cache or fail. Folders are always loaded offline. */
  allowRemote?: boolean
  dtype?: DataType
  batchSize?: number
}

export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const source = resolveModelSource(options.model)
  const batchSize = options.batchSize ?? DEFAULT_TRANSFORMERS_BATCH_SIZE
  const extractor = await loadPipeline(source, options)
  const prefixes = isE5Model(source.name) ? E5_PREFIXES : undefined

  async function embedBatch(texts: string[], kind: EmbedKind): Promise<Float32Array[]> {
    const inputs = prefixes ? texts.map((t) => prefixes[kind] + t) : texts
    const output = await extractor(inputs, { pooling: 'mean', normalize: true })
    const [rows, dimension] = output.dims as [number, number]
    const data = output.data as Float32Array
    const vectors: Float32Array[] = []
    // Re-normalised here because an input with no tokens pools to 0/0 = NaN.
    for (let row = 0; row < rows; row++) vectors.push(l2Normalise(data.slice(row * dimension, (row + 1) * dimension)))
    return vectors
  }

  const [probe] = await embedBatch([DIMENSION_PROBE_TEXT], 'passage')
  const idSuffix = options.dtype && options.dtype !== 'fp32' ? `@${options.dtype}` : ''

  return {
    id: `transformers:${source.name}${source.fingerprint ? `#${source.fingerprint}` : ''}${idSuffix}`,
    dimension: probe.length,
    async embed(texts: string[], opts?: EmbedOptions): Promise<Float32Array[]> {
      const vectors: Float32Array[] = []
      for (let start = 0; start < texts.length; start += batchSize) {
        throwIfAborted(opts?.signal)
        vectors.push(...(await embedBatch(texts.slice(start, start + batchSize), opts?.kind ?? 'passage')))
      }
      return vectors
    },
    async close(): Promise<void> {
      await extractor.dispose()
    },
  }
}

interface ModelSource {
  /** What transformers.js is asked to load: the hub id, or the folder's name under its parent. */
  loadId: string
  /** Set for folders: the parent that becomes env.localModelPath. */
  folderParent?: string
  /** Human-readable model name used in the embedder id. */
  name: string
  /** Folders only: distinguishes two different models baked under the same folder name. */
  fingerprint?: string
}

export function isModelFolder(model: string): boolean {
  if (isAbsolute(model) || model.startsWith('.')) return true
  return existsSync(model) && statSync(model).isDirectory()
}

function resolveModelSource(model: string): ModelSource {
  if (!isModelFolder(model)) return { loadId: model, name: model }
  const folder = resolve(model)
  if (!existsSync(join(folder, 'tokenizer.json'))) {
    throw new Error(`transformers model folder ${folder} has no tokenizer.json (expected tokenizer.json, config.json and onnx/)`)
  }
  const config = readJson(join(folder, 'config.json'))
  const declaredName = typeof config?._name_or_path === 'string' ? config._name_or_path : undefined
  return {
    loadId: basename(folder),
    folderParent: dirname(folder) + sep,
    name: declaredName ?? basename(folder),
    fingerprint: fingerprintFolder(folder),
  }
}

async function loadPipeline(source: ModelSource, options: TransformersEmbedderOptions): Promise<FeatureExtractionPipeline> {
  if (source.folderParent) {
    // transformers.js resolves local models as <env.localModelPath>/<id>; env is process-wide,
    // so local_files_only (per call) rather than env.allowRemoteModels keeps hub loads elsewhere working.
    env.localModelPath = source.folderParent
    env.allowLocalModels = true
  }
  const localOnly = source.folderParent !== undefined || options.allowRemote === false
  return (await pipeline('feature-extraction', source.loadId, {
    local_files_only: localOnly,
    ...(options.modelsDir ? { cache_dir: join(options.modelsDir, HUB_CACHE_SUBDIR) } : {}),
    ...(options.dtype ? { dtype: options.dtype } : {}),
  })) as FeatureExtractionPipeline
}

// e5 models were trained with these prefixes; without them retrieval quality drops noticeably.
const E5_PREFIXES: Record<EmbedKind, string> = { query: 'query: ', passage: 'passage: ' }

export function isE5Model(name: string): boolean {
  return /(^|[/_-])e5([/_-]|$)/i.test(name)
}

/** config.json plus the size of every ONNX file: cheap, and changes when the weights do. */
function fingerprintFolder(folder: string): string {
  const hash = createHash('sha256')
  const configPath = join(folder, 'config.json')
  if (existsSync(configPath)) hash.update(readFileSync(configPath))
  const onnxDir = join(folder, 'onnx')
  if (existsSync(onnxDir)) {
    for (const file of readdirSync(onnxDir).sort()) hash.update(`${file}:${statSync(join(onnxDir, file)).size};`)
  }
  return hash.digest('hex').slice(0, 8)
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
}
