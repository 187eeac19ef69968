package io.codelog.acceptance;

/**
 * Where a row's logs go in MongoDB.
 *
 * @param connectionString the server's connection string, without a database
 * @param database a database of the row's own
 */
record MongoPlace(String connectionString, String database) {}
