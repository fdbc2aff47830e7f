// A persistent (immutable) string-keyed map: a hash array mapped trie (Bagwell, "Ideal Hash
// Trees", 2001) with path copying.
//
// Why not a plain object or Map copied on write: a class of 1,000 students answering one
// question would copy the whole table 1,000 times. Here `set` copies only the path from the
// root to one leaf (≤ 7 nodes of ≤ 32 slots; 2 levels for a thousand keys), and every older
// version stays valid and unchanged, so the session reducer stays a pure function of its
// inputs and old states can be kept, compared and replayed.
//
// Iteration order follows the hashes, not insertion: callers that show or store entries
// sort them (views sort by join order, snapshots by key).

const BITS = 5;
const MASK = (1 << BITS) - 1;

const LEAF = 0;
const BRANCH = 1;
const COLLISION = 2;

interface Leaf<V> {
  readonly t: typeof LEAF;
  readonly h: number;
  readonly k: string;
  readonly v: V;
}
/** Up to 32 slots, present ones packed in bit order and flagged in `bitmap`. */
interface Branch<V> {
  readonly t: typeof BRANCH;
  readonly bitmap: number;
  readonly slots: readonly Slot<V>[];
}
/** Keys whose 32-bit hashes are equal: a short list, searched linearly. */
interface Collision<V> {
  readonly t: typeof COLLISION;
  readonly h: number;
  readonly leaves: readonly Leaf<V>[];
}
type Slot<V> = Leaf<V> | Branch<V> | Collision<V>;

/** FNV-1a over UTF-16 code units: cheap, and spreads short ids like "p17" well. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

const bitAt = (h: number, shift: number): number => 1 << ((h >>> shift) & MASK);

function leaf<V>(h: number, k: string, v: V): Leaf<V> {
  return { t: LEAF, h, k, v };
}

function insertAt<T>(arr: readonly T[], i: number, item: T): T[] {
  const out = new Array<T>(arr.length + 1);
  for (let j = 0; j < i; j++) out[j] = arr[j]!;
  out[i] = item;
  for (let j = i; j < arr.length; j++) out[j + 1] = arr[j]!;
  return out;
}

function replaceAt<T>(arr: readonly T[], i: number, item: T): T[] {
  const out = arr.slice();
  out[i] = item;
  return out;
}

function removeAt<T>(arr: readonly T[], i: number): T[] {
  const out = arr.slice(0, i);
  for (let j = i + 1; j < arr.length; j++) out.push(arr[j]!);
  return out;
}

/** Two leaves with different keys that fell into the same slot at `shift`. */
function mergeLeaves<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Slot<V> {
  if (a.h === b.h) return { t: COLLISION, h: a.h, leaves: [a, b] };
  const ia = (a.h >>> shift) & MASK;
  const ib = (b.h >>> shift) & MASK;
  if (ia === ib) return { t: BRANCH, bitmap: 1 << ia, slots: [mergeLeaves(a, b, shift + BITS)] };
  return { t: BRANCH, bitmap: (1 << ia) | (1 << ib), slots: ia < ib ? [a, b] : [b, a] };
}

interface Flag {
  hit: boolean;
}

function setInBranch<V>(node: Branch<V>, shift: number, h: number, k: string, v: V, added: Flag): Branch<V> {
  const bit = bitAt(h, shift);
  const i = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    added.hit = true;
    return { t: BRANCH, bitmap: node.bitmap | bit, slots: insertAt(node.slots, i, leaf(h, k, v)) };
  }
  const child = node.slots[i]!;
  const next = setInSlot(child, shift + BITS, h, k, v, added);
  return next === child ? node : { t: BRANCH, bitmap: node.bitmap, slots: replaceAt(node.slots, i, next) };
}

function setInSlot<V>(slot: Slot<V>, shift: number, h: number, k: string, v: V, added: Flag): Slot<V> {
  switch (slot.t) {
    case LEAF:
      if (slot.k === k) return slot.v === v ? slot : leaf(h, k, v);
      added.hit = true;
      return mergeLeaves(slot, leaf(h, k, v), shift);
    case BRANCH:
      return setInBranch(slot, shift, h, k, v, added);
    case COLLISION: {
      if (slot.h !== h) {
        // A different hash reached this list: give the list a branch of its own and insert beside it.
        const wrapped: Branch<V> = { t: BRANCH, bitmap: bitAt(slot.h, shift), slots: [slot] };
        return setInBranch(wrapped, shift, h, k, v, added);
      }
      const i = slot.leaves.findIndex((l) => l.k === k);
      if (i >= 0) {
        if (slot.leaves[i]!.v === v) return slot;
        return { t: COLLISION, h, leaves: replaceAt(slot.leaves, i, leaf(h, k, v)) };
      }
      added.hit = true;
      return { t: COLLISION, h, leaves: [...slot.leaves, leaf(h, k, v)] };
    }
  }
}

/**
 * Returns the branch without `k`; a branch left holding a single leaf or collision list is
 * returned as that slot so the parent inlines it (keeps the trie as shallow as its keys need);
 * `null` when nothing is left.
 */
function deleteInBranch<V>(node: Branch<V>, shift: number, h: number, k: string, removed: Flag): Slot<V> | null {
  const bit = bitAt(h, shift);
  if ((node.bitmap & bit) === 0) return node;
  const i = popcount(node.bitmap & (bit - 1));
  const child = node.slots[i]!;
  let next: Slot<V> | null;
  switch (child.t) {
    case LEAF:
      if (child.k !== k) return node;
      removed.hit = true;
      next = null;
      break;
    case BRANCH:
      next = deleteInBranch(child, shift + BITS, h, k, removed);
      break;
    case COLLISION: {
      const j = child.h === h ? child.leaves.findIndex((l) => l.k === k) : -1;
      if (j < 0) return node;
      removed.hit = true;
      const rest = removeAt(child.leaves, j);
      next = rest.length === 1 ? rest[0]! : { t: COLLISION, h: child.h, leaves: rest };
      break;
    }
  }
  if (next === child) return node;
  if (next === null) {
    if (node.slots.length === 1) return null;
    const slots = removeAt(node.slots, i);
    if (slots.length === 1 && slots[0]!.t !== BRANCH) return slots[0]!;
    return { t: BRANCH, bitmap: node.bitmap & ~bit, slots };
  }
  if (node.slots.length === 1 && next.t !== BRANCH) return next;
  return { t: BRANCH, bitmap: node.bitmap, slots: replaceAt(node.slots, i, next) };
}

function forEachSlot<V>(slot: Slot<V>, fn: (value: V, key: string) => void): void {
  switch (slot.t) {
    case LEAF:
      fn(slot.v, slot.k);
      return;
    case BRANCH:
      for (const s of slot.slots) forEachSlot(s, fn);
      return;
    case COLLISION:
      for (const l of slot.leaves) fn(l.v, l.k);
      return;
  }
}

/** Same shape, new values; slots whose values are unchanged are shared. */
function mapSlot<V>(slot: Slot<V>, fn: (value: V, key: string) => V): Slot<V> {
  switch (slot.t) {
    case LEAF: {
      const v = fn(slot.v, slot.k);
      return v === slot.v ? slot : leaf(slot.h, slot.k, v);
    }
    case BRANCH: {
      let out: Slot<V>[] | null = null;
      for (let i = 0; i < slot.slots.length; i++) {
        const s = slot.slots[i]!;
        const n = mapSlot(s, fn);
        if (n !== s) (out ??= slot.slots.slice())[i] = n;
      }
      return out ? { t: BRANCH, bitmap: slot.bitmap, slots: out } : slot;
    }
    case COLLISION: {
      const leaves = slot.leaves.map((l) => mapSlot(l, fn) as Leaf<V>);
      return leaves.every((l, i) => l === slot.leaves[i]) ? slot : { t: COLLISION, h: slot.h, leaves };
    }
  }
}

const EMPTY_ROOT: Branch<never> = { t: BRANCH, bitmap: 0, slots: [] };

export class PMap<V> {
  private constructor(
    private readonly root: Branch<V>,
    readonly size: number,
  ) {}

  static empty<V>(): PMap<V> {
    return new PMap<V>(EMPTY_ROOT, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
    let m = PMap.empty<V>();
    for (const [k, v] of entries) m = m.set(k, v);
    return m;
  }

  get(key: string): V | undefined {
    const h = hashKey(key);
    let node: Slot<V> = this.root;
    for (let shift = 0; ; shift += BITS) {
      switch (node.t) {
        case LEAF:
          return node.k === key ? node.v : undefined;
        case COLLISION:
          if (node.h !== h) return undefined;
          for (const l of node.leaves) if (l.k === key) return l.v;
          return undefined;
        case BRANCH: {
          const bit = bitAt(h, shift);
          if ((node.bitmap & bit) === 0) return undefined;
          node = node.slots[popcount(node.bitmap & (bit - 1))]!;
        }
      }
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Returns this same map when `key` already holds `value` (===). `undefined` values are not stored. */
  set(key: string, value: V): PMap<V> {
    const added: Flag = { hit: false };
    const root = setInBranch(this.root, 0, hashKey(key), key, value, added);
    return root === this.root ? this : new PMap(root, this.size + (added.hit ? 1 : 0));
  }

  delete(key: string): PMap<V> {
    const removed: Flag = { hit: false };
    const h = hashKey(key);
    const next = deleteInBranch(this.root, 0, h, key, removed);
    if (!removed.hit) return this;
    let root: Branch<V>;
    if (next === null) root = EMPTY_ROOT;
    else if (next.t === BRANCH) root = next;
    else root = { t: BRANCH, bitmap: bitAt(next.h, 0), slots: [next] };
    return new PMap(root, this.size - 1);
  }

  /** Like `set(key, fn(get(key)))` when the key is present; unchanged map otherwise. */
  update(key: string, fn: (value: V) => V): PMap<V> {
    const v = this.get(key);
    return v === undefined ? this : this.set(key, fn(v));
  }

  forEach(fn: (value: V, key: string) => void): void {
    forEachSlot(this.root, fn);
  }

  /** All values through `fn` in one pass without rehashing: O(N), for whole-class updates (a reveal). */
  map(fn: (value: V, key: string) => V): PMap<V> {
    const root = mapSlot(this.root, fn) as Branch<V>;
    return root === this.root ? this : new PMap(root, this.size);
  }

  values(): V[] {
    const out: V[] = [];
    this.forEach((v) => out.push(v));
    return out;
  }

  entries(): [string, V][] {
    const out: [string, V][] = [];
    this.forEach((v, k) => out.push([k, v]));
    return out;
  }
}
