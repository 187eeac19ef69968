package io.codelog.autoconfigure;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The lock the retention cleaner runs under and where it lives. A bean of its own type, never a {@link
 * LockProvider} bean, so that an application using ShedLock for its own tasks never gets codelog's lock by type.
 *
 * @param provider the ShedLock provider
 * @param home where the lock lives, for the start-up log, e.g. {@code S3 bucket logs, key codeactions/locks/}
 */
record CleanerLock(LockProvider provider, String home) {}
