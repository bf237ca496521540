import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Office } from '../app/office.js';
import type { StorageHealth } from '../app/storage-health.js';
import type { TicketPrinting } from '../app/ticket-printing.js';
import type { Config } from '../config.js';

/** The Fastify instance as routes see it: TypeBox-typed schemas. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface RouteDeps {
  office: Office;
  config: Config;
  print: TicketPrinting;
  storage: StorageHealth;
}
