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

export const labels: Labels<typeof en> = { en };
