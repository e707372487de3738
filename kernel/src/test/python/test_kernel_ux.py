"""Protocol tests of the kernel's working comforts: completion, inspection, is_complete, displays
and renderers, magics, and robustness against bad messages.

The kernel under test is the kernelspec named "eddy" found through JUPYTER_PATH.
"""
import base64
import os
import queue
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import unittest

from test_kernel import execute, of_type, shell_reply, start_kernel, stop_kernel, iopub_until_idle


def text_of(messages, name="stdout"):
    return "".join(m["content"]["text"] for m in of_type(messages, "stream") if m["content"]["name"] == name)


def result_data(messages):
    results = of_type(messages, "execute_result")
    return results[0]["content"]["data"] if results else None


def request(kc, msg_type, content, timeout=15):
    msg = kc.session.msg(msg_type, content)
    kc.shell_channel.send(msg)
    return shell_reply(kc, msg["header"]["msg_id"], timeout)["content"]


def complete(kc, code, cursor=None):
    return request(kc, "complete_request", {"code": code, "cursor_pos": len(code) if cursor is None else cursor})


class CompletionAndInspectionTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()
        reply, _ = execute(cls.kc, 'int counterOfCells = 5;\nString greeting = "hi";\n'
                                   'String shout(String s) { return s.toUpperCase(); }')
        assert reply["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_members_after_a_dot_replace_from_the_dot(self):
        code = "greeting.toUpp"
        reply = complete(self.kc, code)
        self.assertEqual("ok", reply["status"])
        self.assertIn("toUpperCase(", reply["matches"])
        self.assertEqual(len("greeting."), reply["cursor_start"])
        self.assertEqual(len(code), reply["cursor_end"])

    def test_variables_and_methods_of_earlier_cells(self):
        self.assertEqual(["counterOfCells"], complete(self.kc, "counterOf")["matches"])
        self.assertIn("shout(", complete(self.kc, "shou")["matches"])

    def test_types_and_keywords(self):
        self.assertIn("StringBuilder", complete(self.kc, "StringBu")["matches"])
        self.assertIn("while", complete(self.kc, "whi")["matches"])
        self.assertIn("StreamingContext", complete(self.kc, "StreamingCon")["matches"])

    def test_completion_in_a_later_line_of_a_cell_with_cursor_in_the_middle(self):
        code = "int a = 1;\nSystem.out.printl\nint b = 2;"
        cursor = code.index("printl") + len("printl")
        reply = complete(self.kc, code, cursor)
        self.assertEqual(["println("], reply["matches"])
        self.assertEqual(code.index("printl"), reply["cursor_start"])
        self.assertEqual(cursor, reply["cursor_end"])

    def test_completion_is_answered_while_a_cell_runs_and_is_fast(self):
        running = self.kc.execute("Thread.sleep(3000);")
        time.sleep(0.3)
        latencies = []
        for _ in range(15):
            began = time.perf_counter()
            reply = complete(self.kc, "greeting.len")
            latencies.append(time.perf_counter() - began)
            self.assertEqual(["length()"], reply["matches"])
        median = statistics.median(latencies)
        print(f"\n[figure] completion latency while a cell runs: median {median * 1000:.1f} ms, "
              f"max {max(latencies) * 1000:.1f} ms over {len(latencies)}", flush=True)
        self.assertLess(median, 1.0)
        shell_reply(self.kc, running, 20)
        iopub_until_idle(self.kc, running, 20)

    def test_inspect_shows_signatures(self):
        code = "Math.max"
        reply = request(self.kc, "inspect_request", {"code": code, "cursor_pos": len(code), "detail_level": 0})
        self.assertEqual("ok", reply["status"])
        self.assertTrue(reply["found"])
        text = reply["data"]["text/plain"]
        self.assertIn("int Math.max(int a, int b)", text)
        self.assertIn("double Math.max(double a, double b)", text)

    def test_inspect_a_method_of_an_earlier_cell_and_a_variable(self):
        code = 'shout("x")'
        reply = request(self.kc, "inspect_request", {"code": code, "cursor_pos": 2, "detail_level": 0})
        self.assertTrue(reply["found"])
        self.assertIn("String shout(String s)", reply["data"]["text/plain"])
        reply = request(self.kc, "inspect_request", {"code": "counterOfCells", "cursor_pos": 3, "detail_level": 0})
        self.assertTrue(reply["found"])
        self.assertIn("int", reply["data"]["text/plain"])

    def test_inspect_nothing_is_not_found(self):
        reply = request(self.kc, "inspect_request", {"code": "   ", "cursor_pos": 1, "detail_level": 0})
        self.assertEqual("ok", reply["status"])
        self.assertFalse(reply["found"])

    def test_is_complete_with_indent(self):
        reply = request(self.kc, "is_complete_request", {"code": "for (int i = 0; i < 3; i++) {"})
        self.assertEqual("incomplete", reply["status"])
        self.assertEqual("    ", reply["indent"])
        reply = request(self.kc, "is_complete_request", {"code": "class A {\n  void f() {"})
        self.assertEqual("incomplete", reply["status"])
        self.assertEqual("        ", reply["indent"])
        self.assertEqual("complete", request(self.kc, "is_complete_request", {"code": "int q = 1;\nq + 1"})["status"])
        self.assertEqual("invalid", request(self.kc, "is_complete_request", {"code": "int q = ;"})["status"])
        self.assertEqual("complete", request(self.kc, "is_complete_request", {"code": "%%html\n<b>"})["status"])


class DisplayAndRenderersTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_display_handle_updates_after_the_cell_returned_from_another_thread(self):
        reply, messages = execute(self.kc, 'var handle = display("first");\n'
                                           'new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) {}\n'
                                           '  handle.update(List.of(1, 2)); }).start();')
        self.assertEqual("ok", reply["status"], reply)
        shown = of_type(messages, "display_data")
        self.assertEqual(1, len(shown))
        self.assertEqual([], of_type(messages, "execute_result"))
        display_id = shown[0]["content"]["transient"]["display_id"]
        self.assertEqual("first", shown[0]["content"]["data"]["text/plain"])
        update = self.next_update(display_id)
        self.assertEqual("[1, 2]", update["content"]["data"]["text/plain"])
        self.assertIn("<td>2</td>", update["content"]["data"]["text/html"])
        reply, _ = execute(self.kc, "handle.clear();")
        self.assertEqual("ok", reply["status"])

    def next_update(self, display_id):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if msg["msg_type"] == "update_display_data" and msg["content"]["transient"]["display_id"] == display_id:
                return msg
        self.fail("no update_display_data for " + display_id)

    def test_rdd_renders_first_rows_as_a_table_with_a_more_rows_note(self):
        reply, messages = execute(self.kc, "sc.parallelize(java.util.stream.IntStream.range(0, 30).boxed().toList())")
        self.assertEqual("ok", reply["status"], reply)
        data = result_data(messages)
        self.assertIn("RDD[", data["text/plain"])
        html = data["text/html"]
        self.assertIn("<td>19</td>", html)
        self.assertNotIn("<td>20</td>", html)
        self.assertIn("more rows", html)
        self.assertNotIn("<script", html)
        self.assertNotIn("style", html)

    def test_pair_rdd_renders_key_and_value_columns(self):
        reply, messages = execute(self.kc, 'sc.parallelize(List.of("a", "b", "a")).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum)')
        self.assertEqual("ok", reply["status"], reply)
        html = result_data(messages)["text/html"]
        self.assertIn("<th>key</th><th>value</th>", html)
        self.assertIn("<tr><td>a</td><td>2</td></tr>", html)
        self.assertNotIn("more rows", html)

    def test_dag_renders_svg_and_text(self):
        reply, messages = execute(self.kc, 'dev.eddy.dag.Dag.builder().title("t").node(1, "parallelize", "").node(2, "map", "").edge(1, 2).build()')
        self.assertEqual("ok", reply["status"], reply)
        data = result_data(messages)
        self.assertIn("<svg", data["image/svg+xml"])
        self.assertIn("parallelize", data["text/plain"])

    def test_map_array_and_tablesaw_table(self):
        _, messages = execute(self.kc, 'new TreeMap<>(Map.of("k", 1, "<j>", 2))')
        data = result_data(messages)
        self.assertEqual("{<j>=2, k=1}", data["text/plain"])
        self.assertIn("<tr><td>&lt;j&gt;</td><td>2</td></tr>", data["text/html"])
        _, messages = execute(self.kc, "new int[] {3, 4}")
        data = result_data(messages)
        self.assertEqual("[3, 4]", data["text/plain"])
        self.assertIn("<td>4</td>", data["text/html"])
        _, messages = execute(self.kc, 'tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 7, 8))')
        data = result_data(messages)
        self.assertIn("<table", data["text/html"])
        self.assertIn("8", data["text/html"])

    def test_image_renders_as_png(self):
        reply, messages = execute(self.kc, "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        self.assertEqual("ok", reply["status"], reply)
        data = result_data(messages)
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(b"\x89PNG"))
        self.assertEqual("image 4x3", data["text/plain"])

    def test_html_markdown_and_svg_helpers(self):
        self.assertEqual("<b>x</b>", result_data(execute(self.kc, 'html("<b>x</b>")')[1])["text/html"])
        self.assertEqual("# t", result_data(execute(self.kc, 'markdown("# t")')[1])["text/markdown"])
        svg = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"></svg>'
        self.assertEqual(svg, result_data(execute(self.kc, 'svg("%s")' % svg.replace('"', '\\"'))[1])["image/svg+xml"])
        reply, _ = execute(self.kc, 'svg("not svg")')
        self.assertEqual("error", reply["status"])
        self.assertIn("not SVG", reply["evalue"])

    def test_a_renderer_registered_from_a_cell(self):
        reply, _ = execute(self.kc, 'record Point(int x, int y) {}\n'
                                    'Renderers.register(Point.class, p -> MimeBundle.text("P" + p.x()).html("<i>" + p.y() + "</i>"));')
        self.assertEqual("ok", reply["status"], reply)
        data = result_data(execute(self.kc, "new Point(1, 2)")[1])
        self.assertEqual("P1", data["text/plain"])
        self.assertEqual("<i>2</i>", data["text/html"])

    def test_a_failing_renderer_falls_back_to_text(self):
        execute(self.kc, 'record Bad(int v) {}\nRenderers.register(Bad.class, b -> { throw new IllegalStateException("no"); });')
        data = result_data(execute(self.kc, "new Bad(3)")[1])
        self.assertIn("Bad[v=3]", data["text/plain"])
        self.assertIn("rendering failed", data["text/plain"])


class FailingBatchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_live_view_shows_a_failed_batch_with_the_cell_line_of_the_lambda(self):
        code = ("int padding = 0;\n"
                "var fq = new java.util.LinkedList<RDD<String>>();\n"
                "for (int i = 0; i < 2; i++) fq.add(sc.parallelize(List.of(\"1\", \"x\")));\n"
                "var fctx = new StreamingContext(sc, Durations.milliseconds(100));\n"
                "fctx.queueStream(fq).map(s -> {\n"
                "  if (s.equals(\"x\")) throw new IllegalStateException(\"bad \" + s);\n"
                "  return s; }).print();\n"
                "fctx.start();\nfctx.awaitBatches(3);\nfctx.stop(false);")
        reply, messages = execute(self.kc, code)
        self.assertEqual("ok", reply["status"], reply)
        views = of_type(messages, "update_display_data")
        self.assertTrue(views)
        last = views[-1]["content"]["data"]
        self.assertIn("2 batches failed", last["text/plain"])
        self.assertIn("java.lang.IllegalStateException: bad x (at a lambda, line 6 of cell [1])", last["text/plain"])
        self.assertIn("line 6 of cell [1]", last["text/html"])


class MagicsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()
        cls.tmp = tempfile.mkdtemp(prefix="eddy-magics-")

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_help_lists_the_magics(self):
        reply, messages = execute(self.kc, "%help")
        self.assertEqual("ok", reply["status"], reply)
        text = result_data(messages)["text/plain"]
        for magic in ("%time", "%doc", "%%time", "%%html", "%%markdown", "%streams", "%stop", "%dag", "%classpath", "%maven"):
            self.assertIn(magic, text)

    def test_time_prints_wall_time_and_keeps_the_value(self):
        reply, messages = execute(self.kc, "%time 6 * 7")
        self.assertEqual("ok", reply["status"], reply)
        self.assertRegex(text_of(messages), r"Wall time: [0-9.]+ m?s")
        self.assertEqual("42", result_data(messages)["text/plain"])

    def test_line_magics_mix_with_code_and_errors_keep_cell_lines(self):
        reply, messages = execute(self.kc, 'int before = 1;\n%time int timed = before + 1;\ntimed * 10')
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("20", result_data(messages)["text/plain"])
        reply, _ = execute(self.kc, "int fine = 1;\n%time fine + 1\nint broken = nope;")
        self.assertEqual("error", reply["status"])
        self.assertIn("line 3", reply["evalue"])
        reply, _ = execute(self.kc, "int fine2 = 1;\n%time int bad = nope;")
        self.assertIn("line 2", reply["evalue"])

    def test_cell_time_html_and_markdown(self):
        reply, messages = execute(self.kc, '%%time\nint slept = 1;\nThread.sleep(50);\nslept + 1')
        self.assertEqual("ok", reply["status"], reply)
        self.assertIn("Wall time", text_of(messages))
        self.assertEqual("2", result_data(messages)["text/plain"])
        self.assertEqual("<b>bold</b>\n", result_data(execute(self.kc, "%%html\n<b>bold</b>\n")[1])["text/html"])
        self.assertEqual("# Title", result_data(execute(self.kc, "%%markdown\n# Title")[1])["text/markdown"])

    def test_doc_pages_signatures(self):
        reply, messages = execute(self.kc, "%doc String.valueOf")
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("page", reply["payload"][0]["source"])
        self.assertIn("String String.valueOf(int i)", reply["payload"][0]["data"]["text/plain"])
        reply, _ = execute(self.kc, "%doc noSuchThingAnywhere")
        self.assertEqual("error", reply["status"])
        self.assertIn("nothing is known about noSuchThingAnywhere", reply["evalue"])

    def test_unknown_magic_lists_the_known_ones(self):
        reply, messages = execute(self.kc, "%nosuch 1")
        self.assertEqual("error", reply["status"])
        self.assertEqual("UsageError", reply["ename"])
        self.assertIn("%nosuch", reply["evalue"])
        self.assertIn("%time", reply["evalue"])
        reply, _ = execute(self.kc, "%%nosuch\nx")
        self.assertIn("%%html", reply["evalue"])

    def test_streams_and_stop(self):
        reply, messages = execute(self.kc, "%streams")
        self.assertIn("No streaming context", result_data(messages)["text/plain"])
        reply, _ = execute(self.kc,
                           "var mq = new java.util.LinkedList<RDD<Integer>>();\n"
                           "for (int i = 0; i < 3; i++) mq.add(sc.parallelize(List.of(i)));\n"
                           "var mctx = new StreamingContext(sc, Durations.milliseconds(100));\n"
                           "mctx.queueStream(mq).count().print();\n"
                           "mctx.start();\nmctx.awaitBatches(2);")
        self.assertEqual("ok", reply["status"], reply)
        _, messages = execute(self.kc, "%streams")
        data = result_data(messages)
        self.assertIn("ACTIVE", data["text/plain"])
        self.assertIn("<td>100</td>", data["text/html"])
        reply, _ = execute(self.kc, "%stop 7")
        self.assertEqual("error", reply["status"])
        self.assertIn("no stream with id 7", reply["evalue"])
        _, messages = execute(self.kc, "%stop 1")
        self.assertIn("Stopped 1 streaming context", result_data(messages)["text/plain"])
        _, messages = execute(self.kc, "%streams")
        self.assertIn("STOPPED", result_data(messages)["text/plain"], "a stopped context stays listed: it may restart")
        self.assertNotIn("ACTIVE", result_data(messages)["text/plain"])
        _, messages = execute(self.kc, "%stop")
        self.assertIn("No streaming context was running", result_data(messages)["text/plain"])

    def test_dag_of_an_rdd_or_a_clear_error(self):
        reply, messages = execute(self.kc, '%dag sc.parallelize(List.of("a b")).flatMap(l -> Arrays.asList(l.split(" ")).iterator()).mapToPair(w -> new Tuple2<>(w, 1)).reduceByKey(Integer::sum)')
        if reply["status"] == "ok":
            self.assertIn("<svg", result_data(messages)["image/svg+xml"])
        else:
            self.assertIn("has no dag() yet", reply["evalue"])
        reply, _ = execute(self.kc, "%dag 42")
        self.assertEqual("error", reply["status"])
        self.assertIn("needs an RDD", reply["evalue"])

    def test_classpath_adds_a_jar_and_reports_nothing_matching(self):
        src = os.path.join(self.tmp, "src", "demo")
        os.makedirs(src)
        with open(os.path.join(src, "Greeter.java"), "w") as f:
            f.write('package demo; public class Greeter { public static String hi() { return "hi from jar"; } }')
        classes = os.path.join(self.tmp, "classes")
        javac = shutil.which("javac")
        self.assertIsNotNone(javac, "javac is needed to build the test jar")
        subprocess.run([javac, "-d", classes, os.path.join(src, "Greeter.java")], check=True)
        jar = os.path.join(os.path.dirname(javac), "jar")
        libs = os.path.join(self.tmp, "libs")
        os.makedirs(libs)
        subprocess.run([jar, "cf", os.path.join(libs, "greeter.jar"), "-C", classes, "."], check=True)
        reply, _ = execute(self.kc, "%classpath " + os.path.join(self.tmp, "nothing-*.jar"))
        self.assertEqual("error", reply["status"])
        self.assertIn("nothing matches", reply["evalue"])
        reply, messages = execute(self.kc, "%classpath " + os.path.join(libs, "*.jar"))
        self.assertEqual("ok", reply["status"], reply)
        self.assertIn("greeter.jar", result_data(messages)["text/plain"])
        reply, messages = execute(self.kc, "demo.Greeter.hi()")
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("hi from jar", result_data(messages)["text/plain"])

    def test_maven_rejects_bad_coordinates(self):
        reply, _ = execute(self.kc, "%maven not-coordinates")
        self.assertEqual("error", reply["status"])
        self.assertIn("not Maven coordinates", reply["evalue"])

    def test_maven_resolves_with_dependencies_when_central_is_reachable(self):
        try:
            socket.create_connection(("repo.maven.apache.org", 443), timeout=3).close()
            online = True
        except OSError:
            online = False
        reply, messages = execute(self.kc, "%maven org.apache.commons:commons-text:1.12.0", timeout=180)
        if not online:
            self.assertEqual("error", reply["status"])
            self.assertIn("could not resolve", reply["evalue"])
            return
        self.assertEqual("ok", reply["status"], reply)
        text = result_data(messages)["text/plain"]
        self.assertIn("commons-text-1.12.0.jar", text)
        self.assertIn("commons-lang3", text)
        reply, messages = execute(self.kc, 'org.apache.commons.text.WordUtils.capitalize("eddy kernel")')
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("Eddy Kernel", result_data(messages)["text/plain"])


if __name__ == "__main__":
    unittest.main()
