/* test-client.vala: the arango-glib API through its VAPI, against the
 * emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every test is an async method run with yield; main() starts them with
 * .begin() and a MainLoop, and prints TAP.
 */

/* The emulator subprocess and its control surface */
class Emulator : Object {
  public string[] urls = {};
  public string hosts { owned get { return string.joinv (",", urls); } }

  private string control_url;
  private Subprocess process;
  private DataInputStream stdout_lines;
  private Soup.Session session = new Soup.Session ();

  public async void start (string? user = null,
                           string? password = null) throws Error {
    var path = Environment.get_variable ("ARANGO_EMULATOR");
    if (path == null)
      path = Environment.find_program_in_path ("arango-emulator");
    if (path == null)
      throw new IOError.NOT_FOUND ("arango-emulator not found: set ARANGO_EMULATOR");

    string[] argv = { path, "--coordinators", "3" };
    if (user != null) {
      argv += "--user";
      argv += user;
    }
    if (password != null) {
      argv += "--password";
      argv += password;
    }
    argv += "--exit-on-eof";

    process = new Subprocess.newv (argv, SubprocessFlags.STDIN_PIPE |
                                         SubprocessFlags.STDOUT_PIPE);
    stdout_lines = new DataInputStream (process.get_stdout_pipe ());

    try {
      var first = yield read_line ();
      var second = yield read_line ();

      foreach (var url in first.split (",")) {
        if (url.strip () != "")
          urls += url.strip ();
      }
      if (urls.length != 3)
        throw new IOError.FAILED ("expected 3 coordinator URLs, got “%s”", first);

      var words = second.strip ().split (" ");
      if (words.length != 2 || words[0] != "control")
        throw new IOError.FAILED ("unexpected second line “%s”", second);
      control_url = words[1];
    } catch (Error e) {
      yield stop ();
      throw e;
    }
  }

  private async string read_line () throws Error {
    var line = yield stdout_lines.read_line_async (Priority.DEFAULT, null);
    if (line == null)
      throw new IOError.FAILED ("the emulator exited before printing its URLs");
    return line;
  }

  public async void stop () {
    if (process == null)
      return;
    var dying = process;
    process = null;
    try {
      dying.get_stdin_pipe ().close ();
    } catch (Error e) {
      /* already closed: it is going away anyway */
    }
    dying.send_signal (ProcessSignal.TERM);
    try {
      yield dying.wait_async (null);
    } catch (Error e) {
      warning ("Waiting for the emulator: %s", e.message);
    }
  }

  public async Json.Object control (string method,
                                    string path) throws Error {
    var message = new Soup.Message (method, control_url + path);
    var bytes = yield session.send_and_read_async (message, Priority.DEFAULT, null);
    var text = (string) bytes.get_data ();
    var length = (ssize_t) bytes.get_size ();

    if (message.status_code < 200 || message.status_code >= 300)
      throw new IOError.FAILED ("%s %s: HTTP %u", method, path, message.status_code);

    var parser = new Json.Parser ();
    if (length == 0)
      return new Json.Object ();
    parser.load_from_data (text, length);
    return parser.get_root ().get_object ();
  }

  public async Json.Array coordinators () throws Error {
    var state = yield control ("GET", "/_control/state");
    return state.get_array_member ("coordinators");
  }

  public async string[] server_ids () throws Error {
    string[] ids = {};
    var list = yield coordinators ();
    foreach (var node in list.get_elements ())
      ids += node.get_object ().get_string_member ("serverId");
    return ids;
  }

  public async int64[] request_counts () throws Error {
    int64[] counts = {};
    var list = yield coordinators ();
    foreach (var node in list.get_elements ())
      counts += node.get_object ().get_int_member ("requests");
    return counts;
  }

  public async string counts_since (int64[] before) throws Error {
    var after = yield request_counts ();
    var text = new StringBuilder ();
    for (var i = 0; i < after.length; i++)
      text.append ((i > 0 ? "," : "") + (after[i] - before[i]).to_string ());
    return text.str;
  }

  public async bool in_maintenance () throws Error {
    var state = yield control ("GET", "/_control/state");
    return state.get_boolean_member ("maintenance");
  }

  public async void reset () throws Error {
    yield control ("POST", "/_control/reset");
  }

  public async void stop_coordinator (int index) throws Error {
    yield control ("POST", "/_control/coordinators/%d/stop".printf (index));
  }

  public async void set_fault (int index, string kind, int count) throws Error {
    yield control ("POST", "/_control/coordinators/%d/fault?kind=%s&count=%d"
                   .printf (index, kind, count));
  }
}

/* A resolver written in Vala: always the preferred host, unless it failed
 * for this request; then the next one that did not. */
class PickingResolver : Arango.HostResolver {
  public uint preferred;
  public string calls = "";

  public PickingResolver (uint preferred) {
    Object ();
    this.preferred = preferred;
  }

  public override uint pick_host (uint n_hosts, uint[]? failed_hosts) {
    var failed = new StringBuilder ();
    if (failed_hosts != null) {
      foreach (var f in failed_hosts)
        failed.append_printf ("%s%u", failed.len > 0 ? "," : "", f);
    }
    calls += "(%u:%s)".printf (n_hosts, failed.str);

    var index = preferred % n_hosts;
    for (var i = 0; i < n_hosts; i++) {
      if (!(index in failed_hosts))
        return index;
      index = (index + 1) % n_hosts;
    }
    return preferred % n_hosts;
  }
}

errordomain TestError {
  FAILED
}

void check (bool condition, string what) throws TestError {
  if (!condition)
    throw new TestError.FAILED ("%s", what);
}

void check_equal (string actual, string expected, string what) throws TestError {
  if (actual != expected)
    throw new TestError.FAILED ("%s: expected “%s”, got “%s”", what, expected, actual);
}

bool contains (string[] list, string item) {
  foreach (var s in list) {
    if (s == item)
      return true;
  }
  return false;
}

async Arango.Cluster open_cluster (Emulator emulator,
                                   Arango.HostResolver? resolver = null) throws Error {
  var client = new Arango.Client.for_hosts (emulator.urls, resolver);
  var db = yield client.db_async ("_system", "root", "", null);
  return db.get_cluster ();
}

/* The tests */

async void test_hosts (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  check_equal (string.joinv (",", client.get_hosts ()), emulator.hosts, "get_hosts ()");
  check_equal (string.joinv (",", client.hosts), emulator.hosts, "hosts property");

  var messy = new StringBuilder ();
  foreach (var url in emulator.urls)
    messy.append_printf ("%s %s/ ", messy.len > 0 ? "," : "", url.replace ("http://", "tcp://"));
  client = new Arango.Client (messy.str);
  check_equal (string.joinv (",", client.hosts), emulator.hosts, "normalized hosts");

  foreach (var bad in new string[] { "ftp://127.0.0.1:8529", "http://", "no url",
                                     "http://a:1,,http://b:2", "" }) {
    try {
      client = new Arango.Client (bad);
      throw new TestError.FAILED ("“%s” was accepted", bad);
    } catch (Arango.Error.INVALID_HOST e) {
      check (e.domain.to_string () == "arango-error-quark", "error domain");
    }
  }
}

async void test_seed_calls (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  var db = yield client.db_async ("_system", "root", "", null);
  check_equal (db.name, "_system", "database name");
  var cluster = db.cluster;
  var ids = yield emulator.server_ids ();

  var id = yield cluster.server_id_async (null);
  check (contains (ids, id), "server id %s is a coordinator's".printf (id));

  check_equal (yield cluster.server_role_async (null), "COORDINATOR", "role");

  var health = yield cluster.health_async (null);
  check (!health.has_member ("error") && !health.has_member ("code"), "health without error/code");
  var servers = health.get_object_member ("Health");
  foreach (var coordinator in ids)
    check (servers.has_member (coordinator), "health lists " + coordinator);
  string? dbserver = null;
  foreach (var member in servers.get_members ()) {
    if (servers.get_object_member (member).get_string_member ("Role") == "DBServer")
      dbserver = member;
  }
  check (dbserver != null, "health lists a DB-Server");

  var statistics = yield cluster.statistics_async (dbserver, null);
  check (statistics.get_size () > 0 && !statistics.has_member ("error"), "statistics");
  statistics = yield cluster.server_statistics_async (dbserver, null);
  check (statistics.get_size () > 0 && !statistics.has_member ("error"), "server statistics");

  check (yield cluster.toggle_maintenance_mode_async ("on", null), "maintenance on");
  check (yield emulator.in_maintenance (), "the emulator is in maintenance");
  check (yield cluster.toggle_maintenance_mode_async ("off", null), "maintenance off");
  check (!(yield emulator.in_maintenance ()), "the emulator is out of maintenance");

  var before = yield emulator.request_counts ();
  try {
    yield cluster.toggle_maintenance_mode_async ("bogus", null);
    throw new TestError.FAILED ("mode “bogus” was accepted");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  check_equal (yield emulator.counts_since (before), "0,0,0", "requests for a bad mode");

  try {
    yield cluster.server_statistics_async ("PRMR-does-not-exist", null);
    throw new TestError.FAILED ("an unknown server had statistics");
  } catch (Arango.ServerError e) {
    check (e.code == 400, "server error code %d".printf (e.code));
    check (e.domain.to_string () == "arango-server-error-quark", "server error domain");
    check (e.message.has_prefix ("[HTTP 400][ERR 400]"), e.message);
  }
}

async void test_round_robin (Emulator emulator) throws Error {
  var cluster = yield open_cluster (emulator);
  var ids = yield emulator.server_ids ();
  var before = yield emulator.request_counts ();
  var seen = new HashTable<string, int> (str_hash, str_equal);

  for (var i = 0; i < 9; i++) {
    var id = yield cluster.server_id_async (null);
    seen[id] = (seen.contains (id) ? seen[id] : 0) + 1;
  }
  check_equal (yield emulator.counts_since (before), "3,3,3", "requests per coordinator");
  foreach (var id in ids)
    check (seen.contains (id) && seen[id] == 3, "answers by " + id);
}

async void test_resolver (Emulator emulator) throws Error {
  var ids = yield emulator.server_ids ();
  var resolver = new PickingResolver (2);
  var cluster = yield open_cluster (emulator, resolver);

  var before = yield emulator.request_counts ();
  for (var i = 0; i < 3; i++)
    check_equal (yield cluster.server_id_async (null), ids[2], "picked host");
  check_equal (yield emulator.counts_since (before), "0,0,3", "requests per coordinator");
  check_equal (resolver.calls, "(3:)(3:)(3:)", "resolver calls");

  yield emulator.stop_coordinator (2);
  resolver.calls = "";
  check_equal (yield cluster.server_id_async (null), ids[0], "host after the stop");
  check_equal (resolver.calls, "(3:)(3:2)", "failed hosts told to the resolver");

  /* The resolver property */
  var client = new Arango.Client (emulator.hosts);
  var other = new PickingResolver (1);
  client.resolver = other;
  check (client.get_resolver () == other, "resolver property");
  var db = yield client.db_async ("_system", "root", "", null);
  check_equal (yield db.cluster.server_id_async (null), ids[1], "picked through the property");
}

async void test_failover (Emulator emulator) throws Error {
  var ids = yield emulator.server_ids ();
  var cluster = yield open_cluster (emulator, new Arango.HostResolver.fallback ());

  yield emulator.set_fault (0, "unavailable", 1);
  var before = yield emulator.request_counts ();
  check_equal (yield cluster.server_id_async (null), ids[1], "retried after a 503");
  check_equal (yield emulator.counts_since (before), "1,1,0", "requests per coordinator");

  cluster = yield open_cluster (emulator);
  yield emulator.stop_coordinator (0);
  for (var i = 0; i < 4; i++)
    check ((yield cluster.server_id_async (null)) != ids[0], "a stopped coordinator answered");

  yield emulator.stop_coordinator (1);
  yield emulator.stop_coordinator (2);
  try {
    yield cluster.server_id_async (null);
    throw new TestError.FAILED ("a request succeeded without coordinators");
  } catch (Arango.Error.HOSTS_UNAVAILABLE e) {
  }
}

/* The data API: a collection, documents in and out, a query in batches */
async void data_steps (Arango.Database db, Arango.Collection coll,
                       string name) throws Error {
  check_equal (coll.get_name (), name, "collection name");
  try {
    yield db.create_collection_async (name, null, null);
    throw new TestError.FAILED ("a second collection “%s” was created", name);
  } catch (Arango.ServerError.DUPLICATE_NAME e) {
    check (e.code == 1207, "duplicate name code %d".printf (e.code));
  }

  for (var i = 0; i < 5; i++) {
    var document = Json.from_string ("{\"_key\": \"k%d\", \"n\": %d}".printf (i, i));
    var meta = yield coll.insert_async (document, Arango.DocumentFlags.RETURN_NEW, null);
    check_equal (meta.get_string_member ("_id"), "%s/k%d".printf (name, i), "_id");
    check (meta.get_object_member ("new").get_int_member ("n") == i, "new.n");
  }

  var stored = yield coll.get_async ("k3", null, null);
  check (stored.get_int_member ("n") == 3, "get k3");
  stored = yield coll.get_async (name + "/k4", null, null);
  check (stored.get_int_member ("n") == 4, "get by id");
  try {
    yield coll.get_async ("nobody", null, null);
    throw new TestError.FAILED ("got a document that does not exist");
  } catch (Arango.ServerError.DOCUMENT_NOT_FOUND e) {
  }

  var bind_vars = Json.from_string ("{\"min\": 1}").get_object ();
  var options = new Arango.QueryOptions ();
  options.batch_size = 2;
  options.count = true;
  var cursor = yield db.query_async ("FOR d IN %s FILTER d.n >= @min SORT d.n RETURN d.n"
                                     .printf (name), bind_vars, options, null);
  check (cursor.count == 4, "cursor count %lld".printf (cursor.count));
  check (cursor.has_more, "has_more at first");

  var seen = new StringBuilder ();
  var batches = 0;
  for (;;) {
    var batch = yield cursor.next_batch_async (null);
    if (batch == null)
      break;
    batches++;
    check (batch.get_length () <= 2, "batch size");
    foreach (var node in batch.get_elements ())
      seen.append ((seen.len > 0 ? "," : "") + node.get_int ().to_string ());
  }
  check_equal (seen.str, "1,2,3,4", "query results");
  check (batches == 2, "%d batches".printf (batches));
  check (!cursor.has_more, "has_more at the end");
}

async void test_data (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  var db = yield client.db_async ("_system", "root", "", null);
  var name = "vala_data";
  var coll = yield db.create_collection_async (name, null, null);
  Error? failure = null;

  try {
    yield data_steps (db, coll, name);
  } catch (Error e) {
    failure = e;
  }
  try {
    yield db.delete_collection_async (name, null);
  } catch (Error e) {
    if (failure == null)
      failure = e;
  }
  if (failure != null)
    throw failure;
}

/* Vala has no async delegates: the tests are run by their index. */
const string[] TEST_NAMES = {
  "client from a comma-separated host string",
  "db_async and the seed cluster calls",
  "round robin spreads the requests",
  "a resolver written in Vala",
  "failover",
  "a collection, documents and a query",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    yield test_hosts (emulator);
    break;
  case 1:
    yield test_seed_calls (emulator);
    break;
  case 2:
    yield test_round_robin (emulator);
    break;
  case 3:
    yield test_resolver (emulator);
    break;
  case 4:
    yield test_failover (emulator);
    break;
  case 5:
    yield test_data (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

async int run_tests () {
  var emulator = new Emulator ();
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

int main (string[] args) {
  var loop = new MainLoop ();
  var status = 1;

  Timeout.add_seconds (120, () => {
    print ("Bail out! the tests did not finish in time\n");
    loop.quit ();
    return Source.REMOVE;
  });

  run_tests.begin ((obj, result) => {
    status = run_tests.end (result);
    loop.quit ();
  });
  loop.run ();
  return status;
}
