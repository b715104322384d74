import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStreamBuilder } from '../testing/stream-events.js';
import { InvalidFilterPatternError } from './errors.js';
import { matchesAny, parseFilterCriteria } from './filter-pattern.js';

const stream = createStreamBuilder();
const placed = { orderId: 'o-1', status: 'PLACED', email: 'a@example.com', tags: ['gift', 'rush'] };
const insert = stream.insert(placed);
const cancel = stream.modify(placed, { ...placed, status: 'CANCELLED' });
const userDelete = stream.remove(placed);
const ttlDelete = stream.ttlExpiry(placed);
const withoutEmail = stream.insert({ orderId: 'o-2', status: 'PLACED' });

const patternsOf = (...patterns: object[]) => parseFilterCriteria({ Filters: patterns.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) });
const matching = (...patterns: object[]) => {
  const parsed = patternsOf(...patterns);
  const named = { insert, cancel, userDelete, ttlDelete, withoutEmail };
  return Object.entries(named)
    .filter(([, record]) => matchesAny(parsed, record))
    .map(([name]) => name);
};

describe('filter patterns on stream records', () => {
  it.each([
    ['exact values (any of)', { eventName: ['INSERT', 'REMOVE'] }, ['insert', 'userDelete', 'ttlDelete', 'withoutEmail']],
    ['nested fields of the new image', { dynamodb: { NewImage: { status: { S: ['CANCELLED'] } } } }, ['cancel']],
    ['prefix', { dynamodb: { Keys: { orderId: { S: [{ prefix: 'o-2' }] } } } }, ['withoutEmail']],
    ['suffix', { dynamodb: { NewImage: { email: { S: [{ suffix: '@example.com' }] } } } }, ['insert', 'cancel']],
    ['equals-ignore-case', { dynamodb: { NewImage: { status: { S: [{ 'equals-ignore-case': 'cancelled' }] } } } }, ['cancel']],
    ['anything-but', { eventName: [{ 'anything-but': ['INSERT'] }] }, ['cancel', 'userDelete', 'ttlDelete']],
    ['anything-but a prefix', { dynamodb: { NewImage: { status: { S: [{ 'anything-but': { prefix: 'CANC' } }] } } } }, ['insert', 'withoutEmail']],
    ['exists: false', { dynamodb: { NewImage: { email: [{ exists: false }] } } }, ['userDelete', 'ttlDelete', 'withoutEmail']],
    ['exists: true', { dynamodb: { OldImage: [{ exists: true }] } }, ['cancel', 'userDelete', 'ttlDelete']],
    ['a member of a list', { dynamodb: { NewImage: { tags: { L: { S: ['rush'] } } } } }, ['insert', 'cancel']],
    ['TTL deletions (the pattern in the DynamoDB guide)', { userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } }, ['ttlDelete']],
  ])('%s', (_name, pattern, expected) => {
    expect(matching(pattern)).toEqual(expected);
  });

  it('ORs several patterns, and lets everything through without any', () => {
    expect(matching({ eventName: ['MODIFY'] }, { userIdentity: { type: ['Service'] } })).toEqual(['cancel', 'ttlDelete']);
    expect(parseFilterCriteria({ Filters: [] })).toEqual([]);
    expect(matchesAny([], insert)).toBe(true);
  });

  it('matches numbers as DynamoDB sends them: strings', () => {
    const record = stream.insert({ orderId: 'o-3', totalCents: 1200 });
    expect(record.dynamodb!.NewImage).toEqual(marshall({ orderId: 'o-3', totalCents: 1200 }));
    expect(matchesAny(patternsOf({ dynamodb: { NewImage: { totalCents: { N: ['1200'] } } } }), record)).toBe(true);
    expect(matchesAny(patternsOf({ dynamodb: { NewImage: { totalCents: { N: [1200] } } } }), record)).toBe(false);
  });

  it.each([
    ['more than five filters', Array(6).fill({ Pattern: '{"eventName":["INSERT"]}' })],
    ['a Pattern that is not JSON', [{ Pattern: '{eventName: INSERT}' }]],
    ['a pattern that is not an object', [{ Pattern: '["INSERT"]' }]],
    ['a value that is not a list', [{ Pattern: '{"eventName":"INSERT"}' }]],
    ['an empty list', [{ Pattern: '{"eventName":[]}' }]],
    ['an unsupported matcher', [{ Pattern: '{"dynamodb":{"NewImage":{"n":{"N":[{"numeric":[">",0]}]}}}}' }]],
    ['$or', [{ Pattern: '{"$or":[{"eventName":["INSERT"]}]}' }]],
  ])('rejects %s, as Lambda does when the mapping is created', (_name, Filters) => {
    expect(() => parseFilterCriteria({ Filters })).toThrow(InvalidFilterPatternError);
  });
});
