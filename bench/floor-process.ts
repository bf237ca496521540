import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { trackChild } from './cleanup.js';

export interface FloorProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Forks bench/floor-socketio.js, the bare socket.io server, and waits for its port. */
export async function startSocketFloor(): Promise<FloorProcess> {
  const child = fork(resolve(import.meta.dirname, 'floor-socketio.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  trackChild(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket.io floor did not start within 10 s')), 10_000);
    child.once('message', (m: unknown) => {
      clearTimeout(timer);
      resolvePort((m as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the socket.io floor exited (${code})`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
