import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A real `node apps/server/src/main.ts` process, as `npm start` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code and how long it took. */
  terminate(): Promise<{ code: number | null; ms: number }>;
}

export function runMain(env: Record<string, string>): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(serverRoot, 'src/main.ts')], {
    cwd: serverRoot,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** Starts a server process and waits until it listens; the port is read from its first line. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { child, done } = runMain({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    // A liveness bound, not a speed claim: a cold tsx cache on a loaded 2-core machine can take well over 30 s.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    const onData = () => {
      const match = output.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void done.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  return {
    child,
    url,
    output: () => output,
    terminate: async () => {
      const started = Date.now();
      child.kill('SIGTERM');
      const { code } = await done;
      return { code, ms: Date.now() - started };
    },
  };
}
