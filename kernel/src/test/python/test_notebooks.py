"""Executes every tutorial notebook with the Eddy kernel, the way Jupyter does, and saves it.

Each notebook runs end to end through nbclient against the installed "eddy" kernelspec; no cell may
produce an error output. The executed notebook, outputs included, is written back to notebooks/ so
that the committed tutorials show what a reader will see.
"""
import glob
import os
import re
import unittest

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = os.environ.get(
    "EDDY_NOTEBOOKS",
    os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "notebooks"))


def execute(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="eddy", timeout=180, startup_timeout=60, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(path)}})
    client.execute()
    return nb


def errors(nb):
    found = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
    return found


class NotebookTest(unittest.TestCase):
    executed = {}

    @classmethod
    def setUpClass(cls):
        paths = sorted(glob.glob(os.path.join(NOTEBOOKS, "*.ipynb")))
        for path in paths:
            nb = execute(path)
            nbformat.write(nb, path)
            cls.executed[os.path.basename(path)] = nb

    def test_notebooks_run_without_errors(self):
        self.assertTrue(self.executed, f"no notebooks in {NOTEBOOKS}")
        for name, nb in self.executed.items():
            with self.subTest(notebook=name):
                self.assertEqual([], errors(nb))

    def test_first_stream_keeps_the_final_live_table(self):
        nb = self.executed["01-first-stream.ipynb"]
        html = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
                if o.get("output_type") == "display_data" and "text/html" in o.get("data", {})]
        self.assertTrue(any("<table" in h for h in html), "no live table saved in 01-first-stream")

    def test_fault_tolerance_reads_every_kafka_record_once(self):
        nb = self.executed["05-fault-tolerance.ipynb"]
        replicated = cell_text(nb, "sc.blockManager().dropCopy(block.blockId(), 0)")
        self.assertIn("copiesInMemory=2", replicated)
        self.assertIn("after losing copy 0: BlockStatus[level=StorageLevel(disk, memory, 2 replicas), copiesInMemory=1",
                      replicated)
        summary = cell_text(nb, "replicatedBatch.succeeded()")
        self.assertIn("two copies, one lost: 1000 records, batch succeeded", summary)
        self.assertIn("one copy, lost:       1000 records, batch failed", summary)

        # every batch of the three runs over topic "events": one RDD partition per Kafka partition, and
        # per partition the ranges follow each other from offset 0 to its end: no record lost, none twice
        batches = [line for marker in ("var lastInput", "resumed.step();", "limited.runBatches(3);")
                   for line in cell_text(nb, marker).splitlines() if " RDD partitions, " in line]
        self.assertEqual(7, len(batches), batches)
        next_offset = {p: 0 for p in range(4)}
        total = 0
        for line in batches:
            self.assertIn(": 4 RDD partitions, ", line)
            ranges = [(int(p), int(a), int(b)) for p, a, b in re.findall(r"events (\d): (\d+) -> (\d+)", line)]
            self.assertEqual([0, 1, 2, 3], [p for p, _, _ in ranges], line)
            for p, start, until in ranges:
                self.assertEqual(next_offset[p], start, line)
                next_offset[p] = until
            count = sum(until - start for _, start, until in ranges)
            self.assertIn(f"RDD partitions, {count} records,", line)
            total += count
        self.assertEqual({p: 210 for p in range(4)}, next_offset)
        self.assertEqual(840, total)
        self.assertIn("produced 640, read 640, distinct 640", cell_text(nb, "resumed.step();"))
        self.assertIn("produced 840, read 840, distinct 840", cell_text(nb, "limited.runBatches(3);"))
        self.assertIn("{events-0=110, events-1=110, events-2=110, events-3=110}", cell_text(nb, 'committedOffsets("tutorial")'))
        limited = [int(n) for n in re.findall(r"RDD partitions, (\d+) records", cell_text(nb, "limited.runBatches(3);"))]
        self.assertEqual([80, 80, 40], limited)

        crash = cell_text(nb, "countExactlyOnce(firstRun, 4000);")
        self.assertIn("batch of 4000 ms failed", crash)
        self.assertIn("store after the crash: total 240, next offsets {events-0=60, events-1=60, events-2=60, events-3=60}", crash)
        self.assertIn("naive total: 320", crash)
        totals = cell_text(nb, "countExactlyOnce(secondRun, -1);")
        self.assertIn("produced:           840", totals)
        self.assertIn("exactly-once total: 840", totals)
        self.assertIn("naive total:        920", totals)
        self.assertEqual("false", cell_text(nb, "broker.stop();").strip())
        self.assertTrue(nb.cells[-1].source.startswith("## Coming next: checkpoints and recovery"))


def cell_text(nb, marker):
    """Returns the plain text of every output of the one code cell whose source contains marker."""
    found = [c for c in nb.cells if c.cell_type == "code" and marker in c.source]
    assert len(found) == 1, f"{len(found)} code cells contain {marker!r}"
    parts = []
    for output in found[0].get("outputs", []):
        parts.append(output.get("text") or output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


    # 04-dstreams: the cells are found by what they run, their printed lines checked.

    def cell_text(self, notebook, marker):
        """Returns the text a notebook's code cell containing marker printed or displayed."""
        nb = self.executed[notebook]
        for cell in nb.cells:
            if cell.cell_type == "code" and marker in cell.source:
                texts = []
                for output in cell.get("outputs", []):
                    if output.get("output_type") == "stream":
                        texts.append(output["text"])
                    elif "text/plain" in output.get("data", {}):
                        texts.append(output["data"]["text/plain"])
                return "\n".join(texts)
        self.fail(f"no cell with {marker!r} in {notebook}")

    def test_dstreams_live_views_keep_their_final_snapshot(self):
        nb = self.executed["04-dstreams.ipynb"]
        views = [o["data"]["text/plain"] for c in nb.cells for o in c.get("outputs", [])
                 if o.get("output_type") == "display_data" and o["data"].get("text/plain", "").startswith("Stream ")]
        self.assertGreaterEqual(len(views), 10)
        for view in views:
            self.assertTrue(view.startswith("Stream stopped"), view.splitlines()[0])
            self.assertIn("Final snapshot: stopped after", view)

    def test_dstreams_windows_agree_with_their_recomputation(self):
        text = self.cell_text("04-dstreams.ipynb", "reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b")
        windows = [line for line in text.splitlines() if line.startswith("window ending")]
        checks = [line.strip() for line in text.splitlines() if line.strip().startswith("recomputed:")]
        self.assertEqual(6, len(windows), text)
        self.assertEqual(6, len(checks), text)
        for line in checks:
            self.assertTrue(line.startswith("recomputed: same, with inverse: same"), line)
        self.assertNotIn("DIFFERS", text)
        self.assertIn("Final snapshot: stopped after 6 batches", text)

    def test_dstreams_state_touches_only_the_batch_keys_with_map_with_state(self):
        text = self.cell_text("04-dstreams.ipynb", "mapWithState(spec)")
        self.assertIn("mapWithState      [apple -> 1, apple -> 2, banana -> 1], calls: 3", text)
        self.assertIn("mapWithState      [apple timed out at 2, cherry -> 1], calls: 2", text)
        self.assertIn("updateStateByKey  {apple=2, banana=2}, calls: 2", text)
        self.assertIn("stateSnapshots    {cherry=1}", text)

    def test_dstreams_inputs_joins_and_recomputed_counts(self):
        nb = "04-dstreams.ipynb"
        self.assertIn("batch 4000 ms: RDD", self.cell_text(nb, "queueStream(queue)"))
        files = self.cell_text(nb, "textFileStream")
        self.assertRegex(files, r"batch \d+ ms: \[apple, avocado\]")
        self.assertRegex(files, r"batch \d+ ms: \[banana, cherry, cranberry\]")
        joins = self.cell_text(nb, "orders.join(payments)")
        self.assertRegex(joins, r"window join: \{o2=\(lamp,30.0\), o3=\(pen,1.2\)\}")
        top = self.cell_text(nb, "TextGenerator.lines(7, 2, 20)")
        shown = re.findall(r"\((\w+),(\d+)\)", top.split("last batch's top 3: ")[1].splitlines()[0])
        recomputed = re.findall(r"(\w+)=(\d+)", top.split("recomputed counts of those words: ")[1].splitlines()[0])
        self.assertEqual(3, len(shown), top)
        self.assertEqual(shown, recomputed)

    def test_dstreams_receivers_cut_blocks_and_backpressure_lowers_the_rate(self):
        nb = "04-dstreams.ipynb"
        socket = [line for line in self.cell_text(nb, "socketTextStream").splitlines() if line.startswith("batch ")]
        self.assertEqual(4, len(socket), socket)
        partitions = [int(n) for n in re.findall(r"lines in (\d+) partitions", "\n".join(socket))]
        self.assertGreaterEqual(max(partitions), 4, socket)  # a second of 200 ms blocks
        limits = [int(x) for x in re.findall(r"limit now (\d+)/s", self.cell_text(nb, "backpressure.enabled"))]
        self.assertGreaterEqual(len(limits), 24)
        self.assertLess(min(limits), 1000, limits)
        self.assertLessEqual(max(limits), 2000, limits)


if __name__ == "__main__":
    unittest.main()
