import { load, signBody } from "/work/main/tests/bench/support";
const [url, method, secs, conns] = process.argv.slice(2);
const r = await load(url!, { method: (method as "GET" | "POST") ?? "GET", body: method === "POST" ? signBody("x" + Date.now()) : undefined, seconds: Number(secs ?? 10), connections: Number(conns ?? 50) });
console.log(JSON.stringify(r));
