// AES-256-GCM for secrets Parley must store to act on someone's behalf (Chatwoot API tokens, webhook
// secrets). The key comes from PARLEY_SECRET_KEY; in embedded mode (no DATABASE_URL) a key is generated
// once into DATA_DIR/secret.key, next to the data it protects. A server database without a key refuses
// to store secrets rather than store them readable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../errors.ts'

const VERSION = 'v1'
const KEY_FILE = 'secret.key'

export interface SecretBox {
  seal(plain: string): string
  open(sealed: string): string
}

function parseKey(text: string): Buffer {
  const t = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64')
  if (key.length !== 32) throw new Error('PARLEY_SECRET_KEY must be 32 bytes, as 64 hex characters or base64')
  return key
}

export function createSecretBox(key: Buffer): SecretBox {
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':')
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':')
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed secret')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
    },
  }
}

/**
 * The box for this deployment, or a box that refuses to seal when none can be had (server mode without
 * PARLEY_SECRET_KEY): connections and subscriptions then answer 503 with the reason.
 */
export function secretBoxFor(opts: { secretKey?: string; databaseUrl?: string; dataDir: string }): SecretBox {
  if (opts.secretKey) return createSecretBox(parseKey(opts.secretKey))
  if (!opts.databaseUrl) {
    const file = join(opts.dataDir, KEY_FILE)
    if (!existsSync(file)) {
      mkdirSync(opts.dataDir, { recursive: true })
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' })
    }
    return createSecretBox(parseKey(readFileSync(file, 'utf8')))
  }
  const refuse = (): never => {
    throw new AppError('UNAVAILABLE', 'set PARLEY_SECRET_KEY (32 bytes, hex or base64) to store integration secrets')
  }
  return { seal: refuse, open: refuse }
}
