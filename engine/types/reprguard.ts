// Py_ReprEnter / Py_ReprLeave: a container that contains itself prints as [...] / {...}.
// The first container repr of a run makes the thread state's dict and its "Py_Repr" list,
// two GC objects that live on (gc.get_count() + 2 on every version, measured).

import type { PyObject } from '../objects/object';
import { gcAllocated } from '../gc';

const active = new Set<PyObject>();
let reprListMade = false;

export function reprEnter(o: PyObject): boolean {
  if (!reprListMade) {
    reprListMade = true;
    gcAllocated(); // PyThreadState_GetDict's dict
    gcAllocated(); // the Py_Repr list in it
  }
  if (active.has(o)) return false;
  active.add(o);
  return true;
}

export function reprLeave(o: PyObject): void {
  active.delete(o);
}

export function resetReprGuard(): void {
  active.clear();
  reprListMade = false;
}
