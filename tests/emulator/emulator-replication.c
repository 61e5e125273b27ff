/* emulator-replication.c: /_api/replication, the leader's side
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What a single server tells followers about its write-ahead log
 * (emulator-wal.c): logger-state, logger-first-tick, server-id, as
 * 3.12/RestReplicationLoggerStateActive_single.json and the 3.11
 * RestReplication*_single.json record them, and the stored configuration
 * of the follower side's applier, which the emulator never runs. A
 * Coordinator refuses them as RestReplicationHandler does (501/1470).
 */

#include "emulator-reply.h"
#include "emulator-router.h"
#include "emulator-wal.h"

#define ERROR_CLUSTER_UNSUPPORTED 1470

static gboolean
refuse_on_coordinator (EmuRequest *req)
{
  return emu_reply_refusal_if (req->msg, !req->state->single_server,
                               SOUP_STATUS_NOT_IMPLEMENTED, ERROR_CLUSTER_UNSUPPORTED,
                               "replication API is not supported on a coordinator");
}

static void
handle_logger_state (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *tick = NULL;
  g_autofree char *now = NULL;
  guint64 last;

  if (refuse_on_coordinator (req))
    return;
  last = emu_wal_last_tick (req->state);
  tick = g_strdup_printf ("%" G_GUINT64_FORMAT, last);
  now = emu_format_iso_time (g_get_real_time ());

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_begin_object (builder);
  emu_json_add_boolean (builder, "running", TRUE);
  emu_json_add_string (builder, "lastLogTick", tick);
  emu_json_add_string (builder, "lastUncommittedLogTick", tick);
  emu_json_add_int (builder, "totalEvents", (gint64) last);
  emu_json_add_string (builder, "time", now);
  json_builder_end_object (builder);
  emu_wal_add_server (builder, req->state, TRUE);
  json_builder_set_member_name (builder, "clients");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

/* The log starts at tick 1: the emulator keeps it from its start. */
static void
handle_logger_first_tick (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (refuse_on_coordinator (req))
    return;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "firstTick", "1");
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static void
handle_server_id (EmuRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (refuse_on_coordinator (req))
    return;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  emu_json_add_string (builder, "serverId", emu_wal_server_id (req->state));
  json_builder_end_object (builder);
  emu_reply_builder (req->msg, SOUP_STATUS_OK, builder);
}

static const EmuRoute replication_routes[] = {
  { "GET", "/_api/replication/logger-state", handle_logger_state },
  { "GET", "/_api/replication/logger-first-tick", handle_logger_first_tick },
  { "GET", "/_api/replication/server-id", handle_server_id },
};

void
emu_replication_register_routes (EmuRouter *router)
{
  emu_router_add_routes (router, replication_routes, G_N_ELEMENTS (replication_routes));
}
