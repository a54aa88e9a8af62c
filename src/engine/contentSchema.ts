// The shape of course content. Structure lives in modules/<id>/module.json and is
// checked here; every word a learner sees lives in locales/<lang>/<moduleId>.json under
// keys derived from these ids (see contentKeys.ts), so a translation never touches structure.
import type { QuestionStep } from './steps/question';
import { stepKinds, type Step } from './steps/registry';
import type { ScenarioStep } from './steps/scenario';
import { z } from './zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens');

/**
 * A key into the source list (modules/sources.json): S for the Casey brief's keys, L for the law
 * brief's, with a letter when one brief key covered several documents (S46a), e.g. "S12", "L24".
 */
export const sourceRefSchema = z.string().regex(/^[SL]\d+[a-z]?$/, 'source references look like S12, L4 or S46a');

/**
 * One citation: a source id, or a source id with a locator saying where in the document the
 * claim is (a section, paragraph or page), e.g. { "source": "L24", "at": "Schedule 1, para 18" }.
 */
export const citationSchema = z.union([
  sourceRefSchema,
  z.object({ source: sourceRefSchema, at: z.string().min(1) }).strict(),
]);

/**
 * What kind of claim an item makes, so the content tests can hold it to a primary source: `law`
 * states the law or statutory guidance; `audit` says what the Casey audit found or recommended.
 */
export const claimSchema = z.enum(['law', 'audit']);

/** One claim-sized paragraph. A factual paragraph names the sources that back it. */
export const paragraphSchema = z.object({
  id,
  sources: z.array(citationSchema).default([]),
  claims: z.array(claimSchema).optional(),
  /** Marks a paragraph that quotes language to avoid, so the language check allows it. */
  languageExample: z.boolean().optional(),
});

export const optionSchema = z.object({
  id,
  correct: z.boolean(),
  sources: z.array(citationSchema).default([]),
  claims: z.array(claimSchema).optional(),
  /** Marks an explanation that quotes language to avoid as an example, so the language check allows it. */
  languageExample: z.boolean().optional(),
  /** The myth a wrong answer shows, from modules/myths.json. */
  misconception: id.optional(),
  /** Scenario stages only: the stage this choice leads to. */
  next: id.optional(),
  /**
   * Rare: keeps this option where it is when the others are shuffled, because its place carries
   * meaning (say "none of these" last). The text says why, for the next author.
   */
  pinned: z.string().min(1).optional(),
});

export const roleSchema = z.enum(['police', 'social-care', 'education', 'health', 'licensing-council', 'other']);

/** The UK nation whose law and guidance a learner works under (England and Wales differ in both). */
export const nationSchema = z.enum(['england', 'wales']);

/**
 * What a step kind's schema is built from. Each kind's schema lives in its own file in steps/ (with
 * the rest of that kind); the kinds receive zod from here, so the engine's runtime never loads it.
 */
export const stepSchemaParts = {
  z,
  id,
  /** The fields every shown step has. */
  stepBase: {
    id,
    paragraphs: z.array(paragraphSchema).default([]),
  },
  paragraphSchema,
  optionSchema,
  roleSchema,
  nationSchema,
};
export type StepSchemaParts = typeof stepSchemaParts;

const [firstKind, ...otherKinds] = Object.values(stepKinds).map((kind) => kind.schema(stepSchemaParts));

/** One step of a lesson: checked by the schema of its `kind`, from the registry in steps/. */
export const stepSchema = z.discriminatedUnion('kind', [firstKind!, ...otherKinds]) as unknown as z.ZodType<Step>;

export const lessonSchema = z.object({
  id,
  start: id,
  /**
   * The module outcomes this lesson teaches (ids from the module's `outcomes`), so a certificate
   * for some lessons lists only what they taught. A content test checks every outcome is taught.
   */
  outcomes: z.array(id).default([]),
  steps: z.array(stepSchema).min(2),
});

export const moduleSchema = z.object({
  id,
  theme: z.enum([
    'orientation',
    'adultification',
    'boyfriend-model',
    'fragmentation',
    'fear-of-racism',
    'survivor-centred',
  ]),
  passMark: z.number().min(0).max(1).default(0.8),
  /** CPD minutes for a learner who decides well, from the words to read and the decisions to make (see cpdMinutes.ts); a content test keeps it in step. */
  cpdMinutes: z.number().int().positive(),
  /** Minutes on the shortest and the longest path through the module (see cpdMinutes.ts), shown on its pages. */
  cpdRange: z.object({ shortest: z.number().int().positive(), longest: z.number().int().positive() }).optional(),
  contentNote: z.object({ intensity: z.enum(['low', 'moderate', 'high']) }),
  /** The date the module's law and guidance were last checked against their sources (ISO date). */
  lawCheckedTo: z.iso.date(),
  outcomes: z.array(id).min(1),
  lessons: z.array(lessonSchema).min(1),
});

/** Kinds that can carry a claim about the law or about what the audit found on their own. */
const PRIMARY_SOURCE_KINDS = [
  'legislation',
  'case-law',
  'statutory-guidance',
  'guidance',
  'safeguarding-procedures',
  'audit',
  'official-response',
  'official-report',
  'hansard',
  'inquiry',
  'inspectorate',
] as const;

/** What kind of document a source is: the primary kinds, then the rest. */
export const sourceKindSchema = z.enum([
  ...PRIMARY_SOURCE_KINDS,
  'research',
  'professional-guidance',
  'news',
  'commentary',
]);

/** The primary kinds, for the content checks. */
export const PRIMARY_KINDS: readonly SourceKind[] = PRIMARY_SOURCE_KINDS;

/** One document, linked at its own publisher. */
export const sourceSchema = z
  .object({
    id: sourceRefSchema,
    publisher: z.string().min(1),
    title: z.string().min(1),
    /** ISO date, year-month or year as the document gives it; empty when it gives none. */
    date: z.string().regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, 'dates look like 2025, 2025-06 or 2025-06-16'),
    kind: sourceKindSchema,
    /** The publisher's own address. Absent when the briefs record only a copy: the entry is cited by title. */
    url: z.url().optional(),
  })
  .strict();

export const mythSchema = z.object({ id });

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type SourceKind = z.infer<typeof sourceKindSchema>;
export type Paragraph = z.infer<typeof paragraphSchema>;
export type Option = z.infer<typeof optionSchema>;
export type { ReadingStep } from './steps/reading';
export type { QuestionStep, ScenarioStep };
export type { SummaryStep } from './steps/summary';
export type { RoleBranchStep } from './steps/roleBranch';
export type { NationBranchStep } from './steps/nationBranch';
export type { ContentNoteStep } from './steps/contentNote';
export type { RewriteStep } from './steps/rewrite';
export type { Step };
export type DecisionStep = QuestionStep | ScenarioStep;
export type Lesson = z.infer<typeof lessonSchema>;
export type CourseModule = z.infer<typeof moduleSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Nation = z.infer<typeof nationSchema>;

export { citedAt, citedSource, isDecisionStep } from './content';
