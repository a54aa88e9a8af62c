// Display settings kept on this device. They are read synchronously before the first paint,
// so they live in localStorage; if storage is blocked, the defaults apply and nothing breaks.
export const DISPLAY_OPTIONS = {
  textSize: ['default', 'large', 'larger', 'largest'],
  spacing: ['default', 'wide'],
  font: ['default', 'readable'],
  contrast: ['default', 'high'],
} as const;

export type DisplaySettings = { [Setting in keyof typeof DISPLAY_OPTIONS]: (typeof DISPLAY_OPTIONS)[Setting][number] };

export const DEFAULT_DISPLAY: DisplaySettings = {
  textSize: 'default',
  spacing: 'default',
  font: 'default',
  contrast: 'default',
};
const STORAGE_KEY = 'heard.display';

export function readDisplaySettings(storage: Pick<Storage, 'getItem'> = window.localStorage): DisplaySettings {
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const settings = { ...DEFAULT_DISPLAY };
    for (const setting of Object.keys(DISPLAY_OPTIONS) as (keyof DisplaySettings)[]) {
      const value = saved[setting];
      if ((DISPLAY_OPTIONS[setting] as readonly unknown[]).includes(value))
        (settings as Record<string, unknown>)[setting] = value;
    }
    return settings;
  } catch {
    return { ...DEFAULT_DISPLAY };
  }
}

/** Saves the settings; returns false when the browser will not store them. */
export function saveDisplaySettings(
  settings: DisplaySettings,
  storage: Pick<Storage, 'setItem'> = window.localStorage,
): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

export function applyDisplaySettings(settings: DisplaySettings, root: HTMLElement = document.documentElement) {
  root.dataset.textSize = settings.textSize;
  root.dataset.spacing = settings.spacing;
  root.dataset.font = settings.font;
  root.dataset.contrast = settings.contrast;
}
