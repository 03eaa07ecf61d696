import type { OutboundPolicy } from '../../safety/outbound-url.ts'
import type { SecretBox } from '../../safety/secret-box.ts'
import type { ConnectionRow } from '../../store/integrations.ts'
import { createChatwootClient, type ChatwootClient } from './client.ts'

export interface ChatwootSecrets {
  apiAccessToken: string
  webhookSecret: string
}

export const sealSecrets = (box: SecretBox, s: ChatwootSecrets) => box.seal(JSON.stringify(s))
export const openSecrets = (box: SecretBox, row: Pick<ConnectionRow, 'secrets'>): ChatwootSecrets => JSON.parse(box.open(row.secrets)) as ChatwootSecrets

export function clientFor(row: ConnectionRow, box: SecretBox, policy: OutboundPolicy): ChatwootClient {
  return createChatwootClient({ baseUrl: row.baseUrl, accountId: row.accountId, apiAccessToken: openSecrets(box, row).apiAccessToken }, policy)
}
