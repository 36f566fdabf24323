// Builds dist/ when it is missing or older than any TypeScript source (used by start, cli, bench).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'console') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt() {
  const marker = join(root, 'dist/apps/gateway/main.js');
  const sources = Math.max(...['apps', 'libs', 'bench', 'tests'].filter((d) => existsSync(join(root, d))).map((d) => newestMtime(join(root, d))));
  if (!existsSync(marker) || statSync(marker).mtimeMs < sources) {
    process.stderr.write('[wangjian] building services (tsc)…\n');
    execSync('npx tsc -p tsconfig.build.json', { cwd: root, stdio: 'inherit' });
  }
  const consoleDir = join(root, 'apps/console');
  if (existsSync(join(consoleDir, 'package.json')) || existsSync(join(consoleDir, 'vite.config.ts'))) {
    if (!existsSync(join(consoleDir, 'dist/index.html'))) {
      process.stderr.write('[wangjian] building the web console (vite)…\n');
      execSync('npm run build:console', { cwd: root, stdio: 'inherit' });
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureBuilt();
