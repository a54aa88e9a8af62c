// Quick exit, after GOV.UK's "Exit this page": blanks the page at once, then leaves for the exit
// destination (the neutral page unless the build names another site), replacing the history entry,
// and makes Back from there land on the destination again instead of the course.
import { exitDestination, NEUTRAL_PAGE } from './exitDestination';
import { noStorage, sessionStorageIfAllowed } from '../../storage/webStorage';

export { NEUTRAL_PAGE };
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

const LEAVING_CLASS = 'quick-exit-leaving';

/**
 * GOV.UK's loading overlay: the page goes blank at once, so nothing stays on screen while the next
 * page loads on a slow connection, and everything under it is hidden from screen readers and Tab.
 * The text is set after the overlay is in the page, so screen readers announce it more reliably.
 */
export function coverPage(doc: Document = document, text = ''): void {
  doc.documentElement.classList.add(LEAVING_CLASS);
  const overlay = doc.createElement('div');
  overlay.className = 'quick-exit-overlay';
  overlay.setAttribute('role', 'alert');
  doc.body.appendChild(overlay);
  overlay.textContent = text;
}

/** Takes the overlay away again, for a page the browser restores from its cache without leaving. */
export function uncoverPage(doc: Document = document): void {
  doc.documentElement.classList.remove(LEAVING_CLASS);
  doc.querySelectorAll('.quick-exit-overlay').forEach((overlay) => overlay.remove());
}

export function quickExit(
  location: Pick<Location, 'replace'> = locationToLeave(),
  storage: Storage = sessionStorageIfAllowed() ?? noStorage,
  options: { overlayText?: string; destination?: string; doc?: Document } = {},
) {
  coverPage(options.doc, options.overlayText);
  try {
    storage.setItem(EXITED_FLAG, '1');
    storage.setItem(EXITED_AT, String(Date.now()));
  } catch {
    // Storage may be blocked; leaving matters more than remembering that we left.
  }
  location.replace(options.destination ?? exitDestination());
}

function cameBackFromExit(navigationType: string | undefined, storage: Storage | undefined, framed = false): boolean {
  if (!storage) return false;
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

function navigationTypeOf(win: Window): string | undefined {
  return (win.performance?.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
}

/**
 * How this page was reached. Inside an LMS frame, Back reloads the LMS's page, which loads the
 * course afresh in its frame; where the LMS serves the course from its own origin (as Moodle does),
 * its page says whether that was Back. From another origin the frame's own entry is all we can see.
 */
function howReached(win: Window): string | undefined {
  try {
    if (win.top && win.top !== win && navigationTypeOf(win.top) === 'back_forward') return 'back_forward';
  } catch {
    // The LMS page is on another origin.
  }
  return navigationTypeOf(win);
}

/**
 * Call before the app renders: Back or Forward into the course after a quick exit goes to the exit
 * destination again (the whole window inside an LMS, as far as the browser lets a frame).
 */
export function guardAgainstReturnAfterExit(win: Window = window, destination = exitDestination()): boolean {
  const framed = Boolean(win.top && win.top !== win);
  if (cameBackFromExit(howReached(win), sessionStorageIfAllowed(win), framed)) {
    locationToLeave(win).replace(destination);
    return true;
  }
  win.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    if (cameBackFromExit('back_forward', sessionStorageIfAllowed(win))) locationToLeave(win).replace(destination);
    else uncoverPage(win.document);
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
