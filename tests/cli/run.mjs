// Runs the breachcheck binary for tests; shared by the CLI and the wasm parity tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = process.env.BREACHCHECK_REPO || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = process.env.BREACHCHECK_CLI || path.join(repo, 'build/native/cli/breachcheck');

export function run(args, options = {}) {
  const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson(args) {
  const r = run([...args, '--json']);
  if (r.status !== 0) throw new Error(`breachcheck ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// `check` flags → the answers object of docs/api.md (what the page passes to engine.check).
export function answersFromArgs(args) {
  const answers = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, '');
    if (key === 'answer') {
      const eq = args[i + 1].indexOf('=');
      answers[args[i + 1].slice(0, eq)] = args[i + 1].slice(eq + 1);
    } else {
      answers[key] = args[i + 1];
    }
  }
  return answers;
}
