import { expect, test } from 'vitest';
import { createStoreProblemLog, type ProblemArea } from '../../lib/extension/background-handlers';

function memoryArea(): ProblemArea {
  const items = new Map<string, unknown>();
  return {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values) => void Object.entries(values).forEach(([k, v]) => items.set(k, v)),
    remove: async (key) => void items.delete(key),
  };
}

const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

test('the last storage problem outlives a restarted service worker until it is cleared', async () => {
  const area = memoryArea();
  const before = createStoreProblemLog(() => 1_000, area);
  expect(before.note(quotaError())).toMatch(/full|space|quota/i);
  await Promise.resolve();

  const after = createStoreProblemLog(() => 2_000, area);
  expect(await after.get()).toMatchObject({ at: 1_000, message: expect.stringMatching(/full|space|quota/i) });
  expect(await after.get(true)).not.toBeNull();
  expect(await createStoreProblemLog(() => 3_000, area).get()).toBeNull();
});

test("errors that are not the store's are not noted", async () => {
  const log = createStoreProblemLog(() => 1, memoryArea());
  expect(log.note(new TypeError('x is undefined'))).toBeUndefined();
  expect(await log.get()).toBeNull();
});
