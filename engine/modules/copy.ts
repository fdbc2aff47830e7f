// The copy module (Lib/copy.py): copy.copy shares the inner objects, copy.deepcopy copies
// them (with a memo so shared and cyclic structures stay shared and cyclic). Immutable atoms
// come back as themselves; a tuple whose items all deep-copy to themselves is returned as is.

import { PyObject, incref, decref } from '../objects/object';
import { PyType, typeLookup } from '../objects/type';
import { PyInt, newInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList, newList } from '../objects/list';
import { PyDict, newDict, dictItems, dictSet, dictGet, dictCopyInto } from '../objects/dict';
import { PySet, newSet, setAdd, setMerge } from '../objects/set';
import { None, NotImplemented, Ellipsis } from '../objects/singletons';
import { PyInstance } from '../objects/instance';
import { PyFunction, PyCode } from '../objects/function';
import { PyCFunction } from '../objects/descr';
import { PyRange, listAppend } from '../types/sequences';
import { PyBaseException, raise, TypeError } from '../objects/exceptions';
import { callObject, typeName, addressOf } from '../abstract';
import { allocInstance, instanceDictGet } from '../typeobject';
import { dictUpdate } from '../types/mappings';
import { makeModule } from './module_util';
import { PyWeakref } from './weakref';
import type { PyModule } from '../objects/module';

function isAtomic(o: PyObject): boolean {
  return (
    o === None || o === NotImplemented || o === Ellipsis || o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr ||
    o instanceof PyType || o instanceof PyFunction || o instanceof PyCFunction || o instanceof PyCode || o instanceof PyRange ||
    o instanceof PyWeakref
  );
}

/** Copy an instance's state (__dict__ and __slots__) into a new instance of the same class. */
function copyInstance(x: PyInstance, deepItem: ((o: PyObject) => PyObject) | null, memoize: ((y: PyObject) => void) | null): PyObject {
  const y = allocInstance(x.ob_type) as PyInstance;
  memoize?.(y);
  try {
    // object.__reduce_ex__(4): the state is x.__dict__ (read through __dict__, which
    // materialises it on 3.11+), plus the slot values.
    if (x.ob_type.hasInstanceDict) {
      const state = instanceDictGet(x) as PyDict;
      try {
        if (state.used > 0) {
          const yd = instanceDictGet(y) as PyDict;
          try {
            if (deepItem === null) dictUpdate(yd, state);
            else {
              const copied = deepItem(state) as PyDict;
              try {
                dictUpdate(yd, copied);
              } finally {
                decref(copied);
              }
            }
          } finally {
            decref(yd);
          }
        }
      } finally {
        decref(state);
      }
    }
    for (let i = 0; i < x.slots.length; i++) {
      const v = x.slots[i];
      if (v === null || v === undefined) continue;
      y.slots[i] = deepItem === null ? incref(v) : deepItem(v);
    }
  } catch (e) {
    decref(y);
    throw e;
  }
  return y;
}

function userCopyHook(x: PyObject, name: string, args: PyObject[]): PyObject | null {
  const f = typeLookup(x.ob_type, name);
  if (f === null) return null;
  return callObject(f, [x, ...args]);
}

/** copy.copy */
export function shallowCopy(x: PyObject): PyObject {
  if (isAtomic(x) || x instanceof PyTuple || (x instanceof PySet && x.frozen)) return incref(x);
  if (x instanceof PyList) return newList(x.items.map((i) => incref(i)));
  if (x instanceof PyDict) {
    const d = newDict();
    dictCopyInto(d, x);
    return d;
  }
  if (x instanceof PySet) {
    const s = newSet();
    setMerge(s, x);
    return s;
  }
  const hook = userCopyHook(x, '__copy__', []);
  if (hook !== null) return hook;
  if (x instanceof PyInstance) return copyInstance(x, null, null);
  if (x instanceof PyBaseException) return callObject(x.ob_type, (x.args as PyTuple).items);
  raise(TypeError, `cannot pickle '${typeName(x)}' object`);
}

/** memo.get(id(x)): the memo is a dict keyed by id(), as Lib/copy.py keeps it. */
function memoGet(memo: PyDict, x: PyObject): PyObject | null {
  const k = newInt(addressOf(x));
  try {
    return dictGet(memo, k);
  } finally {
    decref(k);
  }
}

function memoSet(memo: PyDict, x: PyObject, y: PyObject): void {
  const k = newInt(addressOf(x));
  dictSet(memo, k, y);
  decref(k);
}

/** _keep_alive: memo[id(memo)] lists the originals so their ids stay theirs while memo lives. */
function keepAlive(x: PyObject, memo: PyDict): void {
  const lst = memoGet(memo, memo);
  if (lst instanceof PyList) {
    listAppend(lst, x);
    return;
  }
  const fresh = newList([incref(x)]);
  memoSet(memo, memo, fresh);
  decref(fresh);
}

/** copy.deepcopy(x, memo): a copy that is not x itself is memoised and x kept alive. */
export function deepCopy(x: PyObject, memo: PyDict): PyObject {
  const hit = memoGet(memo, x);
  if (hit !== null) return incref(hit);
  const y = deepCopyUncached(x, memo);
  if (y !== x) {
    memoSet(memo, x, y);
    keepAlive(x, memo);
  }
  return y;
}

function deepCopyUncached(x: PyObject, memo: PyDict): PyObject {
  if (isAtomic(x)) return incref(x);
  const remember = (y: PyObject): void => memoSet(memo, x, y);
  const deep = (o: PyObject): PyObject => deepCopy(o, memo);
  if (x instanceof PyList) {
    const y = newList([], 0);
    remember(y);
    for (const item of x.items.slice()) {
      const c = deep(item);
      const l = y;
      if (l.items.length >= l.allocated) {
        const n = l.items.length + 1;
        let na = (n + (n >> 3) + 6) & ~3;
        if (n - l.items.length > na - n) na = (n + 3) & ~3;
        l.allocated = na;
      }
      l.items.push(c);
    }
    return y;
  }
  if (x instanceof PyTuple) {
    const items = x.items.map(deep);
    const same = items.every((c, i) => c === x.items[i]);
    if (same) {
      for (const c of items) decref(c);
      return incref(x);
    }
    const again = memoGet(memo, x);
    if (again !== null) {
      for (const c of items) decref(c);
      return incref(again);
    }
    const y = newTuple(items);
    remember(y);
    return y;
  }
  if (x instanceof PyDict) {
    const y = newDict();
    remember(y);
    for (const [k, v] of [...dictItems(x)]) {
      const ck = deep(k);
      const cv = deep(v);
      dictSet(y, ck, cv);
      decref(ck);
      decref(cv);
    }
    return y;
  }
  if (x instanceof PySet) {
    const items = x.keysInOrder().map(deep);
    const y = newSet(x.frozen);
    for (const c of items) {
      setAdd(y, c);
      decref(c);
    }
    remember(y);
    return y;
  }
  const hook = typeLookup(x.ob_type, '__deepcopy__');
  if (hook !== null) return callObject(hook, [x, memo]);
  if (x instanceof PyInstance) return copyInstance(x, deep, remember);
  if (x instanceof PyBaseException) return callObject(x.ob_type, (x.args as PyTuple).items);
  raise(TypeError, `cannot pickle '${typeName(x)}' object`);
}

export function makeCopyModule(): PyModule {
  return makeModule('copy', {
    copy: (_s, args) => {
      if (args.length !== 1) raise(TypeError, `copy() takes 1 positional argument but ${args.length} were given`);
      return shallowCopy(args[0]!);
    },
    deepcopy: (_s, args) => {
      if (args.length < 1 || args.length > 2) raise(TypeError, `deepcopy() takes from 1 to 2 positional arguments but ${args.length} were given`);
      const given = args[1];
      const memo = given === undefined || given === None ? newDict() : (given as PyDict);
      if (!(memo instanceof PyDict)) raise(TypeError, `'${typeName(memo)}' object is not a mapping`);
      try {
        return deepCopy(args[0]!, memo);
      } finally {
        if (memo !== given) decref(memo);
      }
    },
  });
}
