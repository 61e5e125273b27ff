/* arango-database-options.c: the options of a new database
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-database-options-private.h"
#include "arango-error.h"
#include "arango-options-private.h"

/**
 * ArangoDatabaseOptions:
 *
 * The options of a new database (the `options` of `POST /_api/database`),
 * as properties; pass them to
 * arango_database_create_database_with_options_async(). They are the
 * defaults of the database's collections in a cluster; a single server
 * accepts and ignores them. Only the options set to something other than
 * their default are sent, so the others keep the server's defaults.
 *
 * ```c
 * g_autoptr(ArangoDatabaseOptions) options =
 *   g_object_new (ARANGO_TYPE_DATABASE_OPTIONS,
 *                 "replication-factor", 3,
 *                 "write-concern", 2,
 *                 "sharding", "single",
 *                 NULL);
 * ```
 *
 * In Python: `Arango.DatabaseOptions(replication_factor=3, sharding="single")`.
 *
 * #ArangoDatabaseOptions:satellite asks for a satellite database instead
 * of a replication factor: `Arango.DatabaseOptions(satellite=True)`.
 */

/* Where each property goes, in the order of the property ids. */
static const ArangoOptionSpec option_specs[] = {
  { "replication-factor", "options.replicationFactor" },
  { "write-concern", "options.writeConcern" },
  { "sharding", "options.sharding" },
  /* The same member as replication-factor: check() lets only one be set. */
  { "satellite", "options.replicationFactor", FALSE, "satellite" },
};

#define N_OPTIONS G_N_ELEMENTS (option_specs)

struct _ArangoDatabaseOptions
{
  GObject parent_instance;

  GValue values[N_OPTIONS];
};

G_DEFINE_FINAL_TYPE (ArangoDatabaseOptions, arango_database_options, G_TYPE_OBJECT)

static GParamSpec *properties[N_OPTIONS + 1];

static void
arango_database_options_class_init (ArangoDatabaseOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  /**
   * ArangoDatabaseOptions:replication-factor:
   *
   * How many copies of each shard the database's collections keep by
   * default, 1 to 10; 0 (the default) leaves it to the server
   * (`--cluster.default-replication-factor`). Its system collections keep
   * at least `--cluster.system-replication-factor` copies. For a copy on
   * every DB-Server, set #ArangoDatabaseOptions:satellite instead: 0 does
   * not ask for that here.
   */
  properties[1] = g_param_spec_uint ("replication-factor", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * ArangoDatabaseOptions:write-concern:
   *
   * How many copies of a shard must be in sync for a write to succeed, by
   * default, in the database's collections; at most
   * #ArangoDatabaseOptions:replication-factor. 0 (the default) leaves it
   * to the server. In a satellite database (#ArangoDatabaseOptions:satellite)
   * it is the default of the collections that name their own replication
   * factor, since a SatelliteCollection always waits for every DB-Server;
   * there the Coordinator does not check it against its DB-Servers.
   */
  properties[2] = g_param_spec_uint ("write-concern", NULL, NULL, 0, G_MAXUINT, 0, flags);

  /**
   * ArangoDatabaseOptions:sharding:
   *
   * How the database's collections are sharded: `""` or `"flexible"`
   * (the same: each collection as it asks), or `"single"`: a OneShard
   * database, whose collections all have one shard, on one DB-Server,
   * following the shards of its `_graphs` collection. %NULL (the
   * default) leaves it to the server. Any other value is refused with
   * %ARANGO_ERROR_INVALID_ARGUMENT before a request is sent, since the
   * server would silently take it for `""`.
   */
  properties[3] = g_param_spec_string ("sharding", NULL, NULL, NULL, flags);

  /**
   * ArangoDatabaseOptions:satellite:
   *
   * Whether the database is a satellite database, whose collections are
   * SatelliteCollections by default: a copy of each on every DB-Server, as
   * for a collection created with `"replicationFactor": "satellite"`. It
   * is sent as that (`"options": {"replicationFactor": "satellite"}`), and
   * arango_database_properties_async() on the new database reports it so.
   * A collection that names its own `replicationFactor` is an ordinary
   * one. %FALSE (the default) leaves the replication to
   * #ArangoDatabaseOptions:replication-factor.
   *
   * It takes the place of #ArangoDatabaseOptions:replication-factor: with
   * both set, the call fails with %ARANGO_ERROR_INVALID_ARGUMENT before a
   * request is sent. #ArangoDatabaseOptions:write-concern may go with it.
   *
   * SatelliteCollections are a feature of the Enterprise Edition in a
   * cluster: a Community Edition Coordinator silently takes the option
   * for its default replication factor, and a single server accepts it
   * and shows it nowhere, as it does the other options.
   */
  properties[4] = g_param_spec_boolean ("satellite", NULL, NULL, FALSE, flags);

  for (guint i = 0; i < N_OPTIONS; i++)
    g_assert (g_str_equal (properties[i + 1]->name, option_specs[i].property));

  arango_option_class_install (object_class, G_STRUCT_OFFSET (ArangoDatabaseOptions, values),
                               properties, N_OPTIONS);
}

static void
arango_database_options_init (ArangoDatabaseOptions *self)
{
  arango_option_values_init (self->values, properties, N_OPTIONS);
}

/**
 * arango_database_options_new:
 *
 * Creates database options that leave everything to the server's
 * defaults.
 *
 * Returns: (transfer full): a new #ArangoDatabaseOptions
 */
ArangoDatabaseOptions *
arango_database_options_new (void)
{
  return g_object_new (ARANGO_TYPE_DATABASE_OPTIONS, NULL);
}

/* What the server would take for something else. @self may be NULL. */
gboolean
arango_database_options_check (ArangoDatabaseOptions  *self,
                               GError                **error)
{
  const char *sharding;

  if (self == NULL)
    return TRUE;

  /* Both would be the one member "replicationFactor". */
  if (g_value_get_boolean (&self->values[3]) && g_value_get_uint (&self->values[0]) != 0)
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                   _("satellite and replication-factor %u both set the replication "
                     "factor: set only one"),
                   g_value_get_uint (&self->values[0]));
      return FALSE;
    }

  sharding = g_value_get_string (&self->values[2]);
  if (sharding != NULL && !g_str_equal (sharding, "") &&
      !g_str_equal (sharding, "flexible") && !g_str_equal (sharding, "single"))
    {
      g_set_error (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a sharding method: use \"\", \"flexible\" or \"single\""),
                   sharding);
      return FALSE;
    }
  return TRUE;
}

/* Writes the options that are set into the request body's "options".
 * @self may be NULL. */
void
arango_database_options_apply (ArangoDatabaseOptions *self,
                               JsonObject            *body)
{
  if (self != NULL)
    arango_option_values_apply (self->values, properties, option_specs, N_OPTIONS,
                                body, NULL);
}
