/**
 * Reads deploy/template.yaml the way CloudFormation does: YAML with the short
 * intrinsic-function tags (!Ref, !GetAtt, !Sub, …) turned into their long
 * forms ({ Ref }, { 'Fn::GetAtt' }, …). Used by the template's offline tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, YAMLMap, YAMLSeq, type CollectionTag, type ScalarTag } from 'yaml';
import { kitRoot } from '../paths.js';

const templateFile = path.join(kitRoot, 'deploy', 'template.yaml');

const intrinsics = [
  'And', 'Base64', 'Cidr', 'Condition', 'Equals', 'FindInMap', 'GetAZs', 'GetAtt', 'If', 'ImportValue',
  'Join', 'Not', 'Or', 'Ref', 'Select', 'Split', 'Sub', 'Transform',
] as const;

const longName = (name: string): string => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/** Every short tag, in its scalar, sequence and mapping forms. */
const cloudFormationTags: (ScalarTag | CollectionTag)[] = intrinsics.flatMap((name) => {
  const tag = `!${name}`;
  const key = longName(name);
  const scalar: ScalarTag = {
    tag,
    // `!GetAtt Table.StreamArn` is short for { 'Fn::GetAtt': ['Table', 'StreamArn'] }.
    resolve: (value: string) => ({ [key]: name === 'GetAtt' ? splitOnce(value) : value }) as unknown as string,
  };
  const collections = (['seq', 'map'] as const).map(
    (collection): CollectionTag => ({
      tag,
      collection,
      nodeClass: collection === 'seq' ? YAMLSeq : YAMLMap,
      resolve: (node) => ({ [key]: node.toJSON() }) as never,
    }),
  );
  return [scalar, ...collections];
});

function splitOnce(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}

export interface Resource {
  Type: string;
  Properties?: Record<string, any>;
  Metadata?: Record<string, any>;
}

export interface Template {
  AWSTemplateFormatVersion?: string;
  Transform?: string;
  Globals?: Record<string, any>;
  Parameters?: Record<string, any>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Description?: string }>;
}

/** Parses a template; an unknown tag or any YAML problem is an error, not a warning. */
export function parseTemplate(text: string): Template {
  const doc = parseDocument(text, { customTags: cloudFormationTags, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) throw new Error(`template does not parse:\n${problems.map(String).join('\n')}`);
  return doc.toJS() as Template;
}

export function loadTemplate(file = templateFile): Template {
  return parseTemplate(readFileSync(file, 'utf8'));
}

/** The logical ids a value refers to: Ref, Fn::GetAtt, and ${Name} / ${Name.Attr} inside Fn::Sub. */
export function referencedIds(value: unknown): Set<string> {
  const ids = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, inner] of Object.entries(node)) {
      if (key === 'Ref' && typeof inner === 'string') ids.add(inner);
      else if (key === 'Fn::GetAtt') ids.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]!);
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? String(inner[0]) : String(inner);
        for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) ids.add(match[1]!);
        if (Array.isArray(inner)) visit(inner[1]);
      } else visit(inner);
    }
  };
  visit(value);
  for (const pseudo of [...ids]) if (pseudo.startsWith('AWS::')) ids.delete(pseudo);
  return ids;
}
