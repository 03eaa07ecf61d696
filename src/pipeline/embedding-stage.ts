// Enrichment stage 1 (see enrichment.ts): a vector per changed message, skipped when the stored vector
// of this model was computed from the same content.
//
// Where the time went (bench/profile-enrich.ts, 5k messages): ~60 % of enrichment was writing vectors
// into the live HNSW index, one index insert per vector (PGlite: a few hundred rows/s). A large batch
// (an import, a backfill, a burst) therefore drops the index, COPYs the vectors into the bare table and
// leaves one index build to a background job (embedding-index.ts); trickle traffic keeps writing into
// the index, so a new message is searchable through it at once.
import type { Embedder } from '../embeddings/embedder.ts'
import { runForWorkspace } from '../llm/audit-context.ts'
import type { Db } from '../store/db.ts'
import { countModelVectors, dropModelIndex, embeddedContentHashes, modelIndexReady, registerModel, buildModelIndex } from '../store/embeddings.ts'
import type { StageMessage } from '../store/messages.ts'
import { embedderDuration, timed } from './metrics.ts'
import { scheduleIndexBuild } from './embedding-index.ts'
import { ENRICH_JOB, groupByWorkspace, type EnrichmentStage } from './enrichment.ts'

/** Below this many vectors in one batch, inserting into the index is cheaper than rebuilding it. */
export const BULK_LOAD_MIN_VECTORS = 1_000
/** …and the batch must be this large relative to what is indexed already (a rebuild re-reads it all). */
export const BULK_LOAD_MIN_SHARE = 0.2

export function embeddingStage(db: Db, embedder: Embedder): EnrichmentStage {
  let registered = false

  /** Drops the index for a bulk load; true when the vectors then go into an unindexed table. */
  async function prepareBulkLoad(vectors: number): Promise<boolean> {
    if (vectors < BULK_LOAD_MIN_VECTORS) return false
    if (!(await modelIndexReady(db, embedder.id))) return true // already dropped: a build is pending
    if (vectors < BULK_LOAD_MIN_SHARE * (await countModelVectors(db, embedder.id))) return false
    await dropModelIndex(db, embedder.id)
    return true
  }

  return {
    name: 'embed',
    async run(messages) {
      if (messages.length === 0) return
      if (!registered) {
        await registerModel(db, embedder.id, embedder.dimension)
        registered = true
      }
      // Embedded per workspace so a remote embedding call is audited against the right workspace.
      const todo = new Map<string, StageMessage[]>()
      let total = 0
      for (const [workspaceId, group] of groupByWorkspace(messages)) {
        const fresh = await embeddedContentHashes(db, workspaceId, embedder.id, group.map((m) => m.id))
        const changed = group.filter((m) => fresh.get(m.id) !== m.contentHash)
        if (changed.length > 0) todo.set(workspaceId, changed)
        total += changed.length
      }
      if (total === 0) return
      const bulk = await prepareBulkLoad(total)
      for (const [workspaceId, group] of todo) {
        const vectors = await timed(embedderDuration, { purpose: 'passage' }, () =>
          runForWorkspace(workspaceId, () => embedder.embed(group.map((m) => m.text), { kind: 'passage' })),
        )
        await db.writeEmbeddings(
          group.map((m, i) => ({ messageId: m.id, workspaceId, model: embedder.id, vector: vectors[i], contentHash: m.contentHash })),
        )
      }
      if (bulk) await scheduleIndexBuild(db, embedder.id, ENRICH_JOB)
      // A first trickle message in an empty store builds the (empty) index in no time.
      else if (!(await modelIndexReady(db, embedder.id))) await scheduleOrBuild()
    },
  }

  async function scheduleOrBuild() {
    if ((await countModelVectors(db, embedder.id)) < BULK_LOAD_MIN_VECTORS) await buildModelIndex(db, embedder.id)
    else await scheduleIndexBuild(db, embedder.id, ENRICH_JOB)
  }
}
