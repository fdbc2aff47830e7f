// GET /live/scene?code=123456&q=0[&after=1]: the heap scene of a session's question, as trace
// steps (lib/realtime/live-scene.ts).
import { serverContext } from '@/lib/server-context';
import { liveScene } from '@/lib/realtime/live-scene';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const { status, body } = await liveScene(serverContext().live, new URL(request.url).searchParams);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
