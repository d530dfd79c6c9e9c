import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParticipantLanguagePicker } from './participant-language.tsx';

describe('the participant page’s language picker', () => {
  it('labels a select of the nine languages, each named and marked in its own language', () => {
    const html = renderToStaticMarkup(
      <ParticipantLanguagePicker locale="ar" label="اللغة" onChange={() => {}} />,
    );
    expect(html).toMatch(/<label for="([^"]+)">اللغة<\/label><select id="\1"/);
    expect(html.match(/<option /g)).toHaveLength(9);
    expect(html).toContain('<option value="ar" lang="ar" selected="">العربية</option>');
    expect(html).toContain('<option value="uk" lang="uk">Українська</option>');
  });
});
