/**
 * Public feeds of well-known English-language outlets, offered on the options
 * page so a reader can subscribe in one click. This is data only: nothing here
 * is fetched until the reader turns a feed on, and each stays a normal
 * subscription (polled on its interval, removable) from then on.
 *
 * Outlets change their feed addresses now and then; a dead one shows up as the
 * feed's lastError ("the server answered 404") rather than failing silently.
 */

export interface SuggestedFeed {
  /** Outlet name as a reader knows it; used as the articles' outlet. */
  name: string;
  /** The feed's address. */
  url: string;
  /** The outlet's home page, for the reader to recognise it. */
  site: string;
}

export const SUGGESTED_FEEDS: readonly SuggestedFeed[] = [
  { name: 'BBC News', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', site: 'https://www.bbc.co.uk/news' },
  { name: 'The Guardian', url: 'https://www.theguardian.com/world/rss', site: 'https://www.theguardian.com' },
  { name: 'NPR', url: 'https://feeds.npr.org/1001/rss.xml', site: 'https://www.npr.org' },
  { name: 'The New York Times', url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml', site: 'https://www.nytimes.com' },
  { name: 'Al Jazeera English', url: 'https://www.aljazeera.com/xml/rss/all.xml', site: 'https://www.aljazeera.com' },
  { name: 'France 24', url: 'https://www.france24.com/en/rss', site: 'https://www.france24.com/en/' },
  { name: 'DW', url: 'https://rss.dw.com/rdf/rss-en-all', site: 'https://www.dw.com/en/' },
  { name: 'CBC News', url: 'https://www.cbc.ca/webfeed/rss/rss-world', site: 'https://www.cbc.ca/news' },
];
