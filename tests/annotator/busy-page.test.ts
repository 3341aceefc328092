// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import * as anchor from '../../lib/dom/anchor';
import { cardRenderer } from '../../components/card/render-card';
import { createAnnotator, type Annotator } from '../../lib/annotator/annotator';
import { ANNOTATION, ARTICLE_HTML } from './sample-annotation';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
let annotator: Annotator | null = null;

afterEach(() => {
  annotator?.destroy();
  annotator = null;
  vi.restoreAllMocks();
});

test('a ticker that keeps changing its text does not make the page be read again and again', async () => {
  document.body.innerHTML = `<p id="ticker">09:00</p>${ARTICLE_HTML}`;
  const reads = vi.spyOn(anchor, 'anchorSteps');
  annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer });
  const afterMarking = reads.mock.calls.length;
  expect(afterMarking).toBeGreaterThan(0);
  const ticker = document.getElementById('ticker')!.firstChild as Text;
  for (let i = 1; i <= 6; i++) {
    ticker.data = `09:0${i}`;
    await wait(300);
  }
  // One of the sample's sentences is not on the page, yet no look for it was made.
  expect(reads.mock.calls.length).toBe(afterMarking);
});

test('text that arrives later is looked at, and its sentences get marked', async () => {
  document.body.innerHTML = ARTICLE_HTML;
  const missing = ANNOTATION.marked.find((m) => !document.body.textContent!.includes(m.text));
  expect(missing).toBeDefined();
  annotator = createAnnotator(document, ANNOTATION, { renderer: cardRenderer });
  const p = document.createElement('p');
  p.textContent = missing!.text;
  document.body.append(p);
  await vi.waitFor(() => expect(document.querySelector(`mark[data-parallax-index="${missing!.index}"]`)).not.toBeNull(), {
    timeout: 2000,
  });
});
