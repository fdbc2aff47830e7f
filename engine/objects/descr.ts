// Built-in functions and descriptors (Objects/methodobject.c, Objects/descrobject.c).
//
// `len` is a builtin_function_or_method; `list.append` is a method_descriptor that binds to
// a builtin_function_or_method with m_self set when fetched from an instance (`l.append`).
// A heap type's `__dict__` and `__weakref__` are getset_descriptors and each __slots__ name
// a member_descriptor; each holds a reference to its type (so a class counts them).

import { PyObject, decref, incref, xdecref, type Visit } from './object';
import { PyType } from './type';

/** Args are borrowed; keyword values follow positional ones. Returns a new reference. */
export type NativeImpl = (self: PyObject | null, args: readonly PyObject[], kwnames: readonly string[] | null) => PyObject;
/** A method of a built-in type: self is always there. */
export type MethodImpl = (self: PyObject, args: readonly PyObject[], kwnames: readonly string[] | null) => PyObject;

export class PyCFunction extends PyObject {
  constructor(
    readonly name: string,
    readonly impl: NativeImpl,
    /** m_self: the module for a module function, the instance for a bound method. */
    readonly self: PyObject | null,
    /** The owning type's name for `<built-in method append of list object at ...>`. */
    readonly ownerName: string | null = null,
  ) {
    super(CFunctionType);
  }
  /** METH_VARARGS: a call packs the arguments into a tuple (one GC allocation). */
  varargs = false;
  shortRepr(): string {
    return `<built-in function ${this.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.self !== null && !this.self.isStatic) visit(this.self);
  }
  release(): void {
    xdecref(this.self);
  }
}

export const CFunctionType = new PyType({ name: 'builtin_function_or_method', isGC: true, basicsize: 56 });

export class PyMethodDescr extends PyObject {
  constructor(
    readonly owner: PyType,
    readonly name: string,
    readonly impl: MethodImpl,
    /** classmethod_descriptor (dict.fromkeys): binds to the type. */
    readonly isClassMethod = false,
  ) {
    super(MethodDescrType);
  }
  /** METH_VARARGS: a call packs the arguments into a tuple (one GC allocation). */
  varargs = false;
  shortRepr(): string {
    return `<method '${this.name}' of '${this.owner.name}' objects>`;
  }
}

export const MethodDescrType = new PyType({ name: 'method_descriptor', isGC: true, basicsize: 56 });

/** A getset_descriptor of a heap type (`__dict__`, `__weakref__`): holds its type. */
export class PyGetSetDescr extends PyObject {
  constructor(
    readonly owner: PyType,
    readonly name: string,
    readonly get: (o: PyObject) => PyObject,
    readonly set: ((o: PyObject, v: PyObject | null) => void) | null,
  ) {
    super(GetSetDescrType);
    if (owner.isHeapType) incref(owner);
  }
  shortRepr(): string {
    return `<attribute '${this.name}' of '${this.owner.name}' objects>`;
  }
  traverse(visit: Visit): void {
    if (this.owner.isHeapType) visit(this.owner);
  }
  release(): void {
    if (this.owner.isHeapType) decref(this.owner);
  }
}

export const GetSetDescrType = new PyType({ name: 'getset_descriptor', isGC: true, basicsize: 56 });

/** A member_descriptor for one __slots__ name. */
export class PyMemberDescr extends PyObject {
  constructor(
    readonly owner: PyType,
    readonly name: string,
    readonly index: number,
  ) {
    super(MemberDescrType);
    incref(owner);
  }
  shortRepr(): string {
    return `<member '${this.name}' of '${this.owner.name}' objects>`;
  }
  traverse(visit: Visit): void {
    visit(this.owner);
  }
  release(): void {
    decref(this.owner);
  }
}

export const MemberDescrType = new PyType({ name: 'member_descriptor', isGC: true, basicsize: 56 });

/** Static-type method table entry. */
export function defineMethod(t: PyType, name: string, impl: MethodImpl, isClassMethod = false): void {
  t.table.set(name, new PyMethodDescr(t, name, impl, isClassMethod));
}

export function defineMethods(t: PyType, methods: Record<string, MethodImpl>): void {
  for (const [name, impl] of Object.entries(methods)) defineMethod(t, name, impl);
}

/** Mark methods whose C implementation takes METH_VARARGS. */
export function markVarargs(t: PyType, names: readonly string[]): void {
  for (const n of names) {
    const d = t.table.get(n);
    if (d instanceof PyMethodDescr) d.varargs = true;
  }
}
