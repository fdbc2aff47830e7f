// Reading progress for the profile page and the class dashboard. Access is checked here, on
// the way in: a student reads only their own player, a teacher only their own class.
import type { PrismaClient } from '../db/client';
import { teacherIdOfAccount } from '../auth/accounts';
import { requireTeacherOf, requireTeacherOfStudent } from '../auth/permissions';
import type { SignedIn } from '../auth/sessions';
import { replay } from '../live';
import { buildReport } from '../live-store/report';
import { loadLog } from '../live-store/store';
import type { Curriculum } from '../levels/curriculum';
import { studentsOfClass, type ClassStudent } from './classes';
import { hardestLevels, streak, topicMastery, type FirstTries, type LevelDifficulty, type LevelRow, type Streak, type TopicMastery } from './progress';

export interface PlayerProgress {
  readonly levels: LevelRow[];
  readonly firstTries: FirstTries[];
  readonly days: string[];
}

/** Level rows, first tries and play days of a set of players, by player. */
export async function progressOf(prisma: PrismaClient, playerIds: readonly string[]): Promise<Map<string, PlayerProgress>> {
  const out = new Map<string, PlayerProgress>(playerIds.map((id) => [id, { levels: [], firstTries: [], days: [] }]));
  if (playerIds.length === 0) return out;
  const ids = [...playerIds];
  const [levels, tries, days] = await Promise.all([
    prisma.levelProgress.findMany({
      where: { playerId: { in: ids } },
      select: { playerId: true, levelId: true, attempts: true, completions: true, bestScore: true, stars: true, passed: true, hintsUsed: true, timeSpentMs: true, lastPlayedAt: true },
    }),
    prisma.$queryRawUnsafe<{ playerId: string; levelId: string; answered: bigint; right: bigint }[]>(
      `SELECT player_id::text AS "playerId", level_id AS "levelId",
              count(*) FILTER (WHERE first_try_correct IS NOT NULL) AS answered,
              count(*) FILTER (WHERE first_try_correct) AS right
         FROM checkpoint_progress WHERE player_id = ANY($1::uuid[]) GROUP BY player_id, level_id`,
      ids,
    ),
    prisma.playDay.findMany({ where: { playerId: { in: ids } }, select: { playerId: true, day: true } }),
  ]);
  for (const { playerId, ...r } of levels) out.get(playerId)!.levels.push({ ...r, timeSpentMs: Number(r.timeSpentMs) });
  for (const t of tries) out.get(t.playerId)!.firstTries.push({ levelId: t.levelId, answered: Number(t.answered), firstTryRight: Number(t.right) });
  for (const d of days) out.get(d.playerId)!.days.push(d.day.toISOString().slice(0, 10));
  return out;
}

export interface LiveSessionResult {
  readonly sessionId: string;
  readonly title: string;
  readonly at: Date;
  readonly nickname: string;
  readonly rank: number | null;
  readonly score: number;
  readonly correct: number;
  readonly questions: number;
  readonly players: number;
}

/**
 * The live sessions each player took part in, newest first, with how they did (replayed from
 * the session's log, as the host's report is). `teacherId` limits it to one host's sessions.
 */
export async function liveHistoryOf(prisma: PrismaClient, playerIds: readonly string[], options: { teacherId?: string; sessions?: number } = {}): Promise<Map<string, LiveSessionResult[]>> {
  const out = new Map<string, LiveSessionResult[]>(playerIds.map((id) => [id, []]));
  if (playerIds.length === 0) return out;
  const attended = await prisma.liveAttendance.findMany({ where: { playerId: { in: [...playerIds] } }, select: { sessionId: true, participantId: true, playerId: true } });
  const sessionIds = [...new Set(attended.map((a) => a.sessionId))];
  const sessions = await prisma.liveSession.findMany({
    where: { id: { in: sessionIds }, ...(options.teacherId ? { teacherId: options.teacherId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: options.sessions ?? 20,
    select: { id: true, title: true, createdAt: true },
  });
  for (const session of sessions) {
    const report = buildReport(replay(await loadLog(prisma, session.id)));
    const students = new Map(report.students.map((s) => [s.participantId, s]));
    const revealed = report.questions.filter((q) => q.status === 'revealed').length;
    for (const a of attended.filter((x) => x.sessionId === session.id)) {
      const s = students.get(a.participantId);
      if (!s) continue;
      out.get(a.playerId)!.push({
        sessionId: session.id,
        title: session.title,
        at: session.createdAt,
        nickname: s.nickname,
        rank: s.rank,
        score: s.score,
        correct: s.correct,
        questions: revealed,
        players: report.students.length,
      });
    }
  }
  return out;
}

export interface Profile {
  readonly levels: LevelRow[];
  readonly firstTries: FirstTries[];
  readonly topics: TopicMastery[];
  readonly streak: Streak;
  readonly live: LiveSessionResult[];
  readonly firstTryRate: number | null;
}

/** A player's own profile (the caller has established that the viewer is this player). */
export async function profileOf(prisma: PrismaClient, playerId: string, curriculum: Curriculum, now = new Date(), teacherId?: string): Promise<Profile> {
  const p = (await progressOf(prisma, [playerId])).get(playerId)!;
  const answered = p.firstTries.reduce((s, f) => s + f.answered, 0);
  const right = p.firstTries.reduce((s, f) => s + f.firstTryRight, 0);
  return {
    levels: p.levels,
    firstTries: p.firstTries,
    topics: topicMastery(curriculum, p.levels),
    streak: streak(p.days, now.toISOString().slice(0, 10)),
    live: (await liveHistoryOf(prisma, [playerId], { teacherId })).get(playerId)!,
    firstTryRate: answered === 0 ? null : right / answered,
  };
}

/** A student of the viewing teacher's classes, as the teacher may see them. */
export async function studentProfileForTeacher(prisma: PrismaClient, viewer: SignedIn | null, studentId: string, curriculum: Curriculum, now = new Date()) {
  const student = await requireTeacherOfStudent(prisma, viewer, studentId);
  const profile = student.playerId ? await profileOf(prisma, student.playerId, curriculum, now, teacherIdOfAccount(viewer!.accountId)) : null;
  return { student, profile };
}

export interface DashboardStudent extends ClassStudent {
  readonly topics: TopicMastery[];
  readonly levelsPassed: number;
  readonly stars: number;
  readonly streak: Streak;
  readonly lastPlayedAt: Date | null;
  readonly live: LiveSessionResult[];
}

export interface ClassDashboard {
  readonly class: { id: string; name: string; code: string };
  readonly students: DashboardStudent[];
  readonly hardest: LevelDifficulty[];
}

export async function classDashboard(prisma: PrismaClient, viewer: SignedIn | null, classId: string, curriculum: Curriculum, now = new Date()): Promise<ClassDashboard> {
  const owned = await requireTeacherOf(prisma, viewer, classId);
  const students = await studentsOfClass(prisma, owned.id);
  const playerIds = students.flatMap((s) => (s.playerId ? [s.playerId] : []));
  const progress = await progressOf(prisma, playerIds);
  // Only this teacher's own live sessions: another teacher's class results are theirs to show.
  const live = await liveHistoryOf(prisma, playerIds, { teacherId: teacherIdOfAccount(owned.teacherId) });
  const today = now.toISOString().slice(0, 10);
  const empty: PlayerProgress = { levels: [], firstTries: [], days: [] };
  return {
    class: { id: owned.id, name: owned.name, code: owned.code },
    students: students.map((s) => {
      const p = (s.playerId && progress.get(s.playerId)) || empty;
      const last = p.levels.reduce<Date | null>((m, r) => (m === null || r.lastPlayedAt > m ? r.lastPlayedAt : m), null);
      return {
        ...s,
        topics: topicMastery(curriculum, p.levels),
        levelsPassed: p.levels.filter((r) => r.passed).length,
        stars: p.levels.reduce((sum, r) => sum + r.stars, 0),
        streak: streak(p.days, today),
        lastPlayedAt: last,
        live: (s.playerId && live.get(s.playerId)) || [],
      };
    }),
    hardest: hardestLevels(
      [...progress.values()].flatMap((p) => p.levels),
      [...progress.values()].flatMap((p) => p.firstTries),
    ),
  };
}
