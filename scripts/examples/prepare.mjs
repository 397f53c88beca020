// Makes what an app's developer has after `npm install kolam`: the package as `npm pack` makes it
// (from a fresh build), and each example copied outside this repository and installed there with
// npm, so nothing resolves through our own node_modules (an isolated install, as a user's).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  return Math.max(0, ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => statSync(join(d.parentPath ?? d.path, d.name)).mtimeMs));
}

/** Packs Kolam (built first unless dist/ is newer than src/) into a new folder outside the repository. */
export function packKolam() {
  const work = mkdtempSync(join(tmpdir(), 'kolam-examples-'));
  if (!existsSync(join(repo, 'custom-elements.json')) || newest(join(repo, 'src')) > newest(join(repo, 'dist'))) run('npm', ['run', 'build', '--silent'], repo);
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').at(-1);
  // The examples' package.json name it `file:../kolam.tgz`, whatever the version.
  renameSync(join(work, tarball), join(work, 'kolam.tgz'));
  return work;
}

/** Copies examples/<name> into `work` (not its installed or built files) and installs it. */
export function installExample(work, name) {
  const dir = join(work, name);
  const skip = new Set(['node_modules', 'dist', 'data', 'package-lock.json']);
  cpSync(join(repo, 'examples', name), dir, { recursive: true, filter: (src) => !skip.has(src.split(/[\\/]/).at(-1)) });
  // --prefer-offline: the npm cache answers when it can, so a second run needs no network.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
  return dir;
}

/** Runs an example's npm script (its type-check or its Vite build); throws with the output on failure. */
export function npmScript(dir, script) {
  try {
    return execFileSync('npm', ['run', script, '--silent'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    throw new Error(`npm run ${script} failed in ${dir}:\n${error.stdout}${error.stderr}`, { cause: error });
  }
}

export const exampleNames = () => readdirSync(join(repo, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
