// Solo play of a teacher's level on a real (embedded) database: the students of a class it is
// assigned to play it like any level, answers checked against the engine's keys on the server;
// anyone else gets the answer a missing level gets; an edit by the teacher ends old plays.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { freshDatabase, type TestDatabase } from '../../tests/db/target';
import { signUp } from '../auth/accounts';
import type { SignedIn } from '../auth/sessions';
import { createClass, joinClass } from '../classes/classes';
import { openDatabase, type Database, type PrismaClient } from '../db/client';
import { levelCatalog } from '../levels/catalog';
import { runLevel } from '../levels/run';
import { draftSchema } from '../teacher-levels/draft';
import { assignTeacherLevel, createTeacherLevel, liveLevelId, updateTeacherLevel } from '../teacher-levels/store';
import { actOnLevel, openLevel, type SoloDeps } from './solo';

let target: TestDatabase;
let db: Database;
let prisma: PrismaClient;

beforeAll(async () => {
  target = await freshDatabase();
  db = await openDatabase(target.config);
  prisma = db.prisma;
}, 120_000);

afterAll(async () => {
  await db?.close();
  await target?.drop();
});

const unique = () => randomUUID().slice(0, 8);
const PASSWORD = 'correct horse battery';
const signUpAs = (role: 'teacher' | 'student') =>
  signUp(prisma, { role, login: role === 'teacher' ? `t-${unique()}@school.example` : `s-${unique()}`, password: PASSWORD, displayName: role });
const deps = (viewer: SignedIn | null): SoloDeps => ({ prisma, catalog: levelCatalog(), viewer, now: () => new Date() });
const draft = (program: string) =>
  draftSchema.parse({
    title: 'Two names',
    version: '3.12',
    program,
    checkpoints: [{ line: 4, kind: 'number', probe: { read: 'refcount', of: 'a' }, hint: 'Count the names.' }],
  });
const noPython = () => null;

describe('a teacher level assigned to a class', () => {
  it('is played by the class, scored against the engine key, and closed to everyone else', async () => {
    const author = await signUpAs('teacher');
    const made = await createTeacherLevel(prisma, author, draft('import sys\na = [1, 2]\nb = a\nprint(sys.getrefcount(a))\n'), noPython);
    const klass = await createClass(prisma, author, 'Year 10');
    await assignTeacherLevel(prisma, author, made.id, klass.id);
    const ada = (await signUpAs('student')) as SignedIn & { playerId: string };
    await joinClass(prisma, ada, klass.code);
    const outsider = (await signUpAs('student')) as SignedIn & { playerId: string };
    const otherTeacher = await signUpAs('teacher');

    const playId = liveLevelId(made);
    const key = runLevel({ ...made.level, id: playId }, runProgram).key.checkpoints[0]!.answer;
    if (key.kind !== 'number') throw new Error(`expected a number key, got ${key.kind}`);

    const opened = await openLevel(deps(ada), ada.playerId, playId);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.level.title).toBe('Two names');
    expect(JSON.stringify(opened.play)).not.toContain('"answer"');
    expect(opened.next).toBeNull();

    const wrong = await actOnLevel(deps(ada), ada.playerId, opened.play.playId, { type: 'answer', checkpoint: 0, response: { kind: 'number', value: key.value + 1 } });
    expect(wrong).toMatchObject({ ok: true, outcome: { kind: 'answer', correct: false } });
    const right = await actOnLevel(deps(ada), ada.playerId, opened.play.playId, { type: 'answer', checkpoint: 0, response: { kind: 'number', value: key.value } });
    expect(right).toMatchObject({ ok: true, outcome: { kind: 'answer', correct: true } });
    const progress = await prisma.levelProgress.findUnique({ where: { playerId_levelId: { playerId: ada.playerId, levelId: playId } } });
    expect(progress).toMatchObject({ completions: 1, passed: true });
    // One class's level stays off the leaderboards, which rank everyone on the same levels.
    expect(await prisma.levelBest.count({ where: { playerId: ada.playerId } })).toBe(0);
    expect(await prisma.playerTotal.count({ where: { playerId: ada.playerId } })).toBe(0);

    // Outside the class, or not signed in: the same answer as for a level that does not exist.
    for (const viewer of [outsider, otherTeacher, null]) {
      expect(await openLevel(deps(viewer), outsider.playerId, playId)).toMatchObject({ ok: false, status: 404 });
    }
    expect(await openLevel(deps(ada), ada.playerId, `tl-${randomUUID()}-r1`)).toMatchObject({ ok: false, status: 404 });

    // The teacher edits the level: a play of the old revision is closed, the new one opens.
    const again = await openLevel(deps(ada), ada.playerId, playId);
    if (!again.ok) throw new Error(again.message);
    const edited = await updateTeacherLevel(prisma, author, made.id, draft('import sys\na = [1, 2]\nb = c = a\nprint(sys.getrefcount(a))\n'), noPython);
    expect(edited.revision).toBe(2);
    expect(await actOnLevel(deps(ada), ada.playerId, again.play.playId, { type: 'hint', checkpoint: 0 })).toMatchObject({ ok: false, status: 409 });
    expect(await openLevel(deps(ada), ada.playerId, playId)).toMatchObject({ ok: false, status: 409 });
    expect(await openLevel(deps(ada), ada.playerId, liveLevelId(edited))).toMatchObject({ ok: true });
  }, 60_000);
});
