// Fuzzing better-auth's handler (/api/auth/*) as we mount it: sign-in and sign-up bodies, session cookies and
// paths. Its answers are its own (not our error contract), so the property is only: never a 5xx, and a JSON answer
// is valid JSON. Seed and runs: fuzz/config.ts.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { closeDb } from "@/lib/infra/db";
import { stopBoss } from "@/lib/infra/queue/boss";
import { acceptLanguage, contentType, fieldValue, mutated, rawBody, wrongType } from "./fuzz/arbitraries";
import { fuzz, fuzzTimeout } from "./fuzz/config";
import { request } from "./fuzz/contract";
import { appOrigin, createOrganization, createOrganizer, freshIp, password } from "./organizer-helpers";

afterAll(async () => {
  await stopBoss();
  await closeDb();
});

async function expectNo5xx(res: Response) {
  const text = await res.text();
  expect(res.status, `5xx answer: ${text.slice(0, 300)}`).toBeLessThan(500);
  if ((res.headers.get("content-type") ?? "").includes("json") && text) expect(() => JSON.parse(text)).not.toThrow();
  return res.status;
}

const email = fc.oneof(
  fc.constantFrom("a@example.test", "가@나.한국", "x@example.test\u0000", " A@Example.TEST "),
  fieldValue(254),
);
const signInBody = fc.record({
  email: fc.constant("a@example.test"),
  password: fc.constant(password),
  rememberMe: fc.boolean(),
  callbackURL: fc.constantFrom("/ko/admin", "https://evil.example/"),
});
const signInFields = {
  email,
  password: fc.oneof(
    fieldValue(300),
    fc.constantFrom("\u0000".repeat(12), "비밀번호비밀번호비밀번호", "😀".repeat(200)),
  ),
  rememberMe: fieldValue(),
  callbackURL: fieldValue(2000),
};
const paths = fc.oneof(
  fc.constantFrom(
    "sign-in/email",
    "sign-up/email",
    "sign-out",
    "get-session",
    "list-sessions",
    "reset-password",
    "sign-in/social",
    "ok",
    "error",
    "",
    "..",
    "sign-in/%00",
    "%E0%A4%A",
  ),
  fc.stringMatching(/^[a-zA-Z0-9\-._~%/]{0,60}$/),
);
const cookie = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[\x21-\x7e]{0,200}$/).map((v) => `open-letters.session_token=${v}`),
);

describe("fuzz: better-auth at /api/auth/*", () => {
  it(
    "answers any sign-in body (raw, malformed, wrong types, hostile Unicode) without a 5xx",
    async () => {
      const organization = await createOrganization();
      const { email: known } = await createOrganizer(organization.id);
      await fuzz(
        fc.asyncProperty(
          fc.oneof(
            mutated(signInBody, signInFields).map((v) => JSON.stringify(v).replaceAll("a@example.test", known)),
            rawBody(signInBody, 16 * 1024),
          ),
          contentType,
          acceptLanguage,
          async (body, type, lang) => {
            const headers = { origin: appOrigin, "x-forwarded-for": freshIp(), "accept-language": lang };
            await expectNo5xx(
              await authPost(request("POST", "/api/auth/sign-in/email", { body, contentType: type, headers })),
            );
          },
        ),
        2,
      );
    },
    fuzzTimeout(2),
  );

  it(
    "answers sign-up (disabled), unknown paths, garbage cookies and origins without a 5xx",
    async () => {
      await fuzz(
        fc.asyncProperty(
          fc.constantFrom("GET", "POST"),
          paths,
          cookie,
          fc.constantFrom(appOrigin, undefined, "http://evil.example", "null"),
          fc.option(
            fc.oneof(
              mutated(signInBody, { ...signInFields, name: fieldValue(100) }).map((v) => JSON.stringify(v)),
              wrongType.map((v) => JSON.stringify(v)),
            ),
            { nil: undefined },
          ),
          async (method, path, cookieHeader, origin, body) => {
            const headers: Record<string, string> = { "x-forwarded-for": freshIp() };
            if (cookieHeader) headers.cookie = cookieHeader;
            if (origin) headers.origin = origin;
            const sent =
              method === "POST" && body !== undefined
                ? { body, contentType: "application/json", headers }
                : { headers };
            const handler = method === "GET" ? authGet : authPost;
            await expectNo5xx(await handler(request(method, `/api/auth/${path}`, sent)));
          },
        ),
        2,
      );
    },
    fuzzTimeout(2),
  );

  it(
    "refuses sign-up with any body: organizers join by invitation only",
    async () => {
      await fuzz(
        fc.asyncProperty(
          mutated(
            fc.record({
              email: fc.constant("new@example.test"),
              password: fc.constant(password),
              name: fc.constant("새 조직자"),
            }),
            { email, password: fieldValue(300), name: fieldValue(100) },
          ),
          async (input) => {
            const res = await authPost(
              request("POST", "/api/auth/sign-up/email", {
                body: JSON.stringify(input),
                contentType: "application/json",
                headers: { origin: appOrigin, "x-forwarded-for": freshIp() },
              }),
            );
            const status = await expectNo5xx(res);
            expect(status).toBeGreaterThanOrEqual(400);
          },
        ),
      );
    },
    fuzzTimeout(),
  );
});
