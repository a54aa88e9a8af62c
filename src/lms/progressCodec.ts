// A compact, versioned text form of a learner's whole-course progress, small enough for SCORM 1.2's
// 4,096-character suspend_data. A lesson is stored as the learner's moves (continue, take the
// alternative, which options they chose) and the seed that orders its options, replayed through
// the shipped lesson's machine on resume, so the learner lands on the exact step they left with
// the options in the same order.
//
// Layout (version 3):  H3 <role> |<module> |<module> ...   (modules in course order)
//   module  = [<status i|p|n>[.<passedAt, base 36 seconds>]] ,<lesson> ,<lesson> ...
//   lesson  = [<lesson hash, 4 chars><role><seed, base 36>:<moves>] [!<correct>.<total>.<completedAt>[.<myth index>...]]
//   moves   = + continue, ~ take the alternative, or a choice: one base64url character (the chosen
//             options as bits) and three more, the answer's fingerprint (its step id, the step's
//             option ids and the chosen ids, hashed)
//   A lesson's <role> also carries the nation it was taken for: a digit or - with no nation (as
//   before nations were kept), a-f or g (no role) for England, A-F or G for Wales.
// Results and module status never depend on the content: a pass stays a pass and a finished
// lesson's result is kept whatever changed. A lesson whose structure changed (its hash differs)
// is replayed on the new graph, and kept where every answer's fingerprint still matches the step
// it lands on (the same step, with the same options): so a step added after the learner's
// answers, or a changed `next`, is followed and the answers kept. Where the moves stop fitting (a
// step added before some answers), the learner resumes at that step and the later answers are kept
// where each matches a step ahead, as the app's own restore does. Where an answer matches no step,
// the lesson starts again and `restartedLessons` says which. Version 2 (no fingerprints) restarts
// a changed lesson; version 1 (a module's hand-kept version in place of hashes) replays its places
// where they fit and restarts them where not.
// Pure: no storage, no clock; decoding never throws.
import { createActor, type Snapshot } from 'xstate';
import type { CourseModule, Lesson, Nation, Role } from '../engine/contentSchema';
import { isDecisionStep, ROLES } from '../engine/content';
import { lessonHash } from '../engine/contentHash';
import { stepById } from '../engine/lessonGraph';
import { createLessonMachine, currentStep, type AnswerRecord, type LessonSnapshot } from '../engine/lessonMachine';
import { withAnswersAhead } from '../engine/lessonRestore';
import { persistedModuleState, type LessonOutcome, type ModuleStatus } from '../engine/moduleMachine';
import { hash32 } from '../engine/shuffle';
import { isRouteStep, routeOf } from '../engine/steps/registry';

export type { ModuleStatus } from '../engine/moduleMachine';

export const CODEC_PREFIX = 'H3';
/** Version 2: as version 3, without answer fingerprints. */
const UNSIGNED_PREFIX = 'H2';
const LEGACY_PREFIX = 'H1';
/** SCORM 1.2's limit for cmi.suspend_data. */
export const SCORM12_SUSPEND_DATA_LIMIT = 4096;

const CONTINUE = '+';
const ALTERNATIVE = '~';
const NO_ROLE = '-';
const SEED_END = ':';
const CHOICE_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const FINGERPRINT_LENGTH = 3;

/** The parts of a saved lesson the codec needs (a lesson machine's persisted snapshot has them). */
export interface LessonPlace {
  value: string;
  context: {
    role: Role | null;
    nation?: Nation | null;
    stepId: string;
    visited: string[];
    answers: AnswerRecord[];
    seed?: number;
  };
}

/** What the codec reads and rebuilds: the same shapes the app keeps in its database. */
export interface CourseProgress {
  role: Role | null;
  /** Keyed by module id, then lesson id. */
  lessons: Record<string, Record<string, LessonPlace>>;
  modules: Record<string, { status: ModuleStatus; results: Record<string, LessonOutcome>; passedAt: number | null }>;
}

/** What decoding gives: progress plus the persisted machine snapshots the app can restore from. */
export interface DecodedProgress {
  role: Role | null;
  lessons: {
    moduleId: string;
    lessonId: string;
    snapshot: Snapshot<unknown>;
    stepId: string;
    atSummary: boolean;
  }[];
  modules: { moduleId: string; snapshot: Snapshot<unknown>; status: ModuleStatus }[];
  /** Lessons in progress whose structure changed since the progress was saved: they start again. */
  restartedLessons: { moduleId: string; lessonId: string }[];
}

export type DecodeResult = { ok: true; progress: DecodedProgress } | { ok: false; reason: string };

// ---------------------------------------------------------------- encoding

function roleChar(role: Role | null): string {
  const index = role ? ROLES.indexOf(role) : -1;
  return index >= 0 ? String(index) : NO_ROLE;
}

/** A lesson's role and nation in one character (see the layout above); ROLES has fewer than 7. */
const NATION_ROLE_CHARS: Record<Nation, string> = { england: 'abcdefg', wales: 'ABCDEFG' };

function learnerChar(role: Role | null, nation: Nation | null | undefined): string {
  if (!nation) return roleChar(role);
  const index = role ? ROLES.indexOf(role) : -1;
  return NATION_ROLE_CHARS[nation][index >= 0 ? index : ROLES.length] as string;
}

function choiceChar(options: { id: string }[], optionIds: string[]): string {
  let bits = 0;
  options.forEach((option, index) => {
    if (optionIds.includes(option.id)) bits |= 1 << index;
  });
  return CHOICE_DIGITS[bits] ?? '';
}

/**
 * Three base64url characters standing for an answer on a step: which step, which options it
 * offers, which were chosen. A changed step gives another fingerprint (1 in 262,144 alike).
 */
function answerFingerprint(step: { id: string; options: { id: string }[] }, optionIds: readonly string[]): string {
  const text = [step.id, step.options.map((option) => option.id).join(','), [...optionIds].sort().join(',')].join('|');
  let value = hash32(text) % 64 ** FINGERPRINT_LENGTH;
  let digits = '';
  for (let place = 0; place < FINGERPRINT_LENGTH; place += 1) {
    digits = CHOICE_DIGITS[value % 64] + digits;
    value = Math.floor(value / 64);
  }
  return digits;
}

/** Where a step id leads once role and nation branches (never shown) are followed. */
function shownStep(lesson: Lesson, stepId: string, learner: { role: Role | null; nation?: Nation | null }): string {
  let step = stepById(lesson, stepId);
  for (let hops = 0; isRouteStep(step) && hops < lesson.steps.length; hops += 1) {
    step = stepById(lesson, routeOf(step, { role: learner.role, nation: learner.nation ?? null }));
  }
  return step.id;
}

/** Four base-36 characters of the lesson's structural hash: enough to notice a changed lesson. */
function shortHash(lesson: Lesson): string {
  return (hash32(lessonHash(lesson)) % 36 ** 4).toString(36).padStart(4, '0');
}

/** The learner's moves that lead from the lesson's start to where they are now. */
function movesFor(lesson: Lesson, place: LessonPlace): string {
  const { visited } = place.context;
  let moves = '';
  visited.forEach((stepId, index) => {
    const step = stepById(lesson, stepId);
    const last = index === visited.length - 1;
    if (isDecisionStep(step)) {
      const answer = place.context.answers.find((candidate) => candidate.stepId === stepId);
      if (answer && (!last || place.value === 'feedback')) {
        moves += choiceChar(step.options, answer.optionIds) + answerFingerprint(step, answer.optionIds);
      }
      if (!last) moves += CONTINUE;
    } else if (step.kind === 'contentNote') {
      const continued = visited[index + 1] === shownStep(lesson, step.next, place.context);
      if (!last) moves += continued ? CONTINUE : ALTERNATIVE;
    } else if (!last) {
      moves += CONTINUE;
    }
  });
  return moves;
}

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000)).toString(36);

/**
 * Encodes the learner's progress through the course. Lessons whose saved state does not fit the
 * current content are left out (they would restart anyway).
 */
export function encodeProgress(modules: CourseModule[], mythIds: string[], progress: CourseProgress): string {
  const segments = modules.map((courseModule) => {
    const saved = progress.modules[courseModule.id];
    const places = progress.lessons[courseModule.id] ?? {};
    const lessons = courseModule.lessons.map((lesson) => {
      let entry = '';
      const place = places[lesson.id];
      if (place) {
        try {
          const seed = ((place.context.seed ?? 0) >>> 0).toString(36);
          entry =
            shortHash(lesson) +
            learnerChar(place.context.role, place.context.nation) +
            seed +
            SEED_END +
            movesFor(lesson, place);
        } catch {
          entry = '';
        }
      }
      const outcome = saved?.results[lesson.id];
      if (outcome) {
        const myths = outcome.myths.map((myth) => mythIds.indexOf(myth)).filter((index) => index >= 0);
        entry += `!${[outcome.correct, outcome.total].map((n) => n.toString(36)).join('.')}.${seconds(outcome.completedAt)}`;
        entry += myths.map((index) => `.${index.toString(36)}`).join('');
      }
      return entry;
    });
    while (lessons.length > 0 && lessons.at(-1) === '') lessons.pop();
    if (!saved && lessons.length === 0) return '';
    let head = '';
    if (saved) {
      head += saved.status === 'passed' ? 'p' : saved.status === 'not-passed' ? 'n' : 'i';
      if (saved.passedAt !== null) head += `.${seconds(saved.passedAt)}`;
    }
    return [head, ...lessons].join(',');
  });
  while (segments.length > 0 && segments.at(-1) === '') segments.pop();
  return [CODEC_PREFIX + roleChar(progress.role), ...segments].join('|');
}

// ---------------------------------------------------------------- decoding

class Unreadable extends Error {}

/** Version 3 carries answer fingerprints, version 2 does not, version 1 has no lesson hashes. */
type Format = 'fingerprinted' | 'unsigned' | 'legacy';

function fail(why: string): never {
  throw new Unreadable(why);
}

function base36(text: string | undefined): number {
  if (text === undefined || !/^[0-9a-z]{1,9}$/.test(text)) fail('a number is damaged');
  return parseInt(text, 36);
}

function roleFrom(char: string | undefined): Role | null {
  if (char === NO_ROLE) return null;
  const role = char !== undefined && /^[0-9]$/.test(char) ? ROLES[Number(char)] : undefined;
  if (!role) fail('the role is damaged');
  return role;
}

/** A move's answer that fits the lesson's moves but not the step it lands on (the lesson changed). */
class AnswerMoved extends Unreadable {}

function learnerFrom(char: string | undefined): { role: Role | null; nation: Nation | null } {
  for (const nation of ['england', 'wales'] as const) {
    const index = char === undefined || char === '' ? -1 : NATION_ROLE_CHARS[nation].indexOf(char);
    if (index >= 0) return { role: ROLES[index] ?? null, nation };
  }
  return { role: roleFrom(char), nation: null };
}

function replayLesson(
  lesson: Lesson,
  role: Role | null,
  seed: number,
  moves: string,
  fingerprinted: boolean,
  nation: Nation | null = null,
  changed = false,
) {
  const actor = createActor(createLessonMachine(lesson), { input: { role, nation, seed } }).start();
  try {
    const stopped = replayMoves(lesson, actor, moves, fingerprinted, changed);
    const snapshot = actor.getSnapshot();
    const persisted = actor.getPersistedSnapshot() as LessonSnapshot;
    if (stopped === undefined) {
      return { snapshot: persisted, stepId: snapshot.context.stepId, atSummary: snapshot.matches('summary') };
    }
    // A changed lesson whose moves stopped fitting (a step was added before the learner's answers,
    // say): the learner resumes at that step, as the app's own restore does, with their later
    // answers kept where each still matches a step ahead (the same step, the same options).
    const later = laterAnswers(lesson, moves.slice(stopped));
    const kept = withAnswersAhead(lesson, persisted, later);
    if (later.length === 0 || kept.context.answers.length !== persisted.context.answers.length + later.length) {
      throw new AnswerMoved('an answer does not fit');
    }
    return { snapshot: kept, stepId: snapshot.context.stepId, atSummary: snapshot.matches('summary') };
  } finally {
    actor.stop();
  }
}

/**
 * Sends the moves to the lesson actor. Returns undefined when all fitted, or, in a changed lesson
 * with fingerprints, the index of the first move that does not fit (the replay stops there).
 */
function replayMoves(
  lesson: Lesson,
  actor: ReturnType<typeof createActor<ReturnType<typeof createLessonMachine>>>,
  moves: string,
  fingerprinted: boolean,
  changed: boolean,
): number | undefined {
  const tolerant = fingerprinted && changed;
  for (let at = 0; at < moves.length; at += 1) {
    const move = moves[at] as string;
    const snapshot = actor.getSnapshot();
    let event;
    if (move === CONTINUE) event = { type: 'learner.continue' } as const;
    else if (move === ALTERNATIVE) event = { type: 'learner.takeAlternative' } as const;
    else {
      const bits = CHOICE_DIGITS.indexOf(move);
      const step = currentStep(lesson, snapshot.context);
      if (bits <= 0 || !isDecisionStep(step)) {
        if (tolerant) return at;
        fail('a move does not fit the lesson');
      }
      const optionIds = step.options.filter((_, index) => bits & (1 << index)).map((option) => option.id);
      if (fingerprinted) {
        const fingerprint = moves.slice(at + 1, at + 1 + FINGERPRINT_LENGTH);
        if (fingerprint !== answerFingerprint(step, optionIds)) {
          if (tolerant) return at;
          throw new AnswerMoved('an answer does not fit');
        }
        at += FINGERPRINT_LENGTH;
      }
      event = { type: 'learner.choose', optionIds } as const;
    }
    if (!snapshot.can(event)) {
      if (tolerant) return at;
      fail('a move does not fit the lesson');
    }
    actor.send(event);
  }
  return undefined;
}

/** The answers among fingerprinted moves, each matched to the lesson step it was given on. */
function laterAnswers(lesson: Lesson, moves: string): AnswerRecord[] {
  const answers: AnswerRecord[] = [];
  for (let at = 0; at < moves.length; at += 1) {
    const move = moves[at] as string;
    if (move === CONTINUE || move === ALTERNATIVE) continue;
    const bits = CHOICE_DIGITS.indexOf(move);
    const fingerprint = moves.slice(at + 1, at + 1 + FINGERPRINT_LENGTH);
    at += FINGERPRINT_LENGTH;
    const match = lesson.steps.filter(isDecisionStep).find((step) => {
      const optionIds = step.options.filter((_, index) => bits & (1 << index)).map((option) => option.id);
      return bits > 0 && answerFingerprint(step, optionIds) === fingerprint;
    });
    if (!match) throw new AnswerMoved('an answer does not fit');
    answers.push({
      stepId: match.id,
      optionIds: match.options.filter((_, index) => bits & (1 << index)).map((option) => option.id),
    });
  }
  return answers;
}

function outcomeFrom(text: string, mythIds: string[]): LessonOutcome {
  const [correct, total, at, ...myths] = text.split('.');
  const outcome = {
    correct: base36(correct),
    total: base36(total),
    completedAt: base36(at) * 1000,
    myths: myths.map((index) => mythIds[base36(index)] ?? fail('a myth is unknown')),
  };
  if (outcome.correct > outcome.total) fail('a score is damaged');
  return outcome;
}

function decodeModule(
  courseModule: CourseModule,
  segment: string,
  mythIds: string[],
  progress: DecodedProgress,
  format: Format,
) {
  const legacy = format === 'legacy';
  const [head = '', ...entries] = segment.split(',');
  // Version 1 led with the module's content version, now unused.
  const [statusChar, passedAt] = (legacy ? head.split('.').slice(1) : head === '' ? [] : head.split('.')) as [
    string | undefined,
    string | undefined,
  ];
  if (entries.length > courseModule.lessons.length) fail('there are more lessons than the module has');
  const results: Record<string, LessonOutcome> = {};
  entries.forEach((entry, index) => {
    const lesson = courseModule.lessons[index] as Lesson;
    const [path = '', outcome, extra] = entry.split('!');
    if (extra !== undefined) fail('a lesson is damaged');
    if (path !== '') {
      const place = legacy ? legacyPlace(lesson, path) : currentPlace(lesson, path, format === 'fingerprinted');
      if (place) progress.lessons.push({ moduleId: courseModule.id, lessonId: lesson.id, ...place });
      else progress.restartedLessons.push({ moduleId: courseModule.id, lessonId: lesson.id });
    }
    if (outcome !== undefined) results[lesson.id] = outcomeFrom(outcome, mythIds);
  });
  if (statusChar === undefined) return;
  const status = ({ i: 'in-progress', p: 'passed', n: 'not-passed' } as const)[statusChar];
  if (!status) fail('a module status is damaged');
  const snapshot = persistedModuleState(courseModule, {
    status,
    results,
    passedAt: passedAt === undefined ? null : base36(passedAt) * 1000,
  });
  progress.modules.push({ moduleId: courseModule.id, status, snapshot });
}

/**
 * A version 2 or 3 lesson place. An unchanged lesson replays exactly (a move that does not fit
 * means the text is damaged). A changed one replays on the new graph where its answers are
 * fingerprinted (version 3) and each still fits its step; else it is undefined, and restarts.
 */
function currentPlace(lesson: Lesson, path: string, fingerprinted: boolean) {
  const end = path.indexOf(SEED_END);
  if (end < 6) fail('a lesson is damaged');
  const hash = path.slice(0, 4);
  const { role, nation } = learnerFrom(path[4]);
  const seed = base36(path.slice(5, end));
  const moves = path.slice(end + 1);
  const unchanged = hash === shortHash(lesson);
  if (!unchanged && !fingerprinted) return undefined;
  try {
    return replayLesson(lesson, role, seed, moves, fingerprinted, nation, !unchanged);
  } catch (error) {
    // An answer that no longer fits its step restarts the lesson; so does any move of a changed one.
    if (error instanceof AnswerMoved || (!unchanged && error instanceof Unreadable)) return undefined;
    throw error;
  }
}

/** A version 1 lesson place: made with content of unknown structure, so kept only where it fits. */
function legacyPlace(lesson: Lesson, path: string) {
  const role = roleFrom(path[0]);
  try {
    return replayLesson(lesson, role, 0, path.slice(1), false);
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/** Reads progress written by `encodeProgress`. Any text gives a result or a plain reason. */
export function decodeProgress(modules: CourseModule[], mythIds: string[], text: unknown): DecodeResult {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'There is no saved progress.' };
  if (!text.startsWith('H')) return { ok: false, reason: 'The saved progress was not made by this course.' };
  const format: Format | undefined = text.startsWith(CODEC_PREFIX)
    ? 'fingerprinted'
    : text.startsWith(UNSIGNED_PREFIX)
      ? 'unsigned'
      : text.startsWith(LEGACY_PREFIX)
        ? 'legacy'
        : undefined;
  if (!format) return { ok: false, reason: 'The saved progress was made by a newer version of this course.' };
  const [head = '', ...segments] = text.split('|');
  try {
    if (head.length !== CODEC_PREFIX.length + 1) fail('the header is damaged');
    if (segments.length > modules.length) fail('there are more modules than the course has');
    const progress: DecodedProgress = { role: roleFrom(head.at(-1)), lessons: [], modules: [], restartedLessons: [] };
    segments.forEach((segment, index) => {
      if (segment !== '') decodeModule(modules[index] as CourseModule, segment, mythIds, progress, format);
    });
    return { ok: true, progress };
  } catch (error) {
    const why = error instanceof Unreadable ? error.message : 'it does not fit this course';
    return { ok: false, reason: `The saved progress could not be read: ${why}.` };
  }
}
