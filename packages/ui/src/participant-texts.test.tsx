import { fieldError, QUESTIONNAIRES } from '@vi/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from './locale.tsx';
import { loadParticipantMessages, participantMessages } from './participant-i18n.ts';
import {
  ParticipantTexts,
  useFieldErrorText,
  useQuestionnaireDefinition,
  useQuestionnaireT,
} from './participant-texts.tsx';

function Probe() {
  const definition = useQuestionnaireDefinition('BASELINE');
  const t = useQuestionnaireT();
  const errorText = useFieldErrorText('BASELINE');
  return (
    <p>
      {definition.title.da}|{t('questionnaire.page', { page: 1, pages: 5 })}|
      {errorText(fieldError('age', 'OUT_OF_RANGE', { min: 18, max: 110 }))}
    </p>
  );
}

function render(children: ReactNode, locale: 'da' | 'en' = 'da') {
  return renderToStaticMarkup(<LocaleProvider initialLocale={locale}>{children}</LocaleProvider>);
}

describe('the questionnaire renderer’s texts', () => {
  it('are the participant’s language inside <ParticipantTexts>', async () => {
    const ar = await loadParticipantMessages('ar');
    const html = render(
      <ParticipantTexts messages={ar}>
        <Probe />
      </ParticipantTexts>,
    );
    expect(html).toBe('<p>استبيان البيانات الأساسية|الصفحة 1 من 5|يجب أن تكون القيمة بين 18 و110.</p>');
  });

  it('are the staff Danish or English without it', () => {
    expect(render(<Probe />, 'en')).toBe(
      `<p>${QUESTIONNAIRES.BASELINE.title.da}|Page 1 of 5|The value must be between 18 and 110.</p>`,
    );
  });

  it('fall back to the error’s own message for a code the catalogue does not word', () => {
    const messages = participantMessages('tr', {}, IntlMessageFormat);
    function Unknown() {
      const errorText = useFieldErrorText('BASELINE');
      return <p>{errorText(fieldError('children', 'DUPLICATE_OPTION', { option: 'NONE' }))}</p>;
    }
    const html = render(
      <ParticipantTexts messages={messages}>
        <Unknown />
      </ParticipantTexts>,
    );
    expect(html).toContain('NONE');
  });
});
