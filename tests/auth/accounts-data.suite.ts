// The accounts data layer on a real database: embedded PGlite under `npm test`
// (tests/auth/accounts-data.test.ts) and a fresh PostgreSQL schema under `npm run
// test:services` (tests/services/accounts-data.test.ts). One database per file, opened once;
// every test makes its own accounts and levels, so tests never see each other's rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type PrismaClient } from '../../lib/db/client';
import { attachDevicePlayer, authenticate, changePassword, deleteAccount, setLeaderboardOptIn, signUp } from '../../lib/auth/accounts';
import { AuthError } from '../../lib/auth/errors';
import { requireMemberOrTeacherOf, requireTeacherOf, requireTeacherOfStudent } from '../../lib/auth/permissions';
import { issueStudentReset, requestPasswordReset, resetPassword, type Mailer } from '../../lib/auth/reset';
import { endAllSessions, endSession, sessionAccount, startSession, SESSION_TTL_MS, type SignedIn } from '../../lib/auth/sessions';
import { hashToken } from '../../lib/auth/tokens';
import { classesOfStudent, classesOfTeacher, createClass, joinClass, removeStudent, studentsOf } from '../../lib/classes/classes';
import { readBoard, type BoardPage } from '../../lib/leaderboard/boards';
import { recordPlay } from '../../lib/leaderboard/record';
import { recordFinishedPlay } from '../../lib/progress/store';
import { freshDatabase, testDatabaseKind, type TestDatabase } from '../db/target';

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

const PASSWORD = 'correct horse battery';
const unique = () => randomUUID().slice(0, 8);

async function teacher(name = 'Ms Rivera'): Promise<SignedIn> {
  return signUp(prisma, { role: 'teacher', login: `t-${unique()}@school.example`, password: PASSWORD, displayName: name });
}

async function student(name = 'Ada', devicePlayerId?: string | null): Promise<SignedIn & { playerId: string }> {
  const s = await signUp(prisma, { role: 'student', login: `s-${unique()}`, password: PASSWORD, displayName: name }, devicePlayerId);
  return s as SignedIn & { playerId: string };
}

async function anonymousPlayer(): Promise<string> {
  return (await prisma.player.create({ data: {}, select: { id: true } })).id;
}

async function refusal(p: Promise<unknown>): Promise<AuthError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected a refusal').toBeInstanceOf(AuthError);
  return error as AuthError;
}

const level = () => `lvl-${unique()}`;
const monday = new Date('2026-11-23T10:00:00Z');

describe(`accounts on ${testDatabaseKind}`, () => {
  it('signs a teacher up once per email, and stores an argon2id hash, never the password', async () => {
    const login = `dup-${unique()}@school.example`;
    const t = await signUp(prisma, { role: 'teacher', login, password: PASSWORD, displayName: 'Mr Ito' });
    expect(t).toMatchObject({ role: 'teacher', login, playerId: null });
    const stored = await prisma.account.findUniqueOrThrow({ where: { id: t.accountId } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    const again = await refusal(signUp(prisma, { role: 'teacher', login, password: PASSWORD, displayName: 'Mr Ito' }));
    expect(again.code).toBe('login_taken');
  });

  it('refuses a wrong password and an unknown login with the same message', async () => {
    const t = await teacher();
    expect((await authenticate(prisma, t.login, PASSWORD)).accountId).toBe(t.accountId);
    const wrong = await refusal(authenticate(prisma, t.login, 'not the password'));
    const unknown = await refusal(authenticate(prisma, `nobody-${unique()}@school.example`, PASSWORD));
    expect(wrong.code).toBe('bad_credentials');
    expect(unknown.code).toBe('bad_credentials');
    expect(unknown.message).toBe(wrong.message);
  });

  it('stores sessions by the hash of their token, expires them, and signs out everywhere', async () => {
    const t = await teacher();
    const now = new Date();
    const laptop = await startSession(prisma, t.accountId, now);
    const phone = await startSession(prisma, t.accountId, now);
    expect(await prisma.authSession.findUnique({ where: { id: laptop.token } })).toBeNull();
    expect(await prisma.authSession.findUnique({ where: { id: hashToken(laptop.token) } })).not.toBeNull();
    expect((await sessionAccount(prisma, laptop.token, now))?.accountId).toBe(t.accountId);
    expect(await sessionAccount(prisma, laptop.token, new Date(now.getTime() + SESSION_TTL_MS + 1))).toBeNull();
    expect(await sessionAccount(prisma, 'x'.repeat(43), now)).toBeNull();
    expect(await sessionAccount(prisma, "'; DROP TABLE accounts; --", now)).toBeNull();

    await endSession(prisma, laptop.token);
    expect(await sessionAccount(prisma, laptop.token, now)).toBeNull();
    expect(await sessionAccount(prisma, phone.token, now)).not.toBeNull();
    await startSession(prisma, t.accountId, now);
    expect(await endAllSessions(prisma, t.accountId)).toBe(2);
    expect(await sessionAccount(prisma, phone.token, now)).toBeNull();
  });

  it('resets a password with a one-time, expiring token, and ends every session', async () => {
    const t = await teacher();
    const session = await startSession(prisma, t.accountId);
    const sent: string[] = [];
    const mailer: Mailer = { sendPasswordReset: async (_to, link) => void sent.push(link) };
    const linkFor = (token: string) => `http://localhost/reset?token=${token}`;

    await requestPasswordReset(prisma, `nobody-${unique()}@school.example`, linkFor, mailer);
    expect(sent).toHaveLength(0);
    await requestPasswordReset(prisma, t.login, linkFor, mailer);
    await requestPasswordReset(prisma, t.login, linkFor, mailer);
    expect(sent).toHaveLength(2);
    const [older, newer] = sent.map((link) => new URL(link).searchParams.get('token')!);
    expect((await refusal(resetPassword(prisma, older!, 'a brand new password'))).code).toBe('reset_invalid');

    // Two uses of one token at once: exactly one wins.
    const results = await Promise.allSettled([resetPassword(prisma, newer!, 'a brand new password'), resetPassword(prisma, newer!, 'another new password')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 'fulfilled') === 0 ? 'a brand new password' : 'another new password';
    await authenticate(prisma, t.login, winner);
    expect((await refusal(authenticate(prisma, t.login, PASSWORD))).code).toBe('bad_credentials');
    expect(await sessionAccount(prisma, session.token)).toBeNull();

    await requestPasswordReset(prisma, t.login, linkFor, mailer);
    const late = new URL(sent.at(-1)!).searchParams.get('token')!;
    expect((await refusal(resetPassword(prisma, late, 'too late password', new Date(Date.now() + 31 * 60_000)))).code).toBe('reset_invalid');
  });

  it("gives a student's teacher, and no one else, a one-time reset link for that student", async () => {
    const t = await teacher();
    const klass = await createClass(prisma, t, 'Year 8');
    const s = await signUp(prisma, { role: 'student', login: `s-${unique()}`, password: PASSWORD, displayName: 'Grace' });
    const linkFor = (token: string) => `http://localhost/reset?token=${token}`;
    const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
    // Not in any of the teacher's classes yet: the same answer as for a student who does not exist.
    expect((await refusal(issueStudentReset(prisma, t, s.accountId, linkFor))).code).toBe('not_found');
    await joinClass(prisma, s, klass.code);
    const session = await startSession(prisma, s.accountId);

    expect((await refusal(issueStudentReset(prisma, await teacher('Mr Other'), s.accountId, linkFor))).code).toBe('not_found');
    expect((await refusal(issueStudentReset(prisma, s, s.accountId, linkFor))).code).toBe('forbidden');
    expect((await refusal(issueStudentReset(prisma, null, s.accountId, linkFor))).code).toBe('signed_out');

    const first = await issueStudentReset(prisma, t, s.accountId, linkFor);
    const second = await issueStudentReset(prisma, t, s.accountId, linkFor);
    expect((await refusal(resetPassword(prisma, tokenOf(first.link), 'grace remembers now'))).code).toBe('reset_invalid');
    await resetPassword(prisma, tokenOf(second.link), 'grace remembers now');
    await authenticate(prisma, s.login, 'grace remembers now');
    expect((await refusal(authenticate(prisma, s.login, PASSWORD))).code).toBe('bad_credentials');
    expect(await sessionAccount(prisma, session.token)).toBeNull();
    expect((await refusal(resetPassword(prisma, tokenOf(second.link), 'once more please'))).code).toBe('reset_invalid');
  });

  it('signs out everywhere when the password changes', async () => {
    const t = await teacher();
    const s = await startSession(prisma, t.accountId);
    expect((await refusal(changePassword(prisma, t.accountId, 'wrong current', 'new password 123'))).code).toBe('bad_credentials');
    await changePassword(prisma, t.accountId, PASSWORD, 'new password 123');
    expect(await sessionAccount(prisma, s.token)).toBeNull();
    await authenticate(prisma, t.login, 'new password 123');
  });
});

describe(`students and their progress on ${testDatabaseKind}`, () => {
  it('keeps the anonymous player when a student signs up, so nothing has to move', async () => {
    const device = await anonymousPlayer();
    const lvl = level();
    await recordPlay(prisma, { playerId: device, levelId: lvl, score: 240, elapsedMs: 30_000, at: monday });
    const s = await student('Grace', device);
    expect(s.playerId).toBe(device);
    expect(await prisma.levelBest.findUnique({ where: { levelId_playerId: { levelId: lvl, playerId: device } } })).toMatchObject({ score: 240 });

    // A player that already belongs to an account is never handed to another one.
    const other = await student('Linus', device);
    expect(other.playerId).not.toBe(device);
  });

  it('merges a second device into the account at sign-in, keeping the best per level', async () => {
    const s = await student('Barbara');
    const [a, b, c] = [level(), level(), level()];
    await recordPlay(prisma, { playerId: s.playerId, levelId: a, score: 300, elapsedMs: 50_000, at: monday });
    await recordPlay(prisma, { playerId: s.playerId, levelId: b, score: 100, elapsedMs: 10_000, at: monday });

    const device = await anonymousPlayer();
    await recordPlay(prisma, { playerId: device, levelId: a, score: 200, elapsedMs: 5_000, at: monday }); // worse
    await recordPlay(prisma, { playerId: device, levelId: b, score: 100, elapsedMs: 8_000, at: monday }); // same score, faster
    await recordPlay(prisma, { playerId: device, levelId: c, score: 120, elapsedMs: 9_000, at: new Date('2026-11-25T09:00:00Z') }); // new

    // The progress tables (lib/progress) merge in the same transaction.
    const finished = (playerId: string, levelId: string, score: number, stars: number) =>
      recordFinishedPlay(prisma, { playerId, levelId, score, stars, passed: stars > 0, hints: 0, timeMs: 10_000, at: monday });
    await finished(s.playerId, a, 300, 3);
    await finished(device, a, 200, 2);
    await finished(device, c, 120, 1);

    const signedIn = await attachDevicePlayer(prisma, await authenticate(prisma, s.login, PASSWORD), device);
    expect(signedIn.playerId).toBe(s.playerId);
    expect(await prisma.player.findUnique({ where: { id: device } })).toBeNull();
    const bests = await prisma.levelBest.findMany({ where: { playerId: s.playerId }, orderBy: { score: 'desc' } });
    expect(bests.map((r) => [r.levelId, r.score, r.elapsedMs])).toEqual([
      [a, 300, 50_000],
      [c, 120, 9_000],
      [b, 100, 8_000],
    ]);
    expect(await prisma.playerTotal.findUnique({ where: { playerId: s.playerId } })).toMatchObject({ score: 520, levels: 3, elapsedMs: 67_000n });
    expect((await prisma.playDay.findMany({ where: { playerId: s.playerId } })).map((d) => d.day.toISOString().slice(0, 10)).sort()).toEqual(['2026-11-23', '2026-11-25']);
    const progress = await prisma.levelProgress.findMany({ where: { playerId: s.playerId }, orderBy: { levelId: 'asc' } });
    expect(progress.map((p) => [p.levelId, p.completions, p.bestScore, p.stars]).sort()).toEqual(
      [
        [a, 2, 300, 3],
        [c, 1, 120, 1],
      ].sort(),
    );
    expect(await prisma.levelProgress.count({ where: { playerId: device } })).toBe(0);
  });

  it('keeps the best of 100 parallel score submissions for one student and loses none of them', async () => {
    const s = await student('Parallel');
    const lvl = level();
    const scores = Array.from({ length: 100 }, (_, i) => ({ score: (i * 37) % 101, elapsedMs: 1_000 + i }));
    const other = level();
    await Promise.all([
      ...scores.map((p) => recordPlay(prisma, { playerId: s.playerId, levelId: lvl, ...p, at: monday })),
      recordPlay(prisma, { playerId: s.playerId, levelId: other, score: 7, elapsedMs: 700, at: monday }),
    ]);
    const best = Math.max(...scores.map((p) => p.score));
    const fastestOfBest = Math.min(...scores.filter((p) => p.score === best).map((p) => p.elapsedMs));
    expect(await prisma.levelBest.findUnique({ where: { levelId_playerId: { levelId: lvl, playerId: s.playerId } } })).toMatchObject({ score: best, elapsedMs: fastestOfBest });
    expect(await prisma.playerTotal.findUnique({ where: { playerId: s.playerId } })).toMatchObject({ score: best + 7, levels: 2 });
    expect(await prisma.weeklyTotal.findFirst({ where: { playerId: s.playerId } })).toMatchObject({ score: best + 7, levels: 2 });
  });

  it('deletes a student account with its player, scores, memberships and sessions', async () => {
    const t = await teacher();
    const klass = await createClass(prisma, t, '7B');
    const s = await student('Leaving');
    await joinClass(prisma, s, klass.code);
    await startSession(prisma, s.accountId);
    const lvl = level();
    await recordFinishedPlay(prisma, { playerId: s.playerId, levelId: lvl, score: 50, stars: 1, passed: true, hints: 0, timeMs: 1_000, at: monday });
    await recordPlay(prisma, { playerId: s.playerId, levelId: lvl, score: 50, elapsedMs: 1_000, at: monday });
    await deleteAccount(prisma, s.accountId);
    expect(await prisma.account.findUnique({ where: { id: s.accountId } })).toBeNull();
    expect(await prisma.player.findUnique({ where: { id: s.playerId } })).toBeNull();
    for (const count of [
      prisma.levelBest.count({ where: { playerId: s.playerId } }),
      prisma.weeklyLevelBest.count({ where: { playerId: s.playerId } }),
      prisma.playerTotal.count({ where: { playerId: s.playerId } }),
      prisma.playDay.count({ where: { playerId: s.playerId } }),
      prisma.levelProgress.count({ where: { playerId: s.playerId } }),
      prisma.classMember.count({ where: { studentId: s.accountId } }),
      prisma.authSession.count({ where: { accountId: s.accountId } }),
    ]) {
      expect(await count).toBe(0);
    }
    expect(await studentsOf(prisma, t, klass.id)).toEqual([]);
  });
});

describe(`classes and who may see them on ${testDatabaseKind}`, () => {
  it('lets students join with the code and shows them to their teacher only', async () => {
    const t = await teacher('Ms Owner');
    const other = await teacher('Mr Other');
    const klass = await createClass(prisma, t, 'Year 9 Computing');
    expect(klass.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const s = await student('Joiner');
    expect(await joinClass(prisma, s, klass.code)).toMatchObject({ id: klass.id, teacherName: 'Ms Owner' });
    await joinClass(prisma, s, klass.code); // again: no error, no second row
    expect((await studentsOf(prisma, t, klass.id)).map((x) => x.accountId)).toEqual([s.accountId]);
    expect((await classesOfTeacher(prisma, t)).map((c) => [c.id, c.students])).toEqual([[klass.id, 1]]);
    expect((await classesOfStudent(prisma, s)).map((c) => c.id)).toEqual([klass.id]);
    expect(await classesOfTeacher(prisma, other)).toEqual([]);
  });

  it('refuses every way of reading someone else\'s class or student (IDOR)', async () => {
    const owner = await teacher('Owner');
    const intruder = await teacher('Intruder');
    const klass = await createClass(prisma, owner, 'Owned');
    const mine = await createClass(prisma, intruder, 'Mine');
    const s = await student('Member');
    const outsider = await student('Outsider');
    await joinClass(prisma, s, klass.code);

    // Another teacher, with the real id of the class and of its student.
    expect((await refusal(requireTeacherOf(prisma, intruder, klass.id))).code).toBe('not_found');
    expect((await refusal(studentsOf(prisma, intruder, klass.id))).code).toBe('not_found');
    expect((await refusal(removeStudent(prisma, intruder, klass.id, s.accountId))).code).toBe('not_found');
    expect((await refusal(requireTeacherOfStudent(prisma, intruder, s.accountId))).code).toBe('not_found');
    // Their own class id does not open the student either.
    expect((await refusal(requireTeacherOfStudent(prisma, intruder, outsider.accountId))).code).toBe('not_found');
    expect((await requireTeacherOf(prisma, intruder, mine.id)).id).toBe(mine.id);
    // A student, even a member, is not the class's teacher.
    expect((await refusal(requireTeacherOf(prisma, s, klass.id))).code).toBe('forbidden');
    expect((await refusal(studentsOf(prisma, s, klass.id))).code).toBe('forbidden');
    expect((await refusal(requireTeacherOfStudent(prisma, s, s.accountId))).code).toBe('forbidden');
    // A student outside the class cannot read it; a member can (its leaderboard).
    expect((await refusal(requireMemberOrTeacherOf(prisma, outsider, klass.id))).code).toBe('not_found');
    expect((await requireMemberOrTeacherOf(prisma, s, klass.id)).id).toBe(klass.id);
    // Nobody signed in, garbage ids, ids of the wrong kind.
    expect((await refusal(requireTeacherOf(prisma, null, klass.id))).code).toBe('signed_out');
    expect((await refusal(requireTeacherOf(prisma, owner, 'not-a-uuid'))).code).toBe('not_found');
    expect((await refusal(requireTeacherOf(prisma, owner, s.accountId))).code).toBe('not_found');
    expect((await refusal(requireTeacherOfStudent(prisma, owner, owner.accountId))).code).toBe('not_found');
    // Teachers cannot join classes as students.
    expect((await refusal(joinClass(prisma, intruder, klass.code))).code).toBe('forbidden');
    expect((await requireTeacherOfStudent(prisma, owner, s.accountId)).id).toBe(s.accountId);
  });
});

describe(`leaderboards on ${testDatabaseKind}`, () => {
  async function listedStudents(n: number): Promise<(SignedIn & { playerId: string })[]> {
    const out = [];
    for (let i = 0; i < n; i++) {
      const s = await student(`Rank ${i}`);
      await setLeaderboardOptIn(prisma, s.accountId, true);
      out.push(s);
    }
    return out;
  }

  async function allPages(read: (cursor: string | null) => Promise<BoardPage>): Promise<BoardPage['rows'][number][]> {
    const rows = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page: BoardPage = await read(cursor);
      rows.push(...page.rows);
      if (!page.next) return rows;
      cursor = page.next;
    }
    throw new Error('no last page');
  }

  it('ranks by score then time, gives equal plays equal ranks, and pages without gaps or repeats', async () => {
    const lvl = level();
    const players = await listedStudents(7);
    const plays = [
      [300, 9_000],
      [300, 9_000],
      [300, 12_000],
      [250, 1_000],
      [250, 1_000],
      [250, 1_000],
      [100, 5_000],
    ] as const;
    await Promise.all(players.map((p, i) => recordPlay(prisma, { playerId: p.playerId, levelId: lvl, score: plays[i]![0], elapsedMs: plays[i]![1], at: monday })));
    const hidden = await student('Not listed');
    await recordPlay(prisma, { playerId: hidden.playerId, levelId: lvl, score: 999, elapsedMs: 1, at: monday });

    const read = (limit: number) => (cursor: string | null) =>
      readBoard(prisma, { board: { kind: 'level', levelId: lvl }, period: 'all', scope: { kind: 'public' }, limit, cursor, now: monday });
    const expected = [1, 1, 3, 4, 4, 4, 7];
    for (const limit of [1, 2, 3, 100]) {
      const rows = await allPages(read(limit));
      expect(rows.map((r) => r.rank), `page size ${limit}`).toEqual(expected);
      expect(new Set(rows.map((r) => r.playerId)).size).toBe(7);
      expect(rows.map((r) => r.score)).toEqual(plays.map((p) => p[0]));
    }
    // The unlisted student sees where they would stand, but is on nobody's page.
    const mine = await readBoard(prisma, { board: { kind: 'level', levelId: lvl }, period: 'all', scope: { kind: 'public' }, limit: 10, me: hidden.playerId, now: monday });
    expect(mine.me).toMatchObject({ rank: 1, score: 999, listed: false });
    expect(mine.rows.some((r) => r.playerId === hidden.playerId)).toBe(false);
  });

  it('keeps weeks apart and ranks a class among itself', async () => {
    const lvl = level();
    const t = await teacher();
    const klass = await createClass(prisma, t, 'Board class');
    const [a, b, c] = [await student('A'), await student('B'), await student('C')];
    for (const s of [a, b]) await joinClass(prisma, s, klass.code);
    await recordPlay(prisma, { playerId: a.playerId, levelId: lvl, score: 500, elapsedMs: 1_000, at: new Date('2026-11-16T12:00:00Z') }); // last week
    await recordPlay(prisma, { playerId: a.playerId, levelId: lvl, score: 100, elapsedMs: 1_000, at: monday });
    await recordPlay(prisma, { playerId: b.playerId, levelId: lvl, score: 200, elapsedMs: 1_000, at: monday });
    await recordPlay(prisma, { playerId: c.playerId, levelId: lvl, score: 900, elapsedMs: 1_000, at: monday }); // not in the class

    const scope = { kind: 'players' as const, playerIds: [a.playerId, b.playerId] };
    const allTime = await readBoard(prisma, { board: { kind: 'level', levelId: lvl }, period: 'all', scope, limit: 10, now: monday });
    expect(allTime.rows.map((r) => [r.displayName, r.rank, r.score])).toEqual([
      ['A', 1, 500],
      ['B', 2, 200],
    ]);
    const week = await readBoard(prisma, { board: { kind: 'level', levelId: lvl }, period: 'week', scope, limit: 10, now: monday, me: a.playerId });
    expect(week.rows.map((r) => [r.displayName, r.rank, r.score])).toEqual([
      ['B', 1, 200],
      ['A', 2, 100],
    ]);
    expect(week.me).toMatchObject({ rank: 2 });
    const overallWeek = await readBoard(prisma, { board: { kind: 'overall' }, period: 'week', scope, limit: 1, now: monday });
    expect(overallWeek.rows).toHaveLength(1);
    expect(overallWeek.next).not.toBeNull();
  });
});

describe(`restart on ${testDatabaseKind}`, () => {
  it('keeps accounts, sessions, classes and boards across a close and reopen', async () => {
    const t = await teacher('Restart');
    const session = await startSession(prisma, t.accountId);
    const klass = await createClass(prisma, t, 'Survives');
    const s = await student('Survivor');
    await joinClass(prisma, s, klass.code);
    const lvl = level();
    await recordPlay(prisma, { playerId: s.playerId, levelId: lvl, score: 77, elapsedMs: 7_000, at: monday });

    await db.close();
    db = await openDatabase(target.config);
    prisma = db.prisma;

    const back = await sessionAccount(prisma, session.token);
    expect(back?.accountId).toBe(t.accountId);
    expect((await studentsOf(prisma, back, klass.id)).map((x) => x.displayName)).toEqual(['Survivor']);
    expect(await prisma.levelBest.findUnique({ where: { levelId_playerId: { levelId: lvl, playerId: s.playerId } } })).toMatchObject({ score: 77, elapsedMs: 7_000 });
    await authenticate(prisma, s.login, PASSWORD);
  });
});
