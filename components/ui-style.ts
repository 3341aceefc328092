import { themeCss } from './theme';

/** Base look of the extension's own pages (popup, options): theme, type, controls. */
export function pageCss(root: string): string {
  return `
${themeCss(root)}
${root} { box-sizing: border-box; }
${root} *, ${root} *::before, ${root} *::after { box-sizing: inherit; }
${root} h1, ${root} h2, ${root} h3 { margin: 0 0 6px; line-height: 1.25; }
${root} h1 { font-size: 18px; }
${root} h2 { font-size: 15px; }
${root} h3 { font-size: 14px; }
${root} p { margin: 4px 0; }
${root} .px-muted { color: var(--px-muted); }
${root} button, ${root} input { font: inherit; color: inherit; }
${root} button {
  border: 1px solid var(--px-border); background: var(--px-subtle); border-radius: 6px; padding: 4px 10px; cursor: pointer;
}
${root} button:hover { border-color: var(--px-muted); }
${root} button.px-danger { color: var(--px-danger); border-color: var(--px-danger); background: transparent; }
${root} button.px-danger.px-confirm { color: var(--px-bg); background: var(--px-danger); }
${root} button.px-link { border: 0; background: none; padding: 0; color: var(--px-accent); text-decoration: underline; }
${root} button:disabled { opacity: 0.6; cursor: default; }
${root} :focus-visible { outline: 2px solid var(--px-accent); outline-offset: 2px; }
${root} a { color: var(--px-accent); }
${root} mark.px-hit { background: var(--px-hit-bg); color: inherit; border-radius: 2px; padding: 0 1px; }
`;
}
