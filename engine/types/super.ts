// The `super` type (Objects/typeobject.c: super_init, super_init_without_args, supercheck,
// super_getattro). Zero-argument super() reads the calling frame's first argument and the
// `__class__` cell the compiler gave every method that names `super` (symtable.ts).

import { PyObject, incref, xdecref, type Visit } from '../objects/object';
import { PyType, typeOwnLookup } from '../objects/type';
import { PyCell } from '../objects/function';
import { raise, TypeError, RuntimeError } from '../objects/exceptions';
import { newStr } from '../objects/str';
import { genericGetAttr } from '../abstract';
import { None } from '../objects/singletons';
import { registerTypeCall } from '../typeobject';
import { allocated } from '../gc';
import { rt } from '../runtime';
import { profile } from '../profile';

export class PySuper extends PyObject {
  constructor(
    /** The class after which the MRO search starts (owned). */
    readonly type: PyType,
    /** The instance or class bound to (owned), null for an unbound super(T). */
    readonly obj: PyObject | null,
    /** type(obj), or obj itself when obj is a class (owned). */
    readonly objType: PyType | null,
  ) {
    super(SuperType);
  }
  shortRepr(): string {
    return '<super>';
  }
  traverse(visit: Visit): void {
    visit(this.type);
    if (this.obj !== null) visit(this.obj);
    if (this.objType !== null) visit(this.objType);
  }
  release(): void {
    xdecref(this.obj);
    xdecref(this.type);
    xdecref(this.objType);
  }
}

export const SuperType = new PyType({ name: 'super', isGC: true, basicsize: 40, subclassable: false });

/** supercheck: the type whose MRO super() walks (borrowed). */
function supercheck(type: PyType, obj: PyObject): PyType {
  if (obj instanceof PyType && obj.isSubtypeOf(type)) return obj;
  if (obj.ob_type.isSubtypeOf(type)) return obj.ob_type;
  if (profile().superCheckNamesTypes) {
    const what = obj instanceof PyType ? `type ${obj.name}` : `instance of ${obj.ob_type.name}`;
    raise(TypeError, `super(type, obj): obj (${what}) is not an instance or subtype of type (${type.name}).`);
  }
  raise(TypeError, 'super(type, obj): obj must be an instance or subtype of type');
}

/** super_init_without_args: the calling frame's first argument and its `__class__` cell. */
function superArgsFromFrame(): [PyType, PyObject] {
  const f = rt.frame;
  if (f === null) raise(RuntimeError, 'super(): no current frame');
  const code = f.code;
  if (code.argcount === 0) raise(RuntimeError, 'super(): no arguments');
  let first = f.fast[0] ?? null;
  // The first argument may live in a cell (a method whose `self` a closure captures).
  const ci = code.cell2arg.indexOf(0);
  if (ci >= 0) {
    const cell = f.fast[code.varnames.length + ci];
    first = cell instanceof PyCell ? cell.ref : null;
  }
  if (first === null) raise(RuntimeError, 'super(): arg[0] deleted');
  const fi = code.freevars.indexOf('__class__');
  if (fi < 0) raise(RuntimeError, 'super(): __class__ cell not found');
  const cell = f.fast[code.varnames.length + code.cellvars.length + fi];
  if (!(cell instanceof PyCell)) raise(RuntimeError, 'super(): bad __class__ cell');
  const type = cell.ref;
  if (type === null) raise(RuntimeError, 'super(): empty __class__ cell');
  if (!(type instanceof PyType)) raise(RuntimeError, `super(): __class__ is not a type (${type.ob_type.name})`);
  return [type, first];
}

registerTypeCall(SuperType, (args, kwnames) => {
  if (kwnames !== null && kwnames.length > 0) raise(TypeError, 'super() takes no keyword arguments');
  if (args.length > 2) raise(TypeError, `super() takes at most 2 arguments (${args.length} given)`);
  let type: PyObject;
  let obj: PyObject | null;
  if (args.length === 0) [type, obj] = superArgsFromFrame();
  else {
    type = args[0]!;
    obj = args[1] ?? null;
    if (obj === None) obj = null;
  }
  if (!(type instanceof PyType)) raise(TypeError, `super() argument 1 must be ${profile().superTypeArticle}type, not ${type.ob_type.name}`);
  const objType = obj === null ? null : supercheck(type, obj);
  const s = new PySuper(incref(type), obj === null ? null : incref(obj), objType === null ? null : incref(objType));
  allocated(s, true);
  return s;
});

/** super_getattro: the attribute from the classes after `type` in the MRO of obj's type. */
SuperType.tp_getattro = (o, name) => {
  const su = o as PySuper;
  const start = su.objType;
  if (start !== null && name !== '__class__') {
    const mro = start.mro;
    let i = mro.indexOf(su.type) + 1;
    for (; i > 0 && i < mro.length; i++) {
      const res = typeOwnLookup(mro[i]!, name);
      if (res === null) continue;
      const get = res.ob_type.tp_descr_get;
      if (get !== null) return get(res, su.obj === start ? null : su.obj, start);
      return incref(res);
    }
  }
  return genericGetAttr(o, name);
};

SuperType.tp_repr = (o) => {
  const su = o as PySuper;
  if (su.objType !== null) return newStr(`<super: <class '${su.type.name}'>, <${su.objType.name} object>>`);
  return newStr(`<super: <class '${su.type.name}'>, NULL>`);
};
