package io.codelog.test;

import io.codelog.testservers.S3TestServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Resolves an {@link S3TestServer} parameter with Adobe S3Mock ({@link TestServers#s3Mock()}), the second, independent
 * S3 implementation, instead of the main S3 server:
 *
 * <pre>{@code
 * @BeforeAll
 * static void up(@S3Mock S3TestServer s3Mock) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface S3Mock {}
