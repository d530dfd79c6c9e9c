/**
 * Imported first by bench/src/run.ts: the gateway is measured as it runs in production, and some
 * of its libraries read NODE_ENV once, when they are first loaded (graphql-js, for one, picks its
 * development-only checks then). run.ts's static imports load the gateway's query modules, and
 * graphql with them, before its own code runs; ES modules are evaluated in import order, so this
 * module's line runs before any of them.
 */
process.env.NODE_ENV ??= 'production';
