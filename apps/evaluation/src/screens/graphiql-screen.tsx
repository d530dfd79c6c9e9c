import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { CSRF_HEADER, useT } from '@vi/ui';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { dashboardMessages } from './dashboard-messages.ts';
import type { GraphiqlStorage } from './graphiql-storage.ts';

/**
 * GraphiQL for evaluators, inside the app so it runs under the app's own content security policy and
 * sends the session cookie to the same-origin /graphql (the gateway's own GraphiQL is development
 * only). The schema's descriptions, shown in the documentation pane, document the aggregate part
 * field by field; the gateway's scopes decide what an evaluator may run. With trusted documents
 * (production) a document typed here runs only for an evaluator, and only as a read-only query on
 * `evaluation` (introspection too, which fills the documentation pane).
 */
const fetcher: GraphiQLProps['fetcher'] = async (params) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    // The gateway's CSRF prevention refuses a request without the header the apps send.
    headers: { 'content-type': 'application/json', accept: 'application/json', [CSRF_HEADER]: '1' },
    body: JSON.stringify(params),
  });
  return response.json();
};

const EXAMPLE_QUERY = `# Samlede tal for de organisationer, du har adgang til.
# Aggregate figures for the organisations you are granted.
query Acceptance {
  evaluation(filter: { from: "2024-01-01", to: "2024-12-31" }) {
    organizations { id name }
    disclosure { methodId usualCountNoise usedToday dailyLimit }
    outreachFunnel {
      counts { identified { value suppressed } reached { value suppressed } }
      rates { acceptance { rate ci95Lower ci95Upper numerator denominator } }
    }
    outreachAcceptance(dimension: INCIDENT_TYPE) {
      groups { group wantsCall { rate ci95Lower ci95Upper } }
    }
  }
}
`;

export default function GraphiqlScreen({ storage }: { storage: GraphiqlStorage }) {
  const t = useT(dashboardMessages);
  return (
    <div className="ev-graphiql">
      <h1>{t('graphiql.heading')}</h1>
      <p className="ev-lead">{t('graphiql.intro')}</p>
      <div className="ev-graphiql__frame">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={EXAMPLE_QUERY}
          isHeadersEditorEnabled={false}
          storage={storage}
        />
      </div>
    </div>
  );
}
