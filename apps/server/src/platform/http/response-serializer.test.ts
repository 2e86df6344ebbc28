import { type CaseDto, caseDto, envelope, errorBody } from '@tend/contracts';
import Fastify from 'fastify';
import { isResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from './error-handler';
import { compileResponseSchema, createResponseSerializerCompiler } from './response-serializer';

function compiled(schema: z.ZodType): (data: unknown) => string {
  const result = compileResponseSchema(schema);
  if ('reason' in result) throw new Error(`not compiled: ${result.reason}`);
  return result.serialize;
}

/** What the zod serializer wrote; fast-json-stringify puts required keys first, so documents are compared, then the text. */
function expectSameAsZod(schema: z.ZodType, value: unknown): string {
  const json = compiled(schema)(value);
  expect(JSON.parse(json)).toStrictEqual(JSON.parse(JSON.stringify(schema.parse(value))));
  expect(JSON.parse(json)).toStrictEqual(JSON.parse(JSON.stringify(z.encode(schema, value))));
  return json;
}

/** A date carried as an ISO string on the wire: a codec, which encodes backwards. */
const when = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });

const id = (n: number) => `0190a3b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

const aCase: CaseDto = {
  id: id(1),
  org_id: id(2),
  title: 'Anxiety — "weekly" sessions\n(second block) 🌿',
  status: 'active',
  risk_level: 'moderate',
  jurisdiction: 'UA',
  client: { id: id(3), name: 'Олена Коваленко' },
  specialist: { id: id(4), name: 'Dr. Smith' },
  insurance: { payer: 'Acme Health', member_id: 'M-1', notes: 'Pre-approved' },
  opened_at: '2026-01-05T09:00:00.000Z',
  closed_at: null,
  last_session_at: '2026-03-01T10:30:00.000Z',
  auto_pause_at: null,
  created_at: '2026-01-05T09:00:00.000Z',
  updated_at: '2026-03-01T11:00:00.000Z',
  my_access: 'primary',
};

describe('the compiled response serializer', () => {
  it('writes what zod and JSON.stringify wrote for nullable, optional, enum, array, union, record and date schemas', () => {
    const schema = envelope(
      z.object({
        name: z.string(),
        nickname: z.string().optional(),
        closed_at: z.iso.datetime().nullable(),
        count: z.number().int(),
        ratio: z.number(),
        active: z.boolean(),
        status: z.enum(['draft', 'active']),
        tags: z.array(z.string()),
        lines: z.array(z.object({ key: z.string(), value: z.number().nullable() })),
        either: z.union([z.string(), z.number()]),
        shape: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('circle'), radius: z.number() }),
          z.object({ kind: z.literal('square'), side: z.number(), label: z.string().optional() }),
        ]),
        counts: z.record(z.string(), z.number()),
        extra: z.unknown(),
        when: z.date(),
        meta: z.object({ source: z.literal('import') }).nullable(),
      }),
    );
    const data = {
      name: 'Tab\there, quote " and backslash \\ and \u2028',
      closed_at: null,
      count: 3,
      ratio: 0.25,
      active: false,
      status: 'active',
      tags: ['a', 'b'],
      lines: [
        { key: 'x', value: 1 },
        { key: 'y', value: null },
      ],
      either: 7,
      shape: { kind: 'square', side: 2 },
      counts: { low: 1, 'with space': 2 },
      extra: { anything: [1, 'two', null] },
      when: new Date('2026-02-03T04:05:06.789Z'),
      meta: null,
    };
    const json = expectSameAsZod(schema, { success: true, data, meta: { request_id: 'req-1' } });
    expect(JSON.parse(json).data.when).toBe('2026-02-03T04:05:06.789Z');
    expectSameAsZod(schema, {
      success: true,
      data: { ...data, nickname: 'N', either: 'seven', shape: { kind: 'circle', radius: 1 }, extra: undefined, meta: { source: 'import' } },
      meta: { request_id: 'req-2', page: 2, per_page: 50, total: 120 },
    });
  });

  it('writes the case DTO, a page of cases and the error body as before', () => {
    expectSameAsZod(envelope(caseDto), { success: true, data: aCase, meta: { request_id: 'r' } });
    const page = Array.from({ length: 50 }, (_, i) => ({ ...aCase, id: id(100 + i), insurance: i % 2 ? null : aCase.insurance }));
    expectSameAsZod(envelope(z.array(caseDto)), { success: true, data: page, meta: { request_id: 'r', page: 1, per_page: 50, total: 51 } });
    expectSameAsZod(errorBody, {
      success: false,
      error: { code: 'REQUEST.VALIDATION', message: 'Bad', details: [{ path: 'a', message: 'b' }], request_id: 'r' },
    });
    expectSameAsZod(errorBody, { success: false, error: { code: 'SERVER.INTERNAL', message: 'Oops', request_id: 'r' } });
  });

  it('drops properties the schema does not name, at every depth and inside union branches', () => {
    const schema = envelope(
      z.object({
        case: caseDto,
        people: z.array(z.object({ id: z.uuid(), name: z.string() })),
        event: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), a: z.string() }), z.object({ kind: z.literal('b'), b: z.string() })]),
        either: z.union([z.object({ x: z.string() }), z.object({ y: z.string() })]),
      }),
    );
    const leaky = {
      success: true,
      password_hash: 'leak-top',
      data: {
        case: { ...aCase, client_notes_encrypted: 'leak-case', insurance: { ...aCase.insurance, ssn: 'leak-nested' } },
        people: [{ id: id(5), name: 'P', email: 'leak-array' }],
        event: { kind: 'b', b: 'ok', secret: 'leak-branch' },
        either: { x: 'ok', secret: 'leak-union' },
        token: 'leak-data',
      },
      meta: { request_id: 'r', internal: 'leak-meta' },
    };
    const json = expectSameAsZod(schema, leaky);
    expect(json).not.toMatch(/leak|password_hash|client_notes_encrypted|ssn|email|secret|token|internal/);
  });

  it('refuses a payload without a required property', () => {
    const serialize = compiled(envelope(caseDto));
    const { title: _title, ...untitled } = aCase;
    expect(() => serialize({ success: true, data: untitled, meta: { request_id: 'r' } })).toThrow(/title/);
    expect(() => serialize({ success: true, meta: { request_id: 'r' } })).toThrow(/data/);
    // A default fills in only when parsing: encoding, what the zod serializer did, refuses the missing value too.
    expect(() => compiled(z.object({ required: z.boolean().default(false) }))({})).toThrow(/required/);
  });

  it('writes nothing for a z.unknown() property that is undefined, as zod does', () => {
    expect(expectSameAsZod(z.object({ details: z.unknown(), code: z.string() }), { code: 'x', details: undefined })).toBe('{"code":"x"}');
  });

  it('handles recursive schemas', () => {
    type Node = { name: string; children: Node[] };
    const node: z.ZodType<Node> = z.object({ name: z.string(), children: z.array(z.lazy(() => node)) });
    expectSameAsZod(node, { name: 'root', extra: 1, children: [{ name: 'leaf', children: [], extra: 2 }] });
  });

  it('writes a string as it is where zod would trim it or change its case (inputs were normalised when stored)', () => {
    expect(compiled(z.object({ payer: z.string().trim().toUpperCase() }))({ payer: ' acme ' })).toBe('{"payer":" acme "}');
  });

  it('does not check types: a number where a string belongs is written as a string (the suite checks with zod)', () => {
    expect(compiled(z.object({ name: z.string() }))({ name: 42 })).toBe('{"name":"42"}');
  });

  it('leaves a codec or a transform to the zod serializer', () => {
    expect(compileResponseSchema(z.object({ when }))).toEqual({ reason: 'contains pipe' });
    expect(compileResponseSchema(z.object({ n: z.string().transform((s) => s.length) }))).toEqual({
      reason: expect.stringMatching(/^contains (pipe|transform)$/),
    });
  });
});

describe('the serializer compiler in Fastify', () => {
  async function appWith(checkWithZod: boolean, payload: unknown) {
    const app = Fastify();
    const serializers = createResponseSerializerCompiler({ checkWithZod });
    app.setSerializerCompiler(serializers.compiler);
    registerErrorHandling(app);
    const errors: Error[] = [];
    app.addHook('onError', async (_request, _reply, error) => void errors.push(error));
    app.get('/case', { schema: { response: { 200: envelope(caseDto), '5XX': errorBody } } }, async () => payload);
    app.get('/when', { schema: { response: { 200: z.object({ when }) } } }, async () => ({ when: new Date(0) }));
    await app.ready();
    return { app, errors, fallbacks: serializers.fallbacks };
  }

  it('answers 500 in the error envelope when a required property is missing, in production and under test', async () => {
    const { title: _title, ...untitled } = aCase;
    for (const checkWithZod of [false, true]) {
      const { app, errors } = await appWith(checkWithZod, { success: true, data: untitled, meta: { request_id: 'r' } });
      const res = await app.inject({ method: 'GET', url: '/case' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ success: false, error: { code: 'SERVER.INTERNAL' } });
      expect(res.body).not.toContain('Anxiety');
      expect(errors).toHaveLength(1);
      expect(isResponseSerializationError(errors[0] as Error)).toBe(true);
      await app.close();
    }
  });

  it('under test, refuses what zod refuses even where the compiled function would write it', async () => {
    const wrongType = { success: true, data: { ...aCase, title: 42 }, meta: { request_id: 'r' } };
    const production = await appWith(false, wrongType);
    expect((await production.app.inject({ method: 'GET', url: '/case' })).json().data.title).toBe('42');
    const test = await appWith(true, wrongType);
    expect((await test.app.inject({ method: 'GET', url: '/case' })).statusCode).toBe(500);
    await Promise.all([production.app.close(), test.app.close()]);
  });

  it('serializes a route it cannot compile with zod, as before, and counts it', async () => {
    const { app, fallbacks } = await appWith(false, {});
    const res = await app.inject({ method: 'GET', url: '/when' });
    expect(res.body).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
    expect(fallbacks.map((f) => `${f.method} ${f.url} ${f.status}`)).toEqual(['GET /when 200', 'HEAD /when 200']);
    const zodWritten = zodSerializerCompiler({ schema: z.object({ when }), method: 'GET', url: '/when', httpStatus: '200' } as never);
    expect(zodWritten({ when: new Date(0) })).toBe(res.body);
    await app.close();
  });
});
