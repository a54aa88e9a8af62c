// Which claims cite which source: the reverse index the sources page shows.
import type { Catalog } from './catalog';
import { citedAt, citedSource, isDecisionStep, type Citation } from '../engine/content';

/** One step of the course that cites a source, and where in the source, when it says. */
export interface CitedBy {
  moduleId: string;
  lessonId: string;
  stepId: string;
  /** Locators ("para 4.3", "section 5") the step's citations of this source give, in order. */
  at: string[];
}

export function citationsBySource(catalog: Catalog): Map<string, CitedBy[]> {
  const index = new Map<string, CitedBy[]>();
  const add = (citation: Citation, place: Omit<CitedBy, 'at'>) => {
    const ref = citedSource(citation);
    const at = citedAt(citation);
    const list = index.get(ref) ?? [];
    let entry = list.find(
      (existing) =>
        existing.lessonId === place.lessonId &&
        existing.stepId === place.stepId &&
        existing.moduleId === place.moduleId,
    );
    if (!entry) {
      entry = { ...place, at: [] };
      list.push(entry);
    }
    if (at && !entry.at.includes(at)) entry.at.push(at);
    index.set(ref, list);
  };
  for (const courseModule of catalog.modules) {
    for (const lesson of courseModule.lessons) {
      for (const step of lesson.steps) {
        const place = { moduleId: courseModule.id, lessonId: lesson.id, stepId: step.id };
        const refs = [
          ...step.paragraphs.flatMap((paragraph) => paragraph.sources),
          ...(isDecisionStep(step) ? step.options.flatMap((option) => option.sources) : []),
        ];
        for (const ref of refs) add(ref, place);
      }
    }
  }
  return index;
}
