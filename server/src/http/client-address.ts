// The client's network address: the socket's remote address (@hono/node-server's getConnInfo). X-Forwarded-For is
// believed only when the socket's peer is a configured trusted proxy, and then only up to the first address that is
// not itself a trusted proxy (read from the right: each proxy appends the peer it saw, a client can prepend anything).
import { isIP } from "node:net";
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/** Addresses of reverse proxies in front of the server (exact match, e.g. "10.0.0.5" or "::1"). */
export type TrustedProxies = ReadonlySet<string>;

/** The socket's remote address, or "unknown" when there is no socket (app.request in tests). */
function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) is the IPv4 address: one client, one bucket. */
function normalise(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address.toLowerCase();
}

export function clientAddress(c: Context, trusted: TrustedProxies = new Set()): string {
  let address = normalise(socketAddress(c));
  if (!trusted.has(address)) return address;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = normalise(forwarded[i]!);
    if (isIP(hop) === 0) return address; // a malformed hop: the last address we can vouch for
    address = hop;
    if (!trusted.has(hop)) return hop;
  }
  return address;
}
