import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { moduleSchema } from '../../src/engine/contentSchema';
import { practiceCatalog, renderApp } from './renderApp';

const coachModule = moduleSchema.parse({
  id: 'coach',
  version: 1,
  theme: 'survivor-centred',
  cpdMinutes: 5,
  contentNote: { intensity: 'low' },
  lawCheckedTo: '2026-12-04',
  outcomes: ['words'],
  lessons: [
    {
      id: 'notes',
      start: 'rewrite-one',
      steps: [
        { id: 'rewrite-one', kind: 'rewrite', next: 'end' },
        { id: 'end', kind: 'summary' },
      ],
    },
  ],
});

const strings = {
  coach: {
    title: 'Coach',
    description: 'Rewriting notes.',
    contentNote: 'Case notes.',
    'outcome.words': 'Write records that describe what adults do.',
    'notes.title': 'Case notes',
    'notes.rewrite-one.title': 'A case note',
    'notes.rewrite-one.prompt': 'Rewrite the sentence',
    'notes.rewrite-one.sentence': 'She is sexually active.',
    'notes.rewrite-one.model': 'There are concerns she is being sexually exploited by adults.',
    'notes.end.title': 'Done',
  },
  language: {
    'sexually-active.avoid': '“sexually active”',
    'sexually-active.why': 'It presents abuse as the child’s own behaviour.',
    'sexually-active.instead': '“there are concerns the child has been sexually abused”',
  },
};

describe('language coach', () => {
  it('flags a term to avoid as the learner types, explains it, and clears when it is gone', async () => {
    const user = userEvent.setup();
    renderApp('/modules/coach/lessons/notes', { catalog: { ...practiceCatalog, modules: [coachModule] }, strings });
    const box = await screen.findByRole('textbox', { name: 'Rewrite the sentence' });
    expect(box).toHaveValue('She is sexually active.');
    expect(screen.getByText('1 term to avoid in your version:')).toBeInTheDocument();
    expect(screen.getByText('It presents abuse as the child’s own behaviour.')).toBeInTheDocument();

    await user.clear(box);
    await user.type(box, 'Adults are exploiting her.');
    expect(screen.getByText('No terms to avoid found in your version.')).toBeInTheDocument();

    await user.type(box, ' She was sexually active');
    expect(screen.getByText('1 term to avoid in your version:')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Compare with a model answer' }));
    expect(screen.getByText('There are concerns she is being sexually exploited by adults.')).toBeInTheDocument();
  });
});
