import { findItem, labelOf, STILL_PRESENT } from '@vi/domain';
import {
  courseWithBaselineLink,
  demoLogin,
  documentWidths,
  expectNoSeriousA11yViolations,
  graphqlInPage as graphql,
  openOnPhone,
  type Page,
  type StackWithBrowsers,
  screenshot,
  startStackWithBrowsers,
} from '@vi/e2e';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 13: the baseline form on a 390×844 phone. Every page fits the screen's width, the form is
// paged ("Side x af y") with a draft that survives a reload, problems are shown on their page,
// "Anden vold" has its own text field, and the answers that compare with "before the course" are
// not offered at the first session.
//
// The course and the link are made through the gateway's API (the staff screens are covered by
// courses.e2e.test.ts), so this stack runs any operation (VI_TRUSTED_DOCUMENTS=0); the participant
// page itself uses only its built operations.

const lead = demoLogin('lead@odense.demo');
const COURSE = 'E2E-hold telefon';

/** The page does not scroll sideways: the document is exactly as wide as the phone's viewport. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await documentWidths(page);
  expect({ where, scroll: widths.scroll, wide: widths.wide }).toEqual({
    where,
    scroll: widths.client,
    wide: [],
  });
}

describe('the participant form on a phone', () => {
  let run: StackWithBrowsers<'staff' | 'phone'>;
  let api: Page;
  let courseId = '';
  let formLink = '';

  beforeAll(async () => {
    run = await startStackWithBrowsers(
      { name: 'participant-phone', env: { VI_TRUSTED_DOCUMENTS: '0' } },
      { staff: {}, phone: {} },
    );
    api = await run.browsers.staff.newPage();
    const course = await courseWithBaselineLink(api, run.stack.baseUrl, lead, COURSE);
    expect(course.groupLeaders).toBeGreaterThanOrEqual(2);
    ({ courseId, formLink } = course);
  });

  afterAll(async () => {
    await run?.close();
  });

  it('goes through every page at 390×844 without sideways scrolling, keeps the draft over a reload, and sends', async () => {
    const { page: form, problems } = await openOnPhone(run.browsers.phone, formLink);
    await form.getByRole('heading', { level: 1, name: 'Baggrundsskema' }).waitFor();
    expect(form.url()).not.toContain('#t=');
    const progress = form.locator('.vi-q-progress');
    const next = form.getByRole('button', { name: 'Næste', exact: true });

    // Page 1: about you. A wrong age is named in a summary at the top of this page, linked to the question.
    await expect.poll(() => progress.textContent()).toBe('Side 1 af 5');
    await form.getByText('Hverken dine gruppeledere').waitFor();
    await expectNoSidewaysScroll(form, 'page 1');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 1');
    await form
      .getByRole('group', { name: /Hvad er dit køn\?/ })
      .getByRole('radio', { name: 'Kvinde' })
      .check();
    await form.getByLabel(/Hvor gammel er du\?/).fill('12');
    await next.click();
    const summary = form.getByRole('alert').filter({ hasText: 'Der er et problem' });
    await summary.getByRole('link', { name: /Hvor gammel er du\?/ }).waitFor();
    await expect.poll(() => progress.textContent()).toBe('Side 1 af 5');
    await expectNoSidewaysScroll(form, 'page 1 with an error');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 1 with an error');
    await screenshot(form, 'participant-phone-error-summary');
    await summary.getByRole('link', { name: /Hvor gammel er du\?/ }).click();
    expect(await form.evaluate(() => document.activeElement?.id)).toBe('participant-age');
    await form.getByLabel(/Hvor gammel er du\?/).fill('41');
    await next.click();

    // Page 2: how you are doing (Brief INSPIRE-O).
    await expect.poll(() => progress.textContent()).toBe('Side 2 af 5');
    await expectNoSidewaysScroll(form, 'page 2');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 2');
    const recovery: Array<[RegExp, string]> = [
      [/^Jeg føler mig støttet af andre mennesker/, 'I nogen grad'],
      [/^Jeg har håb og drømme om fremtiden/, 'Lidt'],
      [/^Jeg har det godt med mig selv/, 'I nogen grad'],
      [/^Jeg gør ting, som betyder noget for mig/, 'En hel del'],
      [/^Jeg føler, jeg har kontrol over mit liv/, 'Lidt'],
    ];
    for (const [question, answer] of recovery) {
      await form
        .getByRole('group', { name: question })
        .getByRole('radio', { name: answer, exact: true })
        .check();
    }
    // The English page counter, then back to Danish.
    await form.getByLabel('Sprog').selectOption('en');
    await expect.poll(() => progress.textContent()).toBe('Page 2 of 5');
    await expectNoSidewaysScroll(form, 'page 2 in English');
    await form.getByLabel('Language').selectOption('da');
    await next.click();

    // Page 3: the group leaders. One answer, then the phone reloads the page.
    await expect.poll(() => progress.textContent()).toBe('Side 3 af 5');
    await expectNoSidewaysScroll(form, 'page 3');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 3');
    const leaders = form.getByRole('group', {
      name: /^Mine gruppeledere hjælper mig til at føle mig støttet/,
    });
    await leaders.getByRole('radio', { name: 'En hel del', exact: true }).check();
    await form.reload();
    await form.getByRole('heading', { level: 1, name: 'Baggrundsskema' }).waitFor();
    await expect.poll(() => progress.textContent()).toBe('Side 3 af 5');
    expect(await leaders.getByRole('radio', { name: 'En hel del', exact: true }).isChecked()).toBe(true);
    // Back keeps the answers of the page before.
    await form.getByRole('button', { name: 'Tilbage', exact: true }).click();
    await expect.poll(() => progress.textContent()).toBe('Side 2 af 5');
    const first = form.getByRole('group', { name: /^Jeg har håb og drømme om fremtiden/ });
    expect(await first.getByRole('radio', { name: 'Lidt', exact: true }).isChecked()).toBe(true);
    await next.click();
    await expect.poll(() => progress.textContent()).toBe('Side 3 af 5');
    await next.click();

    // Page 4: violence. "Anden vold" has its text field in its own row; only baseline answers are offered.
    await expect.poll(() => progress.textContent()).toBe('Side 4 af 5');
    await expectNoSidewaysScroll(form, 'page 4');
    const otherRow = form.getByRole('group', { name: 'Anden vold', exact: true });
    await otherRow.getByLabel(/Anden vold: beskriv hvilken/).fill('Trusler mod min hund');
    await otherRow.getByRole('radio', { name: 'Én gang', exact: true }).check();
    const stillPresent = form.getByRole('group', { name: /Er der stadig vold i den relation/ });
    const offered = await stillPresent
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
    const baselineItem = findItem('BASELINE', 'still_present');
    expect(offered).toEqual(baselineItem?.kind === 'single' ? baselineItem.options.map((o) => o.code) : []);
    for (const code of ['YES_BETTER', 'YES_SAME', 'YES_WORSE'] as const) {
      expect(offered).not.toContain(code);
      expect(await form.getByText(labelOf(STILL_PRESENT, code, 'da'), { exact: true }).count()).toBe(0);
    }
    expect(await form.getByText(/før gruppeforløbet/).count()).toBe(0);
    await stillPresent.getByRole('radio', { name: 'Ja, der er stadig vold', exact: true }).check();
    await expectNoSidewaysScroll(form, 'page 4 answered');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 4');
    await screenshot(form, 'participant-phone-violence');
    await next.click();

    // Page 5: comments and "Send svar", which must be a clear target on the phone.
    await expect.poll(() => progress.textContent()).toBe('Side 5 af 5');
    await expectNoSidewaysScroll(form, 'page 5');
    await expectNoSeriousA11yViolations(form, 'participant phone: page 5');
    await form.getByLabel(/Har du kommentarer til dine svar/).fill('Godt at starte.');
    const send = form.getByRole('button', { name: 'Send svar', exact: true });
    await send.scrollIntoViewIfNeeded();
    const target = await send.evaluate((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return {
        hitsButton: hit === button || button.contains(hit),
        height: box.height,
        inside: box.left >= 0 && box.right <= document.documentElement.clientWidth,
      };
    });
    expect(target.hitsButton).toBe(true);
    expect(target.inside).toBe(true);
    expect(target.height).toBeGreaterThanOrEqual(44);
    await send.click();
    await form.getByRole('heading', { name: 'Tak! Dine svar er modtaget.' }).waitFor();
    await expectNoSidewaysScroll(form, 'thank you');
    await expectNoSeriousA11yViolations(form, 'participant phone: thank you');
    // Sent: nothing of the form stays in the tab.
    expect(await form.evaluate(() => sessionStorage.length)).toBe(0);
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
    await form.close();

    // The gateway has the baseline as done for this participant.
    const course = (await graphql(
      api,
      'query($id: ID!) { course(id: $id) { enrolments { baselineForm } } }',
      {
        id: courseId,
      },
    )) as { course: { enrolments: Array<{ baselineForm: string }> } };
    expect(course.course.enrolments.map((e) => e.baselineForm)).toEqual(['DONE']);
  });

  it('shows the end form on the same phone without sideways scrolling, with the answers that compare with before the course', async () => {
    // The seed's most recent course is at its last sessions (the end form's window is open):
    // one of its participants gets the end form.
    const { courses } = (await graphql(
      api,
      '{ courses { id startsOn enrolments { id endForm withdrawnOn } } }',
    )) as {
      courses: Array<{
        id: string;
        startsOn: string;
        enrolments: Array<{ id: string; endForm: string; withdrawnOn: string | null }>;
      }>;
    };
    const running = courses
      .filter((c) => c.id !== courseId)
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))[0];
    const enrolment = running?.enrolments.find((e) => e.endForm === 'NOT_STARTED' && !e.withdrawnOn);
    if (!enrolment) throw new Error('the demo seed has no running course with an end form to fill in');
    const link = (await graphql(
      api,
      'mutation($e: ID!) { openParticipantForm(enrolmentId: $e, kind: END) { token } }',
      { e: enrolment.id },
    )) as { openParticipantForm: { token: string } };

    const { page: form, problems } = await openOnPhone(
      run.browsers.phone,
      `${run.stack.baseUrl}/group-course/form#t=${link.openParticipantForm.token}`,
    );
    await form.getByRole('heading', { level: 1, name: 'Afslutningsskema' }).waitFor();
    const progress = form.locator('.vi-q-progress');
    for (let page = 1; page <= 7; page++) {
      await expect.poll(() => progress.textContent()).toBe(`Side ${page} af 7`);
      await expectNoSidewaysScroll(form, `end form page ${page}`);
      if (page === 5) {
        const offered = await form
          .getByRole('group', { name: /Er der stadig vold i den relation/ })
          .getByRole('radio')
          .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
        expect(offered).toEqual(['STOPPED', 'YES_BETTER', 'YES_SAME', 'YES_WORSE', 'LEFT_RELATION']);
        await form
          .getByRole('group', { name: 'Anden vold', exact: true })
          .getByLabel(/Anden vold: beskriv hvilken/)
          .waitFor();
        await expectNoSeriousA11yViolations(form, 'participant phone: end form, violence');
      }
      if (page < 7) await form.getByRole('button', { name: 'Næste', exact: true }).click();
    }
    await form.getByRole('button', { name: 'Send svar', exact: true }).click();
    await form.getByRole('heading', { name: 'Tak! Dine svar er modtaget.' }).waitFor();
    expect(problems.filter((p) => !/favicon/.test(p))).toEqual([]);
    await form.close();
  });
});
