import { useMemo } from 'react';
import { Link, useLocation } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { readReceipt } from '../../trainer/receiptCode';
import { PageHeading } from '../shared/PageHeading';

/** A receipt link opened directly: says what it is and, on the trainer's device, where to import it. */
export function ReceiptLinkPage() {
  const { t } = useTranslation('trainer');
  const db = useDatabase();
  const hash = useLocation({ select: (location) => location.hash });
  const assignmentId = useMemo(() => readReceipt(hash)?.assignmentId ?? null, [hash]);
  const known = useLiveQuery(
    async () => (assignmentId ? (await db.trainerAssignments.get(assignmentId)) !== undefined : false),
    [db, assignmentId],
  );
  return (
    <>
      <PageHeading tabTitle={t('receiptLink.heading')}>{t('receiptLink.heading')}</PageHeading>
      <p className="lead">{t('receiptLink.intro')}</p>
      {known && assignmentId ? (
        <p>
          <Link className="button" to="/trainer/assignments/$assignmentId" params={{ assignmentId }} hash={hash}>
            {t('receiptLink.import')}
          </Link>
        </p>
      ) : (
        <p>
          {t('receiptLink.elsewhere')} <Link to="/trainer">{t('receiptLink.trainerArea')}</Link>
        </p>
      )}
    </>
  );
}
