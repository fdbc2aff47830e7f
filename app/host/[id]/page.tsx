// /host/<id>: the host's screen. Only the browser holding the host cookie the session was
// created with may open it; a reload re-attaches to the running session.
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { findSession } from '@/lib/live-store/store';
import { serverContext } from '@/lib/server-context';
import styles from '../../live/live.module.css';
import { currentTeacherId } from '../host-auth';
import { HostScreen } from './HostScreen';

export const dynamic = 'force-dynamic';

export default async function HostSession({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { prisma } = serverContext();
  const session = /^[0-9a-f-]{36}$/.test(id) ? await findSession(prisma, id) : null;
  const teacherId = await currentTeacherId();
  if (!session || session.teacherId !== teacherId) {
    return (
      <main className={styles.narrow}>
        <h1>Not your session</h1>
        <p>This session does not exist, or it was created in another browser. Open it from the browser you created it in, or create a new one.</p>
        <a href="/host">Host a session</a>
      </main>
    );
  }
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  const joinUrl = `${proto}://${host}/join?code=${session.code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return <HostScreen sessionId={session.id} title={session.title} code={session.code} joinUrl={joinUrl} qrSvg={qrSvg} />;
}
