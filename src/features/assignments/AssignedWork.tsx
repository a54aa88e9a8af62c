import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { assignmentProgress, type AssignmentStatus } from '../../trainer/learnerAssignments';
import { formatDate } from '../shared/formatDate';
import { useLearnerAssignments, type StoredAssignment } from '../shared/useAssignments';

const STATUS_CLASS: Record<AssignmentStatus, string> = {
  'not-started': 'not-started',
  'in-progress': 'in-progress',
  done: 'passed',
  overdue: 'not-passed',
};

export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation('trainer');
  return <strong className={`status-tag status-tag--${STATUS_CLASS[status]}`}>{t(`status.${status}`)}</strong>;
}

function AssignedItem({ assignment }: { assignment: StoredAssignment }) {
  const { t, i18n } = useTranslation('trainer');
  const db = useDatabase();
  const { catalog, now } = useServices();
  const today = new Date(now()).toISOString().slice(0, 10);
  const progress = useLiveQuery(
    () => assignmentProgress(db, assignment.payload, catalog.modules, today),
    [db, catalog, assignment, today],
  );
  const { payload } = assignment;
  return (
    <li className="module-card">
      <h3>
        <Link to="/assignments/$assignmentId" params={{ assignmentId: assignment.id }}>
          {payload.title}
        </Link>
      </h3>
      <p className="meta">
        {t('dashboard.from', { name: payload.trainer.name })} ·{' '}
        {payload.due ? t('dashboard.due', { date: formatDate(payload.due, i18n.language) }) : t('details.noDue')}
      </p>
      {progress && (
        <p>
          <span className="visually-hidden">{t('dashboard.statusLabel')} </span>
          <AssignmentStatusTag status={progress.status} />{' '}
          {t('dashboard.lessonsDone', { done: progress.completedLessons, total: progress.totalLessons })}
        </p>
      )}
    </li>
  );
}

/** "Assigned to you" on the dashboard: work trainers handed out, with due dates and status. */
export function AssignedWork() {
  const { t } = useTranslation('trainer');
  const assignments = useLearnerAssignments();
  if (!assignments || assignments.length === 0) return null;
  return (
    <section aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">{t('dashboard.heading')}</h2>
      <ul className="module-list">
        {assignments.map((assignment) => (
          <AssignedItem key={assignment.id} assignment={assignment} />
        ))}
      </ul>
    </section>
  );
}
