// What a browser may send to the progress routes, checked at the edge. Everything past these
// schemas trusts its types.

import { z } from 'zod';
import type { Response as KeyResponse } from '../levels/answer-key';
import { LEVEL_ID, PROFILES } from '../levels/schema';

const checkpoint = z.int().min(0).max(999);

/** A player's answer, in the shape of its question kind (lib/levels/answer-key Response). */
export const responseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
  z.strictObject({ kind: z.literal('yesno'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('pick'), ids: z.array(z.int().min(0)).max(200) }),
  z.strictObject({ kind: z.literal('order'), items: z.array(z.string().max(500)).max(50) }),
  z.strictObject({ kind: z.literal('version'), profiles: z.array(z.enum(PROFILES)).max(PROFILES.length) }),
]);

export const startRequestSchema = z.strictObject({
  levelId: z.string().max(64).regex(LEVEL_ID, { error: 'is not a level id' }),
});

export const playRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hint'), checkpoint }),
  /** Give up on the open checkpoint after a wrong answer and see the key. */
  z.strictObject({ type: z.literal('reveal'), checkpoint }),
  z.strictObject({ type: z.literal('answer'), checkpoint, response: responseSchema }),
]);

export type StartRequest = z.output<typeof startRequestSchema>;
export type PlayRequest = z.output<typeof playRequestSchema>;
/** What a page sends: the same, with an answer as the key module types it. */
export type PlayRequestBody = Exclude<PlayRequest, { type: 'answer' }> | { readonly type: 'answer'; readonly checkpoint: number; readonly response: KeyResponse };

// Every response the schema lets through is one the key module can judge.
const judged: (r: z.output<typeof responseSchema>) => KeyResponse = (r) => r;
void judged;

/** A zod failure in one line a person can act on. */
export function describeInvalid(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
}
