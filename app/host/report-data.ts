// The report of one of this host's sessions, replayed from its event log.
import { replay } from '@/lib/live';
import { buildReport, type SessionReport } from '@/lib/live-store/report';
import { findSession, loadLog, type StoredSession } from '@/lib/live-store/store';
import { serverContext } from '@/lib/server-context';
import { currentTeacherId } from './host-auth';

export async function reportFor(id: string): Promise<{ session: StoredSession; report: SessionReport } | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const { prisma } = serverContext();
  const session = await findSession(prisma, id);
  if (!session || session.teacherId !== (await currentTeacherId())) return null;
  return { session, report: buildReport(replay(await loadLog(prisma, id))) };
}
