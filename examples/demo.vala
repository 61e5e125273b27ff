/* demo.vala: the seed flow of arango-glib in Vala
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: arango-demo-vala [HOSTS]
 *
 * HOSTS is one URL or a comma-separated list. Without it, the demo starts
 * the ArangoDB emulator ($ARANGO_EMULATOR, or arango-emulator on PATH) with
 * three coordinators. Like a script, it uses the blocking _sync form of
 * every call and runs no main loop.
 */

class Demo : Object {
  private Arango.Cluster cluster;
  private string dbserver;
  private int failed = 0;

  private void show (string label, string text) {
    print ("%-26s %s\n", label, text);
  }

  private void show_error (string label, Error e) {
    failed++;
    print ("%-26s FAILED: %s (%s, code %d)\n", label, e.message,
           e.domain.to_string (), e.code);
  }

  private string health_lines () throws Error {
    var health = cluster.health_sync (null);
    var servers = health.get_object_member ("Health");
    var lines = new StringBuilder ();

    lines.append_printf ("%u servers", servers.get_size ());
    foreach (var id in servers.get_members ()) {
      var server = servers.get_object_member (id);
      lines.append_printf ("\n  %-44s %-12s %s", id, server.get_string_member ("Role"),
                           server.get_string_member ("Status"));
      if (dbserver == null && server.get_string_member ("Role") == "DBServer")
        dbserver = id;
    }
    return lines.str;
  }

  /* The steps are run by their index. */
  private const string[] STEPS = {
    "server_id", "server_role", "server_mode", "health", "statistics",
    "server_statistics", "server_version", "server_engine", "server_count",
    "endpoints", "maintenance on", "maintenance off", "server maintenance on",
    "server maintenance off", "calculate_imbalance", "calculate_rebalance_plan",
    "vpack_sort_migration",
  };

  private string run_step (int step) throws Error {
    switch (step) {
    case 0:
      return cluster.server_id_sync (null);
    case 1:
      return cluster.server_role_sync (null);
    case 2:
      return cluster.server_mode_sync (null);
    case 3:
      return health_lines ();
    case 4:
      var statistics = cluster.statistics_sync (dbserver, null);
      return "%s: %u members".printf (dbserver, statistics.get_size ());
    case 5:
      var statistics = cluster.server_statistics_sync (dbserver, null);
      return "%s: %u members".printf (dbserver, statistics.get_size ());
    case 6:
      var version = cluster.server_version_sync (dbserver, null);
      return version.get_string_member ("version");
    case 7:
      var engine = cluster.server_engine_sync (dbserver, null);
      return engine.get_string_member ("name");
    case 8:
      var count = cluster.server_count_sync (null);
      return "%lld coordinators".printf (count.get_int_member ("numberOfCoordinators"));
    case 9:
      var endpoints = cluster.endpoints_sync (null);
      return string.joinv (", ", endpoints);
    case 10:
      cluster.toggle_maintenance_mode_sync ("on", null);
      return "done";
    case 11:
      cluster.toggle_maintenance_mode_sync ("off", null);
      return "done";
    case 12:
      cluster.toggle_server_maintenance_mode_sync (dbserver, "maintenance", 60, null);
      return dbserver;
    case 13:
      cluster.toggle_server_maintenance_mode_sync (dbserver, "normal", 0, null);
      return dbserver;
    case 14:
      var imbalance = cluster.calculate_imbalance_sync (null);
      return "leader imbalance %g".printf (
        imbalance.get_object_member ("leader").get_double_member ("imbalance"));
    case 15:
      var plan = cluster.calculate_rebalance_plan_sync (null, null);
      return "%u moves".printf (plan.get_array_member ("moves").get_length ());
    case 16:
      var status = cluster.vpack_sort_migration_status_sync (null);
      return "%u DB-Servers".printf (status.get_size ());
    default:
      assert_not_reached ();
    }
  }

  public int run (string hosts) throws Error {
    var client = new Arango.Client (hosts);
    print ("Client for %s\n", string.joinv (", ", client.get_hosts ()));
    var db = client.db_sync ("_system", "root", "", null);
    cluster = db.cluster;
    print ("Database %s as root\n\n", db.name);

    for (var i = 0; i < STEPS.length; i++) {
      try {
        show (STEPS[i], run_step (i));
      } catch (Error e) {
        show_error (STEPS[i], e);
      }
    }
    return failed;
  }
}

Subprocess start_emulator (out string hosts) throws Error {
  var path = Environment.get_variable ("ARANGO_EMULATOR");
  if (path == null)
    path = Environment.find_program_in_path ("arango-emulator");
  if (path == null)
    throw new IOError.NOT_FOUND ("arango-emulator not found: set ARANGO_EMULATOR or give HOSTS");

  print ("Starting %s\n", path);
  /* --exit-on-eof: it also goes away when this process dies. */
  var process = new Subprocess (SubprocessFlags.STDIN_PIPE | SubprocessFlags.STDOUT_PIPE,
                                path, "--coordinators", "3", "--exit-on-eof");
  var output = new DataInputStream (process.get_stdout_pipe ());
  hosts = output.read_line (null);
  if (hosts == null)
    throw new IOError.FAILED ("the emulator did not start");
  return process;
}

void stop_emulator (Subprocess process) {
  try {
    process.get_stdin_pipe ().close ();
    process.send_signal (ProcessSignal.TERM);
    process.wait (null);
  } catch (Error e) {
    warning ("Stopping the emulator: %s", e.message);
  }
  print ("Stopped the emulator\n");
}

int main (string[] args) {
  Subprocess? emulator = null;
  string hosts;
  int failed;

  try {
    if (args.length > 1)
      hosts = args[1];
    else
      emulator = start_emulator (out hosts);
    failed = new Demo ().run (hosts);
  } catch (Error e) {
    print ("FAILED: %s (%s, code %d)\n", e.message, e.domain.to_string (), e.code);
    failed = 1;
  }

  if (emulator != null)
    stop_emulator (emulator);
  print (failed > 0 ? "\n%d steps failed\n".printf (failed) : "\nEverything worked\n");
  return failed > 0 ? 1 : 0;
}
