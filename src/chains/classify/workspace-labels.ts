import type { Queryable } from '../../store/db.ts'
import { correctionsRepo } from '../../store/enrichments.ts'
import { voiceOf } from '../../store/voice-setting.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import type { SentimentLabel } from './sentiment-local.ts'
import { DEFAULT_TAXONOMY, OTHER_INTENT, taxonomySchema, type IntentDef } from './taxonomy.ts'
import type { WorkspaceLabels } from './types.ts'

export const TAXONOMY_SETTING = 'taxonomy'

export function taxonomyOf(settings: Record<string, unknown>): IntentDef[] {
  const parsed = taxonomySchema.safeParse(settings[TAXONOMY_SETTING])
  return parsed.success ? parsed.data : DEFAULT_TAXONOMY
}

export async function loadWorkspaceLabels(db: Queryable, workspaceId: string): Promise<WorkspaceLabels> {
  const ws = await workspacesRepo(db).get(workspaceId)
  const settings = ws?.settings ?? {}
  const corrections = correctionsRepo(db)
  const [intent, sentiment] = await Promise.all([corrections.examples(workspaceId, 'intent'), corrections.examples(workspaceId, 'sentiment')])
  const taxonomy = taxonomyOf(settings)
  // A correction to an intent the taxonomy has since dropped teaches nothing the workspace still asks for.
  const intents = new Set([...taxonomy.map((i) => i.name), OTHER_INTENT])
  return {
    workspaceId,
    taxonomy,
    intentCorrections: intent.filter((c) => intents.has(c.label)).map(({ text, label, messageId }) => ({ text, label, messageId })),
    sentimentCorrections: sentiment.map(({ text, label, messageId }) => ({ text, label: label as SentimentLabel, messageId })),
    // The brand's own handles live in the voice setting (PUT /v1/settings/voice).
    brandHandles: voiceOf(settings).handles,
  }
}
