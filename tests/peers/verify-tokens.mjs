// Runs @clerk/backend's verifyToken (networkless: jwtKey) on every token of a generate-tokens.mjs output, with the
// clock pinned to the file's nowMs, and writes one verdict per case.
// Usage: node verify-tokens.mjs <tokens.json> <jwtKey.pem> <verdicts.json>
//   verdicts: { "results": [ { "id", "valid", "reason", "sub" } ] }
import { readFileSync, writeFileSync } from 'node:fs';
import { verifyToken } from '@clerk/backend';

const [tokensPath, pemPath, outputPath] = process.argv.slice(2);
const { nowMs, cases } = JSON.parse(readFileSync(tokensPath, 'utf8'));
const jwtKey = readFileSync(pemPath, 'utf8');

// @clerk/backend reads the time through Date.now() (assertExpirationClaim and friends): pin it.
Date.now = () => nowMs;

const results = [];
for (const c of cases) {
  const options = { jwtKey, authorizedParties: c.authorizedParties };
  if (c.clockSkewInMs !== null) options.clockSkewInMs = c.clockSkewInMs;
  if (c.issuer !== null) options.issuer = c.issuer;
  try {
    // Depending on the path, verifyToken returns { data } / { errors } or the payload itself, and throws the rest.
    const outcome = await verifyToken(c.token, options);
    const errors = outcome?.errors;
    const payload = outcome && 'data' in outcome ? outcome.data : outcome;
    results.push(errors
      ? { id: c.id, valid: false, reason: errors[0]?.reason ?? String(errors[0]), sub: null }
      : { id: c.id, valid: true, reason: null, sub: typeof payload?.sub === 'string' ? payload.sub : null });
  } catch (error) {
    // verifyToken reports most rejections by throwing a TokenVerificationError that carries the reason.
    results.push({ id: c.id, valid: false, reason: error?.reason ?? `threw: ${error?.message ?? error}`, sub: null });
  }
}

writeFileSync(outputPath, JSON.stringify({ results }));
console.log(`verified ${results.length} tokens`);
