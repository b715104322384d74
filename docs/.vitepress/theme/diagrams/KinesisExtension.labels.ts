import type { Labels } from './i18n.js';

const en = {
  title: 'Slide 17: a data-transform function republishes the table\'s changes to Kinesis Data Streams',
  desc:
    'The order management function (Lambda) saves the order to the orders table. The table\'s DynamoDB stream carries ' +
    'row changes (INSERT, MODIFY, REMOVE, in DynamoDB\'s attribute-value JSON) to one data-transform function ' +
    '(Lambda), the only place that knows the table\'s format. It turns an INSERT into OrderPlaced, a MODIFY that ' +
    'moves the status to CANCELLED into OrderCancelled, and anything else into nothing, and publishes the events ' +
    'with PutRecords to Kinesis Data Streams, using the orderId as the partition key, so that one order\'s events ' +
    'stay in order. Many consumers read the Kinesis stream, each at its own position: analytics, search, ' +
    'recommendations, a fraud check, and any new one, which changes nothing upstream.',
  caption:
    'Slide 17: one more hop. The transform translates row changes into business events and publishes them to ' +
    'Kinesis, where any number of consumers can read them.',
  orderManagement: 'order management',
  lambda: 'Lambda',
  save: 'save',
  table: 'orders table',
  tableSub: 'DynamoDB',
  ddbStream: 'DynamoDB Streams',
  ddbStreamSub: 'row changes',
  ddbStreamNote: ['INSERT · MODIFY · REMOVE,', "in DynamoDB's attribute JSON"],
  transform: 'data transform',
  transformNote: ['INSERT → OrderPlaced', 'MODIFY to CANCELLED → OrderCancelled', 'anything else → nothing'],
  transformRole: ['the one place that knows', "the table's format"],
  publish: 'publish',
  publishNote: 'PutRecords · partition key: orderId',
  kinesis: 'Kinesis Data Streams',
  kinesisSub: 'versioned business events, keyed by orderId',
  read: 'each reads at its own position',
  consumers: ['analytics', 'search', 'recommendations', 'fraud check'],
  next: '+ the next one',
  nextNote: ['a new consumer', 'changes nothing upstream'],
};

const ja: typeof en = {
  title: 'スライド 17: データ変換関数が、テーブルの変更を Kinesis Data Streams にパブリッシュし直します',
  desc:
    '注文管理の関数 (Lambda) が、注文を注文テーブルに保存します。テーブルの DynamoDB ストリームは、行の変更 (INSERT、' +
    'MODIFY、REMOVE。DynamoDB の属性値形式の JSON) を 1 つのデータ変換関数 (Lambda) に運びます。テーブルの形式を' +
    '知っているのは、この関数だけです。データ変換関数は INSERT を OrderPlaced に、ステータスを CANCELLED に変える ' +
    'MODIFY を OrderCancelled に変換し、それ以外からは何も作りません。そして、1 つの注文のイベントが順序どおりに並ぶよう ' +
    'orderId をパーティションキーにして、イベントを PutRecords で Kinesis Data Streams にパブリッシュします。Kinesis の' +
    'ストリームは、多くのコンシューマーがそれぞれ自分の位置から読みます。分析、検索、レコメンデーション、不正検知、そして' +
    '新しく加わるコンシューマーです。新しいコンシューマーが加わっても、上流は何も変わりません。',
  caption:
    'スライド 17: もう 1 ホップ。変換関数が行の変更をビジネスイベントに翻訳して Kinesis にパブリッシュし、いくつの' +
    'コンシューマーでもそれを読めるようにします。',
  orderManagement: '注文管理',
  lambda: 'Lambda',
  save: '保存',
  table: '注文テーブル',
  tableSub: 'DynamoDB',
  ddbStream: 'DynamoDB Streams',
  ddbStreamSub: '行の変更',
  ddbStreamNote: ['INSERT · MODIFY · REMOVE', 'DynamoDB の属性値形式の JSON'],
  transform: 'データ変換',
  transformNote: ['INSERT → OrderPlaced', 'CANCELLED への変更 → OrderCancelled', 'それ以外 → なし'],
  transformRole: ['テーブルの形式を', '知っている唯一の場所'],
  publish: 'パブリッシュ',
  publishNote: 'PutRecords · パーティションキー: orderId',
  kinesis: 'Kinesis Data Streams',
  kinesisSub: 'バージョン付きのビジネスイベント · キーは orderId',
  read: 'それぞれが自分の位置から読む',
  consumers: ['分析', '検索', 'レコメンド', '不正検知'],
  next: '+ 次の読み手',
  nextNote: ['新しいコンシューマーは', '上流を何も変えない'],
};

export const labels: Labels<typeof en> = { en, ja };
