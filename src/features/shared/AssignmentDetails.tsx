import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { formatDate } from './formatDate';
import { useTrainerStanding } from './useTrainerStanding';

/** What an assignment asks for, in the same words for the trainer and the learner. */
export function AssignmentDetails({
  payload,
  keyFingerprint,
}: {
  payload: AssignmentPayload;
  keyFingerprint?: string;
}) {
  const { catalog } = useServices();
  const moduleIds = [...new Set(payload.items.map((item) => item.moduleId))].filter((moduleId) =>
    catalog.modules.some((courseModule) => courseModule.id === moduleId),
  );
  const { t, i18n } = useTranslation(['trainer', 'ui', 'catalogue', ...moduleIds]);
  const standing = useTrainerStanding(payload);
  return (
    <dl className="verify-details">
      <dt>{t('details.trainer')}</dt>
      <dd>
        {standing?.standing === 'endorsed'
          ? t('details.endorsed', {
              name: standing.endorsement.name,
              role: standing.endorsement.role,
              organisation: standing.organisation,
            })
          : t('details.notEndorsed', { name: payload.trainer.name })}
        {keyFingerprint && <> {t('details.fingerprint', { fingerprint: keyFingerprint })}</>}
      </dd>
      {payload.cohort && (
        <>
          <dt>{t('details.cohort')}</dt>
          <dd>{payload.cohort}</dd>
        </>
      )}
      <dt>{t('details.work')}</dt>
      <dd>
        <ul>
          {payload.items.map((item) => {
            const known = moduleIds.includes(item.moduleId);
            const title = known ? t(catalogueKeys.title(item.moduleId), { ns: 'catalogue' }) : item.moduleId;
            return (
              <li key={`${item.moduleId}/${item.lessonId ?? ''}`}>
                {item.lessonId
                  ? t('details.lessonOf', {
                      lesson: known ? t(lessonKeys.title(item.lessonId), { ns: item.moduleId }) : item.lessonId,
                      module: title,
                    })
                  : t('details.wholeModule', { title })}
              </li>
            );
          })}
        </ul>
      </dd>
      <dt>{t('details.role')}</dt>
      <dd>{payload.role ? t(`role.${payload.role}`, { ns: 'ui' }) : t('details.ownRole')}</dd>
      <dt>{t('details.passMark')}</dt>
      <dd>{t('details.percent', { percent: payload.passMark })}</dd>
      <dt>{t('details.due')}</dt>
      <dd>{payload.due ? formatDate(payload.due, i18n.language) : t('details.noDue')}</dd>
      {payload.note && (
        <>
          <dt>{t('details.note')}</dt>
          <dd className="assignment-note">{payload.note}</dd>
        </>
      )}
    </dl>
  );
}
