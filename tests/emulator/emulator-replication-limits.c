/* emulator-replication-limits.c: how many copies a Coordinator can keep
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A Coordinator refuses a replicationFactor or writeConcern above the
 * number of DB-Servers with 1487 (arangod 3.12: the shard distribution of
 * ClusterCollectionMethods for a new collection,
 * Collections::updateProperties for a changed one, and
 * ShardingInfo::validateShardsAndReplicationFactor for the options of a
 * new database or graph). A replicationFactor of 0 or "satellite" asks
 * for copies on every DB-Server and is not counted. The HTTP status is
 * the caller's: each handler reports the error its own way.
 */

#include "emulator-replication-limits.h"
#include "emulator-reply.h"

gboolean
emu_replication_fits (EmuState *state,
                      gdouble   copies)
{
  return copies <= state->dbservers->len;
}

static int
refuse (char       **message,
        int          error_num,
        const char  *text)
{
  *message = g_strdup (text);
  return error_num;
}

int
emu_replication_check_options (EmuState    *state,
                               JsonObject  *options,
                               char       **message)
{
  JsonNode *replication_node;
  gdouble replication, write_concern, legacy;
  gboolean has_write_concern;

  *message = NULL;
  if (options == NULL)
    return 0;

  has_write_concern = emu_json_get_number (options, "writeConcern", &write_concern);
  if (has_write_concern && emu_json_get_number (options, "minReplicationFactor", &legacy) &&
      legacy != write_concern)
    return refuse (message, EMU_ERROR_BAD_PARAMETER,
                   "got ambiguous values for writeConcern and minReplicationFactor");

  if (!emu_json_get_boolean (options, "enforceReplicationFactor", TRUE))
    return 0;

  if (emu_json_get_number (options, "replicationFactor", &replication))
    {
      gint64 copies = (gint64) replication;

      if (copies == 0)
        return 0;
      if (copies < 0)
        return refuse (message, EMU_ERROR_BAD_PARAMETER, "invalid value for replicationFactor");
      if (copies > EMU_MAX_REPLICATION_FACTOR)
        return refuse (message, EMU_ERROR_BAD_PARAMETER, EMU_MAX_REPLICATION_FACTOR_MESSAGE);
      if (!emu_replication_fits (state, copies))
        return EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS;
    }

  replication_node = json_object_get_member (options, "replicationFactor");
  if (replication_node != NULL && JSON_NODE_HOLDS_VALUE (replication_node) &&
      json_node_get_value_type (replication_node) == G_TYPE_STRING)
    return 0;

  /* The deprecated name counts only where the new one is missing. */
  if (!json_object_has_member (options, "writeConcern"))
    has_write_concern = emu_json_get_number (options, "minReplicationFactor", &write_concern);
  if (!has_write_concern)
    return 0;
  if ((gint64) write_concern <= 0)
    return refuse (message, EMU_ERROR_BAD_PARAMETER, "invalid value for writeConcern");
  if (!emu_replication_fits (state, (gint64) write_concern))
    return EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS;
  if (emu_json_get_number (options, "replicationFactor", &replication) &&
      (gint64) write_concern > (gint64) replication)
    {
      *message = g_strdup_printf ("replicationFactor cannot be smaller than writeConcern "
                                  "(%" G_GINT64_FORMAT " < %" G_GINT64_FORMAT ")",
                                  (gint64) replication, (gint64) write_concern);
      return EMU_ERROR_BAD_PARAMETER;
    }
  return 0;
}
