import type { DemoArticle } from '../../demo/corpus';
import { OTHERS, TARGET } from './fixtures';
// The build with the `.test` sites granted, so that the background may see those tabs' addresses.
import { expect, test } from '../extension/e2e-support';

test('the welcome page opens once on install and fetches nothing until the reader chooses', async ({ ext, driver }) => {
  const welcomeUrl = `chrome-extension://${ext.extensionId}/welcome.html`;
  await expect.poll(() => ext.context.pages().map((p) => p.url())).toContain(welcomeUrl);
  const welcome = ext.context.pages().find((p) => p.url() === welcomeUrl)!;
  await expect(welcome.locator('h1')).toHaveText('Welcome to Parallax');
  await expect(welcome.locator('.px-steps > li')).toHaveCount(3);
  await expect(welcome.locator('svg[role="img"]')).toBeVisible();
  await expect(welcome.locator('body')).toContainText('Everything stays on this computer');
  await expect(welcome.locator('input[name="outlet"]:checked')).toHaveCount(0);
  await expect(welcome.locator('input[name="outlet"]').first()).toBeVisible();
  expect(await driver.send('listFeeds', {})).toEqual([]);
});

test("the toolbar badge counts the tab's marked sentences and says so in its title; another page clears it", async ({
  ext,
  driver,
  server,
}) => {
  const url = (a: DemoArticle): string => server.origin(a.host) + a.path;
  for (const article of OTHERS) await driver.read(url(article));
  const page = await ext.context.newPage();
  await page.goto(url(TARGET));
  const marks = page.locator('mark[data-parallax-index][tabindex="0"]');
  await expect(marks.first()).toBeVisible();
  const annotation = await driver.send('annotate', { url: url(TARGET) });
  const count = annotation!.marked.length;
  expect(count).toBeGreaterThan(1);

  const badge = async (): Promise<{ text: string; title: string }> => {
    const worker = await ext.serviceWorker();
    return worker.evaluate(async (target) => {
      const [tab] = await chrome.tabs.query({ url: target });
      if (tab?.id === undefined) return { text: 'no tab', title: '' };
      return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
    }, page.url());
  };
  await expect.poll(badge).toEqual({ text: String(count), title: `Parallax: ${count} sentences reported by other outlets` });

  // A page that is not an article: no count.
  await page.goto(url(TARGET).replace(/\/[^/]*$/, '/no-such-page'));
  await expect.poll(badge).toEqual({ text: '', title: 'Parallax' });
});
