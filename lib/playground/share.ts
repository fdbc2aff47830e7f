// A shareable playground link: the program, its Python version and the step on screen, in the
// URL's fragment. The fragment never reaches the server (a slide's link works offline of any
// account) and is not limited the way a query string behind a proxy can be.
//
// Format: `#v=3.12&s=17&p=<program>` where <program> is the UTF-8 text compressed with raw
// DEFLATE (CompressionStream 'deflate-raw', in every browser and Node 20) and written in
// base64url. A link is an edge: decoding checks every field and says what is wrong.

import { PYTHON_VERSIONS, type PythonVersion } from '../../engine/profile';

export interface SharedScene {
  readonly program: string;
  readonly version: PythonVersion;
  /** The step on screen, 0-based. */
  readonly step: number;
}

/** Longest program a link carries; the editor refuses to share more (links this long break in chat apps). */
export const MAX_SHARED_PROGRAM = 20_000;
/** Longest compressed payload accepted, so a hostile link cannot make the page inflate a bomb. */
const MAX_PAYLOAD_CHARS = 40_000;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new ShareLinkError('The shared program is too long.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareLinkError('The link is damaged: the program is not base64url.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new ShareLinkError('The link is damaged: the program is not base64url.');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The fragment (without '#') for a scene. */
export async function encodeShare(scene: SharedScene): Promise<string> {
  if (scene.program.length > MAX_SHARED_PROGRAM) throw new ShareLinkError(`A shared program has at most ${MAX_SHARED_PROGRAM} characters.`);
  const packed = await pipe(new TextEncoder().encode(scene.program), new CompressionStream('deflate-raw'), Infinity);
  return `v=${scene.version}&s=${Math.max(0, Math.floor(scene.step))}&p=${toBase64Url(packed)}`;
}

/** The scene a fragment holds (with or without its '#'); throws a ShareLinkError saying what is wrong. */
export async function decodeShare(fragment: string): Promise<SharedScene> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const version = params.get('v');
  if (version === null || !(PYTHON_VERSIONS as readonly string[]).includes(version)) {
    throw new ShareLinkError(`The link names no Python version this playground runs (${PYTHON_VERSIONS.join(', ')}).`);
  }
  const stepText = params.get('s') ?? '0';
  if (!/^\d{1,7}$/.test(stepText)) throw new ShareLinkError('The link is damaged: the step is not a number.');
  const payload = params.get('p');
  if (payload === null || payload === '') throw new ShareLinkError('The link holds no program.');
  if (payload.length > MAX_PAYLOAD_CHARS) throw new ShareLinkError('The shared program is too long.');
  let bytes: Uint8Array;
  try {
    bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), MAX_SHARED_PROGRAM * 4);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('The link is damaged: the program cannot be unpacked.');
  }
  let program: string;
  try {
    program = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('The link is damaged: the program is not UTF-8 text.');
  }
  return { program, version: version as PythonVersion, step: Number(stepText) };
}
