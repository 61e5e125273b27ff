/* emulator-store.h: stored documents, and what a request sees of them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A collection keeps its committed documents. A stream transaction and a
 * running AQL query keep their writes in an EmuOverlay until they commit;
 * an EmuView stacks up to two overlays on the committed state, so that a
 * request reads its own writes and nobody else's.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "emulator-state.h"

G_BEGIN_DECLS

typedef struct _EmuDocument EmuDocument;
typedef struct _EmuOverlay  EmuOverlay;

/* Immutable once made: a write stores a new document. */
struct _EmuDocument {
  gint      ref_count;
  JsonNode *body;       /* object: _key, _id, [_from, _to,] _rev, the rest */
  guint64   sequence;   /* when it was written: full scans go in this order */
};

EmuDocument *emu_document_new       (EmuState    *state,
                                     JsonNode    *body);
EmuDocument *emu_document_ref       (EmuDocument *document);
void         emu_document_unref     (EmuDocument *document);
JsonObject  *emu_document_object    (EmuDocument *document);
const char  *emu_document_key       (EmuDocument *document);
const char  *emu_document_rev       (EmuDocument *document);

EmuOverlay  *emu_overlay_new        (void);
void         emu_overlay_free       (EmuOverlay  *overlay);
gboolean     emu_overlay_is_empty   (EmuOverlay  *overlay);

/* How much a stream transaction may write (its maxTransactionSize,
 * G_MAXUINT64 for none), and has written: the bytes of the documents it
 * stored, as JSON, and of the keys it removed. */
typedef struct {
  guint64 limit;
  guint64 used;
} EmuWriteBudget;

typedef struct {
  EmuDatabase    *database;
  EmuOverlay     *layers[2];   /* bottom up; unused ones NULL */
  EmuWriteBudget *budget;      /* NULL: no limit */
} EmuView;

void         emu_view_init          (EmuView       *view,
                                     EmuDatabase   *database,
                                     EmuOverlay    *transaction,
                                     EmuOverlay    *query);
EmuDocument *emu_view_lookup        (EmuView       *view,
                                     EmuCollection *collection,
                                     const char    *key);
GPtrArray   *emu_view_scan          (EmuView       *view,
                                     EmuCollection *collection);
guint        emu_view_count         (EmuView       *view,
                                     EmuCollection *collection);
void         emu_view_put           (EmuView       *view,
                                     EmuCollection *collection,
                                     const char    *key,
                                     EmuDocument   *document);
void         emu_view_truncate      (EmuView       *view,
                                     EmuCollection *collection);
void         emu_view_apply         (EmuView       *view,
                                     EmuOverlay    *overlay);
/* Counts a write of @document (NULL: the removal of @key) against the
 * view's budget; FALSE, counting nothing, when it would go over. */
gboolean     emu_view_charge        (EmuView       *view,
                                     const char    *key,
                                     EmuDocument   *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuDocument, emu_document_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuOverlay, emu_overlay_free)

G_END_DECLS
