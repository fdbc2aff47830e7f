// Runs live sessions on this server node: feeds events to the pure core (lib/live), stores
// what it accepts, then carries out the rest of its effects.
//
// Order, per event: reduce → append to the event log (the store of truth) → messages and views
// to Socket.io rooms → the deadline timer. Nothing is sent for an event that is not stored.
//
// One writer per event: a session's events are reduced one after another on this node (a
// queue per session), and the log's (session, seq) key decides between nodes. A node appends
// event n+1 only on top of state n; if another node stored n+1 first, the insert fails, this
// node reloads the log tail, replays it and reduces its events again on the newer state.
//
// Group commit: events that arrive while a write is in flight are reduced together and stored
// in one INSERT, so a thousand answers in two seconds cost tens of writes, not a thousand.
//
// Other nodes learn of stored entries through the Socket.io adapter (serverSideEmit over
// Redis) and replay them; they also arm the deadline timer, so a session whose node dies
// still reveals on time (two ticks race, the log keeps one).
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../db/client';
import {
  pendingDeadline,
  publicView,
  reduce,
  replay,
  studentView,
  teacherView,
  type Effect,
  type LiveEvent,
  type LiveQuestion,
  type LogEntry,
  type Recipient,
  type ServerMessage,
  type SessionState,
} from '../live';
import {
  appendEvents,
  CodeTakenError,
  createSession,
  findSessionByCode,
  loadLog,
  runningSessions,
  type PhaseChange,
} from '../live-store/store';
import type { RealtimeServer } from './server';

export const rooms = {
  teacher: (sessionId: string) => `live:${sessionId}:teacher`,
  participant: (sessionId: string, participantId: string) => `live:${sessionId}:p:${participantId}`,
  public: (sessionId: string) => `live:${sessionId}:public`,
};

/** The connection an event came from: where `actor` messages go, and how a join binds it. */
export interface Origin {
  send(message: ServerMessage): void;
  /** Called as the join is carried out, before any view is sent to the participant's room. */
  bindParticipant?(participantId: string): void;
}

export type Outcome =
  | { readonly ok: true; readonly stored: boolean; readonly state: SessionState; readonly joined?: { participantId: string; nickname: string; rejoined: boolean } }
  | { readonly ok: false; readonly code: string; readonly message: string };

interface Pending {
  readonly event: LiveEvent;
  readonly origin: Origin | null;
  readonly resolve: (o: Outcome) => void;
  readonly reject: (e: unknown) => void;
}

interface Held {
  state: SessionState;
  queue: Pending[];
  draining: boolean;
  /** Entries other nodes stored, waiting to be replayed here between batches. */
  remote: LogEntry[];
  timer: NodeJS.Timeout | null;
  timerAt: number | null;
}

const MAX_BATCH = 1_000;
const MAX_RETRIES = 50;
const APPENDED = 'live:appended';
const ENDED_KEPT_MS = 10 * 60_000;
/** Sessions not ended but older than this are not loaded at start (still on first use). */
const RESUME_WITHIN_MS = 24 * 3_600_000;

export { hashToken } from './live-host';
export const newToken = () => randomBytes(24).toString('base64url');
/** 6 random digits from the OS's CSPRNG. */
export const newJoinCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export interface HubOptions {
  readonly prisma: PrismaClient;
  readonly io: RealtimeServer;
  readonly clock?: () => number;
  readonly log?: (level: 'info' | 'warn', message: string) => void;
  /** Tell other nodes of every stored entry (the adapter must support serverSideEmit: Redis). */
  readonly shareWrites?: boolean;
}

export class LiveHub {
  private readonly held = new Map<string, Held>();
  private readonly loading = new Map<string, Promise<Held | null>>();
  private readonly codes = new Map<string, string>();
  private readonly prisma: PrismaClient;
  private readonly io: RealtimeServer;
  private readonly clock: () => number;
  private readonly log: (level: 'info' | 'warn', message: string) => void;
  private readonly shareWrites: boolean;
  private closed = false;
  /** Counters for tests and the benchmark. */
  readonly stats = { batches: 0, appended: 0, conflicts: 0 };

  constructor(options: HubOptions) {
    this.prisma = options.prisma;
    this.io = options.io;
    this.clock = options.clock ?? Date.now;
    this.shareWrites = options.shareWrites ?? false;
    this.log = options.log ?? ((level, message) => (level === 'warn' ? console.warn : console.log)(`heapquest: ${message}`));
    if (this.shareWrites) this.io.on(APPENDED as never, ((sessionId: string, entries: LogEntry[]) => this.onRemote(sessionId, entries)) as never);
  }

  /** Loads every session that has not ended and re-arms its deadline (a past one reveals at once). */
  async resume(): Promise<number> {
    const since = new Date(this.clock() - RESUME_WITHIN_MS);
    const running = (await runningSessions(this.prisma)).filter((s) => s.createdAt >= since);
    for (const s of running) await this.get(s.id);
    return running.length;
  }

  close(): void {
    this.closed = true;
    for (const h of this.held.values()) if (h.timer) clearTimeout(h.timer);
  }

  // -------------------------------------------------------------------------------------------
  // Sessions

  /** `levels`: the non-file levels the playlist was built from, stored with the session. */
  async create(input: { teacherId: string; title: string; playlist: LiveQuestion[]; levels?: readonly object[] }): Promise<{ id: string; code: string }> {
    const id = randomUUID();
    for (let attempt = 0; attempt < 30; attempt++) {
      const code = newJoinCode();
      const now = this.clock();
      const t = reduce(null, { type: 'create', actor: { role: 'teacher', teacherId: input.teacherId }, sessionId: id, code, playlist: input.playlist }, now);
      if (!t.state) throw new Error(errorOf(t.effects) ?? 'the session could not be created');
      const entry = t.effects.find((e) => e.type === 'append')!.entry;
      try {
        await createSession(this.prisma, { id, code, teacherId: input.teacherId, title: input.title.slice(0, 200), levels: input.levels }, entry);
      } catch (error) {
        if (error instanceof CodeTakenError) continue;
        throw error;
      }
      this.held.set(id, { state: t.state, queue: [], draining: false, remote: [], timer: null, timerAt: null });
      this.codes.set(code, id);
      return { id, code };
    }
    throw new Error('no free join code after 30 tries');
  }

  /** The running session a code opens, or null (unknown code, or the session has ended). */
  async sessionIdForCode(code: string): Promise<string | null> {
    const known = this.codes.get(code);
    if (known) {
      const h = await this.get(known);
      if (h && h.state.phase !== 'ended') return known;
      this.codes.delete(code);
    }
    const row = await findSessionByCode(this.prisma, code);
    if (!row) return null;
    this.codes.set(code, row.id);
    return row.id;
  }

  async state(sessionId: string): Promise<SessionState | null> {
    return (await this.get(sessionId))?.state ?? null;
  }

  private get(sessionId: string): Promise<Held | null> {
    const h = this.held.get(sessionId);
    if (h) return Promise.resolve(h);
    let p = this.loading.get(sessionId);
    if (!p) {
      p = this.load(sessionId).finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, p);
    }
    return p;
  }

  private async load(sessionId: string): Promise<Held | null> {
    const entries = await loadLog(this.prisma, sessionId);
    if (entries.length === 0) return null;
    const h: Held = { state: replay(entries), queue: [], draining: false, remote: [], timer: null, timerAt: null };
    this.held.set(sessionId, h);
    if (h.state.phase !== 'ended') this.codes.set(h.state.code, sessionId);
    this.arm(h, pendingDeadline(h.state));
    return h;
  }

  // -------------------------------------------------------------------------------------------
  // Events

  /** Reduces, stores and carries out one event; resolves once it is stored (or refused). */
  async submit(sessionId: string, event: LiveEvent, origin: Origin | null = null): Promise<Outcome> {
    const h = await this.get(sessionId);
    if (!h) return { ok: false, code: 'no_session', message: 'There is no such session.' };
    return new Promise<Outcome>((resolve, reject) => {
      h.queue.push({ event, origin, resolve, reject });
      if (!h.draining) void this.drain(h);
    });
  }

  private async drain(h: Held): Promise<void> {
    h.draining = true;
    try {
      while (h.queue.length > 0 || h.remote.length > 0) {
        // Let the events already waiting in the sockets arrive first, so they share this write:
        // the embedded database runs on this thread, so nothing is read while it works, and
        // without this pause every answer would start its own write.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (h.remote.length > 0) await this.catchUp(h);
        if (h.queue.length === 0) continue;
        const batch = h.queue.splice(0, MAX_BATCH);
        try {
          await this.runBatch(h, batch);
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      h.draining = false;
    }
  }

  private async runBatch(h: Held, batch: Pending[]): Promise<void> {
    let checked = false;
    for (let attempt = 0; ; attempt++) {
      const now = Math.max(this.clock(), h.state.clock);
      let s = h.state;
      const steps: { p: Pending; state: SessionState; effects: readonly Effect[] }[] = [];
      const entries: LogEntry[] = [];
      let phase: PhaseChange | undefined;
      for (const p of batch) {
        const t = reduce(s, p.event, now);
        for (const e of t.effects) {
          if (e.type === 'append') entries.push(e.entry);
          else if (e.type === 'record' && e.record.kind === 'status') phase = { phase: e.record.phase, seq: t.state.seq, at: e.record.at };
        }
        steps.push({ p, state: t.state, effects: t.effects });
        s = t.state;
      }
      // A refusal may only mean this node has not seen the latest events yet (a player who
      // joined through another node, a question another node opened): refuse only on the log's
      // latest state. Refusals for the sender's role do not depend on the state.
      if (!checked && steps.some((st) => refusalCode(st.effects) !== null && refusalCode(st.effects) !== 'unauthorized')) {
        checked = true;
        const tail = await loadLog(this.prisma, h.state.id, h.state.seq);
        if (tail.length > 0) {
          h.state = replay(tail, h.state);
          this.arm(h, pendingDeadline(h.state));
          continue;
        }
      }
      this.stats.batches++;
      const stored = await appendEvents(this.prisma, h.state.id, entries, phase);
      if (!stored) {
        // Another node stored the next event first: take its entries and reduce ours again.
        this.stats.conflicts++;
        if (attempt >= MAX_RETRIES) throw new Error(`live ${h.state.id}: gave up after ${attempt} write conflicts`);
        await this.refresh(h);
        continue;
      }
      this.stats.appended += entries.length;
      h.state = s;
      if (entries.length > 0 && this.shareWrites) this.io.serverSideEmit(APPENDED as never, h.state.id as never, entries as never);
      for (const step of steps) this.carryOut(h, step.p, step.state, step.effects);
      if (h.state.phase === 'ended') this.forgetLater(h);
      return;
    }
  }

  private carryOut(h: Held, p: Pending, state: SessionState, effects: readonly Effect[]): void {
    let refused: { code: string; message: string } | null = null;
    let joined: { participantId: string; nickname: string; rejoined: boolean } | undefined;
    let stored = false;
    for (const e of effects) {
      switch (e.type) {
        case 'append':
          stored = true;
          break;
        case 'send':
          if (e.to.kind === 'actor') {
            const m = e.message;
            if (m.type === 'error') refused = { code: m.code, message: m.message };
            if (m.type === 'joined') {
              joined = { participantId: m.participantId, nickname: m.nickname, rejoined: m.rejoined };
              p.origin?.bindParticipant?.(m.participantId);
            }
            p.origin?.send(m);
          } else this.emit(state, e.to, e.message);
          break;
        case 'sync':
          this.sync(state, e.to);
          break;
        case 'timer':
          this.arm(h, e.at);
          break;
        case 'log':
          this.log(e.level, e.message);
          break;
        case 'record':
          // Reports are replayed from the log (lib/live-store/report.ts); the phase is stored with the append.
          break;
      }
    }
    p.resolve(refused ? { ok: false, ...refused } : { ok: true, stored, state, joined });
  }

  private emit(s: SessionState, to: Recipient, message: ServerMessage): void {
    switch (to.kind) {
      case 'teacher':
        this.io.to(rooms.teacher(s.id)).emit('live', message);
        return;
      case 'participant':
        this.io.to(rooms.participant(s.id, to.participantId)).emit('live', message);
        return;
      case 'students':
      case 'all':
        for (const id of this.reachable(s)) this.io.to(rooms.participant(s.id, id)).emit('live', message);
        if (to.kind === 'all') this.io.to([rooms.teacher(s.id), rooms.public(s.id)]).emit('live', message);
        return;
      case 'public':
        this.io.to(rooms.public(s.id)).emit('live', message);
        return;
      case 'actor':
        return;
    }
  }

  /** Participants who may have a connection: offline ones get their view when they rejoin. */
  private reachable(s: SessionState): string[] {
    const out: string[] = [];
    s.participants.forEach((p) => {
      if (!p.kicked && p.presence === 'online') out.push(p.id);
    });
    return out;
  }

  private sync(s: SessionState, to: Recipient): void {
    const now = Math.max(this.clock(), s.clock);
    if (to.kind === 'teacher' || to.kind === 'all') this.io.to(rooms.teacher(s.id)).emit('live', { type: 'view', view: teacherView(s, now) });
    if (to.kind === 'public' || to.kind === 'all') this.io.to(rooms.public(s.id)).emit('live', { type: 'view', view: publicView(s, now) });
    const ids = to.kind === 'participant' ? [to.participantId] : to.kind === 'students' || to.kind === 'all' ? this.reachable(s) : [];
    for (const id of ids) {
      const view = studentView(s, id, now);
      if (view) this.io.to(rooms.participant(s.id, id)).emit('live', { type: 'view', view });
    }
  }

  /** Views for one connection that has just bound itself (host reload, projector). */
  viewFor(s: SessionState, who: { role: 'teacher' } | { role: 'public' } | { role: 'student'; participantId: string }) {
    const now = Math.max(this.clock(), s.clock);
    if (who.role === 'teacher') return teacherView(s, now);
    if (who.role === 'public') return publicView(s, now);
    return studentView(s, who.participantId, now);
  }

  /** An ended session leaves memory after a while (its report is replayed from the log). */
  private forgetLater(h: Held): void {
    const id = h.state.id;
    setTimeout(() => {
      if (this.held.get(id) === h && h.queue.length === 0 && !h.draining) {
        this.held.delete(id);
        this.codes.delete(h.state.code);
      }
    }, ENDED_KEPT_MS).unref();
  }

  // -------------------------------------------------------------------------------------------
  // Timers

  private arm(h: Held, at: number | null): void {
    if (h.timerAt === at && (at === null || h.timer)) return;
    if (h.timer) clearTimeout(h.timer);
    h.timer = null;
    h.timerAt = at;
    if (at === null || this.closed) return;
    // setTimeout's limit is 2^31-1 ms; a question never runs that long (MAX_QUESTION_MS).
    const delay = Math.max(0, at - this.clock());
    h.timer = setTimeout(() => {
      h.timer = null;
      h.timerAt = null;
      if (this.closed) return;
      this.submit(h.state.id, { type: 'tick', actor: { role: 'system' } }).catch((error: unknown) => {
        this.log('warn', `live ${h.state.id}: deadline tick failed: ${String(error)}`);
      });
    }, delay + 5);
  }

  // -------------------------------------------------------------------------------------------
  // Other nodes

  private onRemote(sessionId: string, entries: LogEntry[]): void {
    const h = this.held.get(sessionId);
    if (!h || this.closed) return;
    h.remote.push(...entries);
    if (!h.draining) void this.drain(h);
  }

  /** Replays entries other nodes stored; a gap (a message lost or late) reloads from the log. */
  private async catchUp(h: Held): Promise<void> {
    const entries = h.remote.splice(0).sort((a, b) => a.seq - b.seq);
    try {
      const fresh = entries.filter((e) => e.seq > h.state.seq);
      if (fresh.length === 0) return;
      if (fresh[0]!.seq !== h.state.seq + 1) await this.refresh(h);
      else h.state = replay(fresh, h.state);
      this.arm(h, pendingDeadline(h.state));
    } catch (error) {
      this.log('warn', `live ${h.state.id}: replaying another node's entries failed (${String(error)}); reloading`);
      await this.refresh(h);
    }
  }

  private async refresh(h: Held): Promise<void> {
    h.remote.length = 0;
    const tail = await loadLog(this.prisma, h.state.id, h.state.seq);
    if (tail.length > 0) h.state = replay(tail, h.state);
    this.arm(h, pendingDeadline(h.state));
  }
}

function refusalCode(effects: readonly Effect[]): string | null {
  for (const e of effects) if (e.type === 'send' && e.to.kind === 'actor' && e.message.type === 'error') return e.message.code;
  return null;
}

function errorOf(effects: readonly Effect[]): string | null {
  for (const e of effects) if (e.type === 'send' && e.message.type === 'error') return e.message.message;
  return null;
}
