// Cached views are shared objects: their JSON is written once per object and sent as is, so a cached view costs no
// serialization either. Only for values no caller mutates (the derived-view cache's).
import type { FastifyReply } from 'fastify';

const serialized = new WeakMap<object, string>();

export function sendJson(reply: FastifyReply, value: object) {
  let json = serialized.get(value);
  if (json === undefined) {
    json = JSON.stringify(reply.server.hasDecorator('gradeSources') ? reply.server.gradeSources(value) : value);
    serialized.set(value, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}
