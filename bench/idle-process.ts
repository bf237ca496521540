import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { trackChild } from './cleanup.js';
import type { IdleKind } from './idle-holder.js';

export interface IdleSockets {
  connected: number;
  seconds: number;
  /** Ends the holder process: the kernel closes every socket at once. */
  drop(): Promise<void>;
}

/**
 * Forks bench/idle-holder.js and has it open up to `count` idle sockets
 * (of `kinds` by turns; default half /display, half /kiosk), starting no new
 * handshake after `budgetMs`.
 */
export async function holdIdleSockets(url: string, count: number, budgetMs: number, kinds?: IdleKind[]): Promise<IdleSockets> {
  const child = fork(resolve(import.meta.dirname, 'idle-holder.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--max-old-space-size=4096'],
  });
  trackChild(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const drop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    const answer = await new Promise<{ connected: number; seconds: number }>((resolveReply, reject) => {
      const timer = setTimeout(() => reject(new Error('the idle holder did not answer in time')), budgetMs + 60_000);
      child.once('message', (m: { connected: number; seconds: number } | { error: string }) => {
        clearTimeout(timer);
        if ('error' in m) reject(new Error(`idle holder: ${m.error}`));
        else resolveReply(m);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the idle holder exited (${code})`));
      });
      child.send({ url, count, budgetMs, kinds });
    });
    return { ...answer, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}
