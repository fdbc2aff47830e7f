// Live sessions in the database: the session row (join code, host, phase) and the event log.
//
// The log is the store of truth. `appendEvents` writes a batch of entries in one INSERT under
// the (session, seq) primary key: if any seq is already taken, another writer (a second
// server node) moved the session on first, nothing of this batch is stored, and the caller
// reloads the tail and tries again. That key is what makes every answer count exactly once.
import type { PrismaClient } from '../db/client';
import { parseLogEntry, type LiveEvent, type LogEntry, type Phase } from '../live';

export interface StoredSession {
  readonly id: string;
  readonly code: string;
  /** The code while the session runs; null once it has ended (the code no longer works). */
  readonly activeCode: string | null;
  readonly teacherId: string;
  readonly title: string;
  readonly phase: string;
  readonly createdAt: Date;
  readonly endedAt: Date | null;
}

const sessionFields = {
  id: true,
  code: true,
  activeCode: true,
  teacherId: true,
  title: true,
  phase: true,
  createdAt: true,
  endedAt: true,
} as const;

export class CodeTakenError extends Error {
  override name = 'CodeTakenError';
}

/** A unique-key violation, whichever driver adapter reported it. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return e?.code === 'P2002' || e?.cause?.code === '23505' || e?.meta?.driverAdapterError?.cause?.originalCode === '23505';
}

function entryRow(sessionId: string, entry: LogEntry) {
  return { sessionId, seq: entry.seq, at: BigInt(Math.round(entry.now)), type: entry.event.type, event: entry.event as object };
}

/**
 * Stores a new session and its first log entry (the `create` event) together. Throws
 * CodeTakenError when a running session already has this code (the caller picks another).
 * `levels`: the levels its playlist uses that are not files (lib/live-store/playlist.ts), kept
 * as they were when the session was built.
 */
export async function createSession(
  prisma: PrismaClient,
  row: { id: string; code: string; teacherId: string; title: string; levels?: readonly object[] },
  first: LogEntry,
): Promise<void> {
  const { levels, ...fields } = row;
  try {
    await prisma.$transaction([
      prisma.liveSession.create({ data: { ...fields, activeCode: row.code, phase: 'lobby', seq: first.seq, ...(levels?.length ? { levels: [...levels] } : {}) } }),
      prisma.liveEvent.create({ data: entryRow(row.id, first) }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new CodeTakenError(`join code ${row.code} is in use`);
    throw error;
  }
}

export interface PhaseChange {
  readonly phase: Phase;
  readonly seq: number;
  readonly at: number;
}

/**
 * Appends entries (consecutive seqs) in one statement; with a phase change, the session row
 * follows in the same transaction, and an ended session's code is released. Returns false
 * when a seq was taken by another writer: nothing was stored.
 */
export async function appendEvents(
  prisma: PrismaClient,
  sessionId: string,
  entries: readonly LogEntry[],
  phase?: PhaseChange,
): Promise<boolean> {
  if (entries.length === 0) return true;
  const insert = prisma.liveEvent.createMany({ data: entries.map((e) => entryRow(sessionId, e)) });
  try {
    if (phase) {
      const ended = phase.phase === 'ended';
      await prisma.$transaction([
        insert,
        prisma.liveSession.update({
          where: { id: sessionId },
          data: { phase: phase.phase, seq: phase.seq, ...(ended ? { activeCode: null, endedAt: new Date(phase.at) } : {}) },
        }),
      ]);
    } else {
      await insert;
    }
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export class CorruptLogError extends Error {
  override name = 'CorruptLogError';
}

/** The entries after `afterSeq`, in order, each checked against the event schema. */
export async function loadLog(prisma: PrismaClient, sessionId: string, afterSeq = 0): Promise<LogEntry[]> {
  const rows = await prisma.liveEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    select: { seq: true, at: true, event: true },
  });
  return rows.map((r) => {
    const parsed = parseLogEntry({ seq: r.seq, now: Number(r.at), event: r.event as unknown as LiveEvent });
    if (!parsed.ok) throw new CorruptLogError(`session ${sessionId}: ${parsed.error}`);
    return parsed.value;
  });
}

export function findSession(prisma: PrismaClient, id: string): Promise<StoredSession | null> {
  return prisma.liveSession.findUnique({ where: { id }, select: sessionFields });
}

/** The non-file levels a session was built from, as stored (unchecked JSON); [] if none. */
export async function sessionLevels(prisma: PrismaClient, id: string): Promise<unknown[]> {
  const row = await prisma.liveSession.findUnique({ where: { id }, select: { levels: true } });
  return Array.isArray(row?.levels) ? row.levels : [];
}

/** The running session a join code opens, if any (an ended session's code opens nothing). */
export function findSessionByCode(prisma: PrismaClient, code: string): Promise<StoredSession | null> {
  return prisma.liveSession.findUnique({ where: { activeCode: code }, select: sessionFields });
}

/** Sessions that have not ended: their timers are re-armed when a server starts. */
export function runningSessions(prisma: PrismaClient): Promise<StoredSession[]> {
  return prisma.liveSession.findMany({ where: { endedAt: null }, select: sessionFields, orderBy: { createdAt: 'asc' } });
}

export function sessionsOf(prisma: PrismaClient, teacherId: string, take = 50): Promise<StoredSession[]> {
  return prisma.liveSession.findMany({ where: { teacherId }, select: sessionFields, orderBy: { createdAt: 'desc' }, take });
}
