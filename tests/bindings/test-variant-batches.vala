/* test-variant-batches.vala: a cursor's batches and documents as
 * GLib.Variant through the VAPI, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Cursor.next_batch_variant_async () and _sync () give one Variant of
 * type av per batch, null at the end: read with a VariantIter, each
 * document an a{sv} read with lookup () and lookup_value ();
 * Collection.get_variant_async () and _sync () give one document so.
 */

const int N_NUMBERS = 25;

/* One result of every JSON kind */
const string MIXED_AQL = """RETURN {s: "ä€", i: -42, f: 1.5, t: true,
  n: null, arr: [1, "x"], obj: {deep: {er: "est"}}}""";

Arango.Database open_database (Emulator emulator) throws Error {
  return new Arango.Client (emulator.hosts).db_sync ("_system", "root", "");
}

/* A collection @name of N_NUMBERS documents n00… with value, half and
 * even */
void make_numbers (Arango.Database db, string name) throws Error {
  var coll = db.create_collection_sync (name, null);
  var numbers = new Json.Array ();
  for (var i = 0; i < N_NUMBERS; i++) {
    var number = new Json.Object ();
    number.set_string_member ("_key", "n%02d".printf (i));
    number.set_int_member ("value", i);
    number.set_double_member ("half", i + 0.5);
    number.set_boolean_member ("even", i % 2 == 0);
    numbers.add_object_element (number);
  }
  check (coll.insert_many_sync (numbers, Arango.DocumentFlags.NONE).get_length () == N_NUMBERS,
         "inserted");
}

Arango.Cursor query (Arango.Database db, string aql, int batch_size) throws Error {
  var options = new Arango.QueryOptions () { batch_size = batch_size };
  return db.query_sync (aql, null, options);
}

/* Checks the documents of @batch against their key, and counts them in
 * @next, the value of the next one expected */
void check_documents (Variant batch, ref int next) throws Error {
  check_equal (batch.get_type_string (), "av", "type of a batch");
  var iter = batch.iterator ();
  Variant document;
  while (iter.next ("v", out document)) {
    check_equal (document.get_type_string (), "a{sv}", "type of a document");
    string key;
    int64 value;
    bool even;
    check (document.lookup ("_key", "s", out key), "a _key");
    check (document.lookup ("value", "x", out value), "a value");
    check (document.lookup ("even", "b", out even), "even");
    check_equal (key, "n%02d".printf (next), "key");
    check (value == next, "value %d of %s".printf ((int) value, key));
    check (even == (next % 2 == 0), "even of " + key);
    var half = document.lookup_value ("half", VariantType.DOUBLE);
    check (half != null && half.get_double () == next + 0.5, "half of " + key);
    check (document.lookup_value ("missing", null) == null, "no member missing");
    next++;
  }
}

void test_sync (Emulator emulator) throws Error {
  var db = open_database (emulator);
  make_numbers (db, "vala_variant_sync");
  var cursor = query (db, "FOR n IN vala_variant_sync SORT n.value RETURN n", 10);
  var sizes = "";
  var next = 0;
  Variant? batch;
  while ((batch = cursor.next_batch_variant_sync ()) != null) {
    sizes += "%lu ".printf ((ulong) batch.n_children ());
    check_documents (batch, ref next);
  }
  check_equal (sizes, "10 10 5 ", "batch sizes");
  check (next == N_NUMBERS, "every document");
  check (!cursor.has_more, "has-more at the end");
  check (cursor.next_batch_variant_sync () == null, "the end stays the end");
  check (db.delete_collection_sync ("vala_variant_sync"), "delete");
}

async void test_async_mixed (Emulator emulator) throws Error {
  var db = open_database (emulator);
  make_numbers (db, "vala_variant_async");
  var cursor = query (db, "FOR n IN vala_variant_async SORT n.value RETURN n", 7);
  var next = 0;
  var json_batches = 0;
  for (var i = 0; ; i++) {
    if (i % 2 == 0) {
      var batch = yield cursor.next_batch_variant_async (null);
      if (batch == null)
        break;
      check_documents (batch, ref next);
    } else {
      var batch = yield cursor.next_batch_async (null);
      if (batch == null)
        break;
      json_batches++;
      /* The JSON form goes on where the variant form stopped. */
      foreach (var node in batch.get_elements ())
        check (node.get_object ().get_int_member ("value") == next++, "value of a JSON batch");
    }
  }
  check (next == N_NUMBERS && json_batches == 2, "every document, in both forms");
  check ((yield cursor.next_batch_variant_async (null)) == null, "the end stays the end");
  check (db.delete_collection_sync ("vala_variant_async"), "delete");
}

void test_kinds (Emulator emulator) throws Error {
  var db = open_database (emulator);
  var batch = query (db, MIXED_AQL, 0).next_batch_variant_sync ();
  check (batch != null && batch.n_children () == 1, "one result");
  var document = batch.get_child_value (0).get_variant ();
  check_equal (document.print (false),
               "{'s': <'ä€'>, 'i': <int64 -42>, 'f': <1.5>, 't': <true>, 'n': <@mv nothing>, " +
               "'arr': <[<int64 1>, <'x'>]>, 'obj': <{'deep': <{'er': <'est'>}>}>}",
               "the document");

  var n = document.lookup_value ("n", null);
  check (n.get_type ().equal (new VariantType ("mv")) && n.get_maybe () == null, "null");
  var arr = document.lookup_value ("arr", new VariantType ("av"));
  check (arr.n_children () == 2, "arr");
  check (arr.get_child_value (0).get_variant ().get_int64 () == 1, "arr[0]");
  check_equal (arr.get_child_value (1).get_variant ().get_string (), "x", "arr[1]");
  var deep = document.lookup_value ("obj", new VariantType ("a{sv}"))
    .lookup_value ("deep", null);
  string est;
  check (deep.lookup ("er", "s", out est) && est == "est", "obj.deep.er");
  /* The dictionary view of a document */
  var dict = new VariantDict (document);
  check (dict.contains ("t") && dict.lookup_value ("t", VariantType.BOOLEAN).get_boolean (), "t");
}

async void test_errors (Emulator emulator) throws Error {
  var db = open_database (emulator);
  make_numbers (db, "vala_variant_errors");
  var cursor = query (db, "FOR n IN vala_variant_errors RETURN n", 5);
  check (cursor.next_batch_variant_sync () != null, "the first batch");

  /* A second call while one is under way */
  Variant? first = null;
  Error? first_error = null;
  var first_done = false;
  var waiting = false;
  cursor.next_batch_variant_async.begin (null, (obj, result) => {
    try {
      first = cursor.next_batch_variant_async.end (result);
    } catch (Error e) {
      first_error = e;
    }
    first_done = true;
    /* Only the bare yield below may be resumed from here. */
    if (waiting)
      test_errors.callback ();
  });
  try {
    yield cursor.next_batch_variant_async (null);
    throw new TestError.FAILED ("a second call at the same time succeeded");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  if (!first_done) {
    waiting = true;
    yield;
  }
  if (first_error != null)
    throw first_error;
  check (first != null && first.n_children () == 5, "the first call got its batch");

  /* A cursor the server no longer has */
  var response = db.request_sync ("DELETE", "/_api/cursor/" + cursor.id, null, null, null,
                                  Arango.RequestFlags.NONE);
  check (response.status == 202, "deleted on the server");
  try {
    yield cursor.next_batch_variant_async (null);
    throw new TestError.FAILED ("a deleted cursor gave a batch");
  } catch (Arango.ServerError.CURSOR_NOT_FOUND e) {
  }
  check (!cursor.has_more, "nothing more after the error");
  check (cursor.next_batch_variant_sync () == null, "then the end");
  check (db.delete_collection_sync ("vala_variant_errors"), "delete");
}

async void test_document (Emulator emulator) throws Error {
  var db = open_database (emulator);
  make_numbers (db, "vala_variant_document");
  var coll = db.get_collection ("vala_variant_document");

  var document = yield coll.get_variant_async ("n07", null, null);
  check_equal (document.get_type_string (), "a{sv}", "type of a document");
  string key, rev;
  int64 value;
  check (document.lookup ("_key", "s", out key) && key == "n07", "_key");
  check (document.lookup ("_rev", "s", out rev), "_rev");
  check (document.lookup ("value", "x", out value) && value == 7, "value");
  var half = document.lookup_value ("half", VariantType.DOUBLE);
  check (half != null && half.get_double () == 7.5, "half");

  var by_id = coll.get_variant_sync ("vala_variant_document/n07", rev);
  check (by_id.equal (document), "by id and revision, the same");
  try {
    yield coll.get_variant_async ("n07", "_stale---", null);
    throw new TestError.FAILED ("a stale revision gave a document");
  } catch (Arango.ServerError.CONFLICT e) {
    check (Arango.ServerError.get_http_status (e) == 412, "the status of a conflict");
  }
  try {
    coll.get_variant_sync ("nobody", null);
    throw new TestError.FAILED ("a missing document was found");
  } catch (Arango.ServerError.DOCUMENT_NOT_FOUND e) {
  }
  check (db.delete_collection_sync ("vala_variant_document"), "delete");
}

/* The tests, run by tap.vala */
const string[] TEST_NAMES = {
  "batches as variants with the sync call",
  "batches as variants with the async call, mixed with JSON batches",
  "every JSON kind as a variant",
  "a busy cursor and a deleted one",
  "a document as a variant",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    test_sync (emulator);
    break;
  case 1:
    yield test_async_mixed (emulator);
    break;
  case 2:
    test_kinds (emulator);
    break;
  case 3:
    yield test_errors (emulator);
    break;
  case 4:
    yield test_document (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator ());
}
