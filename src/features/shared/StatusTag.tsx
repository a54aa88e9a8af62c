import { useTranslation } from 'react-i18next';
import type { ModuleOverviewProgress } from '../../storage/progressStore';

type Status = ModuleOverviewProgress['status'] | ModuleOverviewProgress['lessons'][string];

/** A status in words (never colour alone). */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <strong className={`status-tag status-tag--${status}`}>{t(`status.${status}`)}</strong>;
}
