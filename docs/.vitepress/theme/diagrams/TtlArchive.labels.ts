import type { Labels } from './i18n.js';

const en = {
  title: 'Slide 18: a TTL deletion is an event that archives the order',
  desc:
    'On day 0 the order management function (Lambda) saves an order to the orders table with a TTL attribute, ' +
    'expiresAt, set to day 90 in epoch seconds. For 90 days nobody runs anything. Some time after day 90, DynamoDB\'s ' +
    'TTL deletes the expired item in the background, at no write cost. The deletion appears on the table\'s stream ' +
    'as a REMOVE record whose userIdentity names the service principal dynamodb.amazonaws.com, and whose OldImage ' +
    'is the last copy of the order; the stream keeps it for 24 hours. The archive function (Lambda), which lets ' +
    'only TTL deletions through, writes that copy to an S3 bucket under orders/YYYY/MM/DD/<orderId>.json.',
  caption:
    'Slide 18, “the essence of serverless architecture”: save with a TTL, let DynamoDB delete the item, and archive ' +
    'it when the deletion arrives as an event. The only code that is yours is the archive function.',
  day0: 'day 0',
  dayLater: 'day 90+',
  wait: ['… 90 days:', 'nobody runs anything …'],
  orderManagement: 'order management',
  lambda: 'Lambda',
  save: 'save',
  saveNote: ['expiresAt: day 90', '(epoch seconds)'],
  table: 'orders table',
  tableSub: ['DynamoDB', 'TTL attribute: expiresAt'],
  ttl: "DynamoDB's TTL",
  ttlSub: ['deletes the expired item,', 'in the background'],
  delete: 'delete',
  deleteNote: 'no write cost',
  stream: 'stream',
  record: 'REMOVE record',
  recordSub: 'by dynamodb.amazonaws.com',
  archive: 'archive',
  archiveSub: 'Lambda · TTL deletes only',
  put: 'put',
  bucket: 'S3 bucket',
  bucketSub: 'orders/YYYY/MM/DD/…',
  note: "The record's OldImage is the order's last copy, and the stream keeps it for 24 hours.",
};

export const labels: Labels<typeof en> = { en };
