// optimize_format (Python/ast_opt.c, 3.11+): `'...%s...' % (a, b)` with a str constant on the
// left and a tuple display (not all constants) on the right is rewritten into the f-string
// f'...{a!s}...{b!s}', so no tuple is built and each piece goes through FORMAT_VALUE. Only
// %s, %r and %a with at most two-digit width and precision qualify; anything else leaves the
// expression as it is.

import type * as A from './ast';

const MAXDIGITS = 3;

/** The JoinedStr that replaces the `%` expression, or null to leave it unchanged. */
export function optimizeFormat(fmt: string, elts: readonly A.Expr[], at: A.Pos): A.JoinedStr | null {
  const pos: A.Pos = { line: at.line, col: at.col };
  const values: A.Expr[] = [];
  let i = 0;
  let cnt = 0;
  for (;;) {
    // parse_literal: text up to the next lone '%', with '%%' turned into '%'.
    const start = i;
    let hasPercents = false;
    while (i < fmt.length) {
      if (fmt[i] !== '%') i++;
      else if (i + 1 < fmt.length && fmt[i + 1] === '%') {
        hasPercents = true;
        i += 2;
      } else break;
    }
    if (i > start) {
      const text = fmt.slice(start, i);
      values.push({ kind: 'Constant', value: { type: 'str', value: hasPercents ? text.replace(/%%/g, '%') : text }, ...pos });
    }
    if (i >= fmt.length) break;
    if (cnt >= elts.length) return null; // more format units than items
    const unit = simpleFormatArgParse(fmt, i + 1);
    if (unit === null || !'sra'.includes(unit.spec)) return null;
    i = unit.end;
    let spec = '';
    if (!unit.ljust && unit.width > 0) spec += '>';
    if (unit.width >= 0) spec += String(unit.width);
    if (unit.prec >= 0) spec += '.' + String(unit.prec);
    const formatSpec: A.JoinedStr | null =
      spec === '' ? null : { kind: 'JoinedStr', values: [{ kind: 'Constant', value: { type: 'str', value: spec }, ...pos }], ...pos };
    values.push({ kind: 'FormattedValue', value: elts[cnt]!, conversion: unit.spec.charCodeAt(0), formatSpec, ...pos });
    cnt++;
  }
  if (cnt < elts.length) return null; // more items than format units
  return { kind: 'JoinedStr', values, ...pos };
}

interface FormatUnit {
  readonly spec: string;
  readonly ljust: boolean;
  readonly width: number;
  readonly prec: number;
  readonly end: number;
}

/** simple_format_arg_parse: flags, a width and a precision of at most two digits, the code. */
function simpleFormatArgParse(fmt: string, from: number): FormatUnit | null {
  let i = from;
  let ch = '';
  const next = (): boolean => {
    if (i >= fmt.length) return false;
    ch = fmt[i++]!;
    return true;
  };
  const isDigit = (): boolean => ch >= '0' && ch <= '9';
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === '-') ljust = true;
    else if (!'+ #0'.includes(ch)) break;
  }
  let width = -1;
  let prec = -1;
  if (isDigit()) {
    width = 0;
    let digits = 0;
    while (isDigit()) {
      width = width * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === '.') {
    if (!next()) return null;
    prec = 0;
    let digits = 0;
    while (isDigit()) {
      prec = prec * 10 + Number(ch);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  return { spec: ch, ljust, width, prec, end: i };
}
