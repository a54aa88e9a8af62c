import { Suspense } from 'react';
import { Link, getRouteApi, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { assignmentLink } from '../../trainer/assignmentCode';
import { NotFoundPage } from '../shared/NotFoundPage';
import { PageHeading } from '../shared/PageHeading';
import { AssignmentDetails } from '../shared/AssignmentDetails';
import { CohortView } from './CohortView';
import { fileSlug } from '../shared/downloadText';
import { LrsCohort } from './LrsCohort';
import { ReceiptImport } from './ReceiptImport';
import { ShareCode } from '../shared/ShareCode';
import { useFingerprint, useReceipts, useTrainerAssignment } from '../shared/useAssignments';

const route = getRouteApi('/trainer/assignments/$assignmentId');

/** One assignment: hand it out, import receipts, see the cohort and countersign. */
export function TrainerAssignmentPage() {
  const { assignmentId } = route.useParams();
  const { t } = useTranslation(['trainer', 'ui']);
  // A /receipt link opened on this device arrives here with the receipt in the fragment.
  const hash = useLocation({ select: (location) => location.hash });
  const assignment = useTrainerAssignment(assignmentId);
  const receipts = useReceipts(assignmentId);
  const keyFingerprint = useFingerprint(assignment?.payload.trainer.key);

  if (assignment === null) return <NotFoundPage />;
  if (!assignment) return <p role="status">{t('layout.loading', { ns: 'ui' })}</p>;
  const { payload, code } = assignment;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/trainer">{t('assignment.back')}</Link>
      </p>
      <PageHeading tabTitle={t('trainer.tabTitle')}>{payload.title}</PageHeading>
      <AssignmentDetails payload={payload} keyFingerprint={keyFingerprint} />
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{t('assignment.shareHeading')}</h2>
        <p>{t('assignment.shareIntro')}</p>
        <ShareCode
          id="assignment-link"
          link={assignmentLink(window.location.origin, code)}
          linkLabel={t('assignment.link')}
          copyLabel={t('share.copyAssignment')}
          qrLabel={t('assignment.qr')}
          fileName={`assignment-${fileSlug(payload.title)}.txt`}
          downloadLabel={t('assignment.file')}
        />
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('import.heading')}</h2>
        <p>{t('import.intro')}</p>
        <ReceiptImport assignment={payload} initialText={hash ? `#${hash}` : ''} />
      </section>
      <section aria-labelledby="cohort-heading">
        <h2 id="cohort-heading">{t('cohort.heading')}</h2>
        <Suspense fallback={<p role="status">{t('layout.loading', { ns: 'ui' })}</p>}>
          {receipts && <CohortView assignment={payload} receipts={receipts} />}
        </Suspense>
      </section>
      <section aria-labelledby="lrs-heading">
        <h2 id="lrs-heading">{t('lrs.heading')}</h2>
        <Suspense fallback={<p role="status">{t('layout.loading', { ns: 'ui' })}</p>}>
          <LrsCohort assignment={payload} />
        </Suspense>
      </section>
    </>
  );
}
