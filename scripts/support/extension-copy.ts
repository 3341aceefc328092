import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The demo outlets' host names, allowed up front in test builds. */
export const TEST_HOSTS_PATTERN = 'http://*.test/*';

/**
 * A copy of a built extension whose manifest grants the `.test` hosts up
 * front: the reader's "Allow" in the permission prompt, which a headless
 * browser cannot click. Manifest V3 lists them as host permissions, V2
 * (Firefox) among its permissions.
 *
 * Chromium names an unpacked extension after the folder it is loaded from, and
 * its IndexedDB after that name: a store kept for a later run must be opened
 * by a copy at the same place, `at` (replaced), not at a new temporary one.
 */
export function grantedExtensionCopy(sourceDir: string, at?: string): { dir: string; remove(): void } {
  let dir: string;
  if (at) {
    rmSync(at, { recursive: true, force: true });
    mkdirSync(at, { recursive: true });
    dir = at;
  } else dir = mkdtempSync(path.join(tmpdir(), 'parallax-ext-'));
  cpSync(sourceDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  if (manifest.manifest_version === 2) {
    manifest.permissions = [...((manifest.permissions as string[] | undefined) ?? []), TEST_HOSTS_PATTERN];
  } else {
    manifest.host_permissions = [TEST_HOSTS_PATTERN];
  }
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
