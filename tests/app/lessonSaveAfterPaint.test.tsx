// An answer is saved after its feedback is painted (src/features/lesson-player/afterNextPaint.ts),
// so nothing is written between the click and the feedback. Here no frame ever comes, as when a
// page is closed straight after the feedback shows: the answer must still be saved when the page
// is hidden or closed.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { freshDatabase, renderApp } from './renderApp';

// A page that never paints again: the scheduled write waits for ever unless something else starts it.
vi.mock('../../src/features/lesson-player/afterNextPaint', () => ({ afterNextPaint: () => () => undefined }));

const lessonPath = '/modules/practice/lessons/basics';

async function answerFirstQuestion() {
  const user = userEvent.setup();
  const db = freshDatabase();
  renderApp(lessonPath, { db });
  await user.click(await screen.findByRole('button', { name: 'Continue' }, { timeout: 5000 }));
  await user.click(await screen.findByRole('radio', { name: 'Anyone under 18' }));
  await user.click(screen.getByRole('button', { name: 'Check my answer' }));
  await screen.findByRole('heading', { name: /Right answer/ });
  return db;
}

describe('saving an answer after its feedback is painted', () => {
  it('writes nothing before the page paints, so the feedback is not held back', async () => {
    const db = await answerFirstQuestion();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.answers.count()).toBe(0);
  });

  it('saves the answer and the place when the page is closed right after the feedback', async () => {
    const db = await answerFirstQuestion();
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect(await db.answers.count()).toBe(1));
    expect((await db.answers.toArray())[0]).toMatchObject({ stepId: 'age', correct: true });
    const [place] = await db.lessonProgress.toArray();
    expect(place?.stepId).toBe('age');
    expect(await screen.findByText('Progress saved on this device.')).toBeInTheDocument();
  });

  it('saves the answer when the page is hidden (the learner switches app) right after the feedback', async () => {
    const db = await answerFirstQuestion();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    await waitFor(async () => expect(await db.answers.count()).toBe(1));
  });
});
