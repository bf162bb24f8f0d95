import {describe, expect, test} from 'vitest'
import {DEFAULT_TOLERANCE_MS, signatureHeader, verifySignature} from './signature.ts'

describe('Sanity webhook signatures', () => {
  // Header values from @sanity/webhook's own tests, so ours matches what Sanity sends.
  test('signs exactly as @sanity/webhook does', () => {
    const body = JSON.stringify({title: 'GROQ-Hooks are neat'})
    expect(signatureHeader(body, 'try-me', 1633518820676)).toBe(
      't=1633518820676,v1=e7C9h2sfbFfc4V7TEz7PSOp4IoNzl0UdVsBV-1wgdeA',
    )
  })

  test('accepts a header signed by Sanity, with or without a space after the comma', () => {
    const body = JSON.stringify({_id: 'resume'})
    const now = 1633519811129 + 1000
    for (const header of [
      't=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0',
      't=1633519811129, v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0',
    ]) {
      expect(verifySignature(body, header, 'test', {now})).toMatchObject({ok: true, timestamp: 1633519811129})
    }
  })

  test.each([
    ['no header', undefined, 'missing signature'],
    ['an empty header', '', 'missing signature'],
    ['another version', 't=1633519811129,v2=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0', 'malformed signature'],
    ['a changed timestamp', 't=1633519811128,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0', 'invalid signature'],
    ['a changed digest', 't=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N1', 'invalid signature'],
    ['a short digest', 't=1633519811129,v1=tLa470fx7qkLLEc', 'invalid signature'],
  ])('refuses %s', (_name, header, reason) => {
    const body = JSON.stringify({_id: 'resume'})
    expect(verifySignature(body, header, 'test', {now: 1633519811129})).toEqual({ok: false, reason})
  })

  test('refuses a signature older or newer than five minutes, accepts one just inside', () => {
    const body = '{"_id":"page-home"}'
    const signedAt = 1_750_000_000_000
    const header = signatureHeader(body, 's3cret', signedAt)
    const at = (now: number) => verifySignature(body, header, 's3cret', {now}).ok
    expect(DEFAULT_TOLERANCE_MS).toBe(5 * 60 * 1000)
    expect(at(signedAt + DEFAULT_TOLERANCE_MS)).toBe(true)
    expect(at(signedAt + DEFAULT_TOLERANCE_MS + 1)).toBe(false)
    expect(at(signedAt - DEFAULT_TOLERANCE_MS - 1)).toBe(false)
    expect(verifySignature(body, header, 's3cret', {now: signedAt + 6 * 60 * 1000})).toEqual({
      ok: false,
      reason: 'stale timestamp',
    })
  })

  test('signs the raw bytes, not re-encoded JSON', () => {
    const raw = '{"title": "Caf\u00e9"}'
    const header = signatureHeader(Buffer.from(raw, 'utf8'), 'k', 1_750_000_000_000)
    expect(verifySignature(raw, header, 'k', {now: 1_750_000_000_000}).ok).toBe(true)
    expect(verifySignature(JSON.stringify(JSON.parse(raw)), header, 'k', {now: 1_750_000_000_000}).ok).toBe(false)
  })
})
