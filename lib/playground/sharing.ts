// Why an object is shared, in words, from what the engine knows: the step's `shared` reason
// (small-int cache, interning, singleton; constants marked by recorder.ts) and the version
// profile's facts (which versions make such objects immortal). No version number is compared
// here: the profile table says which versions have each fact.

import { PROFILES, PYTHON_VERSIONS, type PythonVersion } from '../../engine/profile';
import type { SharedReason } from '../../engine/trace';

export interface SharingExplanation {
  readonly title: string;
  readonly why: string;
  /** Which versions do this, and how they count it. */
  readonly versions: string;
  /** The contrast that makes it click: what would make a second object. */
  readonly contrast: string;
}

function listVersions(vs: readonly PythonVersion[]): string {
  if (vs.length === 0) return 'none of 3.10–3.13';
  if (vs.length === 1) return vs[0]!;
  return `${vs.slice(0, -1).join(', ')} and ${vs[vs.length - 1]}`;
}

const where = (fact: (v: PythonVersion) => boolean) => PYTHON_VERSIONS.filter(fact);

/** The explanation for an object shared for `reason`, shown while running `version`. */
export function explainSharing(reason: SharedReason, repr: string, version: PythonVersion): SharingExplanation {
  const immortal = where((v) => PROFILES[v].immortalSingletons);
  const counted = where((v) => !PROFILES[v].immortalSingletons);
  const here = PROFILES[version];
  switch (reason) {
    case 'small_int':
      return {
        title: `${repr} comes from the small-int cache`,
        why: 'CPython makes the ints from -5 to 256 once, at start-up, and hands out that same object whenever such a value is needed: written in the code, computed, or parsed with int().',
        versions: `Every version does this. On ${listVersions(immortal)} these ints are immortal (PEP 683): their count is not kept, so the scene shows ∞. On ${listVersions(counted)} every reference still counts.${here.immortalSingletons ? ` You are running ${version}: immortal.` : ` You are running ${version}: counted.`}`,
        contrast: 'Past 256 there is no cache: int("257") called twice makes two objects, so `is` says False.',
      };
    case 'interned': {
      const immortalInterned = where((v) => PROFILES[v].internedImmortal);
      return {
        title: `${repr} is an interned string`,
        why: 'Strings that look like identifiers (names, attribute names, short constants made of letters, digits and _) are interned: the interpreter keeps one object per text in its interned table and hands that one out. sys.intern() does it on purpose for any string.',
        versions: `Every version interns. On ${listVersions(immortalInterned)} interned strings are immortal; on the others they are counted like any object.${here.internedImmortal ? ` You are running ${version}: immortal.` : ` You are running ${version}: counted.`}`,
        contrast: 'A string built at run time ("hel" + "lo" from variables, input(), str.join) is a new object unless it is interned.',
      };
    }
    case 'constant':
      return {
        title: `${repr} is a constant of the compiled code`,
        why: 'The compiler stores each literal of a code object once, in its co_consts, merging equal constants. Every line of that code object that writes the literal gets the same object: `a = 257` and `b = 257` in one module give one object, so `a is b` is True.',
        versions: `All of 3.10–3.13 merge equal constants within one code object. Each function has its own code object, and the interactive prompt compiles every line on its own, so there the same two lines give two objects.`,
        contrast: 'int("257") is computed when the line runs and makes a new object each time: `int("257") is int("257")` is False, while the literal 257 written twice here is one object.',
      };
    case 'singleton':
      return {
        title: `${repr} is a singleton`,
        why: 'None, True, False, Ellipsis, the empty tuple and the empty string exist once per interpreter; every use is that one object.',
        versions: `${here.staticSingletonBase !== null ? `On ${version} they start with a refcount of ${here.staticSingletonBase.toLocaleString('en-US')} (statically allocated). ` : ''}On ${listVersions(immortal)} they are immortal; on ${listVersions(counted)} their count moves with every use.`,
        contrast: 'There is never a second None: `x is None` is always the right test.',
      };
  }
}
