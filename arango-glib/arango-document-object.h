/* arango-document-object.h: one document (or any query result) as a GObject
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "arango-types.h"
#include "arango-version-macros.h"

G_BEGIN_DECLS

#define ARANGO_TYPE_DOCUMENT (arango_document_get_type ())

ARANGO_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (ArangoDocument, arango_document, ARANGO, DOCUMENT, GObject)

ARANGO_AVAILABLE_IN_ALL
ArangoDocument *arango_document_new            (JsonNode       *value);
ARANGO_AVAILABLE_IN_ALL
ArangoDocument *arango_document_new_for_object (JsonObject     *object);

ARANGO_AVAILABLE_IN_ALL
const char     *arango_document_get_key        (ArangoDocument *self);
ARANGO_AVAILABLE_IN_ALL
const char     *arango_document_get_id         (ArangoDocument *self);
ARANGO_AVAILABLE_IN_ALL
const char     *arango_document_get_rev        (ArangoDocument *self);
ARANGO_AVAILABLE_IN_ALL
JsonNode       *arango_document_get_value      (ArangoDocument *self);
ARANGO_AVAILABLE_IN_ALL
JsonObject     *arango_document_get_object     (ArangoDocument *self);
ARANGO_AVAILABLE_IN_ALL
gboolean        arango_document_has_member     (ArangoDocument *self,
                                                const char     *name);
ARANGO_AVAILABLE_IN_ALL
JsonNode       *arango_document_get_member     (ArangoDocument *self,
                                                const char     *name);
ARANGO_AVAILABLE_IN_ALL
char           *arango_document_to_json        (ArangoDocument *self);

G_END_DECLS
