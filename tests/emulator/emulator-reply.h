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
  EMU_ERROR_NOT_IMPLEMENTED = 9,
  EMU_ERROR_BAD_PARAMETER = 10,
  EMU_ERROR_FORBIDDEN = 11,
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
  EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND = 1203,
  EMU_ERROR_ARANGO_DATABASE_NOT_FOUND = 1228,
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

void         emu_reply_raw                (SoupServerMessage *msg,
                                           guint              status,
                                           const char        *content_type,
                                           const char        *body,
                                           gsize              length);
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

JsonBuilder *emu_json_begin_ok            (guint              code);
void         emu_json_add_ok              (JsonBuilder       *builder,
                                           guint              code);
char        *emu_json_to_string           (JsonNode          *node);
const char  *emu_json_get_string          (JsonObject        *object,
                                           const char        *name);
gboolean     emu_json_get_number          (JsonObject        *object,
                                           const char        *name,
                                           gdouble           *value);

G_END_DECLS
