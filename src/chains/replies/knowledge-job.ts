// The job that embeds knowledge chunks, enqueued whenever an article is added or changed.
import type { Embedder } from '../../embeddings/embedder.ts'
import type { JobHandler } from '../../pipeline/worker.ts'
import type { Db } from '../../store/db.ts'
import { KNOWLEDGE_EMBED_BATCH, knowledgeRepo } from '../../store/knowledge.ts'

/** Embeds the job's workspace's chunks that lack a vector of the current model (new, edited or re-embedded). */
export function knowledgeEmbedHandler(db: Db, embedder: Embedder): JobHandler {
  return async (jobs) => {
    const repo = knowledgeRepo(db)
    for (const workspaceId of new Set(jobs.map((j) => j.workspaceId).filter((w): w is string => w !== null))) {
      for (;;) {
        const chunks = await repo.chunksToEmbed(workspaceId, embedder.id, KNOWLEDGE_EMBED_BATCH)
        if (chunks.length === 0) break
        // The title gives a passage its topic ("Refund policy") even when the chunk never names it.
        const vectors = await embedder.embed(chunks.map((c) => `${c.title}\n${c.text}`), { kind: 'passage' })
        await repo.writeChunkVectors(workspaceId, embedder.id, chunks.map((c) => c.id), vectors)
      }
    }
  }
}
