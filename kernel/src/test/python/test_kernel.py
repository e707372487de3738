"""Protocol tests of the Eddy kernel: its behaviour as Jupyter clients see it.

The kernel under test is the kernelspec named "eddy" found through JUPYTER_PATH. Every test is
bounded by timeouts; each class starts one kernel of its own.
"""
import os
import queue
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("EDDY_KERNEL_NAME", "eddy")
START_TIMEOUT = 60
CELL_TIMEOUT = 60

SPEC_CELL = """var queue = new java.util.LinkedList<RDD<String>>();
for (int i = 0; i < 5; i++) queue.add(sc.parallelize(java.util.List.of("a b", "b c", "c d " + i)));
var counts = ssc.queueStream(queue).flatMap(l -> java.util.Arrays.asList(l.split(" ")).iterator()).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum);
counts.print();
ssc.start();"""


def start_kernel():
    return start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=START_TIMEOUT)


def stop_kernel(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def shell_reply(kc, msg_id, timeout):
    """Returns the shell reply to msg_id, skipping replies to other requests."""
    deadline = time.monotonic() + timeout
    while True:
        reply = kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def iopub_until_idle(kc, msg_id, timeout):
    """Returns the IOPub messages of request msg_id, up to and including its idle status."""
    deadline = time.monotonic() + timeout
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages


def execute(kc, code, timeout=CELL_TIMEOUT):
    """Runs a cell; returns (execute_reply content, that cell's IOPub messages)."""
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id, timeout)
    return reply["content"], iopub_until_idle(kc, msg_id, timeout)


def of_type(messages, msg_type):
    return [m for m in messages if m["msg_type"] == msg_type]


class BasicProtocolTest(unittest.TestCase):
    """kernel_info, results, output, errors, state and history on one kernel."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_kernel_info_has_status_ok_and_java_language_info(self):
        msg_id = self.kc.kernel_info()
        content = shell_reply(self.kc, msg_id, 10)["content"]
        self.assertEqual("ok", content["status"])
        self.assertEqual("java", content["language_info"]["name"])
        self.assertEqual(".java", content["language_info"]["file_extension"])
        self.assertTrue(content["protocol_version"])

    def test_expression_value_is_the_execute_result(self):
        reply, messages = execute(self.kc, "1+1")
        self.assertEqual("ok", reply["status"])
        results = of_type(messages, "execute_result")
        self.assertEqual(1, len(results))
        self.assertEqual("2", results[0]["content"]["data"]["text/plain"])

    def test_declarations_and_void_calls_have_no_result(self):
        reply, messages = execute(self.kc, 'int unused = 3;\nSystem.out.print("")')
        self.assertEqual("ok", reply["status"])
        self.assertEqual([], of_type(messages, "execute_result"))

    def test_stdout_of_the_cell_is_streamed_to_it(self):
        reply, messages = execute(self.kc, 'System.out.println("hello from java");')
        self.assertEqual("ok", reply["status"])
        text = "".join(m["content"]["text"] for m in of_type(messages, "stream")
                       if m["content"]["name"] == "stdout")
        self.assertIn("hello from java", text)

    def test_stderr_of_the_cell_is_streamed_to_it(self):
        reply, messages = execute(self.kc, 'System.err.println("to stderr");')
        self.assertEqual("ok", reply["status"])
        text = "".join(m["content"]["text"] for m in of_type(messages, "stream")
                       if m["content"]["name"] == "stderr")
        self.assertIn("to stderr", text)

    def test_compile_error_names_the_line_and_the_kernel_survives(self):
        reply, messages = execute(self.kc, "int ok = 1;\nint broken = undefinedName + 1;")
        self.assertEqual("error", reply["status"])
        self.assertEqual("CompilationException", reply["ename"])
        self.assertIn("line 2", reply["evalue"])
        traceback = "\n".join(reply["traceback"])
        self.assertIn("undefinedName", traceback)
        self.assertIn("^", traceback)
        self.assertEqual(1, len(of_type(messages, "error")))
        reply, messages = execute(self.kc, "40 + 2")
        self.assertEqual("ok", reply["status"])
        self.assertEqual("42", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])

    def test_thrown_exception_is_an_error_with_class_and_message(self):
        reply, messages = execute(self.kc, 'throw new RuntimeException("boom");')
        self.assertEqual("error", reply["status"])
        self.assertEqual("java.lang.RuntimeException", reply["ename"])
        self.assertIn("boom", reply["evalue"])
        self.assertEqual("java.lang.RuntimeException", of_type(messages, "error")[0]["content"]["ename"])

    def test_runtime_exception_names_the_cell_line(self):
        reply, _ = execute(self.kc, "int[] a = new int[1];\na[3] = 1;")
        self.assertEqual("error", reply["status"])
        self.assertEqual("java.lang.ArrayIndexOutOfBoundsException", reply["ename"])
        self.assertIn("Index 3 out of bounds", reply["evalue"])
        self.assertIn("line 2 of the cell", "\n".join(reply["traceback"]))

    def test_unresolved_reference_is_an_error(self):
        reply, _ = execute(self.kc, "class UsesMissing { MissingType field; }")
        self.assertEqual("error", reply["status"])
        self.assertIn("MissingType", reply["evalue"])

    def test_state_persists_across_cells(self):
        reply, _ = execute(self.kc, "int persisted = 20;\nString twice(String s) { return s + s; }")
        self.assertEqual("ok", reply["status"])
        reply, messages = execute(self.kc, 'twice("ab") + (persisted + 1)')
        self.assertEqual("ok", reply["status"])
        self.assertEqual("abab21", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])

    def test_engine_bindings_are_ready(self):
        reply, messages = execute(self.kc, "sc.parallelize(List.of(1, 2, 3)).count()")
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("3", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])

    def test_display_shows_a_value_in_the_cell(self):
        reply, messages = execute(self.kc, 'display(List.of("x", "y"));')
        self.assertEqual("ok", reply["status"], reply)
        displays = of_type(messages, "display_data")
        self.assertEqual(1, len(displays))
        self.assertEqual("[x, y]", displays[0]["content"]["data"]["text/plain"])

    def test_history_request_gets_a_reply(self):
        execute(self.kc, "int historic = 7;")
        msg_id = self.kc.history(hist_access_type="tail", n=5)
        content = shell_reply(self.kc, msg_id, 10)["content"]
        self.assertEqual("ok", content["status"])
        self.assertIn("int historic = 7;", [entry[2] for entry in content["history"]])


class LiveViewTest(unittest.TestCase):
    """The spec's streaming cell, in a fresh kernel, shows a table that keeps updating."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_started_stream_updates_its_display_after_the_cell_returned(self):
        kc = self.kc
        msg_id = kc.execute(SPEC_CELL)
        reply = shell_reply(kc, msg_id, CELL_TIMEOUT)["content"]
        self.assertEqual("ok", reply["status"], reply)
        cell_messages = iopub_until_idle(kc, msg_id, CELL_TIMEOUT)
        displays = of_type(cell_messages, "display_data")
        self.assertEqual(1, len(displays), cell_messages)
        display_id = displays[0]["content"]["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertIn("text/html", displays[0]["content"]["data"])

        updates = []
        deadline = time.monotonic() + 15
        while len(updates) < 4 and time.monotonic() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if msg["msg_type"] == "update_display_data":
                updates.append(msg)
        self.assertGreaterEqual(len(updates), 3, "updates after the cell returned")
        for update in updates:
            self.assertEqual(display_id, update["content"]["transient"]["display_id"])
            self.assertEqual(msg_id, update["parent_header"]["msg_id"])
        html = updates[-1]["content"]["data"]["text/html"]
        self.assertIn("<table>", html)
        self.assertIn("<td>c</td>", html)
        self.assertIn("<td>2</td>", html)
        self.assertNotIn("<script", html)
        self.assertNotIn("<style", html)
        self.assertIn("c", updates[-1]["content"]["data"]["text/plain"])

        # While a later cell runs, updates name that cell as parent (nbclient records only it).
        later_id = kc.execute("Thread.sleep(1500);")
        later = iopub_until_idle(kc, later_id, CELL_TIMEOUT)
        shell_reply(kc, later_id, CELL_TIMEOUT)
        later_updates = of_type(later, "update_display_data")
        self.assertTrue(later_updates, "an update during the later cell")
        self.assertEqual(display_id, later_updates[0]["content"]["transient"]["display_id"])

        # Stopping sends a final update marked stopped.
        stop_id = kc.execute("ssc.stop(false);")
        stop_messages = iopub_until_idle(kc, stop_id, CELL_TIMEOUT)
        deadline = time.monotonic() + 5
        final = [m for m in of_type(stop_messages, "update_display_data")]
        while not any("stopped" in m["content"]["data"]["text/plain"] for m in final) \
                and time.monotonic() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                continue
            if msg["msg_type"] == "update_display_data":
                final.append(msg)
        self.assertTrue(any("stopped" in m["content"]["data"]["text/plain"] for m in final))


class InterruptTest(unittest.TestCase):
    """An interrupt ends a busy loop and leaves the kernel usable."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_interrupt_stops_a_busy_loop(self):
        execute(self.kc, "int warm = 1;")
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(1.0)
        started = time.monotonic()
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, 10)["content"]
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual("error", reply["status"])
        self.assertEqual("Interrupted", reply["ename"])
        iopub_until_idle(self.kc, msg_id, 10)
        reply, messages = execute(self.kc, "1+2", timeout=10)
        self.assertEqual("ok", reply["status"])
        self.assertEqual("3", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])

    def test_interrupt_cancels_a_long_rdd_job(self):
        code = """System.out.println("job starting"); System.out.flush();
sc.parallelize(java.util.stream.IntStream.range(0, 1000).boxed().toList(), 2)
    .flatMap(x -> java.util.stream.IntStream.range(0, 1_000_000).boxed().iterator())
    .map(x -> Long.valueOf(x) * x % 7)
    .count()"""
        msg_id = self.kc.execute(code)
        deadline = time.monotonic() + 30
        started = False
        while not started and time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=deadline - time.monotonic())
            started = (msg["parent_header"].get("msg_id") == msg_id
                       and msg["msg_type"] == "stream" and "job starting" in msg["content"]["text"])
        self.assertTrue(started, "the cell never started its job")
        time.sleep(0.5)  # let the job's tasks get going; the job runs for minutes if not cancelled
        interrupted = time.monotonic()
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, 15)["content"]
        self.assertLess(time.monotonic() - interrupted, 5)
        self.assertEqual("error", reply["status"])
        iopub_until_idle(self.kc, msg_id, 10)
        reply, messages = execute(self.kc, "sc.parallelize(List.of(1, 2, 3), 2).map(x -> x * 2).collect()", timeout=20)
        self.assertEqual("ok", reply["status"])
        self.assertEqual("[2, 4, 6]", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])

    def test_interrupt_ends_a_sleep(self):
        msg_id = self.kc.execute("Thread.sleep(60_000);")
        time.sleep(0.5)
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, 10)["content"]
        self.assertEqual("error", reply["status"])
        iopub_until_idle(self.kc, msg_id, 10)
        reply, _ = execute(self.kc, "int after = 1;", timeout=10)
        self.assertEqual("ok", reply["status"])


class ShutdownTest(unittest.TestCase):
    """shutdown_request is answered and the process exits promptly."""

    def test_shutdown_replies_and_exits(self):
        km, kc = start_kernel()
        try:
            execute(kc, SPEC_CELL)
            msg = kc.session.msg("shutdown_request", {"restart": False})
            kc.control_channel.send(msg)
            reply = kc.get_control_msg(timeout=10)
            self.assertEqual("shutdown_reply", reply["msg_type"])
            self.assertEqual(msg["header"]["msg_id"], reply["parent_header"]["msg_id"])
            process = km.provisioner.process
            deadline = time.monotonic() + 5
            while process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertIsNotNone(process.poll(), "the kernel process should have exited")
        finally:
            kc.stop_channels()
            if km.is_alive():
                km.shutdown_kernel(now=True)
            else:
                km.cleanup_resources()


if __name__ == "__main__":
    unittest.main()
