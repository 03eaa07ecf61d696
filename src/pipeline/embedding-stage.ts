// Enrichment stage 1 (see enrichment.ts): a vector per changed message, skipped when the stored vector
// of this model was computed from the same content.
import type { Embedder } from '../embeddings/embedder.ts'
import { runForWorkspace } from '../llm/audit-context.ts'
import type { Db } from '../store/db.ts'
import { embeddedContentHashes, ensureModelIndex } from '../store/embeddings.ts'
import type { StageMessage } from '../store/messages.ts'
import type { EnrichmentStage } from './enrichment.ts'

export function embeddingStage(db: Db, embedder: Embedder): EnrichmentStage {
  let indexReady = false
  return {
    name: 'embed',
    async run(messages) {
      if (messages.length === 0) return
      if (!indexReady) {
        await ensureModelIndex(db, embedder.id, embedder.dimension)
        indexReady = true
      }
      // Embedded per workspace so a remote embedding call is audited against the right workspace.
      const byWorkspace = new Map<string, StageMessage[]>()
      for (const m of messages) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m])
      for (const [workspaceId, group] of byWorkspace) {
        const fresh = await embeddedContentHashes(db, workspaceId, embedder.id, group.map((m) => m.id))
        const todo = group.filter((m) => fresh.get(m.id) !== m.contentHash)
        if (todo.length === 0) continue
        const vectors = await runForWorkspace(workspaceId, () => embedder.embed(todo.map((m) => m.text), { kind: 'passage' }))
        await db.writeEmbeddings(
          todo.map((m, i) => ({ messageId: m.id, workspaceId, model: embedder.id, vector: vectors[i], contentHash: m.contentHash })),
        )
      }
    },
  }
}
