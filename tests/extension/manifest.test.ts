/**
 * Least privilege: each build asks only for the permissions listed with
 * their reasons, sites only as optional permissions, and exposes no file to
 * web pages; the README names every permission it asks for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extensionManifest, OPTIONAL_HOSTS, PERMISSION_REASONS } from '../../lib/extension/manifest';

const BUILDS = ['chrome', 'firefox'] as const;

describe.each(BUILDS)('the %s manifest', (target) => {
  const manifest = extensionManifest(target) as Record<string, unknown>;

  test('asks only for permissions with a stated reason', () => {
    const permissions = manifest.permissions as string[];
    for (const p of permissions) expect(Object.keys(PERMISSION_REASONS), p).toContain(p);
  });

  test('asks for no site up front and exposes no file to web pages', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    const optional = (manifest.optional_host_permissions ?? manifest.optional_permissions) as string[];
    expect(optional).toEqual(OPTIONAL_HOSTS);
  });
});

test('every permission with a reason is asked for by some build, and the README says why', () => {
  const asked = new Set(BUILDS.flatMap((b) => (extensionManifest(b) as { permissions: string[] }).permissions));
  expect([...asked].sort()).toEqual(Object.keys(PERMISSION_REASONS).sort());
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Security and privacy'), readme.indexOf('## Hostile input'));
  for (const p of asked) expect(section, p).toContain(`\`${p}\``);
});
