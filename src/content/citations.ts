// Which claims cite which source: the reverse index the sources page shows.
import type { Catalog } from './catalog';
import { isDecisionStep } from '../engine/content';

export interface Citation {
  moduleId: string;
  lessonId: string;
  stepId: string;
}

export function citationsBySource(catalog: Catalog): Map<string, Citation[]> {
  const index = new Map<string, Citation[]>();
  const add = (ref: string, citation: Citation) => {
    const list = index.get(ref) ?? [];
    if (
      !list.some(
        (existing) =>
          existing.lessonId === citation.lessonId &&
          existing.stepId === citation.stepId &&
          existing.moduleId === citation.moduleId,
      )
    ) {
      list.push(citation);
    }
    index.set(ref, list);
  };
  for (const courseModule of catalog.modules) {
    for (const lesson of courseModule.lessons) {
      for (const step of lesson.steps) {
        const citation = { moduleId: courseModule.id, lessonId: lesson.id, stepId: step.id };
        const refs = [
          ...step.paragraphs.flatMap((paragraph) => paragraph.sources),
          ...(isDecisionStep(step) ? step.options.flatMap((option) => option.sources) : []),
        ];
        for (const ref of refs) add(ref, citation);
      }
    }
  }
  return index;
}
