import {
  DynamoDBClient,
  PutItemCommand,
  ProvisionedThroughputExceededException,
} from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTables } from '../../workshop/testing/use-tables.js';
import { handler } from './order-api.js';

const tables = useTables('orders');

// ---- a small API Gateway (HTTP API, payload 2.0) event factory -------------

function apiEvent(
  routeKey: string,
  request: { path?: string; body?: string; isBase64Encoded?: boolean; pathParameters?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const [method = 'GET', routePath = '/'] = routeKey === '$default' ? [] : routeKey.split(' ');
  const path = request.path ?? routePath;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'orders-api',
      domainName: 'orders-api.execute-api.ap-northeast-1.amazonaws.com',
      domainPrefix: 'orders-api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'workshop-test' },
      requestId: 'request-1',
      routeKey,
      stage: '$default',
      time: '16/Feb/2018:10:30:00 +0000',
      timeEpoch: Date.UTC(2018, 1, 16, 10, 30),
    },
    isBase64Encoded: request.isBase64Encoded ?? false,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
  };
}

function postOrder(order: unknown, options: { base64?: boolean } = {}): APIGatewayProxyEventV2 {
  const json = JSON.stringify(order);
  return apiEvent('POST /orders', {
    body: options.base64 ? Buffer.from(json, 'utf8').toString('base64') : json,
    isBase64Encoded: options.base64 ?? false,
  });
}

function postRawBody(body: string | undefined, isBase64Encoded = false): APIGatewayProxyEventV2 {
  return apiEvent('POST /orders', { ...(body === undefined ? {} : { body }), isBase64Encoded });
}

function getOrder(orderId: string): APIGatewayProxyEventV2 {
  return apiEvent('GET /orders/{orderId}', { path: `/orders/${orderId}`, pathParameters: { orderId } });
}

function validOrder(overrides: Record<string, unknown> = {}) {
  return {
    customerId: 'customer-42',
    email: 'hana@example.com',
    lines: [
      { sku: 'TSHIRT-M', quantity: 2, unitPriceCents: 1250 },
      { sku: 'STICKER', quantity: 3, unitPriceCents: 99 },
    ],
    ...overrides,
  };
}

/** 2 × 1250 + 3 × 99 */
const validOrderTotalCents = 2797;

function bodyOf<T = Record<string, unknown>>(result: APIGatewayProxyStructuredResultV2): T {
  expect(result.body, 'the response should carry a JSON body').toEqual(expect.any(String));
  return JSON.parse(result.body as string) as T;
}

function contentTypeOf(result: APIGatewayProxyStructuredResultV2): unknown {
  const entry = Object.entries(result.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type');
  return entry?.[1];
}

interface Created {
  orderId: string;
  totalCents: number;
  status: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ---- POST /orders -----------------------------------------------------------

describe('POST /orders', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers 201 with { orderId, totalCents, status: PLACED } as application/json', async () => {
    const result = await handler(postOrder(validOrder()));

    expect(result.statusCode, 'POST /orders should answer 201 Created once the order is saved').toBe(201);
    expect(contentTypeOf(result), 'every answer should say content-type: application/json').toBe('application/json');
    expect(bodyOf(result)).toEqual({
      orderId: expect.stringMatching(uuidPattern),
      totalCents: validOrderTotalCents,
      status: 'PLACED',
    });
  });

  it('saves the order in the orders table (ORDERS_TABLE) with its lines, total, status and createdAt', async () => {
    vi.setSystemTime(new Date('2018-02-16T10:30:00.000Z'));

    const { orderId } = bodyOf<Created>(await handler(postOrder(validOrder())));

    expect(
      await tables.get('orders', { orderId }),
      'the order should be an item of the table named by ORDERS_TABLE, keyed by orderId — not only in memory',
    ).toEqual({
      orderId,
      customerId: 'customer-42',
      email: 'hana@example.com',
      lines: validOrder().lines,
      totalCents: validOrderTotalCents,
      status: 'PLACED',
      createdAt: '2018-02-16T10:30:00.000Z',
    });
  });

  it('totals the lines as Σ quantity × unitPriceCents in integer cents', async () => {
    const lines = [
      { sku: 'A', quantity: 3, unitPriceCents: 10 },
      { sku: 'B', quantity: 1, unitPriceCents: 20 },
      { sku: 'FREE-GIFT', quantity: 5, unitPriceCents: 0 },
      { sku: 'C', quantity: 7, unitPriceCents: 333 },
    ];

    const created = bodyOf<Created>(await handler(postOrder(validOrder({ lines }))));

    expect(created.totalCents, 'totalCents = 3×10 + 1×20 + 5×0 + 7×333').toBe(2381);
  });

  it('accepts an order without email and stores no email for it', async () => {
    const { customerId, lines } = validOrder();

    const placed = await handler(postOrder({ customerId, lines }));
    expect(placed.statusCode, 'email is optional: an order without one should answer 201').toBe(201);
    const saved = bodyOf(await handler(getOrder(bodyOf<Created>(placed).orderId)));

    expect(saved, 'the order should be readable with GET').toMatchObject({ customerId });
    expect(saved, 'an order placed without email should have no email attribute').not.toHaveProperty('email');
  });

  it('gives every order its own id', async () => {
    const first = bodyOf<Created>(await handler(postOrder(validOrder())));
    const second = bodyOf<Created>(await handler(postOrder(validOrder())));

    expect(second.orderId, 'two orders must never share an id: use crypto.randomUUID()').not.toBe(first.orderId);
  });

  it('reads a base64-encoded body (isBase64Encoded: true)', async () => {
    const result = await handler(postOrder(validOrder({ customerId: 'カスタマー-7' }), { base64: true }));

    expect(result.statusCode, 'decode the body from base64 when isBase64Encoded is true').toBe(201);
    const saved = bodyOf(await handler(getOrder(bodyOf<Created>(result).orderId)));
    expect(saved, 'the decoded order should be saved as sent').toMatchObject({ customerId: 'カスタマー-7' });
  });
});

// ---- GET /orders/{orderId} --------------------------------------------------

describe('GET /orders/{orderId}', () => {
  it('answers 200 with the saved order as JSON', async () => {
    const { orderId } = bodyOf<Created>(await handler(postOrder(validOrder())));

    const result = await handler(getOrder(orderId));

    expect(result.statusCode, 'GET /orders/{orderId} should answer 200 for an order that was placed').toBe(200);
    expect(contentTypeOf(result)).toBe('application/json');
    expect(bodyOf(result)).toEqual({
      orderId,
      customerId: 'customer-42',
      email: 'hana@example.com',
      lines: validOrder().lines,
      totalCents: validOrderTotalCents,
      status: 'PLACED',
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it('the second instance reads what the first wrote (a cold start loses nothing)', async () => {
    const { orderId } = bodyOf<Created>(await handler(postOrder(validOrder())));

    // A cold start: the module is loaded afresh, as a new execution environment would.
    vi.resetModules();
    const secondInstance = await import('./order-api.js');
    expect(secondInstance.handler, 'the test needs a freshly imported module').not.toBe(handler);
    const result = await secondInstance.handler(getOrder(orderId));

    expect(
      result.statusCode,
      'a freshly started instance must find the order another instance saved: keep orders in DynamoDB (ORDERS_TABLE), not in module memory',
    ).toBe(200);
    expect(bodyOf(result)).toMatchObject({ orderId, totalCents: validOrderTotalCents, status: 'PLACED' });
  });

  it('answers from the orders table, including orders this instance never saw', async () => {
    const order = {
      orderId: 'order-written-elsewhere',
      customerId: 'customer-7',
      lines: [{ sku: 'MUG', quantity: 1, unitPriceCents: 1800 }],
      totalCents: 1800,
      status: 'SHIPPED',
      createdAt: '2018-02-16T01:02:03.000Z',
    };
    await tables.put('orders', order);

    const result = await handler(getOrder(order.orderId));

    expect(result.statusCode, 'GET should read the order from the table (GetItem on ORDERS_TABLE)').toBe(200);
    expect(bodyOf(result)).toEqual(order);
  });

  it('answers 404 with a message for an unknown orderId', async () => {
    const result = await handler(getOrder('no-such-order'));

    expect(result.statusCode, 'an order that is not in the table should answer 404').toBe(404);
    expect(contentTypeOf(result)).toBe('application/json');
    expect(bodyOf(result)).toEqual({ message: expect.any(String) });
  });
});

// ---- invalid requests ------------------------------------------------------

describe('invalid orders', () => {
  const line = { sku: 'TSHIRT-M', quantity: 1, unitPriceCents: 1250 };

  it.each([
    { mistake: 'no customerId', order: { lines: [line] }, field: 'customerId' },
    { mistake: 'an empty customerId', order: validOrder({ customerId: '  ' }), field: 'customerId' },
    { mistake: 'a numeric customerId', order: validOrder({ customerId: 42 }), field: 'customerId' },
    { mistake: 'an email that is no address', order: validOrder({ email: 'hana-at-example' }), field: 'email' },
    { mistake: 'a numeric email', order: validOrder({ email: 42 }), field: 'email' },
    { mistake: 'no lines', order: { customerId: 'customer-42' }, field: 'lines' },
    { mistake: 'an empty lines array', order: validOrder({ lines: [] }), field: 'lines' },
    { mistake: 'lines that are not an array', order: validOrder({ lines: line }), field: 'lines' },
    { mistake: 'a line that is not an object', order: validOrder({ lines: ['TSHIRT-M'] }), field: 'lines[0]' },
    { mistake: 'a line without sku', order: validOrder({ lines: [{ quantity: 1, unitPriceCents: 100 }] }), field: 'lines[0].sku' },
    { mistake: 'an empty sku', order: validOrder({ lines: [{ ...line, sku: '' }] }), field: 'lines[0].sku' },
    { mistake: 'a line without quantity', order: validOrder({ lines: [{ sku: 'A', unitPriceCents: 100 }] }), field: 'lines[0].quantity' },
    { mistake: 'quantity 0', order: validOrder({ lines: [{ ...line, quantity: 0 }] }), field: 'lines[0].quantity' },
    { mistake: 'a negative quantity', order: validOrder({ lines: [{ ...line, quantity: -2 }] }), field: 'lines[0].quantity' },
    { mistake: 'a fractional quantity', order: validOrder({ lines: [{ ...line, quantity: 1.5 }] }), field: 'lines[0].quantity' },
    { mistake: 'a quantity given as a string', order: validOrder({ lines: [{ ...line, quantity: '2' }] }), field: 'lines[0].quantity' },
    { mistake: 'a line without unitPriceCents', order: validOrder({ lines: [{ sku: 'A', quantity: 1 }] }), field: 'lines[0].unitPriceCents' },
    { mistake: 'a negative unitPriceCents', order: validOrder({ lines: [{ ...line, unitPriceCents: -1 }] }), field: 'lines[0].unitPriceCents' },
    { mistake: 'a price in dollars, not cents', order: validOrder({ lines: [{ ...line, unitPriceCents: 12.5 }] }), field: 'lines[0].unitPriceCents' },
    { mistake: 'a bad second line', order: validOrder({ lines: [line, { ...line, quantity: 0 }] }), field: 'lines[1].quantity' },
  ])('rejects $mistake with 400 and an error naming $field, writing nothing', async ({ order, field }) => {
    const result = await handler(postOrder(order));

    expect(result.statusCode, `an order with ${field} invalid should answer 400 Bad Request`).toBe(400);
    expect(contentTypeOf(result)).toBe('application/json');
    expect(bodyOf(result), `the 400 body should be { message, errors } with one error naming "${field}"`).toEqual({
      message: expect.any(String),
      errors: [expect.stringContaining(field)],
    });
    expect(await tables.scan('orders'), 'an invalid order must not be written').toEqual([]);
  });

  it('reports every invalid field at once', async () => {
    const result = await handler(postOrder({ customerId: '', lines: [{ sku: '', quantity: 1, unitPriceCents: 0.5 }] }));

    expect(result.statusCode).toBe(400);
    const { errors } = bodyOf<{ errors: string[] }>(result);
    expect(errors, 'one error per invalid field').toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('customerId'),
        expect.stringContaining('lines[0].sku'),
        expect.stringContaining('lines[0].unitPriceCents'),
      ]),
    );
  });

  it.each([
    { problem: 'malformed JSON', event: postRawBody('{"customerId": "customer-42", "lines": [') },
    { problem: 'plain text', event: postRawBody('two t-shirts, please') },
    { problem: 'malformed JSON in a base64 body', event: postRawBody(Buffer.from('{"customerId":').toString('base64'), true) },
    { problem: 'a JSON array instead of an object', event: postRawBody('[]') },
    { problem: 'JSON null', event: postRawBody('null') },
    { problem: 'no body at all', event: postRawBody(undefined) },
  ])('answers 400 { message, errors } for $problem, writing nothing', async ({ event }) => {
    const result = await handler(event);

    expect(result.statusCode, 'a body that is not a JSON object should answer 400 Bad Request').toBe(400);
    expect(contentTypeOf(result)).toBe('application/json');
    expect(bodyOf(result), 'the 400 body should be { message, errors } with an error naming "body"').toEqual({
      message: expect.any(String),
      errors: [expect.stringContaining('body')],
    });
    expect(await tables.scan('orders'), 'nothing should be written').toEqual([]);
  });
});

// ---- routing ----------------------------------------------------------------

describe('routing', () => {
  it.each([
    { routeKey: 'GET /orders' },
    { routeKey: 'DELETE /orders/{orderId}', path: '/orders/order-1' },
    { routeKey: 'PUT /orders/{orderId}', path: '/orders/order-1' },
    { routeKey: 'GET /health' },
    { routeKey: '$default', path: '/anything' },
  ])('answers 404 to $routeKey', async ({ routeKey, path }) => {
    const event = apiEvent(routeKey, {
      ...(path === undefined ? {} : { path }),
      body: JSON.stringify(validOrder()),
    });

    const result = await handler(event);

    expect(result.statusCode, `${routeKey} is not a route of this API: answer 404`).toBe(404);
    expect(await tables.scan('orders'), 'an unknown route must not write anything').toEqual([]);
  });
});

// ---- DynamoDB faults (aws-sdk-client-mock) --------------------------------

describe('when DynamoDB is mocked', () => {
  let dynamodb: AwsClientStub<DynamoDBClient>;

  beforeEach(() => {
    dynamodb = mockClient(DynamoDBClient);
  });

  afterEach(() => {
    // The other tests of this file talk to the real (local) tables again.
    dynamodb.restore();
  });

  it('writes with a conditional PutItem, so an existing order is never overwritten', async () => {
    dynamodb.on(PutItemCommand).resolves({});

    const result = await handler(postOrder(validOrder()));

    expect(result.statusCode).toBe(201);
    const { orderId } = bodyOf<Created>(result);
    expect(dynamodb.commandCalls(PutItemCommand), 'save the order with exactly one PutItemCommand').toHaveLength(1);
    expect(
      dynamodb,
      'the PutItem should go to ORDERS_TABLE and carry a ConditionExpression (attribute_not_exists(orderId))',
    ).toHaveReceivedCommandWith(PutItemCommand, {
      TableName: tables.name('orders'),
      Item: expect.objectContaining({ orderId: { S: orderId } }),
      ConditionExpression: expect.any(String),
    });
  });

  it('lets a throttled PutItem fail the invocation (API Gateway answers 5xx) instead of answering 201', async () => {
    const throttled = new ProvisionedThroughputExceededException({
      message: 'The level of configured provisioned throughput for the table was exceeded.',
      $metadata: { httpStatusCode: 400 },
    });
    dynamodb.on(PutItemCommand).rejects(throttled);

    const outcome = await handler(postOrder(validOrder())).then(
      (result) => ({ answered: result.statusCode }),
      (error: unknown) => ({ threw: error }),
    );

    expect(
      outcome,
      'a throttled write means the order was NOT taken: let the error propagate, so Lambda reports a failed invocation (never answer 201, never swallow the error)',
    ).toEqual({ threw: expect.any(Error) });
    expect(dynamodb, 'the handler should have tried a conditional PutItem').toHaveReceivedCommandWith(PutItemCommand, {
      TableName: tables.name('orders'),
      ConditionExpression: expect.any(String),
    });
  });
});
