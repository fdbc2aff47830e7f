// /live/<code>/screen: the class screen for a projector — the session's public view, with no
// controls and nothing a student's answer could be read from before the reveal.
import { ClassScreen } from './ClassScreen';

export const dynamic = 'force-dynamic';

export default async function Screen({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return <ClassScreen code={code} />;
}
