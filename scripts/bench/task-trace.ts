/**
 * What runs in a page's long main-thread tasks: a Chrome trace of the tab
 * (CDP `Tracing`, the timeline and the V8 sampling profiler's categories),
 * cut into the page's top-level tasks over 50 ms, each told as the trace
 * events inside it (script evaluated or called, by file; parsing, style,
 * layout, garbage collection) and the functions the sampler saw most. Read
 * by `scripts/bench/longtask.ts --trace`. The tracing itself slows the page
 * down somewhat: the shares within a task are what it is for, not the totals.
 */
import type { CDPSession, Page } from 'playwright-core';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> & { url?: string; functionName?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  parent?: number;
}

export interface TaskPart {
  what: string;
  ms: number;
}

export interface LongTaskTrace {
  /** ms from the page's navigation start. */
  start: number;
  ms: number;
  /** The trace events inside the task, longest first, nested ones counted within their parents. */
  parts: TaskPart[];
  /** Sampled self time by function (file:function), largest first. */
  hot: TaskPart[];
  /** Whether any script of an extension ran in it. */
  extension: boolean;
}

/** Starts tracing the tab; `stop()` ends it and gives the events. */
export async function startTrace(page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

const short = (url: string): string => {
  if (url.startsWith('chrome-extension://')) return `ext:${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}`;
  try {
    const u = new URL(url);
    return u.pathname.split('/').pop() || u.host;
  } catch {
    return url || '(native)';
  }
};

/** The page's renderer main thread: the one whose frame committed `url`. */
function pageThread(events: TraceEvent[], url: string): { pid: number; tid: number; navigationStart: number } | undefined {
  const pids = new Set<number>();
  for (const e of events) {
    const data = e.args?.data as { url?: string; processId?: number; frame?: string } | undefined;
    if ((e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') && data?.url === url) {
      if (typeof data.processId === 'number') pids.add(data.processId);
      else pids.add(e.pid);
    }
  }
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid));
  if (!main) return undefined;
  const nav = events
    .filter((e) => e.name === 'navigationStart' && e.pid === main.pid)
    .map((e) => e.ts)
    .sort((a, b) => b - a)[0];
  return { pid: main.pid, tid: main.tid, navigationStart: nav ?? 0 };
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The page's top-level tasks longer than `minMs`, each taken apart. */
export function longTasksOf(events: TraceEvent[], url: string, minMs = 50): LongTaskTrace[] {
  const thread = pageThread(events, url);
  if (!thread) return [];
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined);
  // Top-level tasks only: a task's own wrapper events nest inside it.
  const tasks: TraceEvent[] = [];
  for (const e of own.filter((x) => TASK_NAMES.has(x.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + last.dur!) continue;
    tasks.push(e);
  }
  const long = tasks.filter((e) => e.dur! >= minMs * 1000);
  // Sampled stacks of this thread's profile.
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  // The sampler's chunks carry the id of the profile started on this thread.
  const profileStart = events.find((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'Profile');
  for (const e of events) {
    if (e.pid !== thread.pid || e.name !== 'ProfileChunk' || e.id !== profileStart?.id) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let ts = samples.at(-1)?.ts ?? 0;
    const deltas = data?.timeDeltas ?? [];
    (data?.cpuProfile?.samples ?? []).forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, node });
    });
  }
  // Profile sample times count from the profile's start event.
  const base = (profileStart?.args?.data as { startTime?: number } | undefined)?.startTime ?? 0;
  const sampleTimes = samples.map((s) => ({ ts: s.ts + base, node: s.node }));

  return long.map((task) => {
    const end = task.ts + task.dur!;
    const inside = own.filter((e) => e !== task && e.ts >= task.ts && e.ts < end && !TASK_NAMES.has(e.name));
    const parts = new Map<string, number>();
    let extension = false;
    for (const e of inside) {
      const data = e.args?.data;
      const url = typeof data?.url === 'string' ? data.url : '';
      if (url.startsWith('chrome-extension://')) extension = true;
      const label = url ? `${e.name} ${short(url)}${data?.functionName ? ` ${data.functionName}` : ''}` : e.name;
      parts.set(label, (parts.get(label) ?? 0) + e.dur! / 1000);
    }
    const hot = new Map<string, number>();
    for (let i = 0; i < sampleTimes.length; i++) {
      const s = sampleTimes[i]!;
      if (s.ts < task.ts || s.ts >= end) continue;
      const next = sampleTimes[i + 1]?.ts ?? s.ts;
      const frame = nodes.get(s.node)?.callFrame;
      if (!frame) continue;
      if (frame.url?.startsWith('chrome-extension://')) extension = true;
      const label = `${short(frame.url ?? '')}:${frame.functionName || '(anonymous)'}`;
      hot.set(label, (hot.get(label) ?? 0) + Math.min(next - s.ts, 5000) / 1000);
    }
    const top = (m: Map<string, number>, n: number): TaskPart[] =>
      [...m]
        .map(([what, ms]) => ({ what, ms }))
        .filter((p) => p.ms >= 1)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, n);
    return {
      start: (task.ts - thread.navigationStart) / 1000,
      ms: task.dur! / 1000,
      parts: top(parts, 12),
      hot: top(hot, 12),
      extension,
    };
  });
}

/** A long task as lines of text. */
export function describeTask(t: LongTaskTrace): string {
  const fmt = (ps: TaskPart[]): string => ps.map((p) => `${p.what} ${p.ms.toFixed(1)}`).join('; ');
  return `${t.ms.toFixed(0)} ms at ${t.start.toFixed(0)} ms${t.extension ? ' [extension]' : ''}\n      events: ${fmt(t.parts)}\n      sampled: ${fmt(t.hot)}`;
}
