import { ensureFirefox } from '../../scripts/support/firefox';

// Find (or, on a fresh Debian machine, install) Firefox once, before any test starts its clock.
export default function globalSetup(): void {
  ensureFirefox();
}
