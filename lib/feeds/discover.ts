import type { DiscoveredFeed, FeedType } from '../types';
import { decodeEntities } from './html-text';
import { resolveHttpUrl } from './urls';

const FEED_TYPES: Record<string, FeedType> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
};

// Attribute: name, then an optional value that is double-quoted, single-quoted or bare.
const ATTRIBUTE = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+)))?/g;

/** Attributes of one start tag's inner text (after the tag name), names lower-cased. */
export function readAttributes(inner: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of inner.matchAll(ATTRIBUTE)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!name || attributes.has(name)) continue; // HTML keeps the first of duplicate attributes
    attributes.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

/** Start tags named `tag` in `html`, outside comments, scripts and styles. */
export function scanTags(html: string, tag: string): Map<string, string>[] {
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)|<(script|style|template)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ');
  // A quoted value may hold ">", so the tag body is read quote by quote.
  const pattern = new RegExp(`<${tag}(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>?`, 'gi');
  return [...visible.matchAll(pattern)].map((m) => readAttributes(m[1] ?? ''));
}

/**
 * The feeds an HTML page advertises with `<link rel="alternate" type="…">`
 * (RSS, Atom, JSON Feed), resolved against the page's `<base href>` or URL.
 * Reads the markup as text: the background service worker has no DOMParser.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const baseHref = scanTags(html, 'base')
    .find((a) => a.get('href'))
    ?.get('href');
  const base = (baseHref && resolveHttpUrl(baseHref, pageUrl)) || pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const attributes of scanTags(html, 'link')) {
    const rels = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('alternate')) continue;
    const mime = (attributes.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    const type = FEED_TYPES[mime];
    if (!type) continue;
    const url = resolveHttpUrl(attributes.get('href'), base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = attributes.get('title')?.replace(/\s+/g, ' ').trim();
    found.push(title ? { url, title, type } : { url, type });
  }
  return found;
}
