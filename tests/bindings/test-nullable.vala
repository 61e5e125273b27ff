/* test-nullable.vala: the properties that may be null are nullable in the
 * VAPI, and read as null
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The comparisons with null are in nullable-properties.vala, built in
 * non-null mode. Prints TAP.
 */

Arango.Database open_database (Emulator emulator) throws Error {
  return new Arango.Client (emulator.hosts).db_sync ("_system", "root", "");
}

/* Every result in the first batch: the cursor has no id on the server,
 * and a query that was not profiled has neither profile nor plan. With
 * more batches to come it has an id. */
void test_cursor (Emulator emulator) throws Error {
  var db = open_database (emulator);
  var options = new Arango.QueryOptions ();

  check_equal (set_cursor_properties (db.query_sync ("RETURN 1", null, null)), "",
               "properties of a cursor done at once");
  options.batch_size = 1;
  check_equal (set_cursor_properties (db.query_sync ("FOR i IN 1..2 RETURN i", null, options)),
               "id", "properties of a cursor with more to come");
}

/* Basic authentication and no transaction. */
void test_handles (Emulator emulator) throws Error {
  var db = open_database (emulator);

  check_equal (set_database_properties (db), "", "database properties set");
  check_equal (set_collection_properties (db.get_collection ("_graphs")), "",
               "collection properties set");
}

/* A reply without a body. */
void test_response (Emulator emulator) throws Error {
  var response = open_database (emulator).request_sync ("HEAD", "/_api/version", null, null,
                                                        null, Arango.RequestFlags.NONE);

  check (response.status == 200, "HEAD answered 200");
  check_equal (set_response_properties (response), "", "response properties set");
}

/* The tests, run by tap.vala */
const string[] TEST_NAMES = {
  "a cursor's nullable properties",
  "a database's and a collection's nullable properties",
  "an HTTP response's nullable body",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    test_cursor (emulator);
    break;
  case 1:
    test_handles (emulator);
    break;
  case 2:
    test_response (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator ());
}
