// POST /teacher/levels/<id>/assign (form: classId, assign=1|0) — give the level to one of your
// classes, or take it back; then back to the level's page.
import { accountRoute } from '@/lib/auth/next';
import { assignTeacherLevel, unassignTeacherLevel } from '@/lib/teacher-levels/store';
import { backTo } from '../../redirect';

export const dynamic = 'force-dynamic';

export const POST = accountRoute<{ id: string }>('teacher level assignment', async ({ request, prisma, viewer }, { id }) => {
  const form = await request.formData();
  const classId = String(form.get('classId') ?? '');
  if (form.get('assign') === '0') await unassignTeacherLevel(prisma, viewer, id, classId);
  else await assignTeacherLevel(prisma, viewer, id, classId);
  return backTo(request, `/teacher/levels/${id}`);
});
