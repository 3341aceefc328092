import { ensureChromium } from '../../scripts/support/browser';

// Find (or, on a fresh Debian machine, install) the browser once, before any test starts its clock.
export default function globalSetup(): void {
  ensureChromium();
}
