import { MARKS, markWith as mark, overlaps, sentenceRects, waitForCard, waitForNoCard } from './card-probe';
import { OTHERS, TARGET, expect, test } from './fixtures';

test.describe('a reader who has read the other outlets', () => {
  test.beforeEach(async ({ driver, url }) => {
    for (const article of OTHERS) await driver.read(url(article));
  });

  test('sees the repeated claims marked, and only those', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await expect(mark(page, 'halted work for about 5,000 dock workers')).toHaveCount(1);
    await expect(mark(page, 'caused by a fractured weld')).toHaveCount(1);
    await expect(mark(page, 'could not be independently verified')).toHaveCount(1);
    await expect(mark(page, 'This is a precautionary measure')).toHaveCount(1);
    // Claims only this outlet carries stay unmarked.
    for (const own of ['Ruth Abernethy', 'Tollund Heavy Industries', 'asked for privacy']) {
      await expect(page.locator(MARKS, { hasText: own })).toHaveCount(0);
    }
    // Page furniture is not part of the article.
    await expect(page.locator(MARKS, { hasText: 'Share' })).toHaveCount(0);

    const first = mark(page, 'halted work for about 5,000 dock workers');
    await expect(first).toHaveAttribute('role', 'mark');
    // Described to assistive technology without saying how many outlets (the page reads it too).
    const description = (await first.getAttribute('aria-description')) ?? '';
    expect(description).toMatch(/reported elsewhere/);
    expect(description).not.toMatch(/\d/);
  });

  test('opens a card beside the sentence listing the other outlets', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    const sentence = mark(page, 'halted work for about 5,000 dock workers');
    await sentence.hover();
    const card = await waitForCard(page, (c) => c.text.includes('Meridian Post'));
    expect(card.text).toContain('5,000 dock workers');
    // Another outlet gives another figure for the same claim.
    expect(card.text).toContain('4,000');
    // The difference in plain words, this page's figure first.
    expect(card.text).toContain('5,000 · 4,000');
    const link = card.links.find((href) => href.includes('#:~:text='));
    expect(link).toMatch(/meridianpost\.test/);

    // The card sits beside the sentence, not over it.
    for (const line of await sentenceRects(sentence)) expect(overlaps(line, card.box)).toBe(false);

    await sentence.focus();
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await expect(sentence).toBeFocused();
  });

  test('names how the other outlets worded the claim differently', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await mark(page, 'This is a precautionary measure').hover();
    const quoted = await waitForCard(page, (c) => /quoted differently/i.test(c.text));
    expect(quoted.text).toContain('precautionary decision');
    await page.keyboard.press('Escape');

    // From the keyboard: Enter on a focused sentence opens its card.
    await mark(page, 'caused by a fractured weld').focus();
    await page.keyboard.press('Enter');
    const hedged = await waitForCard(page, (c) => c.text.includes('The Daily Ledger') && /hedged (here|there)/i.test(c.text));
    expect(hedged.focused).not.toBeNull();
  });

  test('shows which outlet confirmed what this one could not verify', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await mark(page, 'could not be independently verified').hover();
    const card = await waitForCard(page, (c) => c.text.includes('The Daily Ledger'));
    expect(card.text).toContain('spokesperson confirmed');
    expect(card.text).toContain('one says it was confirmed; the other says it could not be verified');
  });

  test('a wire story reprinted by several outlets counts as one source', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    await mark(page, 'This is a precautionary measure').focus();
    await page.keyboard.press('Enter');
    const card = await waitForCard(page, (c) => c.text.includes('Capital Wire'));
    expect(card.text).toMatch(/also carried by/i);
  });

  test('searches everything stored from the popup, forgiving typos', async ({ ext, url, driver }) => {
    const target = url(TARGET);
    await driver.read(target);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?for=${encodeURIComponent(target)}`);
    await expect(popup.locator('body')).toContainText(/sentences? marked/i);
    await popup.locator('input[type="search"]').fill('precautionery mesure');
    const results = popup.locator('.px-groups');
    await expect(results).toContainText('precautionary measure');
    await expect(results).toContainText('The North Gazette');
    const links = results.locator('a[href*="#:~:text="]');
    expect(await links.count()).toBeGreaterThan(0);
  });

  test('marks come back when the page re-renders its article, and go on navigation', async ({ ext, url }) => {
    const page = await ext.context.newPage();
    await page.goto(url(TARGET));
    const marks = page.locator(MARKS);
    await expect(marks.first()).toBeAttached();
    const count = await marks.count();

    // A framework re-rendering the article replaces its nodes with fresh copies.
    await page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('mark[data-parallax-index]'));
      const container = all[0]!.closest('article, main, div')!.parentElement!;
      const html = container.innerHTML.replace(/<\/?mark[^>]*>/g, '');
      container.innerHTML = html;
    });
    await expect(marks).toHaveCount(count);

    // A single-page app navigates to a page that is not an article.
    await page.evaluate(() => {
      document.body.innerHTML = '<nav><a href="/">Home</a></nav><p>Section front</p>';
      history.pushState({}, '', '/section');
    });
    await expect(marks).toHaveCount(0);
  });
});

test('an article of an outlet nobody else covered gets no marks', async ({ ext, url }) => {
  const page = await ext.context.newPage();
  await page.goto(url(TARGET));
  await page.waitForTimeout(1500);
  await expect(page.locator(MARKS)).toHaveCount(0);
});

test('a home page is not an article: nothing is stored or marked', async ({ ext, driver, server }) => {
  const page = await ext.context.newPage();
  const home = `${server.origin(TARGET.host)}/`;
  await page.goto(home);
  await page.waitForTimeout(1500);
  await expect(page.locator(MARKS)).toHaveCount(0);
  expect((await driver.send('pageSummary', { url: home })).known).toBe(false);
  expect((await driver.send('stats', {})).articles).toBe(0);
});

test('reading the same article twice stores it once', async ({ driver, url }) => {
  await driver.read(url(TARGET));
  await driver.read(url(TARGET));
  const stats = await driver.send('stats', {});
  expect(stats.articles).toBe(1);
});

test('pausing capture for a site keeps its articles out of the store', async ({ ext, driver, url }) => {
  await driver.send('setPause', { scope: 'site', host: TARGET.host, paused: true });
  const page = await ext.context.newPage();
  await page.goto(url(TARGET));
  await page.waitForTimeout(1500);
  expect((await driver.send('stats', {})).articles).toBe(0);

  await driver.send('setPause', { scope: 'site', host: TARGET.host, paused: false });
  await driver.send('setPause', { scope: 'everywhere', paused: true });
  await page.reload();
  await page.waitForTimeout(1500);
  expect((await driver.send('stats', {})).articles).toBe(0);
});

test('the options page shows what is stored and deletes one outlet', async ({ ext, driver, url }) => {
  for (const article of OTHERS) await driver.read(url(article));
  const before = await driver.send('stats', {});
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.locator('body')).toContainText('The Daily Ledger');
  await expect(options.locator('body')).toContainText(String(before.articles));

  const ledger = before.outlets.find((o) => o.outlet === 'The Daily Ledger')!;
  await options.getByRole('button', { name: /delete.*The Daily Ledger/i }).click();
  // Asked twice, in place.
  await options.locator('.px-confirm').click();
  await expect.poll(async () => (await driver.send('stats', {})).articles).toBe(before.articles - ledger.articles);
});

test('a page that tries to talk to the extension changes nothing', async ({ ext, driver, url }) => {
  for (const article of OTHERS.slice(0, 2)) await driver.read(url(article));
  const before = await driver.send('stats', {});
  const page = await ext.context.newPage();
  await page.goto(url(TARGET));
  await page.evaluate(() => {
    window.postMessage({ parallax: 1, type: 'deleteAll', payload: {} }, '*');
    document.dispatchEvent(new CustomEvent('parallax', { detail: { type: 'deleteAll' } }));
  });
  await page.waitForTimeout(500);
  // The page itself was captured, and nothing was deleted.
  await expect.poll(async () => (await driver.send('stats', {})).articles).toBe(before.articles + 1);
});
