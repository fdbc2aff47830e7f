// POST /teacher/levels/<id>/delete — remove one of your levels (and its class assignments).
import { accountRoute } from '@/lib/auth/next';
import { deleteTeacherLevel } from '@/lib/teacher-levels/store';
import { backTo } from '../../redirect';

export const dynamic = 'force-dynamic';

export const POST = accountRoute<{ id: string }>('teacher level deletion', async ({ request, prisma, viewer }, { id }) => {
  await deleteTeacherLevel(prisma, viewer, id);
  return backTo(request, '/teacher/levels');
});
