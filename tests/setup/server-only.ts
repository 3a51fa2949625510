// Tests import server modules directly; the "server-only" guard is meant for the Next.js bundler.
export {};
