import { SESSIONS_PER_COURSE } from '@vi/domain';
import { type FieldError, FieldErrors, TextField, useT } from '@vi/ui';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql.ts';
import { ProblemAlert, problemOf, StatusMessage } from './form-problem.tsx';
import { screenMessages } from './screen-messages.ts';

const ModulePlansQuery = graphql(`
  query ModulePlans {
    modulePlans { id name isTemplate modules }
  }
`);

const SaveModulePlanMutation = graphql(`
  mutation SaveModulePlan($input: SaveModulePlanInput!) {
    saveModulePlan(input: $input) { id name isTemplate modules }
  }
`);

type Plan = { id: string; name: string; isTemplate: boolean; modules: readonly string[] };

function PlanForm({ plan, onSaved }: { plan: Plan; onSaved: (name: string) => void }) {
  const t = useT(screenMessages);
  // A template is never changed: editing it saves the organisation's own copy.
  const [name, setName] = useState(plan.isTemplate ? t('plans.copyName', { name: plan.name }) : plan.name);
  const [modules, setModules] = useState<string[]>(() =>
    Array.from({ length: SESSIONS_PER_COURSE }, (_, i) => plan.modules[i] ?? ''),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, save] = useMutation(SaveModulePlanMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await save({ input: { ...(plan.isTemplate ? {} : { id: plan.id }), name, modules } });
    const problem = problemOf(outcome.error);
    setErrors(problem?.fields ?? []);
    if (!problem && outcome.data) onSaved(outcome.data.saveModulePlan.name);
  }

  return (
    <form noValidate onSubmit={submit} className="gc-form" aria-labelledby="plan-form-heading">
      <h3 id="plan-form-heading">
        {plan.isTemplate
          ? t('plans.copyHeading', { name: plan.name })
          : t('plans.editHeading', { name: plan.name })}
      </h3>
      <TextField
        id="plan-name"
        label={t('plans.name')}
        value={name}
        onValueChange={setName}
        errors={errors.filter((e) => e.field === 'name')}
      />
      <ol className="gc-session-dates">
        {modules.map((title, index) => {
          const id = `plan-module-${index}`;
          return (
            <li key={id}>
              <TextField
                id={id}
                label={t('plans.module', { number: index + 1 })}
                value={title}
                onValueChange={(value) =>
                  setModules((current) => current.map((m, i) => (i === index ? value : m)))
                }
                errors={errors.filter((e) => e.field === `modules.${index}`)}
              />
            </li>
          );
        })}
      </ol>
      <FieldErrors id="plan-modules-errors" errors={errors.filter((e) => e.field === 'modules')} />
      <ProblemAlert problem={problemOf(result.error)} />
      <button type="submit" className="vi-button vi-button--primary" disabled={result.fetching}>
        {result.fetching ? t('common.saving') : t('plans.save')}
      </button>
    </form>
  );
}

/** Project leads adapt a module plan: the Odense and Køge templates stay as they are, copies are the organisation's own. */
export function ModulePlanEditor() {
  const t = useT(screenMessages);
  const [plans, refetch] = useQuery({ query: ModulePlansQuery });
  const [selected, setSelected] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const list = plans.data?.modulePlans ?? [];
  const plan = list.find((p) => p.id === selected);
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading">{t('plans.heading')}</h2>
      <p>{t('plans.intro')}</p>
      <div className="vi-field">
        <label htmlFor="plan-select">{t('plans.choose')}</label>
        <select
          id="plan-select"
          value={selected}
          onChange={(e) => {
            setSaved(null);
            setSelected(e.target.value);
          }}
        >
          <option value="">–</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.isTemplate ? t('courses.template', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
      </div>
      <StatusMessage text={saved} />
      {plan ? (
        <PlanForm
          key={plan.id}
          plan={plan}
          onSaved={(name) => {
            setSaved(t('plans.saved', { name }));
            setSelected('');
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      ) : null}
    </section>
  );
}
