// The signed-in teacher for the level pages, or a redirect to sign in.
import { redirect } from 'next/navigation';
import { currentViewer } from '@/lib/auth/next';
import type { SignedIn } from '@/lib/auth/sessions';

export async function requireTeacherPage(): Promise<SignedIn> {
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  if (viewer.role !== 'teacher') redirect('/me');
  return viewer;
}
