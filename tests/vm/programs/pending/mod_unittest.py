# PENDING (move up to tests/vm/programs/ once _codecs, bytes.startswith/find/translate, memoryview.cast,
# complex, sys.excepthook and sys.float_info are on main: unittest's imports need them).
# unittest: TestCase assertions, subTest, skips, expected failures, fixtures, the loader, the
# text runner (into a StringIO, so timings stay out of the output) and unittest.main.
import io
import re
import sys
import unittest


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log = ['setUpClass']

    def setUp(self):
        self.value = 6

    def tearDown(self):
        self.log.append('tearDown ' + self._testMethodName)

    def test_equal(self):
        self.assertEqual(self.value * 7, 42)
        self.assertNotEqual(self.value, 7)
        self.assertTrue(self.value)
        self.assertFalse(0)
        self.assertIs(None, None)
        self.assertIsNone(None)
        self.assertIsNotNone(self.value)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(self.value, int)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertGreater(2, 1)
        self.assertLessEqual(1, 1)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertSequenceEqual((1, 2), [1, 2])
        self.assertDictEqual({'a': 1}, {'a': 1})
        self.assertRegex('hello world', r'wor.d')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), 'division by zero')
        self.assertRaises(ValueError, int, 'x')
        with self.assertRaisesRegex(KeyError, 'missing'):
            {}['missing']

    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn('old', DeprecationWarning)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 10)

    def test_fails(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_fails_in_subtest(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)

    def test_error(self):
        raise RuntimeError('boom')

    @unittest.skip('not today')
    def test_skipped(self):
        raise AssertionError('never runs')

    @unittest.skipIf(sys.maxsize > 1, 'always skipped')
    def test_skip_if(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_skip_inside(self):
        self.skipTest('decided at run time')


class Other(unittest.TestCase):
    def test_long_message(self):
        self.maxDiff = None
        self.assertEqual({'a': 1, 'b': 2}, {'a': 1, 'b': 3}, 'dicts differ')


def summary(result, text):
    print('run', result.testsRun, 'failures', len(result.failures), 'errors', len(result.errors),
          'skipped', len(result.skipped), 'expected failures', len(result.expectedFailures),
          'unexpected successes', len(result.unexpectedSuccesses), 'ok', result.wasSuccessful())
    for test, tb in result.failures + result.errors:
        print('--', test.id(), '|', tb.strip().splitlines()[-1])
    for test, reason in result.skipped:
        print('skip', test.id(), reason)
    # the runner's report without its timing and the tracebacks' insides
    keep = re.compile(r'^(test_|Ran |OK|FAILED|[.sFEux]+$|ERROR:|FAIL:|UNEXPECTED|AssertionError|RuntimeError)')
    for line in text.getvalue().splitlines():
        if keep.match(line):
            print(re.sub(r'in \d+\.\d+s', 'in TIME', line))


loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(Arithmetic)
print(suite.countTestCases(), sorted(loader.getTestCaseNames(Arithmetic)))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(suite)
summary(result, stream)
print(Arithmetic.log)

stream = io.StringIO()
suite = loader.loadTestsFromModule(sys.modules[__name__])
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
summary(result, stream)

# unittest.main: argv, exit status and its report to stderr (replaced by a StringIO here)
err = io.StringIO()
saved = sys.stderr
sys.stderr = err
try:
    unittest.main(argv=['prog', 'Arithmetic.test_equal', 'Arithmetic.test_raises'], exit=True)
except SystemExit as e:
    code = e.code
finally:
    sys.stderr = saved
print('exit', code)
print(re.sub(r'in \d+\.\d+s', 'in TIME', err.getvalue()))
