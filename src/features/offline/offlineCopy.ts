// When the offline copy may start downloading. Kept free of React so its timing can be tested alone.

/** How long to wait for an idle moment before starting anyway, so a busy page still gets its copy. */
export const IDLE_TIMEOUT_MS = 5000;

/** True when the learner's browser asks sites to use less data (the Save-Data preference). */
export function savesData(browser: Navigator): boolean {
  const connection = (browser as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

/**
 * Calls `start` once the page has loaded and the main thread is idle (or after `timeoutMs`), so
 * the offline copy never competes with the first page for the network or the processor. Browsers
 * without requestIdleCallback (Safari) wait a short moment after `load` instead. Returns a cancel.
 */
export function whenPageIsIdle(page: Window, start: () => void, timeoutMs = IDLE_TIMEOUT_MS): () => void {
  let cancelled = false;
  let cancelWait = () => {};
  const afterLoad = () => {
    if (cancelled) return;
    if (typeof page.requestIdleCallback === 'function') {
      const handle = page.requestIdleCallback(() => !cancelled && start(), { timeout: timeoutMs });
      cancelWait = () => page.cancelIdleCallback(handle);
    } else {
      const handle = page.setTimeout(() => !cancelled && start(), 1000);
      cancelWait = () => page.clearTimeout(handle);
    }
  };
  if (page.document.readyState === 'complete') afterLoad();
  else {
    page.addEventListener('load', afterLoad, { once: true });
    cancelWait = () => page.removeEventListener('load', afterLoad);
  }
  return () => {
    cancelled = true;
    cancelWait();
  };
}
