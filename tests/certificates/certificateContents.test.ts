// Issue 14: a certificate says exactly what was completed: the lessons done and only the outcomes
// they teach, never the whole module when only part was taken, and the minutes of those lessons.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/content/catalog';
import { isDecisionStep, type Lesson, type Role } from '../../src/engine/content';
import { stepById } from '../../src/engine/lessonGraph';
import { countersignedPayload } from '../../src/trainer/countersign';
import type { ReceiptAnswer } from '../../src/trainer/receiptCode';
import { certificateLabels } from '../../src/features/shared/certificateText';
import { localeResources } from '../fixtures/localeResources';
import { assignmentPayload, receiptPayloadFor } from '../trainer/fixtures';

const catalog = loadCatalog();
const adultification = catalog.modules.find((courseModule) => courseModule.id === 'adultification')!;
const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({
    lng: 'en',
    resources: localeResources(),
    keySeparator: false,
    nsSeparator: '::',
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
  });
});

/** The right answers along one path through a lesson, for a role. */
function rightAnswers(lesson: Lesson, role: Role): ReceiptAnswer[] {
  const answers: ReceiptAnswer[] = [];
  let step = stepById(lesson, lesson.start);
  for (let guard = 0; guard < 200 && step.kind !== 'summary'; guard++) {
    if (isDecisionStep(step)) {
      const right = step.options.filter((option) => option.correct);
      const chosen = step.kind === 'scenario' ? [right[0]] : right;
      answers.push({
        moduleId: adultification.id,
        lessonId: lesson.id,
        stepId: step.id,
        optionIds: chosen.map((option) => option.id),
        correct: true,
      });
      step = stepById(lesson, step.kind === 'scenario' ? chosen[0].next! : step.next);
    } else if (step.kind === 'roleBranch') step = stepById(lesson, step.routes[role] ?? step.otherwise);
    else if (step.kind === 'nationBranch') step = stepById(lesson, step.otherwise);
    else if (step.kind === 'reading' || step.kind === 'rewrite' || step.kind === 'contentNote')
      step = stepById(lesson, step.next);
  }
  return answers;
}

describe('what a certificate says was completed', () => {
  it('an assignment of two lessons lists those two lessons and only their outcomes', () => {
    const [first, second, third] = adultification.lessons;
    const assignment = assignmentPayload('trainer-key', {
      role: 'police',
      items: [
        { moduleId: 'adultification', lessonId: first.id },
        { moduleId: 'adultification', lessonId: second.id },
      ],
    });
    const receipt = receiptPayloadFor('learner-key', {
      answers: [...rightAnswers(first, 'police'), ...rightAnswers(second, 'police')],
    });
    const words = t.getResourceBundle('en', 'adultification') as Record<string, string>;
    const payload = countersignedPayload(assignment, receipt, catalog.modules, {
      id: 'ABCD-EFGH-JKLM',
      issuedAt: '2026-11-25',
      language: 'en',
      trainerKey: 'trainer-key',
      wordsFor: () => words,
    });
    expect(payload.modules).toHaveLength(1);
    expect(payload.modules[0].lessons).toEqual([first.id, second.id]);
    // Minutes for the two lessons done, not the module's.
    expect(payload.cpdMinutes).toBeGreaterThan(0);
    expect(payload.cpdMinutes).toBeLessThan(adultification.cpdMinutes);

    const labels = certificateLabels(payload, t.t, catalog, 'en', { learner: 'AAAA' });
    const [entry] = labels.modules;
    const title = (lesson: Lesson) => t.t(`${lesson.id}.title`, { ns: 'adultification' });
    expect(entry.lessons).toBe(`Part of the module, 2 of its 3 lessons: ${title(first)}; ${title(second)}.`);
    expect(entry.lessons).not.toContain(title(third));
    const taught = adultification.outcomes.filter((outcome) =>
      [...first.outcomes, ...second.outcomes].includes(outcome),
    );
    expect(entry.outcomes).toEqual(taught.map((outcome) => t.t(`outcome.${outcome}`, { ns: 'adultification' })));
    const notTaught = adultification.outcomes.filter((outcome) => !taught.includes(outcome));
    for (const outcome of notTaught)
      expect(entry.outcomes).not.toContain(t.t(`outcome.${outcome}`, { ns: 'adultification' }));
    expect(labels.completed).not.toMatch(/module:/);
  });

  it('records the date the module’s law was checked to, and shows it', () => {
    const [first] = adultification.lessons;
    const assignment = assignmentPayload('trainer-key', {
      role: 'police',
      items: [{ moduleId: 'adultification', lessonId: first.id }],
    });
    const receipt = receiptPayloadFor('learner-key', { answers: rightAnswers(first, 'police') });
    const payload = countersignedPayload(assignment, receipt, catalog.modules, {
      id: 'ABCD-EFGH-JKLM',
      issuedAt: '2026-12-05',
      language: 'en',
      trainerKey: 'trainer-key',
    });
    expect(payload.modules[0].lawCheckedTo).toBe(adultification.lawCheckedTo);
    expect(payload.refreshBy).toBe('2029-12-05');
    const organisations = countersignedPayload(assignment, receipt, catalog.modules, {
      id: 'ABCD-EFGH-JKLM',
      issuedAt: '2026-12-05',
      language: 'en',
      trainerKey: 'trainer-key',
      refreshYears: 2,
    });
    expect(organisations.refreshBy).toBe('2028-12-05');
    const [entry] = certificateLabels(payload, t.t, catalog, 'en', { learner: 'AAAA' }).modules;
    const [year, month, day] = adultification.lawCheckedTo.split('-').map(Number);
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
    expect(entry.lawCheckedTo).toBe(`Law and guidance checked to ${date}.`);
  });

  it('a whole module says so and lists every outcome', () => {
    const payload = {
      v: 1 as const,
      id: 'ABCD-EFGH-JKLM',
      name: 'Sam',
      role: null,
      organisation: '',
      modules: [{ id: 'adultification', correct: 10, total: 12, completedAt: '2026-11-20' }],
      cpdMinutes: adultification.cpdMinutes,
      issuedAt: '2026-11-25',
      refreshBy: '2029-11-25',
      language: 'en',
      key: 'k',
    };
    const [entry] = certificateLabels(payload, t.t, catalog, 'en', { learner: 'AAAA' }).modules;
    expect(entry.lessons).toMatch(/^The whole module, every lesson: /);
    expect(entry.outcomes).toHaveLength(adultification.outcomes.length);
    // An older certificate recorded no review date: it says nothing rather than guess one.
    expect(entry.lawCheckedTo).toBeNull();
  });
});
