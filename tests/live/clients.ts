// socket.io-client players and hosts for the integration tests and the benchmark, behaving as
// the pages do: a student rejoins with their token after every reconnection, a host re-attaches.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import type { AnswerValue, LiveQuestion, LogEntry, PublicView, ServerMessage, StudentView, TeacherView } from '../../lib/live';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface Headless {
  readonly url: string;
  readonly output: () => string;
  readonly pid: number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts tests/live/headless.ts as its own process; resolves when it is listening. */
export async function startHeadless(env: Record<string, string>, timeoutMs = 60_000): Promise<Headless> {
  const child: ChildProcess = spawn(tsx, ['tests/live/headless.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`headless server not ready after ${timeoutMs} ms:\n${log}`)), timeoutMs);
    child.stdout!.on('data', () => {
      const m = /heapquest: ready at (http:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`headless server exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => log,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function createSession(url: string, hostToken: string, playlist: readonly LiveQuestion[]): Promise<{ id: string; code: string }> {
  const res = await fetch(`${url}/create`, { method: 'POST', body: JSON.stringify({ hostToken, playlist }) });
  if (!res.ok) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; code: string };
}

export async function storedLog(url: string, sessionId: string): Promise<LogEntry[]> {
  const res = await fetch(`${url}/log/${sessionId}`);
  if (!res.ok) throw new Error(`log failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as LogEntry[];
}

export type Ack = { ok: true; [k: string]: unknown } | { ok: false; error: string; code?: string };

interface ClientOptions {
  readonly cookie?: string;
  /** A loopback address of its own (127.x.y.z), as students on many machines would have. */
  readonly localAddress?: string;
  readonly reconnection?: boolean;
}

abstract class LiveClient<V> {
  readonly socket: Socket;
  view: V | null = null;
  readonly messages: ServerMessage[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(url: string, options: ClientOptions) {
    this.socket = connect(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1_000,
      extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
      ...(options.localAddress ? ({ localAddress: options.localAddress } as object) : {}),
    });
    this.socket.on('live', (m: ServerMessage) => {
      this.messages.push(m);
      if (m.type === 'view') this.take(m.view as V);
      this.onMessage(m);
      this.check();
    });
    this.socket.on('connect', () => void this.onConnect());
  }

  protected onMessage(_m: ServerMessage): void {}
  protected abstract onConnect(): Promise<void>;

  /** Newer views only: with two nodes, a view can overtake an older one. */
  protected take(v: V): void {
    const seq = (v as unknown as { seq: number }).seq;
    if (this.view && (this.view as unknown as { seq: number }).seq > seq) return;
    this.view = v;
  }

  protected check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  until(test: (self: this) => boolean, timeoutMs = 15_000, what = 'condition'): Promise<void> {
    if (test(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        test: () => test(this),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async emit(event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack> {
    return (await this.socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack;
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (e) => reject(e));
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

export class Host extends LiveClient<TeacherView> {
  attached = 0;
  constructor(
    url: string,
    readonly sessionId: string,
    hostToken: string,
    options: Omit<ClientOptions, 'cookie'> = {},
  ) {
    super(url, { ...options, cookie: `hq_host=${hostToken}` });
  }

  protected async onConnect(): Promise<void> {
    const ack = await this.emit('live:host', { sessionId: this.sessionId }).catch(() => null);
    if (ack?.ok) {
      this.take(ack['view'] as TeacherView);
      this.attached++;
      this.check();
    }
  }

  command(name: string, payload: object = {}): Promise<Ack> {
    return this.emit(`live:${name}`, payload);
  }
}

export class Student extends LiveClient<StudentView> {
  participantId: string | null = null;
  token: string | null = null;
  rejoins = 0;

  constructor(
    url: string,
    readonly code: string,
    readonly nickname: string,
    options: ClientOptions = {},
  ) {
    super(url, options);
  }

  protected async onConnect(): Promise<void> {
    if (!this.token) return;
    const ack = await this.emit('live:rejoin', { code: this.code, token: this.token }).catch(() => null);
    if (ack?.ok) this.rejoins++;
    this.check();
  }

  async join(): Promise<Ack> {
    await this.connected();
    const ack = await this.emit('live:join', { code: this.code, nickname: this.nickname });
    if (ack.ok) {
      this.participantId = ack['participantId'] as string;
      this.token = ack['token'] as string;
    }
    return ack;
  }

  answer(answer: AnswerValue, questionId = this.view?.question?.id ?? 'none'): Promise<Ack> {
    return this.emit('live:answer', { questionId, answer });
  }
}

/** A projector: binds to a session by its code alone and sees the public view. */
export class Watcher extends LiveClient<PublicView> {
  watching = 0;
  constructor(
    url: string,
    readonly code: string,
  ) {
    super(url, {});
  }

  protected async onConnect(): Promise<void> {
    const ack = await this.emit('live:watch', { code: this.code }).catch(() => null);
    if (ack?.ok) {
      this.take(ack['view'] as PublicView);
      this.watching++;
      this.check();
    }
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
