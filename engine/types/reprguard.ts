// Py_ReprEnter / Py_ReprLeave: a container that contains itself prints as [...] / {...}.
// The guard lives in a list stored in the thread state's dict; the first repr of a run makes
// both (PyThreadState_GetDict, PyList_New: two GC objects, kept for good).

import type { PyObject } from '../objects/object';
import { gcAllocatedFrom } from '../gc';

const active = new Set<PyObject>();
let made = false;

export function reprEnter(o: PyObject): boolean {
  if (!made) {
    made = true;
    gcAllocatedFrom('dict');
    gcAllocatedFrom('list');
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
  made = false;
}
