import { pageCss } from '../ui-style';

export const WELCOME_CSS = `
${pageCss('.px-welcome')}
html { color-scheme: light dark; }
body { margin: 0; }
.px-welcome { max-width: 760px; margin: 0 auto; padding: 32px 20px 56px; min-height: 100vh; font-size: 15px; }
.px-welcome h1 { font-size: 26px; display: flex; align-items: center; gap: 12px; }
.px-welcome h1 img { width: 40px; height: 40px; }
.px-welcome h2 { font-size: 18px; margin-top: 8px; }
.px-welcome section { padding: 18px 0; border-top: 1px solid var(--px-border); }
.px-welcome-lead { font-size: 17px; margin: 8px 0 20px; }
.px-welcome-picture { width: 100%; max-width: 560px; height: auto; display: block; margin: 8px auto 20px; }
.px-steps { margin: 0; padding-left: 1.4em; }
.px-steps li { margin: 8px 0; }
.px-steps li::marker { font-weight: 700; color: var(--px-accent); }
.px-welcome-outlets { list-style: none; padding: 0; margin: 8px 0 12px; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 6px 16px; }
.px-welcome-outlets label { display: flex; gap: 8px; align-items: center; }
.px-welcome-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
.px-welcome button.px-primary { background: var(--px-accent); color: var(--px-bg); border-color: var(--px-accent); font-weight: 600; padding: 6px 14px; }
.px-welcome .px-error { color: var(--px-danger); }
.px-welcome .px-done { color: var(--px-fg); font-weight: 600; }
.px-pic-page { fill: var(--px-bg); stroke: var(--px-border); stroke-width: 2; }
.px-pic-heading { fill: var(--px-fg); opacity: 0.8; }
.px-pic-line { fill: var(--px-muted); opacity: 0.35; }
.px-pic-marked { fill: var(--px-fg); opacity: 0.55; }
.px-pic-underline { fill: #e0a400; }
.px-pic-card { fill: var(--px-subtle); stroke: var(--px-border); stroke-width: 2; }
.px-pic-outlet { font: 600 14px system-ui, sans-serif; fill: var(--px-fg); }
.px-pic-text { font: 14px system-ui, sans-serif; fill: var(--px-fg); }
.px-pic-number { font-weight: 700; fill: var(--px-del-fg); text-decoration: underline; }
.px-pic-flag { font: 600 12px system-ui, sans-serif; fill: var(--px-del-fg); letter-spacing: 0.02em; }
`;
