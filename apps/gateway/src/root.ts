import { builder } from './builder.ts';

// Default deny at the root: every Query and Mutation field needs a session
// unless it opts out with `skipTypeScopes: true` (me, login).
builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
