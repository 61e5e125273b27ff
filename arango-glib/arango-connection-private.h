/* arango-connection-private.h: the one path every request takes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A public method builds an ArangoRequest (method, path, query, JSON body,
 * headers, credentials), hands it to arango_call_async() with a reply
 * function that turns the decoded reply into its result, and finishes with
 * arango_call_finish_*(). Host choice, failover, timeouts, cancellation,
 * JWT renewal, decoding and server errors all live below that line.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "arango-auth-private.h"
#include "arango-client.h"
#include "arango-host-private.h"
#include "arango-types.h"

G_BEGIN_DECLS

typedef struct _ArangoRequest ArangoRequest;

ArangoRequest *arango_request_new              (const char    *method,
                                                const char    *path,
                                                ...) G_GNUC_NULL_TERMINATED;
ArangoRequest *arango_request_new_valist       (const char    *method,
                                                const char    *path,
                                                va_list        segments);
void           arango_request_free             (ArangoRequest *self);
void           arango_request_set_database     (ArangoRequest *self,
                                                const char    *database);
void           arango_request_set_auth         (ArangoRequest *self,
                                                ArangoAuth    *auth);
void           arango_request_add_query        (ArangoRequest *self,
                                                const char    *name,
                                                const char    *value);
void           arango_request_add_query_uint   (ArangoRequest *self,
                                                const char    *name,
                                                guint64        value);
void           arango_request_add_query_options (ArangoRequest *self,
                                                JsonObject    *options);
void           arango_request_add_header       (ArangoRequest *self,
                                                const char    *name,
                                                const char    *value);
void           arango_request_take_body        (ArangoRequest *self,
                                                GBytes        *body);
void           arango_request_take_json_body   (ArangoRequest *self,
                                                JsonNode      *body);
void           arango_request_take_json_object (ArangoRequest *self,
                                                JsonObject    *object);
void           arango_request_set_json_object  (ArangoRequest *self,
                                                JsonObject    *object);
void           arango_request_set_json_array   (ArangoRequest *self,
                                                JsonArray     *array);
void           arango_request_set_idempotent   (ArangoRequest *self,
                                                gboolean       idempotent);
void           arango_request_pin_to_host      (ArangoRequest *self,
                                                ArangoHost    *host);
void           arango_request_keep_errors      (ArangoRequest *self);
void           arango_request_set_text_reply   (ArangoRequest *self);
void           arango_request_keep_json_text   (ArangoRequest *self);
void           arango_request_set_raw_reply    (ArangoRequest *self);
void           arango_request_defer_member     (ArangoRequest *self,
                                                const char    *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoRequest, arango_request_free)

typedef struct
{
  guint status;
  SoupMessageHeaders *headers;
  JsonNode *body;       /* NULL when the reply had no body */
  GBytes *text;         /* the body's bytes, for a text, raw or JSON text reply (arango_request_set_text_reply(), _set_raw_reply(), _keep_json_text()) */
  GBytes *deferred;     /* the text of the deferred member (arango_request_defer_member()), if the body has it */
  ArangoHost *host;     /* the coordinator that answered */
} ArangoResponse;

void            arango_response_free     (ArangoResponse *self);
gboolean        arango_response_is_potentially_dirty (ArangoResponse *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArangoResponse, arango_response_free)

void            arango_connection_send_async  (ArangoClient         *client,
                                               ArangoRequest        *request,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
ArangoResponse *arango_connection_send_finish (ArangoClient         *client,
                                               GAsyncResult         *result,
                                               GError              **error);

void            arango_connection_login_async  (ArangoClient         *client,
                                                ArangoAuth           *auth,
                                                ArangoHost           *host,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean        arango_connection_login_finish (ArangoClient         *client,
                                                GAsyncResult         *result,
                                                GError              **error);
const char     *arango_connection_store_token  (GTask                *task,
                                                ArangoResponse       *response,
                                                ArangoAuth           *auth);

/* Reply functions turn a successful reply into the task's result: they
 * call exactly one g_task_return_*(). */
typedef void (*ArangoReplyFunc) (GTask          *task,
                                 ArangoResponse *response,
                                 gconstpointer   data);

/* The data of arango_reply_count(), for counting calls with an
 * ignore_missing flag: the reply's integer @member, or 0 where the server
 * answers with the error @missing_code. */
typedef struct
{
  const char *member;
  int missing_code;
} ArangoCountReply;

void     arango_reply_true          (GTask *task, ArangoResponse *response, gconstpointer unused);
void     arango_reply_string_member (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_object        (GTask *task, ArangoResponse *response, gconstpointer unused);
void     arango_reply_object_member (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_node_member   (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_body_object   (GTask *task, ArangoResponse *response, gconstpointer unused);
void     arango_reply_body_array    (GTask *task, ArangoResponse *response, gconstpointer unused);
void     arango_reply_array_member  (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_int_member    (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_boolean_member (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_strv_member   (GTask *task, ArangoResponse *response, gconstpointer member);
void     arango_reply_exists        (GTask *task, ArangoResponse *response, gconstpointer missing_code);
void     arango_reply_count         (GTask *task, ArangoResponse *response, gconstpointer count);
void     arango_reply_text          (GTask *task, ArangoResponse *response, gconstpointer unused);
void     arango_reply_json_text_variant (GTask *task, ArangoResponse *response, gconstpointer type);
void     arango_reply_double_member (GTask *task, ArangoResponse *response, gconstpointer member);

void     arango_call_async          (gpointer              source_object,
                                     ArangoClient         *client,
                                     ArangoRequest        *request,
                                     ArangoReplyFunc       reply_func,
                                     gconstpointer         reply_data,
                                     gpointer              source_tag,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
void     arango_call_job_result_async (gpointer            source_object,
                                       ArangoClient       *client,
                                       ArangoRequest      *request,
                                       ArangoReplyFunc     reply_func,
                                       gconstpointer       reply_data,
                                       gpointer            source_tag,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gpointer arango_call_finish_pointer (gpointer              source_object,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);
gboolean arango_call_finish_boolean (gpointer              source_object,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);
gssize   arango_call_finish_int     (gpointer              source_object,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);
gdouble  arango_call_finish_double  (gpointer              source_object,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);

/* Reports ARANGO_ERROR_INVALID_ARGUMENT with @message to @callback unless
 * @valid; for the checks an _async function makes before sending. */
gboolean arango_check_argument      (gpointer              source_object,
                                     gboolean              valid,
                                     gpointer              source_tag,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data,
                                     const char           *message);
/* The same for a name that must not be empty; @message is untranslated
 * (marked with N_()). */
gboolean arango_check_text          (gpointer              source_object,
                                     const char           *value,
                                     const char           *message,
                                     gpointer              source_tag,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);

/* Whether @id is a server id of a query or a transaction: a non-empty
 * string of digits. */
gboolean arango_is_numeric_id       (const char           *id);

void     arango_task_return_invalid_reply (GTask          *task,
                                           ArangoResponse *response,
                                           const char     *what);

G_END_DECLS
