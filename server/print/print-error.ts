import type { PrintFailure } from '../../common/printing.js';

/** A print that did not happen, with a code for screens and a detail for the log. */
export class PrintError extends Error {
  constructor(
    readonly reason: PrintFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'PrintError';
  }
}

/** Socket and file errors → our codes; anything unexpected counts as a failed write. */
export function toPrintError(err: unknown): PrintError {
  if (err instanceof PrintError) return err;
  const e = err as NodeJS.ErrnoException;
  const detail = e?.message ?? String(err);
  switch (e?.code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new PrintError('unreachable', detail);
    case 'ETIMEDOUT':
      return new PrintError('timeout', detail);
    default:
      return new PrintError('write_failed', detail);
  }
}
