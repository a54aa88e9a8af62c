import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { exitDestination } from '../../src/features/safety/exitDestination';
import {
  coverPage,
  createShiftCounter,
  guardAgainstReturnAfterExit,
  NEUTRAL_PAGE,
  locationToLeave,
  quickExit,
  uncoverPage,
} from '../../src/features/safety/quickExit';

function counter() {
  const onExit = vi.fn();
  const counts: number[] = [];
  const shift = createShiftCounter({ onCount: (count) => counts.push(count), onExit });
  const press = (at: number) => {
    shift.keydown({ key: 'Shift', repeat: false });
    shift.keyup({ key: 'Shift' }, at);
  };
  return { shift, press, onExit, counts };
}

describe('quick exit by keyboard', () => {
  it('leaves after Shift is pressed three times within five seconds, counting each press', () => {
    const { press, onExit, counts } = counter();
    press(0);
    press(1000);
    expect(onExit).not.toHaveBeenCalled();
    press(2000);
    expect(counts).toEqual([1, 2, 3]);
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('does not count presses more than five seconds apart', () => {
    const { press, onExit } = counter();
    press(0);
    press(3000);
    press(6000);
    expect(onExit).not.toHaveBeenCalled();
    press(7000);
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('does not count Shift held to type a capital letter, and typing resets the count', () => {
    const { shift, press, onExit, counts } = counter();
    press(0);
    shift.keydown({ key: 'Shift', repeat: false });
    shift.keydown({ key: 'Shift', repeat: true });
    shift.keydown({ key: 'A', repeat: false });
    shift.keyup({ key: 'Shift' }, 100);
    press(200);
    press(300);
    expect(counts).toEqual([1, 0, 1, 2]);
    expect(onExit).not.toHaveBeenCalled();
  });
});

describe('quick exit navigation', () => {
  it('replaces the current page with the neutral page and remembers it left', () => {
    const replace = vi.fn();
    quickExit({ replace }, window.sessionStorage);
    expect(replace).toHaveBeenCalledWith(NEUTRAL_PAGE);
    expect(window.sessionStorage.getItem('heard.exited')).toBe('1');
  });

  it('in a frame, replaces the whole window, or the frame if the browser refuses', () => {
    const topReplace = vi.fn();
    const frameReplace = vi.fn();
    const top = { location: { replace: topReplace } } as unknown as Window;
    const frame = { top, location: { href: 'https://lms.example/pkg/index.html#/', replace: frameReplace } };
    locationToLeave(frame as unknown as Window).replace('./neutral.html');
    expect(topReplace).toHaveBeenCalledWith('https://lms.example/pkg/neutral.html');
    expect(frameReplace).not.toHaveBeenCalled();

    topReplace.mockImplementation(() => {
      throw new DOMException('not allowed', 'SecurityError');
    });
    locationToLeave(frame as unknown as Window).replace('./neutral.html');
    expect(frameReplace).toHaveBeenCalledWith('./neutral.html');
  });

  function fakeWindow(navigationType: string) {
    const replace = vi.fn();
    return {
      replace,
      win: {
        performance: { getEntriesByType: () => [{ type: navigationType }] },
        sessionStorage: window.sessionStorage,
        location: { replace },
        addEventListener: vi.fn(),
      } as unknown as Window,
    };
  }

  it('sends Back from the neutral page to the neutral page again', () => {
    window.sessionStorage.setItem('heard.exited', '1');
    const { win, replace } = fakeWindow('back_forward');
    expect(guardAgainstReturnAfterExit(win)).toBe(true);
    expect(replace).toHaveBeenCalledWith(NEUTRAL_PAGE);
  });

  it('opens the course normally when the learner comes back on purpose', () => {
    window.sessionStorage.setItem('heard.exited', '1');
    const { win, replace } = fakeWindow('navigate');
    expect(guardAgainstReturnAfterExit(win)).toBe(false);
    expect(replace).not.toHaveBeenCalled();
    expect(window.sessionStorage.getItem('heard.exited')).toBeNull();
  });

  it('inside an LMS frame, sends the whole window away again when the LMS reloads the course soon after', () => {
    const topReplace = vi.fn();
    const top = { location: { replace: topReplace } };
    const frameReplace = vi.fn();
    const framed = (now: number) => {
      vi.spyOn(Date, 'now').mockReturnValue(now);
      return {
        top,
        performance: { getEntriesByType: () => [{ type: 'navigate' }] },
        sessionStorage: window.sessionStorage,
        location: { replace: frameReplace, href: 'https://lms.example/pkg/index.html' },
        addEventListener: vi.fn(),
      } as unknown as Window;
    };
    quickExit({ replace: vi.fn() }, window.sessionStorage);
    const exitedAt = Number(window.sessionStorage.getItem('heard.exitedAt'));
    expect(guardAgainstReturnAfterExit(framed(exitedAt + 60_000))).toBe(true);
    expect(topReplace).toHaveBeenCalledWith(new URL(NEUTRAL_PAGE, 'https://lms.example/pkg/index.html').href);
    // Long after, the learner opening the course on purpose sees it.
    expect(guardAgainstReturnAfterExit(framed(exitedAt + 31 * 60_000))).toBe(false);
    expect(window.sessionStorage.getItem('heard.exited')).toBeNull();
    vi.restoreAllMocks();
  });
});

describe('where the quick exit goes', () => {
  it('is the neutral page unless the build names an https:// site', () => {
    expect(exitDestination()).toBe(NEUTRAL_PAGE);
    expect(exitDestination('')).toBe(NEUTRAL_PAGE);
    expect(exitDestination('https://www.bbc.co.uk/weather')).toBe('https://www.bbc.co.uk/weather');
    expect(exitDestination('javascript:alert(1)')).toBe(NEUTRAL_PAGE);
    expect(exitDestination('http://example.org/')).toBe(NEUTRAL_PAGE);
    expect(exitDestination('not an address')).toBe(NEUTRAL_PAGE);
  });

  it('leaves for the chosen site, and Back from there goes to it again', () => {
    const replace = vi.fn();
    quickExit({ replace }, window.sessionStorage, { destination: 'https://www.bbc.co.uk/weather' });
    expect(replace).toHaveBeenCalledWith('https://www.bbc.co.uk/weather');
    uncoverPage();

    const back = vi.fn();
    const win = {
      performance: { getEntriesByType: () => [{ type: 'back_forward' }] },
      sessionStorage: window.sessionStorage,
      location: { replace: back },
      addEventListener: vi.fn(),
    } as unknown as Window;
    expect(guardAgainstReturnAfterExit(win, 'https://www.bbc.co.uk/weather')).toBe(true);
    expect(back).toHaveBeenCalledWith('https://www.bbc.co.uk/weather');
  });
});

describe('the loading overlay', () => {
  it('blanks the page before leaving and announces it, and goes when the page is shown again', () => {
    const page = document.createElement('p');
    page.textContent = 'A lesson';
    document.body.appendChild(page);
    let coveredWhenLeaving = false;
    quickExit(
      {
        replace: () => {
          coveredWhenLeaving = document.documentElement.classList.contains('quick-exit-leaving');
        },
      },
      window.sessionStorage,
      { overlayText: 'Loading.' },
    );
    expect(coveredWhenLeaving).toBe(true);
    expect(screen.getByRole('alert')).toHaveTextContent('Loading.');
    uncoverPage();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.documentElement.classList.contains('quick-exit-leaving')).toBe(false);
    page.remove();
  });

  it('comes off a page restored from the browser cache when the learner did not leave', () => {
    window.sessionStorage.removeItem('heard.exited');
    coverPage(document, 'Loading.');
    const listeners: ((event: PageTransitionEvent) => void)[] = [];
    const win = {
      performance: { getEntriesByType: () => [{ type: 'navigate' }] },
      sessionStorage: window.sessionStorage,
      location: { replace: vi.fn() },
      document,
      addEventListener: (_: string, listener: (event: PageTransitionEvent) => void) => listeners.push(listener),
    } as unknown as Window;
    guardAgainstReturnAfterExit(win);
    listeners.forEach((listener) => listener({ persisted: true } as PageTransitionEvent));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Back inside an LMS frame', () => {
  function framedCourse(topNavigation: string | (() => never)) {
    const topReplace = vi.fn();
    const frameReplace = vi.fn();
    const topPerformance =
      typeof topNavigation === 'string'
        ? { getEntriesByType: () => [{ type: topNavigation }] }
        : {
            get getEntriesByType(): never {
              return topNavigation();
            },
          };
    const top = { location: { replace: topReplace }, performance: topPerformance } as unknown as Window;
    const frame = {
      top,
      performance: { getEntriesByType: () => [{ type: 'navigate' }] },
      sessionStorage: window.sessionStorage,
      location: { href: 'https://lms.example/pkg/index.html#/', replace: frameReplace },
      addEventListener: vi.fn(),
    } as unknown as Window;
    return { frame, topReplace, frameReplace };
  }

  it('when the LMS page itself was reached by Back, sends the whole window to the exit page again', () => {
    window.sessionStorage.setItem('heard.exited', '1');
    const { frame, topReplace } = framedCourse('back_forward');
    expect(guardAgainstReturnAfterExit(frame, './neutral.html')).toBe(true);
    expect(topReplace).toHaveBeenCalledWith('https://lms.example/pkg/neutral.html');
  });

  it('opens the course when the LMS page was opened afresh, or cannot be read from another origin', () => {
    window.sessionStorage.setItem('heard.exited', '1');
    expect(guardAgainstReturnAfterExit(framedCourse('navigate').frame)).toBe(false);
    window.sessionStorage.setItem('heard.exited', '1');
    const crossOrigin = framedCourse(() => {
      throw new DOMException('Blocked a frame', 'SecurityError');
    });
    expect(guardAgainstReturnAfterExit(crossOrigin.frame)).toBe(false);
    expect(crossOrigin.topReplace).not.toHaveBeenCalled();
  });
});
