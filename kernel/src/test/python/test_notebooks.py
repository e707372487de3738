"""Executes every tutorial notebook with the Eddy kernel, the way Jupyter does, and saves it.

Each notebook runs end to end through nbclient against the installed "eddy" kernelspec; no cell may
produce an error output. The executed notebook, outputs included, is written back to notebooks/ so
that the committed tutorials show what a reader will see.
"""
import glob
import os
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


if __name__ == "__main__":
    unittest.main()
