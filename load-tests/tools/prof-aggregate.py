#!/usr/bin/env python3
"""Aggregate profiles of the silo during a surge into CPU by frame and by category, and per accepted whistle.

usage:
  prof-aggregate.py RUN_DIR [--top 25]                       one run of prof-run.py: frames, categories, per whistle
                                                              (writes RUN_DIR/summary.json)
  prof-aggregate.py --compare BEFORE AFTER [--source perf|trace] [--merge]
                                                              the per-whistle table, before -> after, as Markdown
                                                              (--merge: the README's 12 rows)
  prof-aggregate.py --speedscope FILE [--top 25]              a bare dotnet-trace Speedscope file: categories, frames
  prof-aggregate.py RUN_DIR --callers SUBSTR [--depth 12]     where the trace samples whose leaf contains SUBSTR come from

Two kinds of samples, read from RUN_DIR:
* trace*.speedscope.json (dotnet-trace convert --format Speedscope): the EventPipe sample profiler stacks every managed
  thread ~100 times a second whether it runs or not (thread time). A sample's leaf is a pseudo-frame, CPU_TIME (in
  managed code) or UNMANAGED_CODE_TIME (in native code). Native time under a wait (WaitHandle, LowLevelLifoSemaphore,
  Monitor.Wait, the socket engine's epoll loop, Thread.Sleep ...) and time parked for a GC (Thread.PollGC) are idle;
  the rest is "active". Each thread's real CPU over the trace window (from /proc/PID/task/TID/stat, sampled every
  0.25 s by prof-run.py; speedscope's thread ids are OS thread ids) is spread over that thread's active samples. Native
  threads the sampler cannot see are named from /proc: server GC threads are GC, the tiered-compilation thread is JIT,
  EventPipe / counter threads are diagnostics overhead (left out of the per-whistle figures). On a busy machine a
  thread inside send() is often descheduled, so thread time overstates syscalls and lock waits.
* perf.script (perf record -e cpu-clock -g; perf script -F comm,tid,time,ip,sym,dso): on-CPU samples. JIT-compiled
  frames are named from the runtime's perf map (DOTNET_PerfMapEnabled=3, DOTNET_EnableWriteXorExecute=0), ReadyToRun
  frames only by their .dll, libcoreclr has no symbols (its samples go to the managed caller), and libc's send/recv
  have no frame pointers (those syscall samples lose their caller: a category of their own).

Categories: walking a sample's stack from the leaf to the root, the first frame that belongs to a library we care
about decides (System.Text.Json, Npgsql/ADO.NET, SQLite, Orleans, ASP.NET Core, SignalR/SSE, our projector, our case
grain, our other code, logging/telemetry). Sockets, pipelines, DI, NodaTime, our JSON converters and the BCL defer to
the next frame up (a socket write under Npgsql is Npgsql's). JSON is split by who called it (Orleans' grain storage
serializer, our projector, SignalR/SSE, the HTTP API); Npgsql by whether our projector called it.

Per whistle: a category's share of the sampled silo CPU (diagnostics left out) x the silo's CPU time from the surge's
"Surge:" line to its "Reading ... back" line (surge, drain and grace, from /proc; minus the diagnostics threads' CPU)
/ accepted whistles (surge-report.json). PostgreSQL: the postmaster's and its backends' CPU over the same span.
"""
import argparse, collections, csv, glob, json, os, re, sys

CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

WAIT_PARENTS = (
    "WaitHandle.WaitOneNoCheck", "WaitHandle.WaitMultiple", "WaitHandle.WaitOneCore", "WaitHandle.WaitAny",
    "LowLevelLifoSemaphore.WaitNative", "LowLevelLifoSemaphore.WaitForSignal", "Monitor.Wait", "Monitor.ObjWait", "Thread.Sleep", "Thread.SleepInternal",
    "LowLevelMonitor.Wait", "LowLevelMonitor.TimedWait", "WaitForSocketEvents", "SocketAsyncEngine.EventLoop",
    "Interop+Sys.Poll", "Thread.Join", "WaitSubsystem", "ConsolePal", "Interop+Sys.Read(", "ManualResetEventSlim.Wait",
    "SemaphoreSlim.Wait(", "Thread.StartCallback", "Interop+Sys.WaitPid", "SignalHandlerLoop",
)
SPIN = ("LowLevelSpinWaiter.Wait", "LowLevelLifoSemaphore.Wait", "SpinWait.SpinOnce", "Thread.SpinWait",
        "Thread.SpinWaitInternal")

# Category names, in the order the tables print them.
C_JSON_STATE = "JSON (System.Text.Json): grain state in Orleans storage"
C_JSON_PROJ = "JSON (System.Text.Json): projector rows"
C_JSON_API = "JSON (System.Text.Json): HTTP API bodies, other"
C_ADO = "ADO.NET / Npgsql: grain state & reminders (Orleans AdoNet), other SQL"
C_ADO_PROJ = "ADO.NET / Npgsql: projector batches (SqlReadModelWriter)"
C_SQLITE = "SQLite"
C_ORL_SER = "Orleans serialization (codecs, copiers)"
C_ORL_RT = "Orleans runtime: messaging, scheduling, activations"
C_ASP = "ASP.NET Core / Kestrel / sockets (HTTP)"
C_LIVE = "SignalR / SSE (live channel)"
C_PROJ = "our projector / projection grains (incl. statistics facts)"
C_CASE = "our case grain"
C_OURS = "our other code (API handlers, engine, domain, auth)"
C_LOG = "logging, metrics, tracing (OpenTelemetry, DiagnosticSource)"
C_SPIN = "thread pool / lock spinning"
C_RT = "runtime & BCL: thread pool dispatch, async, timers, JIT"
C_GC = "GC (server GC threads)"
C_JIT = "JIT (tiered compilation thread)"
C_SOCK = "socket send/recv syscalls, caller not unwound (Npgsql or Kestrel)"
C_NATIVE = "other native runtime code, no managed frame"
C_DIAG = "diagnostics overhead (sample profiler, EventPipe, counters)"
ORDER = [C_GC, C_JSON_STATE, C_JSON_PROJ, C_JSON_API, C_ADO, C_ADO_PROJ, C_SQLITE, C_ORL_SER, C_ORL_RT, C_ASP, C_LIVE, C_PROJ,
         C_CASE, C_OURS, C_LOG, C_SPIN, C_RT, C_JIT, C_SOCK, C_NATIVE, C_DIAG]

PROJ_NS = ("Dispatch.Silo.ReadModels", "Dispatch.Grains.ReadModels", "Dispatch.Grains.Centers", "Dispatch.Grains.Departments",
           "Dispatch.Grains.Grids", "Dispatch.Grains.Stats.", "Dispatch.Grains.Duty", "Dispatch.Grains.Domain.Stats")
LIVE_NS = ("Microsoft.AspNetCore.SignalR", "Dispatch.Silo.Live", "Microsoft.AspNetCore.Http.Connections")
STORAGE_NS = ("Orleans.Storage", "GrainStorage", "Orleans.Persistence", "Orleans.Core!Orleans.Core.StateStorageBridge",
              "Orleans.Runtime!Orleans.Core.StateStorageBridge", "StateStorageBridge")


def method(frame):
    """'Assembly!Namespace.Type.Method(args)' -> 'Namespace.Type.Method'."""
    return frame.split("!", 1)[-1].split("(", 1)[0]


def categorize(names):
    """names: stack root..leaf (pseudo-frames removed). Returns a category for an active sample."""
    n = len(names)
    for i in range(n - 1, -1, -1):
        f = names[i]
        m = method(f)
        asm = f.split("!", 1)[0]
        if asm == "System.Text.Json" or m.startswith("System.Text.Json"):
            above = names[:i]
            if any(any(s in a for s in STORAGE_NS) for a in above):
                return C_JSON_STATE
            if any(method(a).startswith(PROJ_NS) for a in above):
                return C_JSON_PROJ
            if any(method(a).startswith(LIVE_NS) for a in above):
                return C_LIVE
            return C_JSON_API
        if asm in ("Npgsql", "System.Data.Common", "Orleans.Persistence.AdoNet", "Orleans.Reminders.AdoNet",
                   "Orleans.Clustering.AdoNet") or m.startswith(("Npgsql", "System.Data.", "Orleans.Storage.RelationalStorage",
                                                                  "Orleans.Tests.SqlUtils", "Orleans.Runtime.ReminderService.AdoNet")):
            if any(method(a).startswith(PROJ_NS) for a in names[:i]):
                return C_ADO_PROJ
            return C_ADO
        if asm in ("Microsoft.Data.Sqlite", "SQLitePCLRaw.core", "SQLitePCLRaw.provider.e_sqlite3") or m.startswith(("Microsoft.Data.Sqlite", "SQLitePCL")):
            return C_SQLITE
        if "GrainStorageSerializer" in m:
            return C_JSON_STATE
        if m.startswith("Dispatch.Grains.Interfaces.Serialization"):
            continue  # our JSON converters (NodaTime instants, durations): System.Text.Json's callers decide
        if m.startswith(LIVE_NS):
            return C_LIVE
        if m.startswith(PROJ_NS):
            return C_PROJ
        if m.startswith("Dispatch.Grains.Cases"):
            return C_CASE
        if m.startswith("Dispatch."):
            return C_OURS
        if asm == "Orleans.Serialization" or m.startswith("Orleans.Serialization") or m.startswith("OrleansCodeGen"):
            return C_ORL_SER
        if asm.startswith("Orleans") or m.startswith("Orleans"):
            return C_ORL_RT
        if m.startswith(("Microsoft.Extensions.Logging", "OpenTelemetry", "System.Diagnostics.Activity", "System.Diagnostics.Metrics",
                         "System.Diagnostics.DiagnosticListener", "System.Diagnostics.DiagnosticSource", "Microsoft.Extensions.Diagnostics")):
            return C_LOG
        if m.startswith(("System.Diagnostics.Tracing", "Microsoft.Diagnostics")):
            return C_DIAG
        if m.startswith(("Microsoft.AspNetCore", "Microsoft.Net.Http.Headers", "System.Net.Http")):
            return C_ASP
        # System.Net.Sockets, System.IO.Pipelines, Microsoft.Extensions.DependencyInjection, NodaTime, the BCL: defer
    # nothing specific above: sockets/pipelines alone are HTTP transport (Kestrel), else runtime
    if any(method(x).startswith(("System.Net.Sockets", "System.IO.Pipelines", "System.Net.Security")) for x in names):
        return C_ASP
    return C_RT


def load_speedscope(path):
    with open(path) as f:
        d = json.load(f)
    return [fr["name"] for fr in d["shared"]["frames"]], d["profiles"]


def walk(frames, profile):
    """Yields (dt_ms, stack of frame indices root..leaf) for each interval of an evented profile."""
    st, last = [], None
    for e in profile["events"]:
        t = e["at"]
        if st and last is not None and t > last:
            yield t - last, st
        if e["type"] == "O":
            st = st + [e["frame"]]
        else:
            st = st[:-1]
        last = t


def analyse_trace(path):
    frames, profiles = load_speedscope(path)
    is_pseudo = {i for i, n in enumerate(frames) if n in ("CPU_TIME", "UNMANAGED_CODE_TIME") or n == "Threads" or n.startswith("Thread (")}
    per_thread = {}
    span = 0.0
    cat_cache = {}
    for p in profiles:
        name = p.get("name", "")
        tid = name.split("(")[-1].rstrip(")") if "(" in name else name
        span = max(span, p.get("endValue", 0) - p.get("startValue", 0))
        th = per_thread.setdefault(tid, {"active": 0.0, "idle": 0.0, "gcwait": 0.0, "cats": collections.Counter(),
                                         "incl": collections.Counter(), "excl": collections.Counter()})
        for dt, st in walk(frames, p):
            leaf = frames[st[-1]]
            real = [x for x in st if x not in is_pseudo and frames[x] != "?!?"]
            parent = method(frames[real[-1]]) if real else ""
            if any("PollGC" in frames[x] for x in st[-3:]):
                th["gcwait"] += dt
                continue
            if leaf == "UNMANAGED_CODE_TIME" and (not real or any(w in parent or w in frames[real[-1]] for w in WAIT_PARENTS)):
                th["idle"] += dt
                continue
            if leaf == "UNMANAGED_CODE_TIME" and any("Thread.StartCallback" in frames[x] or "SocketAsyncEngine" in frames[x] for x in st[-3:]):
                th["idle"] += dt
                continue
            key = tuple(real)
            if leaf == "CPU_TIME" and any(s in parent for s in SPIN) and "Dispatch" not in parent:
                cat = C_SPIN
            else:
                cat = cat_cache.get(key)
                if cat is None:
                    cat = categorize([frames[x] for x in real])
                    cat_cache[key] = cat
            th["active"] += dt
            th["cats"][cat] += dt
            for x in set(real):
                th["incl"][x] += dt
            if real:
                th["excl"][(real[-1], leaf == "UNMANAGED_CODE_TIME")] += dt
    return frames, per_thread, span



# ---------------------------------------------------------------- perf (true on-CPU samples) -------------------------
PERF_HEADER = re.compile(r"^(.*?)\s+(\d+)\s+([\d.]+):\s*$")
PERF_MAP_SYM = re.compile(r"\[([^\]]+)\]\s+(\S+?)::([^\(\[]+)")


def perf_frame(sym, dso):
    """A perf frame as 'Assembly!Namespace.Type.Method' (JIT-compiled, from the perf map), 'Assembly!?' (ReadyToRun code
    perf cannot name: the .dll it lies in), or 'lib!symbol' for native code and 'kernel!symbol'."""
    base = os.path.basename(dso.rstrip(")").lstrip("("))
    if base.startswith("perf-") and base.endswith(".map"):
        m = PERF_MAP_SYM.search(sym)
        if m:
            return f"{m.group(1)}!{m.group(2)}.{m.group(3)}"
        return "jit!" + sym
    if base.endswith(".dll"):
        asm = base[:-4]
        return f"{asm}!{asm}.?"
    if "kernel" in base:
        return "kernel!" + sym
    lib = base.split(".so")[0]
    return f"{lib}!{sym}"


def read_perf(path):
    """perf script -F comm,tid,time,ip,sym,dso: yields (comm, frames leaf..root)."""
    comm, frames = None, []
    with open(path, errors="replace") as f:
        for line in f:
            if line.strip() == "":
                continue
            if not line[0].isspace():
                if comm is not None:
                    yield comm, frames
                m = PERF_HEADER.match(line.rstrip())
                comm, frames = (m.group(1).strip() if m else line.strip()), []
                continue
            body = line.strip().split(None, 1)
            rest = body[1] if len(body) > 1 else ""
            i = rest.rfind(" (")
            sym, dso = (rest[:i], rest[i + 1:]) if i >= 0 else (rest, "")
            frames.append(perf_frame(sym, dso))
    if comm is not None:
        yield comm, frames


def perf_categorize(comm, frames):
    if "GC" in comm and ("Server" in comm or "BGC" in comm):
        return C_GC
    if any(f.startswith("libclrjit!") for f in frames) or "Tiered Com" in comm:
        return C_JIT
    if native_category(comm) == C_DIAG:
        return C_DIAG
    managed = [f for f in reversed(frames) if not f.startswith(("kernel!", "libcoreclr!", "libc!", "libclrjit!", "ld-linux", "libSystem.", "[vdso]", "libstdc", "libcrypto", "libssl", "libicu"))]
    if not managed:
        if any(f.startswith(("libc!__send", "libc!__libc_recv", "libc!send", "libc!recv", "libc!__libc_send")) for f in frames):
            return C_SOCK  # libc has no frame pointers: the unwind stops at the syscall wrapper
        if any(f.startswith(("libcrypto", "libssl")) for f in frames):
            return C_OURS  # HMAC-SHA256 of the API's bearer tokens (Dispatch.Silo.Auth)
        return C_NATIVE
    cat = categorize(managed)
    if cat == C_RT and any(f.startswith("libcrypto") or f.startswith("libssl") for f in frames):
        return C_OURS  # HMAC of the API's tokens (Dispatch.Silo.Auth) runs in libcrypto under CoreLib frames
    return cat


def analyse_perf(path):
    cats, kern, incl, excl = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    comms = collections.Counter()
    n = 0
    for comm, frames in read_perf(path):
        if not frames:
            continue
        n += 1
        comms[comm] += 1
        c = perf_categorize(comm, frames)
        cats[c] += 1
        if frames[0].startswith("kernel!"):
            kern[c] += 1
        for x in set(frames):
            if not x.startswith(("kernel!",)) and not x.endswith("!?"):
                incl[x] += 1
        leaf = next((x for x in frames if not x.startswith("kernel!")), frames[0])
        excl[leaf + (" [in kernel]" if frames[0].startswith("kernel!") else "")] += 1
    return n, cats, kern, incl, excl, comms


def read_proc(run_dir):
    rows = []
    path = os.path.join(run_dir, "proc.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                try:
                    rows.append(json.loads(line))
                except ValueError:
                    pass
    return rows


def at(rows, t):
    """The sample nearest to wall time t."""
    return min(rows, key=lambda r: abs(r["t"] - t))


def trace_window(rows, run, span_s):
    """The trace window in wall time: from the first EventPipe thread that appeared after dotnet-trace was launched
    (the session's start; dotnet-trace takes a few seconds to start on a busy machine) for the trace's span."""
    launch = run.get("trace_launch", rows[0]["t"])
    first = {}
    for r in rows:
        for tid, (comm, _) in r["threads"].items():
            first.setdefault(tid, (r["t"], comm))
    starts = [t for t, comm in first.values() if "EventPipe" in comm and launch <= t <= launch + 30]
    if starts:
        return min(starts), min(starts) + span_s, "from the first EventPipe thread seen in /proc after dotnet-trace started"
    return launch + 1.0, launch + 1.0 + span_s, "dotnet-trace launch + 1 s (no EventPipe thread seen)"


def thread_cpu(rows, t0, t1):
    """Per-thread CPU seconds between the samples nearest t0 and t1 (a thread that ended in between counts up to its
    last sample), the span, and the silo's and PostgreSQL's CPU seconds."""
    a, b = at(rows, t0), at(rows, t1)
    last = {}
    for r in rows:
        if a["t"] <= r["t"] <= b["t"]:
            for tid, v in r["threads"].items():
                last[tid] = v
    out = {}
    for tid, (comm, ticks) in last.items():
        before = a["threads"].get(tid, [comm, 0])[1]
        out[tid] = (comm, (ticks - before) / CLK_TCK)
    pg = ((b["pg"] or 0) - (a["pg"] or 0)) / CLK_TCK if a["pg"] is not None and b["pg"] is not None else None
    return out, b["t"] - a["t"], (b["silo"] - a["silo"]) / CLK_TCK, pg


def native_category(comm):
    if "GC" in comm or "BGC" in comm:
        return C_GC
    if any(s in comm for s in ("SampleProf", "EventPipe", "Diagnostic", "DiagnosticServ", "MetricsEventSou", "Counter Po")):
        return C_DIAG
    if "Tiered Com" in comm:
        return C_JIT
    return C_NATIVE


def counters_summary(run_dir):
    """dotnet-counters CSV: the EventCounters of System.Runtime (or, failing that, its meter)."""
    path = os.path.join(run_dir, "counters.csv")
    if not os.path.exists(path):
        return {}
    series = collections.defaultdict(lambda: collections.defaultdict(float))  # name without dimensions -> timestamp -> sum
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            try:
                v = float(row.get("Mean/Increment", "nan"))
            except ValueError:
                continue
            name = row.get("Counter Name", "").split("[")[0].strip()
            series[name][row.get("Timestamp", "")] += v

    def mean(name):
        v = list(series.get(name, {}).values())
        return sum(v) / len(v) if v else None

    def peak(name):
        v = list(series.get(name, {}).values())
        return max(v) if v else None
    out = {"samples": max((len(v) for v in series.values()), default=0)}
    if "CPU Usage (%)" in series:  # EventCounters
        out["cpu_percent_of_machine_mean"] = mean("CPU Usage (%)")
        out["time_in_gc_percent_mean"] = mean("% Time in GC since last GC (%)")
        p = mean("Time paused by GC (ms / 1 sec)")
        out["gc_paused_percent"] = p / 10 if p is not None else None
        a = mean("Allocation Rate (B / 1 sec)")
        out["alloc_mb_per_s"] = a / 1048576 if a is not None else None
        out["threadpool_queue_mean"] = mean("ThreadPool Queue Length")
        out["threadpool_queue_max"] = peak("ThreadPool Queue Length")
        out["threadpool_threads_mean"] = mean("ThreadPool Thread Count")
        out["lock_contentions_per_s"] = mean("Monitor Lock Contention Count (Count / 1 sec)")
        out["jit_ms_per_s"] = mean("Time spent in JIT (ms / 1 sec)")
        out["gc_heap_mb_mean"] = mean("GC Heap Size (MB)")
        for g in ("0", "1", "2"):
            v = series.get(f"Gen {g} GC Count (Count / 1 sec)", {})
            out[f"gen{g}_gcs"] = sum(v.values())
    else:  # System.Diagnostics.Metrics names (.NET 9+ meter)
        c = mean("dotnet.process.cpu.time (s / 1 sec)")
        out["cpu_cores_mean"] = c
        p = mean("dotnet.gc.pause.time (s / 1 sec)")
        out["gc_paused_percent"] = 100 * p if p is not None else None
        a = mean("dotnet.gc.heap.total_allocated (By / 1 sec)")
        out["alloc_mb_per_s"] = a / 1048576 if a is not None else None
        out["lock_contentions_per_s"] = mean("dotnet.monitor.lock_contentions ({contention} / 1 sec)")
        j = mean("dotnet.jit.compilation.time (s / 1 sec)")
        out["jit_ms_per_s"] = 1000 * j if j is not None else None
        for g in ("0", "1", "2"):
            pass
        v = series.get("dotnet.gc.collections ({collection} / 1 sec)", {})
        out["gcs"] = sum(v.values())
    return out


def report_figures(run_dir):
    path = os.path.join(run_dir, "report", "surge-report.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        r = json.load(f)

    def g(*keys):
        x = r
        for k in keys:
            if not isinstance(x, dict):
                return None
            x = x.get(k, x.get(k[0].upper() + k[1:]))
        return x
    return {
        "accepted": g("counts", "accepted"),
        "accepted_per_s": g("acceptedPerSecond"),
        "offered_per_s": g("offeredPerSecond"),
        "rows_per_whistle": g("baselines", "engineRowWritesPerWhistle"),
        "rows_per_s": g("baselines", "engineRowWritesPerSecond"),
        "silo_cpu_mean_pct": g("resources", "siloMeanCpuPercent"),
        "pg_cpu_mean_pct": g("resources", "postgresMeanCpuPercent"),
        "tester_cpu_mean_pct": g("resources", "loadTesterMeanCpuPercent"),
        "p99_accepted_ms": g("latencies", "accepted", "p99"),
        "lost": g("counts", "lost"), "duplicated": g("counts", "duplicated"),
    }


def per_whistle(cpu, base, accepted):
    """cpu: category -> CPU (any unit); base: the run's silo CPU seconds without diagnostics."""
    denom = sum(v for c, v in cpu.items() if c != C_DIAG)
    out = {}
    for c in ORDER:
        if c == C_DIAG:
            continue
        share = cpu.get(c, 0.0) / denom if denom else 0.0
        out[c] = {"share": share, "ms": 1000 * share * base / accepted if accepted else None}
    return out


def trace_source(run_dir, run, rows, top):
    ss = sorted(glob.glob(os.path.join(run_dir, "trace*.speedscope.json")))
    if not ss:
        return None
    frames, per_thread, span_ms = analyse_trace(ss[0])
    t0, t1, how = trace_window(rows, run, span_ms / 1000)
    tcpu, wall, silo_win, pg_win = thread_cpu(rows, t0, t1)
    cpu, incl, excl, unsampled = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for tid, (comm, secs) in tcpu.items():
        th = per_thread.get(tid)
        if secs <= 0:
            continue
        if th is None:  # a native thread the sample profiler does not stack
            cpu[native_category(comm)] += secs
            unsampled[comm] += secs
            continue
        if th["active"] <= 0:
            cpu[C_RT] += secs
            unsampled[comm + " (managed, no active samples)"] += secs
            continue
        w = secs / th["active"]
        for c, v in th["cats"].items():
            cpu[c] += v * w
        for x, v in th["incl"].items():
            incl[x] += v * w
        for (x, nat), v in th["excl"].items():
            excl[frames[x] + (" [native]" if nat else "")] += v * w
    total = sum(cpu.values())
    return {"kind": "dotnet-trace thread-time samples, weighted by each thread's /proc CPU",
            "window": {"how": how, "wall_s": wall, "silo_cpu_s": silo_win, "pg_cpu_s": pg_win, "attributed_cpu_s": total},
            "cpu_by_category": dict(cpu), "unit_total": total, "unsampled_threads": dict(unsampled.most_common(12)),
            "top_inclusive": [(frames[x], v / total) for x, v in incl.most_common(top)],
            "top_exclusive": [(x, v / total) for x, v in excl.most_common(top)]}


def perf_source(run_dir, top):
    path = os.path.join(run_dir, "perf.script")
    if not os.path.exists(path):
        return None
    n, cats, kern, incl, excl, comms = analyse_perf(path)
    return {"kind": "perf cpu-clock samples (249 Hz, on-CPU only)", "samples": n,
            "cpu_by_category": dict(cats), "unit_total": n,
            "kernel_share_by_category": {c: kern[c] / cats[c] for c in cats if cats[c]},
            "threads": dict(comms.most_common(12)),
            "top_inclusive": [(x, v / n) for x, v in incl.most_common(top)],
            "top_exclusive": [(x, v / n) for x, v in excl.most_common(top)]}


def analyse_run(run_dir, top):
    run = json.load(open(os.path.join(run_dir, "run.json")))
    rows = read_proc(run_dir)
    fig = report_figures(run_dir)
    run_rows = [r for r in rows if run.get("surge_at", 0) <= r["t"] <= run.get("reading_at", rows[-1]["t"])]
    a, b = run_rows[0], run_rows[-1]
    silo_run = (b["silo"] - a["silo"]) / CLK_TCK
    run_wall = b["t"] - a["t"]
    if a["pg"] is not None and b["pg"] is not None:
        pg_run, pg_how = (b["pg"] - a["pg"]) / CLK_TCK, "/proc: postmaster + backends"
    else:  # the sampler lost the postmaster: the surge report's mean PostgreSQL CPU over the same span
        pg_run, pg_how = (fig.get("pg_cpu_mean_pct") or 0) / 100 * run_wall, "surge report's mean PostgreSQL CPU x span"
    diag_run = 0.0  # the diagnostics threads' CPU over the run (EventPipe session start, sampling, rundown)
    gc_run = 0.0
    for tid, (comm, d) in thread_cpu(rows, a["t"], b["t"])[0].items():
        if native_category(comm) == C_DIAG:
            diag_run += d
        elif native_category(comm) == C_GC:
            gc_run += d
    accepted = fig.get("accepted") or 0
    base = silo_run - diag_run
    # the profiling window (perf's, else dotnet-counters' start + 20 s): whistles accepted in it (the report's per-second
    # series counts from the surge's start), the silo's and PostgreSQL's CPU in it
    w0 = run.get("perf_launch", run.get("trace_launch", run.get("surge_at", 0) + 3))
    w1 = w0 + 20
    in_window = None
    try:
        rep = json.load(open(os.path.join(run_dir, "report", "surge-report.json")))
        off = run.get("surge_at", w0)
        in_window = sum(x["accepted"] for x in rep.get("perSecond", []) if w0 - off <= x["second"] < w1 - off)
    except (OSError, ValueError, KeyError):
        pass
    tw, wall_w, silo_w, pg_w = thread_cpu(rows, w0, w1)
    diag_w = sum(v for comm, v in tw.values() if native_category(comm) == C_DIAG)
    counters = counters_summary(run_dir)
    summary = {
        "run_dir": run_dir,
        "run": {"wall_s": run_wall, "silo_cpu_s": silo_run, "pg_cpu_s": pg_run, "diagnostics_cpu_s": diag_run,
                "gc_threads_cpu_s": gc_run, "silo_cores": silo_run / run_wall, "pg_cores": pg_run / run_wall, "pg_how": pg_how,
                "silo_ms_per_whistle": 1000 * base / accepted if accepted else None,
                "pg_ms_per_whistle": 1000 * pg_run / accepted if accepted else None},
        "window": {"from_surge_s": w0 - run.get("surge_at", w0), "wall_s": wall_w, "accepted": in_window,
                   "silo_cpu_s": silo_w, "pg_cpu_s": pg_w, "diagnostics_cpu_s": diag_w,
                   "silo_ms_per_whistle": 1000 * (silo_w - diag_w) / in_window if in_window else None,
                   "pg_ms_per_whistle": 1000 * pg_w / in_window if in_window and pg_w is not None else None,
                   "alloc_kb_per_whistle": 1024 * counters["alloc_mb_per_s"] * wall_w / in_window
                   if in_window and counters.get("alloc_mb_per_s") else None},
        "report": fig, "counters": counters,
        "uptime": {k: v for k, v in run.items() if k.startswith("uptime")},
        "sources": {},
    }
    for name, src in (("trace", trace_source(run_dir, run, rows, top)), ("perf", perf_source(run_dir, top))):
        if src:
            src["categories"] = per_whistle(src["cpu_by_category"], base, accepted)
            summary["sources"][name] = src
    with open(os.path.join(run_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    return summary


def print_run(s, top):
    r = s["run"]
    print(f"# {s['run_dir']}")
    print(f"surge+drain+grace {r['wall_s']:.1f} s: silo CPU {r['silo_cpu_s']:.1f} s ({r['silo_cores']:.2f} cores; diagnostics threads "
          f"{r['diagnostics_cpu_s']:.1f} s, GC threads {r['gc_threads_cpu_s']:.1f} s), PostgreSQL {r['pg_cpu_s']:.1f} s ({r['pg_cores']:.2f} cores); "
          f"per accepted whistle: silo {r['silo_ms_per_whistle']:.2f} ms (without diagnostics), PostgreSQL {r['pg_ms_per_whistle']:.2f} ms")
    w = s["window"]
    print(f"profiling window ({w['from_surge_s']:.1f} s into the surge, {w['wall_s']:.1f} s): {w['accepted']} whistles accepted; silo CPU "
          f"{w['silo_cpu_s']:.1f} s (diagnostics {w['diagnostics_cpu_s']:.1f} s), PostgreSQL {w['pg_cpu_s']} s; per accepted whistle: silo "
          f"{w['silo_ms_per_whistle'] or 0:.2f} ms, PostgreSQL {w['pg_ms_per_whistle'] or 0:.2f} ms, allocated {w['alloc_kb_per_whistle'] or 0:.0f} KB")
    print("report:", json.dumps(s["report"]))
    print("counters:", json.dumps(s["counters"]))
    print("uptime:", json.dumps(s["uptime"]))
    for name, src in s["sources"].items():
        print(f"\n## {name}: {src['kind']}")
        if "window" in src:
            w = src["window"]
            print(f"window {w['wall_s']:.1f} s ({w['how']}): silo CPU {w['silo_cpu_s']:.1f} s, attributed {w['attributed_cpu_s']:.1f} s, PostgreSQL {w['pg_cpu_s']} s")
        if "samples" in src:
            print(f"{src['samples']} samples; threads: {json.dumps(src['threads'])}")
        print("share   CPU ms/whistle  category" + ("   (in kernel)" if "kernel_share_by_category" in src else ""))
        for c, v in src["categories"].items():
            k = src.get("kernel_share_by_category", {}).get(c)
            print(f"{v['share'] * 100:5.1f} %  {v['ms'] or 0:7.2f} ms  {c}" + (f"   ({100 * k:.0f} % in kernel)" if k else ""))
        if src.get("unsampled_threads"):
            print("native threads (CPU s in window):", json.dumps({k: round(v, 2) for k, v in src["unsampled_threads"].items()}))
        print(f"\ntop {top} frames, inclusive (share of the silo's sampled CPU)")
        for n, v in src["top_inclusive"][:top]:
            print(f"{100 * v:5.1f} %  {n[:170]}")
        print(f"\ntop {top} frames, exclusive")
        for n, v in src["top_exclusive"][:top]:
            print(f"{100 * v:5.1f} %  {n[:170]}")


MERGED = {  # the README's 12 rows
    C_ORL_SER: "Orleans: messaging, serialization, scheduling, activations", C_ORL_RT: "Orleans: messaging, serialization, scheduling, activations",
    C_CASE: "our code: case grain, API handlers, engine, auth", C_OURS: "our code: case grain, API handlers, engine, auth",
    C_SPIN: "everything else: runtime & BCL, logging/metrics, native, unattributed socket syscalls",
    C_RT: "everything else: runtime & BCL, logging/metrics, native, unattributed socket syscalls",
    C_LOG: "everything else: runtime & BCL, logging/metrics, native, unattributed socket syscalls",
    C_SOCK: "everything else: runtime & BCL, logging/metrics, native, unattributed socket syscalls",
    C_NATIVE: "everything else: runtime & BCL, logging/metrics, native, unattributed socket syscalls",
    C_SQLITE: None, C_JSON_PROJ: "JSON (System.Text.Json): projector rows",
}


def merged(cats):
    out = collections.OrderedDict()
    for c in ORDER:
        if c == C_DIAG or c not in cats:
            continue
        k = MERGED.get(c, c)
        if k is None:
            continue
        o = out.setdefault(k, {"share": 0.0, "ms": 0.0})
        o["share"] += cats[c]["share"]
        o["ms"] += cats[c]["ms"] or 0
    return out


def compare(before, after, source, merge=False):
    b = json.load(open(os.path.join(before, "summary.json")))
    a = json.load(open(os.path.join(after, "summary.json")))
    bs, as_ = b["sources"][source], a["sources"][source]
    bc, ac = (merged(bs["categories"]), merged(as_["categories"])) if merge else (bs["categories"], as_["categories"])
    print(f"| cost ({source}; CPU ms per accepted whistle, share of silo CPU) | before | after | change |")
    print("|---|---:|---:|---:|")
    for c in bc:
        x, y = bc[c]["ms"] or 0, ac.get(c, {}).get("ms") or 0
        if x < 0.005 and y < 0.005:
            continue
        print(f"| {c} | {x:.2f} ({100 * bc[c]['share']:.0f} %) | {y:.2f} ({100 * ac.get(c, {}).get('share', 0):.0f} %) | {y - x:+.2f} |")
    print(f"| **silo, total** | **{b['run']['silo_ms_per_whistle']:.2f}** | **{a['run']['silo_ms_per_whistle']:.2f}** | "
          f"{a['run']['silo_ms_per_whistle'] - b['run']['silo_ms_per_whistle']:+.2f} |")
    print(f"| PostgreSQL, all backends (/proc) | {b['run']['pg_ms_per_whistle']:.2f} | {a['run']['pg_ms_per_whistle']:.2f} | "
          f"{a['run']['pg_ms_per_whistle'] - b['run']['pg_ms_per_whistle']:+.2f} |")


def callers(path, needle, top, depth):
    """Active samples whose innermost real frame contains needle: by category, and their most common call chains."""
    frames, profiles = load_speedscope(path)
    is_pseudo = {i for i, n in enumerate(frames) if n in ("CPU_TIME", "UNMANAGED_CODE_TIME", "Threads", "?!?") or n.startswith("Thread (")}
    cats, chains = collections.Counter(), collections.Counter()
    for p in profiles:
        for dt, st in walk(frames, p):
            real = [x for x in st if x not in is_pseudo]
            if not real or needle not in frames[real[-1]]:
                continue
            names = [frames[x] for x in real]
            cats[categorize(names)] += dt
            chain = [method(n) for n in names if not method(n).startswith(("System.Runtime.CompilerServices", "System.Threading.Tasks",
                                                                           "System.Threading.ExecutionContext"))]
            chains[" < ".join(reversed(chain[-depth:]))] += dt
    total = sum(cats.values()) or 1
    print(f"{total / 1000:.2f} s sampled with the leaf matching {needle!r}")
    for c, v in cats.most_common():
        print(f"{100 * v / total:6.1f} %  {c}")
    for c, v in chains.most_common(top):
        print(f"{100 * v / total:6.1f} %  {c[:400]}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir", nargs="?")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--source", choices=("perf", "trace"), default="perf", help="with --compare: which samples")
    ap.add_argument("--merge", action="store_true", help="with --compare: the README's 12 rows")
    ap.add_argument("--speedscope")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--callers", metavar="SUBSTR", help="with --speedscope: where the samples whose leaf frame contains SUBSTR come from")
    ap.add_argument("--depth", type=int, default=12)
    a = ap.parse_args()
    if a.callers:
        callers(a.speedscope or sorted(glob.glob(os.path.join(a.run_dir, "trace*.speedscope.json")))[0], a.callers, a.top, a.depth)
        return
    if a.compare:
        compare(*a.compare, a.source, a.merge)
    elif a.speedscope:
        frames, per_thread, span = analyse_trace(a.speedscope)
        cats = collections.Counter()
        incl = collections.Counter()
        for th in per_thread.values():
            cats.update(th["cats"])
            incl.update(th["incl"])
        tot = sum(cats.values())
        print(f"active sampled time {tot / 1000:.1f} s over {span / 1000:.1f} s")
        for c, v in cats.most_common():
            print(f"{100 * v / tot:6.1f} %  {c}")
        for x, v in incl.most_common(a.top):
            print(f"{100 * v / tot:6.1f} %  {frames[x][:160]}")
    else:
        print_run(analyse_run(a.run_dir, a.top), a.top)


if __name__ == "__main__":
    main()
