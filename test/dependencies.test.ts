import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockPackage {
  hasInstallScript?: boolean;
  dev?: boolean;
}

describe('dependencies', () => {
  it('include none that runs an install script', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> };
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path);
    expect(withScripts).toEqual([]);
  });

  it('name each runtime dependency, with its reason, in the README', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const readme = readFileSync('README.md', 'utf8');
    for (const name of Object.keys(pkg.dependencies)) expect(readme, name).toContain(`\`${name}\``);
  });
});
