/* arango-transaction-options.c: the options of a new stream transaction
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-options-private.h"
#include "arango-transaction-options-private.h"

/**
 * ArangoTransactionOptions:
 *
 * The options of a new stream transaction
 * (`POST /_api/transaction/begin`), as properties; pass them to
 * arango_database_begin_transaction_with_options_async(). Only the
 * options set to something other than their default are sent, so the
 * others keep the server's defaults.
 *
 * ```c
 * g_autoptr(ArangoTransactionOptions) options =
 *   g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS,
 *                 "allow-implicit", FALSE,
 *                 "lock-timeout", 30,
 *                 NULL);
 * ```
 *
 * In Python: `Arango.TransactionOptions(allow_implicit=False, lock_timeout=30)`.
 */

/* Where each property goes, in the order of the property ids. */
static const ArangoOptionSpec option_specs[] = {
  { "wait-for-sync", "waitForSync" },
  { "allow-implicit", "allowImplicit" },
  { "lock-timeout", "lockTimeout" },
  { "max-transaction-size", "maxTransactionSize" },
  { "skip-fast-lock-round", "skipFastLockRound" },
  { "allow-dirty-read", "x-arango-allow-dirty-read", TRUE },
};

#define N_OPTIONS G_N_ELEMENTS (option_specs)

struct _ArangoTransactionOptions
{
  GObject parent_instance;

  GValue values[N_OPTIONS];
};

G_DEFINE_FINAL_TYPE (ArangoTransactionOptions, arango_transaction_options, G_TYPE_OBJECT)

static GParamSpec *properties[N_OPTIONS + 1];

static void
arango_transaction_options_class_init (ArangoTransactionOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  /**
   * ArangoTransactionOptions:wait-for-sync:
   *
   * Whether the commit waits until the transaction's writes are on disk.
   */
  properties[1] = g_param_spec_boolean ("wait-for-sync", NULL, NULL, FALSE, flags);

  /**
   * ArangoTransactionOptions:allow-implicit:
   *
   * Whether the transaction may read collections it did not declare
   * (the server's default). With %FALSE, reading one fails with
   * %ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION. Writes
   * always need the collection declared for writing.
   */
  properties[2] = g_param_spec_boolean ("allow-implicit", NULL, NULL, TRUE, flags);

  /**
   * ArangoTransactionOptions:lock-timeout:
   *
   * Seconds to wait for the collection locks before giving up with
   * %ARANGO_SERVER_ERROR_LOCK_TIMEOUT; 0 waits as long as it takes, -1
   * (the default) leaves it to the server (900 seconds).
   */
  properties[3] = g_param_spec_int ("lock-timeout", NULL, NULL, -1, G_MAXINT, -1, flags);

  /**
   * ArangoTransactionOptions:max-transaction-size:
   *
   * The most bytes the transaction may write; a write beyond fails with
   * %ARANGO_SERVER_ERROR_RESOURCE_LIMIT. 0 (the default) leaves it to
   * the server.
   */
  properties[4] = g_param_spec_uint64 ("max-transaction-size", NULL, NULL,
                                       0, G_MAXUINT64, 0, flags);

  /**
   * ArangoTransactionOptions:skip-fast-lock-round:
   *
   * Whether a cluster takes the exclusive and write locks one shard after
   * the other straight away, instead of first trying to take them all
   * in parallel; worth it when many transactions contend for the same
   * collections.
   */
  properties[5] = g_param_spec_boolean ("skip-fast-lock-round", NULL, NULL, FALSE, flags);

  /**
   * ArangoTransactionOptions:allow-dirty-read:
   *
   * Whether the transaction's reads may be answered by followers (sent
   * as the `x-arango-allow-dirty-read` header of the begin request, the
   * only one of a transaction the server looks at). Reads in it then
   * say they may be dirty: see #ArangoCursor:potentially-dirty and
   * #ArangoCollection:last-read-potentially-dirty.
   */
  properties[6] = g_param_spec_boolean ("allow-dirty-read", NULL, NULL, FALSE, flags);

  for (guint i = 0; i < N_OPTIONS; i++)
    g_assert (g_str_equal (properties[i + 1]->name, option_specs[i].property));

  arango_option_class_install (object_class, G_STRUCT_OFFSET (ArangoTransactionOptions, values),
                               properties, N_OPTIONS);
}

static void
arango_transaction_options_init (ArangoTransactionOptions *self)
{
  arango_option_values_init (self->values, properties, N_OPTIONS);
}

/**
 * arango_transaction_options_new:
 *
 * Creates transaction options that leave everything to the server's
 * defaults.
 *
 * Returns: (transfer full): a new #ArangoTransactionOptions
 */
ArangoTransactionOptions *
arango_transaction_options_new (void)
{
  return g_object_new (ARANGO_TYPE_TRANSACTION_OPTIONS, NULL);
}

/* Writes the options that are set into the begin request's body and
 * headers. @self may be NULL. */
void
arango_transaction_options_apply (ArangoTransactionOptions *self,
                                  JsonObject               *body,
                                  ArangoRequest            *request)
{
  if (self != NULL)
    arango_option_values_apply (self->values, properties, option_specs, N_OPTIONS,
                                body, request);
}
