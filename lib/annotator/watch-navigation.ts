import { POLL_MS } from './config';

/**
 * Calls `onChange` when the page moves to another URL without a reload (a
 * single-page news site opening the next article).
 *
 * Why polling: a content script runs in an isolated world, so wrapping
 * `history.pushState` there wraps our copy of the function, not the one the
 * page calls; injecting a page-world script to patch it is fragile and at the
 * page's mercy; the Navigation API (`navigation.onnavigate`) is missing in
 * Firefox and Safari. `popstate` and `hashchange` are observable and answer
 * back/forward at once; the interval catches pushState/replaceState.
 *
 * A change of the fragment alone (a "#comments" link, a text fragment) is not
 * a navigation, unless the fragment is a route ("#/…" or "#!…").
 */
export function watchNavigation(win: Window, onChange: (url: string) => void): () => void {
  let last = routeOf(win.location.href);
  const check = (): void => {
    const href = win.location.href;
    const route = routeOf(href);
    if (route === last) return;
    last = route;
    onChange(href);
  };
  const timer = win.setInterval(check, POLL_MS);
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  return () => {
    win.clearInterval(timer);
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
  };
}

/** The part of a URL that names the page: without the fragment unless the fragment is a route. */
export function routeOf(href: string): string {
  const hash = href.indexOf('#');
  if (hash < 0) return href;
  const fragment = href.slice(hash);
  return fragment.startsWith('#/') || fragment.startsWith('#!') ? href : href.slice(0, hash);
}
