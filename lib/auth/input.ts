// What a sign-up or sign-in form may contain, checked at the edge (route handlers parse with
// these and trust the types inside). Messages are written for the person at the form.
import { z } from 'zod';
import { checkNickname } from '../live/nickname';

export const PASSWORD_MIN = 10;
/** argon2 takes any length; the cap keeps one request from costing more than another. */
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string({ message: 'Type your email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email({ message: 'That does not look like an email address.' }));

export const usernameSchema = z
  .string({ message: 'Pick a username.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,23}$/, 'A username is 3–24 letters, digits, dots, dashes or underscores, starting with a letter or digit.');

export const passwordSchema = z
  .string({ message: 'Type a password.' })
  .min(PASSWORD_MIN, `A password has at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `A password has at most ${PASSWORD_MAX} characters.`);

/** Display names appear on leaderboards, so they pass the same filter as live nicknames. */
export const displayNameSchema = z.string({ message: 'Type a name.' }).transform((raw, ctx) => {
  const checked = checkNickname(raw);
  if (checked.ok) return checked.nickname;
  ctx.addIssue({ code: 'custom', message: checked.message.replace('nickname', 'name') });
  return z.NEVER;
});

export const teacherSignUpSchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});

export const studentSignUpSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  displayName: displayNameSchema,
});

/** Either kind of login: an email for teachers, a username for students. */
export const signInSchema = z.strictObject({
  login: z.string({ message: 'Type your email or username.' }).trim().toLowerCase().min(1, 'Type your email or username.').max(254),
  password: z.string({ message: 'Type your password.' }).min(1, 'Type your password.').max(PASSWORD_MAX),
});

export const resetRequestSchema = z.strictObject({ email: emailSchema });

export const resetSchema = z.strictObject({
  token: z.string().max(100),
  password: passwordSchema,
});

/** The first problem, in words for the form. */
export function firstProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'Check the form and try again.';
}
