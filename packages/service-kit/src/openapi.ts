import { z } from 'zod';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string; // OpenAPI style: /cooperatives/{cooperativeId}/products
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string().optional(),
});

function parameters(where: 'query' | 'path', schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/** An OpenAPI 3.1 document generated from the same zod schemas the routes validate with. */
export function openApiDocument(
  info: { title: string; version: string; description?: string },
  routes: RouteDoc[],
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses = Object.fromEntries(
      Object.entries({ ...r.responses, 400: { description: 'Invalid input', schema: ErrorSchema } }).map(
        ([code, res]) => [
          code,
          {
            description: res.description,
            ...(res.schema
              ? {
                  content: {
                    'application/json': {
                      schema: z.toJSONSchema(res.schema, { io: 'output', unrepresentable: 'any' }),
                    },
                  },
                }
              : {}),
          },
        ],
      ),
    );
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      parameters: [...parameters('path', r.params), ...parameters('query', r.query)],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return { openapi: '3.1.0', info, paths };
}
