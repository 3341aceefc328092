/**
 * Colours shared by the card, the popup and the options page, as CSS custom
 * properties on `selector`, with a dark variant. The card lives in a shadow
 * root, so the same block is emitted there with `:host`.
 */
export function themeCss(selector: string): string {
  return `
${selector} {
  --px-bg: #ffffff;
  --px-fg: #1f2328;
  --px-muted: #59636e;
  --px-border: #d1d9e0;
  --px-subtle: #f6f8fa;
  --px-accent: #0b57d0;
  --px-del-bg: #ffe2dd;
  --px-del-fg: #8a1c0c;
  --px-ins-bg: #d5f5dc;
  --px-ins-fg: #0f5323;
  --px-hit-bg: #fff0a8;
  --px-danger: #b42318;
  --px-shadow: 0 8px 28px rgba(15, 23, 42, 0.18);
  color-scheme: light dark;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 14px;
  line-height: 1.45;
  color: var(--px-fg);
  background: var(--px-bg);
}
@media (prefers-color-scheme: dark) {
  ${selector} {
    --px-bg: #1c2128;
    --px-fg: #e6edf3;
    --px-muted: #9aa6b2;
    --px-border: #3d444d;
    --px-subtle: #262c36;
    --px-accent: #8ab4f8;
    --px-del-bg: #5c1f17;
    --px-del-fg: #ffd1c9;
    --px-ins-bg: #17402a;
    --px-ins-fg: #c6f6d5;
    --px-hit-bg: #5a4a00;
    --px-danger: #ff8a80;
    --px-shadow: 0 8px 28px rgba(0, 0, 0, 0.55);
  }
}
`;
}
