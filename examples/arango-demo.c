/* arango-demo.c: the seed flow of arango-glib, from the host list to every
 * cluster call
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: arango-demo [--resolver NAME] [--user USER] [--password PASSWORD] [HOSTS]
 *
 * HOSTS is one URL or a comma-separated list of coordinator URLs. Without
 * it, the demo starts the ArangoDB emulator with three coordinators and
 * stops it at the end.
 */

#include <locale.h>

#include <arango-glib/arango-glib.h>

#include "demo-emulator.h"
#include "demo-support.h"

#define LABEL_WIDTH 28
#define SUMMARY_LENGTH 96

typedef struct
{
  ArangoCluster *cluster;
  char *dbserver_id;          /* the first DB-Server the health check lists */
  guint n_failed;
} Demo;

static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->cluster);
  g_clear_pointer (&demo->dbserver_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

/* Returns TRUE when there was no error; otherwise prints it and counts it. */
static gboolean
check (Demo         *demo,
       const char   *label,
       const GError *error)
{
  return demo_check (&demo->n_failed, label, error);
}

static gboolean
need_dbserver (Demo       *demo,
               const char *label)
{
  if (demo->dbserver_id != NULL)
    return TRUE;

  demo->n_failed++;
  demo_print (label, "skipped: the health check named no DB-Server");
  return FALSE;
}

/* Compact JSON, cut to one line */
static char *
summarize (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);

  if (g_utf8_strlen (text, -1) <= SUMMARY_LENGTH)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%.*s…",
                          (int) (g_utf8_offset_to_pointer (text, SUMMARY_LENGTH) - text),
                          text);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  if (object == NULL)
    return "?";
  return json_object_get_string_member_with_default (object, name, "?");
}

/* The steps */

static void
show_server_id (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  arango_cluster_server_id_async (demo->cluster, NULL, demo_store_result, &result);
  id = arango_cluster_server_id_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_id", error))
    demo_print ("server_id", "%s", id);
}

static void
show_server_role (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role = NULL;

  arango_cluster_server_role_async (demo->cluster, NULL, demo_store_result, &result);
  role = arango_cluster_server_role_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_role", error))
    demo_print ("server_role", "%s", role);
}

static void
show_server_mode (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  arango_cluster_server_mode_async (demo->cluster, NULL, demo_store_result, &result);
  mode = arango_cluster_server_mode_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_mode", error))
    demo_print ("server_mode", "%s", mode);
}

static void
show_health (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) health = NULL;
  JsonObject *servers;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  arango_cluster_health_async (demo->cluster, NULL, demo_store_result, &result);
  health = arango_cluster_health_finish (demo->cluster, demo_wait_for (&result), &error);
  if (!check (demo, "health", error))
    return;

  servers = object_member (health, "Health");
  if (servers == NULL)
    {
      demo_print ("health", "no servers listed");
      return;
    }

  demo_print ("health", "%u servers", json_object_get_size (servers));
  json_object_iter_init_ordered (&iter, servers);
  while (json_object_iter_next_ordered (&iter, &id, &node))
    {
      JsonObject *server = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *role = string_member (server, "Role");

      g_print ("  %-44s %-12s %s\n", id, role, string_member (server, "Status"));
      if (demo->dbserver_id == NULL && g_str_equal (role, "DBServer"))
        demo->dbserver_id = g_strdup (id);
    }
}

static void
print_statistics (const char *label,
                  const char *server_id,
                  JsonObject *statistics)
{
  JsonObject *system = object_member (statistics, "system");
  JsonObject *client = object_member (statistics, "client");
  double resident_mib;
  gint64 connections = 0;

  if (system == NULL)
    {
      g_autofree char *text = summarize (statistics);

      demo_print (label, "%s: %s", server_id, text);
      return;
    }

  resident_mib = json_object_get_double_member_with_default (system, "residentSize", 0)
                 / (1024 * 1024);
  if (client != NULL)
    connections = json_object_get_int_member_with_default (client, "httpConnections", 0);

  demo_print (label, "%s: %" G_GINT64_FORMAT " threads, %.1f MiB resident, %"
                G_GINT64_FORMAT " HTTP connections",
                server_id,
                json_object_get_int_member_with_default (system, "numberOfThreads", 0),
                resident_mib, connections);
}

static void
show_statistics (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) statistics = NULL;

  if (!need_dbserver (demo, "statistics"))
    return;

  arango_cluster_statistics_async (demo->cluster, demo->dbserver_id, NULL,
                                   demo_store_result, &result);
  statistics = arango_cluster_statistics_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "statistics", error))
    print_statistics ("statistics", demo->dbserver_id, statistics);
}

static void
show_server_statistics (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) statistics = NULL;

  if (!need_dbserver (demo, "server_statistics"))
    return;

  arango_cluster_server_statistics_async (demo->cluster, demo->dbserver_id, NULL,
                                          demo_store_result, &result);
  statistics = arango_cluster_server_statistics_finish (demo->cluster,
                                                        demo_wait_for (&result), &error);
  if (check (demo, "server_statistics", error))
    print_statistics ("server_statistics", demo->dbserver_id, statistics);
}

static void
show_server_version (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) version = NULL;

  if (!need_dbserver (demo, "server_version"))
    return;

  arango_cluster_server_version_async (demo->cluster, demo->dbserver_id, NULL,
                                       demo_store_result, &result);
  version = arango_cluster_server_version_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_version", error))
    demo_print ("server_version", "%s %s (%s)", string_member (version, "server"),
                  string_member (version, "version"), string_member (version, "license"));
}

static void
show_server_engine (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) engine = NULL;

  if (!need_dbserver (demo, "server_engine"))
    return;

  arango_cluster_server_engine_async (demo->cluster, demo->dbserver_id, NULL,
                                      demo_store_result, &result);
  engine = arango_cluster_server_engine_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_engine", error))
    demo_print ("server_engine", "%s", string_member (engine, "name"));
}

static void
show_server_count (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) count = NULL;

  arango_cluster_server_count_async (demo->cluster, NULL, demo_store_result, &result);
  count = arango_cluster_server_count_finish (demo->cluster, demo_wait_for (&result), &error);
  if (check (demo, "server_count", error))
    demo_print ("server_count", "%" G_GINT64_FORMAT " coordinators, %"
                  G_GINT64_FORMAT " DB-Servers",
                  json_object_get_int_member_with_default (count, "numberOfCoordinators", 0),
                  json_object_get_int_member_with_default (count, "numberOfDBServers", 0));
}

static void
show_endpoints (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) endpoints = NULL;
  g_autofree char *text = NULL;

  arango_cluster_endpoints_async (demo->cluster, NULL, demo_store_result, &result);
  endpoints = arango_cluster_endpoints_finish (demo->cluster, demo_wait_for (&result), &error);
  if (!check (demo, "endpoints", error))
    return;

  text = g_strjoinv (", ", endpoints);
  demo_print ("endpoints", "%s", text);
}

static gboolean
toggle_maintenance (Demo       *demo,
                    const char *mode)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf ("toggle_maintenance_mode %s", mode);

  arango_cluster_toggle_maintenance_mode_async (demo->cluster, mode, NULL,
                                                demo_store_result, &result);
  arango_cluster_toggle_maintenance_mode_finish (demo->cluster, demo_wait_for (&result), &error);
  if (!check (demo, label, error))
    return FALSE;
  demo_print (label, "done");
  return TRUE;
}

static gboolean
toggle_server_maintenance (Demo       *demo,
                           const char *mode,
                           const char *label)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) reply = NULL;

  arango_cluster_toggle_server_maintenance_mode_async (demo->cluster, demo->dbserver_id,
                                                       mode, 60, NULL,
                                                       demo_store_result, &result);
  reply = arango_cluster_toggle_server_maintenance_mode_finish (demo->cluster,
                                                                demo_wait_for (&result),
                                                                &error);
  if (!check (demo, label, error))
    return FALSE;
  demo_print (label, "%s", demo->dbserver_id);
  return TRUE;
}

static void
show_server_maintenance_mode (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) mode = NULL;

  arango_cluster_server_maintenance_mode_async (demo->cluster, demo->dbserver_id, NULL,
                                                demo_store_result, &result);
  mode = arango_cluster_server_maintenance_mode_finish (demo->cluster,
                                                        demo_wait_for (&result), &error);
  if (!check (demo, "server_maintenance_mode", error))
    return;

  if (json_object_get_size (mode) == 0)
    demo_print ("server_maintenance_mode", "normal");
  else
    demo_print ("server_maintenance_mode", "%s until %s",
                  string_member (mode, "Mode"), string_member (mode, "Until"));
}

static void
show_server_maintenance (Demo *demo)
{
  if (!need_dbserver (demo, "server maintenance"))
    return;

  if (toggle_server_maintenance (demo, "maintenance", "server maintenance on"))
    {
      show_server_maintenance_mode (demo);
      toggle_server_maintenance (demo, "normal", "server maintenance off");
    }
  show_server_maintenance_mode (demo);
}

static void
show_imbalance (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) imbalance = NULL;
  JsonObject *leader;
  JsonObject *shards;

  arango_cluster_calculate_imbalance_async (demo->cluster, NULL, demo_store_result, &result);
  imbalance = arango_cluster_calculate_imbalance_finish (demo->cluster,
                                                         demo_wait_for (&result), &error);
  if (!check (demo, "calculate_imbalance", error))
    return;

  leader = object_member (imbalance, "leader");
  shards = object_member (imbalance, "shards");
  demo_print ("calculate_imbalance",
                "leader imbalance %g, shard imbalance %g, %" G_GINT64_FORMAT " moves pending",
                leader ? json_object_get_double_member_with_default (leader, "imbalance", 0) : 0,
                shards ? json_object_get_double_member_with_default (shards, "imbalance", 0) : 0,
                json_object_get_int_member_with_default (imbalance, "pendingMoveShards", 0));
}

static void
show_rebalance_plan (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) plan = NULL;
  JsonNode *moves;

  arango_cluster_calculate_rebalance_plan_async (demo->cluster, NULL, NULL,
                                                 demo_store_result, &result);
  plan = arango_cluster_calculate_rebalance_plan_finish (demo->cluster,
                                                         demo_wait_for (&result), &error);
  if (!check (demo, "calculate_rebalance_plan", error))
    return;

  moves = json_object_get_member (plan, "moves");
  if (moves && JSON_NODE_HOLDS_ARRAY (moves))
    demo_print ("calculate_rebalance_plan", "%u shard moves proposed",
                  json_array_get_length (json_node_get_array (moves)));
  else
    {
      g_autofree char *text = summarize (plan);

      demo_print ("calculate_rebalance_plan", "%s", text);
    }
}

static void
show_vpack_sort_migration (Demo *demo)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  arango_cluster_vpack_sort_migration_status_async (demo->cluster, NULL,
                                                    demo_store_result, &result);
  status = arango_cluster_vpack_sort_migration_status_finish (demo->cluster,
                                                              demo_wait_for (&result), &error);
  if (!check (demo, "vpack_sort_migration_status", error))
    return;

  /* One entry per DB-Server, each with the sorting it uses now. */
  json_object_iter_init_ordered (&iter, status);
  while (json_object_iter_next_ordered (&iter, &id, &node))
    {
      JsonObject *server = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      g_string_append_printf (text, "%s%.13s… %s", text->len ? ", " : "", id,
                              string_member (object_member (server, "result"), "current"));
    }
  demo_print ("vpack_sort_migration_status", "%s", text->len ? text->str : "(no servers)");
}

/* The flow */

static ArangoDatabase *
open_database (ArangoClient *client,
               const char   *user,
               const char   *password,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  arango_client_db_async (client, "_system", user, password, NULL, demo_store_result, &result);
  return arango_client_db_finish (client, demo_wait_for (&result), error);
}

static int
run_demo (const char         *hosts,
          ArangoHostResolver *resolver,
          const char         *resolver_name,
          const char         *user,
          const char         *password)
{
  g_auto(Demo) demo = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(ArangoClient) client = NULL;
  g_autoptr(ArangoDatabase) db = NULL;
  g_auto(GStrv) urls = NULL;
  g_autofree char *url_list = NULL;

  client = arango_client_new (hosts, &error);
  if (client == NULL)
    {
      g_printerr ("Bad host list: %s (%s, code %d)\n", error->message,
                  g_quark_to_string (error->domain), error->code);
      return 2;
    }
  arango_client_set_resolver (client, resolver);

  urls = arango_client_get_hosts (client);
  url_list = g_strjoinv (", ", urls);
  g_print ("Client for %u %s, resolver %s: %s\n", g_strv_length (urls),
           g_strv_length (urls) == 1 ? "coordinator" : "coordinators",
           resolver_name, url_list);

  db = open_database (client, user, password, &error);
  if (db == NULL)
    {
      check (&demo, "db _system", error);
      return 1;
    }
  g_print ("Database %s as %s\n\n", arango_database_get_name (db), user);
  demo.cluster = g_object_ref (arango_database_get_cluster (db));

  show_server_id (&demo);
  show_server_role (&demo);
  show_server_mode (&demo);
  show_health (&demo);
  show_statistics (&demo);
  show_server_statistics (&demo);
  show_server_version (&demo);
  show_server_engine (&demo);
  show_server_count (&demo);
  show_endpoints (&demo);
  if (toggle_maintenance (&demo, "on"))
    toggle_maintenance (&demo, "off");
  show_server_maintenance (&demo);
  show_imbalance (&demo);
  show_rebalance_plan (&demo);
  show_vpack_sort_migration (&demo);

  if (demo.n_failed > 0)
    {
      g_print ("\n%u steps failed\n", demo.n_failed);
      return 1;
    }
  g_print ("\nEverything worked\n");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *resolver_name = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hosts = NULL;
  g_autoptr(GSubprocess) emulator = NULL;
  g_autoptr(ArangoHostResolver) resolver = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "resolver", 'r', 0, G_OPTION_ARG_STRING, &resolver_name,
      "How to pick the coordinator: roundrobin (default), random, fallback, periodic", "NAME" },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user, "User name (default root)", "USER" },
    { "password", 'p', 0, G_OPTION_ARG_STRING, &password, "Password (default empty)", "PASSWORD" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  demo_set_label_width (LABEL_WIDTH);

  context = g_option_context_new ("[HOSTS]");
  g_option_context_set_summary (context,
                                "Runs every cluster call of arango-glib against HOSTS, one URL\n"
                                "or a comma-separated list of coordinator URLs. Without HOSTS,\n"
                                "starts the ArangoDB emulator with three coordinators.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 2)
    {
      g_printerr ("Give the hosts as one comma-separated argument\n");
      return 2;
    }

  if (resolver_name == NULL)
    resolver_name = g_strdup ("roundrobin");
  if (user == NULL)
    user = g_strdup ("root");
  if (password == NULL)
    password = g_strdup ("");

  resolver = arango_host_resolver_new_for_name (resolver_name, &error);
  if (resolver == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (argc == 2)
    hosts = g_strdup (argv[1]);
  else
    {
      hosts = demo_emulator_start (&emulator, user, password, &error);
      if (hosts == NULL)
        {
          g_printerr ("Could not start the emulator: %s\n", error->message);
          return 1;
        }
    }

  status = run_demo (hosts, resolver, resolver_name, user, password);

  if (emulator != NULL)
    demo_emulator_stop (emulator);
  return status;
}
