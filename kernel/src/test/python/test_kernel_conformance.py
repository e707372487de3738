"""Conformance of the Eddy kernel with the Jupyter messaging protocol, by jupyter_kernel_test.

Every optional test of the suite has a sample here, so none is skipped; each reply and IOPub
message is validated against the protocol's schemas by the suite.
"""
import os
import unittest

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel

KERNEL_NAME = os.environ.get("EDDY_KERNEL_NAME", "eddy")


class EddyKernelConformanceTest(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=cls.kernel_name, startup_timeout=60)
        # The suite's first cell gets the suite's 15 s; let start-up finish before it.
        msg_id = cls.kc.execute("int conformanceWarmUp = 1;")
        while cls.kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            pass

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Sys", "matches": {"System"}},
        {"text": "conformanceWarm", "matches": {"conformanceWarmUp"}},
        {"text": "Math.hy", "matches": {"hypot("}},
        {"text": "whi", "matches": {"while"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 1;", "for (int i = 0; i < 3; i++) { }", "%help"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class Half {", "int y = 1 +"]
    invalid_code_samples = ["int z = ;", "}", "\"unterminated"]

    code_page_something = "%doc Math.max"

    code_generate_error = 'throw new RuntimeException("boom");'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"ab" + "cd"', "result": "abcd"},
        {"code": 'html("<b>bold</b>")', "mime": "text/html", "result": "<b>bold</b>"},
    ]

    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": 'display(html("<i>x</i>"));', "mime": "text/html"},
        {"code": 'display(markdown("# Title"));', "mime": "text/markdown"},
    ]

    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'System.out.println("gone"); clearOutput();'


if __name__ == "__main__":
    unittest.main()
