// GET /host/<id>/report.csv: the per-student results as a spreadsheet file.
import { reportCsv } from '@/lib/live-store/csv';
import { reportFor } from '../../report-data';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const found = await reportFor(id);
  if (!found) return new Response('No such session for this host.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const name = found.session.title.replace(/[^A-Za-z0-9 _-]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'session';
  // A byte-order mark so spreadsheet programs read the nicknames as UTF-8.
  return new Response('\uFEFF' + reportCsv(found.report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-report.csv"`,
      'cache-control': 'no-store',
    },
  });
}
