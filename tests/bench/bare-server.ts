// The baseline for the sign benchmark: plain node:http + pg doing the same insert per POST, nothing else.
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const campaignId = process.env.CAMPAIGN_ID!;
const port = Number(process.env.PORT);

createServer((req, res) => {
  if (req.method !== "POST") return void res.writeHead(405).end();
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      await pool.query(
        `INSERT INTO signature (id, campaign_id, email, email_key, name, country, locale) VALUES ($1, $2, $3, $4, $5, $6, 'en')
         ON CONFLICT (campaign_id, email_key) DO NOTHING`,
        [randomUUID(), campaignId, body.email, String(body.email).toLowerCase(), body.name, body.country],
      );
      res.writeHead(202, { "content-type": "application/json" }).end('{"status":"pending_confirmation"}');
    } catch {
      res.writeHead(500).end();
    }
  });
}).listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));
