import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { trainerFingerprint } from '../../trainer/trainerKeys';
import { formatDate } from '../shared/formatDate';
import { PageHeading } from '../shared/PageHeading';
import { CreateAssignmentForm } from './CreateAssignmentForm';
import { EndorsementSection } from './EndorsementSection';
import { useTrainerAssignments } from '../shared/useAssignments';

/** The trainer area: assignments made on this device, and the form to make a new one. */
export function TrainerPage() {
  const { t, i18n } = useTranslation(['trainer', 'ui']);
  const db = useDatabase();
  const assignments = useTrainerAssignments();
  const keyFingerprint = useLiveQuery(() => trainerFingerprint(db).catch(() => null), [db]);
  const receiptCounts = useLiveQuery(async () => {
    const receipts = await db.receipts.toArray();
    const counts = new Map<string, number>();
    for (const receipt of receipts) counts.set(receipt.assignmentId, (counts.get(receipt.assignmentId) ?? 0) + 1);
    return counts;
  }, [db]);

  return (
    <>
      <PageHeading tabTitle={t('trainer.tabTitle')}>{t('trainer.heading')}</PageHeading>
      <p className="lead">{t('trainer.intro')}</p>
      <p>{keyFingerprint ? t('trainer.fingerprint', { fingerprint: keyFingerprint }) : t('trainer.noKeyYet')}</p>
      <EndorsementSection />
      <section aria-labelledby="trainer-list-heading">
        <h2 id="trainer-list-heading">{t('trainer.listHeading')}</h2>
        {assignments && assignments.length > 0 ? (
          <ul className="assignment-list">
            {assignments.map(({ id, payload }) => (
              <li key={id}>
                <Link to="/trainer/assignments/$assignmentId" params={{ assignmentId: id }}>
                  {payload.title}
                </Link>{' '}
                <span className="meta">
                  {[
                    payload.cohort,
                    payload.due
                      ? t('trainer.due', { date: formatDate(payload.due, i18n.language) })
                      : t('trainer.noDue'),
                    t('trainer.receiptCount', { count: receiptCounts?.get(id) ?? 0 }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('trainer.none')}</p>
        )}
      </section>
      <section aria-labelledby="trainer-create-heading">
        <h2 id="trainer-create-heading">{t('create.heading')}</h2>
        <CreateAssignmentForm />
      </section>
    </>
  );
}
