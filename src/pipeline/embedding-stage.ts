// Enrichment stage 1 (see enrichment.ts): a vector per changed message, skipped when the stored vector
// of this model was computed from the same content.
//
// Where the time went (bench/profile-enrich.ts, 5k messages): ~60 % of enrichment was writing vectors
// into a live HNSW index, one index insert per vector (PGlite: a few hundred rows/s). The index is now
// IVFFlat (store/vector-index.ts), which takes a vector at ~14k rows/s; a store without one yet (a first
// import) takes them by COPY into the bare table and builds the index once, in the background
// (embedding-index.ts), as it does when the vectors outgrow the index.
import type { Embedder } from '../embeddings/embedder.ts'
import { runForWorkspace } from '../llm/audit-context.ts'
import type { Db } from '../store/db.ts'
import { embeddedContentHashes } from '../store/embeddings.ts'
import type { StageMessage } from '../store/messages.ts'
import { annIndexOutgrown, registerModel } from '../store/vector-index.ts'
import { embedderDuration, timed } from './metrics.ts'
import { fitModelIndex, indexBuildPending, type IndexFit } from './embedding-index.ts'
import { ENRICH_JOB, groupByWorkspace, type EnrichmentStage } from './enrichment.ts'

export function embeddingStage(db: Db, embedder: Embedder): EnrichmentStage {
  let registered = false
  /**
   * The model's vectors and index lists as last counted, plus what this process wrote since: counting
   * 100k vectors reads the whole table (~0.1 s on PGlite), too much for every trickle batch. It counts
   * again when this estimate says the index is outgrown. Other workers' writes are not in it, so on a
   * server a rebuild may come a little later than the doubling.
   */
  let fit: IndexFit | null = null

  async function keepIndexFitting(written: number) {
    if (fit) {
      fit.vectors += written
      if (fit.lists !== null && !annIndexOutgrown(fit.lists, fit.vectors)) return
      if (await indexBuildPending(db)) return
    }
    fit = await fitModelIndex(db, embedder.id, ENRICH_JOB)
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
      let written = 0
      for (const [workspaceId, group] of groupByWorkspace(messages)) {
        const fresh = await embeddedContentHashes(db, workspaceId, embedder.id, group.map((m) => m.id))
        const changed: StageMessage[] = group.filter((m) => fresh.get(m.id) !== m.contentHash)
        if (changed.length === 0) continue
        const vectors = await timed(embedderDuration, { purpose: 'passage' }, () =>
          runForWorkspace(workspaceId, () => embedder.embed(changed.map((m) => m.text), { kind: 'passage' })),
        )
        await db.writeEmbeddings(
          changed.map((m, i) => ({ messageId: m.id, workspaceId, model: embedder.id, vector: vectors[i], contentHash: m.contentHash })),
        )
        written += changed.length
      }
      if (written > 0) await keepIndexFitting(written)
    },
  }
}
