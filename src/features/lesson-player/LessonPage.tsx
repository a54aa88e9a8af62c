import { useEffect, useRef, useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type { CourseModule, Lesson, Nation, Role } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import type { LessonEvent, LessonSnapshot } from '../../engine/lessonMachine';
import { restoreLesson, withRole } from '../../engine/lessonRestore';
import type { LessonProgressRecord } from '../../storage/database';
import { lessonKey, THIS_TAB } from '../../storage/recordKeys';
import { readStoredProgress } from '../../storage/storedProgress';
import { defaultNation, useContentTranslation } from '../shared/nation';
import { PageHeading } from '../shared/PageHeading';
import { LessonRunner } from './LessonRunner';

const route = getRouteApi('/modules/$moduleId/lessons/$lessonId');

export type ResumeNotice = 'none' | 'content-changed' | 'unreadable' | 'storage-unavailable' | 'other-tab';

interface Resume {
  snapshot: LessonSnapshot | undefined;
  notice: ResumeNotice;
  role: Role | null;
  /** The learner has not given a role (nor said they prefer not to): ask at the first role branch. */
  askRole: boolean;
  /** The learner's nation from Your details (null: not given yet, so asked with the role). */
  nation: Nation | null;
  /** Changes when another tab moved this lesson on, so the player restarts from its state. */
  generation: number;
}

/** The saved place, restored on the lesson as it ships now (see src/engine/lessonRestore.ts). */
function restoredFrom(lesson: Lesson, record: LessonProgressRecord | undefined) {
  const restored = restoreLesson(lesson, record?.snapshot, record?.contentHash);
  if (restored.kind === 'same' || restored.kind === 'migrated')
    return { snapshot: restored.snapshot, notice: 'none' as const };
  return { snapshot: undefined, notice: restored.kind === 'restarted' ? restored.reason : ('none' as const) };
}

/** A learner with nothing saved and no role given: the lesson's first step. */
const newLearner = (assignedRole: Role | undefined): Resume => ({
  snapshot: undefined,
  notice: 'none',
  role: assignedRole ?? null,
  askRole: assignedRole === undefined,
  nation: null,
  generation: 0,
});

/** After the step has been on screen a moment and the browser is idle: the learner reads first. */
function whenSettled(callback: () => void): { cancel: () => void } {
  let idle: number | undefined;
  const timer = window.setTimeout(() => {
    if (typeof window.requestIdleCallback === 'function')
      idle = window.requestIdleCallback(callback, { timeout: 1000 });
    else callback();
  }, 500);
  return {
    cancel: () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    },
  };
}

/**
 * Loads the saved place in a lesson, then keeps watching it: when another tab on this device
 * moves the same lesson on, this tab follows, so two tabs never undo each other's progress.
 * The first screen comes from IndexedDB directly; Dexie, which does the watching, loads after it.
 */
function useResume(courseModule: CourseModule, lesson: Lesson, assignedRole: Role | undefined) {
  const { database } = useServices();
  // The first screen is a new learner's (as prerendered, src/app/prerender/), so it shows before
  // IndexedDB answers and hydrates as it is; a saved place, or a role, replaces it once read.
  const [resume, setResume] = useState<Resume>(() => newLearner(assignedRole));
  const [read, setRead] = useState(false);
  // What the learner does before the read finishes; see LessonRunner's `ready`.
  const [heldEvents] = useState<LessonEvent[]>(() => []);
  const latestSeen = useRef(-Infinity);
  const key = lessonKey(courseModule.id, lesson.id);

  useEffect(() => {
    let cancelled = false;
    void readStoredProgress(database.name).then((stored) => {
      if (cancelled) return;
      setRead(true);
      if (!stored.ok) {
        setResume((current) => ({
          ...current,
          notice: 'storage-unavailable',
          role: null,
          askRole: false,
          nation: defaultNation,
        }));
        return;
      }
      const record = stored.progress.lessonProgress.find((candidate) => candidate.key === key);
      latestSeen.current = record?.updatedAt ?? -Infinity;
      const profile = stored.progress.profile[0];
      const role = assignedRole ?? profile?.role ?? null;
      const askRole = role === null && !profile?.roleDeclined;
      const nation = profile?.nation ?? null;
      const restored = restoredFrom(lesson, record);
      // A saved place (or a notice) replaces the first step: anything done there meanwhile is dropped.
      if (restored.snapshot !== undefined || restored.notice !== 'none') heldEvents.length = 0;
      // A new learner keeps the player already on screen (and its place on the page); it takes the
      // role from the profile (LessonRunner). A saved place replaces it.
      setResume((current) =>
        restored.snapshot === undefined && restored.notice === 'none'
          ? { ...current, role, askRole, nation }
          : { ...restored, role, askRole, nation, generation: current.generation + 1 },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [database, courseModule, lesson, key, assignedRole, heldEvents]);

  const started = read && resume.notice !== 'storage-unavailable';
  useEffect(() => {
    if (!started) return;
    let subscription: { unsubscribe: () => void } | undefined;
    let cancelled = false;
    const watch = () =>
      // Dexie is already loading with the database, so this import only waits for that chunk.
      Promise.all([database.load(), import('dexie')]).then(
        ([db, { liveQuery }]) => {
          if (cancelled) return;
          subscription = liveQuery(() => db.lessonProgress.get(key)).subscribe({
            next: (latest) => {
              if (!latest || latest.writer === THIS_TAB || latest.updatedAt <= latestSeen.current) return;
              latestSeen.current = latest.updatedAt;
              const { snapshot } = restoredFrom(lesson, latest);
              if (!snapshot) return;
              setResume((current) => ({
                ...current,
                snapshot,
                notice: 'other-tab',
                generation: current.generation + 1,
              }));
            },
            error: () => {},
          });
        },
        () => undefined,
      );
    const idle = whenSettled(() => void watch());
    return () => {
      cancelled = true;
      idle.cancel();
      subscription?.unsubscribe();
    };
  }, [started, database, lesson, key]);
  return [resume, setResume, read, heldEvents] as const;
}

function LessonLoader({ courseModule, lesson }: { courseModule: CourseModule; lesson: Lesson }) {
  const { t } = useTranslation();
  const { t: tModule } = useContentTranslation(courseModule.id);
  const { role: assignedRole } = route.useSearch();
  const [resume, setResume, read, heldEvents] = useResume(courseModule, lesson, assignedRole);
  const lessonNumber = courseModule.lessons.findIndex((candidate) => candidate.id === lesson.id) + 1;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/modules/$moduleId" params={{ moduleId: courseModule.id }}>
          {t('lesson.backToModule', { title: t(catalogueKeys.title(courseModule.id), { ns: 'catalogue' }) })}
        </Link>
      </p>
      <p className="eyebrow">{t('lesson.lessonOf', { number: lessonNumber, total: courseModule.lessons.length })}</p>
      <PageHeading tabTitle={t('lesson.tabTitle', { number: lessonNumber })}>
        {tModule(lessonKeys.title(lesson.id))}
      </PageHeading>
      <LessonRunner
        key={`${courseModule.id}/${lesson.id}/${resume.generation}`}
        courseModule={courseModule}
        lesson={lesson}
        initialSnapshot={resume.snapshot}
        notice={resume.notice}
        role={resume.role}
        askRole={resume.askRole}
        nation={resume.nation}
        ready={read}
        heldEvents={heldEvents}
        onRetakeForRole={(persisted) => {
          const snapshot = withRole(lesson, persisted, resume.role, resume.nation ?? undefined);
          if (snapshot) setResume({ ...resume, snapshot, notice: 'none', generation: resume.generation + 1 });
        }}
      />
    </>
  );
}

export function LessonPage() {
  // The route's loader found the module and lesson; an unknown id never reaches this page.
  const { courseModule, lesson } = route.useLoaderData();
  return <LessonLoader key={`${courseModule.id}/${lesson.id}`} courseModule={courseModule} lesson={lesson} />;
}
