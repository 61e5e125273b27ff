/* test-server-code.vala: AQL user functions and server tasks through the
 * VAPI, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Both carry JavaScript for the server to run. The emulator answers as a
 * server without JavaScript: it lists and removes the functions kept in
 * _aqlfunctions (stored here through the document API, as the server
 * keeps them), refuses to register one with 500/36, and refuses every
 * task call with 501/9. Vala keeps the library's GError, so the HTTP
 * status and error number are there. One coordinator, so that its request
 * log holds every request.
 */

const string CELSIUS = "function (celsius) { return celsius * 1.8 + 32; }";
const string TASK_ID = "vala-task";
const string TASKS_DISABLED = "JavaScript operations are disabled";

async Arango.Database open_database (Emulator emulator) throws Error {
  var client = new Arango.Client (emulator.hosts);
  return yield client.db_async ("_system", "root", "", null);
}

async void store_function (Arango.Database db, string name, string code) throws Error {
  var function = new Json.Object ();
  function.set_string_member ("_key", name.up ());
  function.set_string_member ("name", name);
  function.set_string_member ("code", code);
  function.set_boolean_member ("isDeterministic", true);
  yield db.get_collection ("_aqlfunctions").insert_async (new Json.Node.alloc ().init_object (function),
                                                          Arango.DocumentFlags.NONE, null);
}

async void test_aql_functions (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  check ((yield db.aql_functions_async (null, null)).get_length () == 0, "none at first");

  yield store_function (db, "vala::celsius", CELSIUS);
  yield store_function (db, "other::shout", "function (s) { return s.toUpperCase (); }");
  check ((yield db.aql_functions_async (null, null)).get_length () == 2, "both listed");
  var listed = yield db.aql_functions_async ("vala", null);
  check (listed.get_length () == 1, "%u in the namespace".printf (listed.get_length ()));
  var celsius = listed.get_object_element (0);
  check_equal (celsius.get_string_member ("name"), "vala::celsius", "name");
  check_equal (celsius.get_string_member ("code"), CELSIUS, "code");
  check (celsius.get_boolean_member ("isDeterministic"), "deterministic");

  try {
    yield db.delete_aql_function_async ("vala::kelvin", false, false, null);
    throw new TestError.FAILED ("a missing function was deleted");
  } catch (Arango.ServerError.QUERY_FUNCTION_NOT_FOUND e) {
    check_details (e, 404, 1582, "no AQL user function with name 'vala::kelvin' found");
  }
  check ((yield db.delete_aql_function_async ("vala::kelvin", false, true, null)) == 0,
         "a missing function ignored counts 0");

  try {
    yield db.create_aql_function_async ("vala::kelvin", "function (c) { return c + 273.15; }",
                                        true, null);
    throw new TestError.FAILED ("a function was registered without JavaScript");
  } catch (Arango.ServerError.DISABLED e) {
    check_details (e, 500, 36, "JavaScript operations are not available");
  }
  check ((yield db.aql_functions_async ("vala", null)).get_length () == 1, "none registered");
}

async void test_tasks (Emulator emulator) throws Error {
  var db = yield open_database (emulator);

  try {
    yield db.tasks_async (null);
    throw new TestError.FAILED ("the tasks were listed");
  } catch (Arango.ServerError.NOT_IMPLEMENTED e) {
    check_details (e, 501, 9, TASKS_DISABLED);
  }

  try {
    yield db.task_async (TASK_ID, null);
    throw new TestError.FAILED ("a task was read");
  } catch (Arango.ServerError.NOT_IMPLEMENTED e) {
    check_details (e, 501, 9, TASKS_DISABLED);
  }

  var options = new Arango.TaskOptions () {
    id = TASK_ID,
    name = "cleanup",
    period = 60,
    params = Json.from_string ("{\"keep\": 7}"),
  };
  try {
    yield db.create_task_async ("console.log (params.keep);", options, null);
    throw new TestError.FAILED ("a task was created");
  } catch (Arango.ServerError.NOT_IMPLEMENTED e) {
    check_details (e, 501, 9, TASKS_DISABLED);
  }
  var requests = yield emulator.requests (0);
  var sent = requests.get_object_element (requests.get_length () - 1);
  check_equal ("%s %s".printf (sent.get_string_member ("method"), sent.get_string_member ("path")),
               "PUT /_db/_system/_api/tasks/" + TASK_ID, "request");
  var body = Json.from_string (sent.get_string_member ("body")).get_object ();
  check_equal (body.get_string_member_with_default ("name", ""), "cleanup", "name");
  check (body.get_double_member_with_default ("period", 0) == 60, "period");
  var params = body.get_member ("params");
  check_equal (params != null ? Json.to_string (params, false) : null, "{\"keep\":7}", "params");

  /* A refusal is no missing task: ignore_missing does not hide it. */
  try {
    yield db.delete_task_async (TASK_ID, true, null);
    throw new TestError.FAILED ("a task was deleted");
  } catch (Arango.ServerError.NOT_IMPLEMENTED e) {
    check_details (e, 501, 9, TASKS_DISABLED);
  }
}

async void test_arguments (Emulator emulator) throws Error {
  var db = yield open_database (emulator);
  var before = yield emulator.total_requests ();

  try {
    db.create_aql_function_sync ("", CELSIUS, false);
    throw new TestError.FAILED ("a function without a name was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  try {
    yield db.create_aql_function_async ("vala::celsius", "", false, null);
    throw new TestError.FAILED ("a function without code was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  try {
    yield db.task_async ("", null);
    throw new TestError.FAILED ("a task without an id was read");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  try {
    yield db.create_task_async ("", null, null);
    throw new TestError.FAILED ("a task without a command was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  try {
    yield db.create_task_async ("console.log (1);", new Arango.TaskOptions () { id = "" }, null);
    throw new TestError.FAILED ("a task with an empty id was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
  try {
    yield db.delete_task_async ("", true, null);
    throw new TestError.FAILED ("a task without an id was deleted");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }

  check ((yield emulator.total_requests ()) == before, "nothing sent");
}

const string[] TEST_NAMES = {
  "AQL user functions: listed, deleting a missing one 404, registering refused",
  "server tasks: every call refused with 501/9, the options sent",
  "empty names, code, commands and ids: an error, and nothing sent",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    yield test_aql_functions (emulator);
    break;
  case 1:
    yield test_tasks (emulator);
    break;
  case 2:
    yield test_arguments (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator (1));
}
