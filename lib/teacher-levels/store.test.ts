// Teacher levels on a real (embedded) database: only the author reads, changes, deletes or
// assigns a level; other teachers and students get the answer a missing level gets; a refused
// save leaves the saved level as it was; CPython, where the machine has it, checks the output.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type PrismaClient } from '../db/client';
import { signUp } from '../auth/accounts';
import { AuthError } from '../auth/errors';
import type { SignedIn } from '../auth/sessions';
import { createClass, joinClass } from '../classes/classes';
import { discoverPythons } from '../cpython/pythons';
import { freshDatabase, type TestDatabase } from '../../tests/db/target';
import { TeacherLevelError, type PythonFinder } from './check';
import { draftSchema, type Draft, type DraftInput } from './draft';
import {
  assignmentsForStudent,
  assignTeacherLevel,
  createTeacherLevel,
  deleteTeacherLevel,
  getTeacherLevel,
  listTeacherLevels,
  unassignTeacherLevel,
  updateTeacherLevel,
} from './store';

let target: TestDatabase;
let db: Database;
let prisma: PrismaClient;
let scratch: string;

beforeAll(async () => {
  target = await freshDatabase();
  db = await openDatabase(target.config);
  prisma = db.prisma;
  scratch = await mkdtemp(path.join(tmpdir(), 'heapquest-tl-'));
}, 120_000);

afterAll(async () => {
  await db?.close();
  await target?.drop();
  await rm(scratch, { recursive: true, force: true });
});

const unique = () => randomUUID().slice(0, 8);
const PASSWORD = 'correct horse battery';
const teacher = (): Promise<SignedIn> => signUp(prisma, { role: 'teacher', login: `t-${unique()}@school.example`, password: PASSWORD, displayName: 'Ms Rivera' });
const student = (): Promise<SignedIn> => signUp(prisma, { role: 'student', login: `s-${unique()}`, password: PASSWORD, displayName: 'Ada' });

const PROGRAM = 'import sys\na = [1, 2]\nb = a\nprint(sys.getrefcount(a))\ndel b\n';
const draft = (over: Partial<DraftInput> = {}): Draft =>
  draftSchema.parse({
    title: 'Two names',
    version: '3.12',
    program: PROGRAM,
    checkpoints: [{ line: 4, kind: 'number', probe: { read: 'refcount', of: 'a' }, hint: 'Count the names and the argument.' }],
    ...over,
  });
const noPython: PythonFinder = () => null;

async function refusal(p: Promise<unknown>): Promise<Error> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeInstanceOf(Error);
  return error as Error;
}

describe('teacher levels', () => {
  it('the author saves, reads, lists and updates a level; keys come from the engine', async () => {
    const me = await teacher();
    const made = await createTeacherLevel(prisma, me, draft(), noPython);
    expect(made.checkedWith).toBeNull();
    expect(made.revision).toBe(1);
    expect(made.level.checkpoints[0]!.question.prompt).toMatch(/reference count of `a`/);
    expect((await getTeacherLevel(prisma, me, made.id)).level.program).toBe(PROGRAM);
    expect((await listTeacherLevels(prisma, me)).map((l) => l.id)).toEqual([made.id]);
    const changed = await updateTeacherLevel(prisma, me, made.id, draft({ title: 'Two names, renamed' }), noPython);
    expect(changed.title).toBe('Two names, renamed');
    expect(changed.revision).toBe(2);
  });

  it('checks the output with CPython when the machine has it for the level version', async () => {
    const python = discoverPythons().interpreters.find((i) => i.profile === '3.12');
    if (!python) return; // discovery lists what it skipped; CI has every version
    const made = await createTeacherLevel(prisma, await teacher(), draft());
    expect(made.checkedWith).toBe(python.version);
  });

  it('refuses a level whose output differs from CPython, showing where', async () => {
    // A stand-in "CPython" that prints something else: the refusal must quote both outputs.
    const fake = path.join(scratch, 'python-that-disagrees');
    await writeFile(fake, '#!/bin/sh\necho 99\n');
    await chmod(fake, 0o755);
    const disagree: PythonFinder = () => ({ path: fake, version: '3.12.99', profile: '3.12' });
    const me = await teacher();
    const error = await refusal(createTeacherLevel(prisma, me, draft(), disagree));
    expect(error).toBeInstanceOf(TeacherLevelError);
    const diff = (error as TeacherLevelError).difference!;
    expect(diff.line).toBe(1);
    expect(diff.cpythonLine).toBe('99');
    expect(diff.engineLine).toBe('3');
    expect(error.message).toMatch(/CPython 3\.12\.99 prints something else/);
    expect(await listTeacherLevels(prisma, me)).toEqual([]);
  });

  it('refuses a program that does not parse, hits a cap or has no checkpoint, and loses nothing saved', async () => {
    const me = await teacher();
    const saved = await createTeacherLevel(prisma, me, draft(), noPython);
    const cases: [Partial<DraftInput>, RegExp][] = [
      [{ program: 'a = [1, 2\n' }, /does not parse/],
      [{ program: 'x = 0\nwhile True:\n    x += 1\n', checkpoints: [{ line: 1, occurrence: 1, kind: 'yesno', probe: { read: 'alive', of: 'x' }, hint: 'h' }] }, /cap/],
      [{ checkpoints: [] }, /at least one checkpoint/],
      [{ checkpoints: [{ line: 2, occurrence: 1, kind: 'number', probe: { read: 'refcount', of: 'nope' }, hint: 'h' }] }, /checkpoint 1: .*`nope` names no object/],
    ];
    for (const [over, why] of cases) {
      const error = await refusal(updateTeacherLevel(prisma, me, saved.id, draft(over), noPython));
      expect(error).toBeInstanceOf(TeacherLevelError);
      expect(error.message).toMatch(why);
    }
    const after = await getTeacherLevel(prisma, me, saved.id);
    expect(after.revision).toBe(1);
    expect(after.level).toEqual(saved.level);
  });

  it('no other teacher and no student can read, change, delete or assign it', async () => {
    const author = await teacher();
    const other = await teacher();
    const kid = await student();
    const made = await createTeacherLevel(prisma, author, draft(), noPython);
    const attempts = (who: SignedIn | null) => [
      getTeacherLevel(prisma, who, made.id),
      updateTeacherLevel(prisma, who, made.id, draft({ title: 'Mine now' }), noPython),
      deleteTeacherLevel(prisma, who, made.id),
    ];
    for (const p of attempts(other)) expect(((await refusal(p)) as AuthError).code).toBe('not_found');
    for (const p of attempts(kid)) expect(((await refusal(p)) as AuthError).code).toBe('forbidden');
    for (const p of attempts(null)) expect(((await refusal(p)) as AuthError).code).toBe('signed_out');
    expect(await listTeacherLevels(prisma, other)).toEqual([]);
    const theirClass = await createClass(prisma, other, 'Other class');
    expect(((await refusal(assignTeacherLevel(prisma, other, made.id, theirClass.id))) as AuthError).code).toBe('not_found');
    // The author cannot push it into another teacher's class either.
    expect(((await refusal(assignTeacherLevel(prisma, author, made.id, theirClass.id))) as AuthError).code).toBe('not_found');
    const still = await getTeacherLevel(prisma, author, made.id);
    expect(still.title).toBe('Two names');
    expect(still.classIds).toEqual([]);
  });

  it("assigns to the author's classes; their students learn only its title", async () => {
    const author = await teacher();
    const made = await createTeacherLevel(prisma, author, draft(), noPython);
    const klass = await createClass(prisma, author, 'Year 10');
    const inClass = await student();
    const outside = await student();
    await joinClass(prisma, inClass, klass.code);
    await assignTeacherLevel(prisma, author, made.id, klass.id);
    await assignTeacherLevel(prisma, author, made.id, klass.id);
    expect((await getTeacherLevel(prisma, author, made.id)).classIds).toEqual([klass.id]);
    expect(await assignmentsForStudent(prisma, inClass)).toEqual([{ levelId: made.id, playLevelId: `tl-${made.id}-r1`, title: 'Two names', className: 'Year 10' }]);
    expect(await assignmentsForStudent(prisma, outside)).toEqual([]);
    expect(((await refusal(getTeacherLevel(prisma, inClass, made.id))) as AuthError).code).toBe('forbidden');
    await unassignTeacherLevel(prisma, author, made.id, klass.id);
    expect(await assignmentsForStudent(prisma, inClass)).toEqual([]);
    await deleteTeacherLevel(prisma, author, made.id);
    expect(((await refusal(getTeacherLevel(prisma, author, made.id))) as AuthError).code).toBe('not_found');
  });
});
