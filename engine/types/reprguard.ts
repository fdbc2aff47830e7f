// Py_ReprEnter / Py_ReprLeave: a container that contains itself prints as [...] / {...}.

import type { PyObject } from '../objects/object';

const active = new Set<PyObject>();

export function reprEnter(o: PyObject): boolean {
  if (active.has(o)) return false;
  active.add(o);
  return true;
}

export function reprLeave(o: PyObject): void {
  active.delete(o);
}

export function resetReprGuard(): void {
  active.clear();
}
