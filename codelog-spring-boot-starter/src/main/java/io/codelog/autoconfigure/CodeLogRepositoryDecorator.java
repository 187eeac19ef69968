package io.codelog.autoconfigure;

import io.codelog.core.CodeLogRepository;

/**
 * Wraps the repository codelog composes before the application gets it (metrics, audit, cache). Beans of this
 * type are applied in {@code @Order}, the first innermost.
 */
@FunctionalInterface
interface CodeLogRepositoryDecorator {

    /**
     * The repository to hand on, wrapping the given one.
     *
     * @param storeName which store answers: mongo, s3, fallback or dual-write
     */
    CodeLogRepository decorate(CodeLogRepository repository, String storeName);
}
