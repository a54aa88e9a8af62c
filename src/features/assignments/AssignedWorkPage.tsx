import { useEffect, useState, type FormEvent } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import { lessonKey } from '../../storage/database';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { assignedLessons } from '../../trainer/assignmentContent';
import { assignmentProgress, makeReceipt } from '../../trainer/learnerAssignments';
import { receiptLink } from '../../trainer/receiptCode';
import { NotFoundPage } from '../shared/NotFoundPage';
import { PageHeading } from '../shared/PageHeading';
import { AssignmentDetails } from '../shared/AssignmentDetails';
import { AssignmentStatusTag } from './AssignedWork';
import { fileSlug } from '../shared/downloadText';
import { ShareCode } from '../shared/ShareCode';
import { useFingerprint, useLearnerAssignment } from '../shared/useAssignments';

const route = getRouteApi('/assignments/$assignmentId');

function SendReceipt({ payload }: { payload: AssignmentPayload }) {
  const { t } = useTranslation(['trainer', 'ui']);
  const db = useDatabase();
  const { catalog, now } = useServices();
  const [name, setName] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<'name' | 'failed' | null>(null);

  useEffect(() => {
    db.profile
      .get('learner')
      .then((profile) => setName((current) => current || profile?.displayName || ''))
      .catch(() => {});
  }, [db]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setProblem('name');
      return;
    }
    setProblem(null);
    try {
      const profile = await db.profile.get('learner');
      const made = await makeReceipt(
        db,
        payload,
        catalog.modules,
        {
          name,
          role: profile?.role ?? null,
          nation: profile?.nation ?? null,
          organisation: profile?.organisation ?? '',
        },
        now(),
      );
      if (made) setCode(made);
      else setProblem('failed');
    } catch {
      setProblem('failed');
    }
  };

  return (
    <section className="panel panel--highlight" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading">{t('receipt.heading')}</h2>
      <p>{t('receipt.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor="receipt-name">{t('receipt.name')}</label>
          <input
            id="receipt-name"
            type="text"
            autoComplete="name"
            maxLength={120}
            value={name}
            aria-invalid={problem === 'name' ? true : undefined}
            aria-describedby={problem === 'name' ? 'receipt-name-error' : undefined}
            onChange={(event) => setName(event.target.value)}
          />
          {problem === 'name' && (
            <p id="receipt-name-error" className="error-message">
              {t('receipt.nameNeeded')}
            </p>
          )}
        </div>
        <button type="submit" className="button">
          {t('receipt.make')}
        </button>
        {problem === 'failed' && (
          <p role="alert" className="panel panel--warning">
            {t('receipt.failed')}
          </p>
        )}
      </form>
      {code && (
        <div role="status">
          <p>{t('receipt.ready', { name: payload.trainer.name })}</p>
          <ShareCode
            id="receipt-link"
            link={receiptLink(window.location.origin, code)}
            linkLabel={t('receipt.link')}
            copyLabel={t('share.copyReceipt')}
            qrLabel={t('receipt.qr')}
            fileName={`receipt-${fileSlug(payload.title)}-${fileSlug(name)}.txt`}
            downloadLabel={t('receipt.file')}
          />
        </div>
      )}
    </section>
  );
}

/** A learner's assigned work: what to do, how far they are, and the receipt once it is done. */
export function AssignedWorkPage() {
  const { assignmentId } = route.useParams();
  const db = useDatabase();
  const { catalog, now } = useServices();
  const assignment = useLearnerAssignment(assignmentId);
  const moduleIds = [...new Set(assignment?.payload.items.map((item) => item.moduleId) ?? [])].filter((moduleId) =>
    catalog.modules.some((courseModule) => courseModule.id === moduleId),
  );
  const { t } = useTranslation(['trainer', 'ui', 'catalogue', ...moduleIds]);
  const keyFingerprint = useFingerprint(assignment?.payload.trainer.key);
  const today = new Date(now()).toISOString().slice(0, 10);
  const profileRole = useLiveQuery(() => db.profile.get('learner').then((profile) => profile?.role ?? null), [db]);
  const progress = useLiveQuery(
    () => (assignment ? assignmentProgress(db, assignment.payload, catalog.modules, today) : undefined),
    [db, catalog, assignment, today],
  );

  if (assignment === null) return <NotFoundPage />;
  if (!assignment || !progress) return <p role="status">{t('layout.loading', { ns: 'ui' })}</p>;
  const { payload } = assignment;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/">{t('learner.backToDashboard')}</Link>
      </p>
      <PageHeading tabTitle={t('learner.workTabTitle')}>{payload.title}</PageHeading>
      <p>
        <span className="visually-hidden">{t('dashboard.statusLabel')} </span>
        <AssignmentStatusTag status={progress.status} />{' '}
        {t('dashboard.lessonsDone', { done: progress.completedLessons, total: progress.totalLessons })}
      </p>
      <AssignmentDetails payload={payload} keyFingerprint={keyFingerprint} />
      {payload.role && profileRole !== undefined && profileRole !== payload.role && (
        <p className="panel panel--note">{t('learner.rolePath', { role: t(`role.${payload.role}`, { ns: 'ui' }) })}</p>
      )}
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t('learner.lessonsHeading')}</h2>
        <ul className="lesson-list">
          {assignedLessons(payload.items, catalog.modules).map(({ courseModule, lesson }) => {
            const key = lessonKey(courseModule.id, lesson.id);
            const state = progress.lessons[key] ?? 'not-started';
            return (
              <li key={key}>
                <Link
                  to="/modules/$moduleId/lessons/$lessonId"
                  params={{ moduleId: courseModule.id, lessonId: lesson.id }}
                  search={{ ...(payload.role ? { role: payload.role } : {}), assignment: payload.id }}
                >
                  {t('details.lessonOf', {
                    lesson: t(lessonKeys.title(lesson.id), { ns: courseModule.id }),
                    module: t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' }),
                  })}
                </Link>{' '}
                <strong className={`status-tag status-tag--${state}`}>{t(`status.${state}`, { ns: 'ui' })}</strong>
              </li>
            );
          })}
        </ul>
      </section>
      {progress.status === 'done' ? <SendReceipt payload={payload} /> : <p>{t('receipt.notYet')}</p>}
    </>
  );
}
