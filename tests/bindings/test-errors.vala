/* test-errors.vala: a server error's HTTP status, error number and server
 * message through the VAPI, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Vala catches the library's own GError, so the details are there, also
 * after a rethrow from an async method and after copy ().
 */

async Arango.Database open_database (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  return yield client.db_async ("_system", "root", "", null);
}

/* Rethrown by an async method of ours: the same GError goes on. */
async int64 count_missing (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  try {
    return yield db.get_collection ("missing").count_async (null);
  } catch (Arango.ServerError e) {
    throw e;
  }
}

async void test_not_found (Emulator emulator) throws Error {
  try {
    yield count_missing (emulator);
    check (false, "counting a missing collection succeeded");
  } catch (Arango.ServerError.DATA_SOURCE_NOT_FOUND e) {
    check_details (e, 404, 1203, "collection or view not found");
    check_details (e.copy (), 404, 1203, "collection or view not found");
  }
}

async void test_without_error_number (Emulator emulator) throws Error {
  yield emulator.set_fault (0, "bad-gateway", 1);
  try {
    yield count_missing (emulator);
    check (false, "counting through a failing proxy succeeded");
  } catch (Arango.ServerError e) {
    check (e.code == 502, "code %d".printf (e.code));
    check_equal (e.message, "[HTTP 502] Bad Gateway", "message");
    check_details (e, 502, -1, null);
  }
}

async void test_sync (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  try {
    db.get_collection ("missing").count_sync (null);
    check (false, "counting a missing collection succeeded");
  } catch (Arango.ServerError e) {
    check_details (e, 404, 1203, "collection or view not found");
  }
}

async void test_not_a_server_error (Emulator emulator) throws Error {
  check_details (new Arango.ServerError.DATA_SOURCE_NOT_FOUND ("made in Vala"), 0, -1, null);
  try {
    new Arango.Client ("ftp://nowhere");
    check (false, "an ftp URL was taken");
  } catch (Arango.Error.INVALID_HOST e) {
    check_details (e, 0, -1, null);
  }
}

const string[] TEST_NAMES = {
  "a missing collection: 404, errorNum 1203, the server message",
  "a proxy page: the status, no errorNum, no server message",
  "a blocking call",
  "errors the library did not make from a reply have none",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    yield test_not_found (emulator);
    break;
  case 1:
    yield test_without_error_number (emulator);
    break;
  case 2:
    yield test_sync (emulator);
    break;
  case 3:
    yield test_not_a_server_error (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator (1));
}
