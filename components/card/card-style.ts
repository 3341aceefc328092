import { themeCss } from '../theme';

/**
 * Styles for the card inside its shadow root; the page's CSS cannot reach
 * them, nor they the page. The host is a zero-sized box pinned to the
 * viewport's corner (its size and place tell the page nothing about the
 * card); the card itself is fixed where the host script puts it. `!important`
 * in `:host` outranks the page's own `!important` rules for the host.
 */
export const CARD_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
}
${themeCss('.px-card')}
.px-card {
  box-sizing: border-box;
  position: fixed;
  top: 8px;
  left: 8px;
  width: min(380px, calc(100% - 16px));
  max-height: calc(100% - 16px);
  /* A selection inside the card is the document's selection, which the page
     reads with getSelection(): the card's text is therefore not selectable. */
  -webkit-user-select: none;
  user-select: none;
  overflow: auto;
  overscroll-behavior: contain;
  border: 1px solid var(--px-border);
  border-radius: 10px;
  box-shadow: var(--px-shadow);
  padding: 10px 12px 12px;
  text-align: left;
}
.px-card * { box-sizing: border-box; }
.px-card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 4px; }
.px-card-title { font-size: 13px; font-weight: 600; margin: 0; color: var(--px-muted); text-transform: none; }
.px-close {
  font: inherit; font-size: 18px; line-height: 1; border: 0; background: transparent; color: var(--px-muted);
  cursor: pointer; padding: 2px 6px; border-radius: 6px;
}
.px-close:hover, .px-close:focus-visible { background: var(--px-subtle); color: var(--px-fg); }
.px-reports { list-style: none; margin: 0; padding: 0; }
.px-report { padding: 10px 0; border-top: 1px solid var(--px-border); }
.px-report:first-child { border-top: 0; }
.px-report-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; }
.px-outlet { font-weight: 650; }
.px-reprints, .px-time { color: var(--px-muted); font-size: 12px; }
.px-time { margin-left: auto; }
.px-sentence { margin: 6px 0; padding: 2px 0 2px 10px; border-left: 3px solid var(--px-border); }
.px-diffs { list-style: none; margin: 6px 0; padding: 0; }
.px-diff { margin: 4px 0; }
.px-diff-label {
  display: inline-block; font-size: 12px; font-weight: 600; padding: 0 6px; border-radius: 999px;
  background: var(--px-subtle); border: 1px solid var(--px-border); margin-right: 6px;
}
.px-diff-plain { color: var(--px-muted); }
.px-wordings { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 4px 0 0; font-size: 13px; }
.px-wordings dt { color: var(--px-muted); font-size: 12px; }
.px-wordings dd { margin: 0; }
.px-changed { border-radius: 3px; padding: 0 2px; }
.px-del { background: var(--px-del-bg); color: var(--px-del-fg); }
.px-ins { background: var(--px-ins-bg); color: var(--px-ins-fg); }
.px-why { margin: 6px 0; color: var(--px-muted); font-size: 12px; }
.px-why-label { font-weight: 600; }
.px-open { color: var(--px-accent); font-weight: 600; text-decoration: none; }
.px-open:hover, .px-open:focus-visible { text-decoration: underline; }
.px-visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus-visible { outline: 2px solid var(--px-accent); outline-offset: 2px; }
`;
