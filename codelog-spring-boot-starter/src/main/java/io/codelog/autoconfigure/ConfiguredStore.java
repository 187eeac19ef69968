package io.codelog.autoconfigure;

import io.codelog.autoconfigure.CodeLogProperties.Store;
import io.codelog.core.CodeLogRepository;

/**
 * A store bean as the composition sees it, so that the composition never names a store's classes (the S3 ones
 * may be missing from the classpath).
 *
 * @param store which back end it is
 * @param repository the store
 */
record ConfiguredStore(Store store, CodeLogRepository repository) {}
