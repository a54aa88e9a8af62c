import { afterEach, describe, expect, it, vi } from 'vitest';
import { savesData, whenPageIsIdle } from '../../src/features/offline/offlineCopy';

/** A page whose load state and idle callbacks the test drives by hand. */
function fakePage({ loaded, idle = true }: { loaded: boolean; idle?: boolean }) {
  const target = new EventTarget();
  const idleCallbacks = new Map<number, () => void>();
  let next = 1;
  const page = {
    document: { readyState: loaded ? 'complete' : 'loading' },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: number) => clearTimeout(handle),
    ...(idle && {
      requestIdleCallback: (callback: () => void, options: { timeout: number }) => {
        expect(options.timeout).toBeGreaterThan(0);
        idleCallbacks.set(next, callback);
        return next++;
      },
      cancelIdleCallback: (handle: number) => idleCallbacks.delete(handle),
    }),
  };
  return {
    page: page as unknown as Window,
    load: () => target.dispatchEvent(new Event('load')),
    becomeIdle: () => [...idleCallbacks.values()].forEach((callback) => callback()),
    pendingIdle: () => idleCallbacks.size,
  };
}

describe('when the offline copy starts', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the page to load and then for an idle moment', () => {
    const { page, load, becomeIdle, pendingIdle } = fakePage({ loaded: false });
    const start = vi.fn();
    whenPageIsIdle(page, start);
    becomeIdle();
    expect(start).not.toHaveBeenCalled();
    expect(pendingIdle()).toBe(0);
    load();
    expect(start).not.toHaveBeenCalled();
    becomeIdle();
    expect(start).toHaveBeenCalledOnce();
  });

  it('waits only for idle when the page has already loaded', () => {
    const { page, becomeIdle } = fakePage({ loaded: true });
    const start = vi.fn();
    whenPageIsIdle(page, start);
    expect(start).not.toHaveBeenCalled();
    becomeIdle();
    expect(start).toHaveBeenCalledOnce();
  });

  it('never starts once cancelled, before or after load', () => {
    const before = fakePage({ loaded: false });
    const start = vi.fn();
    whenPageIsIdle(before.page, start)();
    before.load();
    before.becomeIdle();
    const after = fakePage({ loaded: true });
    whenPageIsIdle(after.page, start)();
    after.becomeIdle();
    expect(start).not.toHaveBeenCalled();
  });

  it('waits a moment after load where the browser has no idle callback', () => {
    vi.useFakeTimers();
    const { page, load } = fakePage({ loaded: false, idle: false });
    const start = vi.fn();
    whenPageIsIdle(page, start);
    load();
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(start).toHaveBeenCalledOnce();
  });
});

describe('the Save-Data preference', () => {
  it('is read from the connection, and absent means no', () => {
    expect(savesData({ connection: { saveData: true } } as unknown as Navigator)).toBe(true);
    expect(savesData({ connection: { saveData: false } } as unknown as Navigator)).toBe(false);
    expect(savesData({} as Navigator)).toBe(false);
  });
});
