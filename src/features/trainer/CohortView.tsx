import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { organisation } from '../../organisation/organisation';
import { lessonKeys, mythKeys, stepKeys } from '../../engine/contentKeys';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import {
  cohortSummary,
  type CohortReceipt,
  type LearnerRow,
  type LearnerRowCache,
  type QuestionShares,
} from '../../trainer/cohort';
import { certificateImportLink, countersignCertificate } from '../../trainer/countersign';
import { cohortCsv } from '../../trainer/csv';
import { trainerEndorsement, trainerKeys } from '../../trainer/trainerKeys';
import { formatDate } from '../shared/formatDate';
import { downloadText, fileSlug } from '../shared/downloadText';
import { ShareCode } from '../shared/ShareCode';
import { OpenBadgeDownload } from './OpenBadgeDownload';

/** A bar for a share from 0 to 1, drawn in SVG (the CSP allows no inline styles); the number is in the text. */
function ShareBar({ share }: { share: number }) {
  return (
    <svg className="share-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="100" height="10" className="share-bar__track" />
      <rect width={Math.round(share * 100)} height="10" className="share-bar__fill" />
    </svg>
  );
}

/** Where countersigned certificates are kept: with the receipts, or with the LRS's learner records. */
export type SaveCountersigned = (entries: { id: string; code: string }[]) => Promise<void>;

/** Rows per page, so a cohort of thousands stays quick to render and to read. */
export const COHORT_PAGE_SIZE = 50;

function useCountersigning(assignment: AssignmentPayload, save: SaveCountersigned) {
  const db = useDatabase();
  const { catalog, now } = useServices();
  const { i18n } = useTranslation('trainer');
  return async (receipts: CohortReceipt[]) => {
    const keys = await trainerKeys(db, now());
    const entries: { id: string; code: string }[] = [];
    for (const receipt of receipts) {
      const code = await countersignCertificate(assignment, receipt.payload, catalog.modules, keys, {
        now: now(),
        language: i18n.language === 'cy' ? 'cy' : 'en',
        endorsement: await trainerEndorsement(db),
        refreshYears: organisation?.refreshYears,
        // CPD minutes for part of a module are estimated from its English words, when loaded.
        wordsFor: (moduleId) => i18n.getResourceBundle('en', moduleId) as Record<string, string> | undefined,
      });
      entries.push({ id: receipt.id, code });
    }
    await save(entries);
    return entries.length;
  };
}

function Countersign({
  assignment,
  receipt,
  row,
  save,
}: {
  assignment: AssignmentPayload;
  receipt: CohortReceipt;
  row: LearnerRow;
  save: SaveCountersigned;
}) {
  const { t } = useTranslation('trainer');
  const [failed, setFailed] = useState(false);
  const countersignAll = useCountersigning(assignment, save);
  if (!row.passed) return <>{t('cohort.noCertificate')}</>;
  if (receipt.countersignedCode) return <>{t('cohort.countersigned')}</>;
  const countersign = async () => {
    try {
      await countersignAll([receipt]);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        aria-label={t('cohort.countersign', { name: row.name })}
        onClick={() => void countersign()}
      >
        {t('cohort.countersignShort')}
      </button>
      {failed && <p role="alert">{t('cohort.countersignFailed')}</p>}
    </>
  );
}

function QuestionChart({
  question,
  learners,
  idPrefix,
}: {
  question: QuestionShares;
  learners: number;
  idPrefix: string;
}) {
  const { t } = useTranslation(['trainer', question.moduleId]);
  const headingId = `${idPrefix}question-${question.moduleId}-${question.lessonId}-${question.stepId}`;
  const words = (key: string) => t(key, { ns: question.moduleId });
  return (
    <section className="question-chart" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {words(lessonKeys.title(question.lessonId))}: {words(stepKeys.title(question.lessonId, question.stepId))}
      </h4>
      <p>{words(stepKeys.prompt(question.lessonId, question.stepId))}</p>
      <p className="meta">{t('cohort.answered', { count: question.answered, total: learners })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('cohort.option')}</th>
              <th scope="col">{t('cohort.learners')}</th>
              <th scope="col">{t('cohort.share')}</th>
            </tr>
          </thead>
          <tbody>
            {question.options.map((option) => (
              <tr key={option.optionId}>
                <th scope="row">
                  {words(stepKeys.option(question.lessonId, question.stepId, option.optionId))}{' '}
                  <span className={option.correct ? 'answer-tag answer-tag--right' : 'answer-tag'}>
                    {option.correct ? t('cohort.right') : t('cohort.wrong')}
                  </span>
                </th>
                <td>{option.count}</td>
                <td>
                  <span className="share-cell">
                    <ShareBar share={option.share} />
                    {t('details.percent', { percent: Math.round(option.share * 100) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Previous and next page buttons, with where the reader is. */
function Pager({
  page,
  total,
  onPage,
  labels,
}: {
  page: number;
  total: number;
  onPage: (page: number) => void;
  labels: { position: string; previous: string; next: string };
}) {
  if (total <= COHORT_PAGE_SIZE) return null;
  const last = Math.ceil(total / COHORT_PAGE_SIZE) - 1;
  return (
    <div className="button-row pager">
      <p className="meta" role="status">
        {labels.position}
      </p>
      <button type="button" className="button button--secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {labels.previous}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={page >= last}
        onClick={() => onPage(page + 1)}
      >
        {labels.next}
      </button>
    </div>
  );
}

const pageOf = <T,>(items: T[], page: number) => items.slice(page * COHORT_PAGE_SIZE, (page + 1) * COHORT_PAGE_SIZE);

/** The cohort dashboard: who finished and how they scored, option shares, the debrief list, CSV. */
export function CohortView({
  assignment,
  receipts,
  saveCountersigned,
  learnersText,
  idPrefix = '',
}: {
  assignment: AssignmentPayload;
  receipts: CohortReceipt[];
  /** Defaults to keeping the certificate with its imported receipt. */
  saveCountersigned?: SaveCountersigned;
  /** Replaces "N learners have sent a receipt" (the LRS view says where its learners came from). */
  learnersText?: string;
  /** Keeps element ids unique when two cohort views share a page. */
  idPrefix?: string;
}) {
  const db = useDatabase();
  const { catalog } = useServices();
  const { t, i18n } = useTranslation(['trainer', 'ui', 'myths']);
  // Rows worked out before are kept (per assignment and content), so when a sync or a
  // countersignature brings a few new records, only those are scored again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new cache whenever either changes
  const rows = useMemo<LearnerRowCache>(() => new WeakMap(), [assignment, catalog]);
  const summary = useMemo(
    () => cohortSummary(assignment, receipts, catalog.modules, rows),
    [assignment, receipts, catalog, rows],
  );
  const byId = useMemo(() => new Map(receipts.map((receipt) => [receipt.id, receipt])), [receipts]);
  const roleName = (role: LearnerRow['role']) => (role ? t(`role.${role}`, { ns: 'ui' }) : '');
  const [page, setPage] = useState(0);
  const [certificatePage, setCertificatePage] = useState(0);
  const [bulk, setBulk] = useState<
    { state: 'working' } | { state: 'done'; count: number } | { state: 'failed' } | null
  >(null);
  const save: SaveCountersigned =
    saveCountersigned ??
    (async (entries) => {
      await db.receipts.bulkUpdate(
        entries.map((entry) => ({ key: entry.id, changes: { countersignedCode: entry.code } })),
      );
    });
  const countersign = useCountersigning(assignment, save);
  const waiting = summary.learners.filter((row) => row.passed && !row.countersignedCode);
  const countersignEveryone = async () => {
    setBulk({ state: 'working' });
    try {
      const count = await countersign(waiting.map((row) => byId.get(row.id) as CohortReceipt));
      setBulk({ state: 'done', count });
    } catch {
      setBulk({ state: 'failed' });
    }
  };
  const moduleWords = (moduleId: string, key: string) => t(key, { ns: moduleId });

  const exportCsv = () => {
    const csv = cohortCsv(
      summary.learners,
      summary.questions,
      {
        name: t('csv.name'),
        role: t('csv.role'),
        organisation: t('csv.organisation'),
        completedAt: t('csv.completedAt'),
        minutes: t('csv.minutes'),
        correct: t('csv.correct'),
        total: t('csv.total'),
        percent: t('csv.percent'),
        passed: t('csv.passed'),
        yes: t('csv.yes'),
        no: t('csv.no'),
        question: t('csv.question'),
        option: t('csv.option'),
        optionCorrect: t('csv.optionCorrect'),
        learners: t('csv.learners'),
        share: t('csv.share'),
        module: t('csv.module'),
        lesson: t('csv.lesson'),
        questionId: t('csv.questionId'),
        optionId: t('csv.optionId'),
      },
      roleName,
      {
        module: (moduleId) => t(`${moduleId}.title`, { ns: 'catalogue' }),
        lesson: (moduleId, lessonId) => moduleWords(moduleId, lessonKeys.title(lessonId)),
        question: (question) =>
          `${moduleWords(question.moduleId, stepKeys.title(question.lessonId, question.stepId))}: ${moduleWords(
            question.moduleId,
            stepKeys.prompt(question.lessonId, question.stepId),
          )}`,
        option: (question, optionId) =>
          moduleWords(question.moduleId, stepKeys.option(question.lessonId, question.stepId, optionId)),
      },
    );
    downloadText(`${fileSlug(assignment.title)}-cohort.csv`, `\uFEFF${csv}`, 'text/csv');
  };

  if (summary.learners.length === 0) return <p>{learnersText ?? t('cohort.none')}</p>;
  const countersigned = summary.learners.filter((row) => row.countersignedCode);
  const position = (items: number, at: number, key: string) =>
    t(key, {
      from: at * COHORT_PAGE_SIZE + 1,
      to: Math.min(items, (at + 1) * COHORT_PAGE_SIZE),
      total: items,
    });

  return (
    <>
      <p>
        {learnersText ?? t('cohort.summary', { count: summary.learners.length })}{' '}
        {t('cohort.passedSummary', { passed: summary.passed, percent: assignment.passMark })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={waiting.length === 0 || bulk?.state === 'working'}
          onClick={() => void countersignEveryone()}
        >
          {t('cohort.countersignAll', { count: waiting.length })}
        </button>
      </div>
      <p role="status">
        {bulk?.state === 'done' ? t('cohort.countersignedAll', { count: bulk.count }) : ''}
        {bulk?.state === 'working' ? t('layout.loading', { ns: 'ui' }) : ''}
      </p>
      {bulk?.state === 'failed' && <p role="alert">{t('cohort.countersignFailed')}</p>}
      <Pager
        page={page}
        total={summary.learners.length}
        onPage={setPage}
        labels={{
          position: position(summary.learners.length, page, 'cohort.page'),
          previous: t('cohort.previous'),
          next: t('cohort.next'),
        }}
      />
      <div className="table-scroll">
        <table className="cohort-table">
          <caption>{t('cohort.learnersCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cohort.name')}</th>
              <th scope="col">{t('cohort.finished')}</th>
              <th scope="col">{t('cohort.time')}</th>
              <th scope="col">{t('cohort.score')}</th>
              <th scope="col">{t('cohort.result')}</th>
              <th scope="col">{t('cohort.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {pageOf(summary.learners, page).map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name}
                  {row.role && <span className="meta"> · {roleName(row.role)}</span>}
                  {byId.get(row.id)?.learnerFingerprint && (
                    <span className="meta">
                      {' '}
                      · {t('cohort.learnerKey', { fingerprint: byId.get(row.id)?.learnerFingerprint })}
                    </span>
                  )}
                </th>
                <td>{formatDate(row.completedAt.slice(0, 10), i18n.language)}</td>
                <td>{t('cohort.minutes', { count: row.minutes })}</td>
                <td>
                  <span className="share-cell">
                    <ShareBar share={row.percent / 100} />
                    {t('cohort.scoreValue', { percent: row.percent, correct: row.correct, total: row.total })}
                  </span>
                </td>
                <td>
                  <strong className={`status-tag status-tag--${row.passed ? 'passed' : 'not-passed'}`}>
                    {row.passed
                      ? t('cohort.passed')
                      : row.unfinishedLessons > 0
                        ? t('cohort.unfinished', { count: row.unfinishedLessons })
                        : t('cohort.belowPassMark')}
                  </strong>
                </td>
                <td>
                  <Countersign
                    assignment={assignment}
                    receipt={byId.get(row.id) as CohortReceipt}
                    row={row}
                    save={save}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={exportCsv}>
          {t('cohort.csv')}
        </button>
      </div>

      {countersigned.length > 0 && (
        <section aria-labelledby={`${idPrefix}certificates-heading`}>
          <h3 id={`${idPrefix}certificates-heading`}>{t('cohort.certificatesHeading')}</h3>
          <p>{t('cohort.certificatesIntro')}</p>
          <Pager
            page={certificatePage}
            total={countersigned.length}
            onPage={setCertificatePage}
            labels={{
              position: position(countersigned.length, certificatePage, 'cohort.certificatesPage'),
              previous: t('cohort.previousCertificates'),
              next: t('cohort.nextCertificates'),
            }}
          />
          {pageOf(countersigned, certificatePage).map((row) => (
            <div key={row.id}>
              <ShareCode
                id={`${idPrefix}certificate-${row.id}`}
                link={certificateImportLink(window.location.origin, row.countersignedCode as string)}
                linkLabel={t('cohort.certificateLink', { name: row.name })}
                copyLabel={t('share.copyCertificate', { name: row.name })}
                fileName={`certificate-${fileSlug(row.name)}.txt`}
                downloadLabel={t('cohort.certificateFile', { name: row.name })}
              />
              <OpenBadgeDownload
                id={`${idPrefix}badge-${row.id}`}
                code={row.countersignedCode as string}
                learnerName={row.name}
              />
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby={`${idPrefix}debrief-heading`}>
        <h3 id={`${idPrefix}debrief-heading`}>{t('cohort.debriefHeading')}</h3>
        {summary.myths.length === 0 ? (
          <p>{t('cohort.noMyths')}</p>
        ) : (
          <>
            <p>{t('cohort.debriefIntro')}</p>
            <ol className="myth-list debrief-list">
              {summary.myths.map((entry) => (
                <li key={entry.myth}>
                  <strong>{t(mythKeys.label(entry.myth), { ns: 'myths' })}</strong>{' '}
                  {t('cohort.mythCount', { count: entry.learners, total: summary.learners.length })}
                  <br />
                  {t(mythKeys.truth(entry.myth), { ns: 'myths' })}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby={`${idPrefix}questions-heading`}>
        <h3 id={`${idPrefix}questions-heading`}>{t('cohort.questionsHeading')}</h3>
        <p>{t('cohort.questionsIntro')}</p>
        {summary.questions.map((question) => (
          <QuestionChart
            key={`${question.moduleId}/${question.lessonId}/${question.stepId}`}
            question={question}
            learners={summary.learners.length}
            idPrefix={idPrefix}
          />
        ))}
      </section>
    </>
  );
}
