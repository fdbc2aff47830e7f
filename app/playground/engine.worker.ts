// The engine off the page's thread: a run streams its steps in batches (lib/playground/recorder),
// so the page stays responsive whatever the program does; a range request runs the program
// again up to the steps the page asks for. A new request waits for the current run: the page
// ends a run it no longer wants by terminating the worker.

import { runProgram } from '../../engine/index';
import type { FromWorker, ToWorker } from '../../lib/playground/protocol';
import { recordRange, StepRecorder } from '../../lib/playground/recorder';

const post = (message: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    if (msg.kind === 'run') {
      const started = performance.now();
      const recorder = new StepRecorder({
        head: msg.head,
        keyframeEvery: msg.keyframeEvery,
        batchSize: 4096,
        maxDelayMs: 40,
        now: () => performance.now(),
        flush: (batch) => post({ kind: 'batch', runId: msg.runId, ...batch }, [batch.lines.buffer, batch.flags.buffer, batch.stdoutEnds.buffer]),
      });
      const result = runProgram(msg.source, { version: msg.version, trace: recorder });
      recorder.finish();
      post({ kind: 'done', runId: msg.runId, steps: recorder.steps, outcome: result.outcome, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started });
    } else {
      const steps = recordRange(runProgram, msg.source, msg.version, msg.from, msg.to);
      post({ kind: 'range', requestId: msg.requestId, from: msg.from, steps });
    }
  } catch (e) {
    post({ kind: 'crash', runId: msg.kind === 'run' ? msg.runId : -1, requestId: msg.kind === 'range' ? msg.requestId : -1, message: e instanceof Error ? e.message : String(e) });
  }
};
