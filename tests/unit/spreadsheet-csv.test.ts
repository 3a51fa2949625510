// The pass that turns Postgres' CSV into the organizers' CSV, fed the same bytes cut at every place a chunk could
// end: the quote state, a cell's start and a quoted cell's first character carry across chunks.
import { Readable } from "node:stream";
import { spreadsheetCsv } from "@/lib/exports/spreadsheet-csv";

async function through(chunks: Buffer[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(spreadsheetCsv())) out.push(chunk as Buffer);
  return Buffer.concat(out).toString("utf8");
}

// As COPY writes them: LF record ends; a cell with a comma, quote, CR or LF quoted, its quotes doubled.
const copied = [
  "name,email,region\n",
  "=1+1,+x@example.test,-CA\n",
  "@SUM(A1),\tTab,\n",
  '"=HYPERLINK(""http://evil"")","\rCR",""""\n',
  '"Kim, ""Ji"" Min\nSecond line",김정은,😀\n',
  ',,"-a,b"\n',
  "plain,it's,a-b=c\n",
].join("");

const expected = [
  "name,email,region\r\n",
  "'=1+1,'+x@example.test,'-CA\r\n",
  "'@SUM(A1),'\tTab,\r\n",
  '"\'=HYPERLINK(""http://evil"")","\'\rCR",""""\r\n',
  '"Kim, ""Ji"" Min\nSecond line",김정은,😀\r\n',
  ',,"\'-a,b"\r\n',
  "plain,it's,a-b=c\r\n",
].join("");

describe("spreadsheetCsv", () => {
  it("neutralises formula cells, quoted or not, and ends records with CRLF but leaves line breaks in cells", async () => {
    expect(await through([Buffer.from(copied)])).toBe(expected);
  });

  it("gives the same bytes however the input is cut into chunks", async () => {
    const bytes = Buffer.from(copied);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await through([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(expected);
    }
    expect(await through([...bytes].map((b) => Buffer.from([b])))).toBe(expected);
  });
});
