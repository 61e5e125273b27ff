/* arango-database-options-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-database-options.h"

G_BEGIN_DECLS

gboolean arango_database_options_check (ArangoDatabaseOptions  *self,
                                        GError                **error);
void     arango_database_options_apply (ArangoDatabaseOptions  *self,
                                        JsonObject             *body);

G_END_DECLS
