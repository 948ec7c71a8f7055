import { GraphQLError, Kind } from 'graphql';
import type { ValueNode } from 'graphql';
import { builder } from '../builder.js';

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string (UTC).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string', { extensions: { code: 'BAD_USER_INPUT' } });
    return date;
  },
});

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return null;
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value (e.g. a whole Report as the model describes it).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literal,
});

builder.scalarType('File', {
  description: 'A file uploaded with the GraphQL multipart request.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  parseValue: (value) => {
    if (typeof File !== 'undefined' && value instanceof File) return value;
    if (value !== null && typeof value === 'object' && 'arrayBuffer' in value) return value as File;
    throw new GraphQLError('File must be an uploaded file (GraphQL multipart request)', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
