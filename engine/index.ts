// The engine's public API: run a Python program under a version profile and get back what
// CPython would print, the outcome, and (optionally) a trace of every executed line.

import './types/numbers';
import './types/strings';
import './types/sequences';
import './types/mappings';
import './typeobject';
import './builtins';
import './generator';
import './wiring';
import { parse } from './parser';
import { PySyntaxError, UnsupportedError } from './errors';
import { compileModule } from './compile';
import { runModuleCode } from './ceval';
import { initRun, finalizeRun, setStartState } from './pylifecycle';
import { setProfile, profile, PYTHON_VERSIONS, type PythonVersion } from './profile';
import { internIdentifiersImmortal } from './identifiers';
import { rt, DEFAULT_LIMITS, LimitExceeded, writeStderr, type Limits } from './runtime';
import { PyErr, SystemExit } from './objects/exceptions';
import { decref } from './objects/object';
import { tracebackLastLine, systemExitCode } from './pyerrors';
import { startTrace, finishTrace, noteConstants } from './snapshot';
import { PyCode } from './objects/function';
import { PyTuple } from './objects/tuple';
import type { PyObject } from './objects/object';
import { PyInt } from './objects/int';
import { None } from './objects/singletons';
import { strString } from './abstract';
import type { TraceSink } from './trace';

export type { PythonVersion } from './profile';
export { PYTHON_VERSIONS } from './profile';
export type { Limits } from './runtime';
export type { TraceSink } from './trace';

export interface RunOptions {
  version: PythonVersion;
  limits?: Partial<Limits>;
  trace?: TraceSink;
}

export type RunOutcome =
  | { kind: 'ok' }
  | { kind: 'exception'; type: string; message: string }
  | { kind: 'syntax'; type: 'SyntaxError' | 'IndentationError'; message: string; line: number; col: number }
  | { kind: 'unsupported'; what: string; line: number; col: number }
  | { kind: 'limit'; limit: 'steps' | 'objects' | 'output'; message: string; line: number };

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  outcome: RunOutcome;
}

/** Run `source` as CPython `version` would run it as a script. */
export function runProgram(source: string, options: RunOptions): RunResult {
  if (!PYTHON_VERSIONS.includes(options.version)) throw new Error(`unknown Python version ${String(options.version)}`);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  setProfile(options.version);
  let mod;
  try {
    mod = parse(source);
  } catch (e) {
    return frontEndError(e);
  }
  const setup = initRun(limits);
  if (profile().parserIdentifiersImmortal) internIdentifiersImmortal(source);
  let compiled;
  try {
    compiled = compileModule(mod);
  } catch (e) {
    return frontEndError(e);
  }
  setStartState(compiled.shape);
  const sink = options.trace ?? null;
  startTrace(sink);
  if (sink !== null) noteConstants(constantsOf(compiled.code));
  let outcome: RunOutcome = { kind: 'ok' };
  let exitCode = 0;
  try {
    try {
      const r = runModuleCode(compiled.code, setup.mainGlobals);
      decref(r);
    } catch (e) {
      if (e instanceof PyErr) {
        const exc = e.exc;
        if (exc.ob_type.isSubtypeOf(SystemExit)) {
          // handle_system_exit: None ends with 0, an int is the exit status, anything else is printed.
          const code = systemExitCode(exc);
          if (code === None) exitCode = 0;
          else if (code instanceof PyInt) exitCode = Number(BigInt.asUintN(8, BigInt(code.value)));
          else {
            const message = strString(code);
            writeStderr(message + '\n');
            outcome = { kind: 'exception', type: 'SystemExit', message };
            exitCode = 1;
          }
          decref(code);
          decref(exc);
        } else {
          const line = tracebackLastLine(exc);
          const colon = line.indexOf(': ');
          outcome = { kind: 'exception', type: colon < 0 ? line : line.slice(0, colon), message: colon < 0 ? '' : line.slice(colon + 2) };
          writeStderr(line + '\n');
          exitCode = 1;
          decref(exc);
        }
      } else throw e;
    }
    finalizeRun(compiled.arena);
  } catch (e) {
    if (e instanceof UnsupportedError) {
      // Found only at run time (a result the subset cannot represent): refused, not answered.
      outcome = { kind: 'unsupported', what: e.what, line: e.line, col: e.col };
      rt.stderr = [`${e.line}:${e.col}: unsupported: ${e.what}\n`];
      exitCode = 2;
    } else if (e instanceof LimitExceeded) {
      outcome = { kind: 'limit', limit: e.limit, message: e.message, line: e.line };
      rt.stderr = [e.message + '\n'];
      exitCode = 3;
    } else {
      throw e;
    }
  } finally {
    finishTrace();
  }
  return { stdout: rt.stdout.join(''), stderr: rt.stderr.join(''), exitCode, outcome };
}

/** Every constant of a module and its nested code objects (including tuple items). */
function constantsOf(code: PyCode): PyObject[] {
  const out: PyObject[] = [];
  const walk = (o: PyObject): void => {
    out.push(o);
    if (o instanceof PyCode) o.consts.forEach(walk);
    else if (o instanceof PyTuple) o.items.forEach(walk);
  };
  code.consts.forEach(walk);
  return out;
}

function frontEndError(e: unknown): RunResult {
  if (e instanceof UnsupportedError) {
    return {
      stdout: '',
      stderr: `${e.line}:${e.col}: unsupported: ${e.what}\n`,
      exitCode: 2,
      outcome: { kind: 'unsupported', what: e.what, line: e.line, col: e.col },
    };
  }
  if (e instanceof PySyntaxError) {
    return {
      stdout: '',
      stderr: `${e.pyType}: ${e.msg}\n`,
      exitCode: 1,
      outcome: { kind: 'syntax', type: e.pyType, message: e.msg, line: e.line, col: e.col },
    };
  }
  throw e;
}
