import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { exportPublicKey } from '../../certificates/signing';
import { ROLES, type Role } from '../../engine/content';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import type { Lesson } from '../../engine/contentSchema';
import { encodeAssignment, readAssignment, type AssignmentItem } from '../../trainer/assignmentCode';
import { newRandomId } from '../../trainer/signedCode';
import { trainerEndorsement, trainerKeys } from '../../trainer/trainerKeys';
import { TextField } from '../shared/FormParts';

/** Each module's branching scenario is a lesson of its own, so a trainer can assign it alone. */
const isScenarioLesson = (lesson: Lesson) => lesson.steps.some((step) => step.kind === 'scenario');

type Field = 'title' | 'trainer' | 'items' | 'passMark' | 'due';

interface Draft {
  title: string;
  cohort: string;
  trainer: string;
  /** `moduleId` for a whole module, `moduleId/lessonId` for one lesson. */
  chosen: string[];
  role: Role | '';
  passMark: string;
  due: string;
  note: string;
}

export function validateDraft(draft: Draft, today: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!draft.title.trim()) errors.title = 'create.error.title';
  if (!draft.trainer.trim()) errors.trainer = 'create.error.trainer';
  if (draft.chosen.length === 0) errors.items = 'create.error.items';
  const passMark = Number(draft.passMark);
  if (draft.passMark.trim() === '' || !Number.isInteger(passMark) || passMark < 0 || passMark > 100) {
    errors.passMark = 'create.error.passMark';
  }
  if (draft.due !== '' && (!/^\d{4}-\d{2}-\d{2}$/.test(draft.due) || Number.isNaN(Date.parse(draft.due)))) {
    errors.due = 'create.error.dueInvalid';
  } else if (draft.due !== '' && draft.due < today) errors.due = 'create.error.duePast';
  return errors;
}

function itemsFrom(chosen: string[]): AssignmentItem[] {
  const wholeModules = new Set(chosen.filter((entry) => !entry.includes('/')));
  return chosen
    .filter((entry) => !entry.includes('/') || !wholeModules.has(entry.split('/')[0]))
    .map((entry) => {
      const [moduleId, lessonId] = entry.split('/');
      return lessonId ? { moduleId, lessonId } : { moduleId };
    });
}

/** The form a trainer fills in to make a signed assignment: every field labelled, errors in words. */
export function CreateAssignmentForm() {
  const db = useDatabase();
  const { catalog, now } = useServices();
  const { t } = useTranslation([
    'trainer',
    'ui',
    'catalogue',
    ...catalog.modules.map((courseModule) => courseModule.id),
  ]);
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>({
    title: '',
    cohort: '',
    trainer: '',
    chosen: [],
    role: '',
    passMark: '80',
    due: '',
    note: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failed, setFailed] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const today = new Date(now()).toISOString().slice(0, 10);

  useEffect(() => {
    // The trainer's name from their last assignment, so they type it once.
    db.trainerAssignments
      .orderBy('createdAt')
      .last()
      .then((last) => {
        const name = last ? readAssignment(last.code)?.trainer.name : undefined;
        if (name) setDraft((current) => (current.trainer ? current : { ...current, trainer: name }));
      })
      .catch(() => {});
  }, [db]);

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const toggle = (entry: string, on: boolean) =>
    update('chosen', on ? [...draft.chosen, entry] : draft.chosen.filter((existing) => existing !== entry));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft, today);
    setErrors(found);
    setFailed(false);
    if (Object.keys(found).length > 0) {
      summaryRef.current?.focus();
      return;
    }
    try {
      const keys = await trainerKeys(db, now());
      const id = newRandomId();
      const code = await encodeAssignment(
        {
          v: 1,
          id,
          title: draft.title.trim(),
          cohort: draft.cohort.trim(),
          items: itemsFrom(draft.chosen),
          role: draft.role === '' ? null : draft.role,
          passMark: Number(draft.passMark),
          due: draft.due === '' ? null : draft.due,
          note: draft.note.trim(),
          createdAt: today,
          trainer: await (async () => {
            const endorsement = await trainerEndorsement(db);
            const trainer = { name: draft.trainer.trim(), key: await exportPublicKey(keys.publicKey) };
            return endorsement ? { ...trainer, endorsement } : trainer;
          })(),
        },
        keys.privateKey,
      );
      await db.trainerAssignments.add({ id, code, createdAt: now() });
      await navigate({ to: '/trainer/assignments/$assignmentId', params: { assignmentId: id } });
    } catch {
      setFailed(true);
    }
  };

  const errorText = (field: Field) => (errors[field] ? t(errors[field]) : undefined);
  const errorCount = Object.keys(errors).length;

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <div ref={summaryRef} tabIndex={-1}>
        {errorCount > 0 && (
          <div role="alert" className="panel panel--warning">
            <h3>{t('create.errorSummary', { count: errorCount })}</h3>
            <ul>
              {(Object.keys(errors) as Field[]).map((field) => (
                <li key={field}>
                  <a
                    href={`#assignment-${field}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(`assignment-${field}`)?.focus();
                    }}
                  >
                    {t(errors[field] as string)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <TextField
        id="assignment-title"
        label={t('create.title')}
        maxLength={120}
        value={draft.title}
        error={errorText('title')}
        onChange={(value) => update('title', value)}
      />
      <TextField
        id="assignment-cohort"
        label={t('create.cohort')}
        hint={t('create.cohortHint')}
        maxLength={120}
        value={draft.cohort}
        onChange={(value) => update('cohort', value)}
      />
      <TextField
        id="assignment-trainer"
        label={t('create.trainer')}
        hint={t('create.trainerHint')}
        autoComplete="name"
        maxLength={120}
        value={draft.trainer}
        error={errorText('trainer')}
        onChange={(value) => update('trainer', value)}
      />
      <fieldset
        className="settings-group assignment-items"
        id="assignment-items"
        tabIndex={-1}
        aria-describedby={errors.items ? 'assignment-items-hint assignment-items-error' : 'assignment-items-hint'}
      >
        <legend>{t('create.items')}</legend>
        <p id="assignment-items-hint" className="hint">
          {t('create.itemsHint')}
        </p>
        {errors.items && (
          <p id="assignment-items-error" className="error-message">
            <span className="visually-hidden">{t('form.errorPrefix', { ns: 'ui' })}</span> {errorText('items')}
          </p>
        )}
        {catalog.modules.map((courseModule) => {
          const title = t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' });
          const whole = draft.chosen.includes(courseModule.id);
          return (
            <fieldset key={courseModule.id} className="item-group">
              <legend>{title}</legend>
              <div className="option">
                <input
                  id={`item-${courseModule.id}`}
                  type="checkbox"
                  checked={whole}
                  onChange={(event) => toggle(courseModule.id, event.target.checked)}
                />
                <label htmlFor={`item-${courseModule.id}`}>{t('create.wholeModule', { title })}</label>
              </div>
              {courseModule.lessons.map((lesson) => {
                const entry = `${courseModule.id}/${lesson.id}`;
                const inputId = `item-${courseModule.id}-${lesson.id}`;
                return (
                  <div className="option" key={lesson.id}>
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={whole || draft.chosen.includes(entry)}
                      disabled={whole}
                      onChange={(event) => toggle(entry, event.target.checked)}
                    />
                    <label htmlFor={inputId}>
                      {t(lessonKeys.title(lesson.id), { ns: courseModule.id })}
                      {isScenarioLesson(lesson) && (
                        <>
                          {' '}
                          <span className="option-tag">{t('create.scenarioTag')}</span>
                        </>
                      )}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </fieldset>
      <div className="field">
        <label htmlFor="assignment-role">{t('create.role')}</label>
        <select
          id="assignment-role"
          value={draft.role}
          onChange={(event) => update('role', event.target.value as Role | '')}
        >
          <option value="">{t('create.ownRole')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`, { ns: 'ui' })}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="assignment-passMark"
        label={t('create.passMark')}
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        step={1}
        value={draft.passMark}
        error={errorText('passMark')}
        onChange={(value) => update('passMark', value)}
      />
      <TextField
        id="assignment-due"
        label={t('create.due')}
        hint={t('create.dueHint')}
        type="date"
        min={today}
        value={draft.due}
        error={errorText('due')}
        onChange={(value) => update('due', value)}
      />
      <TextField
        id="assignment-note"
        label={t('create.note')}
        hint={t('create.noteHint')}
        rows={3}
        maxLength={1000}
        value={draft.note}
        onChange={(value) => update('note', value)}
      />
      <button type="submit" className="button">
        {t('create.submit')}
      </button>
      {failed && (
        <p role="alert" className="panel panel--warning">
          {t('create.failed')}
        </p>
      )}
    </form>
  );
}
