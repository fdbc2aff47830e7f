// Bad level content must fail with `FILE: FIELD: REASON`, naming exactly what to fix.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LevelError } from '../../lib/levels/errors';
import { validateLevel, validateLevels } from '../../lib/levels/load';
import { loadLevelFiles } from '../../lib/levels/load-fs';

const FILE = 'levels/refcount/02-alias.json';

const PROGRAM = ['import sys', 'a = []', 'b = a', 'print(sys.getrefcount(a))', '', '# done', 'del b', ''].join('\n');

function good(): Record<string, unknown> {
  return {
    id: 'refcount-alias',
    topic: 'refcount',
    title: 'Two names',
    difficulty: 1,
    order: 2,
    intro: 'Two names, one list.',
    program: PROGRAM,
    checkpoints: [
      {
        line: 4,
        question: {
          kind: 'number',
          prompt: 'What does line 4 print?',
          probe: { read: 'printed', about: 'a' },
          hint: 'Count the names.',
          explanation: '{answer}: {holders} and the argument.',
        },
      },
      {
        line: 7,
        question: {
          kind: 'yesno',
          prompt: 'Is the list still alive?',
          probe: { read: 'alive', of: 'b' },
          hint: 'Who else points at it?',
          explanation: 'Alive: {answer}.',
        },
      },
    ],
  };
}

/** The problems validateLevel reports for `data`. */
function problemsOf(data: unknown, file = FILE): readonly string[] {
  try {
    validateLevel(file, data);
  } catch (e) {
    if (e instanceof LevelError) return e.problems;
    throw e;
  }
  throw new Error('expected a LevelError, but the level was accepted');
}

function edit(f: (level: any) => void): Record<string, unknown> {
  const level = good();
  f(level);
  return level;
}

describe('validateLevel', () => {
  it('accepts a good level and fills in defaults', () => {
    const level = validateLevel(FILE, good());
    expect(level.profile).toBe('3.12');
    expect(level.checkpoints[0]!.occurrence).toBe(1);
    expect(level.checkpoints[0]!.question.probe).toEqual({ read: 'printed', index: 0, about: 'a' });
  });

  it('names file, field and reason for a line past the end', () => {
    expect(problemsOf(edit((l) => (l.checkpoints[1].line = 9)))).toEqual([
      `${FILE}: checkpoints[1].line: line 9 is past the end of the program (7 lines)`,
    ]);
  });

  it('refuses checkpoints on blank lines, comments and the middle of a statement', () => {
    expect(problemsOf(edit((l) => (l.checkpoints[1].line = 5)))).toEqual([`${FILE}: checkpoints[1].line: line 5 cannot be a checkpoint: it is blank`]);
    expect(problemsOf(edit((l) => (l.checkpoints[1].line = 6)))).toEqual([`${FILE}: checkpoints[1].line: line 6 cannot be a checkpoint: it is a comment`]);
    const multi = edit((l) => {
      l.program = 'x = [\n    1,\n]\nprint(x)\n';
      l.checkpoints = [{ ...l.checkpoints[0], line: 2 }];
    });
    expect(problemsOf(multi)).toEqual([`${FILE}: checkpoints[0].line: line 2 cannot be a checkpoint: no statement starts there`]);
  });

  it('accepts a checkpoint inside a function body', () => {
    const level = edit((l) => {
      l.program = 'def f(x):\n    return x\nprint(f(1))\n';
      l.checkpoints = [{ ...l.checkpoints[0], line: 2 }];
    });
    expect(validateLevel(FILE, level).checkpoints[0]!.line).toBe(2);
  });

  it('reports a wrong question kind with the kinds allowed', () => {
    const [p] = problemsOf(edit((l) => (l.checkpoints[0].question.kind = 'guess')));
    expect(p).toBe(`${FILE}: checkpoints[0].question.kind: "guess" is not a question kind allowed here; use one of "number", "yesno", "pick", "order", "version"`);
  });

  it('reports a probe that does not fit the kind', () => {
    const [p] = problemsOf(edit((l) => (l.checkpoints[0].question.probe = { read: 'freed' })));
    expect(p).toBe(`${FILE}: checkpoints[0].question.probe.read: "freed" is not a probe allowed here; use one of "printed", "refcount"`);
  });

  it('reports missing fields by name', () => {
    expect(problemsOf(edit((l) => delete l.checkpoints[1].question.hint))).toEqual([
      `${FILE}: checkpoints[1].question.hint: missing (expected string)`,
    ]);
    expect(problemsOf(edit((l) => delete l.title))).toEqual([`${FILE}: title: missing (expected string)`]);
  });

  it('reports several problems at once', () => {
    const problems = problemsOf(
      edit((l) => {
        delete l.intro;
        l.difficulty = 7;
        l.profile = '3.9';
        l.checkpoints[0].question.tip = 'typo';
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        `${FILE}: intro: missing (expected string)`,
        `${FILE}: difficulty: 7 is too big (at most 5)`,
        `${FILE}: profile: "3.9" is not allowed; use one of "3.10", "3.11", "3.12", "3.13"`,
        `${FILE}: checkpoints[0].question: unknown field "tip"`,
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('reports a program CPython would reject, with its position', () => {
    const [p] = problemsOf(edit((l) => (l.program = 'a = [1, 2\nb = a\nprint(b)\ndel b\nx = 1\ny = 2\nz = 3\n')));
    expect(p).toMatch(new RegExp(`^${FILE}: program: does not parse: line \\d+:\\d+: SyntaxError: `));
  });

  it('reports valid Python outside the subset as unsupported', () => {
    const [p] = problemsOf(edit((l) => (l.program = 'with open("f") as f:\n    pass\nb = 1\nprint(b)\nx = 1\ny = 2\nz = 3\n')), FILE);
    expect(p).toMatch(new RegExp(`^${FILE}: program: does not parse: line 1:1: unsupported: `));
  });

  it('names the program file when the program lives beside the level', () => {
    try {
      validateLevel(FILE, edit((l) => (l.program = 'x = (\n')), { programFile: 'levels/refcount/02-alias.py' });
      expect.unreachable();
    } catch (e) {
      expect((e as LevelError).problems[0]).toMatch(/^levels\/refcount\/02-alias\.json: program: does not parse: levels\/refcount\/02-alias\.py:\d+:\d+: /);
    }
  });

  it('checks placeholders: known to the probe, absent from prompt and hint, at least one in the explanation', () => {
    expect(problemsOf(edit((l) => (l.checkpoints[1].question.explanation = 'Alive: {objects}.')))).toEqual([
      `${FILE}: checkpoints[1].question.explanation: unknown placeholder {objects}; a "alive" probe offers {answer}, {line}, {refcount}, {holders}, {repr}, {type}`,
    ]);
    expect(problemsOf(edit((l) => (l.checkpoints[1].question.explanation = 'It is alive.')))).toEqual([
      `${FILE}: checkpoints[1].question.explanation: must cite the run with at least one placeholder: {answer}, {line}, {refcount}, {holders}, {repr}, {type}`,
    ]);
    expect(problemsOf(edit((l) => (l.checkpoints[0].question.hint = 'It is {answer}.')))).toEqual([
      `${FILE}: checkpoints[0].question.hint: cannot use {placeholders}: it is shown before the answer`,
    ]);
  });

  it('offers {holders} on a printed probe only when it says what the value is about', () => {
    expect(problemsOf(edit((l) => delete l.checkpoints[0].question.probe.about))).toEqual([
      `${FILE}: checkpoints[0].question.explanation: unknown placeholder {holders}; a "printed" probe offers {answer}, {line}, {printed}`,
    ]);
  });

  it('refuses two checkpoints on the same run of a line', () => {
    expect(problemsOf(edit((l) => (l.checkpoints[1].line = 4)))).toEqual([`${FILE}: checkpoints[1]: asks about the same run of line 4 as checkpoints[0]`]);
    const secondRun = edit((l) => {
      l.checkpoints[1].line = 4;
      l.checkpoints[1].occurrence = 2;
    });
    expect(validateLevel(FILE, secondRun).checkpoints).toHaveLength(2);
  });

  it('checks object paths and shared probes', () => {
    expect(problemsOf(edit((l) => (l.checkpoints[1].question.probe.of = 'b + 1')))).toEqual([
      `${FILE}: checkpoints[1].question.probe.of: must name an object: a variable, then any of \`.attr\`, \`[0]\` or \`['key']\` (e.g. \`grid[0]\`)`,
    ]);
    const same = edit((l) => {
      l.checkpoints[1].question = { ...l.checkpoints[1].question, kind: 'pick', probe: { read: 'shared', a: 'b', b: 'b' }, explanation: '{objects}' };
    });
    expect(problemsOf(same)).toEqual([`${FILE}: checkpoints[1].question.probe.b: must name a different object than a ("b")`]);
  });

  it('needs at least one checkpoint and a non-empty program', () => {
    expect(problemsOf(edit((l) => (l.checkpoints = [])))).toEqual([`${FILE}: checkpoints: a level needs at least one checkpoint`]);
    expect(problemsOf(edit((l) => (l.program = '\n\n')))).toEqual([`${FILE}: program: is empty`]);
  });

  it('refuses a level that is not an object', () => {
    expect(problemsOf('nope')[0]).toBe(`${FILE}: expected object, got "nope"`);
  });
});

describe('validateLevels', () => {
  it('refuses duplicate ids and duplicate orders within a topic', () => {
    const a = validateLevel('levels/refcount/02-a.json', good());
    const b = validateLevel('levels/refcount/03-b.json', good());
    try {
      validateLevels([
        { fileName: 'levels/refcount/02-a.json', level: a },
        { fileName: 'levels/refcount/03-b.json', level: b },
      ]);
      expect.unreachable();
    } catch (e) {
      expect((e as LevelError).problems).toEqual([
        'levels/refcount/03-b.json: id: "refcount-alias" is already the id of levels/refcount/02-a.json',
        'levels/refcount/03-b.json: order: 2 is already taken in topic "refcount" by levels/refcount/02-a.json',
      ]);
    }
  });
});

describe('loadLevelFiles', () => {
  function folder(files: Record<string, string>): string {
    const root = join(mkdtempSync(join(tmpdir(), 'heapquest-levels-')), 'levels');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  }
  const meta = (f: (l: any) => void = () => {}): string => {
    const l = good();
    delete l.program;
    f(l);
    return JSON.stringify(l);
  };

  it('loads a level from its JSON and the program beside it', () => {
    const root = folder({ 'refcount/02-alias.json': meta(), 'refcount/02-alias.py': PROGRAM });
    const [loaded] = loadLevelFiles(root);
    expect(loaded!.fileName).toBe('levels/refcount/02-alias.json');
    expect(loaded!.programFile).toBe('levels/refcount/02-alias.py');
    expect(loaded!.level.program).toBe(PROGRAM);
  });

  it('reports every broken file at once', () => {
    const root = folder({
      'refcount/02-alias.json': meta(),
      'refcount/02-alias.py': PROGRAM,
      'refcount/03-no-program.json': meta((l) => (l.id = 'other')),
      'refcount/04-inline.json': meta((l) => (l.program = 'x = 1')),
      'refcount/05-orphan.py': 'x = 1\n',
      'refcount/06-broken.json': '{ "id": ',
      'refcount/06-broken.py': PROGRAM,
      'refcount/07-wrong-place.json': meta((l) => {
        l.id = 'wrong-place';
        l.topic = 'gc';
      }),
      'refcount/07-wrong-place.py': PROGRAM,
      'refcount/Notes.txt': 'x',
      'garbage/01-x.json': meta(),
      'stray.json': '{}',
    });
    let problems: readonly string[] = [];
    try {
      loadLevelFiles(root);
    } catch (e) {
      problems = (e as LevelError).problems;
    }
    expect(problems).toEqual([
      'levels/garbage: not a topic; topic folders are objects, refcount, passing, copy, sharing, gc, profiling, structures, pooling, myths, versions',
      'levels/refcount/03-no-program.json: program: 03-no-program.py is missing beside this file',
      'levels/refcount/04-inline.json: program: the program lives in 04-inline.py beside this file; remove this field',
      'levels/refcount/05-orphan.py: has no 05-orphan.json beside it',
      expect.stringMatching(/^levels\/refcount\/06-broken\.json: is not valid JSON: /),
      'levels/refcount/07-wrong-place.json: topic: is "gc" but the file is in the "refcount" folder',
      'levels/refcount/07-wrong-place.json: order: is 2 but the file name starts with 07',
      'levels/refcount/Notes.txt: a level file is named NN-slug.json with its program in NN-slug.py',
      'levels/stray.json: levels live in topic folders; move this file into one',
    ]);
  });
});
