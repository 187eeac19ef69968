/**
 * The code log model and the {@link io.codelog.core.CodeLogRepository} contract every store keeps: ids, rules,
 * the JSON form, typed exceptions, and the dual-write and fallback composites. Depends on no store client and no
 * Spring; every type and member is non-null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.codelog.core;

import org.jspecify.annotations.NullMarked;
