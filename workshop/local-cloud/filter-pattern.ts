/**
 * Lambda event filtering for stream records (`FilterCriteria`), the subset of
 * EventBridge-style patterns the docs use. A record is delivered when at least
 * one pattern matches (up to 5 patterns, ORed); the others are skipped for good.
 *
 *   { "eventName": ["INSERT"] }                                    exact values (any of)
 *   { "dynamodb": { "NewImage": { "status": { "S": ["DOWN"] } } } } nested fields
 *   { "S": [{ "prefix": "o-" }] }  { "S": [{ "suffix": ".json" }] }
 *   { "S": [{ "anything-but": ["PLACED", "SHIPPED"] }] }           also { "anything-but": { "prefix": … } }
 *   { "email": [{ "exists": false }] }   { "S": [{ "equals-ignore-case": "down" }] }   [null]   [""]
 *
 * Not supported here (rejected with a clear error): `numeric`, `cidr`,
 * `wildcard` and `$or`.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { InvalidFilterPatternError } from './errors.js';

/** Lambda's `FilterCriteria`, as in CreateEventSourceMapping: each Pattern is a JSON string. */
export interface FilterCriteria {
  readonly Filters: readonly { readonly Pattern: string }[];
}

/** Lambda accepts at most 5 filters per event source mapping. */
export const maxFiltersPerMapping = 5;

/** One parsed pattern: fields to match, nested, down to lists of matchers. */
export type FilterPattern = { readonly [field: string]: FilterPattern | readonly Matcher[] };
type Matcher = string | number | boolean | null | { readonly [operator: string]: unknown };

const supportedOperators = ['prefix', 'suffix', 'anything-but', 'exists', 'equals-ignore-case'];

/** Parses and checks every pattern, the way Lambda does when the mapping is created. */
export function parseFilterCriteria(criteria: FilterCriteria): FilterPattern[] {
  if (criteria.Filters.length > maxFiltersPerMapping)
    throw new InvalidFilterPatternError(`Lambda accepts at most ${maxFiltersPerMapping} filters, received ${criteria.Filters.length}`);
  return criteria.Filters.map(({ Pattern }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Pattern);
    } catch {
      throw new InvalidFilterPatternError(`A filter Pattern must be a JSON string, received ${JSON.stringify(Pattern)}`);
    }
    checkPattern(parsed, Pattern);
    return parsed;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPattern(pattern: unknown, source: string): asserts pattern is FilterPattern {
  if (!isObject(pattern)) throw new InvalidFilterPatternError(`A filter pattern must be a JSON object: ${source}`);
  for (const [field, value] of Object.entries(pattern)) {
    if (field.startsWith('$')) throw new InvalidFilterPatternError(`"${field}" is not supported by the local cloud: ${source}`);
    if (isObject(value)) checkPattern(value, source);
    else if (!Array.isArray(value) || value.length === 0)
      throw new InvalidFilterPatternError(`"${field}" must hold a non-empty array of values or an object of fields: ${source}`);
    else for (const matcher of value) checkMatcher(matcher, field, source);
  }
}

function checkMatcher(matcher: unknown, field: string, source: string): void {
  if (!isObject(matcher)) return; // a plain value or null
  const [operator, ...others] = Object.keys(matcher);
  if (operator === undefined || others.length > 0 || !supportedOperators.includes(operator))
    throw new InvalidFilterPatternError(
      `"${field}": ${JSON.stringify(matcher)} is not a supported matcher (use ${supportedOperators.join(', ')}): ${source}`,
    );
}

/** True when at least one pattern matches the record (no patterns: everything matches). */
export function matchesAny(patterns: readonly FilterPattern[], record: DynamoDBRecord): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(pattern, record));
}

function matchesPattern(pattern: FilterPattern, value: unknown): boolean {
  // A list of objects (an `L` of `M`s…) matches when one of them does.
  if (Array.isArray(value)) return value.some((element) => matchesPattern(pattern, element));
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = isObject(value) ? value[field] : undefined;
    return Array.isArray(expected) ? matchesField(expected as readonly Matcher[], actual) : matchesPattern(expected as FilterPattern, actual);
  });
}

function matchesField(matchers: readonly Matcher[], actual: unknown): boolean {
  return matchers.some((matcher) =>
    // A field holding a list matches when any element does (`SS`, `L`…).
    Array.isArray(actual) && !isExists(matcher) ? actual.some((element) => matchesValue(matcher, element)) : matchesValue(matcher, actual),
  );
}

function isExists(matcher: Matcher): boolean {
  return isObject(matcher) && 'exists' in matcher;
}

function matchesValue(matcher: Matcher, actual: unknown): boolean {
  if (!isObject(matcher)) return actual === matcher;
  const [operator, operand] = Object.entries(matcher)[0]!;
  switch (operator) {
    case 'exists':
      return (actual !== undefined) === operand;
    case 'prefix':
      return typeof actual === 'string' && actual.startsWith(String(operand));
    case 'suffix':
      return typeof actual === 'string' && actual.endsWith(String(operand));
    case 'equals-ignore-case':
      return typeof actual === 'string' && actual.toLowerCase() === String(operand).toLowerCase();
    case 'anything-but':
      if (actual === undefined) return false;
      if (isObject(operand)) return !matchesValue(operand as Matcher, actual);
      return Array.isArray(operand) ? !operand.includes(actual) : actual !== operand;
    default:
      return false;
  }
}
