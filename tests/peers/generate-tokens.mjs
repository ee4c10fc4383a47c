// Generates the session tokens of the differential test (tests/Clerk.Generated.Tokens.Tests/DifferentialTests.cs).
// Usage: node generate-tokens.mjs <input.json> <output.json>
//   input:  { "nowMs": number, "kid": string, "privateKeyPem": string, "otherPrivateKeyPem": string, "seed": number }
//   output: { "cases": [ { "id", "label", "token", "authorizedParties", "clockSkewInMs", "issuer" } ] }
// Tokens are signed with jose (CompactSign, so payload bytes are exactly what each case needs); cases whose header
// is not a JSON object jose would accept (duplicate members, non-JSON) are signed with node:crypto directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { sign as rsaSign, createHmac } from 'node:crypto';
import { CompactSign, importPKCS8 } from 'jose';

const [inputPath, outputPath] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath, 'utf8'));
const { nowMs, kid, privateKeyPem, otherPrivateKeyPem, publicKeyPem } = input;
const nowS = Math.floor(nowMs / 1000);

// mulberry32: a small seeded PRNG so every run generates the same cases.
let state = input.seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];
const id32 = () => Array.from({ length: 27 }, () => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).join('');

const encoder = new TextEncoder();
const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
const keys = {};
const key = async (alg, pem = privateKeyPem) => (keys[`${alg}\n${pem}`] ??= await importPKCS8(pem, alg));

const cases = [];
const add = (label, token, options = {}) =>
  cases.push({
    id: cases.length,
    label,
    token,
    authorizedParties: options.authorizedParties ?? [],
    clockSkewInMs: options.clockSkewInMs ?? null,
    issuer: options.issuer ?? null,
  });

const header = (extra = {}) => ({ alg: 'RS256', cat: 'cl_B7d4PD111AAA', kid, typ: 'JWT', ...extra });
const joseSign = async (payloadText, protectedHeader = header(), pem = privateKeyPem) =>
  new CompactSign(encoder.encode(payloadText)).setProtectedHeader(protectedHeader).sign(await key(protectedHeader.alg, pem));
const rawSign = (headerText, payloadBytes, pem = privateKeyPem) => {
  const signingInput = `${b64(encoder.encode(headerText))}.${b64(payloadBytes)}`;
  return `${signingInput}.${b64(rsaSign('sha256', Buffer.from(signingInput), pem))}`;
};

const AZP = 'https://app.example.com';
const ISS = 'https://clerk.example.com';
const session = (overrides = {}) => ({
  azp: AZP,
  exp: nowS + 60,
  iat: nowS - 1,
  iss: ISS,
  jti: id32().slice(0, 20),
  nbf: nowS - 11,
  sid: `sess_${id32()}`,
  sts: 'active',
  sub: `user_${id32()}`,
  ...overrides,
});
const json = (o) => JSON.stringify(o);

// 1. Valid v1 and v2 sessions with varied content: organizations, actors, factor ages, custom and unicode claims.
for (let i = 0; i < 120; i++) {
  const claims = session({ fva: [Math.floor(random() * 100), pick([-1, 5])] });
  if (random() < 0.5) Object.assign(claims, { org_id: `org_${id32()}`, org_slug: 'acme', org_role: 'org:admin', org_permissions: ['org:invoices:read'] });
  if (random() < 0.2) claims.act = { sub: `user_${id32()}`, iss: 'https://dashboard.clerk.com', sid: `sess_${id32()}` };
  if (random() < 0.3) claims.meta = { name: 'Zoë ✓ "quoted" \\ slash', tags: ['a', 'b'], n: i };
  add('valid/v1', await joseSign(json(claims)), { authorizedParties: pick([[], [AZP], [AZP, 'http://localhost:3000']]) });
}
for (let i = 0; i < 120; i++) {
  const claims = session({ v: 2, fea: 'o:invoices,u:dashboard,ou:reports', pla: 'u:pro' });
  if (random() < 0.6) claims.o = { id: `org_${id32()}`, slg: 'acme', rol: 'admin', per: 'read,write', fpm: '3,1' };
  if (random() < 0.3) delete claims.sts;
  if (random() < 0.3) claims.sts = 'pending';
  add('valid/v2', await joseSign(json(claims)), { authorizedParties: pick([[], [AZP]]), clockSkewInMs: pick([null, 0, 1000, 60000]) });
}
// Optional claims left out: only sub and exp are required by both verifiers.
for (const omit of [['iat'], ['nbf'], ['iat', 'nbf'], ['azp'], ['sid'], ['iss'], ['jti'], ['sts'], ['azp', 'iss', 'sid', 'jti', 'sts', 'iat', 'nbf']]) {
  const claims = session();
  for (const name of omit) delete claims[name];
  add(`valid/without-${omit.join('-')}`, await joseSign(json(claims)));
}
// Header kid is irrelevant with a PEM key (one key per instance): an unknown kid still verifies with it.
add('valid/unknown-kid-with-pem-key', await joseSign(json(session()), header({ kid: 'ins_some_other_kid' })));
add('valid/without-cat', await joseSign(json(session()), { alg: 'RS256', kid, typ: 'JWT' }));
add('valid/without-typ', await joseSign(json(session()), { alg: 'RS256', kid }));
add('valid/cat-ignored-category', await joseSign(json(session()), header({ cat: 'cl_I7d4PD111III' })));
add('valid/extra-header-members', await joseSign(json(session()), header({ x5t: 'abc', jku: 'https://evil.example/jwks' })));

// 2. Times at and around every boundary, for several clock skews (null = the 5 s default). "now" is not a whole
//    second, so both sides must compare in milliseconds.
for (const skew of [null, 0, 500, 1500, 5000, 60000]) {
  const skewS = Math.ceil((skew ?? 5000) / 1000);
  for (let offset = -skewS - 3; offset <= skewS + 3; offset++) {
    add('time/exp', await joseSign(json(session({ exp: nowS + offset, iat: nowS - 120, nbf: nowS - 130 }))), { clockSkewInMs: skew });
    add('time/nbf', await joseSign(json(session({ nbf: nowS + offset, iat: nowS - 120 }))), { clockSkewInMs: skew });
    add('time/iat', await joseSign(json(session({ iat: nowS + offset, nbf: nowS - 130 }))), { clockSkewInMs: skew });
  }
}
add('time/exp-zero', await joseSign(json(session({ exp: 0 }))));
add('time/exp-negative', await joseSign(json(session({ exp: -1 }))));
add('time/nbf-far-future', await joseSign(json(session({ nbf: nowS + 86400 * 365 }))));
add('time/exp-far-future', await joseSign(json(session({ exp: nowS + 86400 * 365 * 50 }))));

// 3. Authorized parties: configured (azp must be present and listed) or not (anything goes).
for (const [azp, parties] of [
  [AZP, [AZP]], [AZP, ['http://localhost:3000', AZP]], ['https://evil.example.com', [AZP]], [undefined, [AZP]], ['', [AZP]],
  ['https://APP.example.com', [AZP]], [AZP + '/', [AZP]], ['https://app.example.com.evil.com', [AZP]], [AZP, []],
  ['https://evil.example.com', []], [undefined, []], ['', []],
]) {
  for (let i = 0; i < 4; i++) {
    const claims = session();
    if (azp === undefined) delete claims.azp; else claims.azp = azp;
    add('azp', await joseSign(json(claims)), { authorizedParties: parties });
  }
}

// 4. Issuer pinning.
for (const [iss, pinned] of [[ISS, ISS], ['https://evil.example.com', ISS], [undefined, ISS], [ISS + '/', ISS], ['https://evil.example.com', null]]) {
  for (let i = 0; i < 3; i++) {
    const claims = session();
    if (iss === undefined) delete claims.iss; else claims.iss = iss;
    add('iss', await joseSign(json(claims)), { issuer: pinned });
  }
}

// 5. Signatures: another key, tampering after signing, truncation.
for (let i = 0; i < 40; i++) add('sig/wrong-key', await joseSign(json(session()), header(), otherPrivateKeyPem));
for (let i = 0; i < 40; i++) {
  const [h, p, s] = (await joseSign(json(session()))).split('.');
  const kind = i % 4;
  if (kind === 0) add('sig/payload-swapped', `${h}.${b64(encoder.encode(json(session())))}.${s}`);
  if (kind === 1) { const sig = Buffer.from(s, 'base64url'); sig[i % sig.length] ^= 0x40; add('sig/bit-flipped', `${h}.${p}.${b64(sig)}`); }
  if (kind === 2) add('sig/truncated', `${h}.${p}.${b64(Buffer.from(s, 'base64url').subarray(1))}`);
  if (kind === 3) add('sig/header-swapped', `${b64(encoder.encode(json(header({ kid: 'other' }))))}.${p}.${s}`);
}
add('sig/empty', (await joseSign(json(session()))).split('.').slice(0, 2).join('.') + '.');

// 6. Algorithms.
const payload = () => json(session());
for (let i = 0; i < 5; i++) {
  add('alg/none', `${b64(encoder.encode(json(header({ alg: 'none' }))))}.${b64(encoder.encode(payload()))}.`);
  const hsInput = `${b64(encoder.encode(json(header({ alg: 'HS256' }))))}.${b64(encoder.encode(payload()))}`;
  add('alg/HS256-with-public-key', `${hsInput}.${b64(createHmac('sha256', publicKeyPem).update(hsInput).digest())}`);
  add('alg/RS384', await joseSign(payload(), header({ alg: 'RS384' })));
  add('alg/RS512', await joseSign(payload(), header({ alg: 'RS512' })));
  add('alg/PS256', await joseSign(payload(), header({ alg: 'PS256' })));
  add('alg/RS256-label-on-RS512-signature', (() => {
    const signingInput = `${b64(encoder.encode(json(header())))}.${b64(encoder.encode(payload()))}`;
    return `${signingInput}.${b64(rsaSign('sha512', Buffer.from(signingInput), privateKeyPem))}`;
  })());
  add('alg/missing', rawSign(json({ kid, typ: 'JWT' }), encoder.encode(payload())));
  add('alg/lowercase', rawSign(json(header({ alg: 'rs256' })), encoder.encode(payload())));
}

// 7. Headers.
for (let i = 0; i < 4; i++) {
  add('header/typ-at+jwt', await joseSign(payload(), header({ typ: 'at+jwt' })));
  add('header/typ-lowercase', await joseSign(payload(), header({ typ: 'jwt' })));
  add('header/cat-m2m', await joseSign(payload(), header({ cat: 'cl_B7d4PD333AAA' })));
  add('header/cat-unknown', await joseSign(payload(), header({ cat: 'cl_X0000000000XXX' })));
  add('header/kid-missing', await joseSign(payload(), { alg: 'RS256', typ: 'JWT' }));
  add('header/crit', rawSign(json({ ...header(), crit: ['exp'], exp: 1 }), encoder.encode(payload())));
  add('header/duplicate-alg-none-last', rawSign(`{"alg":"RS256","kid":"${kid}","alg":"none"}`, encoder.encode(payload())));
  add('header/duplicate-alg-rs256-last', rawSign(`{"alg":"none","kid":"${kid}","alg":"RS256"}`, encoder.encode(payload())));
  add('header/not-json', rawSign('RS256', encoder.encode(payload())));
  add('header/array', rawSign(`[${json(header())}]`, encoder.encode(payload())));
}

// 8. Payloads.
const text = (s) => encoder.encode(s);
for (let i = 0; i < 4; i++) {
  const c = session();
  const rest = json({ ...c, sub: undefined, exp: undefined }).slice(1, -1);
  add('payload/exp-string', rawSign(json(header()), text(json({ ...c, exp: String(c.exp) }))));
  add('payload/exp-fraction', rawSign(json(header()), text(json({ ...c, exp: c.exp + 0.5 }))));
  add('payload/exp-exponent-notation', rawSign(json(header()), text(`{"sub":"${c.sub}","exp":${c.exp / 1e9}e9}`)));
  add('payload/exp-huge', rawSign(json(header()), text(json({ ...c, exp: 1e20 }))));
  add('payload/exp-null', rawSign(json(header()), text(json({ ...c, exp: null }))));
  add('payload/exp-missing', rawSign(json(header()), text(json({ ...c, exp: undefined }))));
  add('payload/nbf-string', rawSign(json(header()), text(json({ ...c, nbf: String(c.nbf) }))));
  add('payload/iat-bool', rawSign(json(header()), text(json({ ...c, iat: true }))));
  add('payload/sub-missing', rawSign(json(header()), text(json({ ...c, sub: undefined }))));
  add('payload/sub-number', rawSign(json(header()), text(json({ ...c, sub: 42 }))));
  add('payload/sub-empty', rawSign(json(header()), text(json({ ...c, sub: '' }))));
  add('payload/sid-number', rawSign(json(header()), text(json({ ...c, sid: 7 }))));
  add('payload/azp-number-unconfigured', rawSign(json(header()), text(json({ ...c, azp: 7 }))));
  add('payload/duplicate-sub', rawSign(json(header()), text(`{"sub":"user_a","exp":${c.exp},"sub":"user_b"}`)));
  add('payload/duplicate-exp-expired-last', rawSign(json(header()), text(`{"sub":"user_a","exp":${c.exp},"exp":${nowS - 3600}}`)));
  add('payload/duplicate-exp-valid-last', rawSign(json(header()), text(`{"sub":"user_a","exp":${nowS - 3600},"exp":${c.exp}}`)));
  add('payload/array', rawSign(json(header()), text(`[${json(c)}]`)));
  add('payload/not-json', rawSign(json(header()), text('user_123')));
  add('payload/trailing-garbage', rawSign(json(header()), text(json(c) + 'x')));
  add('payload/deep-nesting', rawSign(json(header()), text(`{"sub":"user_a","exp":${c.exp},"x":${'['.repeat(64)}${']'.repeat(64)}}`)));
  add('payload/invalid-utf8', rawSign(json(header()), Buffer.concat([text(`{"sub":"user_`), Buffer.from([0xc3, 0x28]), text(`","exp":${c.exp}}`)])));
  add('payload/bom', rawSign(json(header()), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(json(c))])));
  add('payload/escaped-names', rawSign(json(header()), text(`{"\\u0073ub":"user_esc","\\u0065xp":${c.exp}${rest ? ',' + rest : ''}}`)));
}

// 9. Compact serialization.
for (let i = 0; i < 3; i++) {
  const token = await joseSign(payload());
  const [h, p, s] = token.split('.');
  add('format/two-segments', `${h}.${p}`);
  add('format/four-segments', `${token}.${s}`);
  add('format/empty', '');
  add('format/whitespace-inside', `${h}. ${p}.${s}`);
  add('format/bearer-prefix', `Bearer ${token}`);
  add('format/standard-base64', `${h}.${p}.${Buffer.from(s, 'base64url').toString('base64').replace(/=+$/, '')}`);
  add('format/padded-signature', `${h}.${p}.${s}==`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  add('format/non-canonical-signature-bits', `${h}.${p}.${s.slice(0, -1)}${alphabet[alphabet.indexOf(s.at(-1)) | 1]}`);
  add('format/machine-token-prefix', `mt_${id32()}`);
  add('format/api-key-prefix', `ak_${id32()}`);
}

writeFileSync(outputPath, JSON.stringify({ nowMs, cases }));
console.log(`generated ${cases.length} tokens`);
