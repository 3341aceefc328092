import { pageCss } from '../ui-style';

export const POPUP_CSS = `
${pageCss('.px-popup')}
.px-popup { width: 380px; max-height: 580px; overflow: auto; padding: 12px; }
.px-popup-head { display: flex; align-items: center; justify-content: space-between; margin-bottom: 8px; }
.px-search-input {
  width: 100%; padding: 7px 10px; border: 1px solid var(--px-border); border-radius: 8px; background: var(--px-bg);
}
.px-status { min-height: 1.2em; color: var(--px-muted); font-size: 12px; }
.px-groups, .px-hits { list-style: none; margin: 0; padding: 0; }
.px-group { padding: 8px 0; border-top: 1px solid var(--px-border); }
.px-group-outlets { color: var(--px-muted); font-size: 12px; }
.px-result a { display: block; padding: 4px 6px; margin: 2px -6px; border-radius: 6px; color: inherit; text-decoration: none; }
.px-result a:hover, .px-result a:focus-visible { background: var(--px-subtle); }
.px-result-outlet { display: block; font-size: 12px; font-weight: 600; color: var(--px-accent); }
.px-result-title .px-result-text { font-weight: 600; }
.px-refused { margin: 0 0 8px; padding: 6px 8px; border-left: 3px solid #b45309; }
.px-summary { margin: 10px 0; padding: 10px; border-radius: 8px; background: var(--px-subtle); }
.px-why { margin: 6px 0; }
.px-store-anyway { margin-top: 4px; }
.px-pause { border: 0; margin: 8px 0 0; padding: 0; }
.px-pause legend { font-weight: 600; padding: 0; margin-bottom: 4px; }
.px-switch { display: flex; align-items: center; gap: 8px; padding: 3px 0; cursor: pointer; }
`;
