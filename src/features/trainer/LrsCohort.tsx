import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, useServices } from '../../app/services';
import type { AssignmentPayload } from '../../trainer/assignmentCode';
import { lrsCohort, type LrsLearner } from '../../trainer/lrsCohort';
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
  const { t } = useTranslation('trainer');
  const db = useDatabase();
  const { catalog } = useServices();
  const connection = useLiveQuery(() => readConnection(db), [db]);
  const source = connection ? sourceOf(connection) : null;
  const learners = useLiveQuery(async () => (source ? readLearners(db, source) : []), [db, source]);
  const [sync, setSync] = useState<SyncState>({ state: 'idle' });

  const read = async (using: LrsConnection) => {
    setSync({ state: 'reading', statements: 0 });
    try {
      const result = await syncLrs(db, using, {
        progress: (statements) => setSync({ state: 'reading', statements }),
      });
      setSync({ state: 'done', statements: result.statements, learners: result.learners });
    } catch (error) {
      setSync({ state: 'failed', problem: error instanceof LrsError ? error.problem : 'unreachable' });
    }
  };

  const name = (learner: LrsLearner) => learner.actorName ?? t('lrs.learnerName', { id: learner.actorKey.slice(-8) });
  const cohort = useMemo(
    () => lrsCohort(learners ?? [], assignment, catalog.modules, name),
    // `name` only reads the translation, which the language change re-renders anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [learners, assignment, catalog],
  );

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
            <button type="button" className="button button--secondary" onClick={() => void forgetConnection(db)}>
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
      {connection && source && learners && (learners.length > 0 || sync.state === 'done') && (
        <CohortView
          assignment={assignment}
          receipts={cohort.receipts}
          idPrefix="lrs-"
          learnersText={t('lrs.learnersText', { finished: cohort.receipts.length, unfinished: cohort.unfinished })}
          saveCountersigned={(entries) =>
            saveLrsCountersigned(
              db,
              source,
              entries.map((entry) => ({
                actorKey: entry.id.slice('lrs:'.length),
                assignmentId: assignment.id,
                code: entry.code,
              })),
            )
          }
        />
      )}
    </>
  );
}
