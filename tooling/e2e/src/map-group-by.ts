// vitest 5 prints its failure summary with Map.groupBy, which Node 20 lacks: without this a failing test
// run still exits 1 but crashes before saying which test failed and why. Import it first thing in a
// vitest config (the reporter runs in the config's process). Remove once the project requires Node 22.
type GroupBy = <K, T>(items: Iterable<T>, key: (item: T, index: number) => K) => Map<K, T[]>;

const mapConstructor = Map as unknown as { groupBy?: GroupBy };

if (typeof mapConstructor.groupBy !== 'function') {
  const groupBy: GroupBy = (items, key) => {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
      const groupKey = key(item, index++);
      const group = groups.get(groupKey);
      if (group) group.push(item);
      else groups.set(groupKey, [item]);
    }
    return groups;
  };
  Object.defineProperty(Map, 'groupBy', { configurable: true, writable: true, value: groupBy });
}
