import { pageCss } from '../ui-style';

export const OPTIONS_CSS = `
${pageCss('.px-options')}
.px-options { max-width: 720px; margin: 0 auto; padding: 24px 16px 48px; min-height: 100vh; }
.px-section { padding: 16px 0; border-top: 1px solid var(--px-border); }
.px-stats { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0; }
.px-stat dt { color: var(--px-muted); font-size: 12px; }
.px-stat dd { margin: 0; font-size: 20px; font-weight: 600; }
.px-outlets { border-collapse: collapse; width: 100%; }
.px-outlets th, .px-outlets td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--px-border); vertical-align: top; }
.px-outlets th[scope="row"] { font-weight: 500; }
.px-outlets td:nth-child(2) { font-variant-numeric: tabular-nums; }
.px-confirm-question { margin: 0 0 6px; }
.px-error { color: var(--px-danger); }
.px-visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
`;
