// "Did you mean: 'counter'?" (Python/suggestions.c in 3.10-3.12, traceback.py in 3.13):
// when an uncaught NameError or AttributeError is printed, CPython looks for a close name
// (a Levenshtein distance where a case flip costs 1 and anything else 2) and appends it to
// the traceback's last line. 3.12+ also says "Did you forget to import 'sys'?" for a
// standard-library module name.

import { PyObject } from './objects/object';
import { PyStr } from './objects/str';
import { PyDict } from './objects/dict';
import { PyType } from './objects/type';
import { PyInstance } from './objects/instance';
import { PyModule } from './objects/module';
import { NameError, AttributeError, type PyBaseException } from './objects/exceptions';
import { PyTraceback, type Frame } from './frame';
import { profile } from './profile';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  if (a >= 65 && a <= 90) a += 32;
  if (b >= 65 && b <= 90) b += 32;
  return a === b ? CASE_COST : MOVE_COST;
}

function utf8(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

/** levenshtein_distance with CPython's early exits. */
function levenshtein(aIn: number[], bIn: number[], maxCost: number): number {
  let a = aIn;
  let b = bIn;
  let as = 0;
  let ae = a.length;
  let bs = 0;
  let be = b.length;
  while (as < ae && bs < be && a[as] === b[bs]) {
    as++;
    bs++;
  }
  while (as < ae && bs < be && a[ae - 1] === b[be - 1]) {
    ae--;
    be--;
  }
  let aSize = ae - as;
  let bSize = be - bs;
  if (aSize === 0 || bSize === 0) return (aSize + bSize) * MOVE_COST;
  if (aSize > MAX_STRING_SIZE || bSize > MAX_STRING_SIZE) return maxCost + 1;
  a = a.slice(as, ae);
  b = b.slice(bs, be);
  if (bSize < aSize) {
    [a, b] = [b, a];
    [aSize, bSize] = [bSize, aSize];
  }
  if ((bSize - aSize) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  let tmp = MOVE_COST;
  for (let i = 0; i < aSize; i++) {
    buffer.push(tmp);
    tmp += MOVE_COST;
  }
  let result = 0;
  for (let bi = 0; bi < bSize; bi++) {
    const code = b[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < aSize; i++) {
      const substitute = distance + substitutionCost(code, a[i]!);
      distance = buffer[i]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions */
export function calculateSuggestion(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = utf8(name);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = utf8(item);
    let maxDistance = Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

function dictKeys(d: PyDict | null): string[] {
  if (d === null) return [];
  const out: string[] = [];
  for (const k of d.ekeys) if (k instanceof PyStr) out.push(k.value);
  return out;
}

/** f_locals as CPython shows it: the namespace dict, or the bound fast locals in order. */
function frameLocals(f: Frame): string[] {
  if (f.code.usesNameDict) return dictKeys(f.locals ?? f.globals);
  const names = [...f.code.varnames, ...f.code.cellvars, ...f.code.freevars];
  const out: string[] = [];
  f.fast.forEach((v, i) => {
    if (v !== null && v !== undefined) out.push(names[i]!);
  });
  return out;
}

function innermostFrame(e: PyBaseException): Frame | null {
  let tb = e.traceback as PyTraceback | null;
  if (tb === null) return null;
  while (tb.next !== null) tb = tb.next;
  return tb.frameObj.frame;
}

/** The names dir(obj) lists (sorted, like PyObject_Dir). */
function dirOf(o: PyObject): string[] {
  const names = new Set<string>();
  const addDict = (d: PyObject | null): void => {
    if (d instanceof PyDict) for (const k of dictKeys(d)) names.add(k);
  };
  const addType = (t: PyType): void => {
    for (const k of t.mro) {
      if (k.isHeapType) addDict(k.dict);
      else for (const n of k.table.keys()) names.add(n);
    }
  };
  if (o instanceof PyModule) addDict(o.dict);
  else if (o instanceof PyType) addType(o);
  else {
    if (o instanceof PyInstance) addDict(o.attrs());
    addType(o.ob_type);
  }
  return [...names].sort();
}

const STDLIB_MODULES = new Set([
  'sys', 'gc', 'copy', 'weakref', 'os', 'math', 'random', 're', 'json', 'time', 'datetime', 'collections', 'itertools',
  'functools', 'string', 'types', 'typing', 'io', 'abc', 'array', 'heapq', 'bisect', 'statistics', 'decimal',
  'fractions', 'operator', 'pickle', 'tracemalloc', 'threading', 'subprocess', 'pathlib', 'shutil', 'logging',
  'unittest', 'enum', 'dataclasses', 'contextlib', 'inspect', 'traceback', 'struct', 'hashlib', 'csv', 'socket',
]);

/** The suffix CPython appends to the traceback's last line, or ''. */
export function suggestionSuffix(e: PyBaseException): string {
  const t = e.ob_type;
  const name = e.nameAttr;
  if (name === null) return '';
  if (t === NameError) {
    const f = innermostFrame(e);
    if (f === null) return '';
    let s: string | null;
    if (profile().version === '3.13') {
      s = calculateSuggestion([...frameLocals(f), ...dictKeys(f.globals), ...dictKeys(f.builtins)], name);
    } else {
      s = calculateSuggestion(frameLocals(f), name) ?? calculateSuggestion(dictKeys(f.globals), name) ?? calculateSuggestion(dictKeys(f.builtins), name);
    }
    if (s === null && profile().suggestImports) {
      const selfIdx = f.code.varnames.indexOf('self');
      const self = selfIdx >= 0 ? f.fast[selfIdx] : null;
      if (self !== null && self !== undefined && dirOf(self).includes(name)) return `. Did you mean: 'self.${name}'?`;
      if (STDLIB_MODULES.has(name)) return `. Did you forget to import '${name}'?`;
    }
    return s === null ? '' : `. Did you mean: '${s}'?`;
  }
  if (t === AttributeError) {
    const obj = e.objAttr;
    if (obj === null) return '';
    const s = calculateSuggestion(dirOf(obj), name);
    return s === null ? '' : `. Did you mean: '${s}'?`;
  }
  return '';
}
