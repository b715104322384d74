import type { Labels } from './i18n.js';

const en = {
  title: 'Slide 16: the orders table\'s DynamoDB stream invokes three functions',
  desc:
    'An HTTP request, POST /orders, invokes the order management function (Lambda). Its one job is to save the order ' +
    'to the orders table in DynamoDB. DynamoDB Streams records every change to the table, in order per item, and ' +
    'keeps each record for 24 hours. Through the stream, Lambda invokes three functions with batches of records: ' +
    'shipping reservation, sales aggregation and inventory management. Nobody calls publish: the write is the event.',
  caption:
    'Slide 16: the order-management function only saves; the table\'s stream invokes the three subscribers. On AWS, ' +
    'no more than two functions should read one shard of a table\'s stream (see “How many readers can a stream take?”).',
  request: 'POST /orders',
  requestSub: 'HTTP',
  orderManagement: 'order management',
  lambda: 'Lambda',
  save: 'save',
  table: 'orders table',
  tableSub: 'DynamoDB',
  change: 'INSERT · MODIFY · REMOVE',
  stream: 'DynamoDB Streams',
  streamSub: 'every change, in order per item · kept 24 h',
  streamEdge: 'stream',
  subscribers: ['shipping reservation', 'sales aggregation', 'inventory management'],
};

const ja: typeof en = {
  title: 'スライド 16: 注文テーブルの DynamoDB ストリームが 3 つの関数を呼び出します',
  desc:
    'HTTP リクエスト POST /orders が、注文管理の関数 (Lambda) を呼び出します。この関数の仕事は、注文を DynamoDB の' +
    '注文テーブルに保存することだけです。DynamoDB Streams はテーブルへのすべての変更を項目ごとに順序どおり記録し、' +
    '各レコードを 24 時間保持します。Lambda はストリームを通して、配送手配、売上集計、在庫管理の 3 つの関数を' +
    'レコードのバッチで呼び出します。誰も publish を呼びません。書き込みそのものがイベントです。',
  caption:
    'スライド 16: 注文管理の関数は保存するだけで、3 つのサブスクライバーを呼び出すのはテーブルのストリームです。AWS では、' +
    'テーブルのストリームの 1 つのシャードを読む関数は 2 つまでにすべきです (「ストリームの読み手はいくつまで増やせるか」を参照)。',
  request: 'POST /orders',
  requestSub: 'HTTP',
  orderManagement: '注文管理',
  lambda: 'Lambda',
  save: '保存',
  table: '注文テーブル',
  tableSub: 'DynamoDB',
  change: 'INSERT · MODIFY · REMOVE',
  stream: 'DynamoDB Streams',
  streamSub: 'すべての変更を項目ごとに順序どおり記録 · 24 時間保持',
  streamEdge: 'ストリーム',
  subscribers: ['配送手配', '売上集計', '在庫管理'],
};

export const labels: Labels<typeof en> = { en, ja };
