// The words of a certificate, shared by the HTML page and the PDF so both always say the same.
import type { TFunction } from 'i18next';
import type { CertificatePayload } from '../../certificates/certificateCode';
import type { CertificateLabels } from '../../certificates/certificatePdf';
import type { Catalog } from '../../content/catalog';
import { findModule } from '../../content/catalog';
import { catalogueKeys, moduleKeys } from '../../engine/contentKeys';

export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'cy' ? 'cy-GB' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

export function certificateLabels(
  payload: CertificatePayload,
  t: TFunction,
  catalog: Catalog,
  language: string,
): CertificateLabels {
  return {
    title: t('certificate.title'),
    certifies: t('certificate.certifies'),
    role: payload.role ? t('certificate.roleLine', { role: t(`role.${payload.role}`) }) : null,
    organisation: t('certificate.organisationLine', { organisation: payload.organisation }),
    completed: t('certificate.completed'),
    modules: payload.modules.map((entry) => {
      const courseModule = findModule(catalog, entry.id);
      return {
        line: t('certificate.moduleLine', {
          title: courseModule ? t(catalogueKeys.title(entry.id), { ns: 'catalogue' }) : entry.id,
          percent: Math.round((entry.correct / entry.total) * 100),
          correct: entry.correct,
          total: entry.total,
          date: formatDate(entry.completedAt, language),
        }),
        outcomes: courseModule
          ? courseModule.outcomes.map((outcome) => t(moduleKeys.outcome(outcome), { ns: entry.id }))
          : [],
      };
    }),
    cpd: t('certificate.cpd', { count: payload.cpdMinutes }),
    issued: t('certificate.issued', { date: formatDate(payload.issuedAt, language) }),
    refreshBy: t('certificate.refreshBy', { date: formatDate(payload.refreshBy, language) }),
    certificateId: t('certificate.id', { id: payload.id }),
    verifyHeading: t('certificate.verifyHeading'),
    verifyInstructions: t('certificate.verifyInstructions', { origin: window.location.origin }),
    proves: payload.countersign
      ? t('certificate.provesCountersigned', { name: payload.countersign.name })
      : t('certificate.provesSelf'),
  };
}
