// The browser's storage, asked for safely. Where a browser blocks site data (cookies blocked, or the
// course framed from another origin with third-party storage partitioned or blocked) merely reading
// `window.localStorage`, `window.sessionStorage` or `window.indexedDB` throws a SecurityError. The
// course must still render and say its progress will not be kept, so every access goes through
// these getters, which give undefined instead of throwing. Plain code: no Dexie, safe on first load.

type StorageName = 'localStorage' | 'sessionStorage';

function webStorage(win: Window | undefined, name: StorageName): Storage | undefined {
  try {
    const storage = win?.[name];
    // Some browsers hand out a storage object that throws on first use; touch it once to know.
    storage?.getItem('heard.probe');
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

export const localStorageIfAllowed = (win: Window | undefined = globalThis.window): Storage | undefined =>
  webStorage(win, 'localStorage');

export const sessionStorageIfAllowed = (win: Window | undefined = globalThis.window): Storage | undefined =>
  webStorage(win, 'sessionStorage');

export function indexedDBIfAllowed(scope: { indexedDB?: IDBFactory } = globalThis): IDBFactory | null {
  try {
    return scope.indexedDB ?? null;
  } catch {
    return null;
  }
}

/** Storage that remembers nothing, for code that needs one where the browser allows none. */
export const noStorage: Storage = {
  length: 0,
  clear: () => {},
  getItem: () => null,
  key: () => null,
  removeItem: () => {},
  setItem: () => {},
};
