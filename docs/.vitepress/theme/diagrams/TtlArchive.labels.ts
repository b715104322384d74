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

const ja: typeof en = {
  title: 'スライド 18: TTL による削除はイベントになり、注文をアーカイブします',
  desc:
    '0 日目に、注文管理の関数 (Lambda) が注文を注文テーブルに保存し、TTL 属性 expiresAt に 90 日目をエポック秒で' +
    '設定します。90 日間、誰も何も実行しません。90 日目を過ぎてしばらくすると、DynamoDB の TTL が期限切れの項目を' +
    'バックグラウンドで、書き込みコストなしに削除します。削除はテーブルのストリームに REMOVE レコードとして現れます。' +
    'その userIdentity はサービスプリンシパル dynamodb.amazonaws.com を示し、OldImage は注文の最後のコピーです。' +
    'ストリームはこのレコードを 24 時間保持します。TTL による削除だけを通すアーカイブ関数 (Lambda) が、そのコピーを ' +
    'S3 バケットの orders/YYYY/MM/DD/<orderId>.json に書き込みます。',
  caption:
    'スライド 18「サーバーレスアーキテクチャの真髄」: TTL を付けて保存し、項目の削除は DynamoDB に任せ、削除が' +
    'イベントとして届いたらアーカイブします。自分で書くコードはアーカイブ関数だけです。',
  day0: '0 日目',
  dayLater: '90 日目〜',
  wait: ['… 90 日間、', '誰も何も実行しない …'],
  orderManagement: '注文管理',
  lambda: 'Lambda',
  save: '保存',
  saveNote: ['expiresAt: 90 日目', '(エポック秒)'],
  table: '注文テーブル',
  tableSub: ['DynamoDB', 'TTL 属性: expiresAt'],
  ttl: 'DynamoDB の TTL',
  ttlSub: ['期限切れの項目を', 'バックグラウンドで削除'],
  delete: '削除',
  deleteNote: '書き込みコストなし',
  stream: 'ストリーム',
  record: 'REMOVE レコード',
  recordSub: 'dynamodb.amazonaws.com による',
  archive: 'アーカイブ',
  archiveSub: 'Lambda · TTL 削除のみ',
  put: '保存',
  bucket: 'S3 バケット',
  bucketSub: 'orders/YYYY/MM/DD/…',
  note: 'レコードの OldImage が注文の最後のコピーで、ストリームはそれを 24 時間保持します。',
};

export const labels: Labels<typeof en> = { en, ja };
