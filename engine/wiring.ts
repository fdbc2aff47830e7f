// Connects the object modules to the collector, the trace and the runtime. The object
// modules stay free of those dependencies (and of import cycles); this file is the one place
// that says "an allocated list is tracked", "a dict starts untracked", and so on.

import { PyObject, heap, decref, traceAlloc } from './objects/object';
import { setIntAllocHook } from './objects/int';
import { setFloatAllocHook } from './objects/float';
import { setStrAllocHook, setStrDecref } from './objects/str';
import { setTupleAllocHook } from './objects/tuple';
import { setListAllocHook } from './objects/list';
import { setDictAllocHook, setCanonicalKey } from './objects/dict';
import { setSetAllocHook, setSetHooks } from './objects/set';
import { setSliceAllocHook } from './objects/slice';
import { setSeqAllocHook, setRangeAllocHook } from './types/sequences';
import { setMappingAllocHook } from './types/mappings';
import { setExceptionAllocHook } from './pyerrors';
import { canonicalKey, hash, compareBool } from './abstract';
import { CmpOp } from './objects/type';
import { allocated, gcAllocated, gcObjectFreed, gcAllocatedFrom, gcFreedTo } from './gc';
import { setFrameAccounting } from './frame';
import { setCallPacking } from './ceval';
import { profile } from './profile';
import { LimitExceeded, currentLine, formatCount, rt } from './runtime';

const tracked = (o: PyObject): void => allocated(o, true);
const untracked = (o: PyObject): void => allocated(o, false);
const plain = <T extends PyObject>(o: T): T => {
  traceAlloc(o);
  return o;
};

setIntAllocHook(plain);
setFloatAllocHook(plain);
setStrAllocHook(plain);
setStrDecref(decref);
setTupleAllocHook(tracked);
setListAllocHook(tracked);
setSetAllocHook(tracked);
setSliceAllocHook(tracked);
setSeqAllocHook(tracked);
setRangeAllocHook(untracked);
setMappingAllocHook(tracked);
setExceptionAllocHook(tracked);
setCanonicalKey(canonicalKey);
setSetHooks(hash, (a, b) => compareBool(a, b, CmpOp.EQ));

/** Per-run wiring that depends on the profile. */
export function wireRun(): void {
  const p = profile();
  const packing = new Set(p.typeCallsPackArgs);
  setCallPacking(
    (name) => (name === 'min' || name === 'max' ? p.minMaxVarargs : true),
    (t) => !t.isHeapType && !t.isException && packing.has(t.name),
  );
  if (profile().zombieFrames) {
    setFrameAccounting(
      // frame_alloc: the code's zombie frame, else one from the frame free list, else a new one.
      (code) => {
        if (code.zombieFrame) code.zombieFrame = false;
        else gcAllocatedFrom('frame');
      },
      // frame_dealloc: kept as the zombie if the code has none, else to the free list.
      (code) => {
        if (!code.zombieFrame) code.zombieFrame = true;
        else gcFreedTo('frame');
      },
    );
  } else {
    setFrameAccounting(
      () => {},
      () => {},
    );
  }
  setDictAllocHook(untracked, profile().dictUnicodeEntries);
  heap.hooks = {
    gcAllocated: () => gcAllocated(),
    gcFreed: (o) => gcObjectFreed(o),
    objectLimit: () => {
      if (rt.finalizing) return;
      const line = currentLine();
      throw new LimitExceeded(
        'objects',
        `live-object limit of ${formatCount(rt.limits.maxObjects)} reached at line ${line}: the program keeps too many objects alive`,
        line,
      );
    },
  };
}
