"""Measures the kernel as a user meets it: start time, a trivial cell's round trip, and memory.

Run after ./install.sh (or with JUPYTER_PATH pointing at a private kernelspec):
    /usr/bin/python3 kernel/src/test/python/bench_kernel.py
Prints: kernel start to kernel_info_reply (median of 5), the first cell's round trip after start,
trivial execute round trips (median of 20), completion latency (median of 10), and the kernel's
resident memory after a generated-text stream has run 10 batches.
"""
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
    try:
        first = execute(kc, "1 + 1")
        trips = [execute(kc, "1 + 1") for _ in range(20)]
        declarations = [execute(kc, f"int x{i} = {i};") for i in range(10)]
        completions = [complete(kc, "sc.paral") for _ in range(10)]
        execute(kc, STREAM)
        pid = km.provisioner.pid if km.provisioner else km.kernel.pid
        print(f"kernel start to kernel_info_reply, median of 5: {statistics.median(starts) * 1000:.0f} ms")
        print(f"first cell (1 + 1) right after start: {first * 1000:.0f} ms")
        print(f"trivial cell round trip (1 + 1), median of 20: {statistics.median(trips) * 1000:.1f} ms")
        print(f"declaration round trip (int x = 1;), median of 10: {statistics.median(declarations) * 1000:.1f} ms")
        print(f"completion (sc.paral), median of 10: {statistics.median(completions) * 1000:.1f} ms")
        print(f"kernel RSS after a stream ran 10 batches: {rss_mb(pid):.0f} MB")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


if __name__ == "__main__":
    main()
