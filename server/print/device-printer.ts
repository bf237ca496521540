import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { PrintError, toPrintError } from './print-error.js';
import type { SendResult } from './tcp-printer.js';

/** Writes still running per device path. A file write cannot be cancelled, only outlived. */
const writing = new Map<string, Promise<void>>();

/**
 * One job to a device such as `/dev/usb/lp0` (the process user must be in
 * group `lp`). Opened without O_CREAT: with the printer unplugged, a write
 * must fail rather than create a plain file in its place. A write that hangs
 * (a stalled USB printer) is abandoned at the deadline; until it returns, the
 * device is reported busy instead of stacking more blocked writes.
 */
export async function sendDevice(path: string, job: Buffer, signal: AbortSignal): Promise<SendResult> {
  if (writing.has(path)) throw new PrintError('busy', `an earlier job is still writing to ${path}`);
  const write = (async () => {
    const file = await open(path, constants.O_WRONLY | constants.O_APPEND);
    try {
      await file.writeFile(job);
    } finally {
      await file.close();
    }
  })();
  writing.set(path, write);
  write.then(
    () => writing.delete(path),
    () => writing.delete(path),
  );
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(new PrintError('timeout', `writing to ${path} did not finish in time`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    write.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(toPrintError(err));
      },
    );
  });
  return { paperLow: false };
}

/** A device path can only say whether it is there and writable. */
export async function probeDevice(path: string): Promise<void> {
  try {
    await access(path, constants.W_OK);
  } catch (err) {
    throw toPrintError(err);
  }
}
