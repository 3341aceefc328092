// @vitest-environment happy-dom
/**
 * The page serialised in pieces is the page serialised in one call: whatever
 * the size of the pieces, and with text, comments, entities, raw-text
 * elements and foreign content between and inside them.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { serializePage, serializeSteps } from '../../lib/dom/serialize';
import { runSliced, runToEnd } from '../../lib/dom/time-slice';

const BODY = `
  <div id="page" class='outer "quoted"' data-x="a&amp;b">
    text &amp; more &lt;here&gt;\u00a0after a no-break space
    <!-- a comment -->
    <header><nav><a href="/a?x=1&amp;y=2">One</a> · <a href="/b">Two</a></nav></header>
    <main>
      ${Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} with <b>bold</b> and <i>italic</i> text.</p>\n`).join('')}
      <script>if (a < b && c > d) { document.title = "x"; }</script>
      <style>p > b { color: red; }</style>
      <template><p>kept in a template</p></template>
      <svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"></circle><text>svg text</text></svg>
      <textarea>a &lt; b</textarea>
      <pre>
 leading newline</pre>
      <img src="x.png" alt="an image"><br><input value="v">
    </main>
    tail text
  </div>
  <footer>© the outlet</footer>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('serializeSteps', () => {
  test.each([0, 1, 3, 10, 40, 1000])('pieces of at most %i elements join to the page in one call', (pieceElements) => {
    document.body.innerHTML = BODY;
    const pieces = runToEnd(serializeSteps(document, pieceElements));
    expect(pieces.join('')).toBe(serializePage(document));
    if (pieceElements < 10) expect(pieces.length).toBeGreaterThan(30);
  });

  test('a page whose script moves a node while it is read in slices is read again in one call', async () => {
    document.body.innerHTML = BODY;
    const footer = document.querySelector('footer')!;
    const steps = serializeSteps(document, 1);
    // Read part of the page, then move the footer to the top, where it has been read already.
    for (let i = 0; i < 5; i++) steps.next();
    document.body.prepend(footer);
    await new Promise((r) => setTimeout(r, 0));
    const pieces = runToEnd(steps);
    expect(pieces).toEqual([serializePage(document)]);
    expect(pieces[0]!.match(/<footer>/g)).toHaveLength(1);
  });

  test('runs sliced with the same result', async () => {
    document.body.innerHTML = BODY;
    const pieces = await runSliced(serializeSteps(document, 2), { budgetMs: 1 });
    expect(pieces?.join('')).toBe(serializePage(document));
  });
});
