import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import { lessonKeys, mythKeys, stepKeys } from '../../engine/contentKeys';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { cohortSummary, type LearnerRow, type QuestionShares } from '../../trainer/cohort';
import { certificateImportLink, countersignCertificate } from '../../trainer/countersign';
import { cohortCsv } from '../../trainer/csv';
import { trainerEndorsement, trainerKeys } from '../../trainer/trainerKeys';
import { formatDate } from '../certificate/certificateText';
import { downloadText, fileSlug } from './downloadText';
import { ShareCode } from './ShareCode';
import type { StoredReceipt } from './useAssignments';

/** A bar for a share from 0 to 1, drawn in SVG (the CSP allows no inline styles); the number is in the text. */
function ShareBar({ share }: { share: number }) {
  return (
    <svg className="share-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="100" height="10" className="share-bar__track" />
      <rect width={Math.round(share * 100)} height="10" className="share-bar__fill" />
    </svg>
  );
}

function Countersign({
  assignment,
  receipt,
  row,
}: {
  assignment: AssignmentPayload;
  receipt: StoredReceipt;
  row: LearnerRow;
}) {
  const { t, i18n } = useTranslation('trainer');
  const db = useDatabase();
  const { catalog, now } = useServices();
  const [failed, setFailed] = useState(false);
  if (!row.passed) return <>{t('cohort.noCertificate')}</>;
  if (receipt.countersignedCode) return <>{t('cohort.countersigned')}</>;
  const countersign = async () => {
    try {
      const keys = await trainerKeys(db, now());
      // Scored again from the receipt's option ids against the course; refused unless it passes.
      const code = await countersignCertificate(assignment, receipt.payload, catalog.modules, keys, {
        now: now(),
        language: i18n.language === 'cy' ? 'cy' : 'en',
        endorsement: await trainerEndorsement(db),
        // CPD minutes for part of a module are estimated from its English words, when loaded.
        wordsFor: (moduleId) => i18n.getResourceBundle('en', moduleId) as Record<string, string> | undefined,
      });
      await db.receipts.update(receipt.id, { countersignedCode: code });
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

function QuestionChart({ question, learners }: { question: QuestionShares; learners: number }) {
  const { t } = useTranslation(['trainer', question.moduleId]);
  const headingId = `question-${question.moduleId}-${question.lessonId}-${question.stepId}`;
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

/** The cohort dashboard: who finished and how they scored, option shares, the debrief list, CSV. */
export function CohortView({ assignment, receipts }: { assignment: AssignmentPayload; receipts: StoredReceipt[] }) {
  const { catalog } = useServices();
  const { t, i18n } = useTranslation(['trainer', 'ui', 'myths']);
  const summary = cohortSummary(assignment, receipts, catalog.modules);
  const byId = new Map(receipts.map((receipt) => [receipt.id, receipt]));
  const roleName = (role: LearnerRow['role']) => (role ? t(`role.${role}`, { ns: 'ui' }) : '');

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
      },
      roleName,
    );
    downloadText(`${fileSlug(assignment.title)}-cohort.csv`, `\uFEFF${csv}`, 'text/csv');
  };

  if (summary.learners.length === 0) return <p>{t('cohort.none')}</p>;
  const countersigned = summary.learners.filter((row) => row.countersignedCode);

  return (
    <>
      <p>
        {t('cohort.summary', { count: summary.learners.length })}{' '}
        {t('cohort.passedSummary', { passed: summary.passed, percent: assignment.passMark })}
      </p>
      <div className="table-scroll">
        <table>
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
            {summary.learners.map((row) => (
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
                  <Countersign assignment={assignment} receipt={byId.get(row.id) as StoredReceipt} row={row} />
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
        <section aria-labelledby="certificates-heading">
          <h3 id="certificates-heading">{t('cohort.certificatesHeading')}</h3>
          <p>{t('cohort.certificatesIntro')}</p>
          {countersigned.map((row) => (
            <ShareCode
              key={row.id}
              id={`certificate-${row.id}`}
              link={certificateImportLink(window.location.origin, row.countersignedCode as string)}
              linkLabel={t('cohort.certificateLink', { name: row.name })}
              fileName={`certificate-${fileSlug(row.name)}.txt`}
              downloadLabel={t('cohort.certificateFile', { name: row.name })}
            />
          ))}
        </section>
      )}

      <section aria-labelledby="debrief-heading">
        <h3 id="debrief-heading">{t('cohort.debriefHeading')}</h3>
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

      <section aria-labelledby="questions-heading">
        <h3 id="questions-heading">{t('cohort.questionsHeading')}</h3>
        <p>{t('cohort.questionsIntro')}</p>
        {summary.questions.map((question) => (
          <QuestionChart
            key={`${question.moduleId}/${question.lessonId}/${question.stepId}`}
            question={question}
            learners={summary.learners.length}
          />
        ))}
      </section>
    </>
  );
}
