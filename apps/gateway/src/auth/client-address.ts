import { BlockList, isIP } from 'node:net';

/**
 * Which address a request came from, for the login throttle and the audit
 * trail. The socket's peer address is the truth; X-Forwarded-For is anyone's
 * to write, so it is believed only when the socket belongs to a proxy named
 * in VI_TRUSTED_PROXIES, and then only up to the first hop that is not a
 * trusted proxy (reading from the right: every trusted proxy appends the
 * address it saw, so the left part is whatever the client sent).
 */

/** Set by app.ts from the Node socket; yoga.fetch in tests has no socket. */
const socketAddresses = new WeakMap<Request, string>();

export function rememberSocketAddress(request: Request, address: string | null | undefined): void {
  const normalised = address ? normaliseAddress(address) : null;
  if (normalised) {
    socketAddresses.set(request, normalised);
  }
}

/** Strips an IPv4-mapped IPv6 prefix and a zone id; null when it is not an IP address. */
export function normaliseAddress(raw: string): string | null {
  let address = raw.trim().toLowerCase();
  const zone = address.indexOf('%');
  if (zone >= 0) {
    address = address.slice(0, zone);
  }
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) {
    address = mapped[1];
  }
  return isIP(address) ? address : null;
}

/** One X-Forwarded-For entry: a bare address, "1.2.3.4:port" or "[v6]:port". */
function forwardedEntry(raw: string): string | null {
  let entry = raw.trim().replace(/^"|"$/g, '');
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) {
    entry = bracketed[1];
  } else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(entry)) {
    entry = entry.slice(0, entry.lastIndexOf(':'));
  }
  return normaliseAddress(entry);
}

export interface TrustedProxies {
  /** True when `address` is one of the trusted proxies. */
  has(address: string): boolean;
}

const parsedProxies = new Map<string, { proxies: TrustedProxies; problems: string[] }>();

/** Parses VI_TRUSTED_PROXIES: addresses and CIDR ranges, comma- or space-separated. */
export function parseTrustedProxies(raw: string): { proxies: TrustedProxies; problems: string[] } {
  const cached = parsedProxies.get(raw);
  if (cached) {
    return cached;
  }
  const list = new BlockList();
  const problems: string[] = [];
  for (const item of raw.split(/[\s,]+/).filter(Boolean)) {
    const [host = '', prefix, extra] = item.split('/');
    const address = normaliseAddress(host);
    const family = address ? isIP(address) : 0;
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (
      !address ||
      extra !== undefined ||
      (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
      bits > (family === 4 ? 32 : 128)
    ) {
      problems.push(
        `VI_TRUSTED_PROXIES must list IP addresses or CIDR ranges such as 127.0.0.1, 10.0.0.0/8 or ::1 (got "${item}").`,
      );
      continue;
    }
    list.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
  }
  const result = {
    proxies: {
      has: (address: string) => {
        const normalised = normaliseAddress(address);
        return normalised !== null && list.check(normalised, isIP(normalised) === 4 ? 'ipv4' : 'ipv6');
      },
    },
    problems,
  };
  parsedProxies.set(raw, result);
  return result;
}

/**
 * The client's address, or null when the request did not come through a
 * socket we know of (tests calling yoga.fetch directly).
 */
export function clientAddress(
  request: Request,
  trustedProxies: string = process.env.VI_TRUSTED_PROXIES?.trim() ?? '',
): string | null {
  const socket = socketAddresses.get(request) ?? null;
  if (!socket || !trustedProxies) {
    return socket;
  }
  const { proxies } = parseTrustedProxies(trustedProxies);
  if (!proxies.has(socket)) {
    return socket;
  }
  const hops = (request.headers.get('x-forwarded-for') ?? '').split(',').filter((hop) => hop.trim());
  let nearest = socket;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = forwardedEntry(hops[index] ?? '');
    if (!hop) {
      // Garbage where a trusted proxy should have written an address: stop
      // at the last hop we can vouch for rather than guess.
      return nearest;
    }
    if (!proxies.has(hop)) {
      return hop;
    }
    nearest = hop;
  }
  return nearest;
}

/** Eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(address: string): number[] | null {
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) is two more groups.
  const text = address.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_all, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((group) => group.toString(16)).join(':'),
  );
  const [head = '', rest, extra] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((group) => Number.parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(rest ?? '');
  const missing = 8 - left.length - right.length;
  if (extra !== undefined || (rest === undefined ? missing !== 0 : missing < 0)) {
    return null;
  }
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}

/**
 * What the per-address limit counts: an IPv4 address as it is, an IPv6
 * address by its /64 (one subscriber usually holds a whole /64, so counting
 * single addresses would let one machine rotate through billions).
 */
export function addressLimitKey(address: string | null): string {
  if (!address) {
    return 'unknown';
  }
  if (isIP(address) !== 6) {
    return address;
  }
  const groups = ipv6Groups(address);
  if (!groups) {
    return address;
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
