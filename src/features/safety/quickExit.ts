// Quick exit: leaves the course at once for a neutral page, replacing the history entry, and
// makes Back from there land on the neutral page again instead of the course.
// Relative to the app's base, so the copy inside an LMS package finds its own neutral page.
export const NEUTRAL_PAGE = `${import.meta.env.BASE_URL}neutral.html`;
const EXITED_FLAG = 'heard.exited';
const EXITED_AT = 'heard.exitedAt';
/** Inside an LMS frame, how long after a quick exit the course refuses to show again in this tab. */
const FRAMED_GUARD_MS = 30 * 60 * 1000;

/**
 * Inside an LMS frame, leaving only the frame would leave the LMS page (and the course's name)
 * on screen, so the whole window goes. Browsers let a frame replace the page around it after a
 * click or key press; if one refuses, the frame itself leaves.
 */
export function locationToLeave(win: Window = window): Pick<Location, 'replace'> {
  if (!win.top || win.top === win) return win.location;
  const top = win.top;
  return {
    replace: (url: string) => {
      try {
        top.location.replace(new URL(url, win.location.href).href);
      } catch {
        win.location.replace(url);
      }
    },
  };
}

export function quickExit(
  location: Pick<Location, 'replace'> = locationToLeave(),
  storage: Storage = window.sessionStorage,
) {
  try {
    storage.setItem(EXITED_FLAG, '1');
    storage.setItem(EXITED_AT, String(Date.now()));
  } catch {
    // Storage may be blocked; leaving matters more than remembering that we left.
  }
  location.replace(NEUTRAL_PAGE);
}

function cameBackFromExit(navigationType: string | undefined, storage: Storage, framed = false): boolean {
  try {
    const exited = storage.getItem(EXITED_FLAG) === '1';
    if (exited && navigationType === 'back_forward') return true;
    // An LMS reloads its player (and sets the course frame's address afresh) when Back returns to
    // it, so the frame never sees a back_forward load: soon after a quick exit, any load counts.
    const exitedAt = Number(storage.getItem(EXITED_AT));
    if (exited && framed && Date.now() - exitedAt < FRAMED_GUARD_MS) return true;
    storage.removeItem(EXITED_AT);
    storage.removeItem(EXITED_FLAG);
  } catch {
    // Without storage we cannot know; show the course.
  }
  return false;
}

/** Call before the app renders: Back or Forward into the course after a quick exit goes to the neutral page. */
export function guardAgainstReturnAfterExit(win: Window = window): boolean {
  const entry = win.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  const framed = Boolean(win.top && win.top !== win);
  if (cameBackFromExit(entry?.type, win.sessionStorage, framed)) {
    (framed ? locationToLeave(win) : win.location).replace(NEUTRAL_PAGE);
    return true;
  }
  win.addEventListener('pageshow', (event) => {
    if (event.persisted && cameBackFromExit('back_forward', win.sessionStorage)) win.location.replace(NEUTRAL_PAGE);
  });
  return false;
}

/**
 * Counts deliberate Shift presses: a press counts only when Shift goes down and up with no other
 * key in between (so a capital letter never counts), and only presses within the window count.
 */
export function createShiftCounter(options: {
  needed?: number;
  windowMs?: number;
  onCount: (count: number) => void;
  onExit: () => void;
}) {
  const needed = options.needed ?? 3;
  const windowMs = options.windowMs ?? 5000;
  let shiftDown = false;
  let otherKeyWhileShift = false;
  let presses: number[] = [];

  return {
    keydown(event: Pick<KeyboardEvent, 'key' | 'repeat'>) {
      if (event.key === 'Shift') {
        if (!event.repeat) {
          shiftDown = true;
          otherKeyWhileShift = false;
        }
        return;
      }
      if (shiftDown) otherKeyWhileShift = true;
      if (presses.length > 0) {
        presses = [];
        options.onCount(0);
      }
    },
    keyup(event: Pick<KeyboardEvent, 'key'>, now: number) {
      if (event.key !== 'Shift') return;
      const deliberate = shiftDown && !otherKeyWhileShift;
      shiftDown = false;
      if (!deliberate) return;
      presses = [...presses.filter((time) => now - time < windowMs), now];
      options.onCount(presses.length);
      if (presses.length >= needed) {
        presses = [];
        options.onExit();
      }
    },
    reset() {
      presses = [];
      options.onCount(0);
    },
  };
}
