// sys.getsizeof (Python/sysmodule.c: _PySys_GetSizeOf): the object's own size from its type's
// __sizeof__, plus the GC header (16 bytes) for objects the collector can track. It never
// counts what a container refers to.

import type { PyObject } from './objects/object';
import { PyInt, PyBool, big } from './objects/int';
import { PyFloat } from './objects/float';
import { PyStr, strSizeof } from './objects/str';
import { PyTuple } from './objects/tuple';
import { PyList } from './objects/list';
import { PyDict, dictSizeofBody, KeysKind } from './objects/dict';
import { PySet, setSizeofBody } from './objects/set';
import { PyInstance } from './objects/instance';
import { PyFunction, PyMethod, PyCell, PyCode } from './objects/function';
import { PyCFunction } from './objects/descr';
import { PyType } from './objects/type';
import { PyModule } from './objects/module';
import { PyBaseException, StopIteration } from './objects/exceptions';
import { PySlice } from './objects/slice';
import { PyRange, PyRangeIter, PySeqIter } from './types/sequences';
import { PyDictIter, PyDictView, PySetIter } from './types/mappings';
import { None } from './objects/singletons';
import { profile } from './profile';
import { PyGenerator } from './generator';
import { PyWeakref } from './modules/weakref';

const GC_HEADER = 16;

/** Size of an int: 3.10 stores 0 with no digits; 3.11+ always keeps one 30-bit digit. */
function intSize(v: number | bigint): number {
  const b = big(v);
  const a = b < 0n ? -b : b;
  const bits = a === 0n ? 0 : a.toString(2).length;
  const digits = Math.ceil(bits / 30);
  const p = profile();
  if (digits === 0) return p.sizeofIntZero;
  return 24 + 4 * digits;
}

/** 3.10's shared keys grow like any dict (insertion_resize: used * 3) as attribute names are added. */
function sharedKeysUsable310(names: number): number {
  let log2 = 3;
  let usable = 5;
  for (let used = 0; used < names; used++) {
    if (usable - used <= 0) {
      let l = 3;
      while (1 << l < used * 3) l++;
      log2 = l;
      usable = ((2 << log2) / 3) | 0;
    }
  }
  void log2;
  return usable;
}

export function sizeofObject(o: PyObject): number {
  const p = profile();
  if (o instanceof PyBool) return o.value === 0 ? p.sizeofIntZero : 28;
  if (o instanceof PyInt) return intSize(o.value);
  if (o instanceof PyFloat) return 24;
  if (o instanceof PyStr) return strSizeof(o);
  if (o === None) return 16;
  if (o instanceof PyTuple) return 24 + 8 * o.items.length + GC_HEADER;
  if (o instanceof PyList) return 40 + 8 * o.allocated + GC_HEADER;
  if (o instanceof PyDict) {
    if (o.splitKeysOf !== null) {
      const t = o.splitKeysOf;
      // A split table: the values array only (the keys belong to the class).
      if (p.managedDicts) return 48 + 8 * t.sharedKeysBudget + GC_HEADER;
      return 48 + 8 * sharedKeysUsable310(t.sharedKeyNames.size) + GC_HEADER;
    }
    return dictSizeofBody(o, p.sizeofDictKeysHeader) + GC_HEADER;
  }
  if (o instanceof PySet) return setSizeofBody(o) + GC_HEADER;
  if (o instanceof PyInstance) {
    const nslots = o.slots.length;
    const t = o.ob_type;
    if (!t.hasInstanceDict && !t.hasWeaklist) return 16 + 8 * nslots + GC_HEADER;
    if (!t.hasInstanceDict) return 16 + 8 * nslots + 8 + GC_HEADER;
    return p.sizeofInstance + 8 * nslots;
  }
  if (o instanceof PyFunction) return p.sizeofFunction;
  if (o instanceof PyMethod) return 64;
  if (o instanceof PyCell) return 40;
  if (o instanceof PyCFunction) return 72;
  if (o instanceof PyType) return o.isHeapType ? (o.hasInstanceDict ? p.sizeofHeapType : p.sizeofHeapTypeSlots) : p.sizeofStaticType;
  if (o instanceof PyModule) return 72;
  if (o instanceof PyBaseException) {
    // StopIteration carries its value; a class statement adds a __weakref__ slot (in the
    // pre-header on 3.12+, which also reserves the managed-dict words).
    const t = o.ob_type;
    return p.sizeofException + (t.isSubtypeOf(StopIteration) ? 8 : 0) + (t.isHeapType ? p.sizeofExceptionSubclassExtra : 0);
  }
  if (o instanceof PySlice) return 56;
  if (o instanceof PyRange) return 48;
  if (o instanceof PyRangeIter) return p.sizeofRangeIter;
  if (o instanceof PySeqIter) return 48;
  if (o instanceof PyDictIter) return 72;
  if (o instanceof PyDictView) return 40;
  if (o instanceof PySetIter) return 64;
  if (o instanceof PyCode) return 200;
  if (o instanceof PyGenerator) {
    // gen_sizeof: the generator object with its frame (locals and value stack) inside it.
    if (p.generatorMinStack === 0) return p.generatorFrameBase;
    const code = o.frame?.code ?? o.code;
    return p.generatorFrameBase + 8 * (code.nlocalsplus + Math.max(code.stacksize, p.generatorMinStack));
  }
  if (o instanceof PyWeakref) return p.sizeofWeakref;
  if (o.ob_type.name === 'enumerate') return p.sizeofEnumerate;
  if (o.ob_type.name === 'zip') return 64;
  const t = o.ob_type;
  return t.basicsize + (t.isGC ? GC_HEADER : 0);
}
