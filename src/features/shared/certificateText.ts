// The words of a certificate, shared by the HTML page and the PDF so both always say the same.
import type { TFunction } from 'i18next';
import type { CertificatePayload } from '../../certificates/certificateCode';
import type { CertificateLabels } from '../../certificates/certificatePdf';
import type { Catalog } from '../../content/catalog';
import { findModule } from '../../content/catalog';
import { catalogueKeys, lessonKeys, moduleKeys } from '../../engine/contentKeys';
import { organisation, verifyBase } from '../../organisation/organisation';

// Dates are written in one place for every feature; the certificate's words re-export it.
import { formatDate } from './formatDate';

export { formatDate };

/** The address a QR code and link point at: this deployment's canonical Verify page, or the code alone. */
export function verifyUrl(code: string): string {
  const base = verifyBase();
  return base ? `${base}/verify#${code}` : code;
}

type Entry = CertificatePayload['modules'][number];

/** The lessons a certificate entry covers (older certificates covered the whole module). */
function lessonsOf(entry: Entry, catalog: Catalog) {
  const courseModule = findModule(catalog, entry.id);
  if (!courseModule) return null;
  const lessons = entry.lessons
    ? courseModule.lessons.filter((lesson) => entry.lessons?.includes(lesson.id))
    : courseModule.lessons;
  // Outcomes in the module's order, each once: only those the completed lessons teach.
  const taught = new Set(lessons.flatMap((lesson) => lesson.outcomes));
  const outcomes = entry.lessons
    ? courseModule.outcomes.filter((outcome) => taught.has(outcome))
    : courseModule.outcomes;
  return { courseModule, lessons, outcomes };
}

export function certificateLabels(
  payload: CertificatePayload,
  t: TFunction,
  catalog: Catalog,
  language: string,
  fingerprints: { learner: string; trainer?: string },
): CertificateLabels {
  const base = verifyBase();
  // Content words follow the nation the modules were taken for, whoever is looking at them.
  const nation = payload.nation;
  const content: TFunction = nation
    ? (((key: string, options?: Record<string, unknown>) => t(key, { context: nation, ...options })) as TFunction)
    : t;
  return {
    title: t('certificate.title'),
    issuer: organisation ? t('certificate.issuer', { organisation: organisation.name }) : null,
    certifies: t('certificate.certifies'),
    role: payload.role ? t('certificate.roleLine', { role: t(`role.${payload.role}`) }) : null,
    nation: nation ? t('certificate.nationLine', { context: nation }) : null,
    organisation: t('certificate.organisationLine', { organisation: payload.organisation }),
    completed: t('certificate.completed'),
    modules: payload.modules.map((entry) => {
      const known = lessonsOf(entry, catalog);
      const title = known ? content(catalogueKeys.title(entry.id), { ns: 'catalogue' }) : entry.id;
      const lessonTitles = known
        ? known.lessons.map((lesson) => content(lessonKeys.title(lesson.id), { ns: entry.id })).join('; ')
        : '';
      const whole = known !== null && known.lessons.length === known.courseModule.lessons.length;
      return {
        line: t('certificate.moduleLine', {
          title,
          percent: Math.floor((entry.correct / entry.total) * 100),
          correct: entry.correct,
          total: entry.total,
          date: formatDate(entry.completedAt, language),
        }),
        lessons: whole
          ? t('certificate.lessonsWhole', { count: known.lessons.length, lessons: lessonTitles })
          : t('certificate.lessonsSome', {
              count: known?.courseModule.lessons.length ?? 0,
              done: known?.lessons.length ?? 0,
              lessons: lessonTitles,
            }),
        outcomesIntro: t('certificate.outcomesIntro'),
        outcomes: known ? known.outcomes.map((outcome) => content(moduleKeys.outcome(outcome), { ns: entry.id })) : [],
        lawCheckedTo: entry.lawCheckedTo
          ? t('certificate.lawCheckedTo', { date: formatDate(entry.lawCheckedTo, language) })
          : null,
      };
    }),
    cpd: t('certificate.cpd', { count: payload.cpdMinutes }),
    issued: t('certificate.issued', { date: formatDate(payload.issuedAt, language) }),
    refreshBy: t('certificate.refreshBy', { date: formatDate(payload.refreshBy, language) }),
    certificateId: t('certificate.id', { id: payload.id }),
    verifyHeading: t('certificate.verifyHeading'),
    verifyInstructions: base
      ? t('certificate.verifyInstructions', { address: `${base}/verify` })
      : t('certificate.verifyInstructionsNoAddress'),
    proves: payload.countersign
      ? t('certificate.provesCountersigned', { name: payload.countersign.name })
      : t('certificate.provesSelf'),
    fingerprints: [
      t('certificate.learnerFingerprint', { fingerprint: fingerprints.learner }),
      ...(fingerprints.trainer ? [t('certificate.trainerFingerprint', { fingerprint: fingerprints.trainer })] : []),
    ],
  };
}
