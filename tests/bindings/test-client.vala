/* test-client.vala: the arango-glib API through its VAPI, against the
 * emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every test is an async method run with yield by tap.vala, in a
 * MainLoop; it prints TAP.
 */

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
  } catch (Arango.ServerError.HTTP_BAD_PARAMETER e) {
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

/* The tests, run by tap.vala */
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

int main (string[] args) {
  return run_tap (new Emulator ());
}
