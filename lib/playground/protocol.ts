// Messages between the playground page and its engine workers. Both sides are our own code
// in the same origin, so these are plain types; what comes from outside (the editor's text,
// a shared link) is checked before it gets here.

import type { PythonVersion, RunOutcome } from '../../engine/index';
import type { TraceStep } from '../../engine/trace';
import type { StepBatch } from './recorder';

export type ToWorker =
  /** Run the program from the start and stream every step. */
  | { readonly kind: 'run'; readonly runId: number; readonly source: string; readonly version: PythonVersion; readonly head: number; readonly keyframeEvery: number }
  /** Run it again and send steps [from, to) in full. */
  | { readonly kind: 'range'; readonly requestId: number; readonly source: string; readonly version: PythonVersion; readonly from: number; readonly to: number };

export type FromWorker =
  | ({ readonly kind: 'batch'; readonly runId: number } & StepBatch)
  | {
      readonly kind: 'done';
      readonly runId: number;
      readonly steps: number;
      readonly outcome: RunOutcome;
      readonly stdout: string;
      readonly stderr: string;
      readonly ms: number;
    }
  | { readonly kind: 'range'; readonly requestId: number; readonly from: number; readonly steps: readonly TraceStep[] }
  | { readonly kind: 'crash'; readonly runId: number; readonly requestId: number; readonly message: string };
