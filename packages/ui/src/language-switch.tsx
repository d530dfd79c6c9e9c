import { LOCALES } from './catalogue.ts';
import { useLocale, useT } from './locale.tsx';

/** Two buttons, each labelled in its own language so a reader of either finds it. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className="vi-language-switch">
      <legend className="vi-visually-hidden">{t('shell.language')}</legend>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
