// The identifiers CPython's parser makes for a file (_PyPegen_new_identifier): every NAME token
// that is not a keyword, in the file and inside f-string replacement fields.

import { SourceText, tokenize, tokenizeRegion } from './lexer';
import { KEYWORDS } from './parser';
import type { FStringPart, Token } from './token';
import { internInPlace, newStr } from './objects/str';

/**
 * 3.13 (profile().parserIdentifiersImmortal): the parser interns each identifier immortal
 * (_PyUnicode_InternImmortal) before the compiler runs, so a str constant equal to a name used
 * anywhere in the file is that immortal string.
 */
export function internIdentifiersImmortal(source: string): void {
  for (const name of sourceIdentifiers(source)) internInPlace(newStr(name)).immortal = true;
}

function sourceIdentifiers(source: string): Set<string> {
  const src = new SourceText(source);
  const names = new Set<string>();
  const visitParts = (parts: readonly FStringPart[]): void => {
    for (const part of parts) {
      if (part.kind !== 'field') continue;
      visitTokens(tokenizeRegion(src, part.exprStart, part.exprEnd));
      if (part.spec !== null) visitParts(part.spec);
    }
  };
  const visitTokens = (tokens: readonly Token[]): void => {
    for (const t of tokens) {
      if (t.kind === 'NAME' && !KEYWORDS.has(t.text)) names.add(t.text);
      else if (t.fparts !== undefined) visitParts(t.fparts);
    }
  };
  visitTokens(tokenize(src));
  return names;
}
