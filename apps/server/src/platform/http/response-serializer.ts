/**
 * Responses are written by a fast-json-stringify function compiled once per route from its zod response schema.
 *
 * Why: fastify-type-provider-zod's serializer ran zod's `safeEncode` over every payload (a whole new object graph)
 * and then `JSON.stringify`; CPU profiles under load put that at ~10 % of the server on 50-item list pages
 * (ADR 0026). The compiled function writes only the properties the schema names, so a row with extra columns
 * still cannot leak them, and it throws when a required property is missing. It does not check types (a number
 * where a string is expected is written as a string): the suite checks every response against zod as well
 * (`checkWithZod`), production does not. Nor does it apply zod's `.trim()` or case changes, which normalised the
 * values on their way in; and it puts an object's required keys before its optional ones (the same document). A
 * schema it could not write as zod would (codecs, transforms) keeps the zod serializer for its route.
 */
import { isDeepStrictEqual } from 'node:util';
import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serialize = (data: unknown) => string;

/** A route whose response schema kept the zod serializer, and why. */
export type SerializerFallback = { method: string; url: string; status: string; reason: string };

/**
 * zod types whose encoded value is not the value the handler returned: codecs run backwards, and transforms
 * refuse to encode. The JSON Schema of their output would describe the wrong value.
 */
const NOT_WRITTEN_AS_RETURNED = new Set(['pipe', 'transform', 'success', 'promise', 'function']);

/** Defaults fill in only when parsing; encoding (what the zod serializer did) passes the value through as it is. */
const FILLED_ONLY_WHEN_PARSING = new Set(['default', 'prefault', 'catch']);

/** The compiled serializer for one zod schema, or why there is none. */
export function compileResponseSchema(schema: z.ZodType): { serialize: Serialize } | { reason: string } {
  let unsupported: string | undefined;
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, {
      io: 'output',
      unrepresentable: 'any',
      target: 'draft-07',
      override: ({ zodSchema, jsonSchema: node }) => {
        const def = (zodSchema as z.core.$ZodType)._zod.def;
        if (NOT_WRITTEN_AS_RETURNED.has(def.type)) unsupported ??= def.type;
        // fast-json-stringify would write the default in place of a missing value, where encoding fails.
        if (FILLED_ONLY_WHEN_PARSING.has(def.type)) delete node.default;
        if (def.type === 'object') adjustObject(def as z.core.$ZodObjectDef, node);
      },
    }) as Record<string, unknown>;
  } catch (error) {
    return { reason: `no JSON Schema: ${(error as Error).message}` };
  }
  if (unsupported) return { reason: `contains ${unsupported}` };
  delete jsonSchema.$schema;
  try {
    return { serialize: fastJsonStringify(jsonSchema) as Serialize };
  } catch (error) {
    return { reason: `fast-json-stringify: ${(error as Error).message}` };
  }
}

/**
 * Two differences between JSON Schema and zod's objects. A key whose schema accepts `undefined` (z.unknown(),
 * z.any()) is listed as required, and zod accepts it holding `undefined` (writing nothing); fast-json-stringify
 * cannot tell that from an absent key, so such a key is not required here. One with a default stays required, as
 * encoding has no default to fill in. And `additionalProperties: false` would make a union branch fail to match a
 * row with extra columns where zod strips them; without it fast-json-stringify still writes only the named keys.
 */
function adjustObject(def: z.core.$ZodObjectDef, node: Record<string, unknown>): void {
  if (Array.isArray(node.required)) {
    node.required = (node.required as string[]).filter((key) => {
      const property = def.shape[key];
      return !property || !acceptsUndefined(property);
    });
    if ((node.required as string[]).length === 0) delete node.required;
  }
  if (node.additionalProperties === false) delete node.additionalProperties;
}

/** Whether encoding lets this property be absent; a schema that cannot encode at all keeps it required. */
function acceptsUndefined(property: z.core.$ZodType): boolean {
  try {
    return z.safeEncode(property, undefined).success;
  } catch {
    return false;
  }
}

/**
 * The serializer compiler for the app. With `checkWithZod` (the test suite) every payload is also checked against
 * the zod schema, throwing as the zod serializer did, and what the compiled function wrote must be the document zod
 * and JSON.stringify write (the order of keys aside); production runs only the compiled function.
 */
export function createResponseSerializerCompiler(options: { checkWithZod: boolean }): {
  compiler: FastifySerializerCompiler<unknown>;
  fallbacks: SerializerFallback[];
} {
  const fallbacks: SerializerFallback[] = [];
  const compiler: FastifySerializerCompiler<unknown> = (route) => {
    const { schema, method, url, httpStatus } = route;
    if (!(schema instanceof z.core.$ZodType)) {
      fallbacks.push({ method, url, status: httpStatus ?? '', reason: 'not a zod schema' });
      return zodSerializerCompiler(route as never);
    }
    const compiled = compileResponseSchema(schema as z.ZodType);
    if ('reason' in compiled) {
      fallbacks.push({ method, url, status: httpStatus ?? '', reason: compiled.reason });
      return zodSerializerCompiler(route as never);
    }
    const write = (data: unknown): string => {
      try {
        return compiled.serialize(data);
      } catch (cause) {
        throw serializationError(method, url, cause);
      }
    };
    if (!options.checkWithZod) return write;
    return (data) => {
      const checked = z.safeEncode(schema, data);
      if (!checked.success) throw serializationError(method, url, checked.error);
      const json = write(data);
      const zodJson = JSON.stringify(checked.data);
      // The same document; fast-json-stringify writes an object's required properties before its optional ones.
      if (json !== zodJson && !isDeepStrictEqual(JSON.parse(json), JSON.parse(zodJson))) {
        throw serializationError(method, url, new Error(`The compiled serializer wrote ${json} where zod writes ${zodJson}`));
      }
      return json;
    };
  };
  return { compiler, fallbacks };
}

/** The error the zod serializer threw, so the error handler answers 500 as before; its type names only zod's issues as the cause. */
function serializationError(method: string, url: string, cause: unknown): ResponseSerializationError {
  return new ResponseSerializationError(method, url, { cause: cause as z.core.$ZodError });
}
