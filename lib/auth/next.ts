// Accounts inside Next.js: the database the server process opened, the signed-in viewer of a
// page, and one wrapper every account route handler goes through (same-origin check for
// writes, viewer lookup, refusals turned into JSON). Pages and route handlers run in the
// process server.ts started; the database is the one it published (lib/server-context.ts).
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import type { PrismaClient } from '../db/client';
import { serverContext } from '../server-context';
import { checkSameOrigin, errorResponse, PLAYER_COOKIE, SESSION_COOKIE } from './http';
import { sessionAccount, type SignedIn } from './sessions';

export function database(): PrismaClient {
  return serverContext().prisma;
}

/** The signed-in account of the page being rendered, or null. */
export async function currentViewer(): Promise<SignedIn | null> {
  return sessionAccount(database(), (await cookies()).get(SESSION_COOKIE)?.value);
}

export async function currentPlayerCookie(): Promise<string | null> {
  return (await cookies()).get(PLAYER_COOKIE)?.value ?? null;
}

export interface RouteContext {
  readonly request: NextRequest;
  readonly prisma: PrismaClient;
  readonly viewer: SignedIn | null;
  readonly sessionToken: string | null;
  readonly playerCookie: string | null;
}

/** Wraps a route handler: every request is checked and every refusal answered the same way. */
export function accountRoute<P = unknown>(what: string, handler: (ctx: RouteContext, params: P) => Promise<Response>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') checkSameOrigin(request);
      const prisma = database();
      const sessionToken = request.cookies.get(SESSION_COOKIE)?.value ?? null;
      const viewer = await sessionAccount(prisma, sessionToken);
      const playerCookie = request.cookies.get(PLAYER_COOKIE)?.value ?? null;
      return await handler({ request, prisma, viewer, sessionToken, playerCookie }, await context.params);
    } catch (error) {
      return errorResponse(error, what);
    }
  };
}
