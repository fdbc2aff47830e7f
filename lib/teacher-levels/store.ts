// Teacher levels in the database, private to their author: the students of a class it is
// assigned to may play it (playableTeacherLevel), never read or change it. Every function takes
// the signed-in viewer and checks it (lib/auth/permissions); a level that is not yours answers
// exactly like one that does not exist (404), so ids cannot be probed. A save is checked in full
// (check.ts) before anything is written, so a refused save loses nothing already saved.

import type { PrismaClient } from '../db/client';
import { AuthError } from '../auth/errors';
import { requireSignedIn, requireStudent, requireTeacher, requireTeacherOf } from '../auth/permissions';
import type { SignedIn } from '../auth/sessions';
import { levelSchema, type Level } from '../levels/schema';
import { checkDraft, findPython, type PythonFinder } from './check';
import type { Draft } from './draft';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NOT_FOUND = 'There is no such level among yours.';

export interface TeacherLevelRecord {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly checkedWith: string | null;
  readonly revision: number;
  readonly updatedAt: Date;
  /** Classes (of the author) it is assigned to. */
  readonly classIds: readonly string[];
}

const fields = { id: true, title: true, level: true, checkedWith: true, revision: true, updatedAt: true, assignments: { select: { classId: true } } } as const;

function toRecord(row: { id: string; title: string; level: unknown; checkedWith: string | null; revision: number; updatedAt: Date; assignments: { classId: string }[] }): TeacherLevelRecord {
  // Stored levels were valid when written; parsing again keeps a hand-edited row from reaching the engine unchecked.
  const level = levelSchema.parse(row.level);
  return { id: row.id, title: row.title, level, checkedWith: row.checkedWith, revision: row.revision, updatedAt: row.updatedAt, classIds: row.assignments.map((a) => a.classId) };
}

/**
 * The id a level goes by when it is played, live or solo: it names the revision, so a session
 * keeps the questions it started with and a solo play is never scored against an edited level.
 */
export function liveLevelId(record: { id: string; revision: number }): string {
  return `tl-${record.id}-r${record.revision}`;
}

/** liveLevelId read back; null for any other id (a repository level's). */
export function parseLiveLevelId(levelId: string): { id: string; revision: number } | null {
  const m = /^tl-([0-9a-f-]{36})-r(\d{1,9})$/.exec(levelId);
  return m && UUID.test(m[1]!) ? { id: m[1]!, revision: Number(m[2]) } : null;
}

export async function createTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, draft: Draft, find: PythonFinder = findPython): Promise<TeacherLevelRecord> {
  const teacher = requireTeacher(viewer);
  const checked = await checkDraft(draft, find);
  const row = await prisma.teacherLevel.create({
    data: { authorId: teacher.accountId, title: checked.level.title, level: checked.level as object, checkedWith: checked.checkedWith },
    select: fields,
  });
  return toRecord(row);
}

async function ownRow(prisma: PrismaClient, viewer: SignedIn | null, id: string) {
  const teacher = requireTeacher(viewer);
  if (!UUID.test(id)) throw new AuthError('not_found', NOT_FOUND);
  const row = await prisma.teacherLevel.findFirst({ where: { id, authorId: teacher.accountId }, select: fields });
  if (!row) throw new AuthError('not_found', NOT_FOUND);
  return { teacher, row };
}

export async function getTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string): Promise<TeacherLevelRecord> {
  return toRecord((await ownRow(prisma, viewer, id)).row);
}

export async function listTeacherLevels(prisma: PrismaClient, viewer: SignedIn | null): Promise<TeacherLevelRecord[]> {
  const teacher = requireTeacher(viewer);
  const rows = await prisma.teacherLevel.findMany({ where: { authorId: teacher.accountId }, orderBy: { updatedAt: 'desc' }, select: fields });
  return rows.map(toRecord);
}

/** Replaces a level with a new draft, once the draft passes every check; the revision grows. */
export async function updateTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string, draft: Draft, find: PythonFinder = findPython): Promise<TeacherLevelRecord> {
  const { teacher } = await ownRow(prisma, viewer, id);
  const checked = await checkDraft(draft, find);
  const { count } = await prisma.teacherLevel.updateMany({
    where: { id, authorId: teacher.accountId },
    data: { title: checked.level.title, level: checked.level as object, checkedWith: checked.checkedWith, revision: { increment: 1 } },
  });
  if (count === 0) throw new AuthError('not_found', NOT_FOUND);
  return getTeacherLevel(prisma, viewer, id);
}

export async function deleteTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string): Promise<void> {
  const { teacher } = await ownRow(prisma, viewer, id);
  await prisma.teacherLevel.deleteMany({ where: { id, authorId: teacher.accountId } });
}

/** Gives the level to one of the author's classes (again is fine). */
export async function assignTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string, classId: string): Promise<void> {
  await ownRow(prisma, viewer, id);
  const owned = await requireTeacherOf(prisma, viewer, classId);
  await prisma.teacherLevelAssignment.upsert({
    where: { levelId_classId: { levelId: id, classId: owned.id } },
    create: { levelId: id, classId: owned.id },
    update: {},
  });
}

export async function unassignTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string, classId: string): Promise<void> {
  await ownRow(prisma, viewer, id);
  const owned = await requireTeacherOf(prisma, viewer, classId);
  await prisma.teacherLevelAssignment.deleteMany({ where: { levelId: id, classId: owned.id } });
}

/**
 * A level as someone may play it: its author, or a student of a class it is assigned to.
 * Anyone else gets the answer a missing level gets. The player never receives the level
 * itself: solo play (lib/progress/solo.ts) shows only what view.ts lets through.
 */
export async function playableTeacherLevel(prisma: PrismaClient, viewer: SignedIn | null, id: string): Promise<TeacherLevelRecord> {
  const v = requireSignedIn(viewer);
  if (!UUID.test(id)) throw new AuthError('not_found', NOT_FOUND);
  const row = await prisma.teacherLevel.findFirst({
    where: { id, OR: [{ authorId: v.accountId }, { assignments: { some: { class: { members: { some: { studentId: v.accountId } } } } } }] },
    select: fields,
  });
  if (!row) throw new AuthError('not_found', NOT_FOUND);
  return toRecord(row);
}

/**
 * What a student learns of the levels assigned to their classes: that they exist, by title and
 * class. The level itself (program, probes, keys) stays with its author; playing it goes
 * through the server, which derives keys and shows only what a player may see.
 */
export async function assignmentsForStudent(
  prisma: PrismaClient,
  viewer: SignedIn | null,
): Promise<{ levelId: string; playLevelId: string; title: string; className: string }[]> {
  const student = requireStudent(viewer);
  const rows = await prisma.teacherLevelAssignment.findMany({
    where: { class: { members: { some: { studentId: student.accountId } } } },
    orderBy: { assignedAt: 'asc' },
    select: { level: { select: { id: true, title: true, revision: true } }, class: { select: { name: true } } },
  });
  return rows.map((r) => ({ levelId: r.level.id, playLevelId: liveLevelId(r.level), title: r.level.title, className: r.class.name }));
}
