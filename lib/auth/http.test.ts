import { describe, expect, it } from 'vitest';
import { AuthError } from './errors';
import { checkSameOrigin, clientAddress, errorResponse, isSecure, PEER_HEADER, readJson, sessionCookie } from './http';

const post = (url: string, headers: Record<string, string> = {}, body = '{}') => new Request(url, { method: 'POST', headers, body });

describe('cookies', () => {
  it('are HTTP-only and SameSite=Lax, and Secure only over HTTPS', () => {
    const plain = sessionCookie('tok', false);
    expect(plain).toMatch(/^hq_session=tok; /);
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Lax');
    expect(plain).not.toContain('Secure');
    expect(sessionCookie('tok', true)).toContain('; Secure');
  });

  it('are Secure behind HTTPS, and trust X-Forwarded-Proto only when told to', () => {
    expect(isSecure(new Request('https://hq.example/x'), {})).toBe(true);
    const proxied = new Request('http://hq.example/x', { headers: { 'x-forwarded-proto': 'https' } });
    expect(isSecure(proxied, {})).toBe(false);
    expect(isSecure(proxied, { HEAPQUEST_TRUST_PROXY: '1' })).toBe(true);
    expect(isSecure(new Request('http://hq.example/x'), { HEAPQUEST_SECURE_COOKIES: '1' })).toBe(true);
  });
});

describe('client address', () => {
  it('is the peer server.ts recorded, not a header the client wrote', () => {
    const headers = new Headers({ [PEER_HEADER]: '10.0.0.7', 'x-forwarded-for': '1.2.3.4' });
    expect(clientAddress(headers, {})).toBe('10.0.0.7');
    expect(clientAddress(headers, { HEAPQUEST_TRUST_PROXY: '1' })).toBe('1.2.3.4');
    expect(clientAddress(new Headers({ 'x-forwarded-for': 'spoofed, 9.9.9.9' }), { HEAPQUEST_TRUST_PROXY: '1' })).toBe('9.9.9.9');
    expect(clientAddress(new Headers(), {})).toBe('unknown');
  });
});

describe('same-origin check', () => {
  it('refuses a browser request from another site and lets same-site and non-browser requests through', () => {
    expect(() => checkSameOrigin(post('http://hq.example/api', { origin: 'http://hq.example', host: 'hq.example' }))).not.toThrow();
    expect(() => checkSameOrigin(post('http://hq.example/api', { host: 'hq.example' }))).not.toThrow();
    expect(() => checkSameOrigin(post('http://hq.example/api', { origin: 'http://evil.example', host: 'hq.example' }))).toThrow(AuthError);
    expect(() => checkSameOrigin(post('http://hq.example/api', { origin: 'null', host: 'hq.example' }))).toThrow(AuthError);
  });
});

describe('request bodies and refusals', () => {
  it('reads only JSON, and says so', async () => {
    await expect(readJson(post('http://x/a', { 'content-type': 'application/json' }, '{"a":1}'))).resolves.toEqual({ a: 1 });
    await expect(readJson(post('http://x/a', { 'content-type': 'text/plain' }, '{}'))).rejects.toMatchObject({ code: 'invalid' });
    await expect(readJson(post('http://x/a', { 'content-type': 'application/json' }, '{oops'))).rejects.toMatchObject({ code: 'invalid' });
    await expect(readJson(post('http://x/a', { 'content-type': 'application/json' }, `"${'x'.repeat(20_000)}"`))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('answers an AuthError with its status and words, and hides anything else', async () => {
    const refused = errorResponse(new AuthError('not_found', 'There is no such class among yours.'), 'test');
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ ok: false, code: 'not_found', error: 'There is no such class among yours.' });
    const quiet = console.error;
    console.error = () => {};
    try {
      const crashed = errorResponse(new Error('password_hash column missing'), 'test');
      expect(crashed.status).toBe(500);
      expect(JSON.stringify(await crashed.json())).not.toContain('password_hash');
    } finally {
      console.error = quiet;
    }
  });
});
