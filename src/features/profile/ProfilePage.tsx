import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/services';
import { ROLES, type Role } from '../../engine/content';
import type { Nation } from '../../engine/contentSchema';
import { NATIONS } from '../../engine/nationWords';
import { defaultNation } from '../shared/nation';
import { FormMessage, TextField } from '../shared/FormParts';
import { PageHeading } from '../shared/PageHeading';

export function ProfilePage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [organisation, setOrganisation] = useState('');
  // The organisation's default until the learner saves their own (a learner always has a nation).
  const [nation, setNation] = useState<Nation | ''>(defaultNation ?? '');
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');

  useEffect(() => {
    db.profile
      .get('learner')
      .then((profile) => {
        if (!profile) return;
        setDisplayName(profile.displayName ?? '');
        setRole(profile.role ?? '');
        setOrganisation(profile.organisation ?? '');
        setNation(profile.nation ?? defaultNation ?? '');
      })
      .catch(() => setStatus('failed'));
  }, [db]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    db.profile
      .put({
        id: 'learner',
        displayName: displayName.trim() || undefined,
        role: role || undefined,
        nation: nation || undefined,
        organisation: organisation.trim() || undefined,
      })
      .then(() => setStatus('saved'))
      .catch(() => setStatus('failed'));
  };

  return (
    <>
      <PageHeading tabTitle={t('profile.tabTitle')}>{t('profile.heading')}</PageHeading>
      <p className="lead">{t('profile.intro')}</p>
      <form onSubmit={save} className="form">
        <TextField
          id="display-name"
          label={t('profile.displayName')}
          autoComplete="name"
          value={displayName}
          onChange={setDisplayName}
        />
        <div className="field">
          <label htmlFor="role">{t('profile.role')}</label>
          <select id="role" value={role} onChange={(event) => setRole(event.target.value as Role | '')}>
            <option value="">{t('profile.roleNone')}</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field" aria-describedby="nation-hint">
          <legend>{t('profile.nation')}</legend>
          <p id="nation-hint" className="hint">
            {t('profile.nationHint')}
          </p>
          {NATIONS.map((value) => (
            <div className="option" key={value}>
              <input
                id={`nation-${value}`}
                type="radio"
                name="nation"
                value={value}
                checked={nation === value}
                onChange={() => setNation(value)}
              />
              <label htmlFor={`nation-${value}`}>{t(`nation.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          id="organisation"
          label={t('profile.organisation')}
          autoComplete="organization"
          value={organisation}
          onChange={setOrganisation}
        />
        <button type="submit" className="button">
          {t('profile.save')}
        </button>
        <FormMessage
          status={status === 'saved' ? t('profile.saved') : undefined}
          alert={status === 'failed' ? t('profile.failed') : undefined}
        />
      </form>
    </>
  );
}
