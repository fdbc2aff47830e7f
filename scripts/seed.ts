// `npm run db:seed`: a demo teacher, a class and five students with some progress, on the
// database npm start uses (DATABASE_URL, else the embedded one in HEAPQUEST_DATA_DIR or
// ./data). Idempotent: running it again finds what it made and changes nothing. Stop the
// server first when using the embedded database (it allows one process at a time).
//
// Sign in as teacher@heapquest.example (or a student, e.g. ada) with the password printed
// at the end: HEAPQUEST_SEED_PASSWORD, or a fixed demo password. Demo data only.
import { hashPassword } from '../lib/auth/password';
import { teacherIdOfAccount } from '../lib/auth/accounts';
import { databaseConfigFromEnv, openDatabase, type PrismaClient } from '../lib/db/client';
import { recordPlay } from '../lib/leaderboard/record';
import { loadLevelFiles, LEVELS_ROOT } from '../lib/levels/load-fs';
import { recordFinishedPlay } from '../lib/progress/store';
import { StartupError } from '../lib/startup-error';

const PASSWORD = process.env.HEAPQUEST_SEED_PASSWORD || 'heapquest-demo';
const TEACHER = { login: 'teacher@heapquest.example', displayName: 'Ms Demo' };
const CLASS = { name: 'Demo class 9B', code: 'HEAPQ2' };
/** How far each student has got: share of the curriculum played, and how well. */
const STUDENTS = [
  { login: 'ada', displayName: 'Ada', reach: 0.9, skill: 0.9, optIn: true },
  { login: 'grace', displayName: 'Grace', reach: 0.7, skill: 0.8, optIn: true },
  { login: 'linus', displayName: 'Linus', reach: 0.5, skill: 0.55, optIn: false },
  { login: 'barbara', displayName: 'Barbara', reach: 0.35, skill: 0.7, optIn: true },
  { login: 'alan', displayName: 'Alan', reach: 0.2, skill: 0.35, optIn: false },
] as const;

/** A small seeded generator (mulberry32), so every run makes the same demo. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function account(prisma: PrismaClient, role: 'teacher' | 'student', login: string, displayName: string, optIn = false) {
  const found = await prisma.account.findUnique({ where: { login }, select: { id: true, playerId: true } });
  if (found) return { ...found, created: false };
  const playerId = role === 'student' ? (await prisma.player.create({ data: { nickname: displayName }, select: { id: true } })).id : null;
  const made = await prisma.account.create({
    data: { role, login, displayName, passwordHash: await hashPassword(PASSWORD), playerId, leaderboardOptIn: optIn },
    select: { id: true, playerId: true },
  });
  return { ...made, created: true };
}

async function seedProgress(prisma: PrismaClient, playerId: string, student: (typeof STUDENTS)[number], index: number, levels: ReturnType<typeof loadLevelFiles>) {
  // Progress is only written for a player that has none, so a second run adds nothing.
  if ((await prisma.levelProgress.count({ where: { playerId } })) > 0) return 0;
  const random = prng(index + 1);
  const played = levels.slice(0, Math.max(1, Math.round(levels.length * student.reach)));
  const today = new Date();
  today.setUTCHours(12, 0, 0, 0);
  let n = 0;
  for (const [i, { level }] of played.entries()) {
    // Spread the plays over the last days, most recent last, so streaks and "this week" show.
    const at = new Date(today.getTime() - Math.max(0, played.length - 1 - i) * 0.4 * 86_400_000);
    const checkpoints = level.checkpoints.length;
    const firstTries = Array.from({ length: checkpoints }, () => random() < student.skill - level.difficulty * 0.05);
    const right = firstTries.filter(Boolean).length;
    const stars = right === checkpoints ? 3 : right >= Math.ceil(checkpoints / 2) ? 2 : random() < 0.6 ? 1 : 0;
    const score = right * 100 + (checkpoints - right) * (stars > 0 ? 40 : 0);
    const timeMs = Math.round((20 + random() * 60) * 1000 * checkpoints);
    const attempts = stars === 0 ? 2 : 1;
    await recordFinishedPlay(prisma, { playerId, levelId: level.id, score, stars, passed: stars > 0, hints: stars < 2 ? 1 : 0, timeMs, at });
    await prisma.levelProgress.update({ where: { playerId_levelId: { playerId, levelId: level.id } }, data: { attempts, timeSpentMs: timeMs * attempts, hintsUsed: stars < 2 ? 1 : 0 } });
    await prisma.checkpointProgress.createMany({
      data: firstTries.map((ok, checkpoint) => ({ playerId, levelId: level.id, checkpoint, firstTryCorrect: ok, answers: ok ? 1 : 2, correct: ok || stars > 0 ? 1 : 0 })),
      skipDuplicates: true,
    });
    if (stars > 0) await recordPlay(prisma, { playerId, levelId: level.id, score, elapsedMs: timeMs, at });
    n++;
  }
  return n;
}

async function main(): Promise<void> {
  const database = await openDatabase(databaseConfigFromEnv());
  try {
    const { prisma } = database;
    const levels = loadLevelFiles(LEVELS_ROOT).sort((a, b) => a.level.difficulty - b.level.difficulty || a.fileName.localeCompare(b.fileName));
    const teacher = await account(prisma, 'teacher', TEACHER.login, TEACHER.displayName);
    let klass = await prisma.classroom.findUnique({ where: { code: CLASS.code }, select: { id: true, teacherId: true } });
    if (klass && klass.teacherId !== teacher.id) throw new Error(`class code ${CLASS.code} belongs to another teacher in this database; not touching it`);
    klass ??= await prisma.classroom.create({ data: { teacherId: teacher.id, name: CLASS.name, code: CLASS.code }, select: { id: true, teacherId: true } });
    let made = teacher.created ? 1 : 0;
    let plays = 0;
    for (const [i, s] of STUDENTS.entries()) {
      const student = await account(prisma, 'student', s.login, s.displayName, s.optIn);
      made += student.created ? 1 : 0;
      await prisma.classMember.upsert({
        where: { classId_studentId: { classId: klass.id, studentId: student.id } },
        create: { classId: klass.id, studentId: student.id },
        update: {},
      });
      if (student.playerId) plays += await seedProgress(prisma, student.playerId, s, i, levels);
    }
    console.log(`heapquest seed: ${database.description}: ${made} account(s) and ${plays} level result(s) added (nothing when already seeded)`);
    console.log(`heapquest seed: teacher ${TEACHER.login}, class "${CLASS.name}" (code ${CLASS.code}), students ${STUDENTS.map((s) => s.login).join(', ')}`);
    console.log(`heapquest seed: password for every demo account: ${PASSWORD}  (live sessions of the teacher are stored as ${teacherIdOfAccount(teacher.id)})`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupError ? error.message : `heapquest seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
