// Who may see what. Every route, server action and socket event that reads or changes class
// or student data goes through one of these; they throw AuthError, which routes turn into
// 401/403/404. A class or student that is not yours answers exactly like one that does not
// exist (404), so ids cannot be probed.
import type { PrismaClient } from '../db/client';
import { AuthError } from './errors';
import type { SignedIn } from './sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids from a URL or a form are checked for shape before any query uses them. */
export const isUuid = (s: string) => UUID.test(s);

export function requireSignedIn(viewer: SignedIn | null): SignedIn {
  if (!viewer) throw new AuthError('signed_out', 'Sign in first.');
  return viewer;
}

export function requireTeacher(viewer: SignedIn | null): SignedIn {
  const v = requireSignedIn(viewer);
  if (v.role !== 'teacher') throw new AuthError('forbidden', 'Only a teacher account can do that.');
  return v;
}

export function requireStudent(viewer: SignedIn | null): SignedIn & { playerId: string } {
  const v = requireSignedIn(viewer);
  if (v.role !== 'student' || !v.playerId) throw new AuthError('forbidden', 'Only a student account can do that.');
  return v as SignedIn & { playerId: string };
}

const NO_CLASS = 'There is no such class among yours.';

export interface OwnedClass {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly teacherId: string;
  readonly createdAt: Date;
}

const classFields = { id: true, name: true, code: true, teacherId: true, createdAt: true } as const;

/** The class, if `viewer` is the teacher who owns it. */
export async function requireTeacherOf(prisma: PrismaClient, viewer: SignedIn | null, classId: string): Promise<OwnedClass> {
  const teacher = requireTeacher(viewer);
  if (!UUID.test(classId)) throw new AuthError('not_found', NO_CLASS);
  const found = await prisma.classroom.findFirst({ where: { id: classId, teacherId: teacher.accountId }, select: classFields });
  if (!found) throw new AuthError('not_found', NO_CLASS);
  return found;
}

/** The class, if `viewer` is its teacher or one of its students. */
export async function requireMemberOrTeacherOf(prisma: PrismaClient, viewer: SignedIn | null, classId: string): Promise<OwnedClass> {
  const v = requireSignedIn(viewer);
  if (!UUID.test(classId)) throw new AuthError('not_found', NO_CLASS);
  const found = await prisma.classroom.findFirst({
    where: { id: classId, OR: [{ teacherId: v.accountId }, { members: { some: { studentId: v.accountId } } }] },
    select: classFields,
  });
  if (!found) throw new AuthError('not_found', NO_CLASS);
  return found;
}

/**
 * A student's account as their teacher may see it: only when the student is in one of the
 * teacher's classes (optionally a given one).
 */
export async function requireTeacherOfStudent(
  prisma: PrismaClient,
  viewer: SignedIn | null,
  studentId: string,
): Promise<{ id: string; displayName: string; playerId: string | null }> {
  const teacher = requireTeacher(viewer);
  const none = new AuthError('not_found', 'There is no such student in your classes.');
  if (!UUID.test(studentId)) throw none;
  const student = await prisma.account.findFirst({
    where: { id: studentId, role: 'student', memberships: { some: { class: { teacherId: teacher.accountId } } } },
    select: { id: true, displayName: true, playerId: true },
  });
  if (!student) throw none;
  return student;
}
