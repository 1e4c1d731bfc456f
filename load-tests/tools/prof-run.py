#!/usr/bin/env python3
"""Run one profiled surge: dispatch-load surge --start postgres, then dotnet-trace + dotnet-counters on the silo.

usage: prof-run.py WORKTREE OUTDIR [--whistles 4000] [--seconds 30] [--delay 3] [--window 20] [--perf] [--no-trace]

Runs, in WORKTREE: dotnet load-tests/LoadTests/bin/Release/net10.0/dispatch-load.dll surge --start postgres
--whistles 4000 --seconds 30 --no-progress --report OUTDIR/report (with --perf also --silo-env DOTNET_PerfMapEnabled=3
--silo-env DOTNET_EnableWriteXorExecute=0). --delay s after the "Surge:" line it attaches, for --window s:
  dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:20   (unless --no-trace)
  dotnet-counters collect -p PID --counters 'EventCounters\System.Runtime' --refresh-interval 1 --duration 00:00:20
  perf record -e cpu-clock -F 249 -g -p PID -- sleep 20                                   (with --perf)
then dotnet-trace convert --format Speedscope, and perf script -F comm,tid,time,ip,sym,dso.

WORKTREE holds a Release build of Silo and load-tests/LoadTests. The diagnostics tools are local tools in
/tmp/prof (dotnet new tool-manifest; dotnet tool install dotnet-trace; dotnet tool install dotnet-counters).
Writes into OUTDIR: surge.log (the surge's output, each line stamped with the wall clock), proc.jsonl (every
0.25 s: the silo's per-thread CPU ticks from /proc/PID/task/*/stat and the throwaway PostgreSQL's CPU ticks),
trace.nettrace + trace.speedscope.speedscope.json, counters.csv, perf.data + perf.script, report/ (surge-report.json/html),
run.json (times, uptime before / at attach / after).
"""
import argparse, json, os, re, subprocess, sys, threading, time

TOOLS = "/tmp/prof"


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def stat_fields(path):
    with open(path) as f:
        s = f.read()
    comm = s[s.index("(") + 1: s.rindex(")")]
    rest = s[s.rindex(")") + 2:].split()
    # rest[0] = state (field 3); utime = field 14, stime 15, cutime 16, cstime 17, starttime 22
    return comm, int(rest[1]), int(rest[11]), int(rest[12]), int(rest[13]), int(rest[14]), int(rest[19])


def postmaster_after(boot_ticks):
    """Newest PostgreSQL postmaster (a 'postgres' process whose parent is not one) started after boot_ticks."""
    best = None
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            comm, ppid, ut, st, cut, cst, start = stat_fields(f"/proc/{d}/stat")
            if comm != "postgres" or start < boot_ticks:
                continue
            pcomm = stat_fields(f"/proc/{ppid}/stat")[0]
        except (OSError, ValueError, IndexError):
            continue
        if pcomm != "postgres" and (best is None or start > best[1]):
            best = (int(d), start)
    return best[0] if best else None


def pg_ticks(pm):
    """Postmaster + live children + reaped children's CPU (cutime/cstime of the postmaster)."""
    total = 0
    try:
        _, _, ut, st, cut, cst, _ = stat_fields(f"/proc/{pm}/stat")
        total = ut + st + cut + cst
    except (OSError, ValueError):
        return None
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            comm, ppid, ut, st, _, _, _ = stat_fields(f"/proc/{d}/stat")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pm:
            total += ut + st
    return total


def sampler(pid, start_ticks, out, stop, run):
    pm = None
    with open(out, "w") as f:
        while not stop.is_set() and os.path.exists(f"/proc/{pid}"):
            t = time.time()
            threads = {}
            try:
                for tid in os.listdir(f"/proc/{pid}/task"):
                    try:
                        comm, _, ut, st, _, _, _ = stat_fields(f"/proc/{pid}/task/{tid}/stat")
                        threads[tid] = [comm, ut + st]
                    except (OSError, ValueError):
                        pass
                _, _, ut, st, _, _, _ = stat_fields(f"/proc/{pid}/stat")
            except (OSError, ValueError):
                break
            if pm is None and run.get("pg_root"):
                try:  # the throwaway cluster's postmaster.pid, first line
                    with open(os.path.join(run["pg_root"], "data", "postmaster.pid")) as pf:
                        pm = int(pf.readline())
                except (OSError, ValueError):
                    pm = None
            if pm is None:
                pm = postmaster_after(start_ticks)
            f.write(json.dumps({"t": t, "silo": ut + st, "threads": threads, "pg": pg_ticks(pm) if pm else None}) + "\n")
            f.flush()
            time.sleep(0.25)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("worktree")
    ap.add_argument("outdir")
    ap.add_argument("--whistles", default="4000")
    ap.add_argument("--seconds", default="30")
    ap.add_argument("--delay", type=float, default=3.0, help="seconds into the surge phase before attaching")
    ap.add_argument("--window", type=int, default=20, help="trace/counters duration, seconds")
    ap.add_argument("--perf", action="store_true", help="also perf record (cpu-clock, 249 Hz, call graphs) the silo for the window; "
                    "starts the silo with DOTNET_PerfMapEnabled=3 and DOTNET_EnableWriteXorExecute=0 so perf can name JIT-compiled methods")
    ap.add_argument("--no-trace", action="store_true", help="no dotnet-trace (its sample profiler costs the silo ~10 %% CPU and "
                    "suspends every thread ~100 times a second, which perf would then measure)")
    a = ap.parse_args()
    out = os.path.abspath(a.outdir)
    os.makedirs(out, exist_ok=True)
    run = {"worktree": a.worktree, "uptime_before": uptime(), "started": time.time()}
    with open("/proc/uptime") as f:
        boot_ticks = int(float(f.read().split()[0]) * os.sysconf("SC_CLK_TCK"))
    cmd = ["dotnet", "load-tests/LoadTests/bin/Release/net10.0/dispatch-load.dll", "surge", "--start", "postgres",
           "--whistles", a.whistles, "--seconds", a.seconds, "--no-progress", "--report", os.path.join(out, "report")]
    if a.perf:
        cmd += ["--silo-env", "DOTNET_PerfMapEnabled=3", "--silo-env", "DOTNET_EnableWriteXorExecute=0"]
    run["command"] = " ".join(cmd)
    print("$", run["command"], flush=True)
    p = subprocess.Popen(cmd, cwd=a.worktree, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    stop = threading.Event()
    tools = []
    log = open(os.path.join(out, "surge.log"), "w")
    window = "00:00:%02d" % a.window
    for line in p.stdout:
        t = time.time()
        log.write(f"{t:.3f} {line}")
        log.flush()
        sys.stdout.write(line)
        m = re.search(r"Starting throwaway PostgreSQL on \S+ \((/[^)]+)\)", line)
        if m:
            run["pg_root"] = m.group(1)
        m = re.search(r"Silo up \(pid (\d+)\)", line)
        if m and "silo_pid" not in run:
            run["silo_pid"] = int(m.group(1))
            threading.Thread(target=sampler, args=(run["silo_pid"], boot_ticks, os.path.join(out, "proc.jsonl"), stop, run), daemon=True).start()
        if line.lstrip().startswith("Surge:") and "surge_at" not in run:
            run["surge_at"] = t

            def attach(pid=run["silo_pid"]):
                time.sleep(a.delay)
                run["uptime_attach"] = uptime()
                run["trace_launch"] = time.time()
                tr = None if a.no_trace else subprocess.Popen(["dotnet", "dotnet-trace", "collect", "-p", str(pid), "--profile", "dotnet-sampled-thread-time",
                                       "--duration", window, "-o", os.path.join(out, "trace.nettrace")],
                                      cwd=TOOLS, stdout=open(os.path.join(out, "trace.out"), "w"), stderr=subprocess.STDOUT)
                co = subprocess.Popen(["dotnet", "dotnet-counters", "collect", "-p", str(pid), "--counters", "EventCounters\\System.Runtime",
                                       "--refresh-interval", "1", "--duration", window, "--format", "csv",
                                       "-o", os.path.join(out, "counters.csv")],
                                      cwd=TOOLS, stdout=open(os.path.join(out, "counters.out"), "w"), stderr=subprocess.STDOUT)
                tools.extend([x for x in (tr, co) if x])
                if a.perf:
                    if tr:
                        time.sleep(3)  # dotnet-trace needs ~3 s to attach on a busy machine
                    run["perf_launch"] = time.time()
                    pf = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "249", "-g", "-p", str(pid),
                                           "-o", os.path.join(out, "perf.data"), "--", "sleep", str(a.window)],
                                          stdout=open(os.path.join(out, "perf.out"), "w"), stderr=subprocess.STDOUT)
                    tools.append(pf)
                    pf.wait()
                    run["perf_done"] = time.time()
                co.wait()
                run["counters_done"] = time.time()
                if tr:
                    tr.wait()
                    run["trace_done"] = time.time()

            th = threading.Thread(target=attach)
            th.start()
            tools.append(th)
        if line.lstrip().startswith("Reading ") and "reading_at" not in run:
            run["reading_at"] = t
    p.wait()
    run["exit_code"] = p.returncode
    run["ended"] = time.time()
    for x in tools:
        if isinstance(x, threading.Thread):
            x.join()
    stop.set()
    run["uptime_after"] = uptime()
    if a.perf and os.path.exists(os.path.join(out, "perf.data")):
        with open(os.path.join(out, "perf.script"), "w") as f:
            subprocess.run(["perf", "script", "-i", os.path.join(out, "perf.data"), "-F", "comm,tid,time,ip,sym,dso"],
                           stdout=f, stderr=subprocess.DEVNULL, check=False)
    if not a.no_trace:
        subprocess.run(["dotnet", "dotnet-trace", "convert", "--format", "Speedscope", os.path.join(out, "trace.nettrace"),
                        "-o", os.path.join(out, "trace.speedscope.json")], cwd=TOOLS, check=False)
    with open(os.path.join(out, "run.json"), "w") as f:
        json.dump(run, f, indent=1)
    print(json.dumps(run, indent=1))


if __name__ == "__main__":
    main()
