// Validating level content: one level (`validateLevel`) and a whole set (`validateLevels`).
// Pure: no file system, so the browser, the server and a teacher's editor share it.
// The Node loader that reads `levels/` is load-fs.ts.

import type * as A from '../../engine/ast';
import { PySyntaxError, UnsupportedError } from '../../engine/errors';
import { parse } from '../../engine/parser';
import type { z } from 'zod';
import { LevelError, fieldName, problem } from './errors';
import { PLACEHOLDER, type Level, levelSchema, placeholdersFor } from './schema';

export interface ValidateOptions {
  /** Where the program text came from, when it is not inside the level file itself. */
  readonly programFile?: string;
}

/** Validates one level; throws a LevelError listing every problem as `FILE: FIELD: REASON`. */
export function validateLevel(fileName: string, data: unknown, options: ValidateOptions = {}): Level {
  const parsed = levelSchema.safeParse(data);
  if (!parsed.success) {
    throw new LevelError(parsed.error.issues.map((issue) => problem(fileName, fieldName(issue.path), describeIssue(issue, data))));
  }
  const level = parsed.data;
  const problems = checkLevel(fileName, level, options);
  if (problems.length > 0) throw new LevelError(problems);
  return level;
}

export interface LevelSource {
  readonly fileName: string;
  readonly level: Level;
}

/** Checks what no single file can: ids unique everywhere, orders unique within a topic. */
export function validateLevels(sources: readonly LevelSource[]): Level[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const orders = new Map<string, string>();
  for (const { fileName, level } of sources) {
    const otherId = ids.get(level.id);
    if (otherId !== undefined) problems.push(problem(fileName, 'id', `"${level.id}" is already the id of ${otherId}`));
    else ids.set(level.id, fileName);
    const slot = `${level.topic}#${level.order}`;
    const otherOrder = orders.get(slot);
    if (otherOrder !== undefined) problems.push(problem(fileName, 'order', `${level.order} is already taken in topic "${level.topic}" by ${otherOrder}`));
    else orders.set(slot, fileName);
  }
  if (problems.length > 0) throw new LevelError(problems);
  return sources.map((s) => s.level);
}

// ---------------------------------------------------------------- zod issues in plain words

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: readonly unknown[] }).options;
      if (disc !== undefined && options !== undefined) {
        const what = disc === 'kind' ? 'question kind' : 'probe';
        const list = options.map((o) => JSON.stringify(o)).join(', ');
        return value === undefined ? `missing; the ${what} must be one of ${list}` : `${JSON.stringify(value)} is not a ${what} allowed here; use one of ${list}`;
      }
      return issue.message;
    }
    case 'invalid_type':
      return value === undefined ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${JSON.stringify(value)}`;
    case 'invalid_value':
      return `${JSON.stringify(value)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string' ? issue.message : `${JSON.stringify(value)} is too small (at least ${String(issue.minimum)})`;
    case 'too_big':
      return `${JSON.stringify(value)} is too big (at most ${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}

// ---------------------------------------------------------------- checks beyond the shape

function checkLevel(fileName: string, level: Level, options: ValidateOptions): string[] {
  const problems: string[] = [];
  const where = options.programFile !== undefined ? `${options.programFile}:` : 'line ';
  const lines = programLines(level.program);
  if (lines.every((l) => l.trim() === '')) return [problem(fileName, 'program', 'is empty')];

  let statementLines: Set<number> | null = null;
  try {
    statementLines = collectStatementLines(parse(level.program));
  } catch (e) {
    if (e instanceof PySyntaxError || e instanceof UnsupportedError) {
      problems.push(problem(fileName, 'program', `does not parse: ${where}${e.message}`));
    } else throw e;
  }

  const seen = new Map<string, number>();
  level.checkpoints.forEach((cp, i) => {
    const at = `checkpoints[${i}]`;
    if (cp.line > lines.length) {
      problems.push(problem(fileName, `${at}.line`, `line ${cp.line} is past the end of the program (${lines.length} lines)`));
    } else if (statementLines !== null && !statementLines.has(cp.line)) {
      const shown = lines[cp.line - 1]!.trim();
      const why = shown === '' ? 'it is blank' : shown.startsWith('#') ? 'it is a comment' : 'no statement starts there';
      problems.push(problem(fileName, `${at}.line`, `line ${cp.line} cannot be a checkpoint: ${why}`));
    }
    const key = `${cp.line}#${cp.occurrence}`;
    const twin = seen.get(key);
    if (twin !== undefined) problems.push(problem(fileName, at, `asks about the same run of line ${cp.line} as checkpoints[${twin}]`));
    else seen.set(key, i);

    const q = cp.question;
    for (const field of ['prompt', 'hint'] as const) {
      if (q[field].match(PLACEHOLDER) !== null) {
        problems.push(problem(fileName, `${at}.question.${field}`, 'cannot use {placeholders}: it is shown before the answer'));
      }
    }
    const allowed = placeholdersFor(q.probe);
    const used = [...q.explanation.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    if (used.length === 0) {
      problems.push(problem(fileName, `${at}.question.explanation`, `must cite the run with at least one placeholder: ${allowed.map((p) => `{${p}}`).join(', ')}`));
    }
    for (const name of used) {
      if (!allowed.includes(name)) {
        problems.push(problem(fileName, `${at}.question.explanation`, `unknown placeholder {${name}}; a "${q.probe.read}" probe offers ${allowed.map((p) => `{${p}}`).join(', ')}`));
      }
    }
    if (q.probe.read === 'shared' && q.probe.a === q.probe.b) {
      problems.push(problem(fileName, `${at}.question.probe.b`, `must name a different object than a ("${q.probe.a}")`));
    }
  });
  return problems;
}

/** The program's lines as an editor numbers them (a final newline starts no new line). */
export function programLines(program: string): string[] {
  const lines = program.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function collectStatementLines(module: A.Module): Set<number> {
  const out = new Set<number>();
  const visit = (body: readonly A.Stmt[]): void => {
    for (const s of body) {
      out.add(s.line);
      switch (s.kind) {
        case 'FunctionDef':
        case 'ClassDef':
          visit(s.body);
          break;
        case 'For':
        case 'While':
        case 'If':
          visit(s.body);
          visit(s.orelse);
          break;
        case 'Try':
          visit(s.body);
          for (const h of s.handlers) visit(h.body);
          visit(s.orelse);
          visit(s.finalbody);
          break;
        default:
          break;
      }
    }
  };
  visit(module.body);
  return out;
}
