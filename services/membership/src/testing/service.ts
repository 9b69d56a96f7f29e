import { freePort, spawnService, testInfra } from '@pasar/testkit';
import { generateSigningKeyPem } from '../tokens/keys';

/** The membership process (src/main.ts) on the real broker and FerretDB, for `*.int.test.ts`. */
export async function spawnMembership(mongoUrl: string, topicPrefix: string, keyId: string) {
  return spawnService('membership', await freePort(), {
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    MONGO_URL: mongoUrl,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: Buffer.alloc(32, 1).toString('base64') }),
    NIK_ENCRYPTION_KEY_ID: 'k1',
    TOKEN_SIGNING_KEY: generateSigningKeyPem(),
    TOKEN_KEY_ID: keyId,
    LOG_LEVEL: 'warn',
  });
}

const postJson = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** Signs in over HTTP and exchanges the session: the membership access token. */
export async function membershipTokenOf(baseUrl: string, phone: string, password: string): Promise<string> {
  const signIn = await postJson(`${baseUrl}/auth/sign-in`, { phone, password });
  if (signIn.status !== 200) throw new Error(`sign-in ${phone}: ${signIn.status} ${await signIn.text()}`);
  const { session } = (await signIn.json()) as { session: { id: string } };
  const tokens = await postJson(`${baseUrl}/auth/tokens`, { sessionId: session.id });
  return ((await tokens.json()) as { tokens: { membership: string } }).tokens.membership;
}
