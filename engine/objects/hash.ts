// Python's hash() for the built-in hashable types (Python/pyhash.c, Objects/*object.c).
//
// Sets iterate in hash-table order, so `print({3, 1, 2})` depends on these exact values.
// Strings use SipHash (siphash24 on 3.10, siphash13 from 3.11) keyed with zeros, which is
// what CPython does under PYTHONHASHSEED=0; with a random seed CPython's own order of a set
// of strings changes from run to run and no program can depend on it.

const M64 = (1n << 64n) - 1n;
const HASH_BITS = 61n;
const HASH_MODULUS = (1n << 61n) - 1n;

/** Py_hash_t from an unsigned 64-bit value. */
export function toSigned(x: bigint): bigint {
  x &= M64;
  return x >= 1n << 63n ? x - (1n << 64n) : x;
}

export function toUnsigned(h: bigint): bigint {
  return h & M64;
}

// ---------------------------------------------------------------- float

export function floatHash(v: number): bigint | null {
  if (Number.isNaN(v)) return null; // identity-based in 3.10+
  if (!Number.isFinite(v)) return v > 0 ? 314159n : -314159n;
  if (Number.isInteger(v)) {
    const b = BigInt(v);
    const neg = b < 0n;
    let h = (neg ? -b : b) % HASH_MODULUS;
    if (neg) h = -h;
    return h === -1n ? -2n : h;
  }
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m !== 0) {
    x = ((x << 28n) & HASH_MODULUS) | (x >> (HASH_BITS - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  const eb = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  x = ((x << eb) & HASH_MODULUS) | (x >> (HASH_BITS - eb));
  x = x * sign;
  if (x === -1n) x = -2n;
  return x;
}

/** C's frexp: v = m * 2**e with 0.5 <= |m| < 1. */
function frexp(v: number): [number, number] {
  if (v === 0) return [0, 0];
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  let hi = buf.getUint32(0);
  let exp = (hi >>> 20) & 0x7ff;
  if (exp === 0) {
    // subnormal: normalise first
    const [m, e] = frexp(v * 2 ** 64);
    return [m, e - 64];
  }
  const e = exp - 1022;
  hi = (hi & 0x800fffff) | (1022 << 20);
  buf.setUint32(0, hi);
  exp = 0;
  return [buf.getFloat64(0), e];
}

// ---------------------------------------------------------------- str (SipHash)

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}

function sipHash(data: Uint8Array, rounds: number, finalRounds: number): bigint {
  const k0 = 0n;
  const k1 = 0n;
  let v0 = 0x736f6d6570736575n ^ k0;
  let v1 = 0x646f72616e646f6dn ^ k1;
  let v2 = 0x6c7967656e657261n ^ k0;
  let v3 = 0x7465646279746573n ^ k1;
  const round = (): void => {
    v0 = (v0 + v1) & M64;
    v1 = rotl(v1, 13n);
    v1 ^= v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64;
    v3 = rotl(v3, 16n);
    v3 ^= v2;
    v0 = (v0 + v3) & M64;
    v3 = rotl(v3, 21n);
    v3 ^= v0;
    v2 = (v2 + v1) & M64;
    v1 = rotl(v1, 17n);
    v1 ^= v2;
    v2 = rotl(v2, 32n);
  };
  const len = data.length;
  const full = len - (len % 8);
  for (let i = 0; i < full; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(data[i + j]!);
    v3 ^= m;
    for (let r = 0; r < rounds; r++) round();
    v0 ^= m;
  }
  let t = BigInt(len & 0xff) << 56n;
  for (let j = len % 8 - 1; j >= 0; j--) t |= BigInt(data[full + j]!) << BigInt(8 * j);
  v3 ^= t;
  for (let r = 0; r < rounds; r++) round();
  v0 ^= t;
  v2 ^= 0xffn;
  for (let r = 0; r < finalRounds; r++) round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

/** The bytes CPython hashes: the string's PyUnicode_DATA in its 1, 2 or 4 byte kind. */
function unicodeData(s: string, kind: 1 | 2 | 4): Uint8Array {
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const out = new Uint8Array(cps.length * kind);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    for (let b = 0; b < kind; b++) out[i * kind + b] = (c >> (8 * b)) & 0xff;
  }
  return out;
}

export function strHash(s: string, kind: 1 | 2 | 4, sip13: boolean): bigint {
  if (s.length === 0) return 0n;
  const h = toSigned(sip13 ? sipHash(unicodeData(s, kind), 1, 3) : sipHash(unicodeData(s, kind), 2, 4));
  return h === -1n ? -2n : h;
}

// ---------------------------------------------------------------- tuple, frozenset, pointers

const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

export function tupleHash(lanes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of lanes) {
    acc = (acc + toUnsigned(h) * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(lanes.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796n;
  return toSigned(acc);
}

function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & M64;
}

/** frozenset_hash over the table's entry hashes (0 for empty slots, -1 for dummies). */
export function frozensetHash(tableHashes: readonly bigint[], fill: number, used: number): bigint {
  let hash = 0n;
  for (const h of tableHashes) hash ^= shuffleBits(toUnsigned(h));
  if ((tableHashes.length - fill) & 1) hash ^= shuffleBits(0n);
  if ((fill - used) & 1) hash ^= shuffleBits(M64);
  hash ^= ((BigInt(used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  if (hash === M64) hash = 590923713n;
  return toSigned(hash);
}

/** _Py_HashPointer for an object "address" (the engine's fake addresses). */
export function pointerHash(address: bigint): bigint {
  let y = address & M64;
  y = ((y >> 4n) | (y << 60n)) & M64;
  const h = toSigned(y);
  return h === -1n ? -2n : h;
}
