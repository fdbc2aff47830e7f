// Running CPython's parser for the parser tests, and putting our AST in the same JSON shape.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** CPython 3.12 is the reference (its f-string positions are exact); 3.13, then 3.11 and 3.10 serve otherwise. */
export function findPython(): { path: string; version: string } | null {
  const root = '/root/.pyenv/versions';
  const installed = existsSync(root) ? readdirSync(root) : [];
  for (const minor of ['3.12', '3.13', '3.11', '3.10']) {
    const dir = installed.filter((v) => v.startsWith(minor + '.')).sort().pop();
    if (dir && existsSync(join(root, dir, 'bin/python3'))) return { path: join(root, dir, 'bin/python3'), version: minor };
  }
  try {
    const v = execFileSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
    if (['3.10', '3.11', '3.12', '3.13'].includes(v)) return { path: 'python3', version: v };
  } catch {
    // no python3 on PATH
  }
  return null;
}

export type CPythonResult =
  | { ok: unknown; outside: string | null; nodes: string[] }
  | { error: { type: string; msg: string; line: number; col: number } };

export function cpython(python: string, sources: readonly string[]): CPythonResult[] {
  const out = execFileSync(python, [join(here, 'dump_ast.py')], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as CPythonResult[];
}

/** Our AST in dump_ast.py's JSON shape: bigints as decimal strings, floats as numbers. */
export function normalise(node: unknown, inJoined = false): unknown {
  if (Array.isArray(node)) return node.map((x) => normalise(x, inJoined));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'value' && obj.kind === 'Constant') {
      const c = v as { type: string; value?: unknown };
      out[k] = c.type === 'int' ? { type: 'int', value: String(c.value) } : c;
    } else if (k === 'values' && obj.kind === 'JoinedStr') {
      out[k] = normalise(v, true);
    } else {
      out[k] = normalise(v);
    }
  }
  if (inJoined && obj.kind === 'Constant') {
    delete out.line;
    delete out.col;
  }
  return out;
}

/** CPython's float reprs become numbers, compared with ours by value. */
export function reviveFloats(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(reviveFloats);
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj.type === 'float' && typeof obj.value === 'string') {
    const r = obj.value;
    return { type: 'float', value: r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r) };
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, reviveFloats(v)]));
}

/** Top-level statements of CPython's standard library, each with CPython's own verdict (see dump_ast.py). */
export function stdlibStatements(python: string): { file: string; line: number; source: string; cpython: CPythonResult }[] {
  const out = execFileSync(python, [join(here, 'dump_ast.py'), '--stdlib-statements'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(out) as { file: string; line: number; source: string; cpython: CPythonResult }[];
}

/**
 * JSON.stringify replacer: before 3.12 CPython located the inside of an f-string only
 * approximately, so on 3.10/3.11 nothing within a JoinedStr has its position compared.
 */
export function dropJoinedPositions(this: unknown, key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && (value as { kind?: string }).kind === 'JoinedStr') {
    return stripPositions(value);
  }
  return value;
}

function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'line' && k !== 'col') out[k] = stripPositions(v);
  return out;
}
