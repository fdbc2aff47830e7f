// What a leaderboard request may ask for (the route's query string), checked at the edge.
import { z } from 'zod';
import { LEVEL_ID } from '../levels/schema';
import { PAGE_SIZE_MAX } from './boards';

export const boardQuerySchema = z.strictObject({
  /** A level id; absent means the overall board (sum of each player's level bests). */
  level: z.string().max(64).regex(LEVEL_ID, 'not a level id').optional(),
  period: z.enum(['all', 'week']).default('all'),
  /** A class id: the board among that class's students (its teacher and students only). */
  class: z.uuid({ message: 'not a class id' }).optional(),
  cursor: z.string().max(40).regex(/^\d{1,19}\.\d{1,9}$/, 'not a page cursor').optional(),
  limit: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
});

export type BoardQueryInput = z.output<typeof boardQuerySchema>;
