import { REACH_LANGUAGES, REACH_QUESTIONS } from '@vi/domain';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from './locale.tsx';
import {
  EMPTY_REACH_ANSWERS,
  hasReachAnswers,
  ReachAnswersFieldset,
  reachAnswersValue,
} from './reach-answers-fieldset.tsx';

function render(locale: 'da' | 'en', props: Partial<Parameters<typeof ReachAnswersFieldset>[0]> = {}) {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <ReachAnswersFieldset value={EMPTY_REACH_ANSWERS} onChange={() => {}} idPrefix="r" {...props} />
    </LocaleProvider>,
  );
}

describe('the who-we-reach fieldset', () => {
  it('is collapsed, in Danish and English, with a labelled language select and a legend per question', () => {
    const da = render('da');
    expect(da).toMatch(/^<details class="vi-reach"><summary>Hvem når vi\? \(valgfrit\)<\/summary>/);
    expect(da).toContain('<label for="r-preferredLanguage">Foretrukket sprog</label>');
    expect(da.match(/<option /g)).toHaveLength(REACH_LANGUAGES.length + 1);
    for (const q of REACH_QUESTIONS) expect(da).toContain(`<legend>${q.label.da}</legend>`);
    // Ja, Nej, Ved ikke and "not recorded" per question; "not recorded" chosen while empty.
    expect(da.match(/type="radio"/g)).toHaveLength(REACH_QUESTIONS.length * 4);
    expect(da.match(/checked=""/g)).toHaveLength(REACH_QUESTIONS.length);
    expect(da).toContain('id="r-mutualViolence-none" name="r-mutualViolence" checked="" value=""');
    const en = render('en');
    expect(en).toContain('<summary>Who we reach (optional)</summary>');
    expect(en).toContain('>Not recorded</label>');
    expect(en).not.toMatch(/Ikke angivet|Foretrukket/);
  });

  it('shows recorded answers, and opens with an error at the field it names', () => {
    const value = reachAnswersValue({ preferredLanguage: 'ar', interpreterNeeded: 'YES' });
    expect(hasReachAnswers(value)).toBe(true);
    expect(hasReachAnswers(reachAnswersValue(null))).toBe(false);
    const html = render('da', {
      value,
      errors: [
        {
          field: 'reach.mutualViolence',
          code: 'UNKNOWN_OPTION',
          message: { da: 'Svarmuligheden findes ikke.', en: 'The option does not exist.' },
        },
      ],
    });
    expect(html).toMatch(/^<details class="vi-reach" open="">/);
    expect(html).toContain('<option value="ar" selected="">Arabisk</option>');
    expect(html).toContain('id="r-interpreterNeeded-YES" name="r-interpreterNeeded" checked="" value="YES"');
    expect(html).toMatch(
      /<fieldset id="r-mutualViolence" data-field="mutualViolence" aria-describedby="r-mutualViolence-errors">/,
    );
    expect(html).toContain('Svarmuligheden findes ikke.');
  });
});
