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

export const labels: Labels<typeof en> = { en };
