// Classes: a teacher creates them, students join with the class code. Every function takes
// the signed-in viewer and checks it through lib/auth/permissions.
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../db/client';
import { AuthError, isUniqueViolation } from '../auth/errors';
import { isUuid, requireStudent, requireTeacher, requireTeacherOf, type OwnedClass } from '../auth/permissions';
import type { SignedIn } from '../auth/sessions';
import { z } from 'zod';

/** No 0/O, 1/I/L: a code is read off a board and typed by a child. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export const classNameSchema = z
  .string({ message: 'Type a class name.' })
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/gu, ' '))
  .pipe(z.string().min(1, 'Type a class name.').max(80, 'A class name has at most 80 characters.').refine((s) => !/\p{Cc}/u.test(s), 'A class name cannot contain control characters.'));

export const classCodeSchema = z
  .string({ message: 'Type the class code.' })
  .transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), `A class code is ${CODE_LENGTH} letters and digits, as your teacher wrote it.`));

export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export interface ClassSummary extends OwnedClass {
  readonly students: number;
}

export async function createClass(prisma: PrismaClient, viewer: SignedIn | null, name: string): Promise<OwnedClass> {
  const teacher = requireTeacher(viewer);
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.classroom.create({
        data: { teacherId: teacher.accountId, name, code: newClassCode() },
        select: { id: true, name: true, code: true, teacherId: true, createdAt: true },
      });
    } catch (error) {
      // 31^6 codes: a collision is rare, a second one in a row rarer still.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function classesOfTeacher(prisma: PrismaClient, viewer: SignedIn | null): Promise<ClassSummary[]> {
  const teacher = requireTeacher(viewer);
  const rows = await prisma.classroom.findMany({
    where: { teacherId: teacher.accountId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, name: true, code: true, teacherId: true, createdAt: true, _count: { select: { members: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, students: _count.members }));
}

export interface JoinedClass {
  readonly id: string;
  readonly name: string;
  readonly teacherName: string;
}

/** Joins the class with `code` (again is fine). Unknown codes get one message, whatever the reason. */
export async function joinClass(prisma: PrismaClient, viewer: SignedIn | null, code: string): Promise<JoinedClass> {
  const student = requireStudent(viewer);
  const found = await prisma.classroom.findUnique({ where: { code }, select: { id: true, name: true, teacher: { select: { displayName: true } } } });
  if (!found) throw new AuthError('not_found', 'No class has that code. Check it with your teacher.');
  await prisma.classMember.upsert({
    where: { classId_studentId: { classId: found.id, studentId: student.accountId } },
    create: { classId: found.id, studentId: student.accountId },
    update: {},
  });
  return { id: found.id, name: found.name, teacherName: found.teacher.displayName };
}

export async function classesOfStudent(prisma: PrismaClient, viewer: SignedIn | null): Promise<JoinedClass[]> {
  const student = requireStudent(viewer);
  const rows = await prisma.classMember.findMany({
    where: { studentId: student.accountId },
    orderBy: { joinedAt: 'asc' },
    select: { class: { select: { id: true, name: true, teacher: { select: { displayName: true } } } } },
  });
  return rows.map((r) => ({ id: r.class.id, name: r.class.name, teacherName: r.class.teacher.displayName }));
}

export async function leaveClass(prisma: PrismaClient, viewer: SignedIn | null, classId: string): Promise<void> {
  const student = requireStudent(viewer);
  if (!isUuid(classId)) return;
  await prisma.classMember.deleteMany({ where: { classId, studentId: student.accountId } });
}

/** The teacher removes a student from one of their classes. */
export async function removeStudent(prisma: PrismaClient, viewer: SignedIn | null, classId: string, studentId: string): Promise<void> {
  const owned = await requireTeacherOf(prisma, viewer, classId);
  if (!isUuid(studentId)) throw new AuthError('not_found', 'There is no such student in this class.');
  await prisma.classMember.deleteMany({ where: { classId: owned.id, studentId } });
}

export interface ClassStudent {
  readonly accountId: string;
  readonly displayName: string;
  readonly username: string;
  readonly playerId: string | null;
  readonly joinedAt: Date;
}

export async function studentsOf(prisma: PrismaClient, viewer: SignedIn | null, classId: string): Promise<ClassStudent[]> {
  const owned = await requireTeacherOf(prisma, viewer, classId);
  return studentsOfClass(prisma, owned.id);
}

/** Members of a class whose access was already checked by the caller. */
export async function studentsOfClass(prisma: PrismaClient, classId: string): Promise<ClassStudent[]> {
  const rows = await prisma.classMember.findMany({
    where: { classId },
    orderBy: { joinedAt: 'asc' },
    select: { joinedAt: true, student: { select: { id: true, displayName: true, login: true, playerId: true } } },
  });
  return rows.map((r) => ({ accountId: r.student.id, displayName: r.student.displayName, username: r.student.login, playerId: r.student.playerId, joinedAt: r.joinedAt }));
}
