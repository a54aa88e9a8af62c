import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { fingerprint } from '../../certificates/signing';
import { deploymentTrust, organisation } from '../../organisation/organisation';
import { trainerStanding } from '../../organisation/trust';
import {
  importEndorsement,
  trainerBadgeDid,
  trainerEndorsement,
  trainerPublicKey,
  type EndorsementImport,
} from '../../trainer/trainerKeys';
import { exportPublicKey } from '../../certificates/signing';
import { formatDate } from '../shared/formatDate';
import { CodeEntry } from '../shared/CodeEntry';

/**
 * The trainer's endorsement: the key to send to the organisation's safeguarding lead, and the
 * signed endorsement they send back. Assignments and countersigned certificates then carry it.
 */
export function EndorsementSection() {
  const { t, i18n } = useTranslation('trainer');
  const db = useDatabase();
  const { now } = useServices();
  const [shownKey, setShownKey] = useState<{ key: string; fingerprint: string; did: string }>();
  const [result, setResult] = useState<EndorsementImport>();
  const current = useLiveQuery(async () => {
    const code = await trainerEndorsement(db);
    const record = await db.deviceKeys.get('trainer');
    if (!code || !record) return null;
    const standing = await trainerStanding(
      await deploymentTrust(),
      code,
      await exportPublicKey(record.publicKey),
      new Date(now()).toISOString().slice(0, 10),
    );
    return standing;
  }, [db, now]);
  const organisationName = organisation?.name ?? '';

  const showKey = async () => {
    const key = await trainerPublicKey(db, now());
    setShownKey({ key, fingerprint: await fingerprint(key), did: await trainerBadgeDid(db, now()) });
  };

  return (
    <section aria-labelledby="endorsement-heading">
      <h2 id="endorsement-heading">{t('endorsement.heading')}</h2>
      {!organisation?.trust ? (
        <p>{t('endorsement.noOrganisation')}</p>
      ) : (
        <>
          {current && current.standing !== 'unknown-key' ? (
            <p>
              {current.standing === 'endorsed'
                ? t('endorsement.current', {
                    organisation: organisationName,
                    name: current.endorsement.name,
                    role: current.endorsement.role,
                    from: formatDate(current.endorsement.from, i18n.language),
                    until: formatDate(current.endorsement.until, i18n.language),
                  })
                : t('endorsement.lapsed', { organisation: organisationName })}
            </p>
          ) : (
            <p>{t('endorsement.none', { organisation: organisationName })}</p>
          )}
          <p>{t('endorsement.intro', { organisation: organisationName })}</p>
          <button type="button" className="button button--secondary" onClick={() => void showKey()}>
            {t('endorsement.showKey')}
          </button>
          {shownKey && (
            <div className="field">
              <label htmlFor="trainer-public-key">{t('endorsement.keyLabel')}</label>
              <textarea id="trainer-public-key" rows={2} readOnly value={shownKey.key} />
              <p>{t('endorsement.keyFingerprint', { fingerprint: shownKey.fingerprint })}</p>
              <label htmlFor="trainer-badge-key">{t('endorsement.badgeKeyLabel')}</label>
              <p className="hint" id="trainer-badge-key-hint">
                {t('endorsement.badgeKeyHint')}
              </p>
              <textarea
                id="trainer-badge-key"
                rows={2}
                readOnly
                value={shownKey.did}
                aria-describedby="trainer-badge-key-hint"
              />
            </div>
          )}
          <div aria-live="polite">
            {result?.ok && <p className="panel panel--support">{t('endorsement.added')}</p>}
            {result && !result.ok && (
              <p className="panel panel--warning">
                {t(`endorsement.problem.${result.problem}`, { organisation: organisationName })}
              </p>
            )}
          </div>
          <CodeEntry
            id="endorsement"
            labels={{
              paste: t('endorsement.pasteLabel'),
              submit: t('endorsement.submit'),
              file: t('endorsement.fileLabel'),
            }}
            onCode={(text) =>
              void deploymentTrust()
                .then((anchor) => importEndorsement(db, text, anchor, now()))
                .then(setResult)
            }
          />
        </>
      )}
    </section>
  );
}
