"""Protocol tests of stream control from notebook cells: stopping and redefining a stream in the
same kernel, stepping batches on a manual clock, interrupting a wait, %streams and %stop, and the
live view's final snapshot.

The kernel under test is the kernelspec named "eddy" found through JUPYTER_PATH.
"""
import time
import unittest

from test_kernel import CELL_TIMEOUT, execute, of_type, start_kernel, stop_kernel, shell_reply, iopub_until_idle


def result_data(messages):
    results = of_type(messages, "execute_result")
    return results[0]["content"]["data"] if results else None


def display_id(message):
    return message["content"]["transient"]["display_id"]


class RestartAndStepTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_stop_redefine_and_start_again_in_one_kernel(self):
        reply, first = execute(self.kc,
                               'var q = new java.util.concurrent.ConcurrentLinkedQueue<RDD<String>>();\n'
                               'for (int i = 0; i < 6; i++) q.add(sc.parallelize(List.of("a" + i, "b" + i)));\n'
                               'var m = StreamingContext.manual(sc, Durations.seconds(1));\n'
                               'm.queueStream(q).print();\n'
                               'm.start();\n'
                               'm.runBatches(2);')
        self.assertEqual("ok", reply["status"], reply)
        shown = of_type(first, "display_data")
        self.assertEqual(1, len(shown), first)
        first_view = display_id(shown[0])
        updates = [u for u in of_type(first, "update_display_data") if display_id(u) == first_view]
        self.assertTrue(updates, "runBatches returns after the batches reached the view")
        html = updates[-1]["content"]["data"]["text/html"]
        self.assertIn("<td>a1</td>", html, "the second batch's rows")
        self.assertIn("Stream running", html)
        self.assertIn("<svg", html)

        reply, stopping = execute(self.kc, "m.stop();")
        self.assertEqual("ok", reply["status"], reply)
        final = [u for u in of_type(stopping, "update_display_data") if display_id(u) == first_view]
        self.assertTrue(final, "the stop reaches the view before the cell ends")
        snapshot = final[-1]["content"]["data"]
        self.assertIn("Stream stopped", snapshot["text/plain"])
        self.assertIn("Final snapshot: stopped after 2 batches, 4 records", snapshot["text/plain"])
        self.assertIn("Final snapshot:", snapshot["text/html"])

        reply, second = execute(self.kc,
                                'm.queueStream(q).map(s -> s.toUpperCase()).print();\n'
                                'm.start();\n'
                                'm.runBatches(1);')
        self.assertEqual("ok", reply["status"], reply)
        shown = of_type(second, "display_data")
        self.assertEqual(1, len(shown), second)
        second_view = display_id(shown[0])
        self.assertNotEqual(first_view, second_view)
        self.assertFalse([u for u in of_type(second, "update_display_data") if display_id(u) == first_view],
                         "the first run's view no longer updates")
        html = [u for u in of_type(second, "update_display_data") if display_id(u) == second_view][-1]["content"]["data"]["text/html"]
        self.assertIn("<td>A2</td>", html, "the redefined output, on the next queued RDD")
        self.assertNotIn("<td>a2</td>", html, "the first definition's output is gone")

        reply, messages = execute(self.kc, "%streams")
        text = result_data(messages)["text/plain"]
        self.assertEqual(1, text.count("ACTIVE"), text)
        self.assertIn("3000 ms", text, "the second run goes on from its manual clock at 2 s: " + text)

        reply, messages = execute(self.kc, "%dag m")
        self.assertEqual("ok", reply["status"], reply)
        self.assertIn("queueStream", result_data(messages)["image/svg+xml"])
        self.assertIn("map [", result_data(messages)["text/plain"])

        reply, messages = execute(self.kc, "%stop all")
        self.assertIn("Stopped 1 streaming context", result_data(messages)["text/plain"])

    def test_the_bound_ssc_restarts_too(self):
        reply, _ = execute(self.kc,
                           'var got = new java.util.concurrent.CopyOnWriteArrayList<String>();\n'
                           'ssc.textGeneratorStream(1).foreachRDD(r -> got.add("first"));\n'
                           'ssc.start();\nssc.awaitBatches(1);\nssc.stop();')
        self.assertEqual("ok", reply["status"], reply)
        reply, messages = execute(self.kc,
                                  'ssc.textGeneratorStream(1).foreachRDD(r -> got.add("second"));\n'
                                  'ssc.start();\nssc.awaitBatches(2);\nssc.stop();\n'
                                  'got.stream().distinct().toList()')
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("[first, second]", result_data(messages)["text/plain"])

    def test_step_on_a_wall_clock_context_says_how_to_get_a_manual_one(self):
        reply, _ = execute(self.kc,
                           'var w = new StreamingContext(sc, Durations.seconds(1));\n'
                           'w.queueStream(new java.util.LinkedList<RDD<Integer>>()).print();\n'
                           'w.start();\ntry { w.step(); } finally { w.stop(); }')
        self.assertEqual("error", reply["status"])
        self.assertIn("StreamingContext.manual(sc, batchDuration)", reply["evalue"])


class InterruptWhileWaitingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def wait_for_output(self, msg_id, text):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and text in msg["content"]["text"]):
                return
        self.fail("the cell never printed " + text)

    def test_interrupt_during_await_termination_leaves_the_stream_running(self):
        msg_id = self.kc.execute(
            'var w = new StreamingContext(sc, Durations.milliseconds(100));\n'
            'w.queueStream(new java.util.LinkedList<RDD<Integer>>()).count().foreachRDD(r -> {});\n'
            'w.start();\nSystem.out.println("waiting"); System.out.flush();\nw.awaitTermination();')
        self.wait_for_output(msg_id, "waiting")
        time.sleep(0.5)
        interrupted = time.monotonic()
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, 15)["content"]
        self.assertLess(time.monotonic() - interrupted, 5)
        self.assertEqual("error", reply["status"], reply)
        iopub_until_idle(self.kc, msg_id, 10)
        reply, messages = execute(self.kc, "w.getState()")
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("ACTIVE", result_data(messages)["text/plain"])
        reply, messages = execute(self.kc, "long before = w.completedBatches();\nw.awaitBatches((int) before + 3, 20_000)")
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("true", result_data(messages)["text/plain"], "batches go on after the interrupt")

        msg_id = self.kc.execute('System.out.println("waiting"); System.out.flush();\nw.awaitBatches(1_000_000);')
        self.wait_for_output(msg_id, "waiting")
        time.sleep(0.5)
        self.km.interrupt_kernel()
        reply = shell_reply(self.kc, msg_id, 15)["content"]
        self.assertEqual("error", reply["status"], reply)
        iopub_until_idle(self.kc, msg_id, 10)
        reply, messages = execute(self.kc, "w.getState()")
        self.assertEqual("ACTIVE", result_data(messages)["text/plain"])
        reply, messages = execute(self.kc, "%stop")
        self.assertIn("Stopped 1 streaming context", result_data(messages)["text/plain"])
        reply, messages = execute(self.kc, "w.getState()")
        self.assertEqual("STOPPED", result_data(messages)["text/plain"])


if __name__ == "__main__":
    unittest.main()
