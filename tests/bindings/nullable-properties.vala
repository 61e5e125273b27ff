/* nullable-properties.vala: which of the properties that may be null are
 * set, for test-nullable.vala
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Built with --enable-experimental-non-null, where comparing a property
 * with null compiles only if the VAPI types it nullable
 * (Arango-1.0.metadata). The shared test sources are not written for that
 * mode, so these few functions are a library of their own.
 */

/* The names of @names whose @is_set is true, e.g. "id plan"; "" if none. */
string set_ones (string[] names, bool[] is_set) {
  var found = new StringBuilder ();

  for (var i = 0; i < names.length; i++) {
    if (is_set[i])
      found.append_printf ("%s%s", found.len > 0 ? " " : "", names[i]);
  }
  return found.str;
}

public string set_cursor_properties (Arango.Cursor cursor) {
  return set_ones ({ "id", "profile", "plan", "node-statistics", "plan-cache-key" },
                   { cursor.id != null, cursor.profile != null, cursor.plan != null,
                     cursor.node_statistics != null, cursor.plan_cache_key != null });
}

public string set_database_properties (Arango.Database database) {
  return set_ones ({ "token", "token-expiry" },
                   { database.token != null, database.token_expiry != null });
}

public string set_collection_properties (Arango.Collection collection) {
  return set_ones ({ "transaction-id" }, { collection.transaction_id != null });
}

public string set_response_properties (Arango.HttpResponse response) {
  return set_ones ({ "body" }, { response.body != null });
}
