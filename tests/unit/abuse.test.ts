import { describe, expect, it } from "vitest";
import { clientNetwork } from "@/lib/infra/client-network";
import { hasLeadingZeroBits } from "@/lib/integrity/proof-of-work";
import { formTokenIssuedAt, issueFormToken } from "@/lib/infra/security/form-token";
import { clientIp } from "@/lib/infra/request-ip";
import { assumePeerAddressAppended } from "@/lib/infra/peer-address";

assumePeerAddressAppended();

describe("clientIp", () => {
  const xff = (value: string) => new Headers({ "x-forwarded-for": value });
  it.each([
    // The last entry is the connection's own address (appended by the server); the client chose the rest.
    ["no proxy: the connection's address, whatever the client claims", "6.6.6.6, 203.0.113.7", 0, "203.0.113.7"],
    ["one proxy: the address it saw", "6.6.6.6, 198.51.100.4, 10.0.0.2", 1, "198.51.100.4"],
    ["two proxies", "6.6.6.6, 198.51.100.4, 10.0.0.3, 10.0.0.2", 2, "198.51.100.4"],
    ["a direct IPv6 client", "2001:db8::1", 0, "2001:db8::1"],
  ])("%s", (_label, header, hops, expected) => {
    expect(clientIp(xff(header), hops)).toBe(expected);
  });
  it("has no address without the header", () => expect(clientIp(new Headers(), 0)).toBeNull());
});

describe("clientNetwork", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7", "203.0.113.0/24"],
    ["::ffff:203.0.113.7", "203.0.113.7", "203.0.113.0/24"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64", "2001:db8:1::/48"],
    ["2001:DB8:1:2::6", "2001:db8:1:2::/64", "2001:db8:1::/48"],
    ["2001:db8::", "2001:db8:0:0::/64", "2001:db8:0::/48"],
    ["fe80::1%eth0", "fe80:0:0:0::/64", "fe80:0:0::/48"],
  ])("%s counts as %s in %s", (ip, rateKey, network) => {
    expect(clientNetwork(ip)).toEqual({ rateKey, network });
  });
  it("knows nothing of what is not an address", () => expect(clientNetwork("unknown")).toBeNull());
});

describe("proof of work", () => {
  it("counts leading zero bits across bytes", () => {
    expect(hasLeadingZeroBits(new Uint8Array([0, 0, 0x0f, 0xff]), 20)).toBe(true);
    expect(hasLeadingZeroBits(new Uint8Array([0, 0, 0x1f, 0xff]), 20)).toBe(false);
    expect(hasLeadingZeroBits(new Uint8Array([0x80]), 0)).toBe(true);
  });
});

describe("form tokens", () => {
  it("carry their render time, for their own form only, and cannot be forged", () => {
    const token = issueFormToken("sign", 1_800_000_000_000);
    expect(formTokenIssuedAt(token, "sign")).toBe(1_800_000_000_000);
    expect(formTokenIssuedAt(token, "letter")).toBeNull();
    expect(formTokenIssuedAt(token.replace(/^[^.]+/, (1_700_000_000_000).toString(36)), "sign")).toBeNull();
    expect(formTokenIssuedAt(undefined, "sign")).toBeNull();
  });
});
