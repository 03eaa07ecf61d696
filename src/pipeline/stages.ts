// Enrichment stages run by the worker over a batch of changed messages, in order.
import type { Embedder } from '../embeddings/embedder.ts'
import type { Db } from '../store/db.ts'
import { ensureModelIndex } from '../store/embeddings.ts'
import { runForWorkspace } from '../llm/audit-context.ts'

export interface StageMessage {
  id: string
  workspaceId: string
  conversationId: string
  role: 'customer' | 'agent'
  text: string
  language: string | null
  sentAt: string
  contentHash: string
}

export interface EnrichmentStage {
  readonly name: string
  run(messages: StageMessage[]): Promise<void>
}

export async function loadStageMessages(db: Db, ids: string[]): Promise<StageMessage[]> {
  if (ids.length === 0) return []
  const { rows } = await db.query<StageMessage>(
    `SELECT id, workspace_id AS "workspaceId", conversation_id AS "conversationId", role, text, language,
            sent_at AS "sentAt", content_hash AS "contentHash"
     FROM messages WHERE id = ANY($1::uuid[]) ORDER BY conversation_id, sent_at`,
    [ids],
  )
  return rows
}

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
      const current = await db.query<{ message_id: string; content_hash: string }>(
        `SELECT message_id, content_hash FROM message_embeddings WHERE model = $1 AND message_id = ANY($2::uuid[])`,
        [embedder.id, messages.map((m) => m.id)],
      )
      const fresh = new Map(current.rows.map((r) => [r.message_id, r.content_hash]))
      const todo = messages.filter((m) => fresh.get(m.id) !== m.contentHash)
      if (todo.length === 0) return
      // Embedded per workspace so a remote embedding call is audited against the right workspace.
      const byWorkspace = new Map<string, StageMessage[]>()
      for (const m of todo) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m])
      for (const [workspaceId, group] of byWorkspace) {
        const vectors = await runForWorkspace(workspaceId, () => embedder.embed(group.map((m) => m.text), { kind: 'passage' }))
        await db.writeEmbeddings(
          group.map((m, i) => ({ messageId: m.id, workspaceId, model: embedder.id, vector: vectors[i], contentHash: m.contentHash })),
        )
      }
    },
  }
}
