import { useEffect, useState } from 'react';
import { Link, getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { createActor } from 'xstate';
import { useServices } from '../../app/services';
import { findModule } from '../../content/catalog';
import type { CourseModule, Lesson, Role } from '../../engine/contentSchema';
import { catalogueKeys, lessonKeys } from '../../engine/contentKeys';
import { lessonMachine } from '../../engine/lessonMachine';
import { isLessonSnapshotUsable, savedLessonFrom, type LessonSnapshot } from '../../storage/progressStore';
import { lessonKey, THIS_TAB, type LessonProgressRecord } from '../../storage/database';
import { liveQuery } from 'dexie';
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

/**
 * Loads the saved place in a lesson, then keeps watching it: when another tab on this device
 * moves the same lesson on, this tab follows, so two tabs never undo each other's progress.
 */
/** `assignedRole`, from a trainer's assignment, wins over the role in the learner's details. */
function useResume(courseModule: CourseModule, lesson: Lesson, assignedRole: Role | undefined): Resume | undefined {
  const { db } = useServices();
  const [resume, setResume] = useState<Resume>();
  useEffect(() => {
    let latestSeen = -Infinity;
    let subscription: { unsubscribe: () => void } | undefined;
    let cancelled = false;
    Promise.all([
      db.lessonProgress.get(lessonKey(courseModule.id, lesson.id)),
      db.profile.get('learner').then((profile) => assignedRole ?? profile?.role ?? null),
    ])
      .then(([record, role]) => {
        if (cancelled) return;
        latestSeen = record?.updatedAt ?? -Infinity;
        setResume(resumeFrom(courseModule, lesson, record, role));
        subscription = liveQuery(() => db.lessonProgress.get(lessonKey(courseModule.id, lesson.id))).subscribe({
          next: (latest) => {
            if (!latest || latest.writer === THIS_TAB || latest.updatedAt <= latestSeen) return;
            latestSeen = latest.updatedAt;
            const snapshot =
              latest.contentVersion === courseModule.version ? checkedSnapshot(lesson, latest.snapshot) : undefined;
            if (!snapshot) return;
            setResume(
              (current) => current && { ...current, snapshot, notice: 'other-tab', generation: current.generation + 1 },
            );
          },
          error: () => {},
        });
      })
      .catch(() => {
        if (!cancelled) setResume({ snapshot: undefined, notice: 'storage-unavailable', role: null, generation: 0 });
      });
    return () => {
      cancelled = true;
      subscription?.unsubscribe();
    };
  }, [db, courseModule, lesson, assignedRole]);
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
