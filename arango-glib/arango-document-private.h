/* arango-document-private.h: document keys, ids and options
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-connection-private.h"
#include "arango-enums.h"

G_BEGIN_DECLS

char     *arango_document_resolve_key     (const char           *collection,
                                           const char           *key_or_id,
                                           GError              **error);
gboolean  arango_document_check_object    (const char           *collection,
                                           JsonNode             *document,
                                           gboolean              needs_key,
                                           char                **key,
                                           char                **rev,
                                           GError              **error);
gboolean  arango_document_check_flags     (ArangoDocumentFlags   flags,
                                           gboolean              is_insert,
                                           GError              **error);
void      arango_document_add_options     (ArangoRequest        *request,
                                           ArangoDocumentFlags   flags);

G_END_DECLS
