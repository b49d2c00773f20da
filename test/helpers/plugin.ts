import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, suiteDir } from './temp.js';

/** The plugin release folder (a marketplace with the plugin at its root), built from this checkout as a release is. */
export function buildPluginRelease(): string {
  const out = join(suiteDir('kei-plugin-release-'), 'keiseikit');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-plugin.js'), out], { cwd: REPO_ROOT, stdio: 'pipe' });
  return out;
}
