import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** What ClientAccess needs from the configuration (server/config.ts). */
export interface ClientAccessConfig {
  publicUrl: string;
  trustProxy: readonly string[];
  staffNetworks: readonly string[] | null;
  allowedOrigins: readonly string[];
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Who is asking, from where: the one place that decides a request's client
 * address (HTTP and socket.io handshakes alike), whether it comes from a
 * staff network, and whether a browser page's Origin may act for staff.
 * CIDR matching and X-Forwarded-For parsing are @fastify/proxy-addr's, the
 * library Fastify itself uses for `trustProxy`.
 */
export class ClientAccess {
  /** Is this hop a trusted proxy (TRUST_PROXY)? Fastify's `trustProxy` takes it as is, so request.ip agrees. */
  readonly trust: (address: string, hop: number) => boolean;
  private readonly staff: ((address: string) => boolean) | null;
  private readonly publicOrigin: string;
  private readonly ownOrigins: ReadonlySet<string>;

  constructor(private readonly config: ClientAccessConfig) {
    this.trust = proxyAddr.compile([...config.trustProxy]);
    const staff = config.staffNetworks ? proxyAddr.compile([...config.staffNetworks]) : null;
    this.staff = staff && ((address) => staff(address, 0));
    const url = new URL(config.publicUrl);
    this.publicOrigin = url.origin;
    // A PUBLIC_URL on this machine (the demo's http://localhost:3000) also answers as 127.0.0.1 and [::1]
    // on the same port: a page there is served by this very server.
    const twins = LOOPBACK_HOSTS.includes(url.hostname) ? LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`) : [];
    this.ownOrigins = new Set([url.origin, ...twins.map((t) => new URL(t).origin)]);
  }

  /**
   * The client's address: the connection's peer, or, when that is a trusted proxy, the
   * address it names in X-Forwarded-For (walking back through trusted proxies only).
   */
  clientAddress(peer: string, forwardedFor: string | string[] | undefined): string {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    // proxy-addr reads just these two fields of a request.
    const request: Pick<IncomingMessage, 'headers'> & { socket: Pick<IncomingMessage['socket'], 'remoteAddress'> } = {
      socket: { remoteAddress: peer },
      headers: header === undefined ? {} : { 'x-forwarded-for': header },
    };
    const addresses = proxyAddr.all(request as IncomingMessage, this.trust);
    return addresses[addresses.length - 1] ?? peer;
  }

  /** May staff work from this client address (STAFF_NETWORKS; unset: from anywhere)? */
  staffNetwork(address: string): boolean {
    if (!this.staff) return true;
    try {
      return this.staff(address);
    } catch {
      return false; // not an address at all
    }
  }

  /** May a page from this origin act with a staff session? PUBLIC_URL's origin and ALLOWED_ORIGINS. */
  originAllowed(origin: string): boolean {
    let normalised: string;
    try {
      normalised = new URL(origin).origin;
    } catch {
      return false; // "null" (sandboxed frames, privacy redirects) or garbage
    }
    return this.ownOrigins.has(normalised) || this.config.allowedOrigins.includes(normalised);
  }

  /** The refusal's message for a foreign Origin: what to set so that this origin works. */
  originRefusal(origin: string): string {
    return (
      `Requests from pages at ${origin} are not accepted for staff; this server's address is ${this.publicOrigin} (PUBLIC_URL). ` +
      `Open the app there, or set PUBLIC_URL, or add ${origin} to ALLOWED_ORIGINS.`
    );
  }
}
