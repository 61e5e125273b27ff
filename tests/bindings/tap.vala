/* tap.vala: the runner of the Vala binding tests against one emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Vala has no async delegates, so the tests are run by their index: each
 * program names its tests in
 *
 *   const string[] TEST_NAMES
 *
 * runs test number @index in
 *
 *   async void run_test (int index, Emulator emulator) throws Error
 *
 * and returns run_tap () from main(). The emulator is reset between the
 * tests; it prints TAP.
 */

const uint TEST_TIMEOUT_SECONDS = 120;

async int run_tests (Emulator emulator) {
  var failures = 0;

  try {
    yield emulator.start ();
  } catch (Error e) {
    print ("Bail out! %s\n", e.message);
    return 1;
  }

  print ("1..%d\n", TEST_NAMES.length);
  for (var i = 0; i < TEST_NAMES.length; i++) {
    try {
      yield emulator.reset ();
      yield run_test (i, emulator);
      print ("ok %d - %s\n", i + 1, TEST_NAMES[i]);
    } catch (Error e) {
      failures++;
      print ("not ok %d - %s\n# %s (%s %d)\n", i + 1, TEST_NAMES[i], e.message,
             e.domain.to_string (), e.code);
    }
  }

  yield emulator.stop ();
  return failures > 0 ? 1 : 0;
}

/* Runs the tests in a main loop: the exit status of the program */
int run_tap (Emulator emulator) {
  var loop = new MainLoop ();
  var status = 1;

  Timeout.add_seconds (TEST_TIMEOUT_SECONDS, () => {
    print ("Bail out! the tests did not finish in %u s\n", TEST_TIMEOUT_SECONDS);
    loop.quit ();
    return Source.REMOVE;
  });

  run_tests.begin (emulator, (obj, result) => {
    status = run_tests.end (result);
    loop.quit ();
  });
  loop.run ();
  return status;
}
