import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { readCertificatePayload } from '../../certificates/certificateCode';
import { catalogueKeys } from '../../engine/contentKeys';
import { verifyBase } from '../../organisation/organisation';
import { BadgeIssueError, issueOpenBadge, type BadgeIssueProblem } from '../../trainer/openBadgeIssue';
import { certificateLabels } from '../shared/certificateText';
import { downloadText, fileSlug } from '../shared/downloadText';

/**
 * Saves a countersigned certificate as an Open Badges 3.0 credential (.json) for the trainer to send
 * to the learner with the certificate link. Only this device can: the badge is signed by its
 * trainer's did:key. A self-declared certificate is never offered as a badge.
 */
export function OpenBadgeDownload({ id, code, learnerName }: { id: string; code: string; learnerName: string }) {
  const db = useDatabase();
  const { catalog, now } = useServices();
  const { t, i18n } = useTranslation([
    'trainer',
    'ui',
    'catalogue',
    ...catalog.modules.map((courseModule) => courseModule.id),
  ]);
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'working' | 'saved' | BadgeIssueProblem | 'failed' | null>(null);
  const payload = readCertificatePayload(code);
  if (!payload?.countersign) return null;

  const save = async () => {
    setState('working');
    const labels = certificateLabels(payload, t, catalog, i18n.language, { learner: '' });
    const titles = payload.modules.map((entry) => t(catalogueKeys.title(entry.id), { ns: 'catalogue' }));
    const criteria = labels.modules
      .map((entry) => [entry.line, entry.lessons, `${entry.outcomesIntro} ${entry.outcomes.join('; ')}`].join('\n'))
      .join('\n\n');
    try {
      const badge = await issueOpenBadge(db, code, {
        words: {
          name: t('openBadge.name', { modules: titles.join('; ') }),
          description: t('openBadge.description', { trainer: payload.countersign?.name }),
          criteria,
          evidenceName: t('openBadge.evidenceName'),
        },
        now: now(),
        verifyBase: verifyBase(),
        email,
      });
      downloadText(`open-badge-${fileSlug(learnerName)}-${badge.id}.json`, badge.json, 'application/json');
      setState('saved');
    } catch (error) {
      setState(error instanceof BadgeIssueError ? error.problem : 'failed');
    }
  };

  return (
    <div className="form open-badge">
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('openBadge.emailLabel', { name: learnerName })}</label>
        <p className="hint" id={`${id}-email-hint`}>
          {t('openBadge.emailHint')}
        </p>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="off"
          aria-describedby={`${id}-email-hint`}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={state === 'working'}
        onClick={() => void save()}
      >
        {t('openBadge.save', { name: learnerName })}
      </button>
      <p role="status">
        {state === 'saved' ? t('openBadge.saved') : state === 'working' ? t('openBadge.working') : ''}
      </p>
      {state !== null && state !== 'saved' && state !== 'working' && (
        <p role="alert" className="panel panel--warning">
          {t(`openBadge.problem.${state}`)}
        </p>
      )}
    </div>
  );
}
