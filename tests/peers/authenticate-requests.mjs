// Runs @clerk/backend's authenticateRequest (networkless: jwtKey; the Backend API, for handshake nonces, is a stub on
// loopback) on every request scenario of a batch, with the clock pinned, and writes one outcome per scenario.
// Usage: node authenticate-requests.mjs <scenarios.json> <outcomes.json>
//   scenarios: { nowMs, jwtKey, secretKey, apiUrl, scenarios: [ { id, options, request: { method, url, headers: [[name, value]] } } ] }
//   outcomes:  { results: [ { id, status, reason, location, setCookies, signedInAfterToAuth, threw } ] }
import { readFileSync, writeFileSync } from 'node:fs';
import { createClerkClient } from '@clerk/backend';

const [scenariosPath, outputPath] = process.argv.slice(2);
const { nowMs, jwtKey, secretKey, apiUrl, scenarios } = JSON.parse(readFileSync(scenariosPath, 'utf8'));

// authenticateRequest reads the time through Date.now() (token claims, expired suffixed cookies): pin it.
Date.now = () => nowMs;
// Clerk logs redirect loops and handshake failures; the outcome is what is compared.
console.log = () => {};
console.error = () => {};
console.warn = () => {};

const clients = new Map();
function clientFor(publishableKey) {
  if (!clients.has(publishableKey)) {
    clients.set(publishableKey, createClerkClient({ secretKey, publishableKey, jwtKey, apiUrl }));
  }
  return clients.get(publishableKey);
}

const results = [];
for (const s of scenarios) {
  const { options, request } = s;
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.append(name, value);
  const req = new Request(request.url, { method: request.method, headers });
  const authOptions = { ...options, jwtKey, secretKey };
  try {
    const state = await clientFor(options.publishableKey).authenticateRequest(req, authOptions);
    const auth = state.status === 'signed-in' ? state.toAuth() : null;
    results.push({
      id: s.id,
      status: state.status,
      reason: state.reason ?? null,
      location: state.headers.get('location'),
      setCookies: state.headers.getSetCookie(),
      signedInAfterToAuth: !!auth && (!!auth.userId || (auth.tokenType !== 'session_token' && auth.isAuthenticated === true)),
      threw: null,
    });
  } catch (error) {
    results.push({ id: s.id, status: 'threw', reason: null, location: null, setCookies: [], signedInAfterToAuth: false, threw: String(error?.message ?? error).slice(0, 200) });
  }
}

writeFileSync(outputPath, JSON.stringify({ results }));
console.info(`authenticated ${results.length} requests`);
