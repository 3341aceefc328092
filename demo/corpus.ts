/**
 * The demo corpus: fictional outlets on `.test` hosts, each with its own page
 * template, reporting one event (story A, the Port of Ellery crane collapse)
 * and an unrelated one (story B, the Brightwell e-bike battery recall).
 * The pages live in demo/sites/<host>/; demo/README.md lists what differs.
 */

export interface DemoOutlet {
  host: string;
  /** The outlet name a reader knows, as the extractor should find it. */
  name: string;
  /** What is particular about the outlet's markup. */
  template: string;
}

export interface DemoArticle {
  host: string;
  /** Path on the host, as served ("/ellery-crane-collapse"). */
  path: string;
  story: 'A' | 'B';
  title: string;
  byline?: string;
  /** ISO 8601 in UTC, as the extractor reports it. */
  publishedAt: string;
  /** Path of the canonical URL the page declares (fragment and host aside). */
  canonicalPath: string;
  /** The wire story this page reprints, as `host + path`. */
  reprintOf?: string;
}

export const DEMO_OUTLETS: DemoOutlet[] = [
  { host: 'dailyledger.test', name: 'The Daily Ledger', template: '<article> with JSON-LD NewsArticle, figure with caption, h2 subheads' },
  { host: 'harbourtimes.test', name: 'The Harbour Times', template: 'divs with classes only, Open Graph tags, no <article> and no <p>' },
  { host: 'meridianpost.test', name: 'Meridian Post', template: 'live blog: JSON-LD LiveBlogPosting, timestamped entries, key points list, embedded post' },
  { host: 'northgazette.test', name: 'The North Gazette', template: 'heavy furniture: language picker, share bar, READ: links, ads, newsletter box, tags, comment notice' },
  { host: 'capitalwire.test', name: 'Capital Wire', template: 'minimal: headline, paragraphs, og:site_name and a <time>' },
  { host: 'eastbrookobserver.test', name: 'The Eastbrook Observer', template: 'WordPress-like theme, JSON-LD @graph, sharing and related-posts widgets' },
];

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    host: 'capitalwire.test',
    path: '/ellery-port-halts-terminal',
    story: 'A',
    title: 'Ellery port halts container terminal after crane collapses onto ship',
    publishedAt: '2025-10-14T07:30:00.000Z',
    canonicalPath: '/ellery-port-halts-terminal',
  },
  {
    host: 'meridianpost.test',
    path: '/live-ellery-crane-collapse',
    story: 'A',
    title: 'Live: Port of Ellery crane collapse – terminal closed, workers injured',
    byline: 'Priya Ansel, Kofi Barnes',
    publishedAt: '2025-10-14T05:32:00.000Z',
    canonicalPath: '/live-ellery-crane-collapse',
  },
  {
    host: 'dailyledger.test',
    path: '/ellery-crane-collapse',
    story: 'A',
    title: 'Crane collapse shuts Ellery container terminal as investigators examine weld',
    byline: 'Hannah Croft',
    publishedAt: '2025-10-14T08:15:00.000Z',
    canonicalPath: '/ellery-crane-collapse',
  },
  {
    host: 'harbourtimes.test',
    path: '/ellery-crane-wire',
    story: 'A',
    title: 'Port of Ellery halts Kessock terminal after crane falls onto ship',
    byline: 'Capital Wire',
    publishedAt: '2025-10-14T09:05:00.000Z',
    canonicalPath: '/ellery-crane-wire',
    reprintOf: 'capitalwire.test/ellery-port-halts-terminal',
  },
  {
    host: 'eastbrookobserver.test',
    path: '/ellery-crane-collapse-wire',
    story: 'A',
    title: 'Crane collapses onto ship at Ellery, halting container terminal',
    byline: 'Staff and agencies',
    publishedAt: '2025-10-14T10:20:00.000Z',
    canonicalPath: '/ellery-crane-collapse-wire',
    reprintOf: 'capitalwire.test/ellery-port-halts-terminal',
  },
  {
    host: 'northgazette.test',
    path: '/ellery-crane-inquiry-calls',
    story: 'A',
    title: 'Ellery crane collapse: calls for inquiry as port stays shut',
    byline: 'Martin Lowrie',
    publishedAt: '2025-10-15T06:00:00.000Z',
    canonicalPath: '/ellery-crane-inquiry-calls',
  },
  {
    host: 'dailyledger.test',
    path: '/brightwell-battery-recall',
    story: 'B',
    title: 'Brightwell recalls 120,000 e-bike batteries over fire risk',
    byline: 'Omar Lindqvist',
    publishedAt: '2025-10-13T10:00:00.000Z',
    canonicalPath: '/brightwell-battery-recall',
  },
  {
    host: 'harbourtimes.test',
    path: '/brightwell-recall',
    story: 'B',
    title: 'E-bike maker Brightwell recalls batteries after fires',
    byline: 'Nadia Pellew',
    publishedAt: '2025-10-13T13:20:00.000Z',
    canonicalPath: '/brightwell-recall',
  },
];

/** File of a page under demo/sites/, relative to that folder. */
export function demoPageFile(host: string, path: string): string {
  const slug = path.replace(/^\/+|\/+$/g, '');
  return `${host}/${slug === '' ? 'index' : slug}.html`;
}
