"""Robustness of the Eddy kernel: bad messages on the shell channel, memory when cells are re-run.

The kernel under test is the kernelspec named "eddy" found through JUPYTER_PATH.
"""
import time
import unittest

import zmq
from jupyter_client.session import Session

from test_kernel import execute, of_type, start_kernel, stop_kernel

RERUN_CELL = """class Rerun { final int[] payload = new int[10_000]; int size() { return payload.length; } }
Rerun rerun = new Rerun();
rerun.size()"""


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS for " + str(pid))


class BadMessagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()
        reply, _ = execute(cls.kc, "int before = 1;")
        assert reply["status"] == "ok", reply

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def shell_socket(self):
        info = self.km.get_connection_info()
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        self.addCleanup(sock.close)
        return sock

    def assert_no_reply(self, sock, seconds=1.0):
        self.assertEqual(0, sock.poll(int(seconds * 1000)), "a bad message must not be answered")

    def test_wrongly_signed_and_malformed_messages_are_ignored(self):
        sock = self.shell_socket()
        forged = Session(key=b"not-the-kernel-key", username="mallory")
        forged.send(sock, "execute_request", {"code": "int hacked = 1;", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        self.assert_no_reply(sock)

        header = self.kc.session.pack(self.kc.session.msg_header("execute_request"))
        frames = [header, b"{}", b"{}", b"{not json"]
        signature = self.kc.session.sign(frames)
        signature = signature.encode() if isinstance(signature, str) else signature
        sock.send_multipart([b"<IDS|MSG>", signature] + frames)
        self.assert_no_reply(sock)

        sock.send_multipart([b"just one frame"])
        self.assert_no_reply(sock, 0.5)

        reply, messages = execute(self.kc, "before + 41", timeout=20)
        self.assertEqual("ok", reply["status"], reply)
        self.assertEqual("42", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])
        reply, _ = execute(self.kc, "hacked", timeout=20)
        self.assertEqual("error", reply["status"], "the forged cell must not have run")
        self.assertIn("hacked", "\n".join(reply["traceback"]))


class MemoryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_rerunning_a_cell_that_redefines_a_class_200_times_keeps_memory_bounded(self):
        pid = self.km.provisioner.process.pid
        for _ in range(3):
            reply, _ = execute(self.kc, RERUN_CELL)
            self.assertEqual("ok", reply["status"], reply)
        started = rss_mib(pid)
        began = time.monotonic()
        for _ in range(200):
            reply, messages = execute(self.kc, RERUN_CELL)
            self.assertEqual("ok", reply["status"], reply)
        elapsed = time.monotonic() - began
        self.assertEqual("10000", of_type(messages, "execute_result")[0]["content"]["data"]["text/plain"])
        after = rss_mib(pid)
        execute(self.kc, "System.gc();")
        after_gc = rss_mib(pid)
        print(f"\n[figure] RSS after start and warm-up {started:.0f} MiB; after 200 re-runs {after:.0f} MiB "
              f"(+{after - started:.0f}); after System.gc() {after_gc:.0f} MiB; "
              f"{elapsed / 200 * 1000:.0f} ms per re-run", flush=True)
        self.assertLess(after - started, 300)


if __name__ == "__main__":
    unittest.main()
