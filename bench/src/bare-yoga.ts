/**
 * The baseline of bench/src/request-throughput.ts (issue 11, part 2): a bare graphql-yoga server
 * with the very graphql-yoga and graphql packages the gateway runs (the workspace's hoisted
 * copies), a one-field schema and a constant answer. No context, no session, no database, no
 * plugins: what serving `{ me { id } }` over HTTP costs before any of the gateway's work.
 */

import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { createSchema, createYoga } from 'graphql-yoga';

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    type User {
      id: ID!
    }
    type Query {
      me: User
    }
  `,
  resolvers: { Query: { me: () => ({ id: '00000000-0000-4000-8000-000000000001' }) } },
});

/** The bare server on an ephemeral port of 127.0.0.1. */
export async function startBareYoga(): Promise<{ server: Server; port: number }> {
  const yoga = createYoga({ schema, graphqlEndpoint: '/graphql', logging: false, landingPage: false });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bare Yoga server has no port');
  return { server, port: address.port };
}

/** The versions both servers run, as resolved from the gateway's folder (the one that matters). */
export function yogaVersions(): { graphqlYoga: string; graphql: string } {
  const fromGateway = createRequire(new URL('../../apps/gateway/package.json', import.meta.url));
  const version = (name: string) => (fromGateway(`${name}/package.json`) as { version: string }).version;
  const fromHere = createRequire(import.meta.url);
  const here = (name: string) => (fromHere(`${name}/package.json`) as { version: string }).version;
  for (const name of ['graphql-yoga', 'graphql']) {
    if (version(name) !== here(name)) {
      throw new Error(`${name} differs: the gateway runs ${version(name)}, the bare server ${here(name)}`);
    }
  }
  return { graphqlYoga: version('graphql-yoga'), graphql: version('graphql') };
}
