import { getReplicaDatabase } from '@vi/db';
import type { AggregateSource } from './queries/evaluation-filter.ts';

/**
 * Where evaluation queries run: the read replica at DATABASE_REPLICA_URL when one is set
 * (heavy national aggregates then never compete with the outreach workers' writes), else
 * the primary. Only parameterised aggregate SQL goes through it; see queries/.
 *
 * Deployment note, measured in bench/RESULTS.md: PostgreSQL's JIT compiler costs a fixed
 * 100-500 ms when a plan's estimated cost passes jit_above_cost, more than these
 * aggregates take to run. A replica used only for evaluation can switch it off for our
 * connections in the URL: `postgresql://…/db?options=-c%20jit%3Doff`.
 */
export async function evaluationSource(): Promise<AggregateSource> {
  return getReplicaDatabase();
}
