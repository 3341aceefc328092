/**
 * Renders the seed articles (plain .txt: a title line, then paragraphs) as
 * article pages of their own outlet hosts, in memory, for the corpus server.
 * Nothing of the seeds is written to disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SeedSites {
  hosts: string[];
  /** host → path → HTML, the shape `startCorpusServer({ extraSites })` takes. */
  sites: Record<string, Record<string, string>>;
}

/** Fictional outlet names, given to the seed files in name order. */
const SEED_OUTLETS = [
  'The Evening Courier',
  'Continental Daily',
  'Gulf & Levant Monitor',
  'The Midland Star',
  'Newswire Today',
  'The Atlantic Record',
  'Pacific Dispatch',
  'The Inland Herald',
];

export function renderSeedSites(seedsDir: string): SeedSites {
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const hosts: string[] = [];
  const sites: Record<string, Record<string, string>> = {};
  files.forEach((file, i) => {
    const lines = readFileSync(path.join(seedsDir, file), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const titleIndex = Math.max(0, lines.findIndex(looksLikeHeadline));
    const title = lines[titleIndex] ?? file;
    const before = lines.slice(0, titleIndex);
    const paragraphs = lines.slice(titleIndex + 1);
    const outlet = SEED_OUTLETS[i % SEED_OUTLETS.length] ?? `Outlet ${i + 1}`;
    let host = `seed-${hostWord(title)}.test`;
    if (sites[host] !== undefined) host = `seed-${hostWord(title)}-${i + 1}.test`;
    const slug = `/${slugify(title)}`;
    // Spread over the morning of 7 January 2020, in the order of the files.
    const published = new Date(Date.UTC(2020, 0, 7, 8 + i, 15 * (i % 4))).toISOString();
    hosts.push(host);
    sites[host] = {
      '/': renderHome(outlet, title, slug),
      [slug]: renderArticle({ outlet, title, before, paragraphs, published, slug }),
    };
  });
  return { hosts, sites };
}

/** A headline has a few words and is not a list of links ("Portuguese / Spanish / English"). */
function looksLikeHeadline(line: string): boolean {
  return line.split(/\s+/).length >= 5 && !/\s\/\s/.test(line);
}

function hostWord(title: string): string {
  const words = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z\s]/g, ' ')
    .split(/\s+/);
  return words.find((w) => w.length >= 4) ?? words.find((w) => w.length > 0) ?? 'story';
}

function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'article'
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderArticle(page: {
  outlet: string;
  title: string;
  before: string[];
  paragraphs: string[];
  published: string;
  slug: string;
}): string {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title,
    datePublished: page.published,
    publisher: { '@type': 'Organization', name: page.outlet },
  }).replace(/</g, '\\u003c');
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(page.title)} | ${e(page.outlet)}</title>
<link rel="canonical" href="${e(page.slug)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${e(page.outlet)}">
<script type="application/ld+json">${ld}</script>
<style>body { font: 17px/1.6 Georgia, serif; max-width: 700px; margin: 24px auto; padding: 0 16px; } .site { font: 700 14px sans-serif; text-transform: uppercase; letter-spacing: .08em; }</style>
</head>
<body>
<p class="site"><a href="/">${e(page.outlet)}</a></p>
<article>
${page.before.map((l) => `<p>${e(l)}</p>`).join('\n')}
<h1>${e(page.title)}</h1>
<p><time datetime="${page.published}">${new Date(page.published).toUTCString().slice(0, 16)}</time></p>
${page.paragraphs.map((l) => `<p>${e(l)}</p>`).join('\n')}
</article>
</body>
</html>
`;
}

function renderHome(outlet: string, title: string, slug: string): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${e(outlet)}</title><meta property="og:type" content="website"><meta property="og:site_name" content="${e(outlet)}"></head>
<body><h1>${e(outlet)}</h1><ul><li><a href="${e(slug)}">${e(title)}</a></li></ul></body>
</html>
`;
}
