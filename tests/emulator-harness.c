/* emulator-harness.c: run the ArangoDB emulator from a GTest program
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-harness.h"

#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <libsoup/soup.h>

/* Long enough for a loaded CI machine, short enough that a wedged
 * emulator fails the test instead of hanging it. */
#define CONTROL_TIMEOUT_SECONDS 30

struct _EmulatorProcess {
  GSubprocess      *process;
  GDataInputStream *output;
  char             *hosts;
  char            **host_list;
  guint             n_hosts;
  char             *control_url;
  SoupSession      *session;
};

static char *
find_emulator (void)
{
  const char *path = g_getenv ("ARANGO_EMULATOR");
  char *found;

  if (path != NULL && *path != '\0')
    return g_strdup (path);

  found = g_find_program_in_path ("arango-emulator");
  if (found == NULL)
    g_error ("ARANGO_EMULATOR is not set and arango-emulator is not in PATH");

  return found;
}

static char *
read_line (EmulatorProcess *self)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (self->output, NULL, NULL, &error);

  if (line == NULL)
    g_error ("arango-emulator ended before announcing its URLs: %s",
             error != NULL ? error->message : "end of output");

  return line;
}

EmulatorProcess *
emulator_process_start_with_args (const char * const *extra_args)
{
  EmulatorProcess *self = g_new0 (EmulatorProcess, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *control_line = NULL;
  guint i;

  g_ptr_array_add (argv, find_emulator ());
  /* The stdin pipe stays open for the emulator's whole life; if this test
   * process dies, the pipe closes and the emulator exits with it. */
  g_ptr_array_add (argv, g_strdup ("--exit-on-eof"));
  for (i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  self->process = g_subprocess_launcher_spawnv (launcher,
                                                (const char * const *) argv->pdata,
                                                &error);
  if (self->process == NULL)
    g_error ("Cannot start %s: %s", (const char *) argv->pdata[0], error->message);

  self->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));

  self->hosts = read_line (self);
  self->host_list = g_strsplit (self->hosts, ",", -1);
  self->n_hosts = g_strv_length (self->host_list);

  control_line = read_line (self);
  if (!g_str_has_prefix (control_line, "control "))
    g_error ("Unexpected second line from arango-emulator: %s", control_line);
  self->control_url = g_strdup (control_line + strlen ("control "));

  self->session = soup_session_new_with_options ("timeout", CONTROL_TIMEOUT_SECONDS, NULL);

  return self;
}

EmulatorProcess *
emulator_process_start (guint       n_coordinators,
                        const char *user,
                        const char *password)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup_printf ("--coordinators=%u", n_coordinators));
  if (user != NULL)
    {
      g_ptr_array_add (args, g_strdup_printf ("--user=%s", user));
      g_ptr_array_add (args, g_strdup_printf ("--password=%s", password != NULL ? password : ""));
    }
  g_ptr_array_add (args, NULL);

  return emulator_process_start_with_args ((const char * const *) args->pdata);
}

const char *
emulator_process_get_hosts (EmulatorProcess *self)
{
  return self->hosts;
}

const char *
emulator_process_get_host (EmulatorProcess *self,
                           guint            index)
{
  g_assert_cmpuint (index, <, self->n_hosts);

  return self->host_list[index];
}

guint
emulator_process_get_n_hosts (EmulatorProcess *self)
{
  return self->n_hosts;
}

JsonNode *
emulator_process_control (EmulatorProcess *self,
                          const char      *method,
                          const char      *path_and_query,
                          const char      *json_body)
{
  g_autofree char *url = g_strconcat (self->control_url, path_and_query, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;

  if (msg == NULL)
    g_error ("Invalid control URL %s", url);

  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  reply = soup_session_send_and_read (self->session, msg, NULL, &error);
  if (reply == NULL)
    g_error ("Control request %s %s failed: %s", method, path_and_query, error->message);

  data = g_bytes_get_data (reply, &length);
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    g_error ("Control request %s %s: reply is not JSON: %s",
             method, path_and_query, error->message);

  return json_parser_steal_root (parser);
}

static JsonObject *
coordinator_state (JsonNode *root,
                   guint     index)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *coordinators = object != NULL
    ? json_object_get_array_member (object, "coordinators")
    : NULL;

  if (coordinators == NULL || index >= json_array_get_length (coordinators))
    g_error ("Control state has no coordinator %u", index);

  return json_array_get_object_element (coordinators, index);
}

static guint
get_counter (EmulatorProcess *self,
             guint            index,
             const char      *name)
{
  g_autoptr(JsonNode) root = emulator_process_control (self, "GET", "/_control/state", NULL);

  return (guint) json_object_get_int_member (coordinator_state (root, index), name);
}

guint
emulator_process_get_request_count (EmulatorProcess *self,
                                    guint            index)
{
  return get_counter (self, index, "requests");
}

guint
emulator_process_get_connection_count (EmulatorProcess *self,
                                       guint            index)
{
  return get_counter (self, index, "connections");
}

static void
post_coordinator (EmulatorProcess *self,
                  guint            index,
                  const char      *action_and_query)
{
  g_autofree char *path = g_strdup_printf ("/_control/coordinators/%u/%s",
                                           index, action_and_query);
  g_autoptr(JsonNode) root = emulator_process_control (self, "POST", path, NULL);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (object == NULL || json_object_get_boolean_member_with_default (object, "error", FALSE))
    {
      g_autofree char *text = json_to_string (root, FALSE);

      g_error ("Control request POST %s failed: %s", path, text);
    }
}

void
emulator_process_set_fault (EmulatorProcess *self,
                            guint            index,
                            const char      *kind,
                            guint            count,
                            guint            ms)
{
  g_autofree char *escaped = g_uri_escape_string (kind, NULL, FALSE);
  g_autofree char *action = g_strdup_printf ("fault?kind=%s&count=%u&ms=%u",
                                             escaped, count, ms);

  post_coordinator (self, index, action);
}

void
emulator_process_stop_coordinator (EmulatorProcess *self,
                                   guint            index)
{
  post_coordinator (self, index, "stop");
}

void
emulator_process_start_coordinator (EmulatorProcess *self,
                                    guint            index)
{
  post_coordinator (self, index, "start");
}

void
emulator_process_free (EmulatorProcess *self)
{
  if (self == NULL)
    return;

  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_subprocess_wait (self->process, NULL, NULL);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->output);
  g_clear_object (&self->process);
  g_strfreev (self->host_list);
  g_free (self->hosts);
  g_free (self->control_url);
  g_free (self);
}
