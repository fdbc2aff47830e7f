// The tokens the lexer hands the parser, after CPython's Lib/token.py kinds.
//
// Keywords are NAME tokens; the parser decides what a name means where it stands, as
// CPython's PEG parser does (which is also how soft keywords like `match` stay names).

export type TokenKind = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER';

/** A number literal's value; complex literals are refused by the lexer. */
export type NumberValue = { readonly type: 'int'; readonly value: bigint } | { readonly type: 'float'; readonly value: number };

/** Literal text of an f-string, escapes already decoded and `{{`/`}}` already halved. */
export interface FStringLiteral {
  readonly kind: 'literal';
  readonly value: string;
  /** Source offset where the text starts. */
  readonly start: number;
}

/** One `{...}` replacement field. Offsets index the (newline-normalised) source. */
export interface FStringField {
  readonly kind: 'field';
  /** Offset of the `{`. */
  readonly start: number;
  /** The expression's source range, to be lexed and parsed in place. */
  readonly exprStart: number;
  readonly exprEnd: number;
  /** For `{x=}`: the text `x=` exactly as written (whitespace kept), else null. */
  readonly debugText: string | null;
  /** -1 none, else the code point of s, r or a (CPython's encoding). */
  readonly conversion: number;
  /** Offset of the `:` starting the format spec, or -1. */
  readonly specStart: number;
  /** The format spec's parts, or null when there is no `:`. */
  readonly spec: readonly FStringPart[] | null;
}

export type FStringPart = FStringLiteral | FStringField;

export interface Token {
  readonly kind: TokenKind;
  /** Exact source text (for STRING: prefix and quotes included). */
  readonly text: string;
  /** Offsets into the newline-normalised source, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** 1-based, in code points. */
  readonly col: number;
  readonly endLine: number;
  /** How many brackets are open before this token (CPython's tokenizer `level`). */
  readonly level: number;
  /** NUMBER only. */
  readonly number?: NumberValue;
  /** STRING only: lower-cased prefix letters, e.g. '', 'r', 'f', 'rf'. */
  readonly prefix?: string;
  /** STRING without f: the decoded value. */
  readonly str?: string;
  /** STRING with f: the literal text and replacement fields in order. */
  readonly fparts?: readonly FStringPart[];
}
