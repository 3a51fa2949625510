import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native parts or their own module graph stay outside the bundle.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "nodemailer", "mailparser", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
  typedRoutes: false,
  // proxy.ts sets the security headers of every route but these hashed build files (it skips them to stay off the
  // path of every script and stylesheet); they only need their declared type to be believed.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
