// weakref.ref (Objects/weakrefobject.c): a weak reference does not keep its referent alive;
// when the referent dies the reference is cleared and its callback, if any, is called with
// the weakref. The list of weakrefs to an object keeps CPython's order (the callback-less
// basic ref first, then the others newest first), and so does the order of callbacks.

import { PyObject, incref, decref, xdecref, type Visit } from '../objects/object';
import { PyType, setClearWeakrefsHook, CmpOp } from '../objects/type';
import { newStr } from '../objects/str';
import { newInt, pyBool } from '../objects/int';
import { newList } from '../objects/list';
import { newTuple } from '../objects/tuple';
import { None, NotImplemented } from '../objects/singletons';
import { raise, TypeError, PyErr } from '../objects/exceptions';
import { PyInstance } from '../objects/instance';
import { PyFunction } from '../objects/function';
import { PySet } from '../objects/set';
import { PyGenerator } from '../generator';
import { callObject, typeName, hexAddress, hash as pyHash, compareBool } from '../abstract';
import { allocated, setWeakrefHooks } from '../gc';
import { makeModule } from './module_util';
import { registerTypeCall, setWeakrefHead, writeUnraisable, setSubclassRefMaker } from '../typeobject';
import { heap } from '../objects/object';
import type { PyModule } from '../objects/module';

export class PyWeakref extends PyObject {
  /** The referent, or null once cleared (wr_object == Py_None). */
  referent: PyObject | null;
  callback: PyObject | null;
  /** For the trace: whom it pointed to. */
  readonly referentId: number;
  hashCache: bigint | null = null;
  constructor(referent: PyObject, callback: PyObject | null) {
    super(WeakrefType);
    this.referent = referent;
    this.callback = callback;
    this.referentId = referent.id;
  }
  shortRepr(): string {
    return this.referent === null ? '<weakref; dead>' : `<weakref to ${this.referent.ob_type.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.callback !== null) visit(this.callback);
  }
  clear(): void {
    clearRef(this);
    const cb = this.callback;
    this.callback = null;
    xdecref(cb);
  }
  release(): void {
    clearRef(this);
    const cb = this.callback;
    this.callback = null;
    xdecref(cb);
  }
}

export const WeakrefType = new PyType({ name: 'weakref.ReferenceType', isGC: true, basicsize: 64 });
WeakrefType.qualname = 'ReferenceType';

/** Which objects may be weakly referenced (tp_weaklistoffset != 0). */
function supportsWeakrefs(o: PyObject): boolean {
  if (o instanceof PyInstance) return o.ob_type.hasWeaklist;
  return o instanceof PyFunction || o instanceof PySet || o instanceof PyType || o instanceof PyGenerator || o instanceof PyWeakref === false && o.ob_type.isException;
}

/** clear_weakref: unlink from the referent's list. */
function clearRef(wr: PyWeakref): void {
  const o = wr.referent;
  if (o === null) return;
  wr.referent = null;
  const list = o.weakrefs;
  if (list !== null) {
    const i = list.indexOf(wr);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) o.weakrefs = null;
  }
}

/** weakref___new__ */
export function newWeakref(o: PyObject, callback: PyObject | null): PyWeakref {
  if (!supportsWeakrefs(o)) raise(TypeError, `cannot create weak reference to '${typeName(o)}' object`);
  const list = o.weakrefs ?? [];
  const basic = list.length > 0 && (list[0] as PyWeakref).callback === null ? (list[0] as PyWeakref) : null;
  if (callback === null && basic !== null) return incref(basic);
  const wr = new PyWeakref(o, callback === null ? null : incref(callback));
  allocated(wr, true);
  if (callback === null) list.unshift(wr);
  else if (basic !== null) list.splice(1, 0, wr);
  else list.unshift(wr);
  o.weakrefs = list;
  return wr;
}

/** PyObject_ClearWeakRefs: at a referent's death, clear every weakref, then call callbacks. */
function clearWeakrefs(o: PyObject): void {
  const list = o.weakrefs;
  if (list === null) return;
  const refs = list.slice() as PyWeakref[];
  o.weakrefs = null;
  const toCall: [PyWeakref, PyObject][] = [];
  for (const wr of refs) {
    wr.referent = null;
    const cb = wr.callback;
    wr.callback = null;
    if (cb !== null) {
      if (wr.ob_refcnt > 0) {
        incref(wr);
        toCall.push([wr, cb]);
      } else decref(cb);
    }
  }
  for (const [wr, cb] of toCall) {
    if (heap.events !== null) heap.events.push({ kind: 'weakref_callback', weakref: wr.id, referent: wr.referentId });
    try {
      const r = callObject(cb, [wr]);
      decref(r);
    } catch (e) {
      if (e instanceof PyErr) writeUnraisable(e, cb);
      else throw e;
    }
    decref(cb);
    decref(wr);
  }
}
setClearWeakrefsHook(clearWeakrefs);

setWeakrefHooks({
  isWeakref: (o) => o instanceof PyWeakref,
  clearRef: (wr) => clearRef(wr as PyWeakref),
  refsTo: (o) => (o.weakrefs ?? []).slice(),
  hasCallback: (wr) => (wr as PyWeakref).callback !== null,
  callCallback: (w) => {
    const wr = w as PyWeakref;
    const cb = wr.callback;
    if (cb === null) return;
    try {
      const r = callObject(cb, [wr]);
      decref(r);
    } catch (e) {
      if (e instanceof PyErr) writeUnraisable(e, cb);
      else throw e;
    }
  },
});

setSubclassRefMaker((t) => newWeakref(t, null));

setWeakrefHead((o) => incref((o.weakrefs?.[0] as PyObject | undefined) ?? None));

WeakrefType.tp_call = (self, args) => {
  if (args.length !== 0) raise(TypeError, `weakref() takes exactly 0 arguments (${args.length} given)`);
  return incref((self as PyWeakref).referent ?? None);
};
WeakrefType.tp_repr = (self) => {
  const wr = self as PyWeakref;
  const o = wr.referent;
  if (o === null) return newStr(`<weakref at ${hexAddress(wr)}; dead>`);
  return newStr(`<weakref at ${hexAddress(wr)}; to '${o.ob_type.module === 'builtins' ? '' : o.ob_type.module + '.'}${o.ob_type.qualname}' at ${hexAddress(o)}>`);
};
WeakrefType.tp_hash = (self) => {
  const wr = self as PyWeakref;
  if (wr.hashCache !== null) return wr.hashCache;
  if (wr.referent === null) raise(TypeError, 'weak object has gone away');
  wr.hashCache = pyHash(wr.referent);
  return wr.hashCache;
};
WeakrefType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyWeakref) || (op !== CmpOp.EQ && op !== CmpOp.NE)) return incref(NotImplemented);
  const x = a as PyWeakref;
  if (x.referent === null || b.referent === null) return pyBool(op === CmpOp.EQ ? a === b : a !== b);
  const same = compareBool(x.referent, b.referent, CmpOp.EQ);
  return pyBool(op === CmpOp.EQ ? same : !same);
};

registerTypeCall(WeakrefType, (args) => {
  if (args.length < 1 || args.length > 2) raise(TypeError, `__new__ expected at most 2 arguments, got ${args.length}`);
  const cb = args.length > 1 && args[1] !== None ? args[1]! : null;
  return newWeakref(args[0]!, cb);
});

export function makeWeakrefModule(): PyModule {
  return makeModule(
    'weakref',
    {
      getweakrefcount: (_s, args) => newInt(args[0]!.weakrefs?.length ?? 0),
      getweakrefs: (_s, args) => newList((args[0]!.weakrefs ?? []).map((w) => incref(w))),
    },
    {
      ref: () => incref(WeakrefType),
      ReferenceType: () => incref(WeakrefType),
    },
  );
}

export { newTuple };
