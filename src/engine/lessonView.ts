// What the lesson player shows for a lesson machine snapshot: one view per state and step kind,
// so the player holds one map from view to component instead of a switch per kind.
import type { Lesson, Step } from './contentSchema';
import { currentStep, type LessonContext } from './lessonMachine';
import { kindOf, type StepView } from './steps/registry';

export type LessonView = Exclude<StepView, 'none'> | 'feedback' | 'chooseRole';

export function currentView(
  lesson: Lesson,
  snapshot: { value: unknown; context: LessonContext },
): { view: LessonView; step: Step } {
  const step = currentStep(lesson, snapshot.context);
  if (snapshot.value === 'choosingRole') return { view: 'chooseRole', step };
  if (snapshot.value === 'feedback') return { view: 'feedback', step };
  const view = kindOf(step).view;
  // Only a role branch has no view, and the machine never rests on one but to ask for a role.
  return { view: view === 'none' ? 'chooseRole' : view, step };
}
