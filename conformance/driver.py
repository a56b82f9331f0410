# Runs one of CPython's regression-test modules under whichever interpreter runs this file, and
# writes one line per test to a results file as soon as the test ends, so a crash mid-module
# still counts what ran before it:  <outcome> <test id>  (outcome: pass fail error skip xfail
# upass). Kept to the plainest Python, since pyvm runs it too.
#
#   driver.py RESULTS_FILE MODULE [PATH ...]   PATHs are put first on sys.path
import sys

results_path = sys.argv[1]
module_name = sys.argv[2]
for p in reversed(sys.argv[3:]):
    sys.path.insert(0, p)

out = open(results_path, "w")


def record(outcome, test):
    out.write(outcome + " " + test.id() + "\n")
    out.flush()


def stage(what):
    out.write("stage " + what + "\n")
    out.flush()


stage("import unittest")
import unittest

stage("import test." + module_name)
module = __import__("test." + module_name, fromlist=["*"])


class Recorder(unittest.TestResult):
    def addSuccess(self, test):
        unittest.TestResult.addSuccess(self, test)
        record("pass", test)

    def addFailure(self, test, err):
        unittest.TestResult.addFailure(self, test, err)
        record("fail", test)

    def addError(self, test, err):
        unittest.TestResult.addError(self, test, err)
        record("error", test)

    def addSkip(self, test, reason):
        unittest.TestResult.addSkip(self, test, reason)
        record("skip", test)

    def addExpectedFailure(self, test, err):
        unittest.TestResult.addExpectedFailure(self, test, err)
        record("xfail", test)

    def addUnexpectedSuccess(self, test):
        unittest.TestResult.addUnexpectedSuccess(self, test)
        record("upass", test)

    def addSubTest(self, test, subtest, err):
        unittest.TestResult.addSubTest(self, test, subtest, err)
        if err is not None:
            # the test as a whole fails; unittest then does not call addSuccess for it
            record("fail" if issubclass(err[0], test.failureException) else "error", test)


stage("load")
suite = unittest.TestLoader().loadTestsFromModule(module)
stage("run")
suite.run(Recorder())
stage("done")
out.close()
