import {
  IdParamSchema,
  MonitorQuerySchema,
  MonitorSnapshotSchema,
  ReportEventListSchema,
} from '@kaolu/contracts';
import type { ZodApp } from '../../platform/http/types';
import type { MonitorService } from './monitor.service';

const tags = ['面试监控'];
const access = { permission: 'interview.monitor' } as const;
// A stream lives at most this long; EventSource reconnects at once, so the session and grant are
// checked again every few minutes instead of trusting a stream opened hours ago.
const MAX_STREAM_MS = 5 * 60_000;

/** Live monitoring routes (IVW-09): event list, first-paint snapshot and the SSE stream. */
export function registerMonitorRoutes(app: ZodApp, monitor: MonitorService): void {
  app.get(
    '/api/interview/monitor/events',
    {
      schema: { tags, summary: '可监控的面试事项', response: { 200: ReportEventListSchema } },
      config: { access },
    },
    async (request) => monitor.events(request.principal),
  );

  app.get(
    '/api/interview/monitor/events/:id',
    {
      schema: {
        tags,
        summary: '面试现场进度快照（按面试室 / 面试组）',
        params: IdParamSchema,
        querystring: MonitorQuerySchema,
        response: { 200: MonitorSnapshotSchema },
      },
      config: { access },
    },
    async (request) =>
      monitor.snapshot(request.params.id, request.query.sessionId, request.principal),
  );

  // Server-Sent Events: `snapshot` events with the JSON snapshot, a comment line as heartbeat.
  app.get(
    '/api/interview/monitor/events/:id/stream',
    {
      schema: {
        tags,
        summary: '面试现场进度实时推送（Server-Sent Events）',
        params: IdParamSchema,
        querystring: MonitorQuerySchema,
      },
      config: { access },
    },
    async (request, reply) => {
      // The raw Node response: Fastify's reply cannot write an open-ended body.
      const raw = reply.raw;
      let opened = false;
      const write = (text: string) => {
        if (!raw.writableEnded) raw.write(text);
      };
      const leave = await monitor.watch(
        request.params.id,
        request.query.sessionId,
        request.principal,
        () => {
          // Scope passed: from here on the reply is ours, written as an event stream.
          reply.hijack();
          raw.writeHead(200, {
            'content-type': 'text/event-stream; charset=utf-8',
            'cache-control': 'no-cache, no-store, no-transform',
            connection: 'keep-alive',
            // nginx and similar proxies would otherwise buffer the stream.
            'x-accel-buffering': 'no',
            'x-request-id': String(request.id),
          });
          write('retry: 3000\n\n');
          opened = true;
          return {
            snapshot: (s) => write(`event: snapshot\ndata: ${JSON.stringify(s)}\n\n`),
            heartbeat: () => write(': ping\n\n'),
            close: () => raw.end(),
          };
        },
      );
      // Either side closing (tab closed, proxy timeout, our limit) leaves the shared poll.
      if (!opened) return;
      const limit = setTimeout(() => raw.end(), MAX_STREAM_MS);
      request.raw.on('close', () => {
        clearTimeout(limit);
        leave();
      });
      raw.on('close', () => {
        clearTimeout(limit);
        leave();
      });
    },
  );

  // Open streams would hold the server open on shutdown: end them first.
  app.addHook('preClose', async () => monitor.hub.closeAll());
}
