/* arango-database.c: one database, with its credentials
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-client.h"
#include "arango-cluster-private.h"
#include "arango-database-private.h"
#include "arango-request-private.h"

/**
 * ArangoDatabase:
 *
 * A handle on one database of a server or cluster, with the credentials
 * its requests carry. Get one with arango_client_db_async().
 *
 * Every request of a database goes to `/_db/NAME/…` on the coordinator
 * that the client's resolver picks. All databases of a client share its
 * HTTP sessions and its resolver.
 */

struct _ArangoDatabase
{
  GObject parent_instance;

  ArangoContext *context;
  ArangoCluster *cluster;
};

G_DEFINE_FINAL_TYPE (ArangoDatabase, arango_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NAME,
  PROP_USERNAME,
  PROP_CLUSTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
arango_database_finalize (GObject *object)
{
  ArangoDatabase *self = ARANGO_DATABASE (object);

  g_clear_object (&self->cluster);
  g_clear_pointer (&self->context, arango_context_unref);

  G_OBJECT_CLASS (arango_database_parent_class)->finalize (object);
}

static void
arango_database_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ArangoDatabase *self = ARANGO_DATABASE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->context->client);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->context->database);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, arango_database_get_username (self));
      break;
    case PROP_CLUSTER:
      g_value_set_object (value, arango_database_get_cluster (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_database_class_init (ArangoDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arango_database_finalize;
  object_class->get_property = arango_database_get_property;

  /**
   * ArangoDatabase:client: (getter get_client)
   *
   * The client whose coordinators serve this database.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ARANGO_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:name: (getter get_name)
   *
   * The database name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:username: (getter get_username)
   *
   * The user the requests authenticate as; %NULL for a handle opened with
   * a token.
   */
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoDatabase:cluster: (getter get_cluster)
   *
   * The cluster API, with this database's credentials.
   */
  properties[PROP_CLUSTER] =
    g_param_spec_object ("cluster", NULL, NULL, ARANGO_TYPE_CLUSTER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arango_database_init (ArangoDatabase *self)
{
}

ArangoDatabase *
arango_database_new (ArangoClient *client,
                     const char   *name,
                     ArangoAuth   *auth)
{
  ArangoDatabase *self = g_object_new (ARANGO_TYPE_DATABASE, NULL);

  self->context = arango_context_new (client, name, auth);
  return self;
}

ArangoContext *
arango_database_get_context (ArangoDatabase *self)
{
  return self->context;
}

/**
 * arango_database_get_name: (get-property name)
 * @self: an #ArangoDatabase
 *
 * Gets the database name.
 *
 * Returns: the name
 */
const char *
arango_database_get_name (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return self->context->database;
}

/**
 * arango_database_get_username: (get-property username)
 * @self: an #ArangoDatabase
 *
 * Gets the user the requests authenticate as.
 *
 * Returns: (nullable): the user name, or %NULL for a handle opened with a
 *   token
 */
const char *
arango_database_get_username (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return arango_auth_get_username (self->context->auth);
}

/**
 * arango_database_get_client: (get-property client)
 * @self: an #ArangoDatabase
 *
 * Gets the client this database was opened with.
 *
 * Returns: (transfer none): the #ArangoClient
 */
ArangoClient *
arango_database_get_client (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  return self->context->client;
}

/**
 * arango_database_get_cluster: (get-property cluster)
 * @self: an #ArangoDatabase
 *
 * Gets the cluster API, which sends this database's credentials.
 *
 * Returns: (transfer none): the #ArangoCluster
 */
ArangoCluster *
arango_database_get_cluster (ArangoDatabase *self)
{
  g_return_val_if_fail (ARANGO_IS_DATABASE (self), NULL);

  if (self->cluster == NULL)
    self->cluster = arango_cluster_new (self->context);
  return self->cluster;
}
