import type { Config } from '../config.ts'
import type { Db } from '../store/db.ts'
import type { OutboundPolicy } from '../safety/outbound-url.ts'
import { secretBoxFor, type SecretBox } from '../safety/secret-box.ts'

export interface IntegrationSecurity {
  box: SecretBox
  policy: OutboundPolicy
}

export function integrationSecurity(config: Config): IntegrationSecurity {
  return {
    box: secretBoxFor({ secretKey: config.integrations.secretKey, databaseUrl: config.databaseUrl, dataDir: config.dataDir }),
    policy: { allowPrivateTargets: config.integrations.allowPrivateTargets },
  }
}

/** What the integration and webhook routes need from the services. */
export interface IntegrationRouteDeps {
  db: Db
  config: Config
  clock: () => Date
}
