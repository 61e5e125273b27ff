/* arango-json-private.h: JSON readers that build json-glib trees and
 * GVariants, and the writer of request bodies
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *arango_json_parse           (const char  *text,
                                       gsize        length,
                                       GError     **error);
JsonNode *arango_json_parse_deferring (const char  *text,
                                       gsize        length,
                                       const char  *deferred_member,
                                       gsize       *deferred_offset,
                                       gsize       *deferred_length,
                                       GError     **error);
GVariant *arango_json_parse_variant   (const char  *text,
                                       gsize        length,
                                       GError     **error);
char     *arango_json_write           (JsonNode    *node,
                                       gsize       *length,
                                       GError     **error);
char     *arango_json_write_lenient   (JsonNode    *node,
                                       gsize       *length);

G_END_DECLS
