/**
 * The MongoDB store: {@link io.codelog.mongo.MongoCodeLogRepository} and its settings, the id index and the
 * dual-write failure log kept in MongoDB. Non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.mongo;

import org.jspecify.annotations.NullMarked;
