import type { Queryable } from '../../store/db.ts'
import { correctionsRepo } from '../../store/enrichments.ts'
import { voiceOf } from '../../store/voice-setting.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import type { SentimentLabel } from './sentiment-local.ts'
import { DEFAULT_TAXONOMY, taxonomySchema, type IntentDef } from './taxonomy.ts'
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
  return {
    workspaceId,
    taxonomy: taxonomyOf(settings),
    intentCorrections: intent.map(({ text, label }) => ({ text, label })),
    sentimentCorrections: sentiment.map(({ text, label }) => ({ text, label: label as SentimentLabel })),
    // The brand's own handles live in the voice setting (PUT /v1/settings/voice).
    brandHandles: voiceOf(settings).handles,
  }
}
