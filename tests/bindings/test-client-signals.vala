/* test-client-signals.vala: Arango.Client's request-started and
 * request-finished signals and its max-connections property through the
 * VAPI, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Two coordinators and the fallback resolver: every request goes to
 * coordinator 0 first, and to coordinator 1 only when 0 failed.
 */

/* Records every attempt of a client's requests: a line per signal, as a
 * log would have them, and what request-finished got besides. */
class Recorder : Object {
  public string[] lines = {};
  public GenericArray<Error?> errors = new GenericArray<Error?> ();
  public int64[] durations = {};
  /* The threads the signals came in */
  public GenericArray<void *> threads = new GenericArray<void *> ();

  public Recorder (Arango.Client client) {
    client.request_started.connect ((method, uri) => {
      lines += "%s %s".printf (method, uri);
      threads.add (Thread.self<void *> ());
    });
    client.request_finished.connect ((method, uri, status, error, duration) => {
      lines += "%s %s -> %u".printf (method, uri, status);
      threads.add (Thread.self<void *> ());
      /* Copied: the signal's error is the emitter's */
      errors.add (error == null ? null : error.copy ());
      durations += duration;
    });
  }

  /* Checks the attempts so far: their URLs and statuses, one error
   * argument each, durations not negative */
  public void check_attempts (string[] urls, uint[] statuses) throws TestError {
    string[] expected = {};
    for (var i = 0; i < urls.length; i++) {
      expected += "GET " + urls[i];
      expected += "GET %s -> %u".printf (urls[i], statuses[i]);
    }
    check_equal (string.joinv ("; ", lines), string.joinv ("; ", expected), "attempts");
    check (errors.length == urls.length, "one error argument per attempt");
    foreach (var duration in durations)
      check (duration >= 0, "duration %lld".printf (duration));
  }

  public void check_no_error (int attempt) throws TestError {
    var error = errors[attempt];
    check (error == null, "attempt %d: error %s".printf (attempt, error == null ? "" : error.message));
  }
}

async Arango.Database open_database (Emulator emulator) throws Error {
  var client = new Arango.Client.for_hosts (emulator.urls, new Arango.HostResolver.fallback ());
  return yield client.db_async ("_system", "root", "", null);
}

string server_id_url (Emulator emulator, int index) {
  return emulator.urls[index] + "/_db/_system/_admin/server/id";
}

/* Request signals */

async void test_plain_call (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var recorder = new Recorder (db.client);
  var ids = yield emulator.server_ids ();

  check_equal (yield db.cluster.server_id_async (null), ids[0], "server id");
  recorder.check_attempts ({ server_id_url (emulator, 0) }, { 200 });
  recorder.check_no_error (0);
}

async void test_refused_connection (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var recorder = new Recorder (db.client);
  var ids = yield emulator.server_ids ();

  yield emulator.stop_coordinator (0);
  check_equal (yield db.cluster.server_id_async (null), ids[1], "server id");
  recorder.check_attempts ({ server_id_url (emulator, 0), server_id_url (emulator, 1) },
                           { 0, 200 });
  var refused = recorder.errors[0];
  check (refused != null, "the refused attempt has an error");
  check (refused is IOError.CONNECTION_REFUSED,
         "refused: %s (%s %d)".printf (refused.message, refused.domain.to_string (), refused.code));
  recorder.check_no_error (1);
}

async void test_not_found (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var recorder = new Recorder (db.client);

  try {
    yield db.get_collection ("ghost").get_async ("nobody", null, null);
    throw new TestError.FAILED ("a document of a missing collection was found");
  } catch (Arango.ServerError.DATA_SOURCE_NOT_FOUND e) {
  }
  recorder.check_attempts ({ emulator.urls[0] + "/_db/_system/_api/document/ghost/nobody" },
                           { 404 });
  recorder.check_no_error (0);
}

/* A blocking call emits in the thread that makes it, before it returns */
async void test_sync_call (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var recorder = new Recorder (db.client);
  var ids = yield emulator.server_ids ();
  var url = server_id_url (emulator, 0);

  check_equal (db.cluster.server_id_sync (null), ids[0], "server id");
  recorder.check_attempts ({ url }, { 200 });
  void *self_thread = Thread.self<void *> ();
  check (recorder.threads[0] == self_thread && recorder.threads[1] == self_thread,
         "the signals came in the calling thread");

  Error? error = null;
  var thread = new Thread<string?> ("sync-call", () => {
    try {
      return db.cluster.server_id_sync (null);
    } catch (Error e) {
      error = e.copy ();
      return null;
    }
  });
  void *other_thread = thread;
  var id = thread.join ();
  if (error != null)
    throw error;
  check_equal (id, ids[0], "server id in the other thread");
  recorder.check_attempts ({ url, url }, { 200, 200 });
  check (recorder.threads[2] == other_thread && recorder.threads[3] == other_thread,
         "the signals came in the other thread");
}

/* max-connections */

async void test_property (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  uint[] notified = {};

  check (client.max_connections == 8, "default %u".printf (client.max_connections));
  client.notify["max-connections"].connect (() => notified += client.max_connections);

  client.max_connections = 3;
  client.set_max_connections (3);
  check (client.get_max_connections () == 3, "getter");
  /* The setter takes the nearest value in range */
  client.set_max_connections (0);
  check (client.max_connections == 1, "clamped up to %u".printf (client.max_connections));
  client.set_max_connections (1000);
  check (client.max_connections == 32, "clamped down to %u".printf (client.max_connections));

  var text = new StringBuilder ();
  foreach (var value in notified)
    text.append_printf ("%s%u", text.len > 0 ? "," : "", value);
  check_equal (text.str, "3,1,32", "notified values");
}

/* Runs the main loop for @ms milliseconds */
async void idle_for (uint ms) {
  Timeout.add (ms, idle_for.callback);
  yield;
}

/* Coordinator 0 holds every request it gets until the fault is lifted, so
 * the requests it has got are the ones running at once; a connection
 * carries one request at a time, so the connections it saw bound how many
 * ever ran together. */
async void test_requests_at_once (Emulator emulator) throws Error {
  const int N_REQUESTS = 10;
  var db = yield open_database (emulator);
  var cluster = db.cluster;
  var server_id = (yield emulator.server_ids ())[0];

  db.client.max_connections = 3;
  yield emulator.reset ();
  yield emulator.set_fault (0, "hang", 0);

  string[] ids = {};
  Error? error = null;
  var pending = N_REQUESTS;
  for (var i = 0; i < N_REQUESTS; i++) {
    cluster.server_id_async.begin (null, (obj, result) => {
      try {
        ids += cluster.server_id_async.end (result);
      } catch (Error e) {
        error = e.copy ();
      }
      if (--pending == 0)
        test_requests_at_once.callback ();
    });
  }
  while ((yield emulator.request_counts ())[0] < 3)
    yield idle_for (10);
  yield emulator.set_fault (0, "none", 0);
  yield;

  if (error != null)
    throw error;
  check (ids.length == N_REQUESTS, "%d answers".printf (ids.length));
  foreach (var id in ids)
    check_equal (id, server_id, "server id");
  var coordinator = (yield emulator.coordinators ()).get_object_element (0);
  check (coordinator.get_int_member ("requests") == N_REQUESTS,
         "requests: %lld".printf (coordinator.get_int_member ("requests")));
  check (coordinator.get_int_member ("connections") == 3,
         "connections: %lld".printf (coordinator.get_int_member ("connections")));
}

const string[] TEST_NAMES = {
  "a call gives one started/finished pair",
  "a failover after a refused connection: each attempt",
  "a 404 is a reply: status 404, no error",
  "a blocking call emits in its thread before it returns",
  "max-connections: get, set, notify and clamping",
  "max-connections caps the requests running at once",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    yield test_plain_call (emulator);
    break;
  case 1:
    yield test_refused_connection (emulator);
    break;
  case 2:
    yield test_not_found (emulator);
    break;
  case 3:
    yield test_sync_call (emulator);
    break;
  case 4:
    yield test_property (emulator);
    break;
  case 5:
    yield test_requests_at_once (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator (2));
}
