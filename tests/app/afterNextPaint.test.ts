import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../src/features/lesson-player/afterNextPaint';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => vi.unstubAllGlobals());

describe('afterNextPaint', () => {
  it('runs the work once, in a task after the next animation frame, not at once', async () => {
    let frame: FrameRequestCallback | undefined;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frame = callback;
      return 1;
    });
    const work = vi.fn();
    afterNextPaint(work);
    await wait(5);
    expect(work).not.toHaveBeenCalled();
    frame?.(performance.now());
    expect(work).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(1));
    await wait(300);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work anyway when no frame comes, as in a hidden tab', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const work = vi.fn();
    afterNextPaint(work);
    await wait(100);
    expect(work).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(1), { timeout: 1000 });
  });

  it('never runs work that was cancelled', async () => {
    const work = vi.fn();
    afterNextPaint(work)();
    await wait(300);
    expect(work).not.toHaveBeenCalled();
  });
});
