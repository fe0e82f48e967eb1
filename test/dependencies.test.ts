import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockPackage {
  hasInstallScript?: boolean;
  dev?: boolean;
}

/**
 * Install scripts the project lives without, each with why: npm does not run them here (its allowScripts policy),
 * and nothing needs them to.
 */
const SCRIPTS_NOT_NEEDED = new Set([
  'node_modules/msgpackr-extract', // optional (BullMQ's msgpackr); its script only looks for the prebuilt binary, which comes as @msgpackr-extract/msgpackr-extract-linux-x64; msgpackr falls back to plain JS without it
]);

describe('dependencies', () => {
  it('include none that needs an install script', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
    const withScripts = Object.entries(lock.packages).filter(([path, p]) => p.hasInstallScript && !SCRIPTS_NOT_NEEDED.has(path)).map(([path]) => path);
    expect(withScripts).toEqual([]);
  });

  it('name each runtime dependency, with its reason, in the README', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(pkg.dependencies)) expect(readme, name).toContain(`\`${name}\``);
  });
});
