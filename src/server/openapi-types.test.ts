// The client types written from JSON Schema: each construct the zod schemas produce, and the answers of operations.
import { describe, expect, it } from 'vitest';
import { openApiTypes, toType } from './openapi-types';

describe('toType', () => {
  it('writes objects with required and optional fields, records, arrays, unions and refs', () => {
    const t = toType({
      type: 'object',
      properties: { id: { type: 'string' }, n: { type: ['integer', 'null'] }, tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } },
      required: ['id', 'n'],
      additionalProperties: false,
    });
    expect(t).toBe('{\n  id: string;\n  n: number | null;\n  tags?: Tag[];\n}');
    expect(toType({ type: 'object', additionalProperties: { type: 'number' } })).toBe('{\n  [key: string]: number;\n}');
    expect(toType({ anyOf: [{ const: 'a' }, { enum: ['b', 'c'] }] })).toBe('"a" | "b" | "c"');
    expect(toType({ type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } })).toBe('(string | number)[]');
    expect(toType({})).toBe('unknown');
  });

  it('lists the JSON answer of each operation under its method and path', () => {
    const doc = {
      components: { schemas: { Tag: { type: 'string', description: 'A tag' } } },
      paths: { '/api/tags': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Tag' } } } } } } } } },
    };
    const text = openApiTypes(doc);
    expect(text).toContain('/** A tag */\nexport type Tag = string;');
    expect(text).toContain('"GET /api/tags": Tag[];');
  });
});
