// The trainer's cohort read from a real LRS on loopback (Learning Locker's statement service),
// seeded with statements made by the app's own builders from learners played through the real
// lesson machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { HeardDatabase } from '../../src/storage/database';
import type { AssignmentPayload } from '../../src/trainer/assignmentCode';
import { assignedQuestions } from '../../src/trainer/assignmentContent';
import { cohortSummary, type LearnerRowCache } from '../../src/trainer/cohort';
import {
  actorKey,
  applyStatements,
  isRightAnswer,
  lrsCohort,
  lrsCohortReceipts,
  parseAnswer,
  updateLrsCohort,
  type LrsLearner,
} from '../../src/trainer/lrsCohort';
import {
  forgetConnection,
  readConnection,
  readLearners,
  saveConnection,
  saveLrsCountersigned,
  sourceOf,
  syncLrs,
  type LrsConnection,
} from '../../src/trainer/lrsSync';
import { LRS_AUTHORIZATION, startLrs, type RunningLrs } from '../fixtures/loopbackLrs';
import { cohortStatements, postStatements } from '../fixtures/lrsCohortSeed';

const catalog = loadCatalog();
const adultification = catalog.modules.find((courseModule) => courseModule.id === 'adultification')!;
const COURSE = 'https://heard.example.org/xapi/course';
const assignment: AssignmentPayload = {
  v: 1,
  id: 'assignment-0123456789',
  title: 'Adultification',
  cohort: 'Team',
  items: [{ moduleId: 'adultification' }],
  role: null,
  passMark: 80,
  due: null,
  note: '',
  createdAt: '2026-11-01',
  trainer: { name: 'Lead', key: '' },
};
const name = (learner: LrsLearner) => learner.actorName ?? `Learner ${learner.actorKey.slice(-8)}`;

let lrs: RunningLrs;
let connection: LrsConnection;

beforeAll(async () => {
  lrs = await startLrs();
  connection = { endpoint: lrs.endpoint, authorization: LRS_AUTHORIZATION, activityId: COURSE };
}, 120_000);
afterAll(() => lrs?.stop());

describe('the cohort from the LRS', () => {
  it('syncs everything, page by page, then only what is new, and builds the cohort from option ids', async () => {
    const db = new HeardDatabase(`lrs-${crypto.randomUUID()}`);
    const first = await cohortStatements(
      [adultification],
      [
        { learnerId: 'a1', way: 'right' },
        { learnerId: 'a2', way: 'right' },
        { learnerId: 'a3', way: 'longest' },
      ],
      { courseId: COURSE, homePage: 'https://lms.example.org', startAt: Date.UTC(2026, 10, 1) },
    );
    // In small batches, so they are stored at different times, as a real cohort's would be.
    await postStatements(lrs.endpoint, first, 5);
    await saveConnection(db, connection);
    expect(await readConnection(db)).toEqual(connection);

    const full = await syncLrs(db, connection, { limit: 7 });
    expect(full.statements).toBe(first.length);
    expect(full.learners).toBe(3);

    const { receipts, unfinished } = lrsCohort(
      await readLearners(db, sourceOf(connection)),
      assignment,
      catalog.modules,
      name,
    );
    expect(unfinished).toBe(0);
    expect(receipts).toHaveLength(3);
    const summary = cohortSummary(assignment, receipts, catalog.modules);
    expect(summary.passed).toBe(2);
    const scores = summary.learners.map((row) => row.percent).sort((a, b) => a - b);
    expect(scores[0]).toBeLessThan(80);
    expect(scores.slice(1)).toEqual([100, 100]);
    // The debrief and option shares come from the same records.
    expect(summary.myths.length).toBeGreaterThan(0);
    expect(summary.questions.some((question) => question.answered === 3)).toBe(true);

    // A fourth learner later: the next sync reads only the new statements (and a second's overlap).
    const later = await cohortStatements([adultification], [{ learnerId: 'a4', way: 'right' }], {
      courseId: COURSE,
      homePage: 'https://lms.example.org',
      startAt: Date.UTC(2026, 10, 2),
    });
    await postStatements(lrs.endpoint, later);
    const incremental = await syncLrs(db, connection, { limit: 7 });
    expect(incremental.statements).toBeLessThanOrEqual(later.length + 5);
    expect(incremental.learners).toBe(4);
    expect(incremental.changed.map((learner) => learner.actorKey)).toEqual([
      actorKey(later[0]!.actor as Parameters<typeof actorKey>[0]),
    ]);
    const again = lrsCohort(await readLearners(db, sourceOf(connection)), assignment, catalog.modules, name);
    expect(again.receipts).toHaveLength(4);

    // Countersigned certificates are kept with the learner's record.
    const passedOne = again.receipts.find((receipt) => receipt.payload.score.correct === receipt.payload.score.total)!;
    await saveLrsCountersigned(db, sourceOf(connection), [
      { actorKey: passedOne.id.slice('lrs:'.length), assignmentId: assignment.id, code: 'signed' },
    ]);
    const stored = lrsCohort(await readLearners(db, sourceOf(connection)), assignment, catalog.modules, name);
    expect(stored.receipts.find((receipt) => receipt.id === passedOne.id)?.countersignedCode).toBe('signed');

    await forgetConnection(db);
    expect(await readConnection(db)).toBeNull();
    expect(await readLearners(db, sourceOf(connection))).toEqual([]);
    db.close();
  }, 60_000);

  it('works out again only the learners a sync changed, and comes to what a full recompute does', async () => {
    const db = new HeardDatabase(`lrs-${crypto.randomUUID()}`);
    const course = `${COURSE}/incremental`;
    const using = { ...connection, activityId: course };
    const homePage = 'https://lms.example.org';
    const first = await cohortStatements(
      [adultification],
      ['b1', 'b2', 'b3'].map((learnerId) => ({ learnerId, way: 'right' as const })),
      { courseId: course, homePage, startAt: Date.UTC(2026, 10, 3) },
    );
    await postStatements(lrs.endpoint, first, 50);
    await syncLrs(db, using, { limit: 20 });
    const before = updateLrsCohort(
      new Map(),
      await readLearners(db, sourceOf(using)),
      assignment,
      catalog.modules,
      name,
    );
    expect(lrsCohortReceipts(before).receipts.map((receipt) => receipt.payload.score.correct)).toEqual(
      lrsCohortReceipts(before).receipts.map((receipt) => receipt.payload.score.total),
    );

    // Later: a new learner, and b1 takes the first lesson again the longest way, which lowers b1's score.
    const retry = await cohortStatements(
      [{ ...adultification, lessons: [adultification.lessons[0]!] }],
      [{ learnerId: 'b1', way: 'longest' }],
      { courseId: course, homePage, startAt: Date.UTC(2026, 10, 4) },
    );
    const newcomer = await cohortStatements([adultification], [{ learnerId: 'b4', way: 'right' }], {
      courseId: course,
      homePage,
      startAt: Date.UTC(2026, 10, 5),
    });
    await postStatements(lrs.endpoint, [...retry, ...newcomer], 50);
    const sync = await syncLrs(db, using, { limit: 20 });
    const b1 = actorKey(retry[0]!.actor as Parameters<typeof actorKey>[0])!;
    const b4 = actorKey(newcomer[0]!.actor as Parameters<typeof actorKey>[0])!;
    expect(sync.changed.map((learner) => learner.actorKey).sort()).toEqual([b1, b4].sort());

    const after = updateLrsCohort(before, sync.changed, assignment, catalog.modules, name);
    const full = updateLrsCohort(new Map(), await readLearners(db, sourceOf(using)), assignment, catalog.modules, name);
    const byId = (cohort: typeof after) => lrsCohortReceipts(cohort).receipts.sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(full));
    expect(byId(after)).toHaveLength(4);
    expect(after.get(b1)!.payload.score.correct).toBeLessThan(before.get(b1)!.payload.score.correct);
    // Learners the sync did not touch keep the very same records.
    for (const [key, receipt] of before) if (key !== b1) expect(after.get(key)).toBe(receipt);

    // The cohort view's rows: those worked out before are reused, and the summary is the same as
    // one worked out from nothing (b1's row is worked out again from b1's new record).
    const rows: LearnerRowCache = new WeakMap();
    const earlier = cohortSummary(assignment, lrsCohortReceipts(before).receipts, catalog.modules, rows);
    const second = cohortSummary(assignment, lrsCohortReceipts(after).receipts, catalog.modules, rows);
    expect(second).toEqual(cohortSummary(assignment, lrsCohortReceipts(after).receipts, catalog.modules));
    const row = (summary: typeof earlier, key: string) => summary.learners.find((entry) => entry.id === `lrs:${key}`);
    expect(row(second, b1)!.correct).toBeLessThan(row(earlier, b1)!.correct);
    const [untouched] = [...before.keys()].filter((key) => key !== b1);
    expect(row(second, untouched!)).toBe(row(earlier, untouched!));
    db.close();
  }, 60_000);

  it('says so when the LRS refuses the credential', async () => {
    const db = new HeardDatabase(`lrs-${crypto.randomUUID()}`);
    const refusing: typeof fetch = async () => new Response('', { status: 401 });
    await expect(syncLrs(db, connection, { fetch: refusing })).rejects.toMatchObject({ problem: 'refused' });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(syncLrs(db, connection, { fetch: offline })).rejects.toMatchObject({ problem: 'unreachable' });
    db.close();
  });
});

describe('reading statements', () => {
  it('ignores statements about other courses, with unknown actors or without times, and counts each once', () => {
    const learners = new Map<string, LrsLearner>();
    const actor = { account: { homePage: 'https://lms', name: 'x' } };
    const answered = {
      id: 's1',
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: `${COURSE}/modules/m/lessons/l/steps/q` },
      result: { response: 'a[,]b' },
      timestamp: '2026-11-01T09:00:00Z',
    };
    const changed = applyStatements(
      learners,
      [
        answered,
        answered,
        { ...answered, id: 's2', object: { id: 'https://elsewhere/modules/m/lessons/l/steps/q' } },
        { ...answered, id: 's3', actor: {} },
        { ...answered, id: 's4', timestamp: 'yesterday' },
      ],
      COURSE,
    );
    expect([...changed]).toEqual([actorKey(actor)]);
    expect(learners.get(actorKey(actor)!)!.answers.map(parseAnswer)).toEqual([
      { moduleId: 'm', lessonId: 'l', stepId: 'q', optionIds: ['a', 'b'], at: Date.UTC(2026, 10, 1, 9) },
    ]);
  });

  it('decides right and wrong from the content, not from the statement', () => {
    for (const lesson of adultification.lessons) {
      for (const step of lesson.steps) {
        if (step.kind !== 'question' && step.kind !== 'scenario') continue;
        const right = step.options.filter((option) => option.correct).map((option) => option.id);
        const wrong = step.options.find((option) => !option.correct)!.id;
        if (step.kind === 'question' && step.mode === 'multiple') expect(isRightAnswer(step, right)).toBe(true);
        else expect(isRightAnswer(step, right.slice(0, 1))).toBe(true);
        expect(isRightAnswer(step, [wrong])).toBe(false);
      }
    }
  });
});

describe('the questions a cohort view lists', () => {
  it('keeps to the assignment’s role path, and lists every role’s question when the role is open', () => {
    const withBranches = catalog.modules.filter((courseModule) =>
      courseModule.lessons.some((lesson) => lesson.steps.some((step) => step.kind === 'roleBranch')),
    );
    expect(withBranches.length).toBeGreaterThan(0);
    for (const courseModule of withBranches) {
      const items = [{ moduleId: courseModule.id }];
      const open = assignedQuestions(items, catalog.modules, null);
      const socialCare = assignedQuestions(items, catalog.modules, 'social-care');
      expect(socialCare.length).toBeLessThan(open.length);
      for (const lesson of courseModule.lessons) {
        for (const step of lesson.steps) {
          if (step.kind !== 'roleBranch') continue;
          const taken = step.routes['social-care'] ?? step.otherwise;
          const others = [...Object.values(step.routes), step.otherwise].filter((id) => id !== taken);
          // The first question along a route (routes start with a reading step or two).
          const firstQuestion = (id: string): string => {
            const at = lesson.steps.find((candidate) => candidate.id === id)!;
            if (at.kind === 'question' || at.kind === 'scenario') return at.id;
            return firstQuestion((at as { next: string }).next);
          };
          const listed = socialCare.filter((entry) => entry.lesson.id === lesson.id).map((entry) => entry.step.id);
          expect(listed).toContain(firstQuestion(taken));
          for (const other of others) {
            if (firstQuestion(other) !== firstQuestion(taken)) expect(listed).not.toContain(firstQuestion(other));
          }
        }
      }
    }
  });
});
