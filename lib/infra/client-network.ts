// Which keys a client address counts under. Rate limits count per address for IPv4 and per /64 for IPv6 (one
// subscriber usually gets a whole /64, so counting single IPv6 addresses would let anyone rotate through them);
// the wider "network" (IPv4 /24, IPv6 /48) is what many signatures from one place share.
import { isIPv4, isIPv6 } from "node:net";

export type ClientNetwork = {
  /** What per-address limits count: the IPv4 address, or the IPv6 /64 prefix. */
  rateKey: string;
  /** The IPv4 /24 or IPv6 /48: a signal, and a trigger for the challenge, never a hard block. */
  network: string;
};

export function clientNetwork(ip: string): ClientNetwork | null {
  const address = ip
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  if (isIPv4(address)) return ipv4(address);
  if (!isIPv6(address)) return null;
  const groups = expandIPv6(address);
  // An IPv4 client seen through a dual-stack socket (::ffff:203.0.113.7) is an IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return ipv4([groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join("."));
  }
  const hex = groups.map((g) => g.toString(16));
  return { rateKey: `${hex.slice(0, 4).join(":")}::/64`, network: `${hex.slice(0, 3).join(":")}::/48` };
}

function ipv4(address: string): ClientNetwork {
  const parts = address.split(".").map(Number);
  return { rateKey: parts.join("."), network: `${parts.slice(0, 3).join(".")}.0/24` };
}

/** The eight 16-bit groups of a valid IPv6 address (with "::" and a trailing dotted IPv4 part expanded). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((g) => parseInt(g, 16));
}
