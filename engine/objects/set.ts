// set and frozenset (Objects/setobject.c).
//
// The hash table is simulated slot by slot (linear probes of 9, then perturbed jumps;
// resize when fill*5 >= mask*3), because a set iterates and prints in table order and
// sys.getsizeof reports the table size. Keys are compared by hash first, then identity,
// then equality, exactly as set_add_entry does.

import { PyObject, decref, incref, type Visit } from './object';
import { PyType } from './type';
import { frozensetHash } from './hash';

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5n;

/** The marker of a deleted slot (CPython's `dummy` key, hash -1). */
const DUMMY = Symbol('dummy');
type Slot = PyObject | null | typeof DUMMY;

let hashOf: (o: PyObject) => bigint = () => {
  throw new Error('set hashing not wired');
};
let keysEqual: (a: PyObject, b: PyObject) => boolean = (a, b) => a === b;
export function setSetHooks(hash: (o: PyObject) => bigint, eq: (a: PyObject, b: PyObject) => boolean): void {
  hashOf = hash;
  keysEqual = eq;
}

export class PySet extends PyObject {
  table: Slot[] = new Array<Slot>(MINSIZE).fill(null);
  hashes: bigint[] = new Array<bigint>(MINSIZE).fill(0n);
  mask = MINSIZE - 1;
  fill = 0;
  used = 0;
  finger = 0;
  /** frozenset hash cache */
  hashCache: bigint | null = null;

  constructor(type: PyType) {
    super(type);
  }

  get frozen(): boolean {
    return this.ob_type === FrozenSetType;
  }

  shortRepr(): string {
    return `${this.ob_type.name}[${this.used}]`;
  }

  traverse(visit: Visit): void {
    for (const k of this.table) if (k !== null && k !== DUMMY) visit(k);
  }

  clear(): void {
    setClear(this);
  }

  release(): void {
    const t = this.table;
    this.table = [];
    for (const k of t) if (k !== null && k !== DUMMY) decref(k);
  }

  /** Active keys in table order (borrowed). */
  keysInOrder(): PyObject[] {
    const out: PyObject[] = [];
    for (const k of this.table) if (k !== null && k !== DUMMY) out.push(k);
    return out;
  }

  frozenHash(): bigint {
    if (this.hashCache === null) {
      const hs = this.table.map((k, i) => (k === null ? 0n : k === DUMMY ? -1n : this.hashes[i]!));
      this.hashCache = frozensetHash(hs, this.fill, this.used);
    }
    return this.hashCache;
  }
}

export const SetType = new PyType({ name: 'set', isGC: true, basicsize: 200, subclassable: true });
export const FrozenSetType = new PyType({ name: 'frozenset', isGC: true, basicsize: 200, subclassable: true });

let allocHook: (o: PyObject) => void = () => {};
export function setSetAllocHook(f: (o: PyObject) => void): void {
  allocHook = f;
}

export function newSet(frozen = false): PySet {
  const s = new PySet(frozen ? FrozenSetType : SetType);
  allocHook(s);
  return s;
}

export function isSetLike(o: PyObject): o is PySet {
  return o instanceof PySet;
}

/** A frozenset made by the compiler from constant items (borrowed in). */
export function newFrozenSetFromItems(items: readonly PyObject[]): PySet {
  const s = newSet(true);
  for (const i of items) setAdd(s, i);
  return s;
}

/** set_add_entry: adds `key` (borrowed; the set takes its own reference). */
export function setAdd(so: PySet, key: PyObject, knownHash?: bigint): void {
  const hash = knownHash ?? hashOf(key);
  setAddEntry(so, key, hash);
}

function setAddEntry(so: PySet, key: PyObject, hash: bigint): void {
  for (;;) {
    const mask = so.mask;
    let i = Number(BigInt.asUintN(64, hash) & BigInt(mask));
    let perturb = BigInt.asUintN(64, hash);
    let freeslot = -1;
    let restart = false;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      let found = -2; // -2 keep probing, >= 0 slot index of an empty slot, -3 already present
      do {
        const k = so.table[j]!;
        if (k === null) {
          found = j;
          break;
        }
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (so.hashes[j] === hash) {
          if (k === key || keysEqual(k, key)) {
            found = -3;
            break;
          }
          if (so.mask !== mask || so.table[j] !== k) {
            restart = true;
            break;
          }
        }
        j++;
      } while (probes-- > 0);
      if (restart) break;
      if (found === -3) return;
      if (found >= 0) {
        incref(key);
        if (freeslot >= 0) {
          so.table[freeslot] = key;
          so.hashes[freeslot] = hash;
          so.used++;
          so.hashCache = null;
          return;
        }
        so.table[found] = key;
        so.hashes[found] = hash;
        so.fill++;
        so.used++;
        so.hashCache = null;
        if (so.fill * 5 < mask * 3) return;
        setTableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
        return;
      }
      perturb >>= PERTURB_SHIFT;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
    }
  }
}

/** The slot index holding a key equal to `key`, or -1. */
export function setLookup(so: PySet, key: PyObject, knownHash?: bigint): number {
  const hash = knownHash ?? hashOf(key);
  const mask = so.mask;
  let i = Number(BigInt.asUintN(64, hash) & BigInt(mask));
  let perturb = BigInt.asUintN(64, hash);
  for (;;) {
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    let j = i;
    do {
      const k = so.table[j]!;
      if (k === null) return -1;
      if (k !== DUMMY && so.hashes[j] === hash && (k === key || keysEqual(k, key))) return j;
      j++;
    } while (probes-- > 0);
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

export function setContains(so: PySet, key: PyObject): boolean {
  return setLookup(so, key) >= 0;
}

/** set_discard_entry: returns whether the key was there; its reference is released. */
export function setDiscard(so: PySet, key: PyObject): boolean {
  const j = setLookup(so, key);
  if (j < 0) return false;
  const k = so.table[j] as PyObject;
  so.table[j] = DUMMY;
  so.hashes[j] = -1n;
  so.used--;
  so.hashCache = null;
  decref(k);
  return true;
}

/** set_pop: the first active slot from the finger; the caller owns the returned reference. */
export function setPop(so: PySet): PyObject | null {
  if (so.used === 0) return null;
  let i = so.finger & so.mask;
  for (;;) {
    const k = so.table[i];
    if (k !== null && k !== DUMMY) break;
    i++;
    if (i > so.mask) i = 0;
  }
  const key = so.table[i] as PyObject;
  so.table[i] = DUMMY;
  so.hashes[i] = -1n;
  so.used--;
  so.finger = i + 1;
  so.hashCache = null;
  return key;
}

function insertClean(table: Slot[], hashes: bigint[], mask: number, key: PyObject, hash: bigint): void {
  let perturb = BigInt.asUintN(64, hash);
  let i = Number(perturb & BigInt(mask));
  for (;;) {
    if (table[i] === null) {
      table[i] = key;
      hashes[i] = hash;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (table[i + j] === null) {
          table[i + j] = key;
          hashes[i + j] = hash;
          return;
        }
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(mask));
  }
}

/** set_table_resize */
export function setTableResize(so: PySet, minused: number): void {
  let newsize = MINSIZE;
  while (newsize <= minused) newsize <<= 1;
  const oldTable = so.table;
  const oldHashes = so.hashes;
  const table = new Array<Slot>(newsize).fill(null);
  const hashes = new Array<bigint>(newsize).fill(0n);
  const mask = newsize - 1;
  for (let i = 0; i < oldTable.length; i++) {
    const k = oldTable[i]!;
    if (k !== null && k !== DUMMY) insertClean(table, hashes, mask, k, oldHashes[i]!);
  }
  so.table = table;
  so.hashes = hashes;
  so.mask = mask;
  so.fill = so.used;
  so.hashCache = null;
}

/** set_merge: add every key of `other` (the fast paths of CPython keep the table order). */
export function setMerge(so: PySet, other: PySet): void {
  if (other.used === 0) return;
  if ((so.fill + other.used) * 5 >= so.mask * 3) setTableResize(so, (so.used + other.used) * 2);
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i]!;
      if (k !== null && k !== DUMMY) {
        so.table[i] = incref(k);
        so.hashes[i] = other.hashes[i]!;
      }
    }
    so.fill = other.fill;
    so.used = other.used;
    so.hashCache = null;
    return;
  }
  if (so.fill === 0) {
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i]!;
      if (k !== null && k !== DUMMY) {
        so.fill++;
        so.used++;
        insertClean(so.table, so.hashes, so.mask, incref(k), other.hashes[i]!);
      }
    }
    so.hashCache = null;
    return;
  }
  for (let i = 0; i <= other.mask; i++) {
    const k = other.table[i]!;
    if (k !== null && k !== DUMMY) setAddEntry(so, k, other.hashes[i]!);
  }
}

/** Presize before adding `n` keys from a dict (set_update_internal's dict path). */
export function setPresizeFor(so: PySet, n: number): void {
  if ((so.fill + n) * 5 >= so.mask * 3) setTableResize(so, (so.used + n) * 2);
}

/** set_clear_internal */
export function setClear(so: PySet): void {
  const t = so.table;
  so.table = new Array<Slot>(MINSIZE).fill(null);
  so.hashes = new Array<bigint>(MINSIZE).fill(0n);
  so.mask = MINSIZE - 1;
  so.fill = 0;
  so.used = 0;
  so.hashCache = null;
  for (const k of t) if (k !== null && k !== DUMMY) decref(k);
}

/** sys.getsizeof body (without GC header): the small table is inline. */
export function setSizeofBody(so: PySet): number {
  return 200 + (so.mask + 1 > MINSIZE ? (so.mask + 1) * 16 : 0);
}
