// The nation whose law and guidance the learner works under (England or Wales), for every page
// that shows content words. Words that differ by nation are variants of a locale key (`K_wales`
// beside the shared `K`); `useContentTranslation` is the one place they are picked, through
// i18next's `context` option, so a learner in Wales reads `K_wales` where it exists and `K`
// elsewhere. The nation is the learner's own (Your details), else the organisation's default.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation, type UseTranslationOptions } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useServices } from '../../app/services';
import type { Nation } from '../../engine/contentSchema';
import { organisation } from '../../organisation/organisation';
import { readStoredProgress } from '../../storage/storedProgress';

/** The organisation's default nation (pre-selected where a learner is asked), or null. */
export const defaultNation: Nation | null = organisation?.defaultNation ?? null;

const NationContext = createContext<Nation | null>(defaultNation);

/** Gives the pages inside it a nation (the app layout: the learner's; a lesson: the one it is taken for). */
export function NationProvider({ nation, children }: { nation: Nation | null; children: ReactNode }) {
  return <NationContext value={nation}>{children}</NationContext>;
}

/** The nation the words on this page follow (null: the shared words, as for England). */
export function useNation(): Nation | null {
  return useContext(NationContext);
}

type Namespaces = Parameters<typeof useTranslation>[0];

/**
 * `useTranslation` for content words: the same `t`, looking up the nation's variant of each key
 * first. A caller's own `context` wins; a default value given as a string is passed on untouched.
 */
export function useContentTranslation(namespaces?: Namespaces, options?: UseTranslationOptions<undefined>) {
  const { t, i18n, ready } = useTranslation(namespaces, options);
  const nation = useNation();
  const content = useMemo(() => {
    if (!nation) return t;
    const plain = t as unknown as (...args: unknown[]) => string;
    const withNation = (key: string | string[], given?: unknown, ...rest: unknown[]) => {
      const opts = typeof given === 'object' && given !== null ? (given as Record<string, unknown>) : undefined;
      if (given !== undefined && !opts) return plain(key, given, ...rest);
      return plain(key, { context: nation, ...opts }, ...rest);
    };
    return withNation as unknown as TFunction;
  }, [t, nation]) as typeof t;
  return { t: content, i18n, ready };
}

/**
 * The learner's nation as saved in Your details, else the organisation's default. Read straight
 * from IndexedDB at first (no Dexie on the first screen), then watched once Dexie has loaded, so
 * a change in Your details, or in a lesson's question, reaches every page at once.
 */
export function useLearnerNation(): Nation | null {
  const { database } = useServices();
  const [nation, setNation] = useState<Nation | null>(defaultNation);
  useEffect(() => {
    let cancelled = false;
    let subscription: { unsubscribe: () => void } | undefined;
    const show = (saved: Nation | undefined) => {
      if (!cancelled) setNation(saved ?? defaultNation);
    };
    void readStoredProgress(database.name).then((stored) => {
      if (stored.ok) show(stored.progress.profile[0]?.nation);
    });
    const timer = window.setTimeout(() => {
      void Promise.all([database.load(), import('dexie')]).then(
        ([db, { liveQuery }]) => {
          if (cancelled) return;
          subscription = liveQuery(() => db.profile.get('learner')).subscribe({
            next: (profile) => show(profile?.nation),
            error: () => {},
          });
        },
        () => undefined,
      );
    }, 1000);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      subscription?.unsubscribe();
    };
  }, [database]);
  return nation;
}
