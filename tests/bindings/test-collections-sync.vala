/* test-collections-sync.vala: collection administration, the simple
 * queries and the option objects through the VAPI, with the blocking
 * _sync calls, against the emulator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The _sync calls block and need no main loop; tap.vala runs the tests
 * in one only to talk to the emulator's control surface. Option objects
 * are made with object initializers.
 */

const string CITIES = """[
  {"_key": "berlin", "lat": 52.52, "lng": 13.405,
   "geo": {"type": "Point", "coordinates": [13.405, 52.52]}},
  {"_key": "potsdam", "lat": 52.3906, "lng": 13.0645,
   "geo": {"type": "Point", "coordinates": [13.0645, 52.3906]}},
  {"_key": "paris", "lat": 48.8566, "lng": 2.3522,
   "geo": {"type": "Point", "coordinates": [2.3522, 48.8566]}}
]""";

const string PEOPLE = """[
  {"_key": "ada", "born": 1815, "team": "math", "address": {"city": "London"}},
  {"_key": "alan", "born": 1912, "team": "math", "address": {"city": "London"}},
  {"_key": "grace", "born": 1906, "team": "navy", "address": {"city": "New York"}}
]""";

Arango.Database open_database (Emulator emulator, string name = "_system") throws Error {
  return new Arango.Client (emulator.hosts).db_sync (name, "root", "");
}

Json.Object json_object (string text) throws Error {
  return Json.from_string (text).get_object ();
}

/* Runs @test with a new collection @name, deleted afterwards whatever
 * happened (a Vala finally block may not throw) */
delegate void CollectionTest (Arango.Database db, Arango.Collection coll) throws Error;

void with_collection (Emulator emulator, string name, CollectionTest test) throws Error {
  var db = open_database (emulator);
  var coll = db.create_collection_sync (name, null);
  Error? failure = null;
  try {
    test (db, coll);
  } catch (Error e) {
    failure = e;
  }
  db.delete_collection_with_flags_sync (name, Arango.DeleteCollectionFlags.IGNORE_MISSING);
  if (failure != null)
    throw failure;
}

/* The keys of the documents of a cursor, in the order it gave them */
string keys_of (Arango.Cursor cursor) throws Error {
  string[] keys = {};
  Json.Array? batch;
  while ((batch = cursor.next_batch_sync ()) != null) {
    foreach (var node in batch.get_elements ())
      keys += node.get_object ().get_string_member ("_key");
  }
  return string.joinv (",", keys);
}

string sorted (string[] words) {
  var list = new GenericArray<string> ();
  foreach (var word in words)
    list.add (word);
  list.sort (strcmp);
  return string.joinv (",", list.data);
}

/* Collection administration */

void test_revision_and_checksum (Emulator emulator) throws Error {
  with_collection (emulator, "vala_revisions", (db, coll) => {
    var empty_revision = coll.revision_sync ();
    check_equal (coll.checksum_sync (Arango.ChecksumFlags.NONE), "0", "checksum of nothing");

    coll.insert_sync (Json.from_string ("{\"_key\": \"ada\", \"born\": 1815}"),
                      Arango.DocumentFlags.NONE);
    var revision = coll.revision_sync ();
    check (revision != empty_revision, "the insert changed the revision");
    var keys = coll.checksum_sync (Arango.ChecksumFlags.NONE);
    var data = coll.checksum_sync (Arango.ChecksumFlags.WITH_DATA);
    check (keys != "0" && keys != data, "checksums of keys and of data");

    coll.update_sync (Json.from_string ("{\"_key\": \"ada\", \"born\": 1816}"),
                      Arango.DocumentFlags.NONE);
    check (coll.revision_sync () != revision, "the update changed the revision");
    check_equal (coll.checksum_sync (Arango.ChecksumFlags.NONE), keys, "same keys");
    check (coll.checksum_sync (Arango.ChecksumFlags.WITH_DATA) != data, "other data");

    var created = coll.add_index_sync (json_object (
      "{\"type\": \"persistent\", \"fields\": [\"born\"], \"name\": \"by_birth\"}"));
    var id = created.get_string_member ("id");
    foreach (var wanted in new string[] { id, id.split ("/")[1], "by_birth" }) {
      var index = coll.get_index_sync (wanted);
      check_equal (index.get_string_member ("id"), id, "index " + wanted);
      check_equal (index.get_string_member ("name"), "by_birth", "index name");
    }
    check_equal (coll.get_index_sync ("0").get_string_member ("type"), "primary", "primary");
    try {
      coll.get_index_sync ("424242");
      throw new TestError.FAILED ("got an index that does not exist");
    } catch (Arango.ServerError.INDEX_NOT_FOUND e) {
    }
  });
}

void test_delete_with_flags (Emulator emulator) throws Error {
  var db = open_database (emulator);
  db.create_collection_sync ("vala_doomed", null);
  check (db.delete_collection_with_flags_sync ("vala_doomed", Arango.DeleteCollectionFlags.NONE),
         "deleted");
  try {
    db.delete_collection_with_flags_sync ("vala_doomed", Arango.DeleteCollectionFlags.NONE);
    throw new TestError.FAILED ("deleted twice");
  } catch (Arango.ServerError.DATA_SOURCE_NOT_FOUND e) {
  }
  check (!db.delete_collection_with_flags_sync ("vala_doomed",
                                                Arango.DeleteCollectionFlags.IGNORE_MISSING),
         "IGNORE_MISSING: false, no error");

  db.create_collection_sync ("_vala_system", json_object ("{\"isSystem\": true}"));
  try {
    db.delete_collection_with_flags_sync ("_vala_system", Arango.DeleteCollectionFlags.NONE);
    throw new TestError.FAILED ("a system collection was deleted without SYSTEM");
  } catch (Arango.ServerError.FORBIDDEN e) {
  }
  check (db.delete_collection_with_flags_sync ("_vala_system",
                                               Arango.DeleteCollectionFlags.SYSTEM |
                                               Arango.DeleteCollectionFlags.IGNORE_MISSING),
         "SYSTEM");
}

/* Simple queries */

void test_simple_queries (Emulator emulator) throws Error {
  with_collection (emulator, "vala_people", (db, coll) => {
    coll.insert_many_sync (Json.from_string (PEOPLE).get_array (), Arango.DocumentFlags.NONE);

    var london = coll.find_sync (json_object ("{\"address.city\": \"London\"}"), 0,
                                 Arango.NO_LIMIT, null);
    check_equal (sorted (keys_of (london).split (",")), "ada,alan", "a nested filter");
    var alan = coll.find_sync (json_object ("{\"team\": \"math\", \"born\": 1912}"), 0,
                               Arango.NO_LIMIT, null);
    check_equal (keys_of (alan), "alan", "two filters");
    check_equal (keys_of (coll.find_sync (null, 1, 1, null)), "alan", "skip and limit");

    var keys = coll.keys_sync (null);
    check_equal (sorted (keys), "ada,alan,grace", "keys");
    var random = coll.random_sync (null);
    check (random.get_string_member ("_key") in keys, "a random document");
    check (random.has_member ("born"), "the whole document");

    var count = coll.update_match_sync (json_object ("{\"team\": \"math\"}"),
                                        json_object ("{\"retired\": true}"),
                                        Arango.NO_LIMIT, Arango.DocumentFlags.NONE);
    check (count == 2, "updated %lld".printf (count));
    var ada = coll.get_sync ("ada", null);
    check (ada.get_boolean_member ("retired") && ada.get_int_member ("born") == 1815, "merged");
    check (!coll.get_sync ("grace", null).has_member ("retired"), "grace unmatched");

    try {
      coll.find_near_sync ({ "a", "b", "c" }, false, 0, 0, 1, null, null);
      throw new TestError.FAILED ("three location attributes were taken");
    } catch (Arango.Error.INVALID_ARGUMENT e) {
    }
  });

  with_collection (emulator, "vala_empty", (db, empty) => {
    check (empty.random_sync (null) == null, "random of nothing");
    check (empty.keys_sync (null).length == 0, "no keys");
  });
}

void test_geo_queries (Emulator emulator) throws Error {
  with_collection (emulator, "vala_cities", (db, coll) => {
    coll.insert_many_sync (Json.from_string (CITIES).get_array (), Arango.DocumentFlags.NONE);

    var near = coll.find_near_sync ({ "lat", "lng" }, false, 52.52, 13.405, 2, "metres", null);
    var found = near.next_batch_sync ();
    check (found.get_length () == 2, "the nearest two");
    check_equal (found.get_object_element (0).get_string_member ("_key"), "berlin", "nearest");
    check (found.get_object_element (0).get_double_member ("metres") == 0, "berlin to itself");
    check_equal (found.get_object_element (1).get_string_member ("_key"), "potsdam", "next");
    var metres = found.get_object_element (1).get_double_member ("metres");
    check (metres > 26000 && metres < 28000, "berlin to potsdam: %g m".printf (metres));

    var radius = coll.find_in_radius_sync ({ "geo" }, true, 48.86, 2.35, 1000, null, null);
    check_equal (keys_of (radius), "paris", "within a kilometre");
    var box = coll.find_in_box_sync ({ "geo" }, true, 52, 13, 53, 14, 0, Arango.NO_LIMIT, null);
    check_equal (sorted (keys_of (box).split (",")), "berlin,potsdam", "in a box");
  });
}

/* The option objects */

void test_transaction_options (Emulator emulator) throws Error {
  with_collection (emulator, "vala_bounded", (db, coll) => {
    var defaults = new Arango.TransactionOptions ();
    check (defaults.allow_implicit && defaults.lock_timeout == -1 &&
           defaults.max_transaction_size == 0 && !defaults.allow_dirty_read, "defaults");

    var options = new Arango.TransactionOptions () {
      max_transaction_size = 200,
      lock_timeout = 30,
    };
    var transaction = db.begin_transaction_with_options_sync (null, { "vala_bounded" }, null,
                                                              options);
    var inside = transaction.get_collection ("vala_bounded");
    inside.insert_sync (Json.from_string ("{\"_key\": \"small\"}"), Arango.DocumentFlags.NONE);
    try {
      inside.insert_sync (Json.from_string ("{\"pad\": \"%s\"}".printf (string.nfill (300, 'x'))),
                          Arango.DocumentFlags.NONE);
      throw new TestError.FAILED ("a transaction grew past its size");
    } catch (Arango.ServerError.RESOURCE_LIMIT e) {
      check ("limit of 200 bytes" in e.message, e.message);
    }

    /* Taken up through another coordinator, and committed there */
    var other = new Arango.Client (emulator.urls[2]).db_sync ("_system", "root", "");
    var fetched = other.fetch_transaction_sync (transaction.id);
    check_equal (fetched.id, transaction.id, "the same transaction");
    check (coll.count_sync () == 0, "not committed yet");
    check (fetched.commit_sync (), "committed");
    check (coll.count_sync () == 1, "the small one only");
    check_equal (transaction.status_sync (), "committed", "the first handle sees it");

    try {
      other.fetch_transaction_sync (transaction.id);
      throw new TestError.FAILED ("a committed transaction was taken up");
    } catch (Arango.Error.TRANSACTION_NOT_RUNNING e) {
    }
    try {
      other.fetch_transaction_sync ("12/34");
      throw new TestError.FAILED ("a malformed id was sent");
    } catch (Arango.Error.INVALID_ARGUMENT e) {
    }
  });
}

void test_database_options (Emulator emulator) throws Error {
  var db = open_database (emulator);
  var defaults = new Arango.DatabaseOptions ();
  check (defaults.replication_factor == 0 && defaults.sharding == null, "defaults");

  var options = new Arango.DatabaseOptions () {
    replication_factor = 2,
    write_concern = 2,
    sharding = "single",
  };
  check (db.create_database_with_options_sync ("vala_options", null, options), "created");
  var properties = open_database (emulator, "vala_options").properties_sync ();
  db.delete_database_sync ("vala_options");
  check_equal (properties.get_string_member ("sharding"), "single", "sharding");
  check (properties.get_int_member ("replicationFactor") == 2, "replicationFactor");
  check (properties.get_int_member ("writeConcern") == 2, "writeConcern");

  options = new Arango.DatabaseOptions () { sharding = "wide" };
  try {
    db.create_database_with_options_sync ("vala_bad", null, options);
    throw new TestError.FAILED ("sharding “wide” was sent");
  } catch (Arango.Error.INVALID_ARGUMENT e) {
  }
}

void test_query_options (Emulator emulator) throws Error {
  with_collection (emulator, "vala_numbers", (db, coll) => {
    coll.insert_many_sync (Json.from_string ("[{\"v\": 0}, {\"v\": 1}, {\"v\": 2}, {\"v\": 3}]")
                           .get_array (), Arango.DocumentFlags.NONE);

    var options = new Arango.QueryOptions () {
      use_plan_cache = true,
      fill_block_cache = false,
    };
    var aql = "FOR d IN vala_numbers FILTER d.v < @v RETURN d.v";
    var first = db.query_sync (aql, json_object ("{\"v\": 2}"), options);
    check (first.plan_cache_key == null, "not from the plan cache");
    var second = db.query_sync (aql, json_object ("{\"v\": 3}"), options);
    check (second.plan_cache_key != null && second.plan_cache_key != "", "a plan cache key");

    var plain = db.query_sync ("FOR d IN vala_numbers RETURN d", null, null);
    check (plain.profile == null && plain.node_statistics == null, "no profile");

    options = new Arango.QueryOptions () { profile = 2 };
    var cursor = db.query_sync ("FOR d IN vala_numbers SORT d.v RETURN d.v", null, options);
    check (cursor.profile.has_member ("executing"), "profile.executing");
    var nodes = cursor.node_statistics;
    check (nodes.get_length () == cursor.plan.get_array_member ("nodes").get_length (),
           "statistics for every node of the plan");
    var last = nodes.get_object_element (nodes.get_length () - 1);
    check (last.get_int_member ("items") == 4, "four items returned");
  });
}

/* The tests, run by tap.vala */
const string[] TEST_NAMES = {
  "revision, checksum and get_index follow the data",
  "delete_collection_with_flags",
  "find, keys, random and update_match",
  "find_near, find_in_radius and find_in_box",
  "transaction options and fetch_transaction",
  "database options",
  "query options and a profiled query",
};

async void run_test (int index, Emulator emulator) throws Error {
  switch (index) {
  case 0:
    test_revision_and_checksum (emulator);
    break;
  case 1:
    test_delete_with_flags (emulator);
    break;
  case 2:
    test_simple_queries (emulator);
    break;
  case 3:
    test_geo_queries (emulator);
    break;
  case 4:
    test_transaction_options (emulator);
    break;
  case 5:
    test_database_options (emulator);
    break;
  case 6:
    test_query_options (emulator);
    break;
  default:
    assert_not_reached ();
  }
}

int main (string[] args) {
  return run_tap (new Emulator ());
}
