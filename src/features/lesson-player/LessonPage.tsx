import { useEffect, useRef, useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { createActor } from 'xstate';
import { useServices } from '../../app/services';
import { findModule } from '../../content/catalog';
import type { CourseModule, Lesson, Role } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import { lessonMachine } from '../../engine/lessonMachine';
import { isLessonSnapshotUsable, savedLessonFrom, type LessonSnapshot } from '../../storage/progressStore';
import type { LessonProgressRecord } from '../../storage/database';
import { lessonKey, THIS_TAB } from '../../storage/recordKeys';
import { readStoredProgress } from '../../storage/storedProgress';
import { NotFoundPage } from '../shared/NotFoundPage';
import { PageHeading } from '../shared/PageHeading';
import { LessonRunner } from './LessonRunner';

const route = getRouteApi('/modules/$moduleId/lessons/$lessonId');

export type ResumeNotice = 'none' | 'content-changed' | 'unreadable' | 'storage-unavailable' | 'other-tab';

interface Resume {
  snapshot: LessonSnapshot | undefined;
  notice: ResumeNotice;
  role: Role | null;
  /** Changes when another tab moved this lesson on, so the player restarts from its state. */
  generation: number;
}

/** A saved snapshot is only trusted if the machine can start from it at a step that still exists. */
function checkedSnapshot(lesson: Lesson, snapshot: unknown): LessonSnapshot | undefined {
  if (!isLessonSnapshotUsable(snapshot)) return undefined;
  try {
    const probe = createActor(lessonMachine, { snapshot, input: { lesson } }).start();
    const { stepId } = probe.getSnapshot().context;
    probe.stop();
    return lesson.steps.some((step) => step.id === stepId) ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

function resumeFrom(
  courseModule: CourseModule,
  lesson: Lesson,
  record: LessonProgressRecord | undefined,
  role: Role | null,
): Resume {
  const saved = savedLessonFrom(courseModule, record);
  const snapshot = saved.snapshot === undefined ? undefined : checkedSnapshot(lesson, saved.snapshot);
  const notice: ResumeNotice = saved.restartedForNewContent
    ? 'content-changed'
    : saved.snapshot !== undefined && !snapshot
      ? 'unreadable'
      : 'none';
  return { snapshot, notice, role, generation: 0 };
}

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
function useResume(courseModule: CourseModule, lesson: Lesson, assignedRole: Role | undefined): Resume | undefined {
  const { database } = useServices();
  const [resume, setResume] = useState<Resume>();
  const latestSeen = useRef(-Infinity);
  const key = lessonKey(courseModule.id, lesson.id);

  useEffect(() => {
    let cancelled = false;
    void readStoredProgress(database.name).then((stored) => {
      if (cancelled) return;
      if (!stored.ok) {
        setResume({ snapshot: undefined, notice: 'storage-unavailable', role: null, generation: 0 });
        return;
      }
      const record = stored.progress.lessonProgress.find((candidate) => candidate.key === key);
      latestSeen.current = record?.updatedAt ?? -Infinity;
      const role = assignedRole ?? stored.progress.profile[0]?.role ?? null;
      setResume(resumeFrom(courseModule, lesson, record, role));
    });
    return () => {
      cancelled = true;
    };
  }, [database, courseModule, lesson, key, assignedRole]);

  const started = resume !== undefined && resume.notice !== 'storage-unavailable';
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
              const snapshot =
                latest.contentVersion === courseModule.version ? checkedSnapshot(lesson, latest.snapshot) : undefined;
              if (!snapshot) return;
              setResume(
                (current) =>
                  current && { ...current, snapshot, notice: 'other-tab', generation: current.generation + 1 },
              );
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
  }, [started, database, courseModule, lesson, key]);
  return resume;
}

function LessonLoader({ courseModule, lesson }: { courseModule: CourseModule; lesson: Lesson }) {
  const { t } = useTranslation();
  const { t: tModule } = useTranslation(courseModule.id);
  const { role: assignedRole } = route.useSearch();
  const resume = useResume(courseModule, lesson, assignedRole);
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
      {resume ? (
        <LessonRunner
          key={`${courseModule.id}/${lesson.id}/${resume.generation}`}
          courseModule={courseModule}
          lesson={lesson}
          initialSnapshot={resume.snapshot}
          notice={resume.notice}
          role={resume.role}
        />
      ) : (
        <p role="status">{t('lesson.loading')}</p>
      )}
    </>
  );
}

export function LessonPage() {
  const { moduleId, lessonId } = route.useParams();
  const { catalog } = useServices();
  const courseModule = findModule(catalog, moduleId);
  const lesson = courseModule?.lessons.find((candidate) => candidate.id === lessonId);
  if (!courseModule || !lesson) return <NotFoundPage />;
  return <LessonLoader key={`${moduleId}/${lessonId}`} courseModule={courseModule} lesson={lesson} />;
}
