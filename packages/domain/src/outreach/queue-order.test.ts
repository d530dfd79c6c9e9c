import { describe, expect, it } from 'vitest';
import {
  compareQueueOrder,
  decodeQueueCursor,
  encodeQueueCursor,
  type QueueOrderKey,
} from './queue-order.ts';

const key = (priority: number, callableFrom: string, createdAt: string, id: string): QueueOrderKey => ({
  priority,
  callableFrom,
  createdAt: new Date(createdAt),
  id,
});

describe('queue order', () => {
  it('puts priority types first, then the oldest callable, then the earliest imported', () => {
    const a = key(0, '2026-11-01', '2026-11-01T08:00:00Z', '00000000-0000-0000-0000-00000000000a');
    const b = key(5, '2026-11-10', '2026-11-09T08:00:00Z', '00000000-0000-0000-0000-00000000000b');
    const c = key(0, '2026-10-30', '2026-11-02T08:00:00Z', '00000000-0000-0000-0000-00000000000c');
    const d = key(0, '2026-11-01', '2026-10-31T08:00:00Z', '00000000-0000-0000-0000-00000000000d');
    expect([a, b, c, d].sort(compareQueueOrder).map((k) => k.id.slice(-1))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('round-trips a cursor and rejects a forged one', () => {
    const k = key(2, '2026-11-01', '2026-11-01T08:00:00.123Z', '3f2a1c4e-0000-4000-8000-000000000001');
    expect(decodeQueueCursor(encodeQueueCursor(k))).toEqual(k);
    expect(decodeQueueCursor('not-a-cursor')).toBeNull();
    expect(decodeQueueCursor(btoa(JSON.stringify([1, "2026-01-01'; drop", '2026-01-01', 'x'])))).toBeNull();
  });
});
