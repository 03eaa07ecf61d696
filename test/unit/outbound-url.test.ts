import { describe, expect, it } from 'vitest'
import { isPrivateAddress } from '../../src/safety/outbound-url.ts'
import { signWebhook, verifyWebhook } from '../../src/webhooks/signing.ts'
import { retryDelayMs } from '../../src/webhooks/deliver.ts'

describe('isPrivateAddress', () => {
  it('refuses loopback, private, link-local, CGNAT and IPv4 hidden in IPv6', () => {
    for (const a of ['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.0.1', '169.254.169.254', '100.64.1.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:c0a8:101::1']) {
      expect(isPrivateAddress(a), a).toBe(true)
    }
  })
  it('allows public addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(isPrivateAddress(a), a).toBe(false)
  })
})

describe('Standard Webhooks signing', () => {
  // The example of the Standard Webhooks specification.
  it('matches the specification example', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek'
    const body = '{"test": 2432232314}'
    expect(signWebhook(secret, id, 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
    expect(verifyWebhook(secret, { 'webhook-id': id, 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }, body, 1614265330)).toBe(true)
    expect(verifyWebhook(secret, { 'webhook-id': id, 'webhook-timestamp': '1614265330', 'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' }, body, 1614265330 + 600)).toBe(false)
  })
})

describe('retry delays', () => {
  it('double each time, with at most 10% jitter, capped at 6 hours', () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(30_000)
    expect(retryDelayMs(4, 30_000, () => 0)).toBe(240_000)
    expect(retryDelayMs(4, 30_000, () => 1)).toBe(264_000)
    expect(retryDelayMs(30, 30_000, () => 0)).toBe(6 * 3_600_000)
  })
})
