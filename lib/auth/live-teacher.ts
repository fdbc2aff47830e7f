// Teacher accounts as live-session hosts. A session is stored under a `teacherId` string; for
// a signed-in teacher that is teacherIdOfAccount(account id), so their sessions follow them to
// any browser and show up in their class dashboards. (Without an account a host is still known
// by the hq_host cookie, as lib/realtime/live-host.ts describes.) The socket side of the check
// is isAccountHost in live-sockets.ts, beside the other socket code.
import { teacherIdOfAccount } from './accounts';
import type { SignedIn } from './sessions';

export { teacherIdOfAccount };

/** The live teacherId of a signed-in teacher, or null for anyone else. */
export function liveTeacherIdOf(viewer: SignedIn | null): string | null {
  return viewer?.role === 'teacher' ? teacherIdOfAccount(viewer.accountId) : null;
}
