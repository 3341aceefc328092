// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { routeOf, watchNavigation } from '../../lib/annotator/watch-navigation';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('routeOf', () => {
  test.each([
    ['https://n.test/a', 'https://n.test/a'],
    ['https://n.test/a#comments', 'https://n.test/a'],
    ['https://n.test/a?page=2#top', 'https://n.test/a?page=2'],
    ['https://n.test/#/world/iraq', 'https://n.test/#/world/iraq'],
    ['https://n.test/#!/story/7', 'https://n.test/#!/story/7'],
  ])('%s names the page %s', (href, route) => {
    expect(routeOf(href)).toBe(route);
  });
});

describe('watchNavigation', () => {
  test('reports a pushState navigation once, ignores in-page anchors, and stops when asked', async () => {
    window.history.replaceState(null, '', '/world/first');
    const seen: string[] = [];
    const stop = watchNavigation(window, (url) => seen.push(url));
    window.history.pushState(null, '', '/world/second');
    await wait(700);
    expect(seen).toEqual([new URL('/world/second', window.location.href).href]);
    window.history.pushState(null, '', '/world/second#comments');
    await wait(700);
    expect(seen).toHaveLength(1);
    stop();
    window.history.pushState(null, '', '/world/third');
    await wait(700);
    expect(seen).toHaveLength(1);
  });
});
