import { describe, expect, it } from "vitest";
import { disposableDomainOf, disposableDomains } from "@/lib/integrity/signals/disposable-domain";

describe("disposableDomainOf", () => {
  it.each([
    ["someone@mailinator.com", "mailinator.com"],
    ["Someone@MAILINATOR.COM", "mailinator.com"],
    ["x@a.b.guerrillamail.com", "guerrillamail.com"],
    ["yopmail.fr", "yopmail.fr"],
    ["yopmail.fr.", "yopmail.fr"],
    ["a@sub.10minutemail.com", "10minutemail.com"],
  ])("%s is disposable (%s)", (input, listed) => {
    expect(disposableDomainOf(input)).toBe(listed);
  });

  it.each([
    "someone@gmail.com",
    "x@naver.com",
    "x@mailinator.com.example.org",
    "x@evilmailinator.com",
    "x@com",
    "",
    "no-at-sign",
    "x@",
  ])("%s is not", (input) => {
    expect(disposableDomainOf(input)).toBeNull();
  });

  it("ships a list of a few hundred lower-case domains, without duplicates", () => {
    expect(disposableDomains.length).toBeGreaterThan(300);
    expect(new Set(disposableDomains).size).toBe(disposableDomains.length);
    for (const d of disposableDomains) expect(d).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
  });
});
