// The gc module (Modules/gcmodule.c's Python interface).

import { PyObject, incref, decref } from '../objects/object';
import { newDict } from '../objects/dict';
import { dictSetStrKey } from '../types/mappings';
import { listAppend } from '../types/sequences';
import { PyInt, newInt, pyBool } from '../objects/int';
import { newTuple } from '../objects/tuple';
import { newList } from '../objects/list';
import { None } from '../objects/singletons';
import { raise, TypeError, ValueError } from '../objects/exceptions';
import { typeName } from '../abstract';
import { gcState, collectManual, isTrackedObj } from '../gc';
import { makeModule } from './module_util';
import type { PyModule } from '../objects/module';
import { kwArgs } from '../types/strings';

function intArg(o: PyObject | undefined, fname: string): number {
  if (!(o instanceof PyInt)) raise(TypeError, `'${typeName(o ?? None)}' object cannot be interpreted as an integer`);
  void fname;
  return Number(o.value);
}

export function makeGcModule(): PyModule {
  return makeModule(
    'gc',
    {
      collect: (_s, args, kw) => {
        const a = kwArgs(args, kw, ['generation']);
        const gen = a[0] === undefined ? 2 : intArg(a[0], 'collect');
        if (gen < 0 || gen > 2) raise(ValueError, 'invalid generation');
        return newInt(collectManual(gen));
      },
      enable: () => {
        gcState.enabled = true;
        return incref(None);
      },
      disable: () => {
        gcState.enabled = false;
        return incref(None);
      },
      isenabled: () => pyBool(gcState.enabled),
      get_threshold: () => newTuple(gcState.thresholds.map((t) => newInt(t) as PyObject)),
      set_threshold: (_s, args) => {
        if (args.length < 1 || args.length > 3) raise(TypeError, `set_threshold expected at least 1 argument, got ${args.length}`);
        args.forEach((a, i) => {
          gcState.thresholds[i] = intArg(a, 'set_threshold');
        });
        return incref(None);
      },
      get_count: () => newTuple(gcState.counts.map((c) => newInt(c) as PyObject)),
      // A new list, then one dict per generation (Py_BuildValue("{snsnsn}")) appended to it.
      get_stats: () => {
        const list = newList([]);
        for (const [collections, collected] of gcState.stats) {
          const d = newDict();
          const put = (k: string, n: number): void => {
            const v = newInt(n);
            dictSetStrKey(d, k, v);
            decref(v);
          };
          put('collections', collections);
          put('collected', collected);
          put('uncollectable', 0);
          listAppend(list, d);
          decref(d);
        }
        return list;
      },
      is_tracked: (_s, args) => {
        if (args.length !== 1) raise(TypeError, `is_tracked() takes exactly one argument (${args.length} given)`);
        return pyBool(isTrackedObj(args[0]!));
      },
      is_finalized: (_s, args) => pyBool(args[0]!.gcFinalized),
    },
    {
      garbage: () => newList([]),
    },
    ['set_threshold'],
  );
}
