"""Measures the kernel as a user meets it: start time, a trivial cell's round trip, and memory.

Run after ./install.sh (or with JUPYTER_PATH pointing at a private kernelspec):
    /usr/bin/python3 kernel/src/test/python/bench_kernel.py
Prints: kernel start to kernel_info_reply (median of 5), the first cell's round trip after start,
trivial execute round trips (median of 20, wall and the kernel process's CPU time per cell),
completion latency (median of 10), the kernel's resident memory after a generated-text stream has
run 10 batches, and the first 20 trivial cells of a kernel left idle for 10 s after start (as when
a user opens a notebook and types), when background warm-ups have had their time.
"""
import os
import statistics
import time

from jupyter_client.manager import KernelManager

STREAM = """
var ssc10 = new StreamingContext(sc, Durations.milliseconds(200));
ssc10.textGeneratorStream(10000)
    .flatMap(l -> Arrays.asList(l.split(" ")).iterator())
    .mapToPair(w -> new Tuple2<>(w, 1))
    .reduceByKey(Integer::sum)
    .print(20);
ssc10.start();
ssc10.awaitBatches(10);
"""


def start_kernel():
    km = KernelManager(kernel_name="eddy")
    began = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.kernel_info()
    while True:
        msg = kc.get_shell_msg(timeout=60)
        if msg["msg_type"] == "kernel_info_reply":
            return km, kc, time.perf_counter() - began


def execute(kc, code):
    began = time.perf_counter()
    reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)
    assert reply["content"]["status"] == "ok", reply["content"]
    return time.perf_counter() - began


def complete(kc, code):
    began = time.perf_counter()
    msg_id = kc.complete(code, len(code))
    while True:
        reply = kc.get_shell_msg(timeout=60)
        if reply["parent_header"].get("msg_id") == msg_id:
            assert reply["content"]["matches"], reply["content"]
            return time.perf_counter() - began


def cpu_ms(pid):
    """User plus system CPU time the process has used so far, in milliseconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def timed_cells(kc, pid, code, count):
    """Runs code count times; returns the wall round trips and the kernel's mean CPU time per cell
    (the kernel's CPU clock ticks in 10 ms steps, too coarse for one cell)."""
    before = cpu_ms(pid)
    trips = [execute(kc, code) for _ in range(count)]
    return trips, (cpu_ms(pid) - before) / count


def idle_session():
    """The first 20 trivial cells of a kernel left idle for 10 s after kernel_info_reply."""
    km, kc, _ = start_kernel()
    try:
        time.sleep(10)
        pid = km.provisioner.pid if km.provisioner else km.kernel.pid
        return timed_cells(kc, pid, "1 + 1", 20)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    starts = []
    for _ in range(5):
        km, kc, seconds = start_kernel()
        starts.append(seconds)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    km, kc, _ = start_kernel()
    pid = km.provisioner.pid if km.provisioner else km.kernel.pid
    try:
        first = execute(kc, "1 + 1")
        trips, trip_cpus = timed_cells(kc, pid, "1 + 1", 20)
        declarations = [execute(kc, f"int x{i} = {i};") for i in range(10)]
        completions = [complete(kc, "sc.paral") for _ in range(10)]
        execute(kc, STREAM)
        print(f"kernel start to kernel_info_reply, median of 5: {statistics.median(starts) * 1000:.0f} ms")
        print(f"first cell (1 + 1) right after start: {first * 1000:.0f} ms")
        print(f"trivial cell round trip (1 + 1), median of 20: {statistics.median(trips) * 1000:.1f} ms"
              f" (kernel CPU {trip_cpus:.1f} ms a cell, mean)")
        print(f"declaration round trip (int x = 1;), median of 10: {statistics.median(declarations) * 1000:.1f} ms")
        print(f"completion (sc.paral), median of 10: {statistics.median(completions) * 1000:.1f} ms")
        print(f"kernel RSS after a stream ran 10 batches: {rss_mb(pid):.0f} MB")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    idle_trips, idle_cpus = idle_session()
    print(f"after 10 s idle: first cell {idle_trips[0] * 1000:.0f} ms, (1 + 1) median of the first 20:"
          f" {statistics.median(idle_trips) * 1000:.1f} ms (kernel CPU {idle_cpus:.1f} ms a cell, mean)")


if __name__ == "__main__":
    main()
