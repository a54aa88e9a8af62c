import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { lrsCohortReceipts, updateLrsCohort, type LrsCohortByLearner, type LrsLearner } from '../../trainer/lrsCohort';
import {
  forgetConnection,
  LrsError,
  normaliseEndpoint,
  readConnection,
  readLearners,
  saveConnection,
  saveLrsCountersigned,
  sourceOf,
  syncLrs,
  type LrsConnection,
  type LrsProblem,
} from '../../trainer/lrsSync';
import { CohortView } from './CohortView';
import { TextField } from '../shared/FormParts';

/** "key:secret" as an HTTP Basic Authorization header (UTF-8, as LRSs expect). */
function basicAuthorization(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

type SyncState =
  | { state: 'idle' }
  | { state: 'reading'; statements: number }
  | { state: 'done'; statements: number; learners: number }
  | { state: 'failed'; problem: LrsProblem };

function ConnectForm({ onSaved }: { onSaved: (connection: LrsConnection) => void }) {
  const { t } = useTranslation('trainer');
  const db = useDatabase();
  const [endpoint, setEndpoint] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const [activityId, setActivityId] = useState('');
  const [problem, setProblem] = useState<'badEndpoint' | 'missing' | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = normaliseEndpoint(endpoint);
    if (!address) return setProblem('badEndpoint');
    if (!key.trim() || !secret || !activityId.trim()) return setProblem('missing');
    const connection = {
      endpoint: address,
      authorization: basicAuthorization(key.trim(), secret),
      activityId: activityId.trim(),
    };
    await saveConnection(db, connection);
    onSaved(connection);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <TextField id="lrs-endpoint" type="url" label={t('lrs.endpoint')} value={endpoint} onChange={setEndpoint} />
      <TextField id="lrs-key" label={t('lrs.key')} autoComplete="off" value={key} onChange={setKey} />
      <TextField
        id="lrs-secret"
        type="password"
        label={t('lrs.secret')}
        autoComplete="off"
        value={secret}
        onChange={setSecret}
      />
      <TextField id="lrs-activity" type="url" label={t('lrs.activity')} value={activityId} onChange={setActivityId} />
      {problem && (
        <p role="alert" className="panel panel--warning">
          {t(`lrs.${problem}`)}
        </p>
      )}
      <button type="submit" className="button">
        {t('lrs.connect')}
      </button>
    </form>
  );
}

/**
 * The cohort read from the organisation's LRS: the connection (kept on this device), a sync, and
 * the same cohort view receipts give, with countersigned certificates kept with the LRS records.
 */
export function LrsCohort({ assignment }: { assignment: AssignmentPayload }) {
  const { t, i18n } = useTranslation('trainer');
  const db = useDatabase();
  const { catalog } = useServices();
  const connection = useLiveQuery(() => readConnection(db), [db]);
  const source = connection ? sourceOf(connection) : null;
  const [sync, setSync] = useState<SyncState>({ state: 'idle' });
  // The cohort by learner: worked out once from the device's cache when the view opens, then only
  // for the learners a sync or a countersignature changed (a cohort of thousands is not worked
  // out again, nor read back from IndexedDB, for one new learner).
  const [cohort, setCohort] = useState<{ source: string; byLearner: LrsCohortByLearner } | null>(null);
  // Names are worked out with the records, so a change of language works them all out again (and
  // nothing else does: `t` itself also changes whenever a namespace of words loads).
  const language = i18n.language;
  const update = useCallback(
    (previous: LrsCohortByLearner, changed: Iterable<LrsLearner>) => {
      const words = i18n.getFixedT(language, 'trainer');
      return updateLrsCohort(
        previous,
        changed,
        assignment,
        catalog.modules,
        (learner) => learner.actorName ?? words('lrs.learnerName', { id: learner.actorKey.slice(-8) }),
      );
    },
    [assignment, catalog, i18n, language],
  );
  useEffect(() => {
    if (!source) return;
    let current = true;
    void readLearners(db, source).then((learners) => {
      if (current) setCohort({ source, byLearner: update(new Map(), learners) });
    });
    return () => {
      current = false;
    };
  }, [db, source, update]);
  const merge = (from: string, changed: LrsLearner[]) =>
    setCohort((previous) =>
      previous?.source === from ? { source: from, byLearner: update(previous.byLearner, changed) } : previous,
    );

  const read = async (using: LrsConnection) => {
    setSync({ state: 'reading', statements: 0 });
    try {
      const result = await syncLrs(db, using, {
        progress: (statements) => setSync({ state: 'reading', statements }),
      });
      merge(sourceOf(using), result.changed);
      setSync({ state: 'done', statements: result.statements, learners: result.learners });
    } catch (error) {
      setSync({ state: 'failed', problem: error instanceof LrsError ? error.problem : 'unreachable' });
    }
  };

  const receipts = useMemo(() => (cohort ? lrsCohortReceipts(cohort.byLearner) : null), [cohort]);

  if (connection === undefined) return <p role="status">{t('layout.loading', { ns: 'ui' })}</p>;
  return (
    <>
      <p>{t('lrs.intro')}</p>
      {connection ? (
        <>
          <p>{t('lrs.connected', { endpoint: connection.endpoint })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={sync.state === 'reading'}
              onClick={() => void read(connection)}
            >
              {t('lrs.sync')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setCohort(null);
                void forgetConnection(db);
              }}
            >
              {t('lrs.forget')}
            </button>
          </div>
        </>
      ) : (
        <ConnectForm onSaved={(saved) => void read(saved)} />
      )}
      <p role="status">
        {sync.state === 'reading' && t('lrs.syncing', { statements: sync.statements })}
        {sync.state === 'done' && t('lrs.synced', { statements: sync.statements, learners: sync.learners })}
      </p>
      {sync.state === 'failed' && (
        <p role="alert" className="panel panel--warning">
          {t(`lrs.problem.${sync.problem}`)}
        </p>
      )}
      {connection &&
        source &&
        cohort?.source === source &&
        receipts &&
        (cohort.byLearner.size > 0 || sync.state === 'done') && (
          <CohortView
            assignment={assignment}
            receipts={receipts.receipts}
            idPrefix="lrs-"
            learnersText={t('lrs.learnersText', {
              finished: receipts.receipts.length,
              unfinished: receipts.unfinished,
            })}
            saveCountersigned={async (entries) => {
              const saved = await saveLrsCountersigned(
                db,
                source,
                entries.map((entry) => ({
                  actorKey: entry.id.slice('lrs:'.length),
                  assignmentId: assignment.id,
                  code: entry.code,
                })),
              );
              merge(source, saved);
            }}
          />
        )}
    </>
  );
}
