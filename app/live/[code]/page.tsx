// /live/<code>: a student's screen for one session.
import { StudentScreen } from './StudentScreen';

export const dynamic = 'force-dynamic';

export default async function Live({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <StudentScreen code={code} />;
}
