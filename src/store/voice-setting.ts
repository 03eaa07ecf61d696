// The brand voice, stored as the workspace setting 'voice': written by PUT /v1/settings/voice, read by
// reply drafting (guidelines, sign-off, greeting) and by the classifier (the brand's own handles).
// Parsed here only, so both readers see the same voice.
import { z } from 'zod'
import type { Queryable } from './db.ts'
import { workspacesRepo, type WorkspaceSettings } from './workspaces.ts'

export const VOICE_SETTING = 'voice'

export const voiceSchema = z.object({
  guidelines: z.string().max(4_000).default(''),
  signOff: z.string().max(60).default(''),
  avoidWords: z.array(z.string().trim().min(1).max(60)).max(200).default([]),
  greeting: z.string().max(120).optional().describe('e.g. "Hey {name}!"; {name} is the customer’s first name when known'),
  handles: z.array(z.string().regex(/^@?[\p{L}\p{N}_.]{1,50}$/u)).max(50).default([]).describe('the brand’s own handles'),
})
export type VoiceSetting = z.output<typeof voiceSchema>

/** The workspace's voice; the defaults when it was never set (or holds something unreadable). */
export function voiceOf(settings: WorkspaceSettings): VoiceSetting {
  const parsed = voiceSchema.safeParse(settings[VOICE_SETTING] ?? {})
  return parsed.success ? parsed.data : voiceSchema.parse({})
}

/** The brand's own handles: what a quote keeps when it masks everyone else's. */
export async function brandHandlesOf(db: Queryable, workspaceId: string): Promise<string[]> {
  return voiceOf((await workspacesRepo(db).get(workspaceId))?.settings ?? {}).handles
}
