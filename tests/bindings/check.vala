/* check.vala: the assertions of the Vala binding tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A failed check throws, so that the runner reports the test as "not ok"
 * and goes on with the next one.
 */

errordomain TestError {
  FAILED
}

void check (bool condition, string what) throws TestError {
  if (!condition)
    throw new TestError.FAILED ("%s", what);
}

void check_equal (string? actual, string? expected, string what) throws TestError {
  if (actual != expected)
    throw new TestError.FAILED ("%s: expected “%s”, got “%s”", what,
                                expected ?? "(null)", actual ?? "(null)");
}
