import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { defaultNation, useContentTranslation } from '../shared/nation';
import { useServices } from '../../app/services';
import { DEFAULT_REFRESH_YEARS } from '../../certificates/refreshYears';
import { organisation } from '../../organisation/organisation';
import type { CourseModule } from '../../engine/contentSchema';
import { catalogueKeys } from '../../engine/contentKeys';
import type { LearnerProfile } from '../../storage/database';
import type { ModuleOverviewProgress } from '../../storage/moduleOverview';
import { storedModuleOverview } from '../../storage/storedProgress';
import { useStoredProgress } from '../shared/useStoredProgress';
import { FormMessage, TextField } from '../shared/FormParts';
import { PageHeading } from '../shared/PageHeading';
import { formatDate } from '../shared/certificateText';

interface Passed {
  courseModule: CourseModule;
  progress: ModuleOverviewProgress;
}

function IssueForm({
  passed,
  profile,
  onIssued,
}: {
  passed: Passed[];
  profile: LearnerProfile | undefined;
  onIssued: () => void;
}) {
  const { t, i18n } = useContentTranslation();
  const { database, now } = useServices();
  const [moduleId, setModuleId] = useState(passed[0]?.courseModule.id ?? '');
  const [name, setName] = useState(profile?.displayName ?? '');
  const [organisation, setOrganisation] = useState(profile?.organisation ?? '');
  const [years, setYears] = useState(REFRESH_DEFAULT);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = passed.find((entry) => entry.courseModule.id === moduleId);
    if (!chosen) return;
    if (!name.trim()) {
      setMessage({ kind: 'alert', text: t('certificates.nameNeeded') });
      return;
    }
    try {
      // Signing code, the schema that checks it, and Dexie load only when someone makes a certificate.
      const [db, { issueCertificate }] = await Promise.all([
        database.load(),
        import('../../certificates/issueCertificate'),
      ]);
      const id = await issueCertificate(db, {
        courseModule: chosen.courseModule,
        name,
        organisation,
        role: profile?.role ?? null,
        nation: profile?.nation ?? defaultNation,
        cpdMinutes: chosen.courseModule.cpdMinutes,
        refreshYears: years,
        language: i18n.language,
        now: now(),
      });
      setMessage({ kind: 'status', text: t('certificates.issued', { id }) });
      onIssued();
    } catch (error) {
      setMessage({
        kind: 'alert',
        text:
          error instanceof Error && error.name === 'NotPassedByAnswersError'
            ? t('certificates.notPassedByAnswers')
            : t('certificates.issueFailed'),
      });
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
          {REFRESH_CHOICES.map((value) => (
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

/** The organisation's refresh period, when its file sets one, is the default and always a choice. */
const REFRESH_DEFAULT = organisation?.refreshYears ?? DEFAULT_REFRESH_YEARS;
const REFRESH_CHOICES = [...new Set([1, 2, 3, REFRESH_DEFAULT])].sort((a, b) => a - b);

export function CertificatesPage() {
  const { t, i18n } = useContentTranslation();
  const { catalog, now } = useServices();
  const [stored, refresh] = useStoredProgress();
  // When storage is blocked there is nothing to list; StorageWarning explains why.
  const records = stored?.ok ? stored.progress : undefined;
  const certificates = records
    ? [...records.certificates].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
    : stored && [];
  const passed = records
    ? catalog.modules
        .map((courseModule) => ({
          courseModule,
          progress: storedModuleOverview(courseModule, records),
        }))
        .filter((entry) => entry.progress.status === 'passed')
    : stored && [];
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
        {passed && passed.length > 0 ? (
          <IssueForm passed={passed} profile={records?.profile[0]} onIssued={refresh} />
        ) : (
          <p>{t('certificates.nonePassed')}</p>
        )}
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
