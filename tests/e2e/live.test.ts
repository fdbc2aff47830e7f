// A live class end to end: the production server, real Chromium, one host and five students in
// separate browser contexts, three questions from real levels (keys from the engine) to the
// podium, with the class screen (a projector's public view) following along. One student and the
// host reload mid-question; the student keeps their score. Every WebSocket frame a student or the
// class screen receives is kept and checked: no answer key before its reveal.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../lib/live/questions';
import type { LiveQuestion } from '../../lib/live';
import { freePort, startServer, type RunningServer } from './server';
import { launchChromium } from '../chromium';

// yes/no, number, number: answered by typing and clicking, as a student would.
// In the order the host page lists them (topic, then level), which is the playlist's order.
const PICKS = ['copy-shallow#1', 'copy-three-ways#2', 'refcount-extra-reference#0'];

let dir: string;
let server: RunningServer;
let browser: Browser;
let questions: LiveQuestion[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The keys, from the same engine-derived playlist the server builds.
  const { buildPlaylist } = await import('../../lib/live-store/playlist');
  questions = buildPlaylist(PICKS.map((p) => ({ levelId: p.split('#')[0]!, checkpoint: Number(p.split('#')[1]) })));
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-live-e2e-'));
  server = await startServer({ PORT: String(await freePort()), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Frame {
  readonly at: number;
  readonly text: string;
}

async function newPage(width = 900): Promise<{ page: Page; frames: Frame[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const frames: Frame[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push({ at: Date.now(), text: typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8') })));
  return { page, frames };
}

/** Socket.io's `42["live",{…}]` frames as their messages. */
function liveMessages(frames: readonly Frame[]): { at: number; message: { type: string; view?: Record<string, unknown> } }[] {
  return frames.flatMap((f) => {
    const m = /^42(\[.*)$/s.exec(f.text);
    if (!m) return [];
    const [event, payload] = JSON.parse(m[1]!) as [string, { type: string }];
    return event === 'live' ? [{ at: f.at, message: payload }] : [];
  });
}

const viewOf = (m: { message: { type: string; view?: Record<string, unknown> } }) => (m.message.type === 'view' ? (m.message.view as { phase: string; question: { id: string } | null } | undefined) : undefined);

describe('a live class in the browser', () => {
  it('plays three questions to the podium; keys stay secret until each reveal', async () => {
    const { page: host } = await newPage(1200);
    await host.goto(`${server.url}/host`);
    for (const p of PICKS) await host.getByTestId(`pick-${p.replace('#', '-')}`).check();
    await host.locator('select[name=timeLimit]').selectOption('120');
    await host.getByTestId('create-session').click();
    await host.waitForURL(/\/host\/[0-9a-f-]{36}$/);
    const code = (await host.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    expect(await host.getByTestId('join-link').getAttribute('href')).toMatch(new RegExp(`/join\\?code=${code}$`));
    expect(await host.locator('[data-testid=join-qr] svg path').count()).toBeGreaterThan(0);

    // The class screen on the projector: the public view, by the code alone.
    const screen = await newPage(1280);
    await screen.page.goto(`${server.url}${await host.getByTestId('screen-link').getAttribute('href')}`);
    await screen.page.locator('[data-testid=class-screen][data-phase=lobby]').waitFor();

    const names = ['Ada', 'Grace', 'Linus', 'Guido', 'Barbara'];
    const students = await Promise.all(
      names.map(async (name) => {
        const s = await newPage(420);
        await s.page.goto(`${server.url}/join?code=${code}`);
        await s.page.getByTestId('nickname-input').fill(name);
        await s.page.getByTestId('join-submit').click();
        await s.page.getByTestId('waiting').waitFor();
        return { ...s, name, answeredAt: new Map<string, number>() };
      }),
    );
    for (const name of names) await host.getByTestId('lobby').getByText(name).waitFor();
    for (const name of names) await screen.page.getByTestId('screen-lobby').getByText(name, { exact: true }).waitFor();
    await host.getByTestId('start').click();

    // Who answers rightly: Ada always, Barbara never (her frames are checked the whole way).
    const right = [
      [true, true, false, true, false],
      [true, false, true, true, false],
      [true, true, true, false, false],
    ];
    const answer = async (s: (typeof students)[number], q: LiveQuestion, correct: boolean) => {
      s.answeredAt.set(q.id, Date.now());
      if (q.kind === 'number') {
        await s.page.getByTestId('number-input').fill(String(correct ? q.key : q.key + 1));
        await s.page.getByTestId('submit-answer').click();
      } else if (q.kind === 'yesno') {
        await s.page.getByTestId(q.key === correct ? 'answer-yes' : 'answer-no').click();
      } else throw new Error(`the test answers number and yes/no questions, not ${q.kind}`);
      // The last answer reveals at once, so the screen may skip straight to the result.
      await s.page.locator('[data-testid=locked-in], [data-testid=result]').first().waitFor();
    };

    let graceScoreBeforeReload = 0;
    for (const [i, q] of questions.entries()) {
      for (const s of students) await s.page.getByTestId('prompt').filter({ hasText: q.prompt.split('\n')[0]! }).waitFor();
      await host.getByTestId('answered-count').filter({ hasText: '0 of 5 answered' }).waitFor();
      if (i === 0) {
        // The host's page reloads mid-question: it re-attaches and the question carries on.
        await host.reload();
        await host.getByTestId('host-prompt').filter({ hasText: q.prompt.split('\n')[0]! }).waitFor();
        await host.getByTestId('answered-count').filter({ hasText: '0 of 5 answered' }).waitFor();
      }
      await screen.page.getByTestId('screen-prompt').filter({ hasText: q.prompt.split('\n')[0]! }).waitFor();
      // The scene is drawn for everyone (the heap before the checkpoint's line).
      await students[0]!.page.getByTestId('live-program').waitFor();

      for (const [j, s] of students.entries()) {
        if (i === 1 && j === 1) {
          // Grace reloads mid-question before answering: same player, same score, still able to answer.
          graceScoreBeforeReload = Number(await s.page.getByTestId('my-score').textContent());
          await s.page.reload();
          await s.page.getByTestId('prompt').filter({ hasText: q.prompt.split('\n')[0]! }).waitFor();
          await s.page.getByTestId('me').filter({ hasText: 'Grace' }).waitFor();
          expect(Number(await s.page.getByTestId('my-score').textContent())).toBe(graceScoreBeforeReload);
        }
        await answer(s, q, right[i]![j]!);
        if (j === 2) {
          await host.getByTestId('answered-count').filter({ hasText: '3 of 5 answered' }).waitFor();
          const missing = (await host.getByTestId('missing').locator('li').allTextContents()).sort();
          expect(missing).toEqual(['Barbara', 'Guido']);
          await screen.page.getByTestId('screen-answered').filter({ hasText: '3 of 5 answered' }).waitFor();
        }
      }

      // Everyone answered: the reveal comes by itself.
      for (const [j, s] of students.entries()) {
        await s.page.getByTestId('result').waitFor();
        expect(await s.page.getByTestId('right-answer').textContent()).toBe(q.kind === 'yesno' ? (q.key ? 'Yes' : 'No') : String(q.key));
        expect(await s.page.getByTestId('result').textContent()).toContain(right[i]![j] ? 'Correct!' : 'Not this time.');
        await s.page.getByTestId('spread').waitFor();
        await s.page.getByTestId('leaderboard').waitFor();
        expect(Number(await s.page.getByTestId('my-rank').textContent())).toBeGreaterThanOrEqual(1);
      }
      await host.getByTestId('host-answer').waitFor();
      expect(await screen.page.getByTestId('screen-answer').textContent()).toBe(`Answer: ${q.kind === 'yesno' ? (q.key ? 'Yes' : 'No') : String(q.key)}`);
      await host.getByTestId('next').click();
    }

    // The podium, for everyone; Ada (always right, and fast) on top.
    for (const s of students) await s.page.getByTestId('podium').waitFor();
    await host.getByTestId('podium').waitFor();
    await screen.page.getByTestId('podium').waitFor();
    expect(await students[0]!.page.getByTestId('podium').locator('div').first().textContent()).toContain('Ada');
    const grace = students[1]!;
    expect(Number(await grace.page.getByTestId('my-score').textContent())).toBeGreaterThan(graceScoreBeforeReload);

    // No frame to a student ever carried a question's key field, and no key showed up before
    // its reveal (frames after the student's own answer echo that answer, so they stop the window).
    for (const s of students) {
      expect(s.frames.some((f) => f.text.includes('"key"'))).toBe(false);
      const msgs = liveMessages(s.frames);
      for (const q of questions) {
        const opened = msgs.findIndex((m) => viewOf(m)?.question?.id === q.id);
        const revealed = msgs.findIndex((m) => viewOf(m)?.phase === 'reveal' && viewOf(m)?.question?.id === q.id);
        expect(opened).toBeGreaterThanOrEqual(0);
        expect(revealed).toBeGreaterThan(opened);
        const key = JSON.stringify(keyOf(q));
        const answeredAt = s.answeredAt.get(q.id)!;
        const before = msgs.slice(opened, revealed).filter((m) => m.at < answeredAt || s.name === 'Barbara');
        expect(before.length).toBeGreaterThan(0);
        for (const m of before) {
          expect(JSON.stringify(m.message)).not.toContain(key);
          expect((viewOf(m) as { reveal?: unknown } | undefined)?.reveal ?? null).toBeNull();
        }
        expect(JSON.stringify(msgs[revealed]!.message)).toContain(key);
      }
    }

    // The class screen answers nothing, so every frame up to each reveal is checked.
    expect(screen.frames.some((f) => f.text.includes('"key"'))).toBe(false);
    const shown = liveMessages(screen.frames);
    for (const q of questions) {
      const opened = shown.findIndex((m) => viewOf(m)?.question?.id === q.id);
      const revealed = shown.findIndex((m) => viewOf(m)?.phase === 'reveal' && viewOf(m)?.question?.id === q.id);
      expect(revealed).toBeGreaterThan(opened);
      expect(opened).toBeGreaterThanOrEqual(0);
      for (const m of shown.slice(opened, revealed)) expect(JSON.stringify(m.message)).not.toContain(JSON.stringify(keyOf(q)));
      expect(JSON.stringify(shown[revealed]!.message)).toContain(JSON.stringify(keyOf(q)));
    }

    // The report and its CSV, for the host only.
    await host.getByTestId('report-link').click();
    await host.getByTestId('report').waitFor();
    expect(await host.getByTestId('students').locator('tbody tr').count()).toBe(5);
    expect(await host.getByTestId('hardest').locator('li').count()).toBe(3);
    const csv = await host.evaluate(async (href) => (await fetch(href)).text(), (await host.getByTestId('csv-link').getAttribute('href'))!);
    const rows = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(rows[0]).toMatch(/^rank,nickname,score,correct,answered,removed,Q1 answer/);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(/^1,Ada,\d+,3,3,no,/);
    const stranger = await newPage();
    const refused = await stranger.page.goto(`${server.url}${new URL(host.url()).pathname}.csv`);
    expect(refused!.status()).toBe(404);
  });
});
