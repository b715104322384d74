/**
 * Runs before every test file. It makes the environment look like a Lambda
 * function's — region, credentials, table endpoint — but every value points at
 * this machine, so nothing a test does can reach AWS.
 */
import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, expect, inject } from 'vitest';
import { installNetworkGuard, takeBlockedConnections } from './network-guard.js';

process.env.AWS_REGION = 'ap-northeast-1';
// Static dummy credentials: the SDK never goes looking for real ones
// (and never probes the instance metadata address).
process.env.AWS_ACCESS_KEY_ID = 'AKIDLOCALWORKSHOP';
process.env.AWS_SECRET_ACCESS_KEY = 'local-workshop-secret';
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.AWS_ENDPOINT_URL_DYNAMODB = inject('dynamoEndpoint');

installNetworkGuard();

afterEach(() => {
  const blocked = takeBlockedConnections();
  expect(blocked.map((error) => error.message), 'the code under test tried to leave this machine').toEqual([]);
});
