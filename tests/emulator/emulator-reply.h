/* emulator-reply.h: responses shaped like ArangoDB's
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Error numbers the emulator answers with; texts in emulator-reply.c. */
enum {
  EMU_ERROR_INTERNAL = 4,
  EMU_ERROR_NOT_IMPLEMENTED = 9,
  EMU_ERROR_BAD_PARAMETER = 10,
  EMU_ERROR_FORBIDDEN = 11,
  EMU_ERROR_RESOURCE_LIMIT = 32,
  EMU_ERROR_HTTP_BAD_PARAMETER = 400,
  EMU_ERROR_HTTP_UNAUTHORIZED = 401,
  EMU_ERROR_HTTP_FORBIDDEN = 403,
  EMU_ERROR_HTTP_NOT_FOUND = 404,
  EMU_ERROR_HTTP_METHOD_NOT_ALLOWED = 405,
  EMU_ERROR_HTTP_PRECONDITION_FAILED = 412,
  EMU_ERROR_HTTP_SERVER_ERROR = 500,
  EMU_ERROR_HTTP_SERVICE_UNAVAILABLE = 503,
  EMU_ERROR_HTTP_GATEWAY_TIMEOUT = 504,
  EMU_ERROR_HTTP_CORRUPTED_JSON = 600,
  EMU_ERROR_ARANGO_READ_ONLY = 1004,
  EMU_ERROR_ARANGO_CONFLICT = 1200,
  EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND = 1202,
  EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND = 1203,
  EMU_ERROR_ARANGO_COLLECTION_PARAMETER_MISSING = 1204,
  EMU_ERROR_ARANGO_DOCUMENT_HANDLE_BAD = 1205,
  EMU_ERROR_ARANGO_DUPLICATE_NAME = 1207,
  EMU_ERROR_ARANGO_ILLEGAL_NAME = 1208,
  EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED = 1210,
  EMU_ERROR_ARANGO_INDEX_NOT_FOUND = 1212,
  EMU_ERROR_ARANGO_INDEX_HANDLE_BAD = 1214,
  EMU_ERROR_ARANGO_COLLECTION_TYPE_INVALID = 1218,
  EMU_ERROR_ARANGO_DOCUMENT_KEY_BAD = 1221,
  EMU_ERROR_ARANGO_DOCUMENT_KEY_UNEXPECTED = 1222,
  EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID = 1227,
  EMU_ERROR_ARANGO_DATABASE_NOT_FOUND = 1228,
  EMU_ERROR_ARANGO_DATABASE_NAME_INVALID = 1229,
  EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE = 1230,
  EMU_ERROR_ARANGO_INVALID_KEY_GENERATOR = 1232,
  EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE = 1233,
  EMU_ERROR_QUERY_KILLED = 1500,
  EMU_ERROR_QUERY_PARSE = 1501,
  EMU_ERROR_QUERY_EMPTY = 1502,
  EMU_ERROR_QUERY_NUMBER_OUT_OF_RANGE = 1504,
  EMU_ERROR_QUERY_VARIABLE_REDECLARED = 1511,
  EMU_ERROR_QUERY_VARIABLE_NAME_UNKNOWN = 1512,
  EMU_ERROR_QUERY_FUNCTION_NAME_UNKNOWN = 1540,
  EMU_ERROR_QUERY_FUNCTION_ARGUMENT_NUMBER_MISMATCH = 1541,
  EMU_ERROR_QUERY_BIND_PARAMETERS_INVALID = 1550,
  EMU_ERROR_QUERY_BIND_PARAMETER_MISSING = 1551,
  EMU_ERROR_QUERY_BIND_PARAMETER_UNDECLARED = 1552,
  EMU_ERROR_QUERY_BIND_PARAMETER_TYPE = 1553,
  EMU_ERROR_QUERY_DIVISION_BY_ZERO = 1562,
  EMU_ERROR_QUERY_COLLECTION_USED_IN_EXPRESSION = 1568,
  EMU_ERROR_QUERY_COMPILE_TIME_OPTIONS = 1575,
  EMU_ERROR_QUERY_ACCESS_AFTER_MODIFICATION = 1579,
  EMU_ERROR_QUERY_NOT_FOUND = 1591,
  EMU_ERROR_CURSOR_NOT_FOUND = 1600,
  EMU_ERROR_CURSOR_BUSY = 1601,
  EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION = 1652,
  EMU_ERROR_TRANSACTION_DISALLOWED_OPERATION = 1653,
  EMU_ERROR_TRANSACTION_ABORTED = 1654,
  EMU_ERROR_TRANSACTION_NOT_FOUND = 1655,
  EMU_ERROR_USER_NOT_FOUND = 1703,
  EMU_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN = 1468,
  EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS = 1487,
  EMU_ERROR_LICENSE_EXPIRED_OR_INVALID = 9001,
};

/* ArangoDB writes error bodies with three different key orders depending
 * on where the error is raised (../shared/arango-api/NOTES.md, section 2). */
typedef enum {
  /* A REST handler's generateError: code, error, errorMessage, errorNum. */
  EMU_ERROR_STYLE_HANDLER,
  /* The request pipeline before any handler: error, errorNum, errorMessage, code. */
  EMU_ERROR_STYLE_EARLY,
  /* Older handlers (unknown path, /_open/auth): error, code, errorNum, errorMessage. */
  EMU_ERROR_STYLE_LEGACY,
} EmuErrorStyle;

const char  *emu_error_message            (int                error_num);
guint        emu_error_http_status        (int                error_num);

void         emu_reply_raw                (SoupServerMessage *msg,
                                           guint              status,
                                           const char        *content_type,
                                           const char        *body,
                                           gsize              length);
void         emu_reply_set_header         (SoupServerMessage *msg,
                                           const char        *name,
                                           const char        *value);
void         emu_reply_empty              (SoupServerMessage *msg,
                                           guint              status);
void         emu_reply_json               (SoupServerMessage *msg,
                                           guint              status,
                                           JsonNode          *body);
void         emu_reply_builder            (SoupServerMessage *msg,
                                           guint              status,
                                           JsonBuilder       *builder);
void         emu_reply_error_full         (SoupServerMessage *msg,
                                           EmuErrorStyle      style,
                                           guint              status,
                                           int                error_num,
                                           const char        *message);
void         emu_reply_error              (SoupServerMessage *msg,
                                           guint              status,
                                           int                error_num,
                                           const char        *message);
void         emu_reply_errorf             (SoupServerMessage *msg,
                                           guint              status,
                                           int                error_num,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void         emu_reply_arango_error       (SoupServerMessage *msg,
                                           int                error_num,
                                           const char        *message);
gboolean     emu_reply_refusal_if         (SoupServerMessage *msg,
                                           gboolean           refused,
                                           guint              status,
                                           int                error_num,
                                           const char        *message);
void         emu_reply_arango_errorf      (SoupServerMessage *msg,
                                           int                error_num,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (3, 4);

JsonBuilder *emu_json_begin_ok            (guint              code);
void         emu_json_add_ok              (JsonBuilder       *builder,
                                           guint              code);
char        *emu_json_to_string           (JsonNode          *node);
const char  *emu_json_get_string          (JsonObject        *object,
                                           const char        *name);
gboolean     emu_json_get_number          (JsonObject        *object,
                                           const char        *name,
                                           gdouble           *value);
gboolean     emu_json_get_optional_count  (JsonObject        *object,
                                           const char        *name,
                                           gdouble           *value);
gboolean     emu_json_get_boolean         (JsonObject        *object,
                                           const char        *name,
                                           gboolean           default_value);
void         emu_json_add_string          (JsonBuilder       *builder,
                                           const char        *name,
                                           const char        *value);
void         emu_json_add_int             (JsonBuilder       *builder,
                                           const char        *name,
                                           gint64             value);
void         emu_json_add_double          (JsonBuilder       *builder,
                                           const char        *name,
                                           gdouble            value);
void         emu_json_add_boolean         (JsonBuilder       *builder,
                                           const char        *name,
                                           gboolean           value);
void         emu_json_add_null            (JsonBuilder       *builder,
                                           const char        *name);
void         emu_json_add_node            (JsonBuilder       *builder,
                                           const char        *name,
                                           JsonNode          *value);

G_END_DECLS
