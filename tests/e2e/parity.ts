/**
 * What a reader sees is what the command line measures: the articles read in
 * Chromium are exported from the browser's store and given to `parallax
 * align`; every marked sentence's card lists exactly the outlets of the claim
 * group `parallax align` puts that sentence in (wire copies counted once, as
 * their original), and the page marks exactly the sentences the store marks.
 * Used by tests/e2e/pipeline-parity.spec.ts (the demo corpus) and by the seeds
 * evaluation (scripts/eval/browser/seeds-parity.spec.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Driver } from '../../scripts/support/driver';
import { exportedLines } from './fixtures';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface AlignJson {
  stories: {
    articles: { id: string; outlet: string; reprintOf?: string }[];
    claims: { sentences: { articleId: string; outlet: string; sentenceId: string }[] }[];
  }[];
}

/** The outlets a card should list for each sentence, from `parallax align --json`. */
function expectedOutlets(aligned: AlignJson): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const story of aligned.stories) {
    const byId = new Map(story.articles.map((a) => [a.id, a]));
    const root = (id: string): string => {
      let cur = id;
      for (let i = 0; i < 8 && byId.get(cur)?.reprintOf && byId.has(byId.get(cur)!.reprintOf!); i++) cur = byId.get(cur)!.reprintOf!;
      return cur;
    };
    for (const claim of story.claims)
      for (const s of claim.sentences) {
        const self = byId.get(s.articleId)!;
        const outlets = new Set<string>();
        for (const o of claim.sentences) {
          const other = byId.get(o.articleId)!;
          if (other.outlet === self.outlet || root(other.id) === root(self.id)) continue;
          outlets.add(other.outlet);
        }
        const prev = out.get(s.sentenceId) ?? [];
        out.set(s.sentenceId, [...new Set([...prev, ...outlets])].sort());
      }
  }
  return out;
}

/** Reads `urls` in the browser, aligns what the store exported, and compares every card; how many marked sentences were compared. */
export async function checkParity(driver: Driver, urls: string[]): Promise<number> {
  for (const url of urls) await driver.read(url);
  const lines = await exportedLines(driver);
  expect(lines).toHaveLength(urls.length);

  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-parity-'));
  const file = path.join(dir, 'export.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'parallax.mjs'), 'align', file, '--json'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  rmSync(dir, { recursive: true, force: true });
  expect(cli.status, cli.stderr).toBe(0);
  const expected = expectedOutlets(JSON.parse(cli.stdout) as AlignJson);

  let compared = 0;
  for (const url of urls) {
    const annotation = await driver.send('annotate', { url });
    expect(annotation).not.toBeNull();
    for (const m of annotation!.marked) {
      const shown = [...new Set(m.reports.flatMap((r) => [r.outlet, ...(r.reprintedBy ?? [])]))].sort();
      const sentenceId = `${annotation!.articleId}#${m.index}`;
      // A reprint on the card stands for its whole family: compare the families' originals.
      const leads = [...new Set(m.reports.map((r) => r.outlet))].sort();
      const want = expected.get(sentenceId) ?? [];
      expect
        .soft(
          want.every((o) => shown.includes(o)),
          `${url} sentence ${m.index}: card ${shown.join(', ')}; align ${want.join(', ')}`,
        )
        .toBe(true);
      expect
        .soft(
          leads.every((o) => want.includes(o)),
          `${url} sentence ${m.index}: card ${leads.join(', ')}; align ${want.join(', ')}`,
        )
        .toBe(true);
      compared++;
    }
    // Every sentence align puts in a group with another outlet is marked on the page.
    const marked = new Set(annotation!.marked.map((m) => `${annotation!.articleId}#${m.index}`));
    for (const [sentenceId, outlets] of expected)
      if (sentenceId.startsWith(`${annotation!.articleId}#`) && outlets.length > 0)
        expect.soft(marked.has(sentenceId), `${sentenceId} is not marked`).toBe(true);
  }
  return compared;
}
