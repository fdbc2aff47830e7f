// What print() allocates on its way to sys.stdout (Python/bltinmodule.c builtin_print,
// Objects/fileobject.c PyFile_WriteObject, Modules/_io/textio.c TextIOWrapper.write), as seen
// with stdout a pipe and PYTHONIOENCODING=utf-8 (ASCII-compatible: the str is the pending data).
//
// * 3.11+: the positional arguments are packed into a tuple (_PyArg_UnpackKeywordsWithVararg),
//   freed when print returns. The keyword-name tuple of print's static parser (parser_init, a
//   4-tuple: from the free list like any other) is built on 3.11's first call, and on 3.10's
//   first call that passes a keyword.
// * Each object written (every argument, each separator, the end) looks up `stdout.write`: a
//   bound builtin method, made before str(obj) and freed after the write (count +1, then -1).
// * TextIOWrapper keeps what it has not flushed: the first write's str as is, the second turns
//   it into a list (PyList_New), later writes append; a write that would take the pending data
//   over the chunk size (8192) flushes first, which frees the list.

import { rt, utf8Length } from './runtime';
import { profile } from './profile';
import { gcAllocated, gcAllocatedFrom, gcFreed, gcFreedTo } from './gc';

const CHUNK_SIZE = 8192;

/** The start of a print() call with `nargs` positional arguments (and keywords or not). */
export function printEnter(nargs: number, keywords: boolean): void {
  const p = profile();
  const init = p.printParserInit === 'first call' || (p.printParserInit === 'first keyword call' && keywords);
  if (init && !rt.textio.parserReady) {
    // ('sep', 'end', 'file', 'flush')
    rt.textio.parserReady = true;
    gcAllocatedFrom(4);
  }
  if (p.printPacksArgs && nargs > 0) gcAllocatedFrom(nargs < 20 ? nargs : null);
}

/** The end of a print() call: the argument tuple goes back to its free list. */
export function printLeave(nargs: number): void {
  if (profile().printPacksArgs && nargs > 0) gcFreedTo(nargs < 20 ? nargs : null);
}

/** PyFile_WriteObject: `text` is computed by `render` while the bound `write` method is alive. */
export function fileWriteObject(render: () => string, write: (s: string) => void): void {
  gcAllocated();
  try {
    const s = render();
    textWrite(s);
    write(s);
  } finally {
    gcFreed();
  }
}

/** TextIOWrapper.write's pending data. */
function textWrite(s: string): void {
  const t = rt.textio;
  const n = utf8Length(s);
  if (t.pending !== 'none' && t.pendingBytes + n > CHUNK_SIZE) {
    if (t.pending === 'list') gcFreedTo('list');
    t.pending = 'none';
    t.pendingBytes = 0;
  }
  if (t.pending === 'none') t.pending = 'str';
  else if (t.pending === 'str') {
    gcAllocatedFrom('list');
    t.pending = 'list';
  }
  t.pendingBytes += n;
}
