// Locale keys are derived from structure ids, never written into structure, so the
// structure stays language-free and a test can list every key a module needs (requiredKeys.ts).
/**
 * A module's title and description live in the small "catalogue" namespace, so the dashboard can
 * list every module without loading each module's words.
 */
export const catalogueKeys = {
  title: (moduleId: string) => `${moduleId}.title`,
  description: (moduleId: string) => `${moduleId}.description`,
};

export const moduleKeys = {
  contentNote: 'contentNote',
  outcome: (outcomeId: string) => `outcome.${outcomeId}`,
};

export const lessonKeys = {
  title: (lessonId: string) => `${lessonId}.title`,
};

export const stepKeys = {
  title: (lessonId: string, stepId: string) => `${lessonId}.${stepId}.title`,
  paragraph: (lessonId: string, stepId: string, paragraphId: string) => `${lessonId}.${stepId}.${paragraphId}`,
  prompt: (lessonId: string, stepId: string) => `${lessonId}.${stepId}.prompt`,
  option: (lessonId: string, stepId: string, optionId: string) => `${lessonId}.${stepId}.option.${optionId}`,
  explanation: (lessonId: string, stepId: string, optionId: string) => `${lessonId}.${stepId}.option.${optionId}.why`,
  /** Rewrite steps: the sentence to rewrite (an example of language to avoid) and a model answer. */
  sentence: (lessonId: string, stepId: string) => `${lessonId}.${stepId}.sentence`,
  model: (lessonId: string, stepId: string) => `${lessonId}.${stepId}.model`,
};

/** Words for a term to avoid, in the "language" namespace. */
export const languageKeys = {
  avoid: (termId: string) => `${termId}.avoid`,
  why: (termId: string) => `${termId}.why`,
  instead: (termId: string) => `${termId}.instead`,
};

export const mythKeys = {
  label: (mythId: string) => `${mythId}`,
  truth: (mythId: string) => `${mythId}.truth`,
};
