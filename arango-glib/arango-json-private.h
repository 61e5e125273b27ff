/* arango-json-private.h: a JSON reader that builds json-glib trees
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *arango_json_parse (const char  *text,
                             gsize        length,
                             GError     **error);

G_END_DECLS
