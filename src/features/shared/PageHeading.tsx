import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The page's one h1. It can take focus so navigation can move a screen reader to it, and it
 * sets the tab title, which stays neutral about the subject so a glance at the tab reveals nothing.
 */
export function PageHeading({ children, tabTitle }: { children: ReactNode; tabTitle: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${tabTitle} – ${t('app.name')}`;
  }, [tabTitle, t]);
  return (
    <h1 tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
