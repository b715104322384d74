/**
 * 01 · A stateless function — the order API.
 *
 * The talk (slides 3 and 9): once FaaS runs our code, we no longer own the
 * processes, so a function has to be completely stateless — any instance may
 * serve any request, and a fresh one (a cold start) may appear at any moment.
 *
 * This is the server-era version: it keeps orders in a module-level Map. That
 * works while one instance serves everything and loses every order the moment
 * a second instance answers. Your task: keep orders in DynamoDB instead — the
 * table named by the ORDERS_TABLE environment variable (read it at call time),
 * through `new DynamoDBClient({})` from '@aws-sdk/client-dynamodb' and
 * marshall/unmarshall from '@aws-sdk/util-dynamodb'. Routing and validation
 * already work.
 *
 * 01 · ステートレスな関数: 注文 API。
 *
 * 講演（スライド 3 と 9）: FaaS がコードを実行するようになると、プロセスはもう
 * 私たちのものではありません。そのため関数は完全にステートレスでなければなりません。
 * どのインスタンスがどのリクエストを処理してもよく、新しいインスタンス
 * （コールドスタート）はいつでも現れる可能性があります。
 *
 * これはサーバー時代の書き方で、注文をモジュールレベルの Map に保持しています。
 * 1 つのインスタンスがすべてを処理している間は動きますが、2 つ目のインスタンスが
 * 応答した瞬間にすべての注文が失われます。課題: 代わりに注文を DynamoDB に保持します。
 * 保存先は ORDERS_TABLE 環境変数で指定されたテーブル（呼び出し時に読み取ります）で、
 * '@aws-sdk/client-dynamodb' の `new DynamoDBClient({})` と、'@aws-sdk/util-dynamodb'
 * の marshall/unmarshall を使います。ルーティングと検証はすでに動きます。
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

interface OrderLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
}

interface OrderRequest {
  customerId: string;
  email?: string;
  lines: OrderLine[];
}

interface Order extends OrderRequest {
  orderId: string;
  totalCents: number;
  status: 'PLACED' | 'CANCELLED' | 'SHIPPED';
  createdAt: string;
}

// TODO: this Map lives and dies with one instance: the next cold start begins
// with it empty. Remove it — the orders table is the only place orders live.
// TODO(ja): この Map は 1 つのインスタンスとともに生まれ、ともに消えます。次のコールドスタートは
// 空の Map から始まります。削除してください。注文を保持する場所は注文テーブルだけです。
const orders = new Map<string, Order>();

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  switch (event.routeKey) {
    case 'POST /orders':
      return placeOrder(event);
    case 'GET /orders/{orderId}':
      return getOrder(event.pathParameters?.orderId);
    default:
      return json(404, { message: `No route for ${event.routeKey}.` });
  }
}

async function placeOrder(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const parsed = parseOrderRequest(event);
  if (!parsed.ok) return json(400, { message: parsed.message, errors: parsed.errors });

  const { customerId, email, lines } = parsed.request;
  const order: Order = {
    orderId: crypto.randomUUID(),
    customerId,
    email,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0),
    status: 'PLACED',
    createdAt: new Date().toISOString(),
  };

  // TODO: save the order with a PutItem to the table named by ORDERS_TABLE.
  // Make it a conditional write (`attribute_not_exists(orderId)`) so it can
  // never overwrite an existing order. Let errors (throttling, …) propagate.
  // TODO(ja): ORDERS_TABLE で指定されたテーブルに、PutItem で注文を保存します。
  // 条件付き書き込み（`attribute_not_exists(orderId)`）にして、既存の注文を決して
  // 上書きしないようにします。エラー（スロットリングなど）はそのまま伝播させます。
  orders.set(order.orderId, order);

  return json(201, { orderId: order.orderId, totalCents: order.totalCents, status: order.status });
}

async function getOrder(orderId: string | undefined): Promise<APIGatewayProxyStructuredResultV2> {
  if (!orderId) return json(404, { message: 'No order id given.' });
  // TODO: read the order with a GetItem from the table named by ORDERS_TABLE
  // (ConsistentRead: true), so any instance finds what any other one wrote.
  // TODO(ja): ORDERS_TABLE で指定されたテーブルから、GetItem（ConsistentRead: true）で注文を
  // 読み取ります。そうすれば、どのインスタンスも、ほかのインスタンスが書いた注文を見つけられます。
  const order = orders.get(orderId);
  if (!order) return json(404, { message: `Order ${orderId} not found.` });
  return json(200, order);
}

// ---- request parsing and validation (already done — leave as is) ----------

type Parsed =
  | { ok: true; request: OrderRequest }
  | { ok: false; message: string; errors: string[] };

function parseOrderRequest(event: APIGatewayProxyEventV2): Parsed {
  if (event.body === undefined || event.body === '') {
    return { ok: false, message: 'The request has no body.', errors: ['body: an order as JSON is required'] };
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.', errors: ['body: is not valid JSON'] };
  }
  if (!isObject(body)) {
    return { ok: false, message: 'The order is invalid.', errors: ['body: must be a JSON object'] };
  }

  const errors: string[] = [];
  const { customerId, email, lines } = body;
  if (typeof customerId !== 'string' || customerId.trim() === '') {
    errors.push('customerId: must be a non-empty string');
  }
  if (email !== undefined && (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))) {
    errors.push('email: when given, must be an e-mail address');
  }
  if (!Array.isArray(lines) || lines.length === 0) {
    errors.push('lines: must be a non-empty array');
  } else {
    lines.forEach((line: unknown, i) => errors.push(...lineErrors(line, `lines[${i}]`)));
  }
  if (errors.length > 0) return { ok: false, message: 'The order is invalid.', errors };

  const request: OrderRequest = {
    customerId: customerId as string,
    lines: (lines as OrderLine[]).map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
  };
  if (typeof email === 'string') request.email = email;
  return { ok: true, request };
}

function lineErrors(line: unknown, field: string): string[] {
  if (!isObject(line)) return [`${field}: must be an object`];
  const errors: string[] = [];
  const { sku, quantity, unitPriceCents } = line;
  if (typeof sku !== 'string' || sku.trim() === '') errors.push(`${field}.sku: must be a non-empty string`);
  if (!isSafeInteger(quantity) || quantity < 1) errors.push(`${field}.quantity: must be an integer ≥ 1`);
  if (!isSafeInteger(unitPriceCents) || unitPriceCents < 0) {
    errors.push(`${field}.unitPriceCents: must be an integer ≥ 0 (money is integer cents)`);
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
