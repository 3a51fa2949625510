// An SMTP server that accepts and discards mail, counting messages: the sink both delivery paths send to.
import { SMTPServer } from "smtp-server";
import { createServer } from "node:http";

let count = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      count++;
      callback(null);
    });
  },
});
smtp.listen(Number(process.env.SMTP_PORT), "127.0.0.1");
// GET / answers the number of messages received so far.
createServer((_req, res) => res.end(String(count))).listen(Number(process.env.COUNT_PORT), "127.0.0.1");
