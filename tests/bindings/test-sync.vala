/* test-sync.vala: the blocking _sync calls and Arango.QueryModel through the
 * VAPI, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The _sync calls need no main loop, so the tests are plain methods; only
 * the model runs a MainLoop until it stopped loading. Prints TAP.
 */

const int N_NUMBERS = 25;

/* The emulator's first output line holds the coordinator URLs. */
Subprocess start_emulator (out string hosts) throws Error {
  var path = Environment.get_variable ("ARANGO_EMULATOR");
  if (path == null)
    path = Environment.find_program_in_path ("arango-emulator");
  if (path == null)
    throw new IOError.NOT_FOUND ("arango-emulator not found: set ARANGO_EMULATOR");

  /* --exit-on-eof: it also goes away when this process dies. */
  var process = new Subprocess (SubprocessFlags.STDIN_PIPE | SubprocessFlags.STDOUT_PIPE,
                                path, "--coordinators", "3", "--exit-on-eof");
  hosts = new DataInputStream (process.get_stdout_pipe ()).read_line (null);
  if (hosts == null)
    throw new IOError.FAILED ("the emulator did not start");
  return process;
}

Arango.Collection make_numbers (Arango.Database db, string name) throws Error {
  var coll = db.create_collection_sync (name, null);
  var numbers = new Json.Array ();
  for (var i = 0; i < N_NUMBERS; i++) {
    var number = new Json.Object ();
    number.set_string_member ("_key", "n%02d".printf (i));
    number.set_int_member ("value", i);
    numbers.add_object_element (number);
  }
  var results = coll.insert_many_sync (numbers, Arango.DocumentFlags.NONE);
  check (results.get_length () == N_NUMBERS, "inserted");
  return coll;
}

void test_sync_calls (Arango.Database db) throws Error {
  var coll = make_numbers (db, "vala_sync");
  check (coll.count_sync () == N_NUMBERS, "count");
  var stored = coll.get_sync ("n07", null);
  check (stored.get_int_member ("value") == 7, "value of n07");
  check (coll.has_sync ("n07"), "has n07");
  check (!coll.has_sync ("nobody"), "has nobody");
  check_equal (db.cluster.server_role_sync (), "COORDINATOR", "role");

  try {
    coll.get_sync ("nobody", null);
    throw new TestError.FAILED ("get of a missing document succeeded");
  } catch (Arango.ServerError.DOCUMENT_NOT_FOUND e) {
    /* expected */
  }

  var options = new Arango.QueryOptions ();
  options.batch_size = 10;
  var cursor = db.query_sync ("FOR n IN vala_sync RETURN n", null, options);
  var batches = "";
  Json.Array? batch;
  while ((batch = cursor.next_batch_sync ()) != null)
    batches += "%u ".printf (batch.get_length ());
  check_equal (batches, "10 10 5 ", "batch sizes");

  check (db.delete_collection_sync ("vala_sync"), "delete");
}

void test_query_model (Arango.Database db) throws Error {
  make_numbers (db, "vala_model");
  var options = new Arango.QueryOptions ();
  options.batch_size = 10;
  var model = new Arango.QueryModel (db, "FOR n IN vala_model SORT n.value RETURN n",
                                     null, options);
  var loop = new MainLoop ();
  var changes = "";

  model.items_changed.connect ((position, removed, added) => {
    changes += "(%u,%u,%u)".printf (position, removed, added);
  });
  model.notify["loading"].connect (() => {
    if (!model.loading)
      loop.quit ();
  });
  model.load ();
  check (model.loading, "loading after load()");
  loop.run ();

  check (model.get_error () == null, "no error");
  check_equal (changes, "(0,0,10)(10,0,10)(20,0,5)", "items-changed");
  check (model.get_n_items () == N_NUMBERS, "n-items");
  var last = (Arango.Document) model.get_item (N_NUMBERS - 1);
  check (last.get_key () == "n24", "key of the last item");
  check (last.get_member ("value").get_int () == N_NUMBERS - 1, "value of the last item");

  check (db.delete_collection_sync ("vala_model"), "delete");
}

int main (string[] args) {
  string hosts;
  Subprocess emulator;
  Arango.Database db;
  var failures = 0;

  try {
    emulator = start_emulator (out hosts);
    db = new Arango.Client (hosts).db_sync ("_system", "root", "");
  } catch (Error e) {
    print ("Bail out! %s\n", e.message);
    return 1;
  }

  print ("1..2\n");
  string[] names = { "the _sync calls", "a query model" };
  for (var i = 0; i < names.length; i++) {
    try {
      if (i == 0)
        test_sync_calls (db);
      else
        test_query_model (db);
      print ("ok %d - %s\n", i + 1, names[i]);
    } catch (Error e) {
      failures++;
      print ("not ok %d - %s\n# %s\n", i + 1, names[i], e.message);
    }
  }

  emulator.send_signal (ProcessSignal.TERM);
  try {
    emulator.wait (null);
  } catch (Error e) {
    warning ("Waiting for the emulator: %s", e.message);
  }
  return failures > 0 ? 1 : 0;
}
