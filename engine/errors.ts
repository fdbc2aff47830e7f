// The two ways the front end refuses a program before a single line runs.
//
// Positions are 1-based line and 1-based column (CPython's col_offset + 1), the same
// numbers the CLI prints as `FILE:LINE:COL`.

/** A construct that is valid Python but outside the subset we run. Never guess: refuse before running. */
export class UnsupportedError extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(`${line}:${col}: unsupported: ${what}`);
    this.name = 'UnsupportedError';
  }
}

/** Source that CPython itself would reject (SyntaxError / IndentationError). */
export class PySyntaxError extends Error {
  constructor(
    readonly pyType: 'SyntaxError' | 'IndentationError',
    readonly msg: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(`${line}:${col}: ${pyType}: ${msg}`);
    this.name = 'PySyntaxError';
  }
}
