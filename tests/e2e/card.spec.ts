import type { Locator, Page } from '@playwright/test';
import { MARKS, markWith, overlaps, readCard, sentenceRects, waitForCard, waitForNoCard, type CardView, type Rect } from './card-probe';
import { OTHERS, TARGET, expect, test } from './fixtures';

/**
 * The page's own script, run before anything else on it: it defines the
 * custom element names an extension might use, swaps `attachShadow` for one
 * that opens every root and keeps it, keeps every message posted to its
 * window, and keeps the page as it came.
 */
function hostilePage(): void {
  const probe = {
    taken: [] as string[],
    roots: [] as ShadowRoot[],
    messages: [] as string[],
    original: '',
  };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  window.addEventListener('message', (event: MessageEvent) => {
    probe.messages.push(JSON.stringify(event.data) ?? String(event.data));
  });
  // Its own message, to show the listener hears what is posted.
  window.postMessage('the page listens', '*');
  for (const name of ['parallax-card', 'parallax-mark', 'parallax-host', 'parallax-root']) {
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          probe.taken.push(name);
        }
        connectedCallback(): void {
          probe.taken.push(`${name} connected`);
        }
      },
    );
  }
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = attach.call(this, { ...init, mode: 'open' });
    probe.roots.push(root);
    return root;
  };
  document.addEventListener('DOMContentLoaded', () => {
    probe.original = document.documentElement.outerHTML;
  });
}

/** The page plays at being the reader: every event a reader's hover, focus, keys and clicks would make. */
async function playSyntheticEvents(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const marks = Array.from(document.querySelectorAll<HTMLElement>('mark[data-parallax-index]'));
    for (const m of marks) {
      for (const type of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove']) {
        m.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      }
      m.focus();
      m.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      for (const key of ['Tab', 'Enter', ' ']) {
        m.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
      }
      m.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
      m.click();
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
    return marks.length;
  });
}

/** Everything the page can reach: markup, text, every attribute, every shadow root it can get, selection, our host's size. */
async function whatThePageSees(page: Page): Promise<string> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: { roots: ShadowRoot[]; messages: string[] } }).__probe;
    const out: string[] = [
      document.documentElement.outerHTML,
      document.documentElement.innerText,
      String(getSelection()),
      ...probe.messages,
    ];
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) out.push(`${a.name}=${a.value}`);
        const shadow = el.shadowRoot;
        if (shadow) {
          out.push(shadow.innerHTML);
          visit(shadow);
        }
      }
    };
    visit(document);
    for (const root of probe.roots) out.push(root.innerHTML, root.textContent ?? '');
    for (const el of Array.from(document.documentElement.children)) {
      if (el === document.head || el === document.body) continue;
      const r = el.getBoundingClientRect();
      out.push(`${el.tagName} ${r.width}x${r.height} ${el.textContent} ${el.innerHTML}`);
    }
    out.push(String((document.activeElement as HTMLElement | null)?.innerText ?? ''));
    return out.join('\n');
  });
}

/** Strings the card shows that the page itself does not carry: other outlets' names, sentences, addresses, counts. */
function secretsOf(card: CardView, original: string): string[] {
  const lines = card.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 6 && !original.includes(l));
  const addresses = card.links.flatMap((href) => [href, new URL(href).host]).filter((a) => !original.includes(a));
  return [...new Set([...lines, ...addresses])];
}

// Each test first has the reader read five articles, then drives many steps: on a
// shared two-core machine that can take more than the default minute.
test.describe.configure({ timeout: 150_000 });

test.describe('a page that wants what the reader read elsewhere', () => {
  test.beforeEach(async ({ driver, url }) => {
    for (const article of OTHERS) await driver.read(url(article));
  });

  test('finds no other outlet, sentence, address or count, whatever it tries', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.addInitScript(hostilePage);
    await page.goto(url(TARGET));
    const marks = page.locator(`${MARKS}[tabindex="0"]`);
    await expect(marks.first()).toBeVisible({ timeout: 20_000 });

    // Synthetic events open nothing.
    expect(await playSyntheticEvents(page)).toBeGreaterThan(0);
    expect(await readCard(page)).toBeNull();
    const before = await whatThePageSees(page);
    expect(before).toContain('the page listens');

    // The reader's own hover does open the card, custom elements pre-defined or not.
    const sentence = markWith(page, 'halted work for about 5,000 dock workers');
    await sentence.hover();
    const card = await waitForCard(page, (c) => c.links.length > 0);
    const original = await page.evaluate(() => (window as unknown as { __probe: { original: string } }).__probe.original);
    expect(original.length).toBeGreaterThan(0);
    const secrets = secretsOf(card, original);
    expect(secrets.length).toBeGreaterThan(3);
    // With the card open, focus inside it, and the reader dragging across its text and pressing Ctrl+A.
    await sentence.focus();
    await page.keyboard.press('Enter');
    const open = await waitForCard(page, (c) => c.focused !== null);
    await page.mouse.move(open.box.x + 12, open.box.y + 40);
    await page.mouse.down();
    await page.mouse.move(open.box.x + open.box.width - 12, open.box.y + Math.min(open.box.height - 12, 200), { steps: 8 });
    await page.mouse.up();
    const during = await whatThePageSees(page);
    await page.keyboard.press('Control+a');
    const selectedAll = await page.evaluate(() => String(getSelection()));
    await sentence.focus();
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.focused !== null);
    await page.keyboard.press('Escape');
    await waitForNoCard(page);

    // A single-page app shows the article again under another address, and plays again.
    await page.evaluate(() => {
      const body = document.body.innerHTML.replace(/<\/?mark[^>]*>/g, '');
      history.pushState({}, '', '/probe/second-topic');
      document.body.innerHTML = body;
    });
    await expect(marks.first()).toBeVisible({ timeout: 20_000 });
    await playSyntheticEvents(page);
    expect(await readCard(page)).toBeNull();
    const afterNavigation = await whatThePageSees(page);

    for (const seen of [before, during, selectedAll, afterNavigation]) {
      for (const secret of secrets) expect(seen, `the page saw "${secret}"`).not.toContain(secret);
      // Nor which extension is reading it: no message names the extension.
      expect(seen, 'the page saw the extension id').not.toContain(ext.extensionId);
      expect(seen).not.toMatch(/\d+\s+other\s+outlets?/i);
      expect(seen).not.toMatch(/#:~:text=/);
    }
    // Marks carry no number but their own sentence index and tab stop.
    const markAttributes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('mark[data-parallax-index]')).flatMap((m) =>
        Array.from(m.attributes)
          .filter((a) => a.name !== 'data-parallax-index' && a.name !== 'tabindex')
          .map((a) => a.value),
      ),
    );
    for (const value of markAttributes) expect(value).not.toMatch(/\d/);

    // The page's custom element definitions never ran, and its attachShadow was never ours.
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __probe: { taken: string[]; roots: ShadowRoot[] } }).__probe;
      return { taken: p.taken, roots: p.roots.length };
    });
    expect(probe).toEqual({ taken: [], roots: 0 });
  });
});

/** The first segments of all marked sentences, in reading order. */
const allMarks = (page: Page): Locator => page.locator(`${MARKS}[tabindex="0"]`);

async function viewport(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
}

/** The card lies wholly in the window, no taller than it, clear of its own sentence. */
async function expectFits(page: Page, sentence: Locator, card: CardView): Promise<void> {
  const vp = await viewport(page);
  expect(card.box.height).toBeLessThanOrEqual(vp.height);
  expect(card.box.y).toBeGreaterThanOrEqual(0);
  expect(card.box.y + card.box.height).toBeLessThanOrEqual(vp.height + 0.5);
  expect(card.box.x).toBeGreaterThanOrEqual(0);
  expect(card.box.x + card.box.width).toBeLessThanOrEqual(vp.width + 0.5);
  for (const line of await sentenceRects(sentence)) expect(overlaps(line, card.box), 'card covers its sentence').toBe(false);
}

/** The line boxes of the sentence after `sentence`, or none. */
async function nextSentenceRects(page: Page, sentence: Locator): Promise<Rect[]> {
  const index = Number(await sentence.getAttribute('data-parallax-index'));
  const order = await allMarks(page).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-parallax-index'))));
  const next = order[order.indexOf(index) + 1];
  if (next === undefined) return [];
  return sentenceRects(page.locator(`${MARKS}[data-parallax-index="${next}"][tabindex="0"]`));
}

async function openByHover(page: Page, sentence: Locator, block: 'start' | 'end' | 'center'): Promise<CardView> {
  await sentence.evaluate((el, b) => el.scrollIntoView({ block: b }), block);
  await sentence.hover();
  return waitForCard(page);
}

test.describe('the card in the window', () => {
  test.beforeEach(async ({ driver, url }) => {
    for (const article of OTHERS) await driver.read(url(article));
  });

  test('at the top and bottom edges it stays in the window, beside its sentence, clear of the next one', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await expect(allMarks(page).first()).toBeVisible({ timeout: 20_000 });
    const count = await allMarks(page).count();
    expect(count).toBeGreaterThan(2);

    const first = allMarks(page).first();
    for (const block of ['start', 'end'] as const) {
      const card = await openByHover(page, first, block);
      await expectFits(page, first, card);
      const nextLines = await nextSentenceRects(page, first);
      const info = JSON.stringify({ block, card: card.box, vp: await viewport(page), own: await sentenceRects(first), next: nextLines });
      for (const line of nextLines) expect(overlaps(line, card.box), `covers the next sentence: ${info}`).toBe(false);
      await page.mouse.move(0, 0);
      await waitForNoCard(page);
    }

    const last = allMarks(page).nth(count - 1);
    const atBottom = await openByHover(page, last, 'end');
    await expectFits(page, last, atBottom);
  });

  test('at the right edge it stays in the window, beside its sentence, clear of the next one', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await expect(allMarks(page).first()).toBeVisible({ timeout: 20_000 });
    // The article pushed against the window's right edge.
    await page.addStyleTag({ content: 'body { padding-left: 45vw !important; box-sizing: border-box !important; }' });
    const sentence = allMarks(page).nth(1);
    const atRight = await openByHover(page, sentence, 'center');
    await expectFits(page, sentence, atRight);
    for (const line of await nextSentenceRects(page, sentence)) expect(overlaps(line, atRight.box), 'covers the next sentence').toBe(false);
  });

  test('in a 400 px wide window it fits the width and leaves its sentence uncovered', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(url(TARGET));
    await expect(allMarks(page).first()).toBeVisible({ timeout: 20_000 });
    for (const i of [0, 1]) {
      const sentence = allMarks(page).nth(i);
      const card = await openByHover(page, sentence, 'center');
      await expectFits(page, sentence, card);
      expect(card.box.width).toBeLessThanOrEqual(400 - 16);
      await page.mouse.move(0, 0);
      await waitForNoCard(page);
    }
  });

  test('in a short window a long card scrolls inside the window, and its last link can be reached', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 360 });
    await page.goto(url(TARGET));
    const sentence = markWith(page, 'halted work for about 5,000 dock workers');
    await expect(sentence).toBeVisible({ timeout: 20_000 });
    const card = await openByHover(page, sentence, 'center');
    await expectFits(page, sentence, card);
    expect(card.scrollHeight).toBeGreaterThan(card.box.height);
    // The pointer can cross to the card and stay there: it does not close under it.
    await page.mouse.move(card.box.x + card.box.width / 2, card.box.y + card.box.height / 2, { steps: 8 });
    await page.waitForTimeout(700);
    expect(await readCard(page)).not.toBeNull();

    await sentence.focus();
    await page.keyboard.press('Enter');
    let seen = await waitForCard(page, (c) => c.focused !== null);
    for (let i = 0; i < 20 && !seen.focusedIsLastLink; i++) {
      await page.keyboard.press('Tab');
      seen = await waitForCard(page);
    }
    expect(seen.focusedIsLastLink).toBe(true);
    const vp = await viewport(page);
    const link = seen.lastLinkBox!;
    expect(link.y).toBeGreaterThanOrEqual(seen.box.y - 0.5);
    expect(link.y + link.height).toBeLessThanOrEqual(Math.min(vp.height, seen.box.y + seen.box.height) + 0.5);
  });

  test('Tab goes through the card to the next sentence, Shift+Tab back, Escape home', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    const marks = allMarks(page);
    await expect(marks.first()).toBeVisible({ timeout: 20_000 });
    const first = marks.nth(0);
    const second = marks.nth(1);

    // Focus given by a script opens nothing; the reader's Tab does.
    await first.focus();
    await page.waitForTimeout(400);
    expect(await readCard(page)).toBeNull();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    const firstCard = await waitForCard(page);

    // Enter moves into the card; Tab walks it to its last link, then on to the next sentence.
    await page.keyboard.press('Enter');
    let seen = await waitForCard(page, (c) => c.focused !== null);
    for (let i = 0; i < 20 && !seen.focusedIsLastLink; i++) {
      await page.keyboard.press('Tab');
      seen = await waitForCard(page);
    }
    expect(seen.focusedIsLastLink).toBe(true);
    await page.keyboard.press('Tab');
    await expect(second).toBeFocused();
    const secondCard = await waitForCard(page, (c) => c.text !== firstCard.text);
    expect(secondCard.focused).toBeNull();

    // Shift+Tab from the card's first control goes back to its sentence, the card still open.
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.focused !== null);
    await page.keyboard.press('Tab');
    await waitForCard(page, (c) => c.focusedIsFirstControl);
    await page.keyboard.press('Shift+Tab');
    await expect(second).toBeFocused();
    expect((await readCard(page))?.text).toBe(secondCard.text);

    // Escape from inside the card closes it and brings focus home.
    await page.keyboard.press('Enter');
    await waitForCard(page, (c) => c.focused !== null);
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await expect(second).toBeFocused();

    // After the last sentence's card, Tab goes on to what follows that sentence in the page, not back to its top.
    const last = marks.nth((await marks.count()) - 1);
    await last.focus();
    await page.keyboard.press('Enter');
    seen = await waitForCard(page, (c) => c.focused !== null);
    for (let i = 0; i < 20 && !seen.focusedIsLastLink; i++) {
      await page.keyboard.press('Tab');
      seen = await waitForCard(page);
    }
    await page.keyboard.press('Tab');
    await waitForNoCard(page);
    const after = await last.evaluate((mark) => {
      const active = document.activeElement;
      if (!active || active === document.body) return 'body';
      return mark.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    });
    expect(after).toBe('after');
  });
});
