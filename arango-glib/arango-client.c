/* arango-client.c: the entry point, holding the coordinators
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-client-private.h"
#include "arango-database-private.h"
#include "arango-enums.h"
#include "arango-error.h"
#include "arango-host-resolver.h"
#include "arango-i18n-private.h"
#include "arango-jwt-private.h"
#include "arango-request-private.h"
#include "arango-sync-private.h"

#define DEFAULT_HOST "http://127.0.0.1:8529"

/**
 * ArangoClient:
 *
 * Talks to one ArangoDB server or to the coordinators of a cluster.
 *
 * A client is made from one URL, a comma-separated list of URLs, or an
 * array of them; it keeps a pool of keep-alive connections per
 * coordinator (#ArangoClient:max-connections). Its #ArangoHostResolver
 * picks the coordinator for each request (round robin unless told
 * otherwise), and a request that could not reach a coordinator, or that
 * a coordinator refused with "503 service unavailable", is sent to
 * another one, up to #ArangoClient:max-tries times. A request that may
 * already have been executed is never sent twice unless it is a read.
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(ArangoClient) client =
 *   arango_client_new ("http://h1:8529,http://h2:8529", &error);
 *
 * arango_client_db_async (client, "_system", "root", "passwd",
 *                         NULL, on_database, NULL);
 * ```
 *
 * Nothing is sent until the first request: making a client cannot fail
 * for a host that is down, only for a host string that is malformed.
 */

struct _ArangoClient
{
  GObject parent_instance;

  GMutex hosts_lock;          /* hosts may change by endpoint discovery */
  GPtrArray *hosts;           /* ArangoHost */
  ArangoHostResolver *resolver;
  guint request_timeout;
  guint max_tries;            /* 0: three tries per host */
  GTlsDatabase *tls_database;
  gboolean verify_tls;
  gboolean closed;

  /* Transport settings (doc/transport.md) */
  guint request_compression;  /* bytes; 0: bodies go uncompressed */
  double max_queue_time;      /* seconds; 0: not sent */
  GMutex queue_time_lock;     /* replies may finish on several threads */
  double last_queue_time;
  gboolean allow_http2;
  guint max_connections;      /* per coordinator; under hosts_lock */
};

G_DEFINE_FINAL_TYPE (ArangoClient, arango_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOSTS,
  PROP_RESOLVER,
  PROP_REQUEST_TIMEOUT,
  PROP_MAX_TRIES,
  PROP_TLS_DATABASE,
  PROP_VERIFY_TLS,
  PROP_REQUEST_COMPRESSION,
  PROP_MAX_QUEUE_TIME,
  PROP_LAST_QUEUE_TIME,
  PROP_ALLOW_HTTP2,
  PROP_MAX_CONNECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
configure_session (ArangoClient *self,
                   ArangoHost   *host)
{
  arango_host_set_tls_database (host, self->tls_database);
  arango_host_set_max_connections (host, self->max_connections);
}

/* Normalizes every URL; the array it returns is NULL-terminated. */
static GStrv
normalize_hosts (const char * const  *hosts,
                 GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (hosts == NULL || hosts[0] == NULL)
    {
      g_set_error_literal (error, ARANGO_ERROR, ARANGO_ERROR_INVALID_HOST,
                           _("The list of hosts is empty"));
      return NULL;
    }

  for (guint i = 0; hosts[i] != NULL; i++)
    {
      g_autofree char *uri = arango_host_normalize_uri (hosts[i], error);

      if (uri == NULL)
        return NULL;
      g_strv_builder_add (builder, uri);
    }
  return g_strv_builder_end (builder);
}

static void
set_hosts_from_uris (ArangoClient       *self,
                     const char * const *uris)
{
  g_ptr_array_set_size (self->hosts, 0);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      ArangoHost *host = arango_host_new (uris[i]);

      configure_session (self, host);
      g_ptr_array_add (self->hosts, host);
    }
}

static void
arango_client_set_hosts_property (ArangoClient       *self,
                                  const char * const *hosts)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uris = NULL;

  if (hosts == NULL || hosts[0] == NULL)
    {
      const char *fallback[] = { DEFAULT_HOST, NULL };

      set_hosts_from_uris (self, fallback);
      return;
    }

  uris = normalize_hosts (hosts, &error);
  if (uris == NULL)
    {
      const char *fallback[] = { DEFAULT_HOST, NULL };

      /* Only reachable through g_object_new(); the constructors check
       * the list first and report the error. */
      g_warning ("Ignoring the hosts given to ArangoClient: %s", error->message);
      set_hosts_from_uris (self, fallback);
      return;
    }
  set_hosts_from_uris (self, (const char * const *) uris);
}

static void
arango_client_constructed (GObject *object)
{
  ArangoClient *self = ARANGO_CLIENT (object);

  G_OBJECT_CLASS (arango_client_parent_class)->constructed (object);

  if (self->hosts->len == 0)
    arango_client_set_hosts_property (self, NULL);
}

static void
arango_client_finalize (GObject *object)
{
  ArangoClient *self = ARANGO_CLIENT (object);

  g_ptr_array_unref (self->hosts);
  g_clear_object (&self->resolver);
  g_clear_object (&self->tls_database);
  g_mutex_clear (&self->hosts_lock);
  g_mutex_clear (&self->queue_time_lock);

  G_OBJECT_CLASS (arango_client_parent_class)->finalize (object);
}

static void
arango_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ArangoClient *self = ARANGO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HOSTS:
      g_value_take_boxed (value, arango_client_get_hosts (self));
      break;
    case PROP_RESOLVER:
      g_value_set_object (value, self->resolver);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;
    case PROP_MAX_TRIES:
      g_value_set_uint (value, arango_client_get_max_tries (self));
      break;
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
      break;
    case PROP_VERIFY_TLS:
      g_value_set_boolean (value, self->verify_tls);
      break;
    case PROP_REQUEST_COMPRESSION:
      g_value_set_uint (value, self->request_compression);
      break;
    case PROP_MAX_QUEUE_TIME:
      g_value_set_double (value, self->max_queue_time);
      break;
    case PROP_LAST_QUEUE_TIME:
      g_value_set_double (value, arango_client_get_last_queue_time (self));
      break;
    case PROP_ALLOW_HTTP2:
      g_value_set_boolean (value, self->allow_http2);
      break;
    case PROP_MAX_CONNECTIONS:
      g_value_set_uint (value, self->max_connections);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ArangoClient *self = ARANGO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_HOSTS:
      arango_client_set_hosts_property (self, g_value_get_boxed (value));
      break;
    case PROP_RESOLVER:
      arango_client_set_resolver (self, g_value_get_object (value));
      break;
    case PROP_REQUEST_TIMEOUT:
      arango_client_set_request_timeout (self, g_value_get_uint (value));
      break;
    case PROP_TLS_DATABASE:
      arango_client_set_tls_database (self, g_value_get_object (value));
      break;
    case PROP_VERIFY_TLS:
      arango_client_set_verify_tls (self, g_value_get_boolean (value));
      break;
    case PROP_REQUEST_COMPRESSION:
      arango_client_set_request_compression (self, g_value_get_uint (value));
      break;
    case PROP_MAX_QUEUE_TIME:
      arango_client_set_max_queue_time (self, g_value_get_double (value));
      break;
    case PROP_ALLOW_HTTP2:
      arango_client_set_allow_http2 (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_CONNECTIONS:
      arango_client_set_max_connections (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arango_client_class_init (ArangoClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  arango_i18n_init ();

  object_class->constructed = arango_client_constructed;
  object_class->finalize = arango_client_finalize;
  object_class->get_property = arango_client_get_property;
  object_class->set_property = arango_client_set_property;

  /**
   * ArangoClient:hosts: (getter get_hosts)
   *
   * The base URLs of the coordinators, normalized (scheme, host and port,
   * no trailing slash), in the order the resolver indexes them.
   * Endpoint discovery (arango_cluster_acquire_host_list_async()) may
   * change them.
   */
  properties[PROP_HOSTS] =
    g_param_spec_boxed ("hosts", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:resolver: (getter get_resolver) (setter set_resolver)
   *
   * Picks the coordinator for each request; shared by every database of
   * this client. Round robin unless set.
   */
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, ARANGO_TYPE_HOST_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:request-timeout: (getter get_request_timeout) (setter set_request_timeout)
   *
   * How long, in seconds, one attempt of a request may take, from
   * connecting to the last byte of the reply; 0 means no limit. A read
   * that times out moves on to a coordinator that has not timed out yet;
   * otherwise the call fails with %G_IO_ERROR_TIMED_OUT.
   */
  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL, 0, G_MAXUINT32 / 1000, 60,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                       G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:max-tries: (getter get_max_tries)
   *
   * How many attempts one request may make across the coordinators
   * before it fails with %ARANGO_ERROR_HOSTS_UNAVAILABLE. Three per host
   * unless set with arango_client_set_max_tries(); 1 means no failover.
   */
  properties[PROP_MAX_TRIES] =
    g_param_spec_uint ("max-tries", NULL, NULL, 1, G_MAXUINT, 3,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:tls-database: (getter get_tls_database) (setter set_tls_database)
   *
   * The certificate authorities that HTTPS coordinators are checked
   * against; %NULL means the system's.
   */
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:verify-tls: (getter get_verify_tls) (setter set_verify_tls)
   *
   * Whether HTTPS coordinators must present a certificate that
   * #ArangoClient:tls-database trusts. Only turn this off for tests.
   */
  properties[PROP_VERIFY_TLS] =
    g_param_spec_boolean ("verify-tls", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:request-compression: (getter get_request_compression) (setter set_request_compression)
   *
   * Request bodies of at least this many bytes are sent compressed
   * (`Content-Encoding: deflate`); 0, the default, sends every body as it
   * is. Compressed replies are always accepted (`Accept-Encoding: gzip,
   * deflate`) and decoded before anything else reads them.
   */
  properties[PROP_REQUEST_COMPRESSION] =
    g_param_spec_uint ("request-compression", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:max-queue-time: (getter get_max_queue_time) (setter set_max_queue_time)
   *
   * The longest time, in seconds, a request may wait in the server's
   * queue before it runs (header `x-arango-queue-time-seconds`). A server
   * whose queue is longer refuses the request at once with
   * %ARANGO_SERVER_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED (HTTP 412), so a
   * program under load can back off instead of piling up work. 0, the
   * default, sends no limit.
   */
  properties[PROP_MAX_QUEUE_TIME] =
    g_param_spec_double ("max-queue-time", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:last-queue-time: (getter get_last_queue_time)
   *
   * The queue time, in seconds, that the last reply reported (header
   * `x-arango-queue-time-seconds`): how long the server's most recently
   * dequeued request had waited. 0 until a reply carried it.
   */
  properties[PROP_LAST_QUEUE_TIME] =
    g_param_spec_double ("last-queue-time", NULL, NULL, 0.0, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:allow-http2: (getter get_allow_http2) (setter set_allow_http2)
   *
   * Whether HTTPS connections may use HTTP/2 when the coordinator offers
   * it (ALPN `h2`). Over HTTP/2 a session multiplexes its requests on
   * one connection instead of one HTTP/1.1 connection per request in
   * flight. Plain HTTP always uses HTTP/1.1. It applies to
   * connections opened after it is set, so set it before the first
   * request. Off by default: see doc/transport.md for why.
   */
  properties[PROP_ALLOW_HTTP2] =
    g_param_spec_boolean ("allow-http2", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS);

  /**
   * ArangoClient:max-connections: (getter get_max_connections) (setter set_max_connections)
   *
   * How many connections the client keeps to each coordinator, so how
   * many requests run on one coordinator at once; the others wait in the
   * client, in order, and are not sent until a connection is free. 8 by
   * default; lower it for a server that allows each client few
   * connections, raise it for a program that wants more requests in
   * parallel (in the benchmarks 16 were no faster than 8 from one main
   * loop: see doc/performance.md).
   *
   * Blocking calls and other main contexts' requests, which cannot wait
   * for the application's, share a second pool of the same size.
   *
   * It may change at any time: requests already running keep their
   * connections, and the next ones go by the new limit.
   */
  properties[PROP_MAX_CONNECTIONS] =
    g_param_spec_uint ("max-connections", NULL, NULL,
                       1, ARANGO_HOST_MAX_CONNECTIONS, ARANGO_HOST_DEFAULT_CONNECTIONS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  arango_client_class_install_request_signals (object_class);
}

static void
arango_client_init (ArangoClient *self)
{
  g_mutex_init (&self->hosts_lock);
  g_mutex_init (&self->queue_time_lock);
  self->hosts = g_ptr_array_new_with_free_func ((GDestroyNotify) arango_host_unref);
  self->verify_tls = TRUE;
  self->max_connections = ARANGO_HOST_DEFAULT_CONNECTIONS;
}

/**
 * arango_client_new:
 * @hosts: (nullable): one coordinator URL, or several separated by commas;
 *   %NULL means `http://127.0.0.1:8529`
 * @error: return location for a #GError
 *
 * Creates a client with the round robin resolver. White space around the
 * URLs and trailing slashes are ignored.
 *
 * Returns: (transfer full): a new #ArangoClient, or %NULL with
 *   %ARANGO_ERROR_INVALID_HOST if a URL is malformed or not http(s)
 */
ArangoClient *
arango_client_new (const char  *hosts,
                   GError     **error)
{
  g_auto(GStrv) list = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  list = arango_host_split_list (hosts ? hosts : DEFAULT_HOST);
  return arango_client_new_for_hosts ((const char * const *) list, NULL, error);
}

/**
 * arango_client_new_for_hosts:
 * @hosts: (array zero-terminated=1): the coordinator URLs
 * @resolver: (nullable): the host resolver; %NULL for round robin
 * @error: return location for a #GError
 *
 * Creates a client for a list of coordinators.
 *
 * Returns: (transfer full): a new #ArangoClient, or %NULL with
 *   %ARANGO_ERROR_INVALID_HOST if the list is empty or a URL is malformed
 *   or not http(s)
 */
ArangoClient *
arango_client_new_for_hosts (const char * const  *hosts,
                             ArangoHostResolver  *resolver,
                             GError             **error)
{
  g_auto(GStrv) uris = NULL;

  g_return_val_if_fail (resolver == NULL || ARANGO_IS_HOST_RESOLVER (resolver), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uris = normalize_hosts (hosts, error);
  if (uris == NULL)
    return NULL;

  return g_object_new (ARANGO_TYPE_CLIENT,
                       "hosts", uris,
                       "resolver", resolver,
                       NULL);
}

/**
 * arango_client_get_hosts: (get-property hosts)
 * @self: an #ArangoClient
 *
 * Gets the normalized base URLs of the coordinators.
 *
 * Returns: (transfer full) (array zero-terminated=1): the host URLs
 */
char **
arango_client_get_hosts (ArangoClient *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  g_mutex_lock (&self->hosts_lock);
  for (guint i = 0; i < self->hosts->len; i++)
    g_strv_builder_add (builder, ((ArangoHost *) self->hosts->pdata[i])->uri);
  g_mutex_unlock (&self->hosts_lock);
  return g_strv_builder_end (builder);
}

/**
 * arango_client_get_resolver: (get-property resolver)
 * @self: an #ArangoClient
 *
 * Gets the host resolver.
 *
 * Returns: (transfer none): the #ArangoHostResolver
 */
ArangoHostResolver *
arango_client_get_resolver (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  return self->resolver;
}

/**
 * arango_client_set_resolver: (set-property resolver)
 * @self: an #ArangoClient
 * @resolver: (nullable): the new resolver; %NULL for round robin
 *
 * Replaces the host resolver. Requests already under way keep their
 * coordinator.
 */
void
arango_client_set_resolver (ArangoClient       *self,
                            ArangoHostResolver *resolver)
{
  g_autoptr(ArangoHostResolver) new_resolver = NULL;

  g_return_if_fail (ARANGO_IS_CLIENT (self));
  g_return_if_fail (resolver == NULL || ARANGO_IS_HOST_RESOLVER (resolver));

  new_resolver = resolver ? g_object_ref (resolver)
                          : arango_host_resolver_new_round_robin ();
  if (self->resolver == new_resolver)
    return;
  g_set_object (&self->resolver, new_resolver);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVER]);
}

/**
 * arango_client_get_request_timeout: (get-property request-timeout)
 * @self: an #ArangoClient
 *
 * Gets the time limit of one attempt of a request.
 *
 * Returns: the limit in seconds; 0 means none
 */
guint
arango_client_get_request_timeout (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), 0);

  return self->request_timeout;
}

/**
 * arango_client_set_request_timeout: (set-property request-timeout)
 * @self: an #ArangoClient
 * @seconds: the limit in seconds; 0 means none
 *
 * Sets the time limit of one attempt of a request.
 */
void
arango_client_set_request_timeout (ArangoClient *self,
                                   guint         seconds)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  if (self->request_timeout == seconds)
    return;
  self->request_timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

/**
 * arango_client_get_max_tries: (get-property max-tries)
 * @self: an #ArangoClient
 *
 * Gets how many attempts one request may make.
 *
 * Returns: the number of attempts
 */
guint
arango_client_get_max_tries (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), 0);

  return arango_client_get_effective_max_tries (self);
}

/**
 * arango_client_set_max_tries:
 * @self: an #ArangoClient
 * @max_tries: attempts per request; 0 restores the default of three per
 *   host
 * @error: return location for a #GError
 *
 * Sets how many attempts one request may make across the coordinators.
 *
 * Each attempt after the first goes to a coordinator that has not failed
 * for this request yet, so a bound below the number of hosts leaves some
 * untried, and 1 turns failover off: a request goes to the one
 * coordinator the resolver picks, and when that attempt fails the call
 * fails with %ARANGO_ERROR_HOSTS_UNAVAILABLE (or %G_IO_ERROR_TIMED_OUT)
 * at once (arangojs's `maxRetries: false`).
 *
 * Returns: %TRUE: every value is accepted
 */
gboolean
arango_client_set_max_tries (ArangoClient  *self,
                             guint          max_tries,
                             GError       **error)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), FALSE);

  self->max_tries = max_tries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_TRIES]);
  return TRUE;
}

/**
 * arango_client_get_tls_database: (get-property tls-database)
 * @self: an #ArangoClient
 *
 * Gets the certificate authorities HTTPS coordinators are checked against.
 *
 * Returns: (transfer none) (nullable): the #GTlsDatabase, or %NULL for the
 *   system's
 */
GTlsDatabase *
arango_client_get_tls_database (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  return self->tls_database;
}

/**
 * arango_client_set_tls_database: (set-property tls-database)
 * @self: an #ArangoClient
 * @database: (nullable): the certificate authorities; %NULL for the
 *   system's
 *
 * Sets the certificate authorities HTTPS coordinators are checked against.
 */
void
arango_client_set_tls_database (ArangoClient *self,
                                GTlsDatabase *database)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (!g_set_object (&self->tls_database, database))
    return;

  g_mutex_lock (&self->hosts_lock);
  for (guint i = 0; i < self->hosts->len; i++)
    configure_session (self, self->hosts->pdata[i]);
  g_mutex_unlock (&self->hosts_lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
}

/**
 * arango_client_set_ca_file:
 * @self: an #ArangoClient
 * @path: (type filename): a PEM file of trusted certificate authorities
 * @error: return location for a #GError
 *
 * Trusts the certificate authorities in @path, and only those, for HTTPS
 * coordinators.
 *
 * Returns: %TRUE, or %FALSE with an error if the file cannot be loaded
 */
gboolean
arango_client_set_ca_file (ArangoClient  *self,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(GTlsDatabase) database = NULL;

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = g_tls_file_database_new (path, error);
  if (database == NULL)
    return FALSE;
  arango_client_set_tls_database (self, database);
  return TRUE;
}

/**
 * arango_client_get_verify_tls: (get-property verify-tls)
 * @self: an #ArangoClient
 *
 * Gets whether HTTPS certificates are verified.
 *
 * Returns: %TRUE unless verification was turned off
 */
gboolean
arango_client_get_verify_tls (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), TRUE);

  return self->verify_tls;
}

/**
 * arango_client_set_verify_tls: (set-property verify-tls)
 * @self: an #ArangoClient
 * @verify: %FALSE to accept any certificate
 *
 * Turns the verification of HTTPS certificates on or off. Turning it off
 * lets anyone on the network read and change the traffic, so it logs a
 * warning; use it only for tests.
 */
void
arango_client_set_verify_tls (ArangoClient *self,
                              gboolean      verify)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  verify = !!verify;
  if (self->verify_tls == verify)
    return;
  self->verify_tls = verify;
  if (!verify)
    g_warning ("TLS certificate verification is turned off for this ArangoClient");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERIFY_TLS]);
}

/**
 * arango_client_get_request_compression: (get-property request-compression)
 * @self: an #ArangoClient
 *
 * Gets the size from which request bodies are sent compressed.
 *
 * Returns: the threshold in bytes; 0 when bodies go uncompressed
 */
guint
arango_client_get_request_compression (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), 0);

  return self->request_compression;
}

/**
 * arango_client_set_request_compression: (set-property request-compression)
 * @self: an #ArangoClient
 * @threshold: the smallest body, in bytes, to compress; 0 to compress none
 *
 * Sends request bodies of at least @threshold bytes with
 * `Content-Encoding: deflate`. Large imports and bulk writes shrink several
 * times over; small bodies are not worth the work.
 */
void
arango_client_set_request_compression (ArangoClient *self,
                                       guint         threshold)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  if (self->request_compression == threshold)
    return;
  self->request_compression = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_COMPRESSION]);
}

/**
 * arango_client_get_max_queue_time: (get-property max-queue-time)
 * @self: an #ArangoClient
 *
 * Gets the longest time a request may wait in the server's queue.
 *
 * Returns: seconds; 0 when no limit is sent
 */
double
arango_client_get_max_queue_time (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), 0.0);

  return self->max_queue_time;
}

/**
 * arango_client_set_max_queue_time: (set-property max-queue-time)
 * @self: an #ArangoClient
 * @seconds: the limit; 0 to send none
 *
 * Asks the server to refuse requests that would wait in its queue longer
 * than @seconds, with %ARANGO_SERVER_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED.
 * Negative values and NaN count as 0.
 */
void
arango_client_set_max_queue_time (ArangoClient *self,
                                  double        seconds)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  if (!(seconds > 0.0))
    seconds = 0.0;
  if (self->max_queue_time == seconds)
    return;
  self->max_queue_time = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_QUEUE_TIME]);
}

/**
 * arango_client_get_last_queue_time: (get-property last-queue-time)
 * @self: an #ArangoClient
 *
 * Gets the queue time the last reply reported. Watching it lets a program
 * slow down before the server refuses work.
 *
 * Returns: seconds; 0 before any reply carried it
 */
double
arango_client_get_last_queue_time (ArangoClient *self)
{
  double seconds;

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), 0.0);

  g_mutex_lock (&self->queue_time_lock);
  seconds = self->last_queue_time;
  g_mutex_unlock (&self->queue_time_lock);
  return seconds;
}

/**
 * arango_client_get_allow_http2: (get-property allow-http2)
 * @self: an #ArangoClient
 *
 * Tells whether HTTPS connections may use HTTP/2.
 *
 * Returns: %TRUE if they may
 */
gboolean
arango_client_get_allow_http2 (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), FALSE);

  return self->allow_http2;
}

/**
 * arango_client_set_allow_http2: (set-property allow-http2)
 * @self: an #ArangoClient
 * @allow: whether HTTPS connections may use HTTP/2
 *
 * Lets HTTPS connections opened from now on use HTTP/2 when the
 * coordinator offers it, or keeps them to HTTP/1.1.
 */
void
arango_client_set_allow_http2 (ArangoClient *self,
                               gboolean      allow)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  allow = !!allow;
  if (self->allow_http2 == allow)
    return;
  self->allow_http2 = allow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_HTTP2]);
}

/**
 * arango_client_get_max_connections: (get-property max-connections)
 * @self: an #ArangoClient
 *
 * Gets how many connections the client keeps to each coordinator.
 *
 * Returns: the number of connections, from 1 to 32
 */
guint
arango_client_get_max_connections (ArangoClient *self)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), ARANGO_HOST_DEFAULT_CONNECTIONS);

  return self->max_connections;
}

/**
 * arango_client_set_max_connections: (set-property max-connections)
 * @self: an #ArangoClient
 * @max_connections: connections per coordinator, from 1 to 32
 *
 * Sets how many connections the client keeps to each coordinator, and so
 * how many requests run on one coordinator at once. 1 sends one request
 * after the other. Values outside 1 to 32 count as the nearest of them.
 *
 * Requests already running keep their connections. With a lower limit,
 * the connections beyond it close as their requests end; with a higher
 * one, new connections open as requests need them.
 */
void
arango_client_set_max_connections (ArangoClient *self,
                                   guint         max_connections)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  max_connections = CLAMP (max_connections, 1, ARANGO_HOST_MAX_CONNECTIONS);
  g_mutex_lock (&self->hosts_lock);
  if (self->max_connections == max_connections)
    {
      g_mutex_unlock (&self->hosts_lock);
      return;
    }
  self->max_connections = max_connections;
  for (guint i = 0; i < self->hosts->len; i++)
    arango_host_set_max_connections (self->hosts->pdata[i], max_connections);
  g_mutex_unlock (&self->hosts_lock);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONNECTIONS]);
}

/* Called by the connection for every reply that carries the header. */
void
arango_client_update_queue_time (ArangoClient *self,
                                 double        seconds)
{
  gboolean changed;

  g_mutex_lock (&self->queue_time_lock);
  changed = self->last_queue_time != seconds;
  self->last_queue_time = seconds;
  g_mutex_unlock (&self->queue_time_lock);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_QUEUE_TIME]);
}

/**
 * arango_client_close:
 * @self: an #ArangoClient
 *
 * Closes the connections to every coordinator and cancels the requests
 * under way. Later requests fail with %ARANGO_ERROR_CLOSED.
 */
void
arango_client_close (ArangoClient *self)
{
  g_autoptr(GPtrArray) hosts = NULL;

  g_return_if_fail (ARANGO_IS_CLIENT (self));

  g_mutex_lock (&self->hosts_lock);
  self->closed = TRUE;
  hosts = g_ptr_array_ref (self->hosts);
  g_mutex_unlock (&self->hosts_lock);

  for (guint i = 0; i < hosts->len; i++)
    arango_host_abort (hosts->pdata[i]);
}

/* Private API for the connection layer */

guint
arango_client_get_n_hosts (ArangoClient *self)
{
  guint n;

  g_mutex_lock (&self->hosts_lock);
  n = self->hosts->len;
  g_mutex_unlock (&self->hosts_lock);
  return n;
}

guint
arango_client_get_effective_max_tries (ArangoClient *self)
{
  return self->max_tries ? self->max_tries : 3 * arango_client_get_n_hosts (self);
}

gboolean
arango_client_is_closed (ArangoClient *self)
{
  return self->closed;
}

ArangoHost *
arango_client_pick_host (ArangoClient *self,
                         const GArray *failed_hosts,
                         guint        *index)
{
  ArangoHost *host;
  guint n_hosts = arango_client_get_n_hosts (self);
  guint picked;

  /* The resolver may be an application's code: call it unlocked. */
  picked = arango_host_resolver_pick_host (self->resolver, n_hosts,
                                           (const guint *) failed_hosts->data,
                                           failed_hosts->len);

  g_mutex_lock (&self->hosts_lock);
  picked %= self->hosts->len;
  host = arango_host_ref (self->hosts->pdata[picked]);
  g_mutex_unlock (&self->hosts_lock);

  *index = picked;
  return host;
}

static ArangoHost *
find_host (GPtrArray  *hosts,
           const char *uri)
{
  for (guint i = 0; i < hosts->len; i++)
    if (g_str_equal (((ArangoHost *) hosts->pdata[i])->uri, uri))
      return hosts->pdata[i];
  return NULL;
}

/* Adds the coordinators in @uris that the client does not know yet; with
 * @replace, also drops (and disconnects) the ones not in @uris. Known
 * coordinators keep their sessions and connections. */
gboolean
arango_client_merge_hosts (ArangoClient       *self,
                           const char * const *uris,
                           gboolean            replace,
                           GError            **error)
{
  g_auto(GStrv) normalized = NULL;
  g_autoptr(GPtrArray) updated = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  gboolean changed = FALSE;

  normalized = normalize_hosts (uris, error);
  if (normalized == NULL)
    return FALSE;

  updated = g_ptr_array_new_with_free_func ((GDestroyNotify) arango_host_unref);
  removed = g_ptr_array_new_with_free_func ((GDestroyNotify) arango_host_unref);

  g_mutex_lock (&self->hosts_lock);
  for (guint i = 0; i < self->hosts->len; i++)
    {
      ArangoHost *host = self->hosts->pdata[i];

      if (!replace || g_strv_contains ((const char * const *) normalized, host->uri))
        g_ptr_array_add (updated, arango_host_ref (host));
      else
        g_ptr_array_add (removed, arango_host_ref (host));
    }
  for (guint i = 0; normalized[i] != NULL; i++)
    {
      ArangoHost *host;

      if (find_host (updated, normalized[i]))
        continue;
      host = arango_host_new (normalized[i]);
      configure_session (self, host);
      g_ptr_array_add (updated, host);
      changed = TRUE;
    }
  changed = changed || removed->len > 0;
  if (changed)
    {
      g_ptr_array_unref (self->hosts);
      self->hosts = g_steal_pointer (&updated);
    }
  g_mutex_unlock (&self->hosts_lock);

  for (guint i = 0; i < removed->len; i++)
    arango_host_abort (removed->pdata[i]);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTS]);
  return TRUE;
}

/* Opening a database */

typedef struct
{
  char *name;
  ArangoAuth *auth;
  gboolean verify;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->name);
  g_clear_pointer (&data->auth, arango_auth_unref);
  g_free (data);
}

static void
return_database (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);
  ArangoClient *self = g_task_get_source_object (task);

  g_task_return_pointer (task, arango_database_new (self, data->name, data->auth),
                         g_object_unref);
}

static gboolean
is_credentials_error (const GError *error)
{
  return error->domain == ARANGO_SERVER_ERROR &&
         (error->code == ARANGO_SERVER_ERROR_FORBIDDEN ||
          error->code == ARANGO_SERVER_ERROR_HTTP_UNAUTHORIZED ||
          error->code == ARANGO_SERVER_ERROR_HTTP_FORBIDDEN);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ArangoResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = arango_connection_send_finish (ARANGO_CLIENT (source), result, &error);
  if (response == NULL)
    {
      if (is_credentials_error (error))
        g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED,
                                 _("Bad user name or password, or the token has expired: %s"),
                                 error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  return_database (task);
}

static void
verify_or_return (GTask *task)
{
  OpenData *data = g_task_get_task_data (task);
  ArangoClient *self = g_task_get_source_object (task);
  ArangoRequest *request;

  if (!data->verify)
    {
      return_database (task);
      g_object_unref (task);
      return;
    }

  /* The cheapest request that needs access to the database, as
   * python-arango's verify uses. */
  request = arango_request_new (SOUP_METHOD_GET, "/_api/collection", NULL);
  arango_request_set_database (request, data->name);
  arango_request_set_auth (request, data->auth);
  arango_connection_send_async (self, request, g_task_get_cancellable (task),
                                on_verified, task);
}

static void
on_logged_in (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!arango_connection_login_finish (ARANGO_CLIENT (source), result, &error))
    {
      if (error->domain == ARANGO_SERVER_ERROR && error->code == 401)
        g_task_return_new_error (task, ARANGO_ERROR, ARANGO_ERROR_AUTHENTICATION_FAILED,
                                 _("Bad user name or password: %s"), error->message);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  verify_or_return (g_steal_pointer (&task));
}

static void
open_database (ArangoClient        *self,
               const char          *name,
               ArangoAuth          *auth,
               gboolean             verify,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task;
  OpenData *data;

  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
    {
      g_task_report_new_error (self, callback, user_data, source_tag,
                               ARANGO_ERROR, ARANGO_ERROR_INVALID_ARGUMENT,
                               _("“%s” is not a valid database name"),
                               name ? name : "(null)");
      arango_auth_unref (auth);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  data = g_new0 (OpenData, 1);
  data->name = g_strdup (name);
  data->auth = auth;
  data->verify = verify;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  if (arango_auth_can_renew (auth))
    arango_connection_login_async (self, auth, NULL, cancellable,
                                   on_logged_in, task);
  else
    verify_or_return (task);
}

static ArangoDatabase *
open_database_finish (ArangoClient  *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * arango_client_db_async:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @username: (nullable): the user name; %NULL means "root"
 * @password: (nullable): the password; %NULL means an empty one
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database handle is ready
 * @user_data: data for @callback
 *
 * Gets a handle on a database, authenticating with HTTP basic auth on
 * every request. Nothing is sent: wrong credentials show on the first
 * request. Use arango_client_db_full_async() to log in with a JWT or to
 * check the credentials at once.
 */
void
arango_client_db_async (ArangoClient        *self,
                        const char          *name,
                        const char          *username,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_CLIENT (self));

  open_database (self, name, arango_auth_new_basic (username, password), FALSE,
                 arango_client_db_async, cancellable, callback, user_data);
}

/**
 * arango_client_db_finish:
 * @self: an #ArangoClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_client_db_async().
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_INVALID_ARGUMENT for an invalid name
 */
ArangoDatabase *
arango_client_db_finish (ArangoClient  *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return open_database_finish (self, result, arango_client_db_async, error);
}

/**
 * arango_client_db_sync:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @username: (nullable): the user name; %NULL means "root"
 * @password: (nullable): the password; %NULL means an empty one
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_client_db_async(); see there. For scripts,
 * tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_INVALID_ARGUMENT for an invalid name
 */
ArangoDatabase *
arango_client_db_sync (ArangoClient        *self,
                       const char          *name,
                       const char          *username,
                       const char          *password,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  call = arango_sync_call_begin ();
  arango_client_db_async (self, name, username, password, cancellable, arango_sync_call_done, call);
  return arango_client_db_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_client_db_full_async:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @username: (nullable): the user name; %NULL means "root"
 * @password: (nullable): the password; %NULL means an empty one
 * @auth_method: basic authentication, or a JWT obtained with the user
 *   name and password
 * @verify: whether to prove the credentials now with one request
 *   (`GET /_api/collection`)
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database handle is ready
 * @user_data: data for @callback
 *
 * Gets a handle on a database. With %ARANGO_AUTH_METHOD_JWT this logs in
 * through `POST /_open/auth` first; when the server later refuses the
 * token as expired, the handle logs in again once and resends the
 * request.
 */
void
arango_client_db_full_async (ArangoClient        *self,
                             const char          *name,
                             const char          *username,
                             const char          *password,
                             ArangoAuthMethod     auth_method,
                             gboolean             verify,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  ArangoAuth *auth;

  g_return_if_fail (ARANGO_IS_CLIENT (self));

  if (auth_method == ARANGO_AUTH_METHOD_JWT)
    auth = arango_auth_new_jwt (username, password);
  else
    auth = arango_auth_new_basic (username, password);
  open_database (self, name, auth, verify, arango_client_db_full_async,
                 cancellable, callback, user_data);
}

/**
 * arango_client_db_full_finish:
 * @self: an #ArangoClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_client_db_full_async().
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_AUTHENTICATION_FAILED when the server refused the
 *   credentials, or another error
 */
ArangoDatabase *
arango_client_db_full_finish (ArangoClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return open_database_finish (self, result, arango_client_db_full_async, error);
}

/**
 * arango_client_db_full_sync:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @username: (nullable): the user name; %NULL means "root"
 * @password: (nullable): the password; %NULL means an empty one
 * @auth_method: basic authentication, or a JWT obtained with the user
 *   name and password
 * @verify: whether to prove the credentials now with one request
 *   (`GET /_api/collection`)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_client_db_full_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_AUTHENTICATION_FAILED when the server refused the
 *   credentials, or another error
 */
ArangoDatabase *
arango_client_db_full_sync (ArangoClient        *self,
                            const char          *name,
                            const char          *username,
                            const char          *password,
                            ArangoAuthMethod     auth_method,
                            gboolean             verify,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  call = arango_sync_call_begin ();
  arango_client_db_full_async (self, name, username, password, auth_method, verify,
                               cancellable, arango_sync_call_done, call);
  return arango_client_db_full_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_client_db_with_token_async:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @token: a JWT: a user token, or a superuser token made with the
 *   server's secret
 * @verify: whether to prove the token now with one request
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the database handle is ready
 * @user_data: data for @callback
 *
 * Gets a handle on a database that sends @token as
 * `Authorization: bearer …`, for instance a token an application kept in
 * its keyring since an earlier session.
 *
 * The token is read before anything is sent: one that is not a JSON Web
 * Token fails with %ARANGO_ERROR_AUTHENTICATION_FAILED and an empty one
 * with %ARANGO_ERROR_INVALID_ARGUMENT. With @verify, a token whose expiry
 * (its `exp` claim) has passed by this machine's clock fails with
 * %ARANGO_ERROR_TOKEN_EXPIRED, and then `GET /_api/collection` proves the
 * rest; without @verify the first request finds out.
 *
 * The handle never logs in by itself: arango_database_renew_token_async()
 * asks the server for a fresh token, arango_database_set_token() puts in
 * one got elsewhere, and #ArangoDatabase:token-expiry tells when either is
 * due.
 */
void
arango_client_db_with_token_async (ArangoClient        *self,
                                   const char          *name,
                                   const char          *token,
                                   gboolean             verify,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ARANGO_IS_CLIENT (self));

  /* Checked here, before anything is sent: a token read back from a
   * keyring may be damaged or stale, and the application wants to know
   * that rather than see the first request fail. The expiry is checked
   * with @verify only: without it nothing about the token is decided
   * before the first request. */
  if (!arango_jwt_check (token, verify, &error))
    {
      g_task_report_error (self, callback, user_data,
                           arango_client_db_with_token_async,
                           g_steal_pointer (&error));
      return;
    }
  open_database (self, name, arango_auth_new_token (token), verify,
                 arango_client_db_with_token_async, cancellable, callback,
                 user_data);
}

/**
 * arango_client_db_with_token_finish:
 * @self: an #ArangoClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_client_db_with_token_async().
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_AUTHENTICATION_FAILED (not a JWT, or refused by the
 *   server), %ARANGO_ERROR_TOKEN_EXPIRED, or another error
 */
ArangoDatabase *
arango_client_db_with_token_finish (ArangoClient  *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return open_database_finish (self, result, arango_client_db_with_token_async,
                               error);
}

/**
 * arango_client_db_with_token_sync:
 * @self: an #ArangoClient
 * @name: the database name, e.g. "_system"
 * @token: a JWT: a user token, or a superuser token made with the
 *   server's secret
 * @verify: whether to prove the token now with one request
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_client_db_with_token_async(); see there. For
 * scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): the #ArangoDatabase, or %NULL with
 *   %ARANGO_ERROR_AUTHENTICATION_FAILED (not a JWT, or refused by the
 *   server), %ARANGO_ERROR_TOKEN_EXPIRED, or another error
 */
ArangoDatabase *
arango_client_db_with_token_sync (ArangoClient        *self,
                                  const char          *name,
                                  const char          *token,
                                  gboolean             verify,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_CLIENT (self), NULL);

  call = arango_sync_call_begin ();
  arango_client_db_with_token_async (self, name, token, verify, cancellable,
                                     arango_sync_call_done, call);
  return arango_client_db_with_token_finish (self, arango_sync_call_wait (call), error);
}
