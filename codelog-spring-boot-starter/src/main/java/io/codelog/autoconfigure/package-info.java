/**
 * Spring Boot auto-configuration of codelog: the {@code codelog.*} properties, the chosen store or composite as a
 * {@link io.codelog.core.CodeLogRepository} bean, the retention cleaner, health and metrics. Non-null unless
 * marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.autoconfigure;

import org.jspecify.annotations.NullMarked;
