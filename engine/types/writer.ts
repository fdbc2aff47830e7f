// _PyUnicodeWriter (Objects/unicodeobject.c): str.format and printf-style `%` build their
// result through it, and two of its shortcuts decide which object comes out. A whole str
// written into a writer that is still empty and does not over-allocate is kept as it is
// (writer->readonly), so "{}".format(s), "%s" % s and "%-4s" % "spam" return the argument
// itself. Anything else is a new string, or the 1-char cache's string (unicode_result).

import { incref, decref } from '../objects/object';
import { PyStr, newStr } from '../objects/str';

export class UnicodeWriter {
  private text = '';
  /** writer->readonly: the str written so far is this very object. */
  private readonly_: PyStr | null = null;
  /** writer->buffer != NULL */
  private started = false;

  /** writer->overallocate: set while more output is expected after the next write. */
  constructor(public overallocate: boolean) {}

  /** _PyUnicodeWriter_WriteStr */
  writeStr(o: PyStr): void {
    if (o.value.length === 0) return;
    if (!this.started && !this.overallocate) {
      this.readonly_ = incref(o);
      this.started = true;
      return;
    }
    this.write(o.value);
  }

  /** Characters copied into the buffer (_PyUnicodeWriter_WriteASCIIString and friends). */
  write(t: string): void {
    if (t.length === 0) return;
    if (this.readonly_ !== null) {
      this.text = this.readonly_.value;
      decref(this.readonly_);
      this.readonly_ = null;
    }
    this.started = true;
    this.text += t;
  }

  /** _PyUnicodeWriter_Finish: a new reference to the result. */
  finish(): PyStr {
    const r = this.readonly_;
    if (r !== null) {
      this.readonly_ = null;
      return r;
    }
    return newStr(this.text);
  }

  /** _PyUnicodeWriter_Dealloc, for the error path (a no-op after finish()). */
  dealloc(): void {
    if (this.readonly_ !== null) decref(this.readonly_);
    this.readonly_ = null;
  }
}
