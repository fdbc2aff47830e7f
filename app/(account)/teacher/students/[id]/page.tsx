// /teacher/students/<id>: one student's progress, for a teacher who has them in a class.
// Anyone else — another teacher, a student, a stranger — gets 404.
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AuthError } from '@/lib/auth/errors';
import { currentViewer, database } from '@/lib/auth/next';
import { serverCurriculum } from '@/lib/classes/curriculum';
import { studentProfileForTeacher } from '@/lib/classes/reports';
import styles from '../../../account.module.css';
import { ProfileView } from '../../../ProfileView';
import { ResetStudentPassword } from './ResetStudentPassword';

export const dynamic = 'force-dynamic';

export default async function StudentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  const curriculum = await serverCurriculum();
  let found: Awaited<ReturnType<typeof studentProfileForTeacher>>;
  try {
    found = await studentProfileForTeacher(database(), viewer, id, curriculum);
  } catch (error) {
    if (error instanceof AuthError) notFound();
    throw error;
  }
  return (
    <main>
      <header className="top">
        <h1>{found.student.displayName}</h1>
        <nav>
          <Link href="/teacher">Your classes</Link>
        </nav>
      </header>
      <ResetStudentPassword studentId={id} name={found.student.displayName} />
      {found.profile ? <ProfileView profile={found.profile} curriculum={curriculum} own={false} /> : <p className={styles.muted}>Nothing played yet.</p>}
    </main>
  );
}
