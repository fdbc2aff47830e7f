import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, fromBase64Url, MAX_SHARED_PROGRAM, ShareLinkError, toBase64Url } from './share';

describe('share links', () => {
  it('round-trips program, version and step, including non-ASCII text', async () => {
    const scene = { program: 'a = [1, 2, 3]\nb = a\ns = "héllo ✓ 𝄞"\nprint(a is b)\n', version: '3.13' as const, step: 42 };
    const fragment = await encodeShare(scene);
    expect(fragment).toMatch(/^v=3\.13&s=42&p=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${fragment}`)).toEqual(scene);
  });

  it('compresses: a repetitive program makes a much shorter link', async () => {
    const program = 'x = [i for i in range(10)]\n'.repeat(200);
    const fragment = await encodeShare({ program, version: '3.12', step: 0 });
    expect(fragment.length).toBeLessThan(program.length / 10);
  });

  it('base64url has no +, / or padding and decodes every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = toBase64Url(all);
    expect(text).not.toMatch(/[+/=]/);
    expect([...fromBase64Url(text)]).toEqual([...all]);
  });

  it('refuses damaged or hostile links with a reason', async () => {
    const good = await encodeShare({ program: 'x = 1\n', version: '3.12', step: 0 });
    await expect(decodeShare(good.replace('v=3.12', 'v=2.7'))).rejects.toThrow(/no Python version/);
    await expect(decodeShare('v=3.12&s=0')).rejects.toThrow(/holds no program/);
    await expect(decodeShare(good.replace('s=0', 's=-1'))).rejects.toThrow(/step is not a number/);
    await expect(decodeShare('v=3.12&s=0&p=!!!')).rejects.toThrow(/not base64url/);
    await expect(decodeShare('v=3.12&s=0&p=AAAAAAAA')).rejects.toBeInstanceOf(ShareLinkError);
    // A deflate bomb: 1 MB of spaces compresses to ~1 KB, but inflates past the cap.
    const cs = new CompressionStream('deflate-raw');
    const writer = cs.writable.getWriter();
    void writer.write(new Uint8Array(1_000_000).fill(32)).then(() => writer.close());
    const bomb = `v=3.12&s=0&p=${toBase64Url(new Uint8Array(await new Response(cs.readable).arrayBuffer()))}`;
    await expect(decodeShare(bomb)).rejects.toThrow(/too long/);
  });

  it('will not share a program longer than the cap', async () => {
    await expect(encodeShare({ program: 'x'.repeat(MAX_SHARED_PROGRAM + 1), version: '3.12', step: 0 })).rejects.toThrow(/at most/);
  });
});
