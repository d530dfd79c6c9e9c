import { type FormEvent, useId, useState } from 'react';
import { type FragmentOf, graphql, readFragment } from './graphql.ts';
import { describeRequestProblem } from './graphql-errors.ts';
import { useT } from './locale.tsx';
import { useProblemText } from './problem-message.ts';
import { useSession, useSessionMutation } from './session.tsx';

export const OrganizationSwitcherFragment = graphql(`
  fragment OrganizationSwitcher on Me {
    organization { id }
    memberships { organization { id name } }
  }
`);

const SwitchOrganizationMutation = graphql(`
  mutation SwitchOrganization($organizationId: ID!) {
    switchOrganization(organizationId: $organizationId) { id }
  }
`);

/**
 * Lets a user with memberships in several organisations choose the active one. The choice is applied
 * with a button, not on change, so moving through the list with the keyboard does not reload the
 * screen (WCAG 3.2.2 On Input).
 */
export function OrganizationSwitcher({ me }: { me: FragmentOf<typeof OrganizationSwitcherFragment> }) {
  const data = readFragment(OrganizationSwitcherFragment, me);
  const t = useT();
  const problemText = useProblemText();
  const { restart } = useSession();
  const selectId = useId();
  const [selected, setSelected] = useState(data.organization?.id ?? '');
  const [result, switchOrganization] = useSessionMutation(SwitchOrganizationMutation);

  if (data.memberships.length < 2) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (selected === '' || selected === data.organization?.id) return;
    const outcome = await switchOrganization({ organizationId: selected });
    if (!outcome.error) restart();
  }

  return (
    <form className="vi-org-switcher" onSubmit={submit}>
      <label htmlFor={selectId}>{t('shell.switchOrganization')}</label>
      <select id={selectId} value={selected} onChange={(event) => setSelected(event.target.value)}>
        {data.memberships.map(({ organization }) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? t('shell.switchingOrganization') : t('shell.switchOrganizationSubmit')}
      </button>
      <p className="vi-inline-error" role="alert">
        {result.error ? problemText(describeRequestProblem(result.error)) : null}
      </p>
    </form>
  );
}
