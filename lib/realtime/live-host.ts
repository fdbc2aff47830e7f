// Host and participant secrets, shared by the socket layer and the pages (no Socket.io here).
import { createHash } from 'node:crypto';

/** The HTTP-only cookie that identifies a host until teacher accounts exist. */
export const HOST_COOKIE_NAME = 'hq_host';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The teacher id a host token stands for (what sessions are stored under). */
export const teacherIdOf = (hostToken: string) => `host-${hashToken(hostToken).slice(0, 40)}`;
