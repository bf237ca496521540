import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../../common/errors.js';

/** Compiled validators for socket payloads: type hints are not validation. */
export function validator<T>(schema: TSchema): (value: unknown) => T {
  const compiled = Compile(schema);
  return (value) => {
    if (compiled.Check(value)) return value as T;
    const first = compiled.Errors(value)[0];
    const where = first?.instancePath ? `${first.instancePath} ` : '';
    throw new AppError('INVALID_INPUT', first ? `payload ${where}${first.message}` : 'invalid payload');
  };
}
