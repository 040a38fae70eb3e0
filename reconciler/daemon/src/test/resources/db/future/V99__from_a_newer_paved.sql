-- A migration only a newer Paved would have: the tests apply it to show such a database is refused.
CREATE TABLE from_a_newer_paved (id INTEGER PRIMARY KEY);
