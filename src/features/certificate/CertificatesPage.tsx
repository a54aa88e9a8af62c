import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { DEFAULT_REFRESH_YEARS } from '../../certificates/refreshYears';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys } from '../../engine/contentKeys';
import { readModuleProgress, type ModuleOverviewProgress } from '../../storage/progressStore';
import { FormMessage, TextField } from '../shared/FormParts';
import { PageHeading } from '../shared/PageHeading';
import { formatDate } from './certificateText';

interface Passed {
  courseModule: CourseModule;
  progress: ModuleOverviewProgress;
}

function IssueForm({ passed }: { passed: Passed[] }) {
  const { t, i18n } = useTranslation();
  const { db, now } = useServices();
  const [moduleId, setModuleId] = useState(passed[0]?.courseModule.id ?? '');
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [years, setYears] = useState(DEFAULT_REFRESH_YEARS);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  useEffect(() => {
    db.profile
      .get('learner')
      .then((profile) => {
        setName((current) => current || profile?.displayName || '');
        setOrganisation((current) => current || profile?.organisation || '');
      })
      .catch(() => {});
  }, [db]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = passed.find((entry) => entry.courseModule.id === moduleId);
    if (!chosen) return;
    if (!name.trim()) {
      setMessage({ kind: 'alert', text: t('certificates.nameNeeded') });
      return;
    }
    try {
      const profile = await db.profile.get('learner');
      // Signing code (and the schema that checks it) loads only when someone makes a certificate.
      const { issueCertificate } = await import('../../certificates/issueCertificate');
      const id = await issueCertificate(db, {
        courseModule: chosen.courseModule,
        progress: chosen.progress,
        name,
        organisation,
        role: profile?.role ?? null,
        cpdMinutes: chosen.courseModule.cpdMinutes,
        refreshYears: years,
        language: i18n.language,
        now: now(),
      });
      setMessage({ kind: 'status', text: t('certificates.issued', { id }) });
    } catch {
      setMessage({ kind: 'alert', text: t('certificates.issueFailed') });
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="certificate-module">{t('certificates.module')}</label>
        <select id="certificate-module" value={moduleId} onChange={(event) => setModuleId(event.target.value)}>
          {passed.map(({ courseModule }) => (
            <option key={courseModule.id} value={courseModule.id}>
              {t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' })}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="certificate-name"
        label={t('certificates.name')}
        autoComplete="name"
        value={name}
        onChange={setName}
      />
      <TextField
        id="certificate-organisation"
        label={t('certificates.organisation')}
        autoComplete="organization"
        value={organisation}
        onChange={setOrganisation}
      />
      <div className="field">
        <label htmlFor="certificate-years">{t('certificates.refreshYears')}</label>
        <select id="certificate-years" value={years} onChange={(event) => setYears(Number(event.target.value))}>
          {[1, 2, 3].map((value) => (
            <option key={value} value={value}>
              {t('certificates.years', { count: value })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t('certificates.create')}
      </button>
      <FormMessage
        status={message?.kind === 'status' ? message.text : undefined}
        alert={message?.kind === 'alert' ? message.text : undefined}
      />
    </form>
  );
}

export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const { db, catalog, now } = useServices();
  const certificates = useLiveQuery(
    () =>
      db.certificates
        .orderBy('issuedAt')
        .reverse()
        .toArray()
        .catch(() => []),
    [db],
  );
  const passed = useLiveQuery(async () => {
    const all = await Promise.all(
      catalog.modules.map(async (courseModule) => ({
        courseModule,
        progress: await readModuleProgress(db, courseModule),
      })),
    );
    return all.filter((entry) => entry.progress.status === 'passed');
  }, [db, catalog]);
  const today = new Date(now()).toISOString().slice(0, 10);

  return (
    <>
      <PageHeading tabTitle={t('certificates.tabTitle')}>{t('certificates.heading')}</PageHeading>
      <p className="lead">{t('certificates.intro')}</p>
      <p>
        <Link to="/certificates/import">{t('certificates.importLink')}</Link>
      </p>
      <section aria-labelledby="issue-heading">
        <h2 id="issue-heading">{t('certificates.getHeading')}</h2>
        {passed && passed.length > 0 ? <IssueForm passed={passed} /> : <p>{t('certificates.nonePassed')}</p>}
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('certificates.listHeading')}</h2>
        {certificates && certificates.length > 0 ? (
          <ul className="certificate-list">
            {certificates.map((certificate) => (
              <li key={certificate.id}>
                <Link to="/certificates/$certificateId" params={{ certificateId: certificate.id }}>
                  {certificate.moduleIds
                    .map((moduleId) => t(catalogueKeys.title(moduleId), { ns: 'catalogue' }))
                    .join(', ')}
                </Link>{' '}
                <span className="meta">
                  {t('certificates.listLine', {
                    id: certificate.id,
                    issued: formatDate(certificate.issuedAt, i18n.language),
                    refresh: formatDate(certificate.refreshBy, i18n.language),
                  })}
                </span>{' '}
                <strong className={`status-tag status-tag--${certificate.refreshBy < today ? 'not-passed' : 'passed'}`}>
                  {certificate.refreshBy < today ? t('status.due') : t('certificates.current')}
                </strong>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('certificates.noneYet')}</p>
        )}
      </section>
    </>
  );
}
