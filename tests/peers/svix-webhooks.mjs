// Differential peer for the .NET webhook verifier: answers sign / verify requests with svix's own Webhook class.
// Usage: node svix-webhooks.mjs <requests.jsonl> <responses.jsonl>
// Each request line is one JSON object; each response line answers the request on the same line number.
//   {"op":"sign","secret":"whsec_…","id":"msg_…","timestamp":1614265330,"body":"<base64 bytes>"}
//     -> {"signature":"v1,…"} or {"error":"…"}
//   {"op":"verify","secret":"whsec_…","headers":{"svix-id":…},"body":"<base64 bytes>","now":1614265330}
//     -> {"ok":true} or {"ok":false,"error":"…"}
// svix reads the clock through Date.now(), so each verify request pins it to "now" (Unix seconds).
import { readFileSync, writeFileSync } from "node:fs";
import { Webhook } from "svix";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node svix-webhooks.mjs <requests.jsonl> <responses.jsonl>");
  process.exit(2);
}

const realNow = Date.now;
const answer = (request) => {
  const body = Buffer.from(request.body ?? "", "base64");
  if (request.op === "sign") {
    try {
      const wh = new Webhook(request.secret);
      return { signature: wh.sign(request.id, new Date(request.timestamp * 1000), body) };
    } catch (e) {
      return { error: String(e?.message ?? e) };
    }
  }
  if (request.op === "verify") {
    Date.now = () => request.now * 1000;
    try {
      new Webhook(request.secret).verify(body, request.headers);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String(e?.message ?? e) };
    } finally {
      Date.now = realNow;
    }
  }
  return { error: `unknown op ${request.op}` };
};

const lines = readFileSync(input, "utf8").split("\n").filter((line) => line.length > 0);
const answers = lines.map((line) => JSON.stringify(answer(JSON.parse(line))));
writeFileSync(output, answers.join("\n") + "\n");
