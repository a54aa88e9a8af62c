import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '../shared/FormParts';
import { PageHeading } from '../shared/PageHeading';
import {
  applyDisplaySettings,
  DISPLAY_OPTIONS,
  readDisplaySettings,
  saveDisplaySettings,
  type DisplaySettings,
} from './displaySettings';

const SETTINGS = Object.keys(DISPLAY_OPTIONS) as (keyof DisplaySettings)[];

export function SettingsPage() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(readDisplaySettings);
  const [saved, setSaved] = useState<boolean | null>(null);

  const change = <Setting extends keyof DisplaySettings>(setting: Setting, value: DisplaySettings[Setting]) => {
    const next = { ...settings, [setting]: value };
    setSettings(next);
    applyDisplaySettings(next);
    setSaved(saveDisplaySettings(next));
  };

  return (
    <>
      <PageHeading tabTitle={t('settings.tabTitle')}>{t('settings.heading')}</PageHeading>
      <p className="lead">{t('settings.intro')}</p>
      {SETTINGS.map((setting) => (
        <fieldset key={setting} className="settings-group">
          <legend>{t(`settings.${setting}.legend`)}</legend>
          <div className="options">
            {DISPLAY_OPTIONS[setting].map((value) => (
              <div className="option" key={value}>
                <input
                  id={`${setting}-${value}`}
                  type="radio"
                  name={setting}
                  value={value}
                  checked={settings[setting] === value}
                  onChange={() => change(setting, value)}
                />
                <label htmlFor={`${setting}-${value}`}>{t(`settings.${setting}.${value}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <FormMessage
        status={saved === true ? t('settings.saved') : undefined}
        alert={saved === false ? t('settings.notSaved') : undefined}
      />
    </>
  );
}
