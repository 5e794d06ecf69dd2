/**
 * The two npm Confluent clients against a registry with authentication on,
 * on each backend: an auth file in the project's format holding a user
 * (password), an API token and an OIDC issuer (a local identity provider;
 * roles in the nested claim `realm_access.roles`). The user, the token and
 * OIDC principals with role `registry-writers` may read and write subjects
 * starting `orders-`. Each way of signing in registers, reads back, and runs
 * an Avro serializer/deserializer round trip on topic `orders`; wrong
 * credentials are refused with 401, a write outside the grant with 403 and
 * error code 40301, as each client reports them.
 */
import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, test } from 'node:test';
import {
  AvroDeserializer,
  AvroSerializer,
  SchemaRegistryClient,
  SerdeType,
  type ClientConfig,
} from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { hashPassword, hashSecret, randomSecret } from '../../security/passwords.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { backends } from '../support/backends.js';
import {
  LOOPBACK_ALIASES_MISSING,
  loopbackAddresses,
  OIDC_AUDIENCE,
  startIdentityProvider,
  startSecuredServer,
  type SecuredServer,
} from '../support/secured-registry.js';

const USER = 'orders-service';
const PASSWORD = 'correct horse battery staple';
const TOKEN_KEY = 'ci-orders';
const TOKEN_SECRET = randomSecret();
const WRITERS = 'registry-writers';

const idp = await startIdentityProvider();
after(() => idp.close());

const authFile = {
  users: [{ name: USER, passwordHash: await hashPassword(PASSWORD, 10) }],
  tokens: [{ key: TOKEN_KEY, secretHash: hashSecret(TOKEN_SECRET) }],
  oidc: { issuer: idp.issuer, audience: OIDC_AUDIENCE, groupsClaims: ['realm_access.roles'] },
  rules: [
    { principals: [USER, TOKEN_KEY, `group:${WRITERS}`], operations: ['read', 'write'], subjectPrefixes: ['orders-'] },
    // kafkajs's register reads the subject's compatibility first and sets it on a first registration.
    { principals: [USER], operations: ['config_read', 'config_write'], subjectPrefixes: ['orders-'] },
  ],
};

const avro = (schema: string) => ({ schemaType: 'AVRO', schema });
const record = { order_id: 'o-17', customer_id: 'c-9', quantity: 3 };

interface ErrorWithStatus {
  status?: number;
  errorCode?: number;
  message?: string;
}

/**
 * Every client connects from a loopback address of its own: the registry slows
 * down repeated authentication failures from one address (see
 * security/failure-throttle.ts), which the refusal tests would otherwise run into.
 */
const nextAddress = loopbackAddresses(20);
const ownAgent = () => new Agent({ keepAlive: true, localAddress: nextAddress() });

function confluentClient(server: SecuredServer, auth: Pick<ClientConfig, 'basicAuthCredentials' | 'bearerAuthCredentials'>): SchemaRegistryClient {
  return new SchemaRegistryClient({ baseURLs: [server.url], maxRetries: 0, createAxiosDefaults: { httpAgent: ownAgent() }, ...auth });
}

const userInfo = (info: string): Pick<ClientConfig, 'basicAuthCredentials'> => ({
  basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: info },
});

const staticToken = (token: string): Pick<ClientConfig, 'bearerAuthCredentials'> => ({
  // The client insists on a logical cluster (sent as `target-sr-cluster`) and sends the pool as
  // `Confluent-Identity-Pool-Id`; the registry ignores both.
  bearerAuthCredentials: { credentialsSource: 'STATIC_TOKEN', token, logicalCluster: 'lsrc-local', identityPoolId: 'pool-local' },
});

/**
 * What every way of signing in must manage: register a new subject of its own
 * (a write), read it back, then an auto-registering serializer and a
 * deserializer on topic `orders` (subject `orders-value`).
 */
async function registerAndRoundTrip(client: SchemaRegistryClient, label: string): Promise<void> {
  const subject = `orders-${label}-value`;
  const id = await client.register(subject, avro(customerSchema()));
  assert.ok(Number.isInteger(id) && id > 0);
  const latest = await client.getLatestSchemaMetadata(subject);
  assert.equal(latest.id, id);
  assert.equal(latest.version, 1);
  assert.equal(latest.schema, customerSchema());

  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const bytes = await serializer.serialize('orders', record);
  assert.equal(bytes[0], 0);
  const registered = await client.getLatestSchemaMetadata('orders-value');
  assert.equal(bytes.readInt32BE(1), registered.id);
  assert.deepEqual({ ...(await deserializer.deserialize('orders', bytes)) }, record);
}

async function rejectsWith(promise: Promise<unknown>, status: number, errorCode: number): Promise<ErrorWithStatus> {
  let caught: ErrorWithStatus | undefined;
  await assert.rejects(promise, (error: ErrorWithStatus) => {
    caught = error;
    return true;
  });
  assert.equal(caught?.status, status, `status of ${String(caught?.message)}`);
  assert.equal(caught?.errorCode, errorCode, `error code of ${String(caught?.message)}`);
  return caught!;
}

for (const backend of backends()) {
  describe(backend.name, { skip: backend.skip }, () => {
    let server: SecuredServer;

    before(async () => {
      server = await startSecuredServer(authFile, backend);
    });
    after(async () => {
      await server?.dispose();
    });

    describe('@confluentinc/schemaregistry', () => {
      test('basic auth with the user\'s user:password: register, latest, serializer round trip', async () => {
        await registerAndRoundTrip(confluentClient(server, userInfo(`${USER}:${PASSWORD}`)), 'user');
      });

      test('basic auth with the API token as key:secret: register, latest, serializer round trip', async () => {
        await registerAndRoundTrip(confluentClient(server, userInfo(`${TOKEN_KEY}:${TOKEN_SECRET}`)), 'token');
      });

      test('bearer auth with an OIDC JWT whose nested roles claim holds registry-writers: register and round trip', async () => {
        const jwt = await idp.token({ sub: 'keycloak-writer', realm_access: { roles: ['offline_access', WRITERS] } });
        await registerAndRoundTrip(confluentClient(server, staticToken(jwt)), 'oidc');
      });

      test('bearer auth with the API token as key.secret: register and round trip', async () => {
        await registerAndRoundTrip(confluentClient(server, staticToken(`${TOKEN_KEY}.${TOKEN_SECRET}`)), 'bearer-token');
      });

      test('wrong credentials are refused with 401, whichever method', { skip: LOOPBACK_ALIASES_MISSING }, async () => {
        const wrong = [
          userInfo(`${USER}:not the password`),
          userInfo(`${TOKEN_KEY}:${TOKEN_SECRET}x`),
          userInfo(`nobody:${PASSWORD}`),
          staticToken(`${TOKEN_KEY}.wrong-secret`),
          staticToken(await idp.token({ aud: 'another-service', realm_access: { roles: [WRITERS] } })),
        ];
        for (const auth of wrong) {
          const client = confluentClient(server, auth);
          await rejectsWith(client.register('orders-value', avro(customerSchema())), 401, 401);
          await rejectsWith(client.getLatestSchemaMetadata('orders-value'), 401, 401);
        }
      });

      test('the user registering under payments-value is refused with 403 and 40301', async () => {
        const client = confluentClient(server, userInfo(`${USER}:${PASSWORD}`));
        const error = await rejectsWith(client.register('payments-value', avro(customerSchema())), 403, 40301);
        assert.match(String(error.message), /User is denied operation Write on Subject: payments-value/);
        const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: true });
        await rejectsWith(serializer.serialize('payments', record), 403, 40301);
      });

      test('an OIDC principal without the role may not write orders- subjects (403, 40301)', async () => {
        const jwt = await idp.token({ sub: 'keycloak-reader', realm_access: { roles: ['offline_access'] } });
        await rejectsWith(confluentClient(server, staticToken(jwt)).register('orders-value', avro(customerSchema())), 403, 40301);
      });
    });

    describe('@kafkajs/confluent-schema-registry', () => {
      const kafkajs = (username: string, password: string) =>
        new SchemaRegistry({ host: server.url, auth: { username, password }, retry: { retries: 0 }, agent: ownAgent() }, { [SchemaType.AVRO]: {} });

      test('basic auth with the user: register, encode, decode', async () => {
        const registry = kafkajs(USER, PASSWORD);
        const { id } = await registry.register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'orders-kafkajs-value' });
        assert.equal(await registry.getLatestSchemaId('orders-kafkajs-value'), id);
        const encoded = await registry.encode(id, { customer_id: 'c-1', name: 'Ada' });
        assert.equal(encoded[0], 0);
        assert.equal(encoded.readInt32BE(1), id);
        // A client of its own, so the schema really comes from the registry and not from the cache.
        assert.deepEqual({ ...(await kafkajs(USER, PASSWORD).decode(encoded)) }, { customer_id: 'c-1', name: 'Ada' });
      });

      test('wrong credentials are refused with 401', { skip: LOOPBACK_ALIASES_MISSING }, async () => {
        for (const [username, password] of [
          [USER, 'not the password'],
          [TOKEN_KEY, 'not the secret'],
          ['nobody', PASSWORD],
        ] as const) {
          const registry = kafkajs(username, password);
          await assert.rejects(registry.getLatestSchemaId('orders-kafkajs-value'), (error: ErrorWithStatus & { unauthorized?: boolean }) => {
            assert.equal(error.status, 401);
            assert.equal(error.unauthorized, true);
            return true;
          });
          await assert.rejects(
            registry.register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'orders-kafkajs-value' }),
            (error: ErrorWithStatus) => error.status === 401,
          );
        }
      });

      test('the user registering under payments-value is refused with 403', async () => {
        // kafkajs reads the subject's compatibility before it registers: that is what is refused first.
        await assert.rejects(
          kafkajs(USER, PASSWORD).register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'payments-value' }),
          (error: ErrorWithStatus) => {
            assert.equal(error.status, 403);
            assert.match(String(error.message), /User is denied operation \w+ on Subject: payments-value/);
            return true;
          },
        );
      });

      test('register needs config_read besides write: the token, holding read and write only, is refused with 403', async () => {
        await assert.rejects(
          kafkajs(TOKEN_KEY, TOKEN_SECRET).register({ type: SchemaType.AVRO, schema: customerSchema() }, { subject: 'orders-kafkajs-token-value' }),
          (error: ErrorWithStatus) => {
            assert.equal(error.status, 403);
            assert.match(String(error.message), /User is denied operation ReadCompatibility on Subject: orders-kafkajs-token-value/);
            return true;
          },
        );
        // The same token decodes what the user wrote.
        const encoded = await kafkajs(USER, PASSWORD).encode(await kafkajs(USER, PASSWORD).getLatestSchemaId('orders-kafkajs-value'), {
          customer_id: 'c-2',
          name: 'Grace',
        });
        assert.deepEqual({ ...(await kafkajs(TOKEN_KEY, TOKEN_SECRET).decode(encoded)) }, { customer_id: 'c-2', name: 'Grace' });
      });
    });
  });
}
