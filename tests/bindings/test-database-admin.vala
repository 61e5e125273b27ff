/* test-database-admin.vala: the generic request, tokens, query
 * administration and what a server tells of itself, through the VAPI,
 * against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The async forms, run with yield by tap.vala in a MainLoop. Query
 * parameters and headers are HashTable<string, string>, as the VAPI has
 * the GHashTable; the token's expiry is a DateTime. Two coordinators with
 * authentication on, so that tokens matter and root is no superuser.
 */

const string PASSWORD = "root-pw";
const string SLEEPER = "RETURN SLEEP(30)";

async Arango.Database open_database (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  return yield client.db_async ("_system", emulator.user, emulator.password, null);
}

string text_of (Bytes bytes) {
  var text = new StringBuilder ();
  text.append_len ((string) bytes.get_data (), (ssize_t) bytes.get_size ());
  return text.str;
}

string to_json (Json.Node node) {
  return Json.to_string (node, false);
}

async void sleep_ms (uint ms) {
  Timeout.add (ms, sleep_ms.callback);
  yield;
}

int64 seconds_from_now (DateTime time) {
  return time.to_unix () - new DateTime.now_utc ().to_unix ();
}

void check_about (int64 actual, int64 expected, string what) throws TestError {
  check ((actual - expected).abs () <= 10,
         "%s: expected about %lld, got %lld".printf (what, expected, actual));
}

/* The generic request */

async void test_request (Emulator emulator) throws Error {
  var db = yield open_database (emulator);

  var query = new HashTable<string, string> (str_hash, str_equal);
  query["details"] = "true";
  var response = yield db.request_async ("GET", "/_api/version", query, null, null,
                                         Arango.RequestFlags.NONE, null);
  check (response.status == 200, "status %u".printf (response.status));
  var version = response.get_body ().get_object ();
  check_equal (version.get_string_member ("server"), "arango", "server");
  check_equal (version.get_object_member ("details").get_string_member ("role"),
               "COORDINATOR", "details asked for");
  check_equal (text_of (response.bytes), to_json (response.body), "bytes");
  check (response.get_header ("Content-Type").has_prefix ("application/json"), "content type");
  check (response.get_header ("X-No-Such-Header") == null, "no such header");
  check ("Content-Type" in response.get_header_names (), "header names");
  check (response.host in emulator.urls, "host " + response.host);

  query = new HashTable<string, string> (str_hash, str_equal);
  query["note"] = "a b&c=d/é";
  query["excludeSystem"] = "true";
  response = yield db.request_async ("GET", "/_api/collection?x=1", query, null, null,
                                     Arango.RequestFlags.NONE, null);
  foreach (var node in response.body.get_object ().get_array_member ("result").get_elements ())
    check (!node.get_object ().get_string_member ("name").has_prefix ("_"), "excludeSystem");
  var sent = "";
  for (var i = 0; i < emulator.n_coordinators; i++) {
    foreach (var node in (yield emulator.requests (i)).get_elements ()) {
      if (node.get_object ().get_string_member ("path") == "/_db/_system/_api/collection")
        sent = node.get_object ().get_string_member ("query");
    }
  }
  check_equal (sent, "x=1&excludeSystem=true&note=a%20b%26c%3Dd%2F%C3%A9", "query string");

  var headers = new HashTable<string, string> (str_hash, str_equal);
  headers["x-arango-async"] = "store";
  response = yield db.request_async ("GET", "/_api/version", null, headers, null,
                                     Arango.RequestFlags.NONE, null);
  check (response.status == 202, "stored as a job");
  check (uint64.try_parse (response.get_header ("x-arango-async-id")), "a job id");
  check (response.body == null && response.bytes.get_size () == 0, "no body");

  var cursor_body = Json.from_string ("{\"query\": \"RETURN @a * 2\", \"bindVars\": {\"a\": 21}}");
  response = yield db.request_async ("POST", "/_api/cursor", null, null, cursor_body,
                                     Arango.RequestFlags.NONE, null);
  check (response.status == 201, "created");
  check_equal (to_json (response.body.get_object ().get_member ("result")), "[42]", "result");
}

async void test_request_errors (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  try {
    yield db.request_async ("GET", "/_api/collection/vala_missing", null, null, null,
                            Arango.RequestFlags.NONE, null);
    throw new TestError.FAILED ("an error reply was no error");
  } catch (Arango.ServerError.DATA_SOURCE_NOT_FOUND e) {
    check (e.message.has_prefix ("[HTTP 404][ERR 1203]"), e.message);
  }

  var response = yield db.request_async ("GET", "/_api/collection/vala_missing", null, null,
                                         null, Arango.RequestFlags.RETURN_ERRORS, null);
  check (response.get_status () == 404, "status");
  check (response.get_body ().get_object ().get_int_member ("errorNum") == Arango.ServerError.DATA_SOURCE_NOT_FOUND,
         "errorNum");
  try {
    response.check_status ();
    throw new TestError.FAILED ("check_status () passed a 404");
  } catch (Arango.ServerError.DATA_SOURCE_NOT_FOUND e) {
  }

  response = db.request_sync ("GET", "/_admin/metrics/v2", null, null, null,
                              Arango.RequestFlags.NONE);
  check (response.check_status (), "check_status () of a 200");
  check (response.body == null, "metrics are no JSON");
  check ("# TYPE arangodb_" in text_of (response.bytes), "Prometheus text");

  var before = yield emulator.total_requests ();
  foreach (var method in new string[] { "FETCH", "" }) {
    try {
      yield db.request_async (method, "/_api/version", null, null, null,
                              Arango.RequestFlags.NONE, null);
      throw new TestError.FAILED ("method “%s” was sent", method);
    } catch (Arango.Error.INVALID_ARGUMENT e) {
    }
  }
  try {
    db.request_sync ("GET", "/two words", null, null, null, Arango.RequestFlags.NONE);
    throw new TestError.FAILED ("a path with a space was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  check ((yield emulator.total_requests ()) == before, "nothing sent");
}

/* Tokens */

async void test_token_renewal (Emulator emulator) throws Error {
  var token = yield emulator.user_token ("root", 100);
  var client = new Arango.Client (emulator.hosts);
  var db = yield client.db_with_token_async ("_system", token, true, null);
  check_equal (db.token, token, "token property");
  check_equal (db.dup_token (), token, "dup_token ()");
  DateTime expiry = db.token_expiry;
  check (expiry != null, "an expiry");
  check_about (seconds_from_now (expiry), 100, "seconds left");
  check (db.dup_token_expiry ().equal (expiry), "dup_token_expiry ()");

  var saved = new GenericArray<string> ();
  var expiry_changes = 0;
  db.notify["token"].connect (() => saved.add (db.token));
  db.notify["token-expiry"].connect (() => expiry_changes++);

  var renewed = yield db.renew_token_async (null);
  check (renewed != null && renewed != token, "a new token");
  check (saved.length == 1 && saved[0] == renewed, "notify::token once");
  check (expiry_changes == 1, "notify::token-expiry once");
  check_about (seconds_from_now (db.token_expiry), 3600, "renewed for an hour");
  check_equal (yield db.cluster.server_role_async (null), "COORDINATOR", "a call with it");

  /* Far from its expiry the server keeps the token: null, no error */
  check ((yield db.renew_token_async (null)) == null, "kept");
  check (db.renew_token_sync () == null, "kept (sync)");
  check (saved.length == 1, "nothing new to save");
}

async void test_set_token (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  var db = yield client.db_with_token_async ("_system", yield emulator.user_token ("root", 3600),
                                             true, null);
  var notified = 0;
  db.notify["token"].connect (() => notified++);

  var other = yield emulator.user_token ("root", 7200);
  check (db.set_token (other), "set_token ()");
  check (notified == 1, "notified");
  check_about (seconds_from_now (db.token_expiry), 7200, "the new expiry");

  try {
    db.set_token ("not-a-jwt");
    throw new TestError.FAILED ("a malformed token was taken");
  } catch (Arango.Error.AUTHENTICATION_FAILED e) {
  }
  try {
    db.set_token (yield emulator.user_token ("root", -60));
    throw new TestError.FAILED ("an expired token was taken");
  } catch (Arango.Error.TOKEN_EXPIRED e) {
  }
  check_equal (db.token, other, "refused tokens leave it");
  check (notified == 1, "and notify nothing");

  var basic = yield open_database (emulator);
  check (basic.token == null && basic.token_expiry == null, "none with a password");
  try {
    basic.set_token (other);
    throw new TestError.FAILED ("a password handle took a token");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
}

/* Query administration */

async Json.Array await_running (Arango.Database db) throws Error {
  for (var i = 0; i < 250; i++) {
    var running = yield db.running_queries_async (false, null);
    if (running.get_length () > 0)
      return running;
    yield sleep_ms (20);
  }
  throw new TestError.FAILED ("the query never showed as running");
}

async void test_kill_query (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  Error? query_error = null;
  var finished = false;
  SourceFunc? resume = null;

  db.query_async.begin (SLEEPER, null, null, null, (obj, result) => {
    try {
      db.query_async.end (result);
    } catch (Error e) {
      query_error = e;
    }
    finished = true;
    if (resume != null)
      resume ();
  });

  var running = yield await_running (db);
  check (running.get_length () == 1, "one running query");
  var query = running.get_object_element (0);
  check_equal (query.get_string_member ("query"), SLEEPER, "query");
  check_equal (query.get_string_member ("state"), "executing", "state");
  check_equal (query.get_string_member ("user"), "root", "user");
  var id = query.get_string_member ("id");
  check (yield db.kill_query_async (id, false, false, null), "kill_query");

  if (!finished) {
    resume = test_kill_query.callback;
    yield;
  }
  check (query_error is Arango.ServerError.QUERY_KILLED,
         "killed: %s".printf (query_error != null ? query_error.message : "no error"));
  check ((yield db.running_queries_async (false, null)).get_length () == 0, "none running");

  try {
    yield db.kill_query_async (id, false, false, null);
    throw new TestError.FAILED ("a finished query was killed");
  } catch (Arango.ServerError.QUERY_NOT_FOUND e) {
  }
  check (!(yield db.kill_query_async (id, false, true, null)), "ignore_missing");
  try {
    yield db.running_queries_async (true, null);
    throw new TestError.FAILED ("root saw every database's queries");
  } catch (Arango.ServerError.FORBIDDEN e) {
  }
}

async void test_query_cache (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var properties = yield db.query_cache_properties_async (null);
  check_equal (properties.get_string_member ("mode"), "off", "off by default");

  properties = yield db.configure_query_cache_async (
    Json.from_string ("{\"mode\": \"on\", \"maxResults\": 32}").get_object (), null);
  /* The cache is the server's: turned off again whatever happens */
  Error? failure = null;
  try {
    check_equal (properties.get_string_member ("mode"), "on", "mode");
    check (properties.get_int_member ("maxResults") == 32, "maxResults");

    yield db.query_async ("RETURN 42", null, null, null);
    var entries = yield db.query_cache_entries_async (null);
    check (entries.get_length () == 1, "one entry");
    check_equal (entries.get_object_element (0).get_string_member ("query"), "RETURN 42",
                 "cached query");
    check ((yield db.query_async ("RETURN 42", null, null, null)).cached, "from the cache");
    check (yield db.clear_query_cache_async (null), "cleared");
    check ((yield db.query_cache_entries_async (null)).get_length () == 0, "empty");
  } catch (Error e) {
    failure = e;
  }
  db.configure_query_cache_sync (Json.from_string ("{\"mode\": \"off\"}").get_object ());
  if (failure != null)
    throw failure;

  var tracking = yield db.query_tracking_async (null);
  check (tracking.get_boolean_member ("enabled"), "tracking enabled");
  check (tracking.get_double_member ("slowQueryThreshold") == 10, "threshold");
  yield db.set_query_tracking_async (
    Json.from_string ("{\"slowQueryThreshold\": 0}").get_object (), null);
  try {
    check (yield db.clear_slow_queries_async (false, null), "cleared");
    yield db.query_async ("RETURN 7", null, null, null);
    var slow = yield db.slow_queries_async (false, null);
    check (slow.get_length () == 1, "one slow query");
    check_equal (slow.get_object_element (0).get_string_member ("query"), "RETURN 7",
                 "slow query");
  } catch (Error e) {
    failure = e;
  }
  db.set_query_tracking_sync (Json.from_string ("{\"slowQueryThreshold\": 10}").get_object ());
  if (failure != null)
    throw failure;
}

/* What a server tells of itself */

async void test_server (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var echo = yield db.echo_async (null, null);
  check_equal (echo.get_string_member ("requestType"), "GET", "echo of a GET");
  check_equal (echo.get_string_member ("user"), "root", "echo user");
  echo = yield db.echo_async (Json.from_string ("{\"name\": \"Vesta\"}"), null);
  check_equal (echo.get_string_member ("requestType"), "POST", "echo of a POST");
  check_equal (echo.get_string_member ("requestBody"), "{\"name\":\"Vesta\"}", "echo body");

  var warnings = yield db.read_log_async (null, "warning", -1, -1, -1, null, null, null, null);
  var levels = warnings.get_array_member ("level");
  check (levels.get_length () > 0, "some warnings");
  foreach (var level in levels.get_elements ())
    check (level.get_int () == 2, "warnings only");
  var newest = yield db.read_log_async (null, null, -1, 2, -1, null, "desc", null, null);
  check (newest.get_array_member ("lid").get_length () == 2, "two entries");
  check (newest.get_array_member ("lid").get_int_element (0) >
         newest.get_array_member ("lid").get_int_element (1), "newest first");

  /* Each coordinator lists the calls it served: one is asked */
  var one = yield new Arango.Client (emulator.urls[0]).db_async ("_system", "root", PASSWORD,
                                                                  null);
  yield one.version_async (false, null);
  var calls = yield one.api_calls_async (null);
  check_equal (calls.get_object_element (0).get_string_member ("path"),
               "/_admin/server/api-calls", "the newest call");
  check_equal (calls.get_object_element (1).get_string_member ("path"), "/_api/version",
               "the one before");
}

/* The tests, run by tap.vala */
const string[] TEST_NAMES = {
  "a generic request with a HashTable of query parameters and headers",
  "error replies of a generic request, and what is refused before sending",
  "a token's expiry, notify::token and renewal",
  "set_token",
  "a running SLEEP() query is killed",
  "the query results cache and slow queries",
  "echo, read_log and api_calls",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    yield test_request (emulator);
    break;
  case 1:
    yield test_request_errors (emulator);
    break;
  case 2:
    yield test_token_renewal (emulator);
    break;
  case 3:
    yield test_set_token (emulator);
    break;
  case 4:
    yield test_kill_query (emulator);
    break;
  case 5:
    yield test_query_cache (emulator);
    break;
  case 6:
    yield test_server (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator (2, "root", PASSWORD));
}
