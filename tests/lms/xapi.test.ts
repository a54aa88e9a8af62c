import { createServer, request as httpRequest, type Server } from 'node:http';
import validateStatement from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeardDatabase } from '../../src/storage/database';
import { StatementQueue } from '../../src/lms/statementQueue';
import {
  ADL_VERBS,
  answeredStatement,
  completedStatement,
  initializedStatement,
  lessonCompletedStatement,
  moduleResultStatement,
  nationExtensionId,
  pseudonymousActor,
  terminatedStatement,
  type StatementSession,
  type XapiStatement,
} from '../../src/lms/xapiStatements';
import { freePort, LRS_AUTHORIZATION, readStatements, startLrs, type RunningLrs } from '../fixtures/loopbackLrs';

let session: StatementSession;
let sequence = 0;
const meta = () => ({ id: crypto.randomUUID(), at: Date.UTC(2026, 10, 23, 9, 0, sequence++) });
const answer = (stepId: string, optionIds: string[], correct: boolean) =>
  answeredStatement(session, { moduleId: 'adultification', lessonId: 'mia', stepId, optionIds, correct }, meta());

beforeAll(async () => {
  session = {
    actor: await pseudonymousActor('https://lms.example.org', 'learner-42'),
    courseId: 'https://heard.example.org/xapi/course',
    registration: '6a1e2f3c-8d4b-4c1a-9e2f-1b2c3d4e5f60',
  };
});

describe('xAPI statements', () => {
  it('pass Learning Locker’s validator, for every verb Heard sends', () => {
    const statements = [
      initializedStatement(session, meta()),
      answer('first-contact', ['listen'], true),
      answer('what-next', ['refer', 'record'], false),
      moduleResultStatement(session, 'adultification', true, { correct: 9, total: 10 }, meta()),
      moduleResultStatement(session, 'boyfriend-model', false, { correct: 3, total: 10 }, meta()),
      lessonCompletedStatement(session, { moduleId: 'adultification', lessonId: 'mia', correct: 2, total: 3 }, meta()),
      completedStatement(session, meta()),
      terminatedStatement(session, meta()),
    ];
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    expect(statements.map((statement) => statement.verb.id)).toEqual([
      ADL_VERBS.initialized,
      ADL_VERBS.answered,
      ADL_VERBS.answered,
      ADL_VERBS.passed,
      ADL_VERBS.failed,
      ADL_VERBS.completed,
      ADL_VERBS.completed,
      ADL_VERBS.terminated,
    ]);
  });

  it('name the learner only by a one-way hash, and an answer only by the option ids chosen', async () => {
    const statement = answer('first-contact', ['listen', 'record'], false);
    expect(statement.actor).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://lms.example.org', name: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(JSON.stringify(statement)).not.toContain('learner-42');
    expect(statement.result).toEqual({ response: 'listen[,]record', success: false });
    expect(await pseudonymousActor('https://lms.example.org', 'learner-42')).toEqual(statement.actor);
    expect(await pseudonymousActor('https://lms.example.org', 'learner-43')).not.toEqual(statement.actor);
  });

  it('with the organisation’s key, name the learner by an HMAC nobody without the key can recompute', async () => {
    const key = 'an organisation key of at least 32 characters';
    const keyed = await pseudonymousActor('https://lms.example.org', '48213', key);
    const { createHmac, createHash } = await import('node:crypto');
    // The same HMAC-SHA-256 an organisation can compute on its own side to map its learners.
    expect(keyed.account.name).toBe(createHmac('sha256', key).update('heard-xapi:48213').digest('hex'));
    // A guesser who tries every id with the plain hash, or with another key, never finds it.
    expect(keyed.account.name).not.toBe(createHash('sha256').update('heard-xapi:48213').digest('hex'));
    expect(keyed).not.toEqual(await pseudonymousActor('https://lms.example.org', '48213', `${key}!`));
    expect(keyed).not.toEqual(await pseudonymousActor('https://lms.example.org', '48213'));
    const sent = answeredStatement(
      { ...session, actor: keyed },
      { moduleId: 'adultification', lessonId: 'mia', stepId: 'q', optionIds: ['a'], correct: true },
      meta(),
    );
    expect(JSON.stringify(sent)).not.toContain(key);
    expect(JSON.stringify(sent)).not.toContain('48213');
  });

  it('name the nation whose path the learner took in a context extension under the course’s IRI', () => {
    const nation = 'https://heard.example.org/xapi/course/extensions/nation';
    expect(nationExtensionId(session.courseId)).toBe(nation);
    const statements = [
      answeredStatement(
        session,
        {
          moduleId: 'orientation',
          lessonId: 'what-happens-now',
          stepId: 'duty-to-report-wales',
          optionIds: ['tell-the-local-authority'],
          correct: true,
        },
        meta(),
        'wales',
      ),
      lessonCompletedStatement(
        session,
        { moduleId: 'orientation', lessonId: 'what-happens-now', correct: 2, total: 2, nation: 'wales' },
        meta(),
      ),
      moduleResultStatement(session, 'orientation', true, { correct: 9, total: 10 }, meta(), 'england'),
    ];
    for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
    expect(statements.map((statement) => statement.context?.extensions)).toEqual([
      { [nation]: 'wales' },
      { [nation]: 'wales' },
      { [nation]: 'england' },
    ]);
    // Not recorded: no extension at all.
    expect(answer('first-contact', ['listen'], true).context?.extensions).toBeUndefined();
  });

  it('keep a cmi5 launch’s own extensions beside the nation', () => {
    const cmi5Session: StatementSession = {
      ...session,
      courseId: 'https://heard.example.org/xapi/au',
      contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' } },
      cmi5: { initializedAt: Date.UTC(2026, 10, 23, 9, 0, 0) },
    };
    const statement = moduleResultStatement(
      cmi5Session,
      'orientation',
      true,
      { correct: 9, total: 10 },
      meta(),
      'wales',
    );
    expect(validateStatement(statement)).toEqual([]);
    expect(statement.context?.extensions).toEqual({
      'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1',
      'https://heard.example.org/xapi/au/extensions/nation': 'wales',
    });
  });

  it('carry the course’s score only when the whole course is completed', () => {
    expect(completedStatement(session, meta(), 62).result).toEqual({
      completion: true,
      score: { scaled: 0.62, raw: 62, min: 0, max: 100 },
    });
    expect(validateStatement(completedStatement(session, meta(), 62))).toEqual([]);
  });

  it('in a cmi5 launch, mark the course completed and terminated as cmi5 statements with the launch context', () => {
    const cmi5Session: StatementSession = {
      ...session,
      courseId: 'https://heard.example.org/xapi/au',
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://heard.example.org/xapi/course' }] },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' },
      },
      cmi5: { initializedAt: Date.UTC(2026, 10, 23, 9, 0, 0) },
    };
    const completed = completedStatement(cmi5Session, {
      id: crypto.randomUUID(),
      at: Date.UTC(2026, 10, 23, 9, 12, 30),
    });
    expect(validateStatement(completed)).toEqual([]);
    expect(completed.object).toEqual({ objectType: 'Activity', id: 'https://heard.example.org/xapi/au' });
    expect(completed.result).toEqual({ completion: true, duration: 'PT750S' });
    expect(completed.context).toMatchObject({
      registration: session.registration,
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' },
      contextActivities: {
        grouping: [{ objectType: 'Activity', id: 'https://heard.example.org/xapi/course' }],
        category: [
          { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' },
          { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' },
        ],
      },
    });
    const answered = answeredStatement(
      cmi5Session,
      { moduleId: 'adultification', lessonId: 'mia', stepId: 'first-contact', optionIds: ['listen'], correct: true },
      meta(),
    );
    expect(validateStatement(answered)).toEqual([]);
    expect(answered.context?.contextActivities).toEqual({
      grouping: [
        { objectType: 'Activity', id: 'https://heard.example.org/xapi/course' },
        { objectType: 'Activity', id: 'https://heard.example.org/xapi/au' },
      ],
    });
  });

  it('are refused by the validator when broken (the check can fail)', () => {
    const broken = { ...initializedStatement(session, meta()), verb: { id: 'initialized' } };
    expect(validateStatement(broken).length).toBeGreaterThan(0);
  });
});

describe('the statement queue against a real LRS on loopback', () => {
  let lrs: RunningLrs;
  let proxy: Server;
  let proxyEndpoint = '';
  /** up: pass through; down: no connection; lose-reply: the LRS stores it but the reply is lost. */
  let line: 'up' | 'down' | 'lose-reply' = 'up';

  beforeAll(async () => {
    lrs = await startLrs();
    const target = new URL(lrs.endpoint);
    proxy = createServer((incoming, outgoing) => {
      if (line === 'down') {
        incoming.socket.destroy();
        return;
      }
      const mode = line;
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (reply) => {
          if (mode === 'lose-reply') {
            line = 'up';
            reply.resume();
            reply.on('end', () => incoming.socket.destroy());
            return;
          }
          outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(outgoing);
        },
      );
      forward.on('error', () => incoming.socket.destroy());
      incoming.pipe(forward);
    });
    const port = await freePort();
    await new Promise<void>((ready) => proxy.listen(port, '127.0.0.1', ready));
    proxyEndpoint = `http://127.0.0.1:${port}/xAPI/`;
  }, 180_000);

  afterAll(async () => {
    await new Promise((done) => proxy?.close(done));
    lrs?.stop();
  });

  it('holds statements while the LRS is cut off, then delivers each exactly once, in order', async () => {
    const db = new HeardDatabase(`xapi-${crypto.randomUUID()}`);
    const retries: (() => void)[] = [];
    const queue = new StatementQueue(
      db,
      { endpoint: proxyEndpoint, authorization: LRS_AUTHORIZATION },
      { setTimeout: (retry) => retries.push(retry), fetch: globalThis.fetch },
    );
    const made: XapiStatement[] = [];
    const make = async (statement: XapiStatement) => {
      made.push(statement);
      await queue.add(statement);
    };

    await make(initializedStatement(session, meta()));
    await queue.flush();
    expect(await queue.pending()).toBe(0);

    line = 'down';
    await make(answer('first-contact', ['listen'], true));
    await make(answer('what-next', ['refer', 'record'], false));
    await make(answer('telling-mum', ['wait'], false));
    await queue.flush();
    expect(await queue.pending()).toBe(3);
    expect(retries.length).toBeGreaterThan(0);
    const whileDown = await readStatements(lrs.endpoint);
    expect(whileDown.map((statement) => statement.id)).toEqual([made[0]!.id]);

    // Back online, but the first reply is lost on the way back: the queue sends that statement again.
    line = 'lose-reply';
    retries.shift()?.();
    await queue.flush();
    while ((await queue.pending()) > 0 && retries.length > 0) {
      retries.shift()?.();
      await queue.flush();
    }
    await make(moduleResultStatement(session, 'adultification', false, { correct: 1, total: 3 }, meta()));
    await queue.flush();
    expect(await queue.pending()).toBe(0);

    const stored = await readStatements(lrs.endpoint);
    expect(stored.map((statement) => statement.id)).toEqual(made.map((statement) => statement.id));
    expect(new Set(stored.map((statement) => statement.id)).size).toBe(made.length);
    db.close();
  });

  it('never queues the same statement twice', async () => {
    const db = new HeardDatabase(`xapi-${crypto.randomUUID()}`);
    line = 'down';
    const queue = new StatementQueue(
      db,
      { endpoint: proxyEndpoint, authorization: LRS_AUTHORIZATION },
      { setTimeout: () => {} },
    );
    const statement = answer('first-contact', ['listen'], true);
    await queue.add(statement);
    await queue.add(statement);
    expect(await queue.pending()).toBe(1);
    await queue.flush();
    line = 'up';
    db.close();
  });
});
