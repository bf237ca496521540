import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../../common/errors.js';

/** Compiled validators for socket payloads: type hints are not validation. The result's type is the schema's. */
export function validator<S extends TSchema>(schema: S): (value: unknown) => Static<S> {
  const compiled = Compile(schema);
  return (value) => {
    if (compiled.Check(value)) return value;
    const first = compiled.Errors(value)[0];
    const where = first?.instancePath ? `${first.instancePath} ` : '';
    throw new AppError('INVALID_INPUT', first ? `payload ${where}${first.message}` : 'invalid payload');
  };
}
