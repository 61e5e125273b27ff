/* emulator.vala: the emulator subprocess and its control surface, for
 * the Vala binding tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* One emulator process with its coordinators. It is started with
 * --exit-on-eof and a piped stdin, so it also goes away when the test dies. */
public class Emulator : Object {
  public int n_coordinators { get; construct; }
  /* Authentication is on when there is a user */
  public string? user { get; construct; }
  public string? password { get; construct; }
  public string[] urls = {};
  public string hosts { owned get { return string.joinv (",", urls); } }

  private string control_url;
  private Subprocess process;
  private DataInputStream stdout_lines;
  private Soup.Session session = new Soup.Session ();

  public Emulator (int n_coordinators = 3, string? user = null, string? password = null) {
    Object (n_coordinators: n_coordinators, user: user, password: password);
  }

  public async void start () throws Error {
    var path = Environment.get_variable ("ARANGO_EMULATOR");
    if (path == null)
      path = Environment.find_program_in_path ("arango-emulator");
    if (path == null)
      throw new IOError.NOT_FOUND ("arango-emulator not found: set ARANGO_EMULATOR");

    string[] argv = { path, "--coordinators", n_coordinators.to_string () };
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

      string[] found = {};
      foreach (var url in first.split (",")) {
        if (url.strip () != "")
          found += url.strip ();
      }
      urls = found;
      if (urls.length != n_coordinators)
        throw new IOError.FAILED ("expected %d coordinator URLs, got “%s”", n_coordinators, first);

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

  /* The requests coordinator @index got, oldest first */
  public async Json.Array requests (int index) throws Error {
    var log = yield control ("GET", "/_control/coordinators/%d/requests".printf (index));
    return log.get_array_member ("requests");
  }

  public async int64 total_requests () throws Error {
    int64 total = 0;
    foreach (var count in yield request_counts ())
      total += count;
    return total;
  }

  /* A token for @username as /_open/auth makes them, expiring @ttl
   * seconds from now (negative: expired already) */
  public async string user_token (string username, int ttl) throws Error {
    var reply = yield control ("GET", "/_control/auth/user-token?user=%s&ttl=%d"
                               .printf (Uri.escape_string (username), ttl));
    return reply.get_string_member ("jwt");
  }
}
