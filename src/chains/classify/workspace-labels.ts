import type { Queryable } from '../../store/db.ts'
import { correctionsRepo } from '../../store/enrichments.ts'
import { workspacesRepo } from '../../store/workspaces.ts'
import type { SentimentLabel } from './sentiment-local.ts'
import { DEFAULT_TAXONOMY, taxonomySchema, type IntentDef } from './taxonomy.ts'
import type { WorkspaceLabels } from './types.ts'

export const TAXONOMY_SETTING = 'taxonomy'
/** The brand's own handles live in the voice settings (PUT /v1/settings/voice). */
export const VOICE_SETTING = 'voice'

export function taxonomyOf(settings: Record<string, unknown>): IntentDef[] {
  const parsed = taxonomySchema.safeParse(settings[TAXONOMY_SETTING])
  return parsed.success ? parsed.data : DEFAULT_TAXONOMY
}

export function brandHandlesOf(settings: Record<string, unknown>): string[] {
  const voice = settings[VOICE_SETTING] as { handles?: unknown } | undefined
  return Array.isArray(voice?.handles) ? voice.handles.filter((h): h is string => typeof h === 'string') : []
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
    brandHandles: brandHandlesOf(settings),
  }
}
