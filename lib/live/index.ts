// The live session core: one import for the socket layer and the pages.
export { reduce, MAX_QUESTION_MS, type Transition } from './reducer';
export { teacherView, studentView, publicView, type TeacherView, type StudentView, type PublicView, type RosterEntry, type Timing } from './views';
export {
  liveClientEvents,
  parseLiveClientEvent,
  toLiveEvent,
  liveEventSchema,
  describeZodError,
  type Actor,
  type LiveEvent,
  type LiveClientEventName,
  type ServerMessage,
  type ErrorCode,
} from './events';
export type { Effect, Recipient, LogEntry, PersistRecord } from './effects';
export { replay, serialize, deserialize, parseLogEntry, ReplayError, type SessionSnapshot } from './persist';
export { pendingDeadline, type SessionState, type Phase } from './state';
export { liveQuestionSchema, playlistSchema, type LiveQuestion, type AnswerValue } from './questions';
export { SCORING } from './scoring';
