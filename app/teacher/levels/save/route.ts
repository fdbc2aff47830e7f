// POST /teacher/levels/save — the level editor saves a draft: `{ draft }` makes a new level,
// `{ id, draft }` replaces one of yours. A refused draft answers 422 with every problem (and,
// when CPython disagreed with the engine, where the outputs differ); nothing stored changes.
import { z } from 'zod';
import { json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { TeacherLevelError } from '@/lib/teacher-levels/check';
import { draftSchema } from '@/lib/teacher-levels/draft';
import { createTeacherLevel, updateTeacherLevel } from '@/lib/teacher-levels/store';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ id: z.uuid().optional(), draft: draftSchema });

export const POST = accountRoute('teacher level save', async ({ request, prisma, viewer }) => {
  const parsed = body.safeParse(await readJson(request));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.').replace(/^draft\.?/, '') || 'level'}: ${i.message}`);
    return json({ ok: false, code: 'invalid', error: problems[0], problems }, 422);
  }
  const { id, draft } = parsed.data;
  try {
    const saved = id ? await updateTeacherLevel(prisma, viewer, id, draft) : await createTeacherLevel(prisma, viewer, draft);
    return json({ ok: true, id: saved.id, revision: saved.revision, checkedWith: saved.checkedWith }, id ? 200 : 201);
  } catch (error) {
    if (error instanceof TeacherLevelError) return json({ ok: false, code: 'refused', error: error.problems[0], problems: error.problems, difference: error.difference }, 422);
    throw error;
  }
});
